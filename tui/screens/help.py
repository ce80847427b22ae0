"""Every key of the reader, on one screen, read from the bindings themselves.

Each row shows the keys of some bindings, found by id, as the keymap in the settings binds
them, and says what they do in the words the bindings carry: their group's, else their
tooltip. A key that means something else on another row (enter on a claim, on an entity)
says so there. So a key remapped in the config is shown under its new key. Opened from a
view or a dialog (every one has `?`), the help shows that screen's keys first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.keys import KEY_DISPLAY_ALIASES, format_key
from textual.screen import ModalScreen
from textual.widgets import Static


@dataclass(frozen=True)
class Row:
    ids: tuple[str, ...]  # the bindings whose keys the row shows, in order
    on: str = ""  # where the keys are pressed, when it matters: "on a claim"
    what: str = ""  # what they do there, when not what the bindings say
    join: str = " / "
    every_key: bool = False  # show each key of the binding, not only its first


@dataclass(frozen=True)
class Section:
    heading: str
    rows: tuple[Row, ...]
    screens: tuple[str, ...] = ()  # the screens (by class name) whose keys these are


LIST = ("list.down", "list.up")
SECTIONS: tuple[Section, ...] = (
    Section("Everywhere", (
        Row(("main.next_pane", "main.previous_pane"), what="next / previous pane: articles, "
            "entities, article text, claims"),
        Row(("main.focus_articles", "main.focus_article", "main.focus_claims",
             "main.focus_entities"), join=" "),
        Row(("main.search",)),
        Row(("main.filters",)),
        Row(("main.import",)),
        Row(("main.refresh",)),
        Row(("main.discrepancies",)),
        Row(("main.clear_filter",)),
        Row(("main.export",)),
        Row(("main.next_claim", "main.previous_claim")),
        Row(("main.copy_claim",)),
        Row(("main.open_address",)),
        Row(("main.remove",)),
        Row(("main.undo_removal",)),
        Row(("main.claim_entity",)),
        Row(("main.rename_source",)),
        Row(("app.command_palette",)),
        Row(("main.help",), what="this help, in every view and dialog (f1 where you type)",
            every_key=True),
        Row(("main.quit",)),
    ), ("MainScreen",)),
    Section("Lists (articles, claims, entities)", (
        Row(LIST),
        Row(("list.top", "list.bottom")),
        Row(("list.sort",)),
        Row(("list.select",), "on a claim", "show its sentence in the article"),
        Row(("claims.mark",), "on a claim"),
        Row(("main.verdict",), "on a claim"),
        Row(("list.select",), "on an entity", "show only claims that mention it"),
    ), ("MainScreen",)),
    Section("Discrepancies", (
        Row(LIST, what="move between groups (conflicts first)"),
        Row(("list.select", "discrepancies.left", "discrepancies.right"),
            what="to the group's cards, and between them"),
        Row(("discrepancies.open",), "on a card"),
        Row(("discrepancies.export_group", "discrepancies.export_all")),
        Row(("discrepancies.verdict",)),
        Row(("discrepancies.take_out",), "on a card"),
        Row(("discrepancies.merge",)),
        Row(("discrepancies.back",)),
    ), ("DiscrepancyScreen",)),
    Section("Article text", (
        Row(("article.down", "article.up")),
        Row(("article.page_down", "article.page_up")),
        Row(("article.top", "article.bottom")),
    ), ("MainScreen",)),
    Section("Filter dialog (f)", (
        Row(("filters.toggle",)),
        Row(("filters.all",)),
        Row(("filters.apply",)),
        Row(("filters.rename_source",)),
        Row(("filters.cancel",)),
    ), ("FilterScreen",)),
    Section("Other dialogs", (
        Row(("import.stop",), what="import: cancel, or stop after this file (enter imports)"),
        Row(("export.cancel",), what="export: cancel (enter writes the file)"),
        Row(("rename.cancel",), what="rename a source: cancel (enter renames)"),
        Row(("pick.cancel",), what="choose a name: cancel (enter chooses)"),
    ), ("ImportScreen", "ExportScreen", "RenameScreen", "PickScreen")),
)  # fmt: skip


def key_shown(key: str) -> str:
    """A key as the help writes it: its character ("/", "?"), an arrow, else its name
    ("escape", "enter", "ctrl+p"), as a keymap in the settings would name it."""
    if key in ("up", "down", "left", "right"):
        return format_key(key)
    shown = format_key(key)
    single = len(shown) == 1 and shown.isprintable() and not shown.isspace()
    return shown if single and key not in KEY_DISPLAY_ALIASES else key


def first_key(binding: Binding, keymap: Mapping[str, str], every: bool = False) -> str:
    """The key a binding is pressed with, after the keymap: the first of its keys (the
    others are the arrows, home and end that mean the same everywhere), or all of them."""
    keys = [k.strip() for k in (keymap.get(binding.id or "") or binding.key).split(",")]
    return " / ".join(key_shown(k) for k in (keys if every else keys[:1]))


def what_it_does(binding: Binding) -> str:
    return binding.group.description if binding.group else binding.tooltip or binding.description


def rows(
    sections: Iterable[Section],
    bindings: Mapping[str, Binding],
    keymap: Mapping[str, str],
    first: str = "",
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each section's heading with its rows: the keys, and what they do (and where, when
    it matters). The sections of the screen named `first` come first."""
    shown = []
    for section in sorted(sections, key=lambda s: first not in s.screens):
        lines = []
        for row in section.rows:
            keys = row.join.join(first_key(bindings[i], keymap, row.every_key) for i in row.ids)
            what = row.what or what_it_does(bindings[row.ids[0]])
            lines.append((keys, f"{row.on}: {what}" if row.on else what))
        shown.append((section.heading, lines))
    return shown


def bindings_of(*classes: type[DOMNode]) -> dict[str, Binding]:
    """The bindings the classes declare, by id."""
    return {b.id: b for cls in classes for b in cls.BINDINGS if isinstance(b, Binding) and b.id}


class HelpText(VerticalScroll):
    """The help's text, scrolled with j and k as the lists are."""

    BINDINGS = [
        Binding("j", "line(1)", "Down", show=False, id="help.down"),
        Binding("k", "line(-1)", "Up", show=False, id="help.up"),
    ]

    def action_line(self, lines: int) -> None:
        # At once: an animated scroll started again by each key of a held j moved one line.
        self.scroll_relative(y=lines, animate=False)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-height: 90%; height: auto; border: thick $accent; background: $surface;
        padding: 0 1;
    }
    """

    def __init__(self, keymap: Mapping[str, str], over: type[DOMNode] | None = None) -> None:
        super().__init__()
        self.keymap = keymap  # the settings' remaps, by binding id: shown as remapped
        self.over = over.__name__ if over else ""  # the screen it was opened from

    def compose(self) -> ComposeResult:
        from tui.app import ClaimdiffApp
        from tui.screens.discrepancies import DiscrepancyScreen
        from tui.screens.export import ExportScreen
        from tui.screens.filters import FilterScreen, RenameScreen, Ticks
        from tui.screens.importing import ImportScreen
        from tui.screens.main import MainScreen
        from tui.screens.pick import PickScreen
        from tui.widgets.article_view import ArticleView
        from tui.widgets.tables import ClaimTable, ListPane

        bindings = bindings_of(ClaimdiffApp, MainScreen, ListPane, ClaimTable, ArticleView,
                               DiscrepancyScreen, FilterScreen, Ticks, RenameScreen,
                               ImportScreen, ExportScreen, PickScreen, HelpScreen)  # fmt: skip
        sections = rows(SECTIONS, bindings, self.keymap, self.over)
        # The keys' column is as wide as the widest keys, the same in every section.
        widest = max(cell_len(keys) for _, lines in sections for keys, _ in lines)
        close = first_key(bindings["help.close"], self.keymap)
        with HelpText():
            for heading, lines in sections:
                yield Static(Text.assemble("\n", (heading, "underline")))
                table = Table.grid(padding=(0, 2))
                table.add_column(style="bold", no_wrap=True, width=widest)
                table.add_column(ratio=1)
                for keys, what in lines:
                    table.add_row(Text(keys), Text(what))
                yield Static(table)
            yield Static(f"\nPress {close} to close.", markup=False)
