"""The claimdiff Textual application."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from extract.text import printable
from store import Library
from store.files import Target, TargetError, write_text
from tui.config import config_path, load_config, save_config
from tui.messages import Exported

# The help's key, declared by every screen and dialog (a modal screen hides the app's own
# keys) under one id, so one keymap entry moves it everywhere. Its id keeps the name it had
# when only the reader had it; f1 opens it where a text box takes `?` as a character.
HELP = Binding("question_mark,f1", "app.help", "Help", id="main.help", tooltip="this help")


class ClaimdiffApp(App[None]):
    """Reads one library; notices (import failures and such) are shown once it is up.

    Its screens reach it typed (`app = getters.app(ClaimdiffApp)`), so it imports them only
    where it uses them: at the top, each would import the other.
    """

    CSS_PATH = "app.tcss"
    TITLE = "claimdiff"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, id="app.quit"),
        # Textual's own, but with an id: remapped by a keymap, and shown so in the help.
        Binding(
            App.COMMAND_PALETTE_BINDING,
            "command_palette",
            "palette",
            show=False,
            priority=True,
            id="app.command_palette",
            tooltip="command palette",
        ),
    ]

    def __init__(self, library: Library, notices: Iterable[str] = ()) -> None:
        super().__init__()
        self.library = library
        self.notices = list(notices)
        self.config_file = config_path()
        self.config, problem = load_config(self.config_file)
        if problem:
            self.notices.append(problem)
        self.sub_title = str(library.path)
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    def get_default_screen(self) -> Screen[None]:
        # The reader is the first screen, not one pushed over an empty one.
        from tui.screens.main import MainScreen

        return MainScreen(self.library, self.config.claim_filter())

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        for notice in self.notices:
            self.notify(notice, severity="warning", markup=False, timeout=10)

    def _theme_changed(self, theme: object) -> None:
        self.config.theme = self.theme
        self.save_settings()

    def save_settings(self) -> None:
        """Keep the theme and filters for next time; a problem is a notice, not a crash."""
        try:
            save_config(self.config_file, self.config)
        except (OSError, TargetError) as exc:
            why = exc.strerror if isinstance(exc, OSError) else str(exc)
            self.notify(printable(f"Could not save settings to {self.config_file}: {why}"),
                        severity="warning", markup=False)  # fmt: skip

    @work(thread=True, group="export", exit_on_error=False)
    def export_to(self, where: Target, write: Callable[[TextIO], int], noun: str) -> None:
        """Write an export whole (store.files): never half a file."""
        try:
            rows = write_text(where, write)
        except OSError as exc:
            self.post_message(Exported(str(where), 0, noun, exc.strerror or str(exc)))
            return
        self.post_message(Exported(str(where), rows, noun))

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        if message.error:
            self.notify(f"Could not write {message.path}: {message.error}", severity="error",
                        markup=False)  # fmt: skip
        else:
            noun = message.noun[:-1] if message.rows == 1 else message.noun  # "1 group"
            self.notify(f"Exported {message.rows:,} {noun} to {message.path}", markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(printable(f"{event.worker.group}: {event.worker.error}"),
                        title="Something went wrong", severity="error", markup=False)  # fmt: skip

    def action_help(self) -> None:
        """Every key, the keys of the screen it is opened over first."""
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.config.keymap, type(self.screen)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from tui.screens.main import MainScreen
        from tui.widgets.tables import ClaimTable

        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            yield SystemCommand(
                "Search", "Search claims and article text (/)", screen.action_search
            )
            yield SystemCommand(
                "Clear filter", "Clear the last filter (esc)", screen.action_clear_filter
            )
            yield SystemCommand(
                "Export claims", "Export the claims on screen as CSV (x)", screen.action_export
            )
            yield SystemCommand("Discrepancies", "Where sources disagree (d)",
                                screen.action_discrepancies)  # fmt: skip
            yield SystemCommand(
                "Filter", "By source, kind, hedge, dates (f)", screen.action_filters
            )
            yield SystemCommand("Import", "Files or folders into the library (i)",
                                screen.action_import)  # fmt: skip
            yield SystemCommand("Copy sentence", "The claim with its source, date and address (c)",
                                screen.action_copy_claim)  # fmt: skip
            yield SystemCommand("Open address", "The article's web address, in the browser (o)",
                                screen.action_open_address)  # fmt: skip
            yield SystemCommand("Remove article", "The open article, or its source (delete)",
                                screen.action_remove)  # fmt: skip
            yield SystemCommand("Undo removal", "Put back what was removed last (u)",
                                screen.action_undo_removal)  # fmt: skip
            claims = screen.query_one(ClaimTable)
            yield SystemCommand("Mark claim", "Mark the current claim for export (space)",
                                claims.action_toggle_mark)  # fmt: skip
            yield SystemCommand("Next claim", "The next claim, in its article (n)",
                                lambda: screen.action_next_claim(1))  # fmt: skip
            yield SystemCommand("Previous claim", "The previous claim, in its article (N)",
                                lambda: screen.action_next_claim(-1))  # fmt: skip
            yield SystemCommand("Verdict", "Your verdict and note on the current claim (v)",
                                screen.action_verdict)  # fmt: skip
            yield SystemCommand("Entity of this claim", "Claims naming one of its entities (e)",
                                screen.action_claim_entity)  # fmt: skip
            for key, label in (("articles", "Articles"), ("article", "Article text"),
                               ("claims", "Claims"), ("entities", "Entities")):  # fmt: skip
                yield SystemCommand(f"Go to {label}", f"Focus the {label.lower()} pane",
                                    lambda key=key: screen.action_focus_pane(key))  # fmt: skip
            yield SystemCommand("Help", "Show every key (?)", self.action_help)
