"""Narrow every pane at once: by source, claim kind, hedge, the analyst's verdict and
publication dates.

A list's ticks are what the panes keep: with no filter every item is ticked, and space
unticks (or ticks again) the one under the cursor; a list all ticked filters nothing; `a`
unticks all (or ticks all), so that one source alone is two keys away. Tab
moves between the lists and the dates, enter applies, escape leaves the filters as they
were. R renames the source under the cursor (an existing name merges the two). Source names
are shown as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from rich.segment import Segment
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Checkbox, Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from extract.text import inert, one_line
from extract.words import HEDGE_NAMES
from store import ClaimFilter
from store.filtering import NO_VERDICT
from store.verdicts import VERDICTS as STORED_VERDICTS
from tui.app import HELP
from tui.messages import SourceRenamed

KINDS = ("quantity", "statement")
VERDICTS = (*STORED_VERDICTS, NO_VERDICT)
_VERDICT_WORDS = {"not_a_claim": "not a claim", NO_VERDICT: "no verdict"}


TICK = "✓"


class Ticks(SelectionList[str]):
    """A list of choices whose ticks show as ✓ or nothing, so what is ticked is seen at a
    glance on any terminal (Textual's shows an X in every box, ticked or not, and tells
    them apart by colour only)."""

    BINDINGS = [
        Binding("space", "select", "Tick", show=False, id="filters.toggle",
                tooltip="tick or untick the item under the cursor"),
        Binding("a", "all", "All / none", show=False, id="filters.all",
                tooltip="tick every item of the list, or none (then space ticks the one)"),
    ]  # fmt: skip

    def action_all(self) -> None:
        if len(self.selected) == self.option_count:
            self.deselect_all()
        else:
            self.select_all()

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        index = self.scroll_offset.y + y
        if len(segments) < 2 or segments[1].text != Checkbox.BUTTON_INNER:
            return strip  # a line past the last choice
        ticked = self.get_option_at_index(index).value in self._selected
        segments[1] = Segment(TICK if ticked else " ", segments[1].style)
        return Strip(segments, strip.cell_length)

    @property
    def chosen(self) -> frozenset[str]:
        """What the ticks keep: nothing (no filter) where every choice is ticked."""
        ticked = frozenset(self.selected)
        return frozenset() if len(ticked) == self.option_count else ticked


class FilterScreen(ModalScreen[ClaimFilter | None]):
    """Returns the filter with the chosen sources, kinds, hedges and dates, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filters.cancel"),
        Binding("enter", "apply", "Apply", id="filters.apply", priority=True),
        Binding("R", "rename_source", "Rename source", id="filters.rename_source"),
        HELP,
    ]
    DEFAULT_CLASSES = "dialog"  # app.tcss
    DEFAULT_CSS = """
    FilterScreen > Vertical { width: 90%; max-width: 110; max-height: 90%; }
    FilterScreen SelectionList { height: auto; max-height: 12; width: 1fr; }
    FilterScreen Horizontal { height: auto; }
    FilterScreen Input { width: 1fr; }
    FilterScreen #filter-error { color: $error; height: auto; }
    FilterScreen Label { width: 100%; }
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
            yield Label("Filter every pane: the ticked are kept. Space ticks or unticks, "
                        "a all or none, tab moves, R renames a source, enter applies, "
                        "esc cancels.")  # fmt: skip
            with Horizontal():
                yield Ticks(*_choices(self.sources, f.sources), id="filter-sources")
                yield Ticks(*_choices(KINDS, f.kinds), id="filter-kinds")
                yield Ticks(*_choices(HEDGE_NAMES, f.hedges, lambda h: h.replace("_", " ")),
                            id="filter-hedges")  # fmt: skip
                yield Ticks(
                    *_choices(VERDICTS, f.verdicts, lambda v: _VERDICT_WORDS.get(v, v)),
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
        error = self.query_one("#filter-error", Label)
        try:
            since, until = self._date("since"), self._date("until")
        except ValueError:
            error.update("Dates are written YYYY-MM-DD.")
            return
        names = ("sources", "kinds", "hedges", "verdicts")
        lists = {name: self.query_one(f"#filter-{name}", Ticks) for name in names}
        empty = [name for name, ticks in lists.items() if ticks.option_count and not ticks.selected]
        if empty:
            error.update(f"Tick at least one of the {' and '.join(empty)}.")
            return
        self.dismiss(
            replace(
                self.current,
                sources=lists["sources"].chosen,
                kinds=lists["kinds"].chosen,
                hedges=lists["hedges"].chosen,
                verdicts=lists["verdicts"].chosen,
                since=since,
                until=until,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_rename_source(self) -> None:
        listed = self.query_one("#filter-sources", Ticks)
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
        listed = self.query_one("#filter-sources", Ticks)
        ticked = {new if s == old else s for s in listed.chosen}
        listed.clear_options()
        listed.add_options(_choices(sources, frozenset(ticked)))
        if new in sources:
            listed.highlighted = sources.index(new)
        self.sources = sources
        shown = f"{count:,} article{'s' * (count != 1)} of {inert(old)} now from {inert(new)}"
        self.notify(shown, markup=False)


def _choices(
    values: Sequence[str], kept: frozenset[str], label: Callable[[str], str] = str
) -> list[Selection[str]]:
    """A list's choices, ticked where kept; all ticked where nothing is (no filter)."""
    return [Selection(Text(inert(label(v))), v, not kept or v in kept) for v in values]


class RenameScreen(ModalScreen[str | None]):
    """Asks for a source's new name; returns it, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="rename.cancel"), HELP]
    DEFAULT_CLASSES = "dialog"  # app.tcss
    DEFAULT_CSS = """
    RenameScreen > Vertical { width: 72; }
    RenameScreen Label { width: 100%; }
    """

    def __init__(self, old: str, ask: str | None = None, value: str | None = None) -> None:
        super().__init__()
        self.old = old
        self.ask = ask or f"Rename the source {old} to:"  # or name an unknown outlet
        self.value = old if value is None else value  # what the box starts with

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(inert(self.ask)))
            yield Input(self.value, placeholder="the outlet's name", id="rename-source")
            yield Label("Another source's name merges the two. Enter renames, esc cancels.")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
