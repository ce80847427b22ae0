"""Keys: the key bar, the help screen, the command palette, and keys remapped in the config."""

from __future__ import annotations

import json
import re
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


def help_lines(app: ClaimdiffApp) -> list[str]:
    """The help as drawn, every line of it (scrolled out of view too), spaces as drawn."""
    from textual.widgets import Static

    return [line.rstrip() for static in app.screen.query(Static) for line in lines(static)]


def headings(app: ClaimdiffApp) -> list[str]:
    from tui.screens.help import SECTIONS

    names = {s.heading for s in SECTIONS}
    return [line.strip() for line in help_lines(app) if line.strip() in names]


async def test_the_help_shows_each_key_as_the_config_maps_it_and_scrolls_with_j_and_k(
    library: Library, tmp_path, monkeypatch
):
    from textual.containers import VerticalScroll

    remap(tmp_path, monkeypatch, {"main.search": "S", "main.help": "h", "list.top": "home"})
    app = ClaimdiffApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "S Search" in lines(app.screen.query_one(KeyBar))[0]
        await pilot.press("h")
        await pilot.pause()
        help_text = []  # a row a line, its description's wrapped lines joined to it
        for line in help_lines(app):
            if line.startswith("  ") and help_text:
                help_text[-1] += line
            else:
                help_text.append(line)
        help_text = [" ".join(line.split()) for line in help_text]
        assert "S search claims and article text" in help_text
        assert "h this help, in every view and dialog (f1 where you type)" in help_text
        assert "home / G first / last row" in help_text
        assert ("tab / shift+tab next / previous pane: articles, entities, article text, claims"
                in help_text)  # fmt: skip
        assert "ctrl+p command palette" in help_text
        assert "enter on a claim: show its sentence in the article" in help_text
        assert headings(app) == ["Everywhere", "Lists (articles, claims, entities)",
                                 "Article text", "Discrepancies", "Filter dialog (f)",
                                 "Other dialogs"]  # fmt: skip
        scroll = app.screen.query_one(VerticalScroll)
        await pilot.press(*"jjjjj")  # each press a line, however fast they come
        assert scroll.scroll_offset.y == 5
        await pilot.press("k")
        assert scroll.scroll_offset.y == 4
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_the_help_s_key_column_is_as_wide_as_its_widest_keys(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        rows = [re.match(r"( *)(\S+(?: \S+)*)( {2,})(\S.*)", line) for line in help_lines(app)]
        rows = [r for r in rows if r]
        assert len(rows) > 30
        widest = max(len(r.group(2)) for r in rows)
        assert widest == len("tab / shift+tab")
        # Every description starts two cells after the widest keys, and none wraps into it.
        starts = {len(r.group(1)) + widest + 2 for r in rows}
        assert {r.start(4) for r in rows} == starts and len(starts) == 1


async def test_the_help_opens_in_every_view_and_dialog_with_its_keys_first(library: Library):
    from tui.screens.discrepancies import DiscrepancyScreen
    from tui.screens.export import ExportScreen
    from tui.screens.filters import FilterScreen
    from tui.screens.importing import ImportScreen

    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)

        async def help_over(screen: type, first: str, key: str = "question_mark") -> None:
            assert isinstance(app.screen, screen)
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen), f"{key} in {screen.__name__}"
            assert headings(app)[0] == first
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, screen)  # back where it was opened

        await help_over(type(app.screen), "Everywhere")
        await pilot.press("d")
        await settle(app, pilot)
        await help_over(DiscrepancyScreen, "Discrepancies")
        await pilot.press("escape", "f")
        await pilot.pause()
        await help_over(FilterScreen, "Filter dialog (f)")
        await pilot.press("escape", "i")
        await pilot.pause()
        # Where a text box takes ? as a character, f1 opens the help.
        await pilot.press("question_mark")
        assert app.screen.query_one("#import-path").value.endswith("?")
        await help_over(ImportScreen, "Other dialogs", "f1")
        await pilot.press("escape", "x")
        await pilot.pause()
        await help_over(ExportScreen, "Other dialogs", "f1")


def test_every_key_of_the_reader_its_views_and_dialogs_is_in_the_help():
    from tui.screens.discrepancies import DiscrepancyScreen
    from tui.screens.export import ExportScreen
    from tui.screens.filters import FilterScreen, RenameScreen, Ticks
    from tui.screens.help import SECTIONS, bindings_of
    from tui.screens.importing import ImportScreen
    from tui.screens.main import MainScreen
    from tui.screens.pick import PickScreen
    from tui.widgets.article_view import ArticleView
    from tui.widgets.tables import ClaimTable, ListPane

    helped = {i for section in SECTIONS for row in section.rows for i in row.ids}
    declared = bindings_of(MainScreen, ListPane, ClaimTable, ArticleView, DiscrepancyScreen,
                           FilterScreen, Ticks, RenameScreen, ImportScreen, ExportScreen,
                           PickScreen)  # fmt: skip
    assert set(declared) <= helped, set(declared) - helped
    assert set(bindings_of(ClaimdiffApp)) - helped == {"app.quit"}  # ctrl+q: q is shown
    # Every screen and dialog answers the help's key.
    for screen in (MainScreen, DiscrepancyScreen, FilterScreen, RenameScreen, ImportScreen,
                   ExportScreen, PickScreen):  # fmt: skip
        assert "main.help" in bindings_of(screen), screen
