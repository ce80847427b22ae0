"""Where sources disagree: each quantity several sources report, side by side.

Left, the groups, conflicts first. Right, one column per source, in the order of their first
claim, holding a card per claim (date, the figure in words, who it is attributed to, the
sentence with the figure marked), and below them the range plot. Enter on a card opens its
sentence in the article; x exports the chosen group, X every group. v gives the group (or
the card's claim) the analyst's verdict and note; t takes a card's claim out of its group,
m then m on another group merges the first into it, for good (store/verdicts.py).
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

from extract.text import inert, printable
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
from store.verdicts import CLEAR, UnknownError, Verdict
from tui.app import HELP, ClaimdiffApp
from tui.format import UNKNOWN_OUTLET, VERDICT_STYLE, source, verdict_words
from tui.messages import (
    LAST_PAGE,
    GroupLoaded,
    GroupsLoaded,
    GroupsNotice,
    Judged,
    Page,
    ShowClaim,
)
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
               Column("Verdict", "verdict", 11, drop=2),
               Column("Sources", "sources", 7, drop=1))  # fmt: skip

    def key_of(self, group: GroupRow) -> str:
        return group.key

    def columns_wanted(self) -> list[Column]:
        if any(g.verdict or g.note for g in self.rows_shown):
            return list(self.COLUMNS)
        return [c for c in self.COLUMNS if c.key != "verdict"]  # nothing judged: no room taken

    def cells(self, group: GroupRow) -> dict[str, Text]:
        status = "soft" if group.soft else group.status
        style = STATUS_STYLE.get(status, "")
        topic = cell(group.topic)
        if group.story:  # groups of one topic in several stories: which story this is
            topic.append_text(cell(" · " + ", ".join(group.story[:2]), "dim"))
        return {"status": cell(status, style), "topic": topic,
                "verdict": cell(verdict_words(group.verdict, group.note),
                                VERDICT_STYLE.get(group.verdict or "", "")),
                "sources": Text(str(group.sources), justify="right")}  # fmt: skip


class ClaimCard(Static, can_focus=True):
    """One claim of a group: who, when, what, and the sentence with the figure marked."""

    DEFAULT_CSS = """
    ClaimCard { width: 34; height: auto; padding: 0 1; margin: 0 1 0 0;
                border: round $panel-lighten-2; }
    ClaimCard:focus { border: round $accent; }
    """

    def __init__(self, claim: Comparable, carried_by: list[str], verdict: Verdict) -> None:
        super().__init__()
        self.claim = claim
        self.carried_by = carried_by  # other outlets with the same claimant's same figure
        self.verdict = verdict  # the analyst's

    def on_mount(self) -> None:
        c = self.claim
        text = Text()
        text.append(day_in_words(c.date) + "\n", style="dim")
        if self.verdict.verdict or self.verdict.note:
            said = verdict_words(self.verdict.verdict) or "noted"
            text.append(f"verdict: {said}", style=VERDICT_STYLE.get(self.verdict.verdict or "", ""))
            if self.verdict.note:
                text.append(f" · {inert(self.verdict.note)}", style="italic")
            text.append("\n")
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

    DEFAULT_CSS = """
    SourceColumn { width: 36; height: auto; }
    SourceColumn > .source { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(
        self,
        source: str,
        file_named: str | None,
        claims: list[Comparable],
        count: int,
        by: dict[int, Carried],
        verdicts: dict[int, Verdict],
    ) -> None:
        """`claims` are the first of the source's `count` claims in the group."""
        super().__init__()
        self.source = source
        self.file_named = file_named
        self.claims = claims
        self.count = count
        self.by = by
        self.verdicts = verdicts

    def compose(self) -> ComposeResult:
        title = Text(style="bold reverse", no_wrap=True, overflow="ellipsis")
        title.append_text(source(self.source, self.file_named))
        if self.count > 1:
            title.append(f" · {self.count:,} claims")
        yield Static(title, classes="source")
        for claim in self.claims[:CARDS_PER_SOURCE]:
            yield ClaimCard(claim, self.by[claim.id].carried_by,
                            self.verdicts.get(claim.id, Verdict()))  # fmt: skip
        shown = min(len(self.claims), CARDS_PER_SOURCE)
        if self.count > shown:
            more = self.count - shown
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
        Binding("v", "verdict", "Verdict", id="discrepancies.verdict",
                tooltip="your verdict and note on the group, or on the card's claim"),
        Binding("t", "take_out", "Take out", id="discrepancies.take_out",
                tooltip="take the card's claim out of its group, for good"),
        Binding("m", "merge", "Merge", id="discrepancies.merge",
                tooltip="merge this group into another: m here, then m on the other"),
        HELP,
    ]  # fmt: skip
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
        self.chosen_own = Verdict()  # the chosen group's verdict
        self.chosen_claims: dict[int, Verdict] = {}  # its claims' that have one
        self.chosen_counts: dict[str, int] = {}  # its claims by source, shown or not
        self.chosen_total = 0  # its claims, shown or not
        self.chosen_files: dict[str, str] = {}  # its sources named after a file: the file
        self.groups_page = Page(0, Count(0))  # of the groups listed
        self.conflicts = 0  # among all the groups the filter keeps
        self.merging: GroupRow | None = None  # the group m was pressed on, to merge
        self._keep: str | None = None  # the group to put the cursor on when listed again
        self._card: int | None = None  # the claim whose card to focus when shown again

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
        shown = self.library.group_shown(key, CARDS_PER_SOURCE, PLOTTED)
        if shown is not None:
            group = shown.group
            own = self.library.group_verdicts([key]).get(key, Verdict())
            verdicts = self.library.claim_verdicts(m.id for m in group.members)
            self.post_message(GroupLoaded(group, shown.per_source, shown.claims, shown.files,
                                          own, verdicts))  # fmt: skip

    @on(ListPane.PageWanted)
    def _page_wanted(self, message: ListPane.PageWanted) -> None:
        self.load_groups(message.page, self.conflicts)

    @on(GroupsLoaded)
    def _groups_loaded(self, message: GroupsLoaded) -> None:
        table = self.query_one(GroupList)
        self.groups_page, self.conflicts = message.page, message.conflicts
        keep, self._keep = self._keep or table.current_key, None
        table.show(message.rows, keep, message.page)
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
            self.chosen_own, self.chosen_claims = message.own, message.verdicts
            self.chosen_counts, self.chosen_total = message.per_source, message.claims
            self.chosen_files = message.files
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
        own = self.chosen_own
        if own.verdict:
            verdict.append("\nyour verdict: ", style="dim")
            verdict.append(verdict_words(own.verdict), style=VERDICT_STYLE.get(own.verdict, ""))
            if own.note:
                verdict.append(f" · {inert(own.note)}", style="italic")
        self.query_one("#why", Static).update(verdict)
        cards = self.query_one("#cards", HorizontalScroll)
        cards.remove_children()
        by_source: dict[str, list[Comparable]] = {}
        for member in group.members:  # in date order, so sources come in order of first word
            by_source.setdefault(member.source, []).append(member)
        by = carried(group.members)
        verdicts = self.chosen_claims
        cards.mount_all(
            SourceColumn(
                source,
                self.chosen_files.get(source),
                claims,
                self.chosen_counts.get(source, len(claims)),
                by,
                verdicts,
            )
            for source, claims in by_source.items()
        )
        if self._card is not None:  # the card judged: focused again once it is drawn
            self.call_after_refresh(self._focus_card, self._card)
            self._card = None
        plot = self.query_one(RangePlot)
        plot.plot([  # the first PLOTTED are among those read; no file named as an outlet
            m._replace(source=UNKNOWN_OUTLET) if m.source in self.chosen_files else m
            for m in group.members[:PLOTTED]
        ])  # fmt: skip
        shown = (
            f" (the first {PLOTTED} of {self.chosen_total:,})"
            if self.chosen_total > PLOTTED
            else ""
        )
        plot.border_title = f"Range, by date{shown}"

    def _focus_card(self, claim_id: int) -> None:
        for card in self.query(ClaimCard):
            if card.claim.id == claim_id:
                card.focus()

    # ---- the analyst's judgement ----------------------------------------------------------

    def action_verdict(self) -> None:
        """v: the verdict and note of the card's claim, or of the group."""
        from tui.screens.verdict import VerdictScreen

        group = self.chosen
        if group is None:
            return
        if isinstance(self.focused, ClaimCard):
            card = self.focused

            def claim_chosen(verdict: Verdict | None) -> None:
                if verdict is not None:
                    self._card = card.claim.id
                    self.judge(lambda: self._judge_claim(card.claim.id, verdict))

            screen = VerdictScreen(card.claim.sentence, card.verdict)
            self.app.push_screen(screen, claim_chosen)
            return

        def group_chosen(verdict: Verdict | None) -> None:
            if verdict is not None:
                self.judge(lambda: self._judge_group(group.key, verdict))

        what = f"{group.topic}: {group.explanation}"
        self.app.push_screen(VerdictScreen(what, self.chosen_own, claim=False),
                             group_chosen)  # fmt: skip

    def _judge_claim(self, claim_id: int, verdict: Verdict) -> Judged:
        now = self.library.judge_claim(claim_id, verdict.verdict or CLEAR, verdict.note)
        return Judged(f"Verdict kept: {verdict_words(now.verdict) or 'no verdict'}")

    def _judge_group(self, key: str, verdict: Verdict) -> Judged:
        now = self.library.judge_group(key, verdict.verdict or CLEAR, verdict.note)
        return Judged(f"The group: {verdict_words(now.verdict) or 'no verdict'}")

    def action_take_out(self) -> None:
        """t: the card's claim out of its group, for good (compared with nothing after)."""
        if not isinstance(self.focused, ClaimCard) or self.chosen is None:
            self.notify("Choose a card first (enter, then ← →): t takes its claim out.",
                        markup=False)  # fmt: skip
            return
        claim_id, topic = self.focused.claim.id, self.chosen.topic
        stays = [m.id for m in self.chosen.members if m.id != claim_id][:1]

        def take_out() -> Judged:
            self.library.take_out(claim_id)
            keep = self.library.group_of(stays[0]) if stays else None  # renamed, maybe
            return Judged(f"The claim is out of {topic}: it is compared with nothing now",
                          keep=keep)  # fmt: skip

        self.judge(take_out)

    def action_merge(self) -> None:
        """m on a group, then m on another: the first's claims join the second, for good."""
        table = self.query_one(GroupList)
        current = table.current_row
        if current is None:
            return
        if self.merging is None:
            self.merging = current
            self.notify(f"Merging {inert(current.topic)}: go to the group to merge it into and "
                        "press m (m on this one again: not merging).", markup=False)  # fmt: skip
            return
        first, self.merging = self.merging, None
        if first.key == current.key:
            self.notify("Not merging.", markup=False)
            return

        def merge() -> Judged:
            merged = self.library.merge_groups(first.key, current.key)
            return Judged(f"Merged {first.topic} into {current.topic}", keep=merged)

        self.judge(merge)

    @work(thread=True, group="judge", exit_on_error=False)
    def judge(self, act: Callable[[], Judged]) -> None:
        """Keep a judgement in the library (a worker's job: it may regroup), then say so."""
        try:
            said = act()
        except (LibraryError, UnknownError) as exc:
            said = Judged("", str(exc))
        self.post_message(said)

    @on(Judged)
    def _judged(self, message: Judged) -> None:
        if message.error:
            self.notify(printable(message.error), severity="error", markup=False)
            return
        self.notify(printable(message.said), markup=False)
        self._keep = message.keep
        self.load_groups()

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

        def write(out: TextIO, fmt: str) -> int:  # the whole group: the view holds some
            whole = self.library.group(group.key)
            return export_groups(self.library, [whole] if whole else [], fmt, out)

        self._export(write, f"1 group ({self.chosen_total:,} claims)", "claimdiff-group.csv")

    def _export(self, write: Callable[[TextIO, str], int], what: str, name: str) -> None:
        def chosen(where: Target | None) -> None:
            if where is not None:
                fmt = export_format(where.named, briefs=True)
                noun = "groups" if fmt == "markdown" else "rows"
                self.app.export_to(where, lambda out: write(out, fmt), noun)

        self.app.push_screen(ExportScreen(what, Path.cwd() / name, briefs=True), chosen)
