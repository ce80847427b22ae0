"""The title bar: the app's title and library, and the command palette's icon.

Textual's Header is four widgets (icon, title, clock space, and itself) with their styles;
this is one, drawn as one line, so the reader's first frame comes sooner.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8  # as the Header's icon: room to click


class TitleBar(Widget):
    """ "claimdiff — /path/library.db", centred; a click on the icon opens the palette."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._retitle, init=False)
        self.watch(self.app, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Text:
        width = self.size.width
        title = Text(self.app.title, no_wrap=True, end="")
        if self.app.sub_title:
            title.append(" — ")
            title.append(self.app.sub_title, style="dim")
        title.truncate(max(width - 2 * ICON_WIDTH, 1), overflow="ellipsis")
        line = Text(f" {ICON}".ljust(ICON_WIDTH), no_wrap=True, end="")
        line.append(" " * max(0, (width - title.cell_len) // 2 - ICON_WIDTH))  # centred
        line.append_text(title)
        return line

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
