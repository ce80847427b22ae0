"""Import files or folders, or fetch web pages, from inside the reader, with progress and
a way to stop.

The path field completes from the file system (the right arrow accepts a completion); an
address starting http:// or https:// is fetched instead (several, separated by spaces). The
import runs in a thread worker that reports progress; escape stops it between two files,
keeping every article already in (each is stored whole or not at all). The summary names
each failure.
"""

from __future__ import annotations

import threading
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, ProgressBar

from store import Failure, ImportCancelled, ImportReport, Library, import_paths
from store.importer import GROUPING
from tui.app import HELP

_WEB = ("http://", "https://")


class PathSuggester(Suggester):
    """Completes a path from what the folder it names holds."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        path = Path(value).expanduser()
        folder, stem = (path, "") if value.endswith("/") else (path.parent, path.name)
        try:
            names = sorted(p.name + ("/" if p.is_dir() else "") for p in folder.iterdir())
        except OSError:
            return None
        match = next((n for n in names if n.startswith(stem) and n != stem), None)
        return value + match[len(stem) :] if match else None


class ImportScreen(ModalScreen[ImportReport | None]):
    """Asks for a path, imports it, and returns the report (None if never started)."""

    BINDINGS = [Binding("escape", "stop", "Cancel / stop", id="import.stop"), HELP]
    DEFAULT_CLASSES = "dialog"  # app.tcss
    DEFAULT_CSS = """
    ImportScreen > Vertical { width: 80; }
    ImportScreen ProgressBar { display: none; }
    ImportScreen #import-status { height: auto; }
    """

    class Progress(Message):
        def __init__(self, done: int, total: int, grouping: bool = False) -> None:
            super().__init__()
            self.done = done
            self.total = total
            self.grouping = grouping  # files are in; the new claims are being grouped

    class Finished(Message):
        def __init__(self, report: ImportReport) -> None:
            super().__init__()
            self.report = report

    def __init__(self, library: Library, start: Path, fields: dict[str, str] | None = None) -> None:
        super().__init__()
        self.library = library
        self.start = start
        self.fields = fields or {}  # where JSON articles keep their fields (settings)
        self._stop = threading.Event()
        # Not "_running": Textual's message pump keeps its own under that name, so escape
        # took a dialog that had not started for one importing, and never closed it.
        self._importing = False
        self._fetching = False  # web addresses, counted as pages

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Import files or folders (text, Markdown, HTML, JSON, feeds), "
                        "or fetch web addresses:")  # fmt: skip
            yield Input(str(self.start), id="import-path", suggester=PathSuggester())
            yield ProgressBar(id="import-progress", show_eta=True)
            yield Label("Enter to import, Esc to cancel", id="import-status")

    @on(Input.Submitted, "#import-path")
    def _start(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        urls = value.split() if value.startswith(_WEB) else []
        path = Path(value).expanduser()
        if not urls and not path.exists():
            self.query_one("#import-status", Label).update(Text(f"{path}: no such file or folder"))
            return
        event.input.disabled = True
        self.query_one(ProgressBar).display = True
        doing = (
            "Fetching… Esc stops after this page."
            if urls
            else "Importing… Esc stops after this file."
        )
        self.query_one("#import-status", Label).update(doing)
        self._importing = True
        self._fetching = bool(urls)
        self.run_import(urls or path)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def run_import(self, what: Path | list[str]) -> None:
        report = ImportReport()

        def progress(done: int, total: int, what: str) -> None:
            self.post_message(self.Progress(done, total, what == GROUPING))
            if self._stop.is_set():
                raise ImportCancelled

        try:
            if isinstance(what, list):
                from store.fetching import fetch_urls

                fetch_urls(self.library, what, progress=progress, report=report)
            else:
                import_paths(self.library, [what], progress=progress, report=report,
                             fields=self.fields)  # fmt: skip
        except ImportCancelled:
            report.stopped = True
        except Exception as exc:  # never a dialog left saying "Importing…" for ever
            report.stopped = True
            report.failed.append(Failure(str(what), f"the import stopped: {exc}"))
        self.post_message(self.Finished(report))

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        """The bar, and the count in words: "Importing 1,204 of 2,225 files…"."""
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        if self._stop.is_set():
            return  # it says it is stopping
        if message.grouping:
            status = "Grouping the new claims… Esc stops; grouping resumes later."
        else:
            done, total = message.done, message.total
            noun = ("page" if self._fetching else "file") + ("s" if total != 1 else "")
            status = f"{done:,} of {total:,} {noun}. Esc stops after this one."
        self.query_one("#import-status", Label).update(status)

    @on(Finished)
    def _finished(self, message: Finished) -> None:
        self._importing = False
        self.dismiss(message.report)

    def action_stop(self) -> None:
        if self._importing:
            self._stop.set()
            self.query_one("#import-status", Label).update("Stopping after this file…")
        else:
            self.dismiss(None)
