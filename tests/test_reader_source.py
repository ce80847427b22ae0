"""Back to the source: the article pane shows the article's web address, o opens it with
the system's opener (or shows it to copy where there is none), c copies it with a claim."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store import Library, import_paths
from tests.driving import SIZE, Notices, settle, shown, until
from tui.app import ClaimdiffApp
from tui.screens.address import AddressScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.tables import ArticleList, ClaimTable

URL = "https://en.yna.co.kr/view/AEN20241029000351315"


def yonhap(library: Library, folder: Path, url: str = URL) -> None:
    folder.mkdir()
    (folder / "yonhap.txt").write_text(
        "More than 10,000 North Korean troops in Russia, Seoul says\nSource: Yonhap\n"
        f"Date: 2024-10-29\nURL: {url}\n\nMore than 10,000 North Korean troops are now in "
        "Russia, South Korea's spy agency said on Tuesday.",
        encoding="utf-8",
    )
    assert len(import_paths(library, [folder]).imported) == 1


@pytest.fixture
def opener(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A desktop's xdg-open, which writes down what it was asked to open: the file."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    asked = tmp_path / "opened.txt"
    script = bin_ / "xdg-open"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{asked}"\n')
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":0")
    return asked


async def open_yonhap(app: ClaimdiffApp, pilot) -> ArticleView:
    await settle(app, pilot)
    articles = app.screen.query_one(ArticleList)
    articles.move_to(next(r.id for r in articles.rows_shown if r.source == "Yonhap"))
    await settle(app, pilot)
    return app.screen.query_one(ArticleView)


async def test_o_opens_the_article_s_address_with_the_system_s_opener(
    library: Library, tmp_path: Path, opener: Path
):
    yonhap(library, tmp_path / "story")
    app = ClaimdiffApp(library)
    told = Notices()
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        view = await open_yonhap(app, pilot)
        assert shown(view)[2].strip() == URL  # under the source and date, a line of its own
        await pilot.press("o")
        await settle(app, pilot)
        await until(pilot, opener.exists)
        assert opener.read_text().splitlines() == [URL]
        assert told.messages[-1] == f"Opened {URL} in the browser"


async def test_without_an_opener_o_shows_the_address_and_c_copies_it(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("DISPLAY", raising=False)  # over SSH: no browser to start
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    yonhap(library, tmp_path / "story")
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_yonhap(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert isinstance(app.screen, AddressScreen)
        assert str(app.screen.query_one("#address-url").render()) == URL
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, AddressScreen)
        assert app.clipboard == URL


async def test_an_address_that_is_not_the_web_is_never_opened(
    library: Library, tmp_path: Path, opener: Path
):
    yonhap(library, tmp_path / "story", "file:///etc/passwd")
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_yonhap(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert isinstance(app.screen, AddressScreen)
        why = str(app.screen.query_one("#address-why").render())
        assert why == "Not opened: it is not an http or https address. The article's address:"
    assert not opener.exists()


async def test_c_copies_a_claim_with_its_source_date_and_address(library: Library, tmp_path: Path):
    yonhap(library, tmp_path / "story")
    app = ClaimdiffApp(library)
    told = Notices()
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        await open_yonhap(app, pilot)
        await pilot.press("3", "c")
        await settle(app, pilot)
        sentence = app.screen.query_one(ClaimTable).current_row.sentence
        assert app.clipboard == f"\u201c{sentence}\u201d (Yonhap, 2024-10-29) {URL}"
        assert told.messages[-1] == "Copied the sentence with its source, date and web address"
        await pilot.press("1", "g")  # a bundled article, which names no address
        await settle(app, pilot)
        await pilot.press("3", "c")
        await settle(app, pilot)
        assert URL not in app.clipboard and app.clipboard.endswith(")")
        await pilot.press("o")
        await settle(app, pilot)
        assert told.messages[-1] == "This article has no web address: its file named none."
