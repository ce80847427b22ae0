"""The claimdiff Textual application."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from store import Library
from tui.screens.main import MainScreen


class ClaimdiffApp(App[None]):
    """Reads one library; notices (import failures and such) are shown once it is up."""

    CSS_PATH = "app.tcss"
    TITLE = "claimdiff"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, id="app.quit")]

    def __init__(self, library: Library, notices: Iterable[str] = ()) -> None:
        super().__init__()
        self.library = library
        self.notices = list(notices)

    def on_mount(self) -> None:
        self.sub_title = str(self.library.path)
        self.push_screen(MainScreen(self.library))
        for notice in self.notices:
            self.notify(notice, severity="warning", markup=False, timeout=10)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
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
            yield SystemCommand("Help", "Show every key (?)", screen.action_help)
