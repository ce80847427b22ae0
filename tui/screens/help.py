"""Every key of the reader, on one screen."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Everywhere", (
        ("tab / shift+tab", "next / previous pane"),
        ("1 2 3 4", "articles, article text, claims, entities"),
        ("/", "search claims and article text"),
        ("f", "filter by source, kind, hedge, dates (R there renames a source)"),
        ("i", "import files or folders (esc stops between files)"),
        ("r", "read the library again (another process imported)"),
        ("d", "discrepancies: where sources disagree"),
        ("escape", "clear the last filter (search, then entity)"),
        ("x", "export the marked claims, or all on screen, as CSV"),
        ("n / N", "next / previous claim, shown in its article"),
        ("c", "copy the claim's sentence with its source and date"),
        ("e", "show only claims naming an entity of this claim's sentence"),
        ("ctrl+p", "command palette"),
        ("?", "this help"),
        ("q", "quit"),
    )),
    ("Lists (articles, claims, entities)", (
        ("j / k, ↓ / ↑", "move"),
        ("g / G", "first / last row"),
        ("s", "sort by the next column (again: reverse); or click a header"),
        ("enter on a claim", "show its sentence in the article"),
        ("space on a claim", "mark it (x then exports the marked ones)"),
        ("enter on an entity", "show only claims that mention it"),
    )),
    ("Discrepancies", (
        ("j / k", "move between groups (conflicts first)"),
        ("enter, h / l", "to the group's cards, and between them"),
        ("enter on a card", "open that sentence in its article"),
        ("x / X", "export this group / every group: CSV, .jsonl, or a .md brief"),
        ("escape", "back to the reader"),
    )),
    ("Article text", (
        ("j / k", "scroll a line"),
        ("space / b", "page down / up"),
        ("g / G", "top / bottom"),
    )),
)  # fmt: skip


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

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for heading, keys in KEYS:
            table.add_row("")
            table.add_row(f"[u]{heading}[/u]", "")
            for key, what in keys:
                table.add_row(key, what)
        with VerticalScroll():
            yield Static(table)
            yield Static("\nPress escape to close.", markup=False)
