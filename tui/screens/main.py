"""The reader's main screen: four linked panes over one library.

The screen owns the state (the open article, the filter as one ReaderFilter, the claim
shown) and pushes it down to the panes; panes, dialogs and the discrepancy view report what
the user chose with messages. All library reads run in thread workers that only post their
results back, so the interface never waits on SQLite and no thread touches the screen.

Which claims are listed: with no filter, the open article's; with an entity or search filter,
every matching claim in the library, so sources can be read side by side.

`delete` takes the open article, or every article of its source, out of the library (asking
first); `u` puts back what was removed last, as long as the reader stays open: the screen
keeps what each removal took (store/removing.py), and putting it back imports those rows
again. `o` opens the article's web address in the browser, or shows it to copy.
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

from extract.text import one_line, printable
from store import ClaimFilter, Count, Library, LibraryError
from store.reading import ENTITY_SAMPLE
from store.removing import Removal, Selection, share_line
from tui.app import HELP, ClaimdiffApp
from tui.format import source
from tui.messages import (
    COUNT_CAP,
    ArticleLoaded,
    ArticlesLoaded,
    ClaimsLoaded,
    EntitiesLoaded,
    Judged,
    LibraryGrew,
    LibraryMarked,
    Opened,
    Page,
    Removed,
    Restored,
    ShowClaim,
    SourceRenamed,
    ToCopy,
)
from tui.state import ClaimPlace, Entity, ReaderFilter
from tui.widgets.article_view import ArticleView
from tui.widgets.key_bar import KeyBar
from tui.widgets.tables import (
    ArticleList,
    ClaimTable,
    EntityList,
    ListPane,
    page_to_read,
)
from tui.widgets.title_bar import TitleBar

SEARCH_HINT = "Search claims and article text as you type; Enter keeps it, Esc cancels"
# A search runs once typing pauses this long: a query a keystroke would queue reads of every
# pane behind each other (a search takes up to 50 ms at 100,000 articles).
SEARCH_PAUSE = 0.25
# Keys that the help shows on one line, with these words.
PANES = Binding.Group("next / previous pane")
PANE_KEYS = Binding.Group("articles, article text, claims, entities", compact=True)
NEXT_CLAIM = Binding.Group("next / previous claim, shown in its article")
WATCH_SECONDS = 2.0  # how often the reader looks whether another process imported articles

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.timer import Timer
    from textual.widgets import Input

    from store.files import Target
    from store.verdicts import Verdict


class MainScreen(Screen[None]):
    """The reader: articles, the article's text, claims and entities, linked. Dialogs and
    the discrepancy view are imported when first opened, so the first screen comes sooner."""

    # The key bar shows each description; the help, each tooltip (or its group's words).
    # fmt: off
    BINDINGS = [
        Binding("tab", "app.focus_next", "Pane", id="main.next_pane", group=PANES),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False,
                id="main.previous_pane", group=PANES),
        Binding("slash", "search", "Search", id="main.search",
                tooltip="search claims and article text"),
        Binding("f", "filters", "Filter", id="main.filters",
                tooltip="filter by source, kind, hedge, verdict, dates (R there renames a "
                        "source)"),
        Binding("i", "import", "Import", id="main.import",
                tooltip="import files or folders (esc stops between files)"),
        Binding("escape", "clear_filter", "Clear", id="main.clear_filter",
                tooltip="clear the filter set last: a search, an entity, sources, kinds, "
                        "hedges or dates (in the search box: cancel the search)"),
        Binding("r", "refresh", "Refresh", show=False, id="main.refresh",
                tooltip="read the library again (another process imported)"),
        Binding("d", "discrepancies", "Discrepancies", id="main.discrepancies",
                tooltip="discrepancies: where sources disagree"),
        Binding("x", "export", "Export", id="main.export",
                tooltip="export the marked claims, or all on screen, as CSV"),
        Binding("n", "next_claim(1)", "Next claim", show=False, id="main.next_claim",
                group=NEXT_CLAIM),
        Binding("N", "next_claim(-1)", "Previous claim", show=False, id="main.previous_claim",
                group=NEXT_CLAIM),
        Binding("v", "verdict", "Verdict", show=False, id="main.verdict",
                tooltip="your verdict on the claim (confirmed, disputed, false, not a claim) "
                        "and a note"),
        Binding("c", "copy_claim", "Copy sentence", show=False, id="main.copy_claim",
                tooltip="copy the claim's sentence with its source, date and web address"),
        Binding("o", "open_address", "Open", show=False, id="main.open_address",
                tooltip="open the article's web address in the browser (or show it to copy)"),
        Binding("delete", "remove", "Remove", show=False, id="main.remove",
                tooltip="remove the open article, or its source's articles (asks first)"),
        Binding("u", "undo_removal", "Undo removal", show=False, id="main.undo_removal",
                tooltip="put back what was removed last, while the reader is open"),
        Binding("e", "claim_entity", "Entity", show=False, id="main.claim_entity",
                tooltip="show only claims naming an entity of this claim's sentence"),
        Binding("R", "rename_source", "Rename source", show=False, id="main.rename_source",
                tooltip="name the open article's source (an unknown outlet), or rename it"),
        HELP,
        Binding("q", "app.quit", "Quit", id="main.quit", tooltip="quit"),
        Binding("1", "focus_pane('articles')", "Articles", show=False, id="main.focus_articles",
                group=PANE_KEYS),
        Binding("2", "focus_pane('article')", "Text", show=False, id="main.focus_article",
                group=PANE_KEYS),
        Binding("3", "focus_pane('claims')", "Claims", show=False, id="main.focus_claims",
                group=PANE_KEYS),
        Binding("4", "focus_pane('entities')", "Entities", show=False, id="main.focus_entities",
                group=PANE_KEYS),
    ]
    # fmt: on
    app = getters.app(ClaimdiffApp)  # its settings, and the export worker, typed

    article_id: reactive[int | None] = reactive(None, init=False)
    filter: reactive[ReaderFilter] = reactive(ReaderFilter, init=False)

    def __init__(self, library: Library, saved: ClaimFilter | None = None) -> None:
        super().__init__()
        self.library = library
        self.saved = saved or ClaimFilter()  # the filters saved last time
        self.showing: ClaimPlace | None = None  # the claim chosen last, marked in its article
        self.claims_page = Page(0, Count(0))  # of the claims listed: export writes them all
        self.claims_sources = 0  # the sources of all those claims
        self.marked: frozenset[int] = frozenset()  # claims marked for export, kept across lists
        self._follow_claims = False  # n / N moved the claims cursor from another pane
        self._shown_up_to: int | None = None  # the newest article when the panes were read
        self._told_up_to = 0  # the newest article the user was told about
        self.removals: list[Removal] = []  # what `u` puts back, the last removal last
        self._changing = False  # articles are being put back: not news from another process
        self._searching: Timer | None = None  # a search waiting for typing to pause
        self._searched_before: str | None = None  # the search when the box was opened

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
        self.set_interval(WATCH_SECONDS, self._watch_library)
        # The panes are read once the first frame is up: reading threads building rows
        # held the interpreter while it was being drawn.
        self.call_after_refresh(self._read_library)

    def _read_library(self) -> None:
        self.mark_library()
        self.load_entities(self.saved)
        self.warm_library()
        restored = ReaderFilter.restored(self.saved)
        if restored.is_empty:
            self.load_articles(restored.claims)
        else:
            self.filter = restored

    # ---- workers: read the library, post the result ---------------------------------------

    @work(thread=True, exclusive=True, group="articles", exit_on_error=False)
    def load_articles(self, f: ClaimFilter, page: Page | None = None) -> None:
        """A page of articles: the first, counted, when the filter changed."""
        page = page_to_read(page, lambda cap: self.library.count_articles(f, cap))
        rows = self.library.articles(f, limit=ListPane.PAGE, offset=page.offset)
        self.post_message(ArticlesLoaded(rows, f, page))

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_article(self, article_id: int | None, query: str | None = None) -> None:
        """An article, with where the search finds words in it."""
        article = self.library.article(article_id) if article_id is not None else None
        found = self.library.found(article.id, query) if article and query else []
        self.post_message(ArticleLoaded(article, found))

    @work(thread=True, exclusive=True, group="claims", exit_on_error=False)
    def load_claims(self, f: ClaimFilter, page: Page | None = None, sources: int = 0) -> None:
        """A page of claims; a new list's first is read with its count, in one go where
        counting reads the rows the page would read again."""
        if page is None:
            rows, count, sources = self.library.claims_first_page(f, ListPane.PAGE, COUNT_CAP)
            self.post_message(ClaimsLoaded(rows, f, Page(0, count), sources))
            return

        def counted(cap: int | None) -> Count:
            nonlocal sources
            claims, sources = self.library.count_claims(f, cap)
            return claims

        page = page_to_read(page, counted)
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
        sampled = None
        if not f.is_empty and not f.article_id:
            articles = self.library.count_articles(f, COUNT_CAP)
            sampled = articles if articles.beyond(ENTITY_SAMPLE) else None
        self.post_message(EntitiesLoaded(rows, page or Page(0, Count(total)), sampled))

    @on(ListPane.PageWanted)
    def _page_wanted(self, message: ListPane.PageWanted) -> None:
        table, page = message.table, message.page
        if table.id == "articles":
            self.load_articles(self.filter.claims, page)
        elif table.id == "claims":
            self.load_claims(self._listed(), page, self.claims_sources)
        else:
            self.load_entities(self.filter.claims, page)

    # ---- state -> panes ------------------------------------------------------------------

    def _listed(self) -> ClaimFilter:
        return self.filter.listed(self.article_id)

    def watch_article_id(self, article_id: int | None) -> None:
        self.load_article(article_id, self.filter.claims.query)
        if self.filter.is_empty:
            self.load_claims(self._listed())

    def watch_filter(self, old: ReaderFilter, new: ReaderFilter) -> None:
        self._show_filters()
        if new.claims == old.claims:
            return  # a part set again: only the order escape follows changed
        if new.claims.query != old.claims.query:
            self.load_article(self.article_id, new.claims.query)  # its words marked anew
        self.load_articles(new.claims)
        self.load_entities(new.claims)
        self.load_claims(self._listed())
        self.app.config.remember(new.claims)
        self.app.save_settings()

    def _show_filters(self) -> None:
        bar = self.query_one("#filters", Static)
        parts = self.filter.labels()
        bar.display = bool(parts)
        bar.update(Text("Filter  " + "  ·  ".join(parts) + "    (esc clears the last)"))

    @on(ArticlesLoaded)
    def _articles_loaded(self, message: ArticlesLoaded) -> None:
        if message.filter != self.filter.claims:
            return  # an older answer
        table = self.query_one(ArticleList)
        page = message.page
        table.show(message.rows, self.article_id, page)
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
        view.show_article(message.article, message.found)
        article = message.article
        view.border_title = source(article.source, article.file_named) if article else "Article"
        self._show_pending_claim()

    @on(ClaimsLoaded)
    def _claims_loaded(self, message: ClaimsLoaded) -> None:
        if message.filter != self._listed():
            return
        table = self.query_one(ClaimTable)
        self.claims_page, self.claims_sources = message.page, message.sources
        self._follow_claims = message.page.cursor is not None  # a fresh list's cursor: no move
        table.show(message.rows, self.showing.claim_id if self.showing else None, message.page)
        self._title_claims()

    @on(EntitiesLoaded)
    def _entities_loaded(self, message: EntitiesLoaded) -> None:
        table = self.query_one(EntityList)
        page = message.page
        table.show(message.rows, self.filter.last_entity, page)
        title = table.page_title("Entities")
        if message.sampled:
            title.append(f" · in {ENTITY_SAMPLE:,} of {message.sampled} articles")
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
        if claim is not None:
            self._show(ClaimPlace(claim.id, claim.article_id, (claim.start, claim.end),
                                  (claim.span_start, claim.span_end)))  # fmt: skip

    @on(ListPane.RowSelected, "#claims")
    def _claim_selected(self) -> None:
        self.query_one(ArticleView).focus()

    def _show(self, place: ClaimPlace) -> None:
        """Show a claim in its article: at once if it is open, else once it is read."""
        self.showing = place
        if place.article_id != self.article_id:
            self.article_id = place.article_id
            self.query_one(ArticleList).move_to(place.article_id)
        else:
            self._show_pending_claim()

    def _show_pending_claim(self) -> None:
        """Mark the claim chosen last once its article is on screen."""
        view = self.query_one(ArticleView)
        place = self.showing
        if place and view.article and view.article.id == place.article_id:
            view.show_claim(place.sentence, place.figure)

    @on(ShowClaim)
    def _show_claim(self, message: ShowClaim) -> None:
        """Open a claim's article at its sentence (from the discrepancy view)."""
        self.query_one(ArticleView).focus()
        self._show(message.place)

    @on(ListPane.RowSelected, "#entities")
    def _entity_selected(self, event: ListPane.RowSelected) -> None:
        entity = self.query_one(EntityList).row_of(event.key)
        chosen = Entity(int(event.key), entity.name if entity else event.key)
        self.filter = self.filter.toggled(chosen)

    # ---- actions -------------------------------------------------------------------------

    def action_focus_pane(self, pane: str) -> None:
        self.query_one(f"#{pane}").focus()

    def action_search(self) -> None:
        """/: the search box, made the first time it is asked for (the first frame comes
        sooner without it). The panes follow as the user types."""
        from textual.widgets import Input

        query = self.filter.claims.query or ""
        self._searched_before = self.filter.claims.query
        boxes = self.query("#search")
        if boxes:
            search = boxes.first(Input)
            search.value = query
            search.display = True
        else:
            search = Input(query, placeholder=SEARCH_HINT, id="search")
            self.mount(search, before="#filters")
        search.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search as the user types, once typing pauses (SEARCH_PAUSE)."""
        if event.input.id != "search" or not event.input.display:
            return
        if self._searching is not None:
            self._searching.stop()
        query = event.value.strip() or None
        self._searching = self.set_timer(SEARCH_PAUSE, lambda: self._search(query))

    def _search(self, query: str | None) -> None:
        if self._searching is not None:
            self._searching.stop()
            self._searching = None
        if query != self.filter.claims.query:
            self.filter = self.filter.searched(query)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        event.input.display = False
        self._search(event.value.strip() or None)
        self.query_one(ClaimTable).focus()

    def action_clear_filter(self) -> None:
        """Escape: in the search box, cancel it (the search goes back to what it was when
        the box opened); else take off the filter set last."""
        search = self.query("#search")
        if search and search.first().display:
            search.first().display = False
            self._search(self._searched_before)
            self.query_one(ClaimTable).focus()
            return
        self.filter = self.filter.without_last()

    def action_filters(self) -> None:
        from tui.screens.filters import FilterScreen

        def chosen(f: ClaimFilter | None) -> None:
            if f is not None:
                self.filter = self.filter.chosen(f)

        self.app.push_screen(
            FilterScreen(self.filter.claims, self.library.sources(), self._rename_source), chosen
        )

    def action_rename_source(self) -> None:
        """R: name the open article's source, where no outlet is known, or rename it."""
        from tui.screens.filters import RenameScreen

        article = self.query_one(ArticleView).article
        if article is None:
            return
        old, unknown = article.source, article.file_named

        def chosen(new: str | None) -> None:
            if new is not None and one_line(new) not in ("", old):
                self.rename_source(old, one_line(new))

        ask = f"Name the outlet of {unknown} (none was found in it):"
        self.app.push_screen(RenameScreen(old, ask if unknown else None, "" if unknown else old),
                             chosen)  # fmt: skip

    @work(thread=True, exclusive=True, group="rename", exit_on_error=False)
    def rename_source(self, old: str, new: str) -> None:
        """Rename in the library (its groups are made again): the panes follow."""
        self._rename_source(old, new)

    def _rename_source(self, old: str, new: str) -> SourceRenamed:
        """Rename a source, in the filter dialog's worker thread: the panes follow once the
        screen is told (SourceRenamed), and the dialog is told with what it returns."""
        count = self.library.rename_source(old, new)
        sources = self.library.sources()
        self.post_message(SourceRenamed(old, new, count, sources))
        return SourceRenamed(old, new, count, sources)

    @on(SourceRenamed)
    def _source_renamed(self, message: SourceRenamed) -> None:
        """Every pane shows the new name; a filter by the old one follows it."""
        renamed = self.filter.renamed(message.old, message.new)
        if renamed != self.filter:
            self.filter = renamed  # which reads the panes again
        else:
            self.refresh_panes()

    def action_export(self) -> None:
        """Export the marked claims, or every claim the view holds when none is marked."""
        from store import export
        from tui.screens.export import ExportScreen, export_format

        marked = self.marked
        f = ClaimFilter(ids=marked) if marked else self._listed()
        count = Count(len(marked)) if marked else self.claims_page.count

        def chosen(where: Target | None) -> None:
            if where is not None:
                fmt = export_format(where.named)
                self.app.export_to(
                    where, lambda out: export(self.library, "claims", f, fmt, out), "claims"
                )

        what = f"{count} {'marked ' if marked else ''}claim{'s' * count.beyond(1)}"
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
        """c: copy the current claim's sentence with its source, date and its article's web
        address (OSC 52: works over SSH)."""
        claim = self.query_one(ClaimTable).current_row
        if claim is not None:
            date = claim.said_on or claim.published or "undated"
            self.copy_claim(f"\u201c{claim.sentence}\u201d ({claim.source}, {date})",
                            claim.article_id)  # fmt: skip

    @work(thread=True, exclusive=True, group="copy", exit_on_error=False)
    def copy_claim(self, cited: str, article_id: int) -> None:
        url = (self.library.article_refs([article_id]).get(article_id) or {}).get("url")
        if url:
            self.post_message(ToCopy(f"{cited} {url}", "Copied the sentence with its source, "
                                     "date and web address"))  # fmt: skip
        else:
            self.post_message(ToCopy(cited, "Copied the sentence with its source and date "
                                     "(its article has no web address)"))  # fmt: skip

    @on(ToCopy)
    def _to_copy(self, message: ToCopy) -> None:
        self.app.copy_to_clipboard(message.text)
        self.notify(message.told, markup=False)

    def action_open_address(self) -> None:
        """o: the open article's web address, in the browser."""
        article = self.query_one(ArticleView).article
        if article is None or article.id != self.article_id:
            return  # still being read
        if not article.url:
            self.notify("This article has no web address: its file named none.", markup=False)
            return
        self.open_address(article.url)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def open_address(self, url: str) -> None:
        from tui.opener import open_address

        self.post_message(Opened(url, open_address(url)))

    @on(Opened)
    def _opened(self, message: Opened) -> None:
        if message.why is None:
            self.notify(printable(f"Opened {message.url} in the browser"), markup=False)
            return
        from tui.screens.address import AddressScreen

        self.app.push_screen(AddressScreen(message.url, message.why))

    # ---- removing ------------------------------------------------------------------------

    def action_remove(self) -> None:
        """delete: ask whether to remove the open article or its source's articles."""
        from tui.screens.remove import RemoveScreen

        articles = self.query_one(ArticleList)
        # The cursor's article: keys typed ahead move it before the screen hears of it.
        article_id = articles.current_id if articles.has_focus else self.article_id
        if article_id is None:
            return

        def chosen(chosen: Selection | None) -> None:
            if chosen is not None:
                self.remove_articles(chosen, self.marked)

        self.app.push_screen(RemoveScreen(self.library, article_id), chosen)

    @work(thread=True, exclusive=True, group="remove", exit_on_error=False)
    def remove_articles(self, chosen: Selection, marked: frozenset[int]) -> None:
        try:
            removal = self.library.remove(chosen, keep=True)
        except LibraryError as exc:
            self.post_message(Removed(None, marked, error=str(exc)))
            return
        if marked:  # the marks on claims that went go with them
            marked = frozenset(c.id for c in self.library.claims(ClaimFilter(ids=marked)))
        self.post_message(Removed(removal, marked, self.library.latest()))

    @on(Removed)
    def _removed(self, message: Removed) -> None:
        removal = message.removal
        if removal is None:
            self.notify(printable(f"Nothing removed: {message.error}"), severity="error",
                        markup=False)  # fmt: skip
            return
        chosen = removal.selection
        self._told_up_to = message.latest  # what another process imports next is news
        if not chosen.articles:
            self.notify("Nothing removed: another claimdiff removed it first.", markup=False)
            self.refresh_panes()
            return
        if removal.kept:
            self.removals.append(removal)
            then = f"u puts {'it' if len(chosen.articles) == 1 else 'them'} back while the "
            then += "reader is open."
        else:
            then = "That cannot be undone: it was too large to keep."
        of = share_line(chosen.sources[0]) if len(chosen.sources) == 1 else (
            f"{chosen} of {len(chosen.sources)} sources")  # fmt: skip
        self.notify(printable(f"Removed {of}. {then}"), title="Removed", markup=False,
                    timeout=10)  # fmt: skip
        self.marked = message.marked
        self.query_one(ClaimTable).show_marks(self.marked)
        self.refresh_panes()

    def action_undo_removal(self) -> None:
        """u: put back what was removed last."""
        if not self.removals:
            self.notify("Nothing to put back: u undoes a removal made in this reader, while "
                        "it is open.", markup=False)  # fmt: skip
            return
        self._changing = True
        self.restore_articles(self.removals.pop())

    @work(thread=True, exclusive=True, group="remove", exit_on_error=False)
    def restore_articles(self, removal: Removal) -> None:
        try:
            restored = self.library.restore(removal)
        except LibraryError as exc:
            self.post_message(Restored(removal, 0, error=str(exc)))
            return
        self.post_message(Restored(removal, restored, self.library.latest()))

    @on(Restored)
    def _restored(self, message: Restored) -> None:
        if message.error:
            self._changing = False
            self.removals.append(message.removal)  # still there to put back
            self.notify(printable(f"Nothing put back: {message.error}"), severity="error",
                        markup=False)  # fmt: skip
            return
        chosen, n = message.removal.selection, message.articles
        whole = n == len(chosen.articles)
        what = str(chosen) if whole else f"{n:,} of the {len(chosen.articles):,} articles"
        self.notify(f"Put back {what} as {'it was' if n == 1 else 'they were'} imported: the "
                    "same text, claims and names, under new ids.", title="Undone",
                    markup=False)  # fmt: skip
        self._told_up_to = max(self._told_up_to, message.latest)  # no news: the reader's own
        self._changing = False
        self.refresh_panes()

    def action_verdict(self) -> None:
        """v: the analyst's verdict and note on the current claim."""
        from store.verdicts import Verdict
        from tui.screens.verdict import VerdictScreen

        claim = self.query_one(ClaimTable).current_row
        if claim is None:
            self.notify("No claim to judge here.", markup=False)
            return

        def chosen(verdict: Verdict | None) -> None:
            if verdict is not None:
                self.judge_claim(claim.id, verdict)

        current = Verdict(claim.verdict, claim.note or "")
        self.app.push_screen(VerdictScreen(claim.sentence, current), chosen)

    @work(thread=True, group="judge", exit_on_error=False)
    def judge_claim(self, claim_id: int, verdict: Verdict) -> None:
        """Keep a verdict (not_a_claim regroups the claim's group: a worker's job)."""
        from store import LibraryError
        from store.verdicts import CLEAR

        try:
            now = self.library.judge_claim(claim_id, verdict.verdict or CLEAR, verdict.note)
        except LibraryError as exc:
            self.post_message(Judged("", str(exc)))
            return
        said = (now.verdict or "no verdict").replace("_", " ")
        self.post_message(Judged(f"Verdict kept: {said}" + (", with a note" * bool(now.note))))

    @on(Judged)
    def _judged(self, message: Judged) -> None:
        if message.error:
            self.notify(message.error, severity="error", markup=False)
            return
        self.notify(message.said, markup=False)
        self.load_claims(self._listed())

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
            if name and entity_id is not None and entity_id not in self.filter.claims.entity_ids:
                self.filter = self.filter.toggled(Entity(entity_id, name))

        if len(claim.entities) == 1:
            chosen(claim.entities[0])
        else:
            self.app.push_screen(PickScreen("Show claims naming:", claim.entities), chosen)

    @on(ClaimTable.MarkToggled)
    def _mark_toggled(self, message: ClaimTable.MarkToggled) -> None:
        self.marked ^= {message.claim_id}
        self.query_one(ClaimTable).show_marks(self.marked)
        self._title_claims()

    def _title_claims(self) -> None:
        """ "Claims · this article (14) · 1 source · 3 marked (x exports them)"."""
        table = self.query_one(ClaimTable)
        scope = "this article" if self.filter.is_empty else "library, filtered"
        title = table.page_title(f"Claims · {scope}")
        sources = self.claims_sources
        if not self.claims_page.count.more:  # else counted in the first rows only: no figure
            title.append(f" · {sources} source{'s' * (sources != 1)}")
        if self.marked:
            title.append(f" · {len(self.marked)} marked (x exports them)", style="bold yellow")
        table.border_title = title

    def action_import(self) -> None:
        """i: the import box, at the folder imported from last (if it is still there)."""
        from tui.screens.importing import Imported, ImportScreen

        def done(imported: Imported | None) -> None:
            if imported is None:
                return
            report = imported.report
            if imported.folder is not None:
                self.app.config.last_import = str(imported.folder)
                self.app.save_settings()
            severity: SeverityLevel = "warning" if report.failed else "information"
            told = report.lines()
            lines = [f"Import: {report.summary()}", *told[:8]]
            if len(told) > 8:
                lines.append(f"and {len(told) - 8} more lines")
            self.notify("\n".join(lines), severity=severity, markup=False, timeout=10)
            self.refresh_panes()

        last = self.app.config.last_import
        start = last if last and Path(last).is_dir() else ""
        self.app.push_screen(ImportScreen(self.library, start, self.app.config.fields), done)

    def action_refresh(self) -> None:
        self.refresh_panes()

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def mark_library(self) -> None:
        """How far the library went when the panes were read."""
        self.post_message(LibraryMarked(self.library.latest()))

    @on(LibraryMarked)
    def _library_marked(self, message: LibraryMarked) -> None:
        self._shown_up_to = message.latest

    def _watch_library(self) -> None:
        """Another process may be importing into the library: say so when it has, once;
        the panes stay as they are (a cursor never jumps) until the user refreshes."""
        if self._shown_up_to is None or self.app.screen is not self or self._changing:
            return  # not read yet, the user is busy in a dialog (the reader's own import), or
            # the reader is putting articles back itself
        self.look_for_new(self._shown_up_to, max(self._shown_up_to, self._told_up_to))

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def look_for_new(self, shown: int, told: int) -> None:
        """Articles added after the newest shown, when there are more than last told of."""
        latest = self.library.latest()
        if latest > told:
            self.post_message(LibraryGrew(self.library.articles_after(shown), latest))

    @on(LibraryGrew)
    def _library_grew(self, message: LibraryGrew) -> None:
        self._told_up_to = message.latest
        articles = f"{message.new:,} new article{'s' * (message.new != 1)}"
        self.notify(f"{articles} in the library. Press r to show them.", title="Library",
                    markup=False, timeout=8)  # fmt: skip

    def refresh_panes(self) -> None:
        """Read everything again: after an import, or another process's, or a rename."""
        self.mark_library()
        self.load_article(self.article_id, self.filter.claims.query)
        self.load_articles(self.filter.claims)
        self.load_entities(self.filter.claims)
        self.load_claims(self._listed())

    def action_discrepancies(self) -> None:
        from tui.screens.discrepancies import DiscrepancyScreen

        self.app.push_screen(DiscrepancyScreen(self.library, self.filter.claims, self))
