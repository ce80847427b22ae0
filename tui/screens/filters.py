"""Narrow every pane at once: by source, claim kind, hedge, the analyst's verdict and
publication dates.

Space ticks a choice, tab moves between the lists and the dates, enter applies, escape
leaves the filters as they were. R renames the source under the cursor (an existing name
merges the two). Source names are shown as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from extract.text import inert, one_line
from store import ClaimFilter
from store.filtering import NO_VERDICT
from store.verdicts import VERDICTS as STORED_VERDICTS
from tui.messages import SourceRenamed

KINDS = ("quantity", "statement")
HEDGES = ("exact", "approx", "at_least", "more_than", "at_most", "up_to", "range", "vague")
VERDICTS = (*STORED_VERDICTS, NO_VERDICT)
_VERDICT_WORDS = {"not_a_claim": "not a claim", NO_VERDICT: "no verdict"}


class FilterScreen(ModalScreen[ClaimFilter | None]):
    """Returns the filter with the chosen sources, kinds, hedges and dates, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filters.cancel"),
        Binding("enter", "apply", "Apply", id="filters.apply", priority=True),
        Binding("R", "rename_source", "Rename source", id="filters.rename_source"),
    ]
    DEFAULT_CLASSES = "dialog"  # app.tcss
    DEFAULT_CSS = """
    FilterScreen > Vertical { width: 90%; max-width: 110; max-height: 90%; }
    FilterScreen SelectionList { height: auto; max-height: 12; width: 1fr; }
    FilterScreen Horizontal { height: auto; }
    FilterScreen Input { width: 1fr; }
    FilterScreen #filter-error { color: $error; height: auto; }
    """

    def __init__(
        self,
        current: ClaimFilter,
        sources: list[str],
        rename: Callable[[str, str], SourceRenamed] | None = None,
    ) -> None:
        super().__init__()
        self.current = current
        self.sources = sources
        # Renames a source in the library, in a worker thread; says what it did.
        self.rename = rename

    def compose(self) -> ComposeResult:
        f = self.current
        with Vertical():
            yield Label("Filter every pane. Space ticks, tab moves, R renames a source, "
                        "enter applies, esc cancels.")  # fmt: skip
            with Horizontal():
                yield SelectionList[str](
                    *(Selection(Text(inert(s)), s, s in f.sources) for s in self.sources),
                    id="filter-sources",
                )
                yield SelectionList[str](
                    *(Selection(Text(k), k, k in f.kinds) for k in KINDS), id="filter-kinds"
                )
                yield SelectionList[str](
                    *(Selection(Text(h.replace("_", " ")), h, h in f.hedges) for h in HEDGES),
                    id="filter-hedges",
                )
                yield SelectionList[str](
                    *(
                        Selection(Text(_VERDICT_WORDS.get(v, v)), v, v in f.verdicts)
                        for v in VERDICTS
                    ),
                    id="filter-verdicts",
                )
            with Horizontal():
                yield Input(f.since or "", placeholder="published from (YYYY-MM-DD)",
                            id="filter-since")  # fmt: skip
                yield Input(f.until or "", placeholder="published until (YYYY-MM-DD)",
                            id="filter-until")  # fmt: skip
            yield Label("", id="filter-error")

    def on_mount(self) -> None:
        self.query_one("#filter-sources").border_title = "Sources"
        self.query_one("#filter-kinds").border_title = "Kind"
        self.query_one("#filter-hedges").border_title = "Hedge"
        self.query_one("#filter-verdicts").border_title = "Verdict"
        self.query_one("#filter-sources").focus()

    def _date(self, field: str) -> str | None:
        raw = self.query_one(f"#filter-{field}", Input).value.strip()
        if not raw:
            return None
        return date.fromisoformat(raw).isoformat()  # raises ValueError with a reason

    def action_apply(self) -> None:
        try:
            since, until = self._date("since"), self._date("until")
        except ValueError:
            self.query_one("#filter-error", Label).update("Dates are written YYYY-MM-DD.")
            return
        self.dismiss(
            replace(
                self.current,
                sources=frozenset(self.query_one("#filter-sources", SelectionList).selected),
                kinds=frozenset(self.query_one("#filter-kinds", SelectionList).selected),
                hedges=frozenset(self.query_one("#filter-hedges", SelectionList).selected),
                verdicts=frozenset(self.query_one("#filter-verdicts", SelectionList).selected),
                since=since,
                until=until,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_rename_source(self) -> None:
        listed = self.query_one("#filter-sources", SelectionList)
        if self.rename is None or listed.highlighted is None:
            return
        old = listed.get_option_at_index(listed.highlighted).value

        def chosen(new: str | None) -> None:
            if new is not None and one_line(new) not in ("", old):
                self._renamed(old, one_line(new))

        self.app.push_screen(RenameScreen(old), chosen)

    @work(thread=True, exclusive=True, group="rename", exit_on_error=False)
    def _renamed(self, old: str, new: str) -> None:
        """Rename in the library (its groups are made again: seconds for a large source),
        then show the new names with the same ticks."""
        assert self.rename is not None
        self.post_message(self.rename(old, new))

    @on(SourceRenamed)
    def _show_sources(self, message: SourceRenamed) -> None:
        old, new, sources, count = message.old, message.new, message.sources, message.count
        listed = self.query_one("#filter-sources", SelectionList)
        ticked = {new if s == old else s for s in listed.selected}
        listed.clear_options()
        listed.add_options(Selection(Text(inert(s)), s, s in ticked) for s in sources)
        if new in sources:
            listed.highlighted = sources.index(new)
        self.sources = sources
        shown = f"{count:,} article{'s' * (count != 1)} of {inert(old)} now from {inert(new)}"
        self.notify(shown, markup=False)


class RenameScreen(ModalScreen[str | None]):
    """Asks for a source's new name; returns it, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="rename.cancel")]
    DEFAULT_CLASSES = "dialog"  # app.tcss
    DEFAULT_CSS = "RenameScreen > Vertical { width: 72; }"

    def __init__(self, old: str) -> None:
        super().__init__()
        self.old = old

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Rename the source {inert(self.old)} to:"))
            yield Input(self.old, id="rename-source")
            yield Label("Another source's name merges the two. Enter renames, esc cancels.")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
