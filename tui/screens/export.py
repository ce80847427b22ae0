"""Ask where to write an export; warn before replacing an existing file, say where a link
leads, and refuse what cannot be written (store/files.py)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from store.files import Target, TargetError, target
from tui.app import HELP
from tui.screens.importing import PathSuggester


def export_format(path: Path, briefs: bool = False) -> str:
    """JSON Lines for a name ending .jsonl (or .ndjson), a Markdown brief for .md where the
    export is of discrepancy groups (`briefs`), else CSV."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    return "markdown" if briefs and suffix in (".md", ".markdown") else "csv"


class ExportScreen(ModalScreen[Target | None]):
    """Returns where to write, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel"), HELP]
    DEFAULT_CLASSES = "dialog"  # app.tcss
    DEFAULT_CSS = """
    ExportScreen > Vertical { width: 72; }
    ExportScreen #export-warning { color: $warning; height: auto; width: 100%; }
    """

    def __init__(self, what: str, default: Path, briefs: bool = False) -> None:
        super().__init__()
        self.what = what  # "12 claims", "1 group of 8 claims"
        self.default = default
        self.briefs = briefs  # discrepancy groups: a name ending .md writes a brief
        self._confirmed_overwrite: Target | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Export {self.what} to:"))
            yield Input(str(self.default), id="export-path", select_on_focus=False,
                        suggester=PathSuggester())  # fmt: skip
            formats = ".jsonl writes JSON Lines" + (", .md a Markdown brief" if self.briefs else "")
            yield Label(f"A name ending {formats}. Enter to export, Esc to cancel.",
                        id="export-warning")  # fmt: skip

    def on_input_submitted(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        warning = self.query_one("#export-warning", Label)
        if not raw:
            warning.update("Type a file name.")
            return
        try:
            where = target(raw)
        except TargetError as exc:
            warning.update(Text(str(exc)))
            return
        if where.replaces and self._confirmed_overwrite != where:
            self._confirmed_overwrite = where
            warning.update(Text(f"{where} exists. Enter again to replace it, Esc to cancel."))
            return
        self.dismiss(where)

    def action_cancel(self) -> None:
        self.dismiss(None)
