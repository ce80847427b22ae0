"""Keys: the key bar, the help screen, the command palette, and keys remapped in the config."""

from __future__ import annotations

import json
from pathlib import Path

from store import Library
from tests.driving import SIZE, lines, settle
from tui.app import ClaimdiffApp
from tui.screens.help import HelpScreen
from tui.widgets.key_bar import KeyBar


def remap(tmp_path: Path, monkeypatch, keymap: dict[str, str]) -> None:
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"keymap": keymap}))
    monkeypatch.setenv("CLAIMDIFF_CONFIG", str(config))


async def test_help_and_quit_keys(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_key_bar_follows_focus_and_keymaps_and_its_keys_click(
    library: Library, tmp_path, monkeypatch
):
    remap(tmp_path, monkeypatch, {"main.help": "h"})
    app = ClaimdiffApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)

        def bar() -> str:
            return lines(app.screen.query_one(KeyBar))[0]

        # At 80 columns the keys close up so that help still shows, under its new key.
        assert "h Help" in bar() and "? Help" not in bar()
        assert "space Mark" not in bar()
        await pilot.press("3")  # the claims pane: its own key comes first
        await pilot.pause()
        assert bar().startswith("space Mark")
        await pilot.press("slash")  # the search box: only what works there
        await pilot.pause()
        assert "Filter" not in bar() and "esc Clear" in bar()
        await pilot.press("escape", "1")
        await pilot.pause()
        x = bar().index("h Help")
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_keys_can_be_remapped_from_the_config(library: Library, tmp_path, monkeypatch):
    remap(tmp_path, monkeypatch, {"main.help": "h"})
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)  # the old key does nothing now
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_palette_offers_the_reader_actions_and_runs_them(library: Library):
    from textual.command import CommandPalette

    from tui.screens.discrepancies import DiscrepancyScreen

    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        wanted = ["Search", "Filter", "Import", "Export claims", "Discrepancies", "Mark claim",
                  "Next claim", "Copy sentence", "Help", "Go to Claims"]  # fmt: skip
        assert set(wanted) <= titles, set(wanted) - titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Discrepancies")
        await settle(app, pilot)
        await pilot.press("enter")  # the best match: the discrepancy view
        await settle(app, pilot)
        assert isinstance(app.screen, DiscrepancyScreen)
        assert str(app.screen.query_one("#groups").border_title).startswith("Groups (")


async def test_the_help_shows_each_key_as_the_config_maps_it_and_scrolls_with_j_and_k(
    library: Library, tmp_path, monkeypatch
):
    from textual.containers import VerticalScroll
    from textual.widgets import Static

    remap(tmp_path, monkeypatch, {"main.search": "S", "main.help": "h", "list.top": "home"})
    app = ClaimdiffApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "S Search" in lines(app.screen.query_one(KeyBar))[0]
        await pilot.press("h")
        await pilot.pause()
        help_text = [" ".join(line.split()) for line in lines(app.screen.query_one(Static))]
        assert "S search claims and article text" in help_text
        assert "h this help" in help_text and "? this help" not in help_text
        assert "home / G first / last row" in help_text
        assert "tab / shift+tab next / previous pane" in help_text
        assert "ctrl+p command palette" in help_text
        headings = ["Everywhere", "Lists (articles, claims, entities)", "Discrepancies",
                    "Article text"]  # fmt: skip
        assert [line for line in help_text if line in headings] == headings
        scroll = app.screen.query_one(VerticalScroll)
        await pilot.press("j", "j")
        assert scroll.scroll_offset.y == 2
        await pilot.press("k")
        assert scroll.scroll_offset.y == 1
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


def test_every_key_of_the_reader_and_its_views_is_in_the_help():
    from tui.screens.discrepancies import DiscrepancyScreen
    from tui.screens.help import SECTIONS, bindings_of
    from tui.screens.main import MainScreen
    from tui.widgets.article_view import ArticleView
    from tui.widgets.tables import ClaimTable, ListPane

    helped = {i for _, rows in SECTIONS for row in rows for i in row.ids}
    declared = bindings_of(MainScreen, ListPane, ClaimTable, ArticleView, DiscrepancyScreen)
    assert set(declared) <= helped, set(declared) - helped
    assert set(bindings_of(ClaimdiffApp)) - helped == {"app.quit"}  # ctrl+q: q is shown
