"""Removing from inside the reader: delete asks, takes the article or its source out, the
panes follow, and u puts back what went while the reader is open."""

from __future__ import annotations

import time
from pathlib import Path

from store import Library, import_paths
from tests.driving import SIZE, Notices, column, settle
from tui.app import ClaimdiffApp
from tui.screens.main import WATCH_SECONDS
from tui.screens.remove import RemoveScreen
from tui.widgets.tables import ArticleList, EntityList


def wire_articles(library: Library, folder: Path) -> None:
    """Two articles of one outlet, beside the bundled five."""
    folder.mkdir()
    for n, figure in enumerate(("11,000", "12,000")):
        (folder / f"wire{n}.txt").write_text(
            f"Wire report {n}\nSource: Wire\nDate: 2024-10-2{n}\n\nAbout {figure} North Korean "
            "troops are in the Kursk region, Pentagon spokesman Pat Ryder said.",
            encoding="utf-8",
        )
    assert len(import_paths(library, [folder]).imported) == 2


async def open_article(app: ClaimdiffApp, pilot, title: str) -> None:
    articles = app.screen.query_one(ArticleList)
    articles.move_to(next(r.id for r in articles.rows_shown if r.title == title))
    await settle(app, pilot)


def dialog_text(app: ClaimdiffApp) -> str:
    """The choices the dialog offers, and what it says of undoing."""
    return "\n".join(str(app.screen.query_one(f"#remove-{part}").render())
                     for part in ("choices", "undo"))  # fmt: skip


async def test_delete_asks_then_takes_out_an_article_or_its_source_and_u_puts_it_back(
    library: Library, tmp_path: Path, monkeypatch
):
    entities = library.count_entities()  # as without the wire's articles
    wire_articles(library, tmp_path / "wire")
    claims = {a.title: a.claims for a in library.articles()}
    assert library.count_entities() > entities
    app = ClaimdiffApp(library)
    told = Notices()
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        await settle(app, pilot)
        await open_article(app, pilot, "Wire report 1")
        await pilot.press("delete")
        await settle(app, pilot)
        assert isinstance(app.screen, RemoveScreen)
        shown = dialog_text(app)
        assert (
            f"a  this article, \u201cWire report 1\u201d ({claims['Wire report 1']} claim" in shown
        )
        both = claims["Wire report 0"] + claims["Wire report 1"]
        assert f"s  every article of Wire: 2 articles ({both} claims)" in shown
        assert "u in the reader puts it back, until the reader closes." in shown
        await pilot.press("escape")  # keeps them
        await settle(app, pilot)
        assert library.counts()["articles"] == 7

        await pilot.press("delete")
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        titles = column(app.screen.query_one(ArticleList), "Title")
        assert len(titles) == 5 and not [t for t in titles if t.startswith("Wire")]
        assert str(app.screen.query_one(ArticleList).border_title) == "Articles (5)"
        assert str(app.screen.query_one(EntityList).border_title) == f"Entities ({entities})"
        assert told.messages[-1] == (
            f"Removed 2 articles ({both} claims) of Wire. u puts them back while the reader "
            "is open."
        )

        grouping = library.grouper.refresh_groups

        def slow_grouping(*args: object) -> int:
            """As in a large library, putting back takes longer than the reader waits
            between its looks for another process's imports."""
            time.sleep(WATCH_SECONDS + 0.5)
            return grouping()

        monkeypatch.setattr(library.grouper, "refresh_groups", slow_grouping)
        await pilot.press("u")
        await settle(app, pilot)
        monkeypatch.undo()
        assert len(column(app.screen.query_one(ArticleList), "Title")) == 7
        assert told.messages[-1] == (
            f"Put back 2 articles ({both} claims) as they were imported: the same text, claims "
            "and names, under new ids."
        )
        await pilot.press("u")
        await settle(app, pilot)
        assert told.messages[-1].startswith("Nothing to put back")
        assert not [m for m in told.messages if "new article" in m]  # what it put back is not
    assert library.counts()["articles"] == 7


async def test_an_article_alone_in_its_source_is_removed_with_a_and_imports_again(
    library: Library,
):
    from store import BUNDLED_ARTICLES

    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        newser = next(r.title for r in app.screen.query_one(ArticleList).rows_shown
                      if r.source == "Newser")  # fmt: skip
        await open_article(app, pilot, newser)
        await pilot.press("delete")
        await settle(app, pilot)
        assert "(the only article of Newser)" in dialog_text(app)
        await pilot.press("s")  # no such choice here: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, RemoveScreen)
        await pilot.press("a")
        await settle(app, pilot)
        assert newser not in column(app.screen.query_one(ArticleList), "Title")
    again = import_paths(library, [BUNDLED_ARTICLES])
    assert (len(again.imported), len(again.present)) == (1, 4)


async def run_command(app: ClaimdiffApp, pilot, title: str) -> None:
    """ctrl+p, the command's title, enter."""
    await pilot.press("ctrl+p", *title)
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)


async def test_the_palette_removes_and_puts_back(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await run_command(app, pilot, "Remove article")
        assert isinstance(app.screen, RemoveScreen)
        await pilot.press("a")
        await settle(app, pilot)
        assert len(column(app.screen.query_one(ArticleList), "Title")) == 4
        await run_command(app, pilot, "Undo removal")
        assert len(column(app.screen.query_one(ArticleList), "Title")) == 5
