"""The reader's linked panes, driven by keys through Textual's Pilot on a real library file:
choosing an article, a claim or an entity, searching and filtering."""

from __future__ import annotations

import colorsys
import json
from dataclasses import replace
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual.widgets import SelectionList

from store import Library, import_paths
from tests.driving import SIZE, Notices, column, lines, settle, shown, until
from tui.app import ClaimdiffApp
from tui.widgets.article_view import ArticleView
from tui.widgets.tables import ArticleList, ClaimTable, EntityList


def filter_bar(app: ClaimdiffApp) -> str:
    """The filters line above the panes; empty when it is hidden."""
    bar = app.screen.query_one("#filters")
    return str(bar.render()) if bar.display else ""


async def test_opens_on_the_first_article_with_its_claims(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        claims = app.screen.query_one(ClaimTable)
        assert len(column(articles, "Title")) == 5
        assert str(articles.border_title) == "Articles (5)"
        opened = articles.current_row
        assert opened.title.startswith(shown(app.screen.query_one(ArticleView))[0].strip())
        assert column(claims, "Sentence")
        assert str(claims.border_title).startswith("Claims · this article (")
        assert {c.article_id for c in claims.rows_shown} == {opened.id}


async def test_selecting_an_article_shows_it_and_its_claims(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        first = shown(view)[0]
        await pilot.press("j", "j")
        await settle(app, pilot)
        third = app.screen.query_one(ArticleList).current_row
        assert shown(view)[0] != first and third.title.startswith(shown(view)[0].strip())
        claims = app.screen.query_one(ClaimTable).rows_shown
        assert {c.article_id for c in claims} == {third.id}


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
        claim = app.screen.query_one(ClaimTable).current_row
        view = app.screen.query_one(ArticleView)
        assert view.scroll_offset.y > 0  # the title scrolled away
        figure = claim.sentence[claim.span_start - claim.start : claim.span_end - claim.start]
        assert figure.split()[0] in "\n".join(shown(view))
        mark = view.get_component_rich_style("article-view--selected").bgcolor
        marked = " ".join(
            "".join(s.text for s in view.render_line(y) if s.style and s.style.bgcolor == mark)
            for y in range(view.scrollable_content_region.height)
        ).split()  # the words drawn on the sentence's colour (figures keep their own)
        assert marked and set(marked) <= set(claim.sentence.split())


async def test_selecting_an_entity_filters_claims_across_the_library(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        entities = app.screen.query_one(EntityList)
        entities.focus()
        entities.move_to(library.find_entity("Kursk"))
        await pilot.press("enter")
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable).rows_shown
        assert claims and all("Kursk" in c.entities for c in claims)
        assert len({c.article_id for c in claims}) > 1
        assert "entity: Kursk" in filter_bar(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert filter_bar(app) == ""
        opened = app.screen.query_one(ArticleList).current_id
        assert {c.article_id for c in app.screen.query_one(ClaimTable).rows_shown} == {opened}


async def test_search_narrows_claims_and_articles(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"generals", "enter")
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable)
        sentences = [c.sentence for c in claims.rows_shown]
        assert sentences and all("general" in s.lower() for s in sentences)  # stemmed
        assert len(column(app.screen.query_one(ArticleList), "Title")) < 5
        assert "search: generals" in filter_bar(app)


def marked(view: ArticleView, word: str) -> list[Style]:
    """The styles the article pane draws `word` in, underlined on a background of its own
    (as no figure or name is), wherever it shows it (paged through)."""
    styles = []
    background = view.rich_style.bgcolor
    height = view.scrollable_content_region.height
    for top in range(0, view.virtual_size.height, height):
        view.scroll_to(y=top, animate=False, immediate=True)
        for y in range(height):
            styles += [seg.style for seg in view.render_line(y)
                       if seg.text.lower() == word and seg.style.underline
                       and seg.style.bgcolor != background]  # fmt: skip
    view.scroll_to(y=0, animate=False, immediate=True)
    return styles


async def test_search_matches_as_you_type_once_typing_pauses_and_marks_the_words(
    library: Library, monkeypatch
):
    searched: list[str | None] = []
    first_page = library.claims_first_page

    def reading(f, *args):
        searched.append(f.query)
        return first_page(f, *args)

    monkeypatch.setattr(library, "claims_first_page", reading)
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        assert not marked(view, "generals")
        searched.clear()
        await pilot.press("slash", *"generals")  # no enter: the panes follow the typing
        await until(pilot, lambda: "search: generals" in filter_bar(app), 5)
        await settle(app, pilot)
        assert searched == ["generals"]  # once, when typing paused: never a search a key
        claims = app.screen.query_one(ClaimTable).rows_shown
        assert claims and all("general" in c.sentence.lower() for c in claims)
        assert app.screen.query_one("#search").has_focus  # the user can type on
        # The article shown marks the word searched for, on a background of its own.
        assert marked(view, "generals")

        await pilot.press("enter")  # kept; the box closes
        await settle(app, pilot)
        assert not app.screen.query_one("#search").display and searched == ["generals"]
        await pilot.press("slash", "end", *" three")  # the search narrows as words come
        await until(pilot, lambda: "search: generals three" in filter_bar(app), 5)
        await pilot.press("escape")  # cancels: the search the box opened with, "generals"
        await settle(app, pilot)
        assert "search: generals" in filter_bar(app) and "three" not in filter_bar(app)
        assert not app.screen.query_one("#search").display
        await pilot.press("escape")  # then clears it, and its marks
        await settle(app, pilot)
        assert filter_bar(app) == "" and not marked(view, "generals")


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
    async with app.run_test(size=(250, 48)) as pilot:
        await settle(app, pilot)
        text = "\n".join(shown(app.screen.query_one(ArticleView)))
        assert "[bold red]x[/]" in text and "\x1b" not in text
        screen = app.export_screenshot()
        assert "[bold red]x[/]" in screen.replace("&#160;", " ")
        title = column(app.screen.query_one(ArticleList), "Title")[0]
        assert title.startswith("[bold red]Headline[/]")
        sentence = column(app.screen.query_one(ClaimTable), "Sentence")[0]
        assert "[link=http://e]here[/link]" in sentence


async def test_small_terminal_still_lays_out(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for pane in ("#articles", "#article", "#claims", "#entities"):
            region = app.screen.query_one(pane).region
            assert region.width >= 20 and region.height >= 3, pane


async def test_an_empty_library_says_how_to_fill_it(db_path: Path):
    app = ClaimdiffApp(Library(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = "\n".join(shown(app.screen.query_one(ArticleView)))
        assert "claimdiff import PATH" in text


async def test_next_claim_and_copy_with_source(library: Library):
    app = ClaimdiffApp(library)
    copied: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.copy_to_clipboard = copied.append  # the terminal's clipboard is not ours to test
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable)
        first = claims.current_row
        await pilot.press("2", "n")  # from the article text, the next claim
        await settle(app, pilot)
        claim = claims.current_row
        assert claim.id != first.id
        assert app.screen.query_one(ArticleView).selected == (claim.start, claim.end)
        await pilot.press("N", "c")
        await pilot.pause()
        assert claims.current_row.id == first.id
        assert len(copied) == 1 and first.sentence in copied[0] and first.source in copied[0]


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
        listed = app.screen.query_one(ClaimTable).rows_shown
        assert listed and all(name in c.entities for c in listed)
        assert f"entity: {name}" in filter_bar(app)


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
        assert "entity: Kursk  ·  entity: Matthew Miller" in filter_bar(app)
        await pilot.press("escape")
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable).rows_shown
        assert any("Matthew Miller" not in c.entities for c in claims)
        assert all("Kursk" in c.entities for c in claims)
        assert "Matthew Miller" not in filter_bar(app)


async def test_filters_by_source_and_kind_narrow_every_pane(library: Library):
    from tui.screens.filters import FilterScreen

    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        sources = app.screen.query_one("#filter-sources")
        assert all(line.startswith("▐✓▌") for line in ticks(sources))  # no filter: all kept
        await pilot.press("a", "end", "space")  # none, then the last source: Newser
        assert [line.startswith("▐✓▌") for line in ticks(sources)] == [False] * 4 + [True]
        await pilot.press("tab", "end", "space")  # kind: statements unticked, quantities kept
        await pilot.press("enter")
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable).rows_shown
        assert claims and {c.source for c in claims} == {"Newser"}
        assert {c.kind for c in claims} == {"quantity"}
        assert set(column(app.screen.query_one(ArticleList), "Source")) == {"Newser"}
        assert "source: Newser  ·  kind: quantity" in filter_bar(app)
        await pilot.press("escape")  # the kind, set last, goes first
        await settle(app, pilot)
        kinds = {c.kind for c in app.screen.query_one(ClaimTable).rows_shown}
        assert kinds == {"quantity", "statement"}
        assert "kind:" not in filter_bar(app) and "source: Newser" in filter_bar(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert filter_bar(app) == ""


def ticks(selection: SelectionList) -> list[str]:
    """A tick list's lines as drawn: "▐✓▌ Newser" where ticked, "▐ ▌ Newser" where not."""
    return [line[line.index("▐") :].strip() for line in lines(selection) if "▐" in line]


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
        # A list with nothing ticked would keep nothing: refused too.
        app.screen.query_one("#filter-since").value = ""
        await pilot.press("a", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        assert "Tick at least one of the sources" in str(
            app.screen.query_one("#filter-error").render()
        )


async def test_a_source_renamed_in_the_filters_is_the_name_every_pane_shows(library: Library):
    app = ClaimdiffApp(library)
    told = Notices()
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        sources = app.screen.query_one("#filter-sources", SelectionList)
        old = sources.get_option_at_index(sources.highlighted).value
        await pilot.press("a", "space", "R")  # that one ticked, then renamed: its tick follows
        await pilot.pause()
        field = app.screen.query_one("#rename-source")
        assert field.value == old
        field.value = "  Newsweek \x1b[2J "
        await pilot.press("enter")
        await settle(app, pilot)
        assert "Newsweek" in sources.selected and old not in sources.selected
        assert told.messages[-1] == f"1 article of {old} now from Newsweek"
        # Behind the dialog, the panes already show the new name.
        assert "Newsweek" in column(app.screen_stack[0].query_one(ArticleList), "Source")
        await pilot.press("enter")  # apply: only Newsweek's claims
        await settle(app, pilot)
        assert column(app.screen.query_one(ArticleList), "Source") == ["Newsweek"]
    assert "Newsweek" in library.sources() and old not in library.sources()


async def test_theme_and_filters_persist_and_a_damaged_config_is_a_notice(
    library: Library, tmp_path: Path, monkeypatch
):
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
        assert "search: generals" in filter_bar(again)
        sentences = [c.sentence for c in again.screen.query_one(ClaimTable).rows_shown]
        assert sentences and all("general" in s.lower() for s in sentences)

    config.write_text("{not json")
    damaged = ClaimdiffApp(library)
    told = Notices()
    async with damaged.run_test(size=SIZE, message_hook=told) as pilot:
        await settle(damaged, pilot)
        assert any("were ignored" in m for m in told.messages)
        assert len(column(damaged.screen.query_one(ArticleList), "Title")) == 5


async def test_a_filter_keeping_many_articles_counts_names_in_a_sample(
    library: Library, monkeypatch
):
    import store.reading
    import tui.screens.main
    from store import ClaimFilter

    monkeypatch.setattr(store.reading, "ENTITY_SAMPLE", 2)
    monkeypatch.setattr(tui.screens.main, "ENTITY_SAMPLE", 2)
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        app.screen.query_one("#search").value = "korea"
        await pilot.press("enter")
        await settle(app, pilot)
        kept = library.count_articles(ClaimFilter(query="korea"))
        entities = app.screen.query_one(EntityList)
        assert kept.rows > 2 and str(entities.border_title).endswith(f"· in 2 of {kept} articles")
        assert max(int(n) for n in column(entities, "Art.")) == 2
        monkeypatch.setattr(tui.screens.main, "COUNT_CAP", 3)  # counted up to a cap
        await pilot.press("slash")
        app.screen.query_one("#search").value = "korean"
        await pilot.press("enter")
        await settle(app, pilot)
        kept = library.count_articles(ClaimFilter(query="korean"))
        assert kept.rows > 3 and str(entities.border_title).endswith("· in 2 of 3+ articles")


def test_escape_takes_off_the_filter_set_last_and_a_part_set_again_moves_last():
    from store import ClaimFilter
    from tui.state import Entity, ReaderFilter

    kim = Entity(7, "Kim Jong Un")
    f = ReaderFilter().searched("troops").toggled(kim)
    f = f.chosen(replace(f.claims, sources=frozenset({"Newser"})))
    assert f.labels() == ["search: troops", "entity: Kim Jong Un", "source: Newser"]
    f = f.searched("generals")  # set again: now the last
    assert f.labels() == ["entity: Kim Jong Un", "source: Newser", "search: generals"]
    assert f.renamed("Newser", "Newsweek").labels()[1] == "source: Newsweek"
    f = f.without_last()
    assert f.claims.query is None and f.last_entity == 7
    f = f.without_last().without_last()
    assert f == ReaderFilter() and f.without_last() == f
    assert f.listed(3) == ClaimFilter(article_id=3)  # unfiltered: the open article's


def _contrast(a, b) -> float:
    """WCAG's contrast of two rich colours, computed here from its definition."""

    def luminance(c) -> float:
        r, g, b = (v / 255 for v in c.get_truecolor())
        return sum(w * (x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4)
                   for w, x in zip((0.2126, 0.7152, 0.0722), (r, g, b), strict=True))  # fmt: skip

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _hue(colour) -> float:
    r, g, b = (v / 255 for v in colour.get_truecolor())
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


async def test_names_are_readable_on_light_and_dark_themes_and_figures_stand_out_more(
    library: Library,
):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)  # Newser's article
        kinds = {"Kim Jong Un": "person", "Kremlin": "org", "NBC News": "org", "Russia": "place"}
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await settle(app, pilot)
            drawn = {seg.text: seg.style for y in range(view.size.height)
                     for seg in view.render_line(y)}  # fmt: skip
            names = {text: drawn[text] for text in kinds}
            figure = drawn[" infantry soldiers"]  # of "several thousand ... infantry soldiers"
            colours = {kinds[text]: style.color for text, style in names.items()}
            assert len(set(colours.values())) == 3, (theme, colours)  # a colour a type
            for text, style in names.items():
                assert _contrast(style.color, style.bgcolor) >= 4.5, (theme, text)
                assert not style.bold, (theme, text)  # names are not bold: figures are
            assert figure.bold and _contrast(figure.color, figure.bgcolor) >= 4.5, theme
            assert figure.bgcolor != view.rich_style.bgcolor  # on a tint of their own
            # Red means a conflict: an organisation is never drawn red.
            assert not (_hue(colours["org"]) < 30 or _hue(colours["org"]) > 330), theme

            entities = app.screen.query_one(EntityList)
            for line in range(1, entities.size.height):
                for seg in entities.render_line(line):
                    if seg.text.strip() in ("person", "org", "place"):
                        assert _contrast(seg.style.color, seg.style.bgcolor) >= 4.5, theme


async def test_an_article_with_no_known_outlet_says_so_and_R_names_it(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        sources = column(articles, "Source")
        assert sources.count("unknown outlet") == 4 and "Newser" in sources
        assert not any(s.startswith("00") for s in sources)  # no file name as if a name
        articles.focus()
        await pilot.press("j")  # CNN's article, whose text names no outlet
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        meta = view.render_line(1)
        assert meta.text.startswith(
            "unknown outlet 002_0d673e60a079814f.txt (R names it) · 2024-10-25"
        )
        (file,) = [seg for seg in meta if seg.text == "002_0d673e60a079814f.txt"]
        assert file.style.dim  # the file's name, dimmed: not a name
        assert Text.from_markup(str(view.border_title)).plain.startswith("unknown outlet")
        await pilot.press("R")
        await pilot.pause()
        field = app.screen.query_one("#rename-source")
        assert field.value == ""  # a name to give, not the file's to edit
        await pilot.press(*"CNN", "enter")
        await settle(app, pilot)
        assert view.render_line(1).text.startswith("CNN · 2024-10-25")
        assert Text.from_markup(str(view.border_title)).plain == "CNN"
        assert column(articles, "Source").count("unknown outlet") == 3
        assert "CNN" in column(articles, "Source")

        # Claims of several articles side by side: those of no known outlet are told apart
        # by their files' names, dimmed as no outlet's name is.
        await pilot.press("slash", *"troops", "enter")
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable)
        drawn = [seg for y in range(1, claims.size.height) for seg in claims.render_line(y)]
        files = [seg for seg in drawn if seg.text.startswith("003_feda93")]
        outlets = [seg for seg in drawn if seg.text.strip() in ("Newser", "CNN")]
        assert files and all(seg.style.dim and seg.style.italic for seg in files)
        assert outlets and not any(seg.style.dim for seg in outlets)
    assert "CNN" in library.sources() and "002_0d673e60a079814f" not in library.sources()
