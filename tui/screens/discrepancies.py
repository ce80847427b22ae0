"""Where sources disagree: each quantity several sources report, side by side.

Left, the groups, conflicts first. Right, one column per source, in the order of their first
claim, holding a card per claim (date, the figure in words, who it is attributed to, the
sentence with the figure marked), and below them the range plot. Enter on a card opens its
sentence in the article; x exports the chosen group, X every group.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, HorizontalScroll, Vertical
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widgets import Static

from extract.text import inert
from store import (
    Carried,
    ClaimFilter,
    Comparable,
    Count,
    Group,
    GroupRow,
    Library,
    LibraryError,
    carried,
    claim_in_words,
    day_in_words,
    export,
    export_groups,
)
from store.files import Target
from store.schema import BUSY_SECONDS
from tui.app import HELP, ClaimdiffApp
from tui.messages import LAST_PAGE, GroupLoaded, GroupsLoaded, GroupsNotice, Page, ShowClaim
from tui.screens.export import ExportScreen, export_format
from tui.state import place_of_compared
from tui.widgets.key_bar import KeyBar
from tui.widgets.range_plot import RangePlot
from tui.widgets.tables import Column, ListPane, cell, last_page
from tui.widgets.title_bar import TitleBar

WAITING = (
    f"Waiting for another claimdiff, which is writing to this library: the newest claims "
    f"are grouped once it is done (it may take up to {BUSY_SECONDS} s)."
)
CARDS_PER_SOURCE = 8  # a source's cards shown for a group; the rest are counted
PLOTTED = 60  # claims drawn in the range plot, the earliest first
EXPORTS = Binding.Group("export this group / every group: CSV, .jsonl, or a .md brief")
# conflict: figures of one time that cannot both be true; changed: figures that moved over
# time; soft: a conflict only an upper bound makes; agree.
STATUS_STYLE = {"conflict": "bold red", "soft": "yellow", "changed": "bold cyan",
                "agree": "green"}  # fmt: skip


class GroupList(ListPane):
    COLUMNS = (Column("Status", "status", 9), Column("Topic", "topic", None, least=16),
               Column("Sources", "sources", 7, drop=1))  # fmt: skip

    def key_of(self, group: GroupRow) -> str:
        return group.key

    def cells(self, group: GroupRow) -> dict[str, Text]:
        status = "soft" if group.soft else group.status
        style = STATUS_STYLE.get(status, "")
        topic = cell(group.topic)
        if group.story:  # groups of one topic in several stories: which story this is
            topic.append_text(cell(" · " + ", ".join(group.story[:2]), "dim"))
        return {"status": cell(status, style), "topic": topic,
                "sources": Text(str(group.sources), justify="right")}  # fmt: skip


class ClaimCard(Static, can_focus=True):
    """One claim of a group: who, when, what, and the sentence with the figure marked."""

    DEFAULT_CSS = """
    ClaimCard { width: 34; height: auto; padding: 0 1; margin: 0 1 0 0;
                border: round $panel-lighten-2; }
    ClaimCard:focus { border: round $accent; }
    """

    def __init__(self, claim: Comparable, carried_by: list[str]) -> None:
        super().__init__()
        self.claim = claim
        self.carried_by = carried_by  # other outlets with the same claimant's same figure

    def on_mount(self) -> None:
        c = self.claim
        text = Text()
        text.append(day_in_words(c.date) + "\n", style="dim")
        text.append(inert(claim_in_words(c)) + "\n", style="bold yellow")
        text.append("by " + inert(c.attributed_to or "no named source") + "\n", style="italic")
        if self.carried_by:
            also = ", ".join(inert(o) for o in self.carried_by[:3])
            more = len(self.carried_by) - 3
            text.append(f"also carried by {also}{f' and {more} more' if more > 0 else ''}\n",
                        style="dim")  # fmt: skip
        text.append("\n")
        sentence = Text(inert(c.sentence))
        sentence.stylize("bold underline", c.span_start - c.start, c.span_end - c.start)
        text.append_text(sentence)
        self.update(text)


class SourceColumn(Vertical):
    """One source's claims in a group, stacked under its name."""

    DEFAULT_CSS = "SourceColumn { width: 36; height: auto; }"

    def __init__(self, source: str, claims: list[Comparable], by: dict[int, Carried]) -> None:
        super().__init__()
        self.source = source
        self.claims = claims
        self.by = by

    def compose(self) -> ComposeResult:
        count = f" · {len(self.claims)} claims" if len(self.claims) > 1 else ""
        yield Static(
            Text(inert(self.source) + count, style="bold reverse", no_wrap=True,
                 overflow="ellipsis")
        )  # fmt: skip
        for claim in self.claims[:CARDS_PER_SOURCE]:
            yield ClaimCard(claim, self.by[claim.id].carried_by)
        if len(self.claims) > CARDS_PER_SOURCE:
            more = len(self.claims) - CARDS_PER_SOURCE
            yield Static(Text(f"and {more:,} more (x exports them all)", style="dim italic"))


class DiscrepancyScreen(Screen[None]):
    BINDINGS = [
        Binding(
            "escape,q",
            "app.pop_screen",
            "Back",
            id="discrepancies.back",
            tooltip="back to the reader",
        ),
        Binding(
            "enter",
            "open_claim",
            "Open in article",
            id="discrepancies.open",
            tooltip="open that sentence in its article",
        ),
        Binding("h,left", "card(-1)", "Previous card", show=False, id="discrepancies.left"),
        Binding("l,right", "card(1)", "Next card", show=False, id="discrepancies.right"),
        Binding(
            "x", "export_group", "Export group", id="discrepancies.export_group", group=EXPORTS
        ),
        Binding("X", "export_all", "Export all", id="discrepancies.export_all", group=EXPORTS),
        HELP,
    ]
    app = getters.app(ClaimdiffApp)  # its export worker, typed
    DEFAULT_CSS = """
    DiscrepancyScreen #groups { width: 40%; min-width: 36; max-width: 70; height: 1fr;
                                border: round $panel-lighten-2; }
    DiscrepancyScreen #groups:focus { border: round $accent; }
    DiscrepancyScreen #why { height: auto; padding: 0 1; }
    DiscrepancyScreen #cards { height: auto; max-height: 55%; }
    DiscrepancyScreen #plot { height: 1fr; min-height: 5; padding: 0 1;
                              border: round $panel-lighten-2; }
    """

    def __init__(self, library: Library, f: ClaimFilter, reader: MessagePump) -> None:
        super().__init__()
        self.library = library
        self.filter = f
        self.reader = reader  # told which claim to open in its article (ShowClaim)
        self.chosen: Group | None = None
        self.groups_page = Page(0, Count(0))  # of the groups listed
        self.conflicts = 0  # among all the groups the filter keeps

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal():
            yield GroupList(id="groups")
            with Vertical():
                yield Static(id="why")
                yield HorizontalScroll(id="cards")
                yield RangePlot(id="plot")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#groups").border_title = "Groups"
        self.query_one("#plot").border_title = "Range, by date"
        self.query_one("#groups").focus()
        self.load_groups()

    @work(thread=True, exclusive=True, group="groups", exit_on_error=False)
    def load_groups(self, page: Page | None = None, conflicts: int = 0) -> None:
        """A page of groups, without their claims: the first, counted, on opening."""
        if page is None:
            if self.library.grouping_pending() and self.library.writer_busy():
                self.post_message(GroupsNotice(WAITING, waiting=True))
            try:
                total, conflicts = self.library.count_groups(self.filter)
            except LibraryError as exc:
                self.post_message(GroupsNotice(str(exc)))
                return
            page = Page(0, Count(total))
        elif page.offset == LAST_PAGE:
            page = Page(last_page(page.count, GroupList.PAGE), page.count, page.cursor)
        rows = self.library.group_rows(self.filter, limit=GroupList.PAGE, offset=page.offset)
        self.post_message(GroupsLoaded(rows, page, conflicts))

    @work(thread=True, exclusive=True, group="group", exit_on_error=False)
    def load_group(self, key: str) -> None:
        group = self.library.group(key)
        if group is not None:
            self.post_message(GroupLoaded(group))

    @on(ListPane.PageWanted)
    def _page_wanted(self, message: ListPane.PageWanted) -> None:
        self.load_groups(message.page, self.conflicts)

    @on(GroupsLoaded)
    def _groups_loaded(self, message: GroupsLoaded) -> None:
        table = self.query_one(GroupList)
        self.groups_page, self.conflicts = message.page, message.conflicts
        table.show(message.rows, None, message.page)
        title = table.page_title("Groups")
        title.append(f" · {message.conflicts:,} in conflict")
        table.border_title = title
        if not message.rows:
            self.query_one("#why", Static).update(
                Text(
                    "No quantity is reported by two sources yet. Import more articles on "
                    "the story, or clear the filter."
                )
            )

    @on(GroupsNotice)
    def _groups_notice(self, message: GroupsNotice) -> None:
        self.query_one("#why", Static).update(Text(message.text))
        state = "waiting…" if message.waiting else "not available"
        self.query_one(GroupList).border_title = f"Groups · {state}"

    @on(ListPane.RowHighlighted, "#groups")
    def _group_highlighted(self, event: ListPane.RowHighlighted) -> None:
        self.load_group(event.key)

    @on(GroupLoaded)
    def _group_loaded(self, message: GroupLoaded) -> None:
        table = self.query_one(GroupList)
        if table.current_key == message.group.key:
            self.show_group(message.group)

    @on(ListPane.RowSelected, "#groups")
    def _group_selected(self) -> None:
        self.action_card(1)  # enter on a group: to its first card

    def show_group(self, group: Group) -> None:
        self.chosen = group
        status = "soft conflict" if group.soft else group.status
        verdict = Text()
        verdict.append(f" {status.upper()} ", style=f"reverse {STATUS_STYLE[status.split()[0]]}")
        verdict.append(" " + inert(group.explanation), style="bold")
        verdict.append(f"\n{inert(group.topic)} · {group.sources} independent source"
                       f"{'s' * (group.sources != 1)}", style="dim")  # fmt: skip
        self.query_one("#why", Static).update(verdict)
        cards = self.query_one("#cards", HorizontalScroll)
        cards.remove_children()
        by_source: dict[str, list[Comparable]] = {}
        for member in group.members:  # in date order, so sources come in order of first word
            by_source.setdefault(member.source, []).append(member)
        by = carried(group.members)
        cards.mount_all(SourceColumn(source, claims, by) for source, claims in by_source.items())
        plot = self.query_one(RangePlot)
        plot.plot(group.members[:PLOTTED])
        shown = (
            f" (the first {PLOTTED} of {len(group.members):,})"
            if len(group.members) > PLOTTED
            else ""
        )
        plot.border_title = f"Range, by date{shown}"

    def action_card(self, step: int) -> None:
        cards = list(self.query(ClaimCard))
        if not cards:
            return
        current = cards.index(self.focused) if self.focused in cards else -1
        cards[(current + step) % len(cards)].focus()

    def action_open_claim(self) -> None:
        if isinstance(self.focused, ClaimCard):
            claim = self.focused.claim
        elif self.chosen is not None and self.chosen.members:
            claim = self.chosen.members[0]
        else:
            return
        self.dismiss()
        self.reader.post_message(ShowClaim(place_of_compared(claim)))

    def action_export_all(self) -> None:
        count = self.groups_page.count

        def write(out: TextIO, fmt: str) -> int:
            return export(self.library, "discrepancies", self.filter, fmt, out)

        self._export(write, f"{count} group{'s' * count.beyond(1)}", "claimdiff-discrepancies.csv")

    def action_export_group(self) -> None:
        group = self.chosen
        if group is None:
            return

        def write(out: TextIO, fmt: str) -> int:
            return export_groups(self.library, [group], fmt, out)

        self._export(write, f"1 group ({len(group.members):,} claims)", "claimdiff-group.csv")

    def _export(self, write: Callable[[TextIO, str], int], what: str, name: str) -> None:
        def chosen(where: Target | None) -> None:
            if where is not None:
                fmt = export_format(where.named, briefs=True)
                noun = "groups" if fmt == "markdown" else "rows"
                self.app.export_to(where, lambda out: write(out, fmt), noun)

        self.app.push_screen(ExportScreen(what, Path.cwd() / name, briefs=True), chosen)
