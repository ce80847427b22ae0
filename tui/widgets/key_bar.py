"""The key bar: the keys the focused pane and its screen answer, on one line at the bottom.

Textual's Footer does the same with a widget per key, and builds them all again whenever
focus moves: after a search at 100,000 articles that was most of the screen's layouts. This
is one widget that draws a line, and draws it again only when the keys shown change.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget


class Key(NamedTuple):
    key: str  # the key as bound (after any keymap)
    shown: str  # as the user reads it: "/", "esc", "^p"
    description: str
    enabled: bool


class KeyBar(Widget):
    """Keys with what they do; a click on one presses it. Keys that do not fit are left out
    whole; the command palette's key sits on the right where there is room."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--hover { background: $block-hover-background; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.keys: tuple[Key, ...] = ()
        self.palette: Key | None = None
        self._drawn: list[tuple[int, int, Key]] = []  # cells from, to, and the key there
        self._hover: Key | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        keys, palette = self._read_keys()
        if (keys, palette) != (self.keys, self.palette):
            self.keys, self.palette = keys, palette
            self.refresh()

    def _read_keys(self) -> tuple[tuple[Key, ...], Key | None]:
        """The keys to show, one per action: the focused widget's first, then its screen's,
        each in the order they are declared (a key remapped by a keymap keeps its place)."""
        app = self.app
        active = self.screen.active_bindings
        shown = [(node, binding, enabled) for node, binding, enabled, _ in active.values()
                 if binding.show]  # fmt: skip
        nodes = list(dict.fromkeys(node for node, _, _ in shown))
        shown.sort(key=lambda s: (nodes.index(s[0]), _declared(s[0], s[1].action)))
        actions: set[str] = set()
        keys = []
        for _, binding, enabled in shown:
            if binding.action not in actions:
                actions.add(binding.action)
                keys.append(Key(binding.key, app.get_key_display(binding),
                                binding.description, enabled))  # fmt: skip
        palette = None
        found = [a for a in active.values() if a.binding.action == "command_palette"]
        if app.ENABLE_COMMAND_PALETTE and found:  # under whatever key a keymap gave it
            _, binding, enabled, _ = found[0]
            palette = Key(binding.key, app.get_key_display(binding), "palette", enabled)
        return tuple(keys), palette

    def render(self) -> Text:
        width = self.size.width
        everything = [*self.keys, *([self.palette] if self.palette else [])]
        # Spaced out where every key fits; else closer together, so that at 80 columns the
        # keys up to help (?) still show.
        compact = sum(self._key(k).cell_len for k in everything) > width
        line = Text(no_wrap=True, overflow="crop", end="")
        self._drawn = []
        for key in self.keys:
            text = self._key(key, compact)
            if line.cell_len + text.cell_len > width:
                break
            self._drawn.append((line.cell_len, line.cell_len + text.cell_len, key))
            line.append_text(text)
        if self.palette is not None:
            text = self._key(self.palette, compact)
            room = width - line.cell_len - text.cell_len
            if room >= 0:
                line.append(" " * room)
                self._drawn.append((line.cell_len, width, self.palette))
                line.append_text(text)
        return line

    def _key(self, key: Key, compact: bool = False) -> Text:
        style = self.get_component_rich_style
        key_style, description_style = style("key-bar--key"), style("key-bar--description")
        if key == self._hover:
            hover = style("key-bar--hover")
            key_style, description_style = key_style + hover, description_style + hover
        dim = Style(dim=not key.enabled)
        return Text.assemble(
            (key.shown if compact else f" {key.shown} ", key_style + dim),
            (f" {key.description} " if compact else f"{key.description} ",
             description_style + dim),
        )  # fmt: skip

    def _key_at(self, x: int) -> Key | None:
        return next((key for start, end, key in self._drawn if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._key_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()


def _declared(node: DOMNode, action: str) -> int:
    """Where a node's class declares the binding for an action (last if it does not)."""
    bindings = [b for b in getattr(type(node), "BINDINGS", []) if isinstance(b, Binding)]
    return next((i for i, b in enumerate(bindings) if b.action == action), len(bindings))
