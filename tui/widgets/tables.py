"""The list panes: articles, claims and entities, as DataTables of `Text` cells.

DataTable parses markup in plain string cells, so every cell built from library data is a
`rich.text.Text`. Each table keys its rows by id, so the screen deals in ids. One column per
table (None width) takes the room the others leave.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from store import ArticleRow, ClaimRow, EntityRow
from tui.format import date, figure
from tui.widgets.article_view import inert

_HEDGE_STYLE = {"approx": "italic", "vague": "italic"}
# The same colours as the names in the article text (ArticleView's CSS).
TYPE_STYLE = {
    "person": "bright_green",
    "org": "bright_magenta",
    "place": "bright_cyan",
    "other": "dim",
}


def cell(value: object, style: str = "") -> Text:
    """A table cell that shows its text as text, on one line."""
    text = inert(str(value)).replace("\n", " ")
    return Text(text, style=style, no_wrap=True, overflow="ellipsis")


def count(value: int) -> Text:
    return Text(str(value), justify="right")


class ListPane(DataTable[Text]):
    """A DataTable with vim keys, rows keyed by id, and one column that fills the width."""

    COLUMNS: ClassVar[tuple[tuple[str, str, int | None], ...]] = ()  # label, key, width
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "scroll_top", "Top", show=False, id="list.top"),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="list.bottom"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_shown: list[Any] = []
        self._fill_width = 0

    def cells(self, row: Any) -> list[Text]:
        raise NotImplementedError

    @property
    def current_id(self) -> int | None:
        if self.row_count == 0:
            return None
        return int(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value or 0)

    def move_to(self, row_id: int | None) -> None:
        """Put the cursor on a row by id, if it is listed."""
        if row_id is None:
            return
        try:
            self.move_cursor(row=self.get_row_index(str(row_id)), animate=False)
        except RowDoesNotExist:  # not in this (filtered) list
            return

    def _columns_fit(self) -> int:
        fixed = sum(w + 2 * self.cell_padding for _, _, w in self.COLUMNS if w is not None)
        return max(12, self.scrollable_content_region.width - fixed - 2 * self.cell_padding - 2)

    def show(self, rows: Sequence[Any], keep: int | None) -> None:
        self.rows_shown = list(rows)
        self.clear(columns=True)
        self._fill_width = self._columns_fit()
        for label, key, width in self.COLUMNS:
            self.add_column(label, key=key, width=width or self._fill_width)
        for row in self.rows_shown:
            self.add_row(*self.cells(row), key=str(row.id))
        self.move_to(keep)

    def on_resize(self) -> None:
        if self.COLUMNS and self._columns_fit() != self._fill_width:
            self.show(self.rows_shown, self.current_id)


class ArticleList(ListPane):
    COLUMNS = (("Date", "date", 11), ("Source", "source", 14), ("Title", "title", None),
               ("Claims", "claims", 6))  # fmt: skip

    def cells(self, row: ArticleRow) -> list[Text]:
        return [
            cell(date(row.published, row.published_raw), "" if row.published else "dim italic"),
            cell(row.source),
            cell(row.title),
            count(row.claims),
        ]


class ClaimTable(ListPane):
    COLUMNS = (("Date", "date", 10), ("Source", "source", 12), ("Figure", "figure", 24),
               ("Attributed to", "who", 22), ("Sentence", "sentence", None))  # fmt: skip

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.claims: dict[int, ClaimRow] = {}

    def show(self, rows: Sequence[ClaimRow], keep: int | None) -> None:
        self.claims = {r.id: r for r in rows}
        super().show(rows, keep)

    def cells(self, row: ClaimRow) -> list[Text]:
        if row.kind == "quantity":
            style = "bold " + _HEDGE_STYLE.get(row.hedge or "", "")
        else:
            style = "bold underline"
        return [
            cell(row.published or "—", "" if row.published else "dim"),
            cell(row.source),
            cell(figure(row), style),
            cell(row.attributed_to or "—", "" if row.attributed_to else "dim"),
            cell(row.sentence),
        ]


class EntityList(ListPane):
    COLUMNS = (("Name", "name", None), ("Type", "type", 6), ("Men.", "mentions", 4),
               ("Art.", "articles", 4))  # fmt: skip

    def cells(self, row: EntityRow) -> list[Text]:
        aliases = f" ({'; '.join(row.aliases)})" if row.aliases else ""
        return [
            cell(row.name + aliases),
            cell(row.type, TYPE_STYLE.get(row.type, "")),
            count(row.mentions),
            count(row.articles),
        ]
