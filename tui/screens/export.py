"""Ask where to write an export; warn before replacing an existing file."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.screens.importing import PathSuggester


def export_format(path: Path, briefs: bool = False) -> str:
    """JSON Lines for a name ending .jsonl (or .ndjson), a Markdown brief for .md where the
    export is of discrepancy groups (`briefs`), else CSV."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    return "markdown" if briefs and suffix in (".md", ".markdown") else "csv"


class ExportScreen(ModalScreen[Path | None]):
    """Returns the chosen path, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 72; height: auto; padding: 1 2; border: thick $accent; background: $surface;
    }
    ExportScreen #export-warning { color: $warning; height: auto; width: 100%; }
    """

    def __init__(self, what: str, default: Path, briefs: bool = False) -> None:
        super().__init__()
        self.what = what  # "12 claims", "1 group of 8 claims"
        self.default = default
        self.briefs = briefs  # discrepancy groups: a name ending .md writes a brief
        self._confirmed_overwrite: Path | None = None

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
        path = Path(raw).expanduser()
        if path.is_dir():
            warning.update(Text(f"{path} is a folder; add a file name."))
            return
        if path.exists() and self._confirmed_overwrite != path:
            self._confirmed_overwrite = path
            warning.update(Text(f"{path.name} exists. Enter again to replace it, Esc to cancel."))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
