"""The list panes: articles, claims and entities, drawn with Textual's line API.

Every cell built from library data is a `rich.text.Text` (never markup). Each list keys its
rows by id, so the screen deals in ids. One column per list (None width) takes the room
the others leave.

Where a pane is narrow (`fit`), the filling column (a title, a sentence) is cut first, to
its least; then the other columns are cut to theirs, the least needed first; only where that
is not enough is a column left out, by its drop rank (the highest first), and the rest fitted
again. So an 80-column terminal keeps the source and who a figure is attributed to, and cuts
the title and the sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from extract.text import inert
from store import ArticleRow, ClaimRow, Count, EntityRow, claim_in_words
from store.rows import named_after_file
from tui.format import (
    VERDICT_SIGN,
    VERDICT_STYLE,
    date,
    entity_classes,
    entity_css,
    readable,
    source,
    verdict_words,
)
from tui.messages import COUNT_CAP, LAST_PAGE, Page

_HEDGE_STYLE = {"approx": "italic", "vague": "italic"}
MOVE = Binding.Group("move (↓ / ↑ too)")  # as the help shows those keys
ENDS = Binding.Group("first / last row")


_SCALE = {"k": 1e3, "M": 1e6}
Cells = list[tuple[Text, int]]  # a line's cells, each with its column's width
# What a row is sorted by in a column: None for an unknown value (a blank, a relative
# date, a statement under Figure), which goes last whichever way the column is sorted.
SortValue = tuple[int, float, str] | None


class Column(NamedTuple):
    """A list's column: its label, the key of its cells, its width (None: it takes the room
    the others leave), the narrowest it may be cut to (its width, unless said), and its drop
    rank where the pane is too narrow for it (0: never left out; the highest goes first)."""

    label: str
    key: str
    width: int | None
    least: int | None = None
    drop: int = 0

    @property
    def narrowest(self) -> int:
        return self.least or self.width or 8


def fit(columns: Sequence[Column], room: int, pad: int) -> dict[str, int]:
    """The width of each column shown, in their order, in `room` cells, each padded `pad`
    on both sides. The filling column is cut to its least before anything else; then the
    other columns, the highest drop rank first; where still too wide, the highest drop rank
    is left out and the rest fitted again. The room left goes to the filling column (or to
    the last, where the filling one was left out)."""
    shown = list(columns)
    while True:
        widths = {c.key: c.width or c.narrowest for c in shown}
        spare = room - sum(widths.values()) - 2 * pad * len(shown)
        for c in sorted((c for c in shown if c.width), key=lambda c: -c.drop):
            if spare >= 0:
                break
            cut = min(widths[c.key] - c.narrowest, -spare)
            widths[c.key] -= cut
            spare += cut
        droppable = [c for c in shown if c.drop]
        if spare >= 0 or not droppable:
            if shown:
                filling = next((c for c in shown if c.width is None), shown[-1])
                widths[filling.key] += max(spare, 0)
            return widths
        shown.remove(max(droppable, key=lambda c: c.drop))


def sort_value(value: Text) -> SortValue:
    """Numbers by value ("118k" too), then text by its letters; blanks ("—") unknown."""
    plain = value.plain.strip()
    if plain in ("", "—"):
        return None
    number, scale = (plain[:-1], _SCALE[plain[-1]]) if plain[-1:] in _SCALE else (plain, 1)
    try:
        return (0, float(number.replace(",", "")) * scale, "")
    except ValueError:
        return (1, 0.0, plain.lower())


def date_value(day: str | None) -> SortValue:
    """A day (YYYY-MM-DD) in time order; none, or a relative one ("1 month ago"), unknown."""
    return (0, 0.0, day) if day else None


def cell(value: object, style: str | Style = "") -> Text:
    """A table cell that shows its text as text, on one line."""
    if isinstance(value, Text):  # made of text already made inert, with its own styles
        shown = value.copy()
        shown.no_wrap, shown.overflow = True, "ellipsis"
        return shown
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


class ListPane(ScrollView, can_focus=True):
    """A list of rows drawn a line at a time: a header, a row cursor, columns that fit.

    Only the lines on screen are ever rendered (and kept until the rows or the width
    change), so a page of 1,000 rows is shown as fast as one of 10: a DataTable measured
    and laid out every cell of a page each time a filter changed (0.2 s at 1,000 rows).
    Its columns are fitted to its width (`fit`), so what matters stays readable at 80x24.
    """

    COLUMNS: ClassVar[tuple[Column, ...]] = ()
    PADDING = 1  # cells on each side of a column
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down", group=MOVE),
        Binding("k", "cursor_up", "Up", show=False, id="list.up", group=MOVE),
        Binding("g", "scroll_top", "Top", show=False, id="list.top", group=ENDS),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="list.bottom", group=ENDS),
        Binding(
            "s",
            "sort",
            "Sort",
            show=False,
            id="list.sort",
            tooltip="sort by the next column (again: reverse); or click a header",
        ),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home,ctrl+home", "scroll_top", "Top", show=False),
        Binding("end,ctrl+end", "scroll_bottom", "Bottom", show=False),
        Binding("enter", "select", "Select", show=False, id="list.select"),
    ]
    COMPONENT_CLASSES = {
        "list-pane--header",
        "list-pane--cursor",
        "list-pane--even-row",
    }
    # As a DataTable looked, so the panes did not change colour with the way they are drawn.
    DEFAULT_CSS = """
    ListPane {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        &:focus {
            background-tint: $foreground 5%;
            & > .list-pane--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .list-pane--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .list-pane--header { background: ansi_bright_blue; color: ansi_default; }
        & > .list-pane--even-row { background: $surface-lighten-1 50%; }
        &:dark > .list-pane--even-row { background: $surface-darken-1 40%; }
        & > .list-pane--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    PAGE = 1000  # rows held at a time; the screen fetches the next page from the library

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows_shown: list[Any] = []
        self.start = 0  # the index of the first row held, in the whole list
        self.count = Count(0)  # of the rows in the whole list
        self.cursor_row = 0  # the index of the cursor's row in the rows held
        self._sort: tuple[str, bool] | None = None  # column key, reversed
        self._widths: dict[str, int] = {}  # the columns shown, in order, and their widths
        self._index: dict[str, int] = {}  # row key -> index in rows_shown
        self._cells: dict[int, dict[str, Text]] = {}  # made as rows are first drawn
        self._strips: dict[int, Strip] = {}  # rows drawn, without the cursor
        self._styles: dict[str, Style] = {}

    @dataclass(eq=False, repr=False)  # see tui.messages
    class PageWanted(Message):
        """The cursor went past the rows held: the screen should fetch another page (its
        offset and cursor say which, and where the cursor goes; its count, how many rows
        the list was counted to hold)."""

        table: ListPane
        page: Page

    @dataclass(eq=False, repr=False)  # see tui.messages
    class RowMessage(Message):
        """A row of a list, by key; the list is its control, so `@on(..., "#id")` finds it."""

        table: ListPane
        key: str

        @property
        def control(self) -> ListPane:
            return self.table

    class RowHighlighted(RowMessage):
        """The cursor is on another row (or on the first row of a new list)."""

    class RowSelected(RowMessage):
        """Enter on a row, or a click on the row the cursor is on."""

    # ---- rows ------------------------------------------------------------------------------

    @property
    def paged(self) -> bool:
        return self.count.beyond(len(self.rows_shown))

    @property
    def current_row(self) -> Any | None:
        return self.rows_shown[self.cursor_row] if self.rows_shown else None

    @property
    def current_key(self) -> str | None:
        row = self.current_row
        return None if row is None else self.key_of(row)

    @property
    def current_id(self) -> int | None:
        key = self.current_key
        return None if key is None else int(key)

    def row_of(self, key: str) -> Any | None:
        """The row held under a key, or None."""
        index = self._index.get(key)
        return None if index is None else self.rows_shown[index]

    def _cells_at(self, index: int) -> dict[str, Text]:
        cells = self._cells.get(index)
        if cells is None:
            cells = self._cells[index] = self.cells(self.rows_shown[index])
        return cells

    def cells(self, row: Any) -> dict[str, Text]:
        raise NotImplementedError

    def key_of(self, row: Any) -> str:
        """The row key: the row's id, unless a table keys its rows otherwise."""
        return str(row.id)

    def columns_wanted(self) -> list[Column]:
        """The columns worth showing for the current rows (all, unless a table says)."""
        return list(self.COLUMNS)

    def sort_value(self, row: Any, key: str, shown: Text) -> SortValue:
        """What a row sorts by in a column: what its cell shows, unless a table says."""
        return sort_value(shown)

    def show(self, rows: Sequence[Any], keep: int | str | None, page: Page | None = None) -> None:
        """Hold a page of rows (all of them, for a short list, without a page) and put the
        cursor on the row kept, or on the page's first or last row."""
        page = page or Page(0, Count(len(rows)))
        cursor = page.cursor
        self.rows_shown = list(rows)
        self.start = page.offset
        self.count = page.count
        self._cells.clear()
        if self._sort:
            self._order(*self._sort)
        self._reindex()
        self._fit()
        if cursor is not None and self.rows_shown:
            row = 0 if cursor == "first" else len(self.rows_shown) - 1
        else:
            row = self._index.get(str(keep), 0) if keep is not None else 0
        self.cursor_row = -1  # a new list: its cursor's row is news, wherever it is
        self.move_cursor(row=row)

    def _reindex(self) -> None:
        self._index = {self.key_of(row): i for i, row in enumerate(self.rows_shown)}
        self._strips.clear()
        self.refresh()

    # ---- the cursor ------------------------------------------------------------------------

    def move_cursor(self, *, row: int) -> None:
        """Put the cursor on a row by its index, and bring it into view."""
        if not self.rows_shown:
            self.cursor_row = 0
            self.refresh()
            return
        row = max(0, min(row, len(self.rows_shown) - 1))
        moved, self.cursor_row = row != self.cursor_row, row
        self.refresh()
        self._scroll_to_cursor()
        if moved:
            self.post_message(self.RowHighlighted(self, self.key_of(self.rows_shown[row])))

    def move_to(self, row_id: int | str | None) -> None:
        """Put the cursor on a row by its key, if it is listed."""
        index = self._index.get(str(row_id)) if row_id is not None else None
        if index is not None:  # else not in this (filtered) list
            self.move_cursor(row=index)

    def _scroll_to_cursor(self) -> None:
        rows = self.scrollable_content_region.height - 1  # below the header
        if rows <= 0:
            if not self.size:  # not laid out yet: once it is
                self.call_after_refresh(self._scroll_to_cursor)
            return  # else too short to show a row
        top = self.scroll_offset.y
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= top + rows:
            self.scroll_to(y=self.cursor_row - rows + 1, animate=False)

    def _want(self, offset: int, cursor: str) -> None:
        self.post_message(self.PageWanted(self, Page(offset, self.count, cursor)))

    def _step(self, rows: int) -> None:
        """Move by rows, or past the end or start of those held to the next or previous page."""
        last = len(self.rows_shown) - 1
        if rows > 0 and self.cursor_row >= last:
            if self.count.beyond(self.start + len(self.rows_shown)):
                self._want(self.start + len(self.rows_shown), "first")
            return
        if rows < 0 and self.cursor_row <= 0:
            if self.start > 0:
                self._want(max(0, self.start - self.PAGE), "last")
            return
        self.move_cursor(row=self.cursor_row + rows)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_page_down(self) -> None:
        self._step(max(1, self.scrollable_content_region.height - 2))

    def action_page_up(self) -> None:
        self._step(-max(1, self.scrollable_content_region.height - 2))

    def action_scroll_bottom(self) -> None:
        if self.count.beyond(self.start + len(self.rows_shown)):
            self._want(LAST_PAGE, "last")
        else:
            self.move_cursor(row=len(self.rows_shown) - 1)

    def action_scroll_top(self) -> None:
        if self.start > 0:
            self._want(0, "first")
        else:
            self.move_cursor(row=0)

    def action_select(self) -> None:
        key = self.current_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        event.stop()
        if offset.y == 0:
            column = self._column_at(offset.x)
            if column is not None:
                current, reverse = self._sort or ("", False)
                self.sort_by(column, reverse=not reverse if column == current else False)
            return
        index = self.scroll_offset.y + offset.y - 1
        if index >= len(self.rows_shown):
            return
        if index == self.cursor_row:
            self.action_select()
        else:
            self.move_cursor(row=index)

    def _column_at(self, x: int) -> str | None:
        left = 0
        for key, width in self._widths.items():
            left += width + 2 * self.PADDING
            if x < left:
                return key
        return None

    # ---- titles, columns and sorting -------------------------------------------------------

    def page_title(self, label: str) -> Text:
        """A pane title that never pretends: "Entities (1,001-2,000 of 15,478)"."""
        if self.paged:
            first, last = self.start + 1, self.start + len(self.rows_shown)
            return Text(f"{label} ({first:,}–{last:,} of {self.count})")
        return Text(f"{label} ({self.count})")

    def _fit(self) -> None:
        """Fit the columns to the pane's width, as it is now."""
        room = self.content_region.width - 2  # a vertical scrollbar may appear
        self._widths = fit(self.columns_wanted(), room, self.PADDING)
        self.virtual_size = Size(max(room, 0), len(self.rows_shown) + 1)
        self._strips.clear()

    def action_sort(self) -> None:
        """s: sort by the next column; again on the same column to reverse it. A column
        without a label (the claims' marks) is sorted by a click on its header only."""
        labelled = {c.key for c in self.COLUMNS if c.label}
        keys = [key for key in self._widths if key in labelled]
        if not keys:
            return
        current, reverse = self._sort or ("", False)
        if current in keys and not reverse:
            self.sort_by(current, reverse=True)
        else:
            after = keys[(keys.index(current) + 1) % len(keys)] if current in keys else keys[0]
            self.sort_by(after, reverse=False)

    def sort_by(self, key: str, reverse: bool = False) -> None:
        """Sort the rows held by a column's value; the cursor stays on its row."""
        kept = self.current_key
        self._sort = (key, reverse)
        self._order(key, reverse)
        self._reindex()
        self.cursor_row = self._index.get(kept, 0) if kept is not None else 0
        self._scroll_to_cursor()
        if self.paged:
            self.notify(f"Sorted the {len(self.rows_shown):,} rows held, of {self.count}; "
                        "narrow the list with a filter to sort it whole.", timeout=4)  # fmt: skip

    def _order(self, key: str, reverse: bool) -> None:
        """Rows by their values in the column, either way; unknown values last, by text."""
        cells = [self._cells_at(i) for i in range(len(self.rows_shown))]
        values = [self.sort_value(row, key, cells[i][key]) for i, row in enumerate(self.rows_shown)]
        known = {i: v for i, v in enumerate(values) if v is not None}
        unknown = sorted((i for i, v in enumerate(values) if v is None),
                         key=lambda i: cells[i][key].plain.lower())  # fmt: skip
        order = sorted(known, key=known.__getitem__, reverse=reverse) + unknown
        self.rows_shown = [self.rows_shown[i] for i in order]
        self._cells = {new: cells[old] for new, old in enumerate(order)}

    def refresh_row(self, key: str) -> None:
        """Draw a row again: its cells changed (a claim was marked)."""
        index = self._index.get(key)
        if index is not None:
            self._cells.pop(index, None)
            self._strips.pop(index, None)
            self.refresh()

    # ---- drawing ---------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._fit()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # the theme or focus changed the rows' colours
        self._styles.clear()
        self._cells.clear()  # cells styled by the theme (an entity's type)

    def _style(self, component: str) -> Style:
        """The widget's style ("") or a component's, looked up once per change of style."""
        style = self._styles.get(component)
        if style is None:
            style = self.get_component_rich_style(component) if component else self.rich_style
            self._styles[component] = style
        return style

    def _colour(self, component: str) -> Style:
        """Only the colour of a component (a stripe or the cursor keeps its background)."""
        if component not in self.COMPONENT_CLASSES:
            return Style(dim=True)  # an entity of type "other"
        return readable(Style(color=self._style(component).color), self._style("").bgcolor)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._line(self._header(), width, "list-pane--header")
        index = self.scroll_offset.y + y - 1
        if index >= len(self.rows_shown):
            return Strip.blank(width, self._style(""))
        if index == self.cursor_row:
            return self._line(self._row(index), width, "list-pane--cursor")
        strip = self._strips.get(index)
        if strip is None:
            stripe = "list-pane--even-row" if index % 2 else None
            strip = self._strips[index] = self._line(self._row(index), width, stripe)
        return strip

    def _line(self, cells: Cells, width: int, component: str | None = None) -> Strip:
        """One line of the list: the cursor's colours go over the cells' own, a stripe's under.
        Each cell is its own run of segments, so a screenshot's columns line up too."""
        under = over = Style()
        if component == "list-pane--cursor":
            over = self._style(component)
        elif component is not None:
            under = self._style(component)
        base = self._style("") + under
        pad = Segment(" " * self.PADDING, base + over)
        console = self.app.console
        segments = []
        for value, cell_width in cells:
            fitted = value.copy()
            fitted.end = ""
            justify = value.justify if value.justify in ("center", "right") else "left"
            fitted.align(justify, cell_width)
            # Text.render leaves out the text's own style where it has no spans.
            own = base + console.get_style(value.style) if value.style else base
            segments.append(pad)
            segments.extend(Segment(s.text, own + s.style + over if s.style else own + over)
                            for s in fitted.render(console))  # fmt: skip
            segments.append(pad)
        return Strip(segments).extend_cell_length(width, base + over).crop(0, width)

    def _row(self, index: int) -> Cells:
        cells = self._cells_at(index)
        return [(cells[key], width) for key, width in self._widths.items()]

    def _header(self) -> Cells:
        labels = {c.key: c.label for c in self.COLUMNS}
        sort, reverse = self._sort or ("", False)
        return [(Text(labels[key] + (("▼" if reverse else "▲") if key == sort else "")), width)
                for key, width in self._widths.items()]  # fmt: skip


def page_to_read(page: Page | None, count: Callable[[int | None], Count]) -> Page:
    """The page a list pane's worker reads: a new list's first, counted up to COUNT_CAP;
    a page reaching past the cap, or the last, counted in full first. `count(cap)` counts
    the list, stopping past cap unless it is None."""
    if page is None:
        return Page(0, count(COUNT_CAP))
    if page.count.more and (
        page.offset == LAST_PAGE or page.offset + ListPane.PAGE > page.count.rows
    ):
        page = Page(page.offset, count(None), page.cursor)
    if page.offset == LAST_PAGE:
        return Page(last_page(page.count, ListPane.PAGE), page.count, page.cursor)
    return page


def last_page(count: Count, page: int) -> int:
    """The offset of the last page of a list counted in full."""
    return max(0, count.rows - 1) // page * page


class ArticleList(ListPane):
    COLUMNS = (Column("Date", "date", 11, drop=2),  # "1 month ago" whole
               Column("Source", "source", 14, least=10, drop=1),
               Column("Title", "title", None, least=16),
               Column("Claims", "claims", 6, drop=3))  # fmt: skip

    def sort_value(self, row: ArticleRow, key: str, shown: Text) -> SortValue:
        """Dates in time order, relative ones ("1 month ago") and none last."""
        return date_value(row.published) if key == "date" else sort_value(shown)

    def cells(self, row: ArticleRow) -> dict[str, Text]:
        return {
            "date": cell(
                date(row.published, row.published_raw), "" if row.published else "dim italic"
            ),
            # Its file's name is in the article pane: a narrow column keeps "unknown outlet".
            "source": cell(source(row.source, row.file_named, "outlet")),
            "title": cell(row.title),
            "claims": count(row.claims),
        }


class ClaimTable(ListPane):
    """Claims, with marks (space) that survive filtering, for exporting a hand-picked set:
    space asks the screen (MarkToggled), which owns the marks and shows them here."""

    COLUMNS = (Column("", "mark", 2), Column("Date", "date", 10, drop=4),
               Column("Source", "source", 12, least=10, drop=2),
               Column("Figure", "figure", 22, least=18),
               Column("Attributed to", "who", 20, least=14, drop=1),
               Column("Verdict", "verdict", 11, drop=5),
               Column("Sentence", "sentence", None, least=12, drop=3))  # fmt: skip
    BINDINGS = [Binding("space", "toggle_mark", "Mark", id="claims.mark",
                        tooltip="mark it (x then exports the marked ones)")]  # fmt: skip

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marked: frozenset[int] = frozenset()

    def columns_wanted(self) -> list[Column]:
        left_out = set()
        if len({r.article_id for r in self.rows_shown}) <= 1:
            # One article: its date and source are in the article's title.
            left_out |= {"date", "source"}
        if not any(r.verdict or r.note for r in self.rows_shown):
            left_out.add("verdict")  # nothing judged among them: no room taken
        return [c for c in self.COLUMNS if c.key not in left_out]

    def sort_value(self, row: ClaimRow, key: str, shown: Text) -> SortValue:
        """Figures by value ("3 generals" before "500 officers"), statements after them;
        dates in time order, none last."""
        if key == "date":
            return date_value(row.said_on or row.published)
        if key == "figure":
            value = figure_value(row)
            return None if value is None else (0, value, shown.plain.lower())
        return sort_value(shown)

    def action_toggle_mark(self) -> None:
        claim_id = self.current_id
        if claim_id is None:
            return
        self.post_message(self.MarkToggled(claim_id))
        self.action_cursor_down()

    @dataclass(eq=False, repr=False)  # see tui.messages
    class MarkToggled(Message):
        claim_id: int

    def show_marks(self, marked: frozenset[int]) -> None:
        """Draw the marks the screen holds; only the rows whose mark changed again."""
        changed, self.marked = self.marked ^ marked, marked
        for claim_id in changed:
            self.refresh_row(str(claim_id))

    def cells(self, row: ClaimRow) -> dict[str, Text]:
        if row.kind == "quantity":
            style = "bold " + _HEDGE_STYLE.get(row.hedge or "", "")
        else:
            style = "bold underline"
        return {
            "mark": _mark(row.id in self.marked, row.verdict),
            # The day the claim was made when the sentence says ("on Thursday"), else the
            # article's date.
            "date": cell(row.said_on or row.published or "—", "" if row.published else "dim"),
            # Claims of several articles of no known outlet are told apart by their files.
            "source": cell(source(row.source, named_after_file(row.source, row.path), "file")),
            "figure": cell(claim_in_words(row), style),
            "who": cell(row.attributed_to or "—", "" if row.attributed_to else "dim"),
            "verdict": cell(
                verdict_words(row.verdict, row.note or ""), VERDICT_STYLE.get(row.verdict or "", "")
            ),
            "sentence": cell(row.sentence),
        }


def figure_value(row: ClaimRow) -> float | None:
    """The number a claim's figure stands for: its value, else the middle of its interval
    ("several thousand"), else its one bound; None for a statement."""
    if row.kind != "quantity":
        return None
    if row.value is not None:
        return row.value
    if row.low is not None and row.high is not None:
        return (row.low + row.high) / 2
    return row.low if row.low is not None else row.high


def _mark(on: bool, verdict: str | None = None) -> Text:
    """The mark (space), then the verdict's sign, seen however narrow the list is."""
    mark = Text("●" if on else " ", style="bold yellow")
    mark.append(VERDICT_SIGN.get(verdict or "", " "), style=VERDICT_STYLE.get(verdict or "", ""))
    return mark


class EntityList(ListPane):
    COMPONENT_CLASSES = ListPane.COMPONENT_CLASSES | entity_classes("entity-list")
    DEFAULT_CSS = entity_css("EntityList", "entity-list")
    COLUMNS = (Column("Name", "name", None, least=16), Column("Type", "type", 6),
               Column("Claims", "claims", 6, drop=1), Column("Src", "sources", 3, drop=2),
               Column("Conf", "conflicts", 4, drop=3), Column("Men.", "mentions", 4, drop=4),
               Column("Art.", "articles", 4, drop=5))  # fmt: skip

    def cells(self, row: EntityRow) -> dict[str, Text]:
        aliases = f" ({'; '.join(row.aliases)})" if row.aliases else ""
        return {
            "name": cell(row.name + aliases),
            "type": cell(row.type, self._colour(f"entity-list--{row.type}")),
            "claims": count(row.claims),
            "sources": count(row.sources),
            "conflicts": count(row.conflicts, "bold red" if row.conflicts else "dim"),
            "mentions": count(row.mentions),
            "articles": count(row.articles),
        }
