"""Import files or folders, or fetch web pages, from inside the reader, with progress and
a way to stop.

The path field starts at the folder imported last, or empty: never at the current folder,
where a stray Enter imported a whole project's `.venv`. It completes from the file system
(the right arrow accepts a completion); an address starting http:// or https:// is fetched
instead (several, separated by spaces). A folder of more than ASK_AFTER files is counted
first and imported only when Enter is pressed again. The import runs in a thread worker
that reports progress; escape stops it between two files, keeping every article already in
(each is stored whole or not at all). The summary names each failure.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
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

from store import Failure, ImportCancelled, ImportReport, Library, collect_files, import_paths
from store.importer import GROUPING
from tui.app import HELP

_WEB = ("http://", "https://")
ASK_AFTER = 500  # files: a folder holding more is counted and the user asked first


@dataclass(frozen=True)
class Imported:
    """What the dialog did: its report, and the folder imported from (a file's own folder;
    None for web addresses), where the box starts next time."""

    report: ImportReport
    folder: Path | None


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


class ImportScreen(ModalScreen[Imported | None]):
    """Asks for a path, imports it, and returns what it did (None if never started)."""

    BINDINGS = [Binding("escape", "stop", "Cancel / stop", id="import.stop"), HELP]
    DEFAULT_CLASSES = "dialog"  # app.tcss
    DEFAULT_CSS = """
    ImportScreen > Vertical { width: 80; max-width: 96%; }
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

    class Counted(Message):
        def __init__(self, path: Path, files: int) -> None:
            super().__init__()
            self.path = path
            self.files = files

    def __init__(self, library: Library, start: str, fields: dict[str, str] | None = None) -> None:
        super().__init__()
        self.library = library
        self.start = start  # the folder imported last, or empty
        self._asked: Path | None = None  # a folder of many files, imported on a second Enter
        self._what: Path | None = None  # the folder imported from
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
            yield Input(self.start, placeholder="a folder, a file, or https://… addresses",
                        id="import-path", suggester=PathSuggester())  # fmt: skip
            yield ProgressBar(id="import-progress", show_eta=True)
            yield Label("Enter to import, Esc to cancel", id="import-status")

    @on(Input.Submitted, "#import-path")
    def _start(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        status = self.query_one("#import-status", Label)
        if not value:
            status.update("Type a folder or a file to import (→ completes it), or web addresses.")
            return
        urls = value.split() if value.startswith(_WEB) else []
        path = Path(value).expanduser()
        if not urls and not path.exists():
            status.update(Text(f"{path}: no such file or folder"))
            return
        if urls or not path.is_dir() or path == self._asked:
            self._begin(urls or path)
            return
        event.input.disabled = True
        status.update("Counting the files…")
        self.count_files(path)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def count_files(self, path: Path) -> None:
        """How many files importing the folder would read (the rules of collect_files)."""
        self.post_message(self.Counted(path, len(collect_files([path], ImportReport()))))

    @on(Counted)
    def _counted(self, message: Counted) -> None:
        if message.files <= ASK_AFTER:
            self._begin(message.path)
            return
        self._asked = message.path
        box = self.query_one("#import-path", Input)
        box.disabled = False
        box.focus()
        self.query_one("#import-status", Label).update(Text(
            f"{message.files:,} files to read in {message.path}. Enter imports them all, "
            "Esc cancels."))  # fmt: skip

    def _begin(self, what: Path | list[str]) -> None:
        """Start importing (or fetching): the box is done with."""
        self.query_one("#import-path", Input).disabled = True
        self.query_one(ProgressBar).display = True
        fetching = isinstance(what, list)
        doing = "Fetching… Esc stops after this page." if fetching else (
            "Importing… Esc stops after this file.")  # fmt: skip
        self.query_one("#import-status", Label).update(doing)
        if not isinstance(what, list):
            self._what = what if what.is_dir() else what.parent
        self._importing = True
        self._fetching = fetching
        self.run_import(what)

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
        self.dismiss(Imported(message.report, self._what))

    def action_stop(self) -> None:
        if self._importing:
            self._stop.set()
            self.query_one("#import-status", Label).update("Stopping after this file…")
        else:
            self.dismiss(None)
