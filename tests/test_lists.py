"""The list panes: read a page at a time, counted up to a cap, sorted, drawn a line at a
time, and answering the mouse; read here from what they draw."""

from __future__ import annotations

import re

import pytest
from textual.app import App, ComposeResult

from store import ClaimFilter, EntityRow, Library
from tests.driving import LABEL, SIZE, column, cut, settle, shown
from tui.app import ClaimdiffApp
from tui.widgets.tables import ArticleList, ClaimTable, EntityList

TALL = (200, 200)  # every row of the sample story's lists on screen at once


async def test_long_lists_are_read_a_page_at_a_time(library: Library, monkeypatch):
    from tui.widgets.tables import ListPane

    monkeypatch.setattr(ListPane, "PAGE", 2)  # five articles: pages of two
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        every = [a.title for a in library.articles()]
        assert cut(every[:2], column(articles, "Title"))
        assert str(articles.border_title) == "Articles (1–2 of 5)"
        articles.focus()
        await pilot.press("j", "j")  # past the page's last row: the next page
        await settle(app, pilot)
        assert str(articles.border_title) == "Articles (3–4 of 5)"
        assert cut(every[2:4], column(articles, "Title"))
        assert articles.current_row.title == every[2]
        assert every[2].startswith(shown(app.screen.query_one("#article"))[0].strip())
        await pilot.press("k")  # before the page's first row: the page before, at its end
        await settle(app, pilot)
        assert cut(every[:2], column(articles, "Title")) and articles.current_row.title == every[1]
        await pilot.press("G")
        await settle(app, pilot)
        assert str(articles.border_title) == "Articles (5–5 of 5)"
        assert cut(every[-1:], column(articles, "Title"))
        await pilot.press("g")
        await settle(app, pilot)
        assert cut(every[:2], column(articles, "Title")) and articles.current_row.title == every[0]
        entities = app.screen.query_one(EntityList)
        assert str(entities.border_title) == f"Entities (1–2 of {library.count_entities():,})"


async def test_a_long_list_is_counted_up_to_a_cap_and_in_full_when_paged_to_its_end(
    library: Library, monkeypatch
):
    import tui.widgets.tables as tables

    monkeypatch.setattr(tables.ListPane, "PAGE", 2)
    monkeypatch.setattr(tables, "COUNT_CAP", 3)
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        assert str(articles.border_title) == "Articles (1–2 of 5)"  # all: counted in full
        await pilot.press("slash")
        app.screen.query_one("#search").value = "korea"
        await pilot.press("enter")
        await settle(app, pilot)
        assert str(articles.border_title) == "Articles (1–2 of 3+)"
        articles.focus()
        await pilot.press("G")  # the end: counted in full
        await settle(app, pilot)
        kept = library.articles(ClaimFilter(query="korea"))
        assert str(articles.border_title) == f"Articles (5–5 of {len(kept)})" and len(kept) == 5
        assert cut([kept[-1].title], column(articles, "Title"))


async def test_entities_show_claims_sources_conflicts_and_sort(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=TALL) as pilot:
        await settle(app, pilot)
        entities = app.screen.query_one(EntityList)
        names = column(entities, "Name")
        # A name shows the forms merged into it: "North Korea (DPRK; ...)".
        korea = next(i for i, name in enumerate(names) if name.startswith("North Korea ("))
        assert "DPRK" in names[korea]
        assert int(column(entities, "Claims")[korea]) > 0
        assert column(entities, "Src")[korea] == "5" and int(column(entities, "Conf")[korea]) >= 1
        entities.focus()
        await pilot.press("s")  # by name
        await pilot.pause()
        by_name = column(entities, "Name")
        assert len(by_name) == len(names) > 20 and by_name != names
        assert by_name == sorted(names, key=str.lower)
        assert "Name▲" in shown(entities)[0]
        await pilot.press("s")  # reversed
        await pilot.pause()
        assert column(entities, "Name") == by_name[::-1] and "Name▼" in shown(entities)[0]


def _number(figure: str) -> float:
    """The first number a figure's words show: "more than 3,000 North Koreans" is 3000."""
    return float(re.search(r"\d[\d,.]*", figure).group().replace(",", ""))


async def test_s_sorts_the_figures_by_value_and_statements_after_them(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=TALL) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        # "Ukraine War Update": 12,000 soldiers, 500 officers, 3 generals, 3,765, 3,200, 130...
        articles.move_to(next(r.id for r in articles.rows_shown if r.title.startswith("Ukraine")))
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable)
        claims.focus()
        figures = column(claims, "Figure")
        assert {"3 generals", "130 students", "500 officers"} <= set(figures)
        await pilot.press("s")
        await pilot.pause()
        assert shown(claims)[0].split()[0] == "Figure▲"  # the marks' column stays unsorted
        by_value = column(claims, "Figure")
        numbers = [_number(f) for f in by_value if re.search(r"\d", f)]
        assert numbers == sorted(numbers) and len(numbers) >= 8, by_value
        assert by_value[:3] == ["3 generals", "130 students", "500 officers"]
        await pilot.press("s")  # reversed: the largest first
        await pilot.pause()
        reverse = column(claims, "Figure")
        assert reverse[0].startswith("12,000") and reverse[-1] != "3 generals"
        assert [_number(f) for f in reverse if re.search(r"\d", f)] == numbers[::-1]

        # Where figures and statements mix, the statements come after the figures both ways.
        articles.move_to(next(r.id for r in articles.rows_shown if r.source == "Newser"))
        await settle(app, pilot)
        assert "Figure▼" in shown(claims)[0]  # a new list keeps the sort: reversed
        assert column(claims, "Figure")[0].startswith("several thousand")
        assert column(claims, "Figure")[-1] == "deny"


async def test_dates_sort_by_time_with_relative_and_unknown_dates_last(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=TALL) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        await pilot.press("s")  # the first column: Date
        await pilot.pause()
        assert column(articles, "Date") == ["2024-10-16", "2024-10-25", "1 month ago", "—", "—"]
        await pilot.press("s")
        await pilot.pause()
        assert column(articles, "Date") == ["2024-10-25", "2024-10-16", "1 month ago", "—", "—"]
        assert "Date▼" in shown(articles)[0]


async def _headers(app: ClaimdiffApp, pilot) -> dict[str, list[str]]:
    """The column labels of each list pane, as drawn."""
    await settle(app, pilot)
    return {pane: [m.group().rstrip("▲▼") for m in LABEL.finditer(shown(
                app.screen.query_one(f"#{pane}"))[0])]
            for pane in ("articles", "claims", "entities")}  # fmt: skip


@pytest.mark.parametrize("size", [(160, 48), (120, 40), (100, 30), (80, 24)])
async def test_narrow_panes_cut_titles_before_sources_and_attributions_go(
    library: Library, size: tuple[int, int]
):
    app = ClaimdiffApp(library)
    async with app.run_test(size=size) as pilot:
        headers = await _headers(app, pilot)
        assert {"Source", "Title"} <= set(headers["articles"]), headers
        assert {"Figure", "Attributed to"} <= set(headers["claims"]), headers
        assert {"Name", "Type"} <= set(headers["entities"])
        articles = app.screen.query_one(ArticleList)
        titles = column(articles, "Title")
        assert cut([r.title for r in articles.rows_shown], titles)
        assert "Newser" in column(articles, "Source")
        if size[0] >= 120:
            assert "Date" in headers["articles"] and "Sentence" in headers["claims"]
        if size[0] == 160:
            assert "Claims" in headers["articles"] and "Art." in headers["entities"]
        assert all(len(t) >= 15 for t in titles)  # cut, never to a stub

        # A list of several sources' claims keeps its sources where there is room for them,
        # and who the figures are attributed to everywhere.
        await pilot.press("slash", *"troops", "enter")
        headers = await _headers(app, pilot)
        assert {"Figure", "Attributed to"} <= set(headers["claims"]), headers
        if size[0] >= 100:
            assert "Source" in headers["claims"]


async def test_columns_fit_again_as_the_terminal_narrows(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=(160, 48)) as pilot:
        assert "Date" in (await _headers(app, pilot))["articles"]
        await pilot.resize_terminal(80, 24)
        headers = await _headers(app, pilot)
        assert headers["articles"] == ["Source", "Title"], headers
        assert headers["claims"] == ["Figure", "Attributed to"], headers


async def test_lists_draw_only_the_rows_on_screen_and_answer_the_mouse(
    library: Library, monkeypatch
):
    drawn: list[str] = []
    cells = EntityList.cells

    def counted(self, row):
        drawn.append(row.name)
        return cells(self, row)

    monkeypatch.setattr(EntityList, "cells", counted)
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        entities = app.screen.query_one(EntityList)
        on_screen = entities.scrollable_content_region.height - 1  # below the header
        assert library.count_entities() > on_screen + 20  # the sample story names 72
        assert 0 < len(set(drawn)) <= on_screen  # the rest are never drawn until scrolled to

        entities.focus()
        first = column(entities, "Name")
        await pilot.press("pagedown")
        assert entities.current_row.name == first[on_screen - 1]
        await pilot.press("pagedown")
        assert entities.current_row.name in column(entities, "Name")  # the cursor in view
        assert column(entities, "Name") != first  # scrolled

        # A click on the header sorts by that column, marked with an arrow; the cursor
        # stays on its row.
        kept = entities.current_row
        await pilot.click(EntityList, offset=(3, 1))  # border, then the header line
        await pilot.pause()
        assert "Name▲" in shown(entities)[0]
        assert entities.current_row == kept and kept.name in column(entities, "Name")

        # A click on a row puts the cursor there; a second click chooses it (a filter).
        await pilot.press("home")
        assert column(entities, "Name")[0] == entities.current_row.name
        fourth = column(entities, "Name")[3]
        await pilot.click(EntityList, offset=(3, 2 + 3))  # border, header, the fourth row
        await settle(app, pilot)
        assert entities.current_row.name == fourth
        assert not app.screen.query_one("#filters").display
        await pilot.click(EntityList, offset=(3, 2 + 3))
        await settle(app, pilot)
        assert f"entity: {fourth}" in str(app.screen.query_one("#filters").render())


async def test_a_lists_cursor_is_drawn_in_the_colours_of_its_focus_and_theme(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)

        def cursor_colour() -> object:
            line = articles.render_line(1 + articles.cursor_row - articles.scroll_offset.y)
            return next(iter(line)).style.bgcolor

        focused = cursor_colour()
        await pilot.press("tab")
        await pilot.pause()
        assert not articles.has_focus and cursor_colour() != focused
        blurred = cursor_colour()
        app.theme = "textual-light"
        await pilot.pause()
        assert cursor_colour() not in (focused, blurred)


class _Entities(App[None]):
    """An entities pane alone, holding rows made up for the test."""

    def __init__(self, rows: list[EntityRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield EntityList()

    def on_mount(self) -> None:
        self.query_one(EntityList).show(self.rows, None)


async def test_counts_fit_their_columns_whole_and_sort_by_value():
    claims = [7, 118_146, 9_999, 4_868_818, 20_000, 1_200_000]
    rows = [EntityRow(n, f"entity {n}", "person", [], 1, 1, claims=c)
            for n, c in enumerate(claims)]  # fmt: skip
    app = _Entities(rows)
    async with app.run_test(size=(100, 12)) as pilot:
        entities = app.query_one(EntityList)
        entities.focus()
        assert column(entities, "Claims") == ["7", "118k", "9999", "4.9M", "20k", "1.2M"]
        await pilot.press(*"sssss")  # by name, reversed, by type, reversed, by claims
        await pilot.pause()
        # By value: as text, "1.2M" would come before "118k", and "20k" after it.
        assert column(entities, "Claims") == ["7", "9999", "20k", "118k", "1.2M", "4.9M"]
        assert all(len(cell) <= 4 for cell in column(entities, "Claims"))  # Men.'s width
