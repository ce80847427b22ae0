"""The reader's main screen: four linked panes over one library.

The screen owns the state (open article, entity filter, search text) and pushes it down to
the panes; panes report what the user chose with messages. All library reads run in thread
workers that post the results back, so the interface never waits on SQLite.

Which claims are listed: with no filter, the open article's; with an entity or search filter,
every matching claim in the library, so sources can be read side by side.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from extract.text import one_line
from store import ClaimFilter, Library
from store.library import ENTITY_SAMPLE
from tui.app import ClaimdiffApp
from tui.messages import (
    COUNT_CAP,
    ArticleLoaded,
    ArticlesLoaded,
    ClaimsLoaded,
    EntitiesLoaded,
    LibraryGrew,
    Page,
)
from tui.widgets.article_view import ArticleView
from tui.widgets.key_bar import KeyBar
from tui.widgets.tables import (
    ArticleList,
    ClaimTable,
    EntityList,
    ListPane,
    first_page,
    page_to_read,
)
from tui.widgets.title_bar import TitleBar

SEARCH_HINT = "Search claims and article text; Enter applies, Esc cancels"
WATCH_SECONDS = 2.0  # how often the reader looks whether another process imported articles

if TYPE_CHECKING:
    from textual.widgets import Input

    from store import Comparable, ImportReport
    from store.files import Target


class MainScreen(Screen[None]):
    """The reader: articles, the article's text, claims and entities, linked. Dialogs and
    the discrepancy view are imported when first opened, so the first screen comes sooner."""

    BINDINGS = [
        Binding("tab", "app.focus_next", "Pane", id="main.next_pane"),
        Binding("slash", "search", "Search", id="main.search"),
        Binding("f", "filters", "Filter", id="main.filters"),
        Binding("i", "import", "Import", id="main.import"),
        Binding("escape", "clear_filter", "Clear", id="main.clear_filter"),
        Binding("r", "refresh", "Refresh", show=False, id="main.refresh"),
        Binding("d", "discrepancies", "Discrepancies", id="main.discrepancies"),
        Binding("x", "export", "Export", id="main.export"),
        Binding("n", "next_claim(1)", "Next claim", show=False, id="main.next_claim"),
        Binding("N", "next_claim(-1)", "Previous claim", show=False, id="main.previous_claim"),
        Binding("c", "copy_claim", "Copy sentence", show=False, id="main.copy_claim"),
        Binding("e", "claim_entity", "Entity", show=False, id="main.claim_entity"),
        Binding("question_mark", "help", "Help", id="main.help"),
        Binding("q", "app.quit", "Quit", id="main.quit"),
        Binding("1", "focus('articles')", "Articles", show=False, id="main.focus_articles"),
        Binding("2", "focus('article')", "Text", show=False, id="main.focus_article"),
        Binding("3", "focus('claims')", "Claims", show=False, id="main.focus_claims"),
        Binding("4", "focus('entities')", "Entities", show=False, id="main.focus_entities"),
    ]
    app = getters.app(ClaimdiffApp)  # its settings, and the export worker, typed

    article_id: reactive[int | None] = reactive(None, init=False)
    filter: reactive[ClaimFilter] = reactive(ClaimFilter, init=False)

    def __init__(self, library: Library, initial: ClaimFilter | None = None) -> None:
        super().__init__()
        self.library = library
        self.initial = initial or ClaimFilter()  # the filters saved last time
        self.entity_names: dict[int, str] = {}  # the entities filtered on, by id
        self._claim_to_show: int | None = None
        # The claim to mark when its article arrives: (article, sentence, figure) offsets.
        self._pending: tuple[int, tuple[int, int], tuple[int, int]] | None = None
        self.claims_total = 0
        self._claims_sources = 0
        self._claims_title = Text("Claims")
        self._filter_order: list[str] = []  # names of the filters set, oldest first
        self._follow_claims = False  # n / N moved the claims cursor from another pane

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="filters")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield ArticleList(id="articles")
                yield EntityList(id="entities")
            with Vertical(id="right"):
                yield ArticleView(id="article")
                yield ClaimTable(id="claims")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#articles").border_title = "Articles"
        self.query_one("#article").border_title = "Article"
        self.query_one("#claims").border_title = "Claims"
        self.query_one("#entities").border_title = "Entities"
        self.query_one("#articles").focus()
        self._shown_up_to: int | None = None  # the newest article when the panes were read
        self._told_up_to = 0  # the newest article the user was told about
        self.set_interval(WATCH_SECONDS, self.watch_library)
        # The panes are read once the first frame is up: reading threads building rows
        # held the interpreter while it was being drawn.
        self.call_after_refresh(self._read_library)

    def _read_library(self) -> None:
        self.mark_library()
        self.load_entities(self.initial)
        self.warm_library()
        if self.initial.is_empty:
            self.load_articles(self.filter)
        else:
            for name, active in (("sources", self.initial.sources), ("kinds", self.initial.kinds),
                                 ("hedges", self.initial.hedges),
                                 ("dates", self.initial.since or self.initial.until),
                                 ("query", self.initial.query)):  # fmt: skip
                self._applied(name, bool(active))
            self.filter = self.initial

    # ---- workers: read the library, post the result ---------------------------------------

    @work(thread=True, exclusive=True, group="articles", exit_on_error=False)
    def load_articles(self, f: ClaimFilter, page: Page | None = None) -> None:
        """A page of articles: the first, counted, when the filter changed."""
        page = page_to_read(page, lambda cap: self.library.count_articles(f, cap))
        rows = self.library.articles(f, limit=ListPane.PAGE, offset=page.offset)
        self.post_message(ArticlesLoaded(rows, f, page))

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_article(self, article_id: int | None) -> None:
        article = self.library.article(article_id) if article_id is not None else None
        self.post_message(ArticleLoaded(article))

    @work(thread=True, exclusive=True, group="claims", exit_on_error=False)
    def load_claims(self, f: ClaimFilter, page: Page | None = None, sources: int = 0) -> None:
        """A page of claims; a new list's first is read with its count, in one go where
        counting reads the rows the page would read again."""
        if page is None:
            rows, total, sources = self.library.claims_first_page(f, ListPane.PAGE, COUNT_CAP)
            self.post_message(ClaimsLoaded(rows, f, first_page(total), sources))
            return

        def count(cap: int | None) -> int:
            nonlocal sources
            total, sources = self.library.count_claims(f, cap)
            return total

        page = page_to_read(page, count)
        rows = self.library.claims(f, limit=ListPane.PAGE, offset=page.offset)
        self.post_message(ClaimsLoaded(rows, f, page, sources))

    @work(thread=True, group="warm", exit_on_error=False)
    def warm_library(self) -> None:
        """Make what filters are planned by while the user reads the first screen: the
        first filter by kind would otherwise wait for it (45 ms at 100,000 articles)."""
        self.library.warm()

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def load_entities(self, f: ClaimFilter, page: Page | None = None) -> None:
        # The entity chosen as a filter stays listed, so it can be chosen again to undo.
        f = replace(f, entity_ids=frozenset())
        rows, total = self.library.entities_page(f, ListPane.PAGE, page.offset if page else 0)
        sampled = 0
        if not f.is_empty and not f.article_id:
            articles = self.library.count_articles(f, COUNT_CAP)  # COUNT_CAP + 1: more
            sampled = articles if articles > ENTITY_SAMPLE else 0
        self.post_message(EntitiesLoaded(rows, page or Page(0, total), sampled))

    @on(ListPane.PageWanted)
    def _page_wanted(self, message: ListPane.PageWanted) -> None:
        table = message.table
        page = Page(message.offset, table.total, message.cursor, table.capped)
        if table.id == "articles":
            self.load_articles(self.filter, page)
        elif table.id == "claims":
            self.load_claims(self.claims_filter(), page, self._claims_sources)
        else:
            self.load_entities(self.filter, page)

    # ---- state -> panes ------------------------------------------------------------------

    def claims_filter(self) -> ClaimFilter:
        """What the claims pane lists: the filter, or the open article when unfiltered."""
        if self.filter.is_empty:
            return ClaimFilter(article_id=self.article_id or -1)
        return self.filter

    def watch_article_id(self, article_id: int | None) -> None:
        self.load_article(article_id)
        if self.filter.is_empty:
            self.load_claims(self.claims_filter())

    def watch_filter(self, f: ClaimFilter) -> None:
        self.load_articles(f)
        self.load_entities(f)
        self.load_claims(self.claims_filter())
        self._show_filters()
        self.app.config.remember(f)
        self.app.save_settings()

    def _show_filters(self) -> None:
        bar = self.query_one("#filters", Static)
        f = self.filter
        parts: list[str] = []
        for name in self._filter_order:
            if name.startswith("entity:") and int(name[7:]) in f.entity_ids:
                parts.append(f"entity: {self.entity_names.get(int(name[7:]), name[7:])}")
            elif name == "query" and f.query:
                parts.append(f"search: {f.query}")
            elif name == "sources" and f.sources:
                parts.append("source: " + ", ".join(sorted(f.sources)))
            elif name == "kinds" and f.kinds:
                parts.append("kind: " + ", ".join(sorted(f.kinds)))
            elif name == "hedges" and f.hedges:
                parts.append("hedge: " + ", ".join(h.replace("_", " ") for h in sorted(f.hedges)))
            elif name == "dates" and (f.since or f.until):
                parts.append(f"published: {f.since or '…'} to {f.until or '…'}")
        bar.display = bool(parts)
        bar.update(Text("Filter  " + "  ·  ".join(parts) + "    (esc clears the last)"))

    def _applied(self, name: str, active: bool) -> None:
        """Keep the order filters were set in, so escape takes off the last one."""
        if name in self._filter_order:
            self._filter_order.remove(name)
        if active:
            self._filter_order.append(name)

    @on(ArticlesLoaded)
    def _articles_loaded(self, message: ArticlesLoaded) -> None:
        if message.filter != self.filter:
            return  # an older answer
        table = self.query_one(ArticleList)
        page = message.page
        table.show(message.rows, self.article_id, page.offset, page.total, page.cursor,
                   page.capped)  # fmt: skip
        table.border_title = table.page_title("Articles")
        if not message.rows and message.filter.is_empty:
            view = self.query_one(ArticleView)
            view.placeholder = "The library is empty. Import articles with: claimdiff import PATH"
            view.show_article(None)
        if page.cursor is not None:
            self.article_id = table.current_id  # the page's first or last, as the user moved
        elif message.rows and (self.article_id not in {r.id for r in message.rows}):
            self.article_id = message.rows[0].id
            table.move_to(self.article_id)

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        if message.article is not None and message.article.id != self.article_id:
            return
        view = self.query_one(ArticleView)
        view.show_article(message.article)
        view.border_title = Text(message.article.source if message.article else "Article")
        self._show_pending_claim()

    @on(ClaimsLoaded)
    def _claims_loaded(self, message: ClaimsLoaded) -> None:
        if message.filter != self.claims_filter():
            return
        table = self.query_one(ClaimTable)
        page = message.page
        self.claims_total = page.total  # export writes them all, not only those shown
        self._claims_sources = sources = message.sources
        self._follow_claims = page.cursor is not None  # a fresh list's cursor is no move
        table.show(message.rows, self._claim_to_show, page.offset, page.total, page.cursor,
                   page.capped)  # fmt: skip
        scope = "this article" if self.filter.is_empty else "library, filtered"
        title = table.page_title(f"Claims · {scope}")
        if not page.capped:  # else counted in the first rows only: not worth a figure
            title.append(f" · {sources} source{'s' * (sources != 1)}")
        self._claims_title = title
        self._title_claims()

    @on(EntitiesLoaded)
    def _entities_loaded(self, message: EntitiesLoaded) -> None:
        table = self.query_one(EntityList)
        last = next((int(n[7:]) for n in reversed(self._filter_order) if n.startswith("entity:")),
                    None)  # fmt: skip
        page = message.page
        table.show(message.rows, last, page.offset, page.total, page.cursor)
        title = table.page_title("Entities")
        if message.sampled:
            kept = f"{COUNT_CAP:,}+" if message.sampled > COUNT_CAP else f"{message.sampled:,}"
            title.append(f" · in {ENTITY_SAMPLE:,} of {kept} articles")
        table.border_title = title

    # ---- panes -> state ------------------------------------------------------------------

    @on(ListPane.RowHighlighted, "#articles")
    def _article_highlighted(self, event: ListPane.RowHighlighted) -> None:
        self.article_id = int(event.key)

    @on(ListPane.RowHighlighted, "#claims")
    def _claim_highlighted(self, event: ListPane.RowHighlighted) -> None:
        # Only a move the user makes shows a claim: the cursor a fresh list starts on must
        # not scroll the article away from its title.
        table = self.query_one(ClaimTable)
        follow, self._follow_claims = self._follow_claims, False
        if not (table.has_focus or follow):
            return
        claim = table.row_of(event.key)
        if claim is None:
            return
        self._claim_to_show = claim.id
        self._pending = (claim.article_id, (claim.start, claim.end),
                         (claim.span_start, claim.span_end))  # fmt: skip
        if claim.article_id != self.article_id:
            self.article_id = claim.article_id
            self.query_one(ArticleList).move_to(claim.article_id)
        else:
            self._show_pending_claim()

    @on(ListPane.RowSelected, "#claims")
    def _claim_selected(self) -> None:
        self.query_one(ArticleView).focus()

    def _show_pending_claim(self) -> None:
        """Mark the claim chosen last once its article is on screen."""
        view = self.query_one(ArticleView)
        if self._pending and view.article and view.article.id == self._pending[0]:
            view.show_claim(self._pending[1], self._pending[2])

    def show_claim_in_article(self, claim: Comparable) -> None:
        """Open a claim's article at its sentence (from the discrepancy view)."""
        start = claim.offset
        sentence = (start, start + len(claim.sentence))
        figure = (start + claim.span[0], start + claim.span[1])
        self._pending = (claim.article, sentence, figure)
        self._claim_to_show = claim.id
        self.query_one(ArticleView).focus()
        if claim.article != self.article_id:
            self.article_id = claim.article
            self.query_one(ArticleList).move_to(claim.article)
        else:
            self._show_pending_claim()

    @on(ListPane.RowSelected, "#entities")
    def _entity_selected(self, event: ListPane.RowSelected) -> None:
        entity = self.query_one(EntityList).row_of(event.key)
        self._toggle_entity(int(event.key), entity.name if entity else event.key)

    def _toggle_entity(self, entity_id: int, name: str) -> None:
        """Add an entity to the filter (claims must name them all), or take it off."""
        ids = set(self.filter.entity_ids)
        if entity_id in ids:
            ids.discard(entity_id)
        else:
            ids.add(entity_id)
            self.entity_names[entity_id] = name
        self._applied(f"entity:{entity_id}", entity_id in ids)
        self.filter = replace(self.filter, entity_ids=frozenset(ids))

    # ---- actions -------------------------------------------------------------------------

    def action_focus(self, pane: str) -> None:
        self.query_one(f"#{pane}").focus()

    def action_search(self) -> None:
        """/: the search box, made the first time it is asked for (the first frame comes
        sooner without it)."""
        from textual.widgets import Input

        query = self.filter.query or ""
        boxes = self.query("#search")
        if boxes:
            search = boxes.first(Input)
            search.value = query
            search.display = True
        else:
            search = Input(query, placeholder=SEARCH_HINT, id="search")
            self.mount(search, before="#filters")
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        event.input.display = False
        query = event.value.strip() or None
        self._applied("query", query is not None)
        self.filter = replace(self.filter, query=query)
        self.query_one(ClaimTable).focus()

    def action_clear_filter(self) -> None:
        """Escape: close the search box, else take off the filter set last."""
        search = self.query("#search")
        if search and search.first().display:
            search.first().display = False
            self.query_one(ClaimTable).focus()
            return
        if not self._filter_order:
            return
        last = self._filter_order.pop()
        if last.startswith("entity:"):
            ids = self.filter.entity_ids - {int(last[7:])}
            self.filter = replace(self.filter, entity_ids=ids)
            return
        cleared = {
            "query": {"query": None},
            "sources": {"sources": frozenset()}, "kinds": {"kinds": frozenset()},
            "hedges": {"hedges": frozenset()}, "dates": {"since": None, "until": None},
        }[last]  # fmt: skip
        self.filter = replace(self.filter, **cleared)

    def action_filters(self) -> None:
        from tui.screens.filters import FilterScreen

        def chosen(f: ClaimFilter | None) -> None:
            if f is None:
                return
            self._applied("sources", bool(f.sources))
            self._applied("kinds", bool(f.kinds))
            self._applied("hedges", bool(f.hedges))
            self._applied("dates", bool(f.since or f.until))
            self.filter = f

        self.app.push_screen(
            FilterScreen(self.filter, self.library.sources(), self._rename_source), chosen
        )

    def _rename_source(self, old: str, new: str) -> tuple[int, list[str]]:
        """Rename a source (in a worker thread) and read every pane again: the names they
        show, and a filter by the old name, follow."""
        count = self.library.rename_source(old, new)
        if old in self.filter.sources:  # a new filter reads the panes again
            sources = (self.filter.sources - {old}) | {one_line(new)}
            renamed = replace(self.filter, sources=sources)
            self.app.call_from_thread(setattr, self, "filter", renamed)
        else:
            self.app.call_from_thread(self.refresh_panes)
        return count, self.library.sources()

    def action_export(self) -> None:
        """Export the marked claims, or every claim the view holds when none is marked."""
        from store import export
        from tui.screens.export import ExportScreen, export_format

        marked = self.query_one(ClaimTable).marked
        f = ClaimFilter(ids=frozenset(marked)) if marked else self.claims_filter()
        total = len(marked) if marked else self.claims_total

        def chosen(where: Target | None) -> None:
            if where is not None:
                fmt = export_format(where.named)
                self.app.export_to(
                    where, lambda out: export(self.library, "claims", f, fmt, out), "claims"
                )

        claims = self.query_one(ClaimTable)
        count = f"{total - 1:,}+" if not marked and claims.capped else f"{total:,}"
        what = f"{count} {'marked ' if marked else ''}claim{'s' * (total != 1)}"
        self.app.push_screen(ExportScreen(what, Path.cwd() / "claimdiff-claims.csv"), chosen)

    def action_next_claim(self, step: int) -> None:
        """n / N: the next or previous claim, shown in its article."""
        table = self.query_one(ClaimTable)
        self._follow_claims = True
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_copy_claim(self) -> None:
        """Copy the current claim's sentence with its source and date (OSC 52: works over SSH)."""
        table = self.query_one(ClaimTable)
        claim = table.current_row
        if claim is None:
            return
        date = claim.said_on or claim.published or "undated"
        self.app.copy_to_clipboard(f"\u201c{claim.sentence}\u201d ({claim.source}, {date})")
        self.notify("Copied the sentence with its source and date", markup=False)

    def action_claim_entity(self) -> None:
        """e: show only claims naming one of the entities in the current claim's sentence."""
        from tui.screens.pick import PickScreen

        table = self.query_one(ClaimTable)
        claim = table.current_row
        if claim is None or not claim.entities:
            self.notify("This sentence names no entity.", markup=False)
            return

        def chosen(name: str | None) -> None:
            entity_id = self.library.find_entity(name) if name else None
            if entity_id is not None and entity_id not in self.filter.entity_ids:
                self._toggle_entity(entity_id, name or "")

        if len(claim.entities) == 1:
            chosen(claim.entities[0])
        else:
            self.app.push_screen(PickScreen("Show claims naming:", claim.entities), chosen)

    @on(ClaimTable.MarksChanged)
    def _marks_changed(self) -> None:
        self._title_claims()

    def _title_claims(self) -> None:
        table = self.query_one(ClaimTable)
        title = self._claims_title.copy()
        if table.marked:
            title.append(f" · {len(table.marked)} marked (x exports them)", style="bold yellow")
        table.border_title = title

    def action_import(self) -> None:
        from tui.screens.importing import ImportScreen

        def done(report: ImportReport | None) -> None:
            if report is None:
                return
            severity = "warning" if report.failed else "information"
            told = report.lines()
            lines = [f"Import: {report.summary()}", *told[:8]]
            if len(told) > 8:
                lines.append(f"and {len(told) - 8} more lines")
            self.notify("\n".join(lines), severity=severity, markup=False, timeout=10)
            self.refresh_panes()

        self.app.push_screen(ImportScreen(self.library, Path.cwd(), self.app.config.fields), done)

    def action_refresh(self) -> None:
        self.refresh_panes()

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def mark_library(self) -> None:
        """Remember how far the library went when the panes were read."""
        self._shown_up_to = self.library.latest()

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def watch_library(self) -> None:
        """Another process may be importing into the library: say so when it has, once;
        the panes stay as they are (a cursor never jumps) until the user refreshes."""
        if self._shown_up_to is None or self.app.screen is not self:
            return  # not read yet, or the user is busy in a dialog (the reader's own import)
        latest = self.library.latest()
        if latest > max(self._shown_up_to, self._told_up_to):
            new = self.library.articles_after(self._shown_up_to)
            self.post_message(LibraryGrew(new, latest))

    @on(LibraryGrew)
    def _library_grew(self, message: LibraryGrew) -> None:
        self._told_up_to = message.latest
        articles = f"{message.new:,} new article{'s' * (message.new != 1)}"
        self.notify(f"{articles} in the library. Press r to show them.", title="Library",
                    markup=False, timeout=8)  # fmt: skip

    def refresh_panes(self) -> None:
        """Read everything again: after an import, or another process's."""
        self.mark_library()
        self.load_articles(self.filter)
        self.load_entities(self.filter)
        self.load_claims(self.claims_filter())

    def action_discrepancies(self) -> None:
        from tui.screens.discrepancies import DiscrepancyScreen

        self.app.push_screen(DiscrepancyScreen(self.library, self.filter))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
