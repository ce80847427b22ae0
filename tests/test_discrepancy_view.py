"""The discrepancy view: each quantity several sources report, side by side; a card opens
its sentence in the article; a group, or every group, exports."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from store import Library
from tests.driving import SIZE, Notices, export_through_dialog, settle, shown
from tui.app import ClaimdiffApp
from tui.screens.discrepancies import ClaimCard, DiscrepancyScreen, GroupList, SourceColumn
from tui.widgets.article_view import ArticleView
from tui.widgets.range_plot import RangePlot


def rows_in(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


async def test_discrepancy_view_sets_sources_side_by_side(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DiscrepancyScreen)
        groups = screen.query_one(GroupList)
        first = library.group(groups.current_key)
        assert len(groups.rows_shown) >= 3 and first.status == "conflict"
        assert shown(groups)[1].split()[0] == "conflict"  # conflicts first
        verdict, named = str(screen.query_one("#why").render()).split("\n")
        assert verdict.split()[0] == "CONFLICT" and first.explanation in verdict  # first
        assert named.startswith(f"{first.topic} · {first.sources} independent sources")
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
        assert view.has_focus and view.article.id == chosen.article
        assert view.article.title.startswith(shown(view)[0].strip())
        assert view.selected == (chosen.start, chosen.start + len(chosen.sentence))
        figure = chosen.sentence[chosen.span_start - chosen.start : chosen.span_end - chosen.start]
        assert figure.split()[0] in "\n".join(shown(view))  # scrolled to it


async def test_discrepancy_export_writes_the_group(library: Library, tmp_path: Path):
    app = ClaimdiffApp(library)
    target = tmp_path / "group.csv"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        group = library.group(app.screen.query_one(GroupList).current_key)
        await export_through_dialog(app, pilot, target)
    rows = rows_in(target)
    assert {r["group_id"] for r in rows} == {group.key}
    assert len(rows) == len(group.members)


async def test_discrepancy_export_to_md_writes_a_brief_of_the_group(
    library: Library, tmp_path: Path
):
    app = ClaimdiffApp(library)
    target = tmp_path / "group.md"
    told = Notices()
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        group = library.group(app.screen.query_one(GroupList).current_key)
        await pilot.press("x")
        await pilot.pause()
        assert ".md a Markdown brief" in str(app.screen.query_one("#export-warning").render())
        await pilot.press("escape")
        await export_through_dialog(app, pilot, target)
        assert told.messages[-1] == f"Exported 1 group to {target.resolve()}"
    brief = target.read_text(encoding="utf-8")
    assert brief.startswith(f"# Discrepancies in {library.path.name}")
    assert f"\n## 1. {group.topic}: " in brief and brief.count("\n## ") == 1
    assert f"claim {group.members[0].id} of article {group.members[0].article} " in brief


async def test_a_large_group_shows_a_few_cards_a_source_and_exports_all(
    library: Library, tmp_path: Path, monkeypatch
):
    import tui.screens.discrepancies as view

    monkeypatch.setattr(view, "CARDS_PER_SOURCE", 1)
    monkeypatch.setattr(view, "PLOTTED", 2)
    monkeypatch.setattr(view.GroupList, "PAGE", 2)
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        screen = app.screen
        groups = screen.query_one(view.GroupList)
        group = library.group(groups.current_key)
        total, conflicts = library.count_groups()
        assert str(groups.border_title) == f"Groups (1–2 of {total}) · {conflicts} in conflict"
        crowded = [c for c in screen.query(view.SourceColumn) if c.count > 1]
        assert crowded and all(len(c.query(view.ClaimCard)) == 1 for c in crowded)
        # Only what is shown is read: a source's first card and the plot's first two.
        shown = library.group_shown(groups.current_key, 1, 2)
        assert shown is not None and shown.claims == len(group.members)
        assert len(shown.group.members) < len(group.members)
        assert shown.per_source == dict(Counter(m.source for m in group.members))
        assert len(group.members) > 2 and "the first 2 of" in str(
            screen.query_one(RangePlot).border_title
        )
        await pilot.press("G")  # the last page of groups, and its last group opens
        await settle(app, pilot)
        last = library.group_rows()[-1]
        assert groups.current_key == last.key
        assert str(screen.query_one("#why").render()).split("\n")[1].startswith(last.topic)
        await pilot.press("X")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(tmp_path / "all.csv")
        await pilot.press("enter")
        await settle(app, pilot)
    rows = rows_in(tmp_path / "all.csv")
    assert len({r["group_id"] for r in rows}) == total
    assert len(rows) == sum(len(g.members) for g in list(library.iter_groups()))


async def test_a_source_named_after_its_file_says_unknown_outlet(library: Library):
    # Four of the five bundled articles name no outlet: the import calls them by their file.
    app = ClaimdiffApp(library)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        headers = [
            str(column.query_one(".source").render()) for column in app.screen.query(SourceColumn)
        ]
        unknown = [h for h in headers if h.startswith("unknown outlet ")]
        assert unknown and all(".txt" in h for h in unknown)  # the file's name, dimmed
        assert "Newser" in headers[0]  # a known outlet stays its name
        plotted = str(app.screen.query_one(RangePlot).render())
        assert "unknown outlet" in plotted and "002_0d67" not in plotted
