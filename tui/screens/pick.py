"""Choose one of a few names: the entities a claim's sentence mentions."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from extract.text import inert
from tui.app import HELP


class PickScreen(ModalScreen[str | None]):
    """Returns the chosen name, or None."""

    BINDINGS = [Binding("escape", "dismiss_none", "Cancel", id="pick.cancel"), HELP]
    DEFAULT_CLASSES = "dialog"  # app.tcss
    DEFAULT_CSS = """
    PickScreen > Vertical { width: 60; max-height: 80%; }
    PickScreen OptionList { height: auto; max-height: 16; }
    """

    def __init__(self, title: str, names: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.title_text))
            yield OptionList(*(Option(Text(inert(n)), id=str(i)) for i, n in enumerate(self.names)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[int(event.option.id or 0)])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
