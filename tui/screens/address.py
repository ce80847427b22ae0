"""An article's web address, shown to copy where it cannot be opened (tui/opener.py)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from extract.text import inert


class AddressScreen(ModalScreen[None]):
    """Says why the address was not opened, shows it as text, and copies it on `c`."""

    BINDINGS = [
        Binding("c", "copy", "Copy", id="address.copy"),
        Binding("escape", "close", "Close", id="address.close"),
    ]
    DEFAULT_CLASSES = "dialog"  # app.tcss
    DEFAULT_CSS = """
    AddressScreen > Vertical { width: 80; max-width: 96%; }
    AddressScreen #address-url { margin: 1 0; text-style: underline; }
    """

    def __init__(self, url: str, why: str) -> None:
        super().__init__()
        self.url = url
        self.why = why

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Not opened: {self.why}. The article's address:"), id="address-why")
            yield Static(Text(inert(self.url)), id="address-url")
            yield Label("c copies it (works over SSH), esc closes.")

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.url)
        self.app.notify("Copied the article's address", markup=False)
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
