"""The reader, driven by keys through Textual's Pilot on a real library file."""

from __future__ import annotations

import csv
from pathlib import Path

from store import Library, import_paths
from tui.app import ClaimdiffApp
from tui.screens.export import ExportScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.tables import ArticleList, ClaimTable, EntityList

SIZE = (160, 48)


async def settle(app: ClaimdiffApp, pilot) -> None:
    """Let workers finish and their messages land."""
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def import_through_dialog(app: ClaimdiffApp, pilot, path: Path | str) -> None:
    """i, type the path, enter: what a user does to import from inside the reader."""
    from tui.screens.importing import ImportScreen

    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, ImportScreen)
    app.screen.query_one("#import-path").value = str(path)
    await pilot.press("enter")


async def export_through_dialog(app: ClaimdiffApp, pilot, path: Path | str) -> None:
    """x, type the path, enter: what a user does to export."""
    await pilot.press("x")
    await pilot.pause()
    app.screen.query_one("#export-path").value = str(path)
    await pilot.press("enter")
    await settle(app, pilot)


async def test_opens_on_the_first_article_with_its_claims(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        view = app.screen.query_one(ArticleView)
        claims = app.screen.query_one(ClaimTable)
        assert articles.row_count == 5
        assert view.article is not None and view.article.id == articles.current_id
        assert claims.row_count > 0
        assert {c.article_id for c in claims.rows_shown} == {view.article.id}


async def test_selecting_an_article_shows_it_and_its_claims(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.screen.query_one(ArticleView).article.id
        await pilot.press("j", "j")
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        claims = app.screen.query_one(ClaimTable)
        assert view.article.id != first
        assert view.article.id == app.screen.query_one(ArticleList).current_id
        assert {c.article_id for c in claims.rows_shown} == {view.article.id}


async def test_selecting_a_claim_scrolls_to_and_marks_its_sentence(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # The longest article, so its last claim lies below the first screen.
        articles = app.screen.query_one(ArticleList)
        longest = max(articles.rows_shown, key=lambda r: r.claims)
        articles.move_to(longest.id)
        await settle(app, pilot)
        await pilot.press("3", "G")
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable)
        claim = claims.current_row
        view = app.screen.query_one(ArticleView)
        assert view.selected == (claim.start, claim.end)
        assert view.scroll_offset.y > 0
        shown = "\n".join(
            view._text.plain[s:e]
            for s, e in view._lines[view.scroll_offset.y : view.scroll_offset.y + view.size.height]
        )
        figure = claim.sentence[claim.span_start - claim.start : claim.span_end - claim.start]
        assert figure.split()[0] in shown


async def test_selecting_an_entity_filters_claims_across_the_library(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        entities = app.screen.query_one(EntityList)
        kursk = library.find_entity("Kursk")
        entities.focus()
        entities.move_to(kursk)
        await pilot.press("enter")
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable).rows_shown
        assert claims and all("Kursk" in c.entities for c in claims)
        assert len({c.article_id for c in claims}) > 1
        assert app.screen.query_one("#filters").display
        await pilot.press("escape")
        await settle(app, pilot)
        assert not app.screen.query_one("#filters").display
        view = app.screen.query_one(ArticleView)
        assert {c.article_id for c in app.screen.query_one(ClaimTable).rows_shown} == {
            view.article.id
        }


async def test_search_narrows_claims_and_articles(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"generals")
        await pilot.press("enter")
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable).rows_shown
        assert claims and all("general" in c.sentence.lower() for c in claims)  # stemmed
        assert app.screen.query_one(ArticleList).row_count < 5


async def test_export_writes_the_claims_on_screen(library: Library, tmp_path: Path):
    app = ClaimdiffApp(library)
    target = tmp_path / "picked.csv"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = {c.id for c in app.screen.query_one(ClaimTable).rows_shown}
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path")
        field.value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
        assert target.exists()
        with target.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert {int(r["id"]) for r in rows} == shown


async def test_export_asks_before_replacing_a_file(library: Library, tmp_path: Path):
    app = ClaimdiffApp(library)
    target = tmp_path / "exists.csv"
    target.write_text("keep")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert target.read_text() == "keep"
        await pilot.press("enter")
        await settle(app, pilot)
        assert target.read_text().startswith("id,article_id")


async def test_markup_and_escapes_in_an_article_are_shown_as_text(tmp_path: Path, db_path: Path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "[bold red]Headline[/] \x1b[31mred\x1b[0m\n\n"
        "Officials said [bold red]x[/] and \x1b[31m500 soldiers\x1b[0m arrived [link=http://e]here[/link].\n",
        encoding="utf-8",
    )
    library = Library(db_path)
    import_paths(library, [hostile])
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        assert "[bold red]x[/]" in view._text.plain
        assert "\x1b" not in view._text.plain
        screen = app.export_screenshot()
        assert "[bold red]x[/]" in screen.replace("&#160;", " ")
        articles = app.screen.query_one(ArticleList)
        title = articles.get_cell(str(articles.current_id), "title")
        assert title.plain.startswith("[bold red]Headline[/]") and not title.spans
        claims = app.screen.query_one(ClaimTable)
        sentence = claims.get_cell(str(claims.current_id), "sentence")
        assert "[link=http://e]here[/link]" in sentence.plain


async def test_help_and_quit_keys(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_small_terminal_still_lays_out(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for pane in ("#articles", "#article", "#claims", "#entities"):
            region = app.screen.query_one(pane).region
            assert region.width >= 20 and region.height >= 3, pane


async def test_an_unwritable_export_path_is_a_notice_not_a_crash(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await export_through_dialog(app, pilot, "/proc/no/such/place.csv")
        warning = str(app.screen.query_one("#export-warning").render())
        assert warning == "/proc/no/such is not a folder"  # said in the dialog, still open
        await pilot.press("escape")
        await export_through_dialog(app, pilot, "/proc/place.csv")
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Could not write /proc/place.csv") for m in messages)


async def test_an_empty_library_says_how_to_fill_it(db_path: Path):
    app = ClaimdiffApp(Library(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "claimdiff import PATH" in app.screen.query_one(ArticleView)._text.plain


async def test_discrepancy_view_sets_sources_side_by_side(library: Library, tmp_path: Path):
    from tui.screens.discrepancies import ClaimCard, DiscrepancyScreen, GroupList, SourceColumn
    from tui.widgets.range_plot import RangePlot

    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DiscrepancyScreen)
        groups = screen.query_one(GroupList)
        assert groups.row_count >= 3
        first = screen.chosen
        assert first is not None and first.status == "conflict"
        cards = list(screen.query(ClaimCard))
        assert len(cards) == len(first.members)
        columns = list(screen.query(SourceColumn))
        assert [c.source for c in columns] == list(dict.fromkeys(m.source for m in first.members))
        plot = screen.query_one(RangePlot).render().plain
        assert plot.count("\n") == len(first.members)  # one row per claim, then the axis

        await pilot.press("enter")  # to the first card
        await pilot.press("l")
        await pilot.pause()
        chosen = screen.focused.claim
        await pilot.press("enter")  # open it in its article
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        assert view.article.id == chosen.article
        start = chosen.start
        assert view.selected == (start, start + len(chosen.sentence))


async def test_discrepancy_export_writes_the_group(library: Library, tmp_path: Path):
    app = ClaimdiffApp(library)
    target = tmp_path / "group.csv"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        group = app.screen.chosen
        await export_through_dialog(app, pilot, target)
        with target.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert {r["group_id"] for r in rows} == {group.key}
        assert len(rows) == len(group.members)


async def test_discrepancy_export_to_md_writes_a_brief_of_the_group(
    library: Library, tmp_path: Path
):
    app = ClaimdiffApp(library)
    target = tmp_path / "group.md"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        group = app.screen.chosen
        await pilot.press("x")
        await pilot.pause()
        assert ".md a Markdown brief" in str(app.screen.query_one("#export-warning").render())
        await pilot.press("escape")
        await export_through_dialog(app, pilot, target)
        told = [n.message for n in app._notifications]
        assert told[-1] == f"Exported 1 group to {target.resolve()}"
    brief = target.read_text(encoding="utf-8")
    assert brief.startswith(f"# Discrepancies in {library.path.name}")
    assert f"\n## 1. {group.topic}: " in brief and brief.count("\n## ") == 1
    assert f"claim {group.members[0].id} of article {group.members[0].article} " in brief


async def test_a_source_renamed_in_the_filters_is_the_name_every_pane_shows(library: Library):
    from textual.widgets import SelectionList

    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        sources = app.screen.query_one("#filter-sources", SelectionList)
        old = sources.get_option_at_index(sources.highlighted).value
        await pilot.press("space", "R")  # ticked, then renamed: the tick follows the name
        await pilot.pause()
        field = app.screen.query_one("#rename-source")
        assert field.value == old
        field.value = "  Newsweek \x1b[2J "
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert "Newsweek" in sources.selected and old not in sources.selected
        assert [n.message for n in app._notifications][
            -1
        ] == f"1 article of {old} now from Newsweek"
        await pilot.press("enter")  # apply: only Newsweek's claims
        await settle(app, pilot)
        rows = app.screen.query_one(ArticleList).rows_shown
        assert [r.source for r in rows] == ["Newsweek"]
    assert "Newsweek" in library.sources() and old not in library.sources()


async def test_marked_claims_are_what_export_writes(library: Library, tmp_path: Path):
    app = ClaimdiffApp(library)
    target = tmp_path / "marked.csv"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        articles.move_to(max(articles.rows_shown, key=lambda r: r.claims).id)
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable)
        claims.focus()
        await pilot.press("space", "space", "j", "space")  # mark 1st, 2nd and 4th
        await pilot.pause()
        picked = set(claims.marked)
        assert len(picked) == 3
        assert "3 marked" in claims.border_title
        await pilot.press("x")
        await pilot.pause()
        assert "3 marked claims" in str(app.screen.query_one("Label").render())
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
        with target.open(encoding="utf-8") as handle:
            assert {int(r["id"]) for r in csv.DictReader(handle)} == picked


async def test_next_claim_and_copy_with_source(library: Library):
    app = ClaimdiffApp(library)
    copied: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.copy_to_clipboard = copied.append  # the terminal's clipboard is not ours to test
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable)
        first = claims.current_id
        await pilot.press("2", "n")  # from the article text, the next claim
        await settle(app, pilot)
        assert claims.current_id != first
        claim = claims.current_row
        assert app.screen.query_one(ArticleView).selected == (claim.start, claim.end)
        await pilot.press("N", "c")
        await pilot.pause()
        assert claims.current_id == first
        assert copied and claims.row_of(str(first)).sentence in copied[0]
        assert claims.row_of(str(first)).source in copied[0]


async def test_filters_by_source_and_kind_narrow_every_pane(library: Library):
    from tui.screens.filters import FilterScreen

    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        await pilot.press("end", "space")  # the last source: Newser
        await pilot.press("tab", "space")  # kind: quantity
        await pilot.press("enter")
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable).rows_shown
        assert claims and {c.source for c in claims} == {"Newser"}
        assert {c.kind for c in claims} == {"quantity"}
        assert {r.source for r in app.screen.query_one(ArticleList).rows_shown} == {"Newser"}
        bar = app.screen.query_one("#filters").render()
        assert "source: Newser" in str(bar) and "kind: quantity" in str(bar)
        await pilot.press("escape")  # the kind, set last, goes first
        await settle(app, pilot)
        assert {c.kind for c in app.screen.query_one(ClaimTable).rows_shown} == {
            "quantity",
            "statement",
        }
        await pilot.press("escape")
        await settle(app, pilot)
        assert not app.screen.query_one("#filters").display


async def test_a_bad_date_is_refused_in_the_filter_dialog(library: Library):
    from tui.screens.filters import FilterScreen

    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#filter-since").value = "last Tuesday"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        assert "YYYY-MM-DD" in str(app.screen.query_one("#filter-error").render())


async def test_import_from_inside_the_reader(library: Library, tmp_path: Path):
    from tui.screens.importing import ImportScreen

    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "extra.txt").write_text(
        "Source: Extra\nPublished: 1 November 2024\nMore troops\n\n"
        "Some 11,000 North Korean soldiers are in the Kursk region, officials said.",
        encoding="utf-8",
    )
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await import_through_dialog(app, pilot, folder)
        await settle(app, pilot)
        await settle(app, pilot)
        assert not isinstance(app.screen, ImportScreen)
        assert app.screen.query_one(ArticleList).row_count == 6
        messages = [n.message for n in app._notifications]
        assert any("1 imported, 0 already present, 1 failed" in m and "broken.txt" in m
                   for m in messages)  # fmt: skip


async def test_the_reader_fetches_addresses_and_reads_json_with_the_settings_field_names(
    library: Library, tmp_path: Path, site: str
):
    import json
    import os

    Path(os.environ["CLAIMDIFF_CONFIG"]).parent.mkdir(parents=True, exist_ok=True)
    Path(os.environ["CLAIMDIFF_CONFIG"]).write_text(json.dumps({"fields": {"text": "story"}}))
    wire = tmp_path / "wire.json"
    wire.write_text(json.dumps([{"title": "Seoul briefing", "outlet": "Yonhap",
                                 "story": "More than 10,000 North Korean troops are in "
                                          "Russia, Seoul said."}]))  # fmt: skip
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await import_through_dialog(app, pilot, f"{site}/news/kursk.html {site}/gone.html")
        await settle(app, pilot)
        await import_through_dialog(app, pilot, wire)
        await settle(app, pilot)
        told = [n.message for n in app._notifications]
        assert any("1 imported, 0 already present, 1 failed" in m and "gone.html: the server "
                   "answered 404" in m for m in told)  # fmt: skip
        assert any("Import: 1 imported, 0 already present, 0 failed" in m for m in told)
        sources = {r.source for r in app.screen.query_one(ArticleList).rows_shown}
        assert {"The Independent", "Yonhap"} <= sources


async def test_path_completion_suggests_what_the_folder_holds(tmp_path: Path):
    from tui.screens.importing import PathSuggester

    (tmp_path / "articles").mkdir()
    (tmp_path / "notes.txt").write_text("x")
    suggest = PathSuggester().get_suggestion
    assert await suggest(str(tmp_path / "art")) == str(tmp_path / "articles") + "/"
    assert await suggest(str(tmp_path / "no")) == str(tmp_path / "notes.txt")
    assert await suggest(str(tmp_path / "zzz")) is None


async def test_an_import_can_be_stopped_between_files(
    library: Library, tmp_path: Path, monkeypatch
):
    import tui.screens.importing as importing

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(f"Title {n}\n\nAbout {n + 1},000 troops arrived.")
    real = importing.import_paths

    def slow_import(library, paths, progress=None, report=None, **options):
        def stop_after_first(done, total, path):
            app.call_from_thread(app.screen.action_stop)  # escape, pressed during the import
            progress(done, total, path)

        return real(library, paths, progress=stop_after_first, report=report, **options)

    monkeypatch.setattr(importing, "import_paths", slow_import)
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await import_through_dialog(app, pilot, folder)
        await settle(app, pilot)
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("1 imported" in m and "(stopped)" in m for m in messages), messages
        assert library.counts()["articles"] == 6


async def test_theme_and_filters_persist_and_a_damaged_config_is_a_notice(
    library: Library, tmp_path: Path, monkeypatch
):
    import json

    config = tmp_path / "config.json"
    monkeypatch.setenv("CLAIMDIFF_CONFIG", str(config))
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.theme = "gruvbox"
        await pilot.press("slash", *"generals", "enter")
        await settle(app, pilot)
    saved = json.loads(config.read_text())
    assert saved["theme"] == "gruvbox" and saved["filters"] == {"query": "generals"}

    again = ClaimdiffApp(library)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert again.theme == "gruvbox"
        assert again.screen.filter.query == "generals"
        assert again.screen.query_one("#filters").display

    config.write_text("{not json")
    damaged = ClaimdiffApp(library)
    async with damaged.run_test(size=SIZE) as pilot:
        await settle(damaged, pilot)
        assert any("were ignored" in n.message for n in damaged._notifications)
        assert damaged.screen.query_one(ArticleList).row_count == 5


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


async def test_the_key_bar_follows_focus_and_keymaps_and_its_keys_click(
    library: Library, tmp_path, monkeypatch
):
    import json

    from tui.screens.help import HelpScreen
    from tui.widgets.key_bar import KeyBar

    config = tmp_path / "config.json"
    config.write_text(json.dumps({"keymap": {"main.help": "h"}}))
    monkeypatch.setenv("CLAIMDIFF_CONFIG", str(config))
    app = ClaimdiffApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        bar = app.screen.query_one(KeyBar)

        def shown() -> str:
            return "".join(s.text for s in bar.render_lines(bar.region.reset_offset)[0])

        # At 80 columns the keys close up so that help still shows, under its new key.
        assert "h Help" in shown() and "? Help" not in shown()
        assert "space Mark" not in shown()
        await pilot.press("3")  # the claims pane: its own key comes first
        await pilot.pause()
        assert shown().startswith("space Mark")
        await pilot.press("slash")  # the search box: only what works there
        await pilot.pause()
        assert "Filter" not in shown() and "esc Clear" in shown()
        await pilot.press("escape", "1")
        await pilot.pause()
        x = shown().index("h Help")
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_keys_can_be_remapped_from_the_config(library: Library, tmp_path, monkeypatch):
    import json

    from tui.screens.help import HelpScreen

    config = tmp_path / "config.json"
    config.write_text(json.dumps({"keymap": {"main.help": "h"}}))
    monkeypatch.setenv("CLAIMDIFF_CONFIG", str(config))
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_entities_show_claims_sources_conflicts_and_sort(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        entities = app.screen.query_one(EntityList)
        korea = next(r for r in entities.rows_shown if r.name == "North Korea")
        assert korea.claims > 0 and korea.sources == 5 and korea.conflicts >= 1
        entities.focus()
        await pilot.press("s")  # by name
        await pilot.pause()
        names = [entities.get_row_at(i)[0].plain for i in range(entities.row_count)]
        assert names == sorted(names, key=str.lower)
        await pilot.press("s")  # reversed
        await pilot.pause()
        reversed_names = [entities.get_row_at(i)[0].plain for i in range(entities.row_count)]
        assert reversed_names == names[::-1]


async def test_s_sorts_the_claims_by_their_labelled_columns_not_the_marks(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable)
        claims.focus()
        await pilot.press("s")
        await pilot.pause()
        header = "".join(s.text for s in claims.render_line(0))
        assert header.split()[0] == "Figure▲"  # the marks' column stays unsorted
        figures = [claims.get_row_at(i)[1].plain for i in range(claims.row_count)]
        assert figures == sorted(figures, key=str.lower)


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
        assert entities.row_count > on_screen + 20  # the sample story names 72
        assert 0 < len(set(drawn)) <= on_screen  # the rest are never drawn until scrolled to

        entities.focus()
        await pilot.press("pagedown")
        assert entities.cursor_row == on_screen - 1
        await pilot.press("pagedown")
        top = entities.scroll_offset.y
        assert top <= entities.cursor_row < top + on_screen  # the cursor stays in view

        # A click on the header sorts by that column, marked with an arrow; the cursor
        # stays on its row.
        kept = entities.current_key
        await pilot.click(EntityList, offset=(3, 1))  # border, then the header line
        names = [entities.get_row_at(i)[0].plain for i in range(entities.row_count)]
        assert names == sorted(names, key=str.lower)
        assert entities.current_key == kept
        header = "".join(s.text for s in entities.render_line(0))
        assert "Name▲" in header

        # A click on a row puts the cursor there; a second click chooses it (a filter).
        await pilot.press("home")
        assert entities.cursor_row == 0 and entities.scroll_offset.y == 0
        await pilot.click(EntityList, offset=(3, 2 + 3))  # border, header, the fourth row
        await settle(app, pilot)
        assert entities.cursor_row == 3 and not app.screen.filter.entity_ids
        chosen = int(entities.current_key)
        await pilot.click(EntityList, offset=(3, 2 + 3))
        await settle(app, pilot)
        assert app.screen.filter.entity_ids == {chosen}


async def test_e_filters_to_an_entity_of_the_claim(library: Library):
    from tui.screens.pick import PickScreen

    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable)
        claim = next(c for c in claims.rows_shown if len(c.entities) > 1)
        claims.move_to(claim.id)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("enter")  # the first name offered
        await settle(app, pilot)
        name = sorted(claim.entities)[0]
        shown = app.screen.query_one(ClaimTable).rows_shown
        assert shown and all(name in c.entities for c in shown)
        assert f"entity: {name}" in str(app.screen.query_one("#filters").render())


async def test_a_jsonl_name_exports_json_lines_and_entities_follow_filters(
    library: Library, tmp_path: Path
):
    import json

    app = ClaimdiffApp(library)
    target = tmp_path / "claims.jsonl"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        all_entities = app.screen.query_one(EntityList).row_count
        await pilot.press("slash", *"generals", "enter")
        await settle(app, pilot)
        assert app.screen.query_one(EntityList).row_count < all_entities
        await export_through_dialog(app, pilot, target)
        rows = [json.loads(line) for line in target.read_text().splitlines()]
        assert rows and all("general" in r["sentence"].lower() for r in rows)


async def test_two_entities_combine_and_escape_takes_off_the_last(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        entities = app.screen.query_one(EntityList)
        entities.focus()
        for name in ("Kursk", "Matthew Miller"):
            entities.move_to(library.find_entity(name))
            await pilot.press("enter")
            await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable).rows_shown
        assert claims and all({"Kursk", "Matthew Miller"} <= set(c.entities) for c in claims)
        bar = str(app.screen.query_one("#filters").render())
        assert "Kursk" in bar and "Matthew Miller" in bar
        await pilot.press("escape")
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable).rows_shown
        assert any("Matthew Miller" not in c.entities for c in claims)
        assert all("Kursk" in c.entities for c in claims)


async def test_the_palette_offers_the_reader_actions(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        wanted = ["Search", "Filter", "Import", "Export claims", "Discrepancies", "Mark claim",
                  "Next claim", "Copy sentence", "Help", "Go to Claims"]  # fmt: skip
        assert set(wanted) <= titles, set(wanted) - titles


async def test_long_lists_are_read_a_page_at_a_time(library: Library, monkeypatch):
    from tui.widgets.tables import ListPane

    monkeypatch.setattr(ListPane, "PAGE", 2)  # five articles: pages of two
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        every = [a.id for a in library.articles()]
        assert articles.row_count == 2 and str(articles.border_title) == "Articles (1–2 of 5)"
        articles.focus()
        await pilot.press("j", "j")  # past the page's last row: the next page
        await settle(app, pilot)
        assert str(articles.border_title) == "Articles (3–4 of 5)"
        assert articles.current_id == every[2] == app.screen.article_id  # and its text opens
        await pilot.press("k")  # before the page's first row: the page before, at its end
        await settle(app, pilot)
        assert articles.start == 0 and articles.current_id == every[1]
        await pilot.press("G")
        await settle(app, pilot)
        assert str(articles.border_title) == "Articles (5–5 of 5)"
        assert articles.current_id == every[-1]
        await pilot.press("g")
        await settle(app, pilot)
        assert articles.start == 0 and articles.current_id == every[0]
        entities = app.screen.query_one(EntityList)
        assert str(entities.border_title) == f"Entities (1–2 of {library.count_entities():,})"


async def test_a_large_group_shows_a_few_cards_a_source_and_exports_all(
    library: Library, tmp_path: Path, monkeypatch
):
    import tui.screens.discrepancies as view
    from tui.widgets.range_plot import RangePlot

    monkeypatch.setattr(view, "CARDS_PER_SOURCE", 1)
    monkeypatch.setattr(view, "PLOTTED", 2)
    monkeypatch.setattr(view.GroupList, "PAGE", 2)
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        screen = app.screen
        group = screen.chosen
        groups = screen.query_one(view.GroupList)
        total, conflicts = library.count_groups()
        assert str(groups.border_title) == f"Groups (1–2 of {total}) · {conflicts} in conflict"
        crowded = [c for c in screen.query(view.SourceColumn) if len(c.claims) > 1]
        assert crowded and all(len(c.query(view.ClaimCard)) == 1 for c in crowded)
        assert len(group.members) > 2 and "the first 2 of" in str(
            screen.query_one(RangePlot).border_title
        )
        await pilot.press("G")  # the last page of groups, and its last group opens
        await settle(app, pilot)
        assert screen.chosen.key == library.group_rows()[-1].key
        await pilot.press("X")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(tmp_path / "all.csv")
        await pilot.press("enter")
        await settle(app, pilot)
    with (tmp_path / "all.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len({r["group_id"] for r in rows}) == total
    assert len(rows) == sum(len(g.members) for g in list(library.iter_groups()))


async def test_a_filter_keeping_many_articles_counts_names_in_a_sample(
    library: Library, monkeypatch
):
    import store.reading
    import tui.screens.main

    monkeypatch.setattr(store.reading, "ENTITY_SAMPLE", 2)
    monkeypatch.setattr(tui.screens.main, "ENTITY_SAMPLE", 2)
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        app.screen.query_one("#search").value = "korea"
        await pilot.press("enter")
        await settle(app, pilot)
        kept = library.count_articles(app.screen.filter)
        entities = app.screen.query_one(EntityList)
        assert kept > 2 and str(entities.border_title).endswith(f"· in 2 of {kept} articles")
        assert max(e.articles for e in entities.rows_shown) == 2
        monkeypatch.setattr(tui.screens.main, "COUNT_CAP", 3)  # counted up to a cap
        await pilot.press("slash")
        app.screen.query_one("#search").value = "korean"
        await pilot.press("enter")
        await settle(app, pilot)
        kept = library.count_articles(app.screen.filter)
        assert kept > 3 and str(entities.border_title).endswith("· in 2 of 3+ articles")


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
        kept = library.articles(app.screen.filter)
        assert str(articles.border_title) == f"Articles (5–5 of {len(kept)})" and len(kept) == 5
        assert articles.current_id == kept[-1].id


def test_counts_fit_their_columns_whole_and_sort_by_value():
    from tui.widgets.tables import _sort_value, count

    shown = [count(n).plain for n in (7, 9_999, 118_146, 4_868_818)]
    assert shown == ["7", "9999", "118k", "4.9M"]
    assert all(len(s) <= 4 for s in shown)  # the entities pane's narrowest count column
    assert sorted(shown, key=lambda s: _sort_value(count(0).__class__(s))) == shown


async def test_a_large_import_from_inside_the_reader_uses_other_processes(
    library: Library, tmp_path: Path, monkeypatch
):
    """Textual holds sys.stderr while the reader runs; starting processes must not trip on
    it (it once left the dialog saying "Importing…" and imported nothing)."""
    import store.importer
    from bench.corpus import generated_article, paragraphs
    from tui.screens.importing import ImportScreen

    folder = tmp_path / "many"
    folder.mkdir()
    texts = paragraphs()
    for index in range(store.importer.POOL_AFTER + 10):
        (folder / f"{index:04d}.txt").write_text(generated_article(index, texts), "utf-8")
    chunks = []
    pooled = store.importer.ProcessPoolExecutor.submit

    def submit(pool, fn, *args):
        chunks.append(args[0])
        return pooled(pool, fn, *args)

    monkeypatch.setattr(store.importer.ProcessPoolExecutor, "submit", submit)
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await import_through_dialog(app, pilot, folder)
        for _ in range(120):
            await pilot.pause(0.25)
            if not isinstance(app.screen, ImportScreen):
                break
        await settle(app, pilot)
        assert not isinstance(app.screen, ImportScreen)
    assert chunks, "nothing went to the analysing processes"
    assert library.counts()["articles"] == 5 + store.importer.POOL_AFTER + 10
