"""Exporting from the reader: what is on screen, or the marked claims, to the file named;
never half a file, never a file replaced unasked."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from store import Library
from tests.driving import SIZE, Notices, export_through_dialog, lines, settle
from tui.app import ClaimdiffApp
from tui.screens.export import ExportScreen
from tui.widgets.tables import ArticleList, ClaimTable, EntityList


def ids_in(path: Path) -> set[int]:
    with path.open(encoding="utf-8") as handle:
        return {int(row["id"]) for row in csv.DictReader(handle)}


async def test_export_writes_the_claims_on_screen(library: Library, tmp_path: Path):
    app = ClaimdiffApp(library)
    target = tmp_path / "picked.csv"
    told = Notices()
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        await settle(app, pilot)
        shown = {c.id for c in app.screen.query_one(ClaimTable).rows_shown}
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        label = str(app.screen.query_one("Label").render())
        assert label == f"Export {len(shown)} claims to:"
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
        assert told.messages[-1] == f"Exported {len(shown)} claims to {target.resolve()}"
    assert ids_in(target) == shown


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
        warning = str(app.screen.query_one("#export-warning").render())
        assert warning == f"{target} exists. Enter again to replace it, Esc to cancel."
        assert target.read_text() == "keep"
        await pilot.press("enter")
        await settle(app, pilot)
        assert target.read_text().startswith("id,article_id")


async def test_an_unwritable_export_path_is_a_notice_not_a_crash(library: Library):
    app = ClaimdiffApp(library)
    told = Notices()
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        await settle(app, pilot)
        await export_through_dialog(app, pilot, "/proc/no/such/place.csv")
        warning = str(app.screen.query_one("#export-warning").render())
        assert warning == "/proc/no/such is not a folder"  # said in the dialog, still open
        await pilot.press("escape")
        await export_through_dialog(app, pilot, "/proc/place.csv")
        failed = [n for n in told.shown if n.message.startswith("Could not write /proc/place.csv")]
        assert len(failed) == 1 and failed[0].severity == "error"


async def test_marked_claims_are_what_export_writes(library: Library, tmp_path: Path):
    app = ClaimdiffApp(library)
    target = tmp_path / "marked.csv"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        articles.move_to(max(articles.rows_shown, key=lambda r: r.claims).id)
        await settle(app, pilot)
        claims = app.screen.query_one(ClaimTable)
        rows = claims.rows_shown
        claims.focus()
        await pilot.press("space", "space", "j", "space")  # mark 1st, 2nd and 4th
        await pilot.pause()
        assert "source · 3 marked (x exports them)" in lines(claims)[0]  # its title
        marks = [line[1] for line in (claims.render_line(y).text for y in range(1, 6))]
        assert marks == ["●", "●", " ", "●", " "]
        await pilot.press("x")
        await pilot.pause()
        assert str(app.screen.query_one("Label").render()) == "Export 3 marked claims to:"
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
    assert ids_in(target) == {rows[0].id, rows[1].id, rows[3].id}


async def test_a_jsonl_name_exports_json_lines_and_entities_follow_filters(
    library: Library, tmp_path: Path
):
    app = ClaimdiffApp(library)
    target = tmp_path / "claims.jsonl"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        entities = app.screen.query_one(EntityList)
        every = str(entities.border_title)
        await pilot.press("slash", *"generals", "enter")
        await settle(app, pilot)
        assert str(entities.border_title) != every
        await export_through_dialog(app, pilot, target)
    rows = [json.loads(line) for line in target.read_text().splitlines()]
    assert rows and all("general" in r["sentence"].lower() for r in rows)
