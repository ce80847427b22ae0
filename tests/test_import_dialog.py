"""Importing from inside the reader: files, folders and web addresses, with progress, a way
to stop, and a summary naming each failure."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from store import Library
from tests.driving import SIZE, Notices, column, import_through_dialog, settle, until
from tui.app import ClaimdiffApp
from tui.screens.importing import ImportScreen, PathSuggester
from tui.widgets.tables import ArticleList


async def test_import_from_inside_the_reader(library: Library, tmp_path: Path):
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "extra.txt").write_text(
        "Source: Extra\nPublished: 1 November 2024\nMore troops\n\n"
        "Some 11,000 North Korean soldiers are in the Kursk region, officials said.",
        encoding="utf-8",
    )
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    app = ClaimdiffApp(library)
    told = Notices()
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        await settle(app, pilot)
        await import_through_dialog(app, pilot, folder)
        await settle(app, pilot)
        assert not isinstance(app.screen, ImportScreen)
        assert len(column(app.screen.query_one(ArticleList), "Title")) == 6
        (summary,) = [n for n in told.shown if n.message.startswith("Import: ")]
        assert summary.message.startswith("Import: 1 imported, 0 already present, 1 failed")
        assert "broken.txt" in summary.message and summary.severity == "warning"


async def test_escape_closes_the_dialog_before_an_import_starts(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        assert str(app.screen.query_one("#import-status").render()) == (
            "Enter to import, Esc to cancel"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ImportScreen)
    assert library.counts()["articles"] == 5


async def test_the_reader_fetches_addresses_and_reads_json_with_the_settings_field_names(
    library: Library, tmp_path: Path, site: str
):
    Path(os.environ["CLAIMDIFF_CONFIG"]).parent.mkdir(parents=True, exist_ok=True)
    Path(os.environ["CLAIMDIFF_CONFIG"]).write_text(json.dumps({"fields": {"text": "story"}}))
    wire = tmp_path / "wire.json"
    wire.write_text(json.dumps([{"title": "Seoul briefing", "outlet": "Yonhap",
                                 "story": "More than 10,000 North Korean troops are in "
                                          "Russia, Seoul said."}]))  # fmt: skip
    app = ClaimdiffApp(library)
    told = Notices()
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        await settle(app, pilot)
        await import_through_dialog(app, pilot, f"{site}/news/kursk.html {site}/gone.html")
        await settle(app, pilot)
        await import_through_dialog(app, pilot, wire)
        await settle(app, pilot)
        fetched, read = [m for m in told.messages if m.startswith("Import: ")]
        assert fetched.startswith("Import: 1 imported, 0 already present, 1 failed")
        assert "gone.html: the server answered 404" in fetched
        assert read.startswith("Import: 1 imported, 0 already present, 0 failed")
        sources = {r.source for r in app.screen.query_one(ArticleList).rows_shown}
        assert {"The Independent", "Yonhap"} <= sources


async def test_path_completion_suggests_what_the_folder_holds(tmp_path: Path):
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
    told = Notices()
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        await settle(app, pilot)
        await import_through_dialog(app, pilot, folder)
        await settle(app, pilot)
        assert any("1 imported" in m and "(stopped)" in m for m in told.messages), told.messages
        assert library.counts()["articles"] == 6


async def test_a_large_import_from_inside_the_reader_uses_other_processes(
    library: Library, tmp_path: Path, monkeypatch
):
    """Textual holds sys.stderr while the reader runs; starting processes must not trip on
    it (it once left the dialog saying "Importing…" and imported nothing)."""
    import store.importer
    from bench.corpus import generated_article, paragraphs

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
        await settle(app, pilot)  # the import is a worker: settled, it is done
        assert not isinstance(app.screen, ImportScreen)
    assert chunks, "nothing went to the analysing processes"
    assert library.counts()["articles"] == 5 + store.importer.POOL_AFTER + 10


def _status(app: ClaimdiffApp) -> str:
    return str(app.screen.query_one("#import-status").render())


async def test_the_box_starts_empty_then_at_the_folder_imported_last(
    library: Library, tmp_path: Path
):
    """From a project folder, i then Enter imported the project's .venv: the box starts
    empty, or where the user imported from last, in this reader or the one before."""
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "extra.txt").write_text("More troops\n\nSome 11,000 soldiers are in Kursk.")
    for run in range(2):
        app = ClaimdiffApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            await pilot.press("i")
            await pilot.pause()
            box = app.screen.query_one("#import-path")
            assert box.value == ("" if run == 0 else str(folder))
            if run == 0:
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, ImportScreen)
                assert _status(app).startswith("Type a folder or a file to import")
                await pilot.press(*str(folder / "extra.txt"), "enter")
                await settle(app, pilot)
                assert library.counts()["articles"] == 6
                await pilot.press("i")
                await pilot.pause()
                assert app.screen.query_one("#import-path").value == str(folder)


async def test_a_folder_of_many_files_is_counted_and_imported_on_a_second_enter(
    library: Library, tmp_path: Path, monkeypatch
):
    import tui.screens.importing as importing

    monkeypatch.setattr(importing, "ASK_AFTER", 3)  # 500 in use: four files here
    folder = tmp_path / "many"
    (folder / ".venv").mkdir(parents=True)
    (folder / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin")
    (folder / ".venv" / "entry_points.txt").write_text("[console_scripts]\n\nx = y:main")
    (folder / "README.TXT").write_text("About this dataset\n\n2,225 articles in five folders.")
    for n in range(4):
        (folder / f"a{n}.txt").write_text(f"Title {n}\n\nAbout {n + 1},000 troops arrived.")
    app = ClaimdiffApp(library)
    told = Notices()
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        await settle(app, pilot)
        await import_through_dialog(app, pilot, folder)
        await settle(app, pilot)
        assert _status(app) == f"4 files to read in {folder}. Enter imports them all, Esc cancels."
        assert library.counts()["articles"] == 5
        await pilot.press("escape")
        await settle(app, pilot)
        assert library.counts()["articles"] == 5 and not told.messages
        await import_through_dialog(app, pilot, folder)
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert library.counts()["articles"] == 9
        (summary,) = told.messages
        assert summary.startswith("Import: 4 imported, 0 already present, 0 failed, 2 passed over")
        assert f"passed over: {folder / '.venv'}: a hidden folder" in summary
        assert f"passed over: {folder / 'README.TXT'}: a readme" in summary


async def test_import_progress_counts_the_files_in_words(
    library: Library, tmp_path: Path, monkeypatch
):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(200):
        (folder / f"report-{n:03}.txt").write_text(
            f"Source: Wire {n}\nReport {n}\n\n"
            f"Some {1000 + n:,} North Korean soldiers are in the Kursk region, officials said.",
            encoding="utf-8",
        )
    from textual.widgets import Static

    app = ClaimdiffApp(library)
    seen: list[str] = []  # every text the status line is given, however fast they come
    update = Static.update

    def recorded(widget: Static, content="") -> None:
        if widget.id == "import-status":
            seen.append(str(content))
        update(widget, content)

    monkeypatch.setattr(Static, "update", recorded)

    def status() -> bool:
        return not isinstance(app.screen, ImportScreen)

    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await import_through_dialog(app, pilot, folder)
        await until(pilot, status, 60)
    counts = [m.groups() for m in map(re.compile(r"(\d+) of (\d+) files").match, seen) if m]
    assert counts, seen
    assert {total for _, total in counts} == {"200"}
    done = [int(d) for d, _ in counts]
    assert done == sorted(done) and 0 < done[0] < 200  # counted as they go
    assert library.counts()["articles"] == 205
