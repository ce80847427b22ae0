"""The list panes: articles, claims and entities, as DataTables of `Text` cells.

DataTable parses markup in plain string cells, so every cell built from library data is a
`rich.text.Text`. Each table keys its rows by id, so the screen deals in ids. One column per
table (None width) takes the room the others leave.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from store import ArticleRow, ClaimRow, EntityRow
from tui.format import date, figure
from tui.messages import COUNT_CAP, LAST_PAGE, Page
from tui.widgets.article_view import inert

_HEDGE_STYLE = {"approx": "italic", "vague": "italic"}
# The same colours as the names in the article text (ArticleView's CSS).
TYPE_STYLE = {
    "person": "bright_green",
    "org": "bright_magenta",
    "place": "bright_cyan",
    "other": "dim",
}


_SCALE = {"k": 1e3, "M": 1e6}


def _sort_value(value: Text) -> tuple[int, float, str]:
    """Numbers by value ("118k" too), then text by its letters; blanks ("—") last."""
    plain = value.plain.strip()
    number, scale = (plain[:-1], _SCALE[plain[-1]]) if plain[-1:] in _SCALE else (plain, 1)
    try:
        return (0, float(number.replace(",", "")) * scale, "")
    except ValueError:
        return (1 if plain not in ("", "—") else 2, 0.0, plain.lower())


def cell(value: object, style: str = "") -> Text:
    """A table cell that shows its text as text, on one line."""
    text = inert(str(value)).replace("\n", " ")
    return Text(text, style=style, no_wrap=True, overflow="ellipsis")


def count(value: int, style: str = "") -> Text:
    """A count that fits a narrow column whole: 118,146 is "118k", never a cut "1181"."""
    if value >= 1_000_000:
        shown = f"{value / 1e6:.1f}M"
    elif value >= 10_000:
        shown = f"{value // 1000}k"
    else:
        shown = str(value)
    return Text(shown, justify="right", style=style)


class ListPane(DataTable[Text]):
    """A DataTable with vim keys, rows keyed by id, and one column that fills the width.

    When the pane is too narrow for the filling column to be useful, columns with a drop
    rank are left out, highest rank first, so what matters stays readable at 80x24.
    """

    # label, key, width (None: fills), drop rank (0: always shown)
    COLUMNS: ClassVar[tuple[tuple[str, str, int | None, int], ...]] = ()
    FILL_MIN = 24
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "scroll_top", "Top", show=False, id="list.top"),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="list.bottom"),
        Binding("s", "sort", "Sort", show=False, id="list.sort"),
    ]

    PAGE = 1000  # rows held at a time; the screen fetches the next page from the library

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_shown: list[Any] = []
        self.start = 0  # the index of the first row held, in the whole list
        self.total = 0  # rows in the whole list
        self.capped = False  # counting stopped: there are more than total - 1 rows
        self._sort: tuple[str, bool] | None = None  # column key, reversed
        self._layout: tuple[tuple[str, ...], int] = ((), 0)

    @dataclass
    class PageWanted(Message):
        """The cursor went past the rows held: the screen should fetch another page."""

        table: ListPane
        offset: int
        cursor: str  # "first" or "last"

    @property
    def paged(self) -> bool:
        return self.total > len(self.rows_shown)

    def _want(self, offset: int, cursor: str) -> None:
        self.post_message(self.PageWanted(self, offset, cursor))

    def _move(self, move: Callable[[], None], forward: bool) -> None:
        """Move within the rows held, or past their end or start to the next or previous page."""
        if forward and self.cursor_row >= self.row_count - 1:
            if self.start + self.row_count < self.total:
                return self._want(self.start + self.row_count, "first")
        elif not forward and self.cursor_row <= 0 and self.start > 0:
            return self._want(max(0, self.start - self.PAGE), "last")
        move()

    def action_cursor_down(self) -> None:
        self._move(super().action_cursor_down, forward=True)

    def action_cursor_up(self) -> None:
        self._move(super().action_cursor_up, forward=False)

    def action_page_down(self) -> None:
        self._move(super().action_page_down, forward=True)

    def action_page_up(self) -> None:
        self._move(super().action_page_up, forward=False)

    def action_scroll_bottom(self) -> None:
        if self.start + self.row_count < self.total:
            self._want(LAST_PAGE, "last")
        else:
            super().action_scroll_bottom()

    def action_scroll_top(self) -> None:
        if self.start > 0:
            self._want(0, "first")
        else:
            super().action_scroll_top()

    def page_title(self, label: str) -> Text:
        """A pane title that never pretends: "Entities (1,001-2,000 of 15,478)"."""
        total = f"{self.total - 1:,}+" if self.capped else f"{self.total:,}"
        if self.paged:
            first, last = self.start + 1, self.start + len(self.rows_shown)
            return Text(f"{label} ({first:,}–{last:,} of {total})")
        return Text(f"{label} ({total})")

    def cells(self, row: Any) -> dict[str, Text]:
        raise NotImplementedError

    def key_of(self, row: Any) -> str:
        """The row key: the row's id, unless a table keys its rows otherwise."""
        return str(row.id)

    def columns_wanted(self) -> list[tuple[str, str, int | None, int]]:
        """The columns worth showing for the current rows (all, unless a table says)."""
        return list(self.COLUMNS)

    @property
    def current_id(self) -> int | None:
        if self.row_count == 0:
            return None
        return int(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value or 0)

    def move_to(self, row_id: int | str | None) -> None:
        """Put the cursor on a row by its key, if it is listed."""
        if row_id is None:
            return
        try:
            self.move_cursor(row=self.get_row_index(str(row_id)), animate=False)
        except RowDoesNotExist:  # not in this (filtered) list
            return

    def _fit(self) -> tuple[tuple[str, ...], int]:
        """The keys of the columns that fit, and the width of the filling one."""
        columns = self.columns_wanted()
        room = self.scrollable_content_region.width - 2  # a vertical scrollbar may appear
        while True:
            fixed = sum(w + 2 * self.cell_padding for _, _, w, _ in columns if w is not None)
            fill = room - fixed - 2 * self.cell_padding
            droppable = [c for c in columns if c[3]]
            if fill >= self.FILL_MIN or not droppable:
                return tuple(key for _, key, _, _ in columns), max(fill, 8)
            columns.remove(max(droppable, key=lambda c: c[3]))

    def show(
        self,
        rows: Sequence[Any],
        keep: int | None,
        offset: int = 0,
        total: int | None = None,
        cursor: str | None = None,
        capped: bool = False,
    ) -> None:
        """Hold a page of rows (all of them, for a short list) and put the cursor on the
        row kept, or on the page's first or last row."""
        self._hold(rows)
        self.start = offset
        self.total = len(self.rows_shown) if total is None else total
        self.capped = capped
        self.clear(columns=True)
        self._layout = keys, fill = self._fit()
        for label, key, width, _ in self.COLUMNS:
            if key in keys:
                self.add_column(label, key=key, width=width or fill)
        for row in self.rows_shown:
            cells = self.cells(row)
            self.add_row(*(cells[key] for key in keys), key=self.key_of(row))
        if self._sort and self._sort[0] in keys:
            self.sort(self._sort[0], key=_sort_value, reverse=self._sort[1])
        if cursor is not None and self.row_count:
            self.move_cursor(row=0 if cursor == "first" else self.row_count - 1, animate=False)
        else:
            self.move_to(keep)

    def _hold(self, rows: Sequence[Any]) -> None:
        """Keep the rows of the page shown; a table that looks rows up by id indexes them."""
        self.rows_shown = list(rows)

    def action_sort(self) -> None:
        """s: sort by the next column; again on the same column to reverse it."""
        keys = [str(key.value) for key in self.columns]
        if not keys:
            return
        current, reverse = self._sort or ("", False)
        if current in keys and not reverse:
            self.sort_by(current, reverse=True)
        else:
            after = keys[(keys.index(current) + 1) % len(keys)] if current in keys else keys[0]
            self.sort_by(after, reverse=False)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        current, reverse = self._sort or ("", False)
        self.sort_by(key, reverse=not reverse if key == current else False)

    def sort_by(self, key: str, reverse: bool = False) -> None:
        self._sort = (key, reverse)
        self.sort(key, key=_sort_value, reverse=reverse)
        if self.paged:
            self.notify(f"Sorted the {len(self.rows_shown):,} rows held, of {self.total:,}; "
                        "narrow the list with a filter to sort it whole.", timeout=4)  # fmt: skip

    def on_resize(self) -> None:
        if self.COLUMNS and self._fit() != self._layout:
            self.show(self.rows_shown, self.current_id, self.start, self.total, None, self.capped)


def first_page(total: int) -> Page:
    """A new list's first page, `total` counted up to COUNT_CAP (COUNT_CAP + 1: more)."""
    return Page(0, total, capped=total == COUNT_CAP + 1)


def page_to_read(page: Page | None, count: Callable[[int | None], int]) -> Page:
    """The page a list pane's worker reads: a new list's first, counted up to COUNT_CAP
    (counting a long list costs more than reading a page of it); past the cap, or its end,
    counted in full. `count(cap)` counts the list, stopping past cap unless it is None."""
    if page is None:
        return first_page(count(COUNT_CAP))  # the whole library counts in full: cheap, exact
    if page.capped and (page.offset == LAST_PAGE or page.offset + ListPane.PAGE >= page.total):
        page = Page(page.offset, count(None), page.cursor)
    if page.offset == LAST_PAGE:
        last = max(0, page.total - 1) // ListPane.PAGE * ListPane.PAGE
        page = Page(last, page.total, page.cursor, page.capped)
    return page


class ArticleList(ListPane):
    COLUMNS = (("Date", "date", 11, 0), ("Source", "source", 14, 1),
               ("Title", "title", None, 0), ("Claims", "claims", 6, 2))  # fmt: skip

    def cells(self, row: ArticleRow) -> dict[str, Text]:
        return {
            "date": cell(
                date(row.published, row.published_raw), "" if row.published else "dim italic"
            ),
            "source": cell(row.source),
            "title": cell(row.title),
            "claims": count(row.claims),
        }


class ClaimTable(ListPane):
    """Claims, with marks (space) that survive filtering, for exporting a hand-picked set."""

    COLUMNS = (("", "mark", 1, 0), ("Date", "date", 10, 3), ("Source", "source", 12, 1),
               ("Figure", "figure", 22, 0), ("Attributed to", "who", 20, 2),
               ("Sentence", "sentence", None, 0))  # fmt: skip
    BINDINGS = [Binding("space", "toggle_mark", "Mark", id="claims.mark")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.claims: dict[int, ClaimRow] = {}
        self.marked: set[int] = set()

    def _hold(self, rows: Sequence[ClaimRow]) -> None:
        super()._hold(rows)
        self.claims = {r.id: r for r in rows}

    def columns_wanted(self) -> list[tuple[str, str, int | None, int]]:
        if len({r.article_id for r in self.rows_shown}) <= 1:
            # One article: its date and source are in the article's title.
            return [c for c in self.COLUMNS if c[1] not in ("date", "source")]
        return list(self.COLUMNS)

    def action_toggle_mark(self) -> None:
        claim_id = self.current_id
        if claim_id is None:
            return
        self.marked.symmetric_difference_update({claim_id})
        self.update_cell(str(claim_id), "mark", _mark(claim_id in self.marked))
        self.post_message(self.MarksChanged(len(self.marked)))
        self.action_cursor_down()

    @dataclass
    class MarksChanged(Message):
        count: int

    def cells(self, row: ClaimRow) -> dict[str, Text]:
        if row.kind == "quantity":
            style = "bold " + _HEDGE_STYLE.get(row.hedge or "", "")
        else:
            style = "bold underline"
        return {
            "mark": _mark(row.id in self.marked),
            # The day the claim was made when the sentence says ("on Thursday"), else the
            # article's date.
            "date": cell(row.said_on or row.published or "—", "" if row.published else "dim"),
            "source": cell(row.source),
            "figure": cell(figure(row), style),
            "who": cell(row.attributed_to or "—", "" if row.attributed_to else "dim"),
            "sentence": cell(row.sentence),
        }


def _mark(on: bool) -> Text:
    return Text("●" if on else " ", style="bold yellow")


class EntityList(ListPane):
    COLUMNS = (("Name", "name", None, 0), ("Type", "type", 6, 0),
               ("Claims", "claims", 6, 1), ("Src", "sources", 3, 2),
               ("Conf", "conflicts", 4, 3), ("Men.", "mentions", 4, 4),
               ("Art.", "articles", 4, 5))  # fmt: skip
    FILL_MIN = 16

    def cells(self, row: EntityRow) -> dict[str, Text]:
        aliases = f" ({'; '.join(row.aliases)})" if row.aliases else ""
        return {
            "name": cell(row.name + aliases),
            "type": cell(row.type, TYPE_STYLE.get(row.type, "")),
            "claims": count(row.claims),
            "sources": count(row.sources),
            "conflicts": count(row.conflicts, "bold red" if row.conflicts else "dim"),
            "mentions": count(row.mentions),
            "articles": count(row.articles),
        }
