"""Nothing lost, nothing let in: messy folders, faults and hostile text (RELIABILITY.md).

Every case here is named in RELIABILITY.md with what claimdiff does about it.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import sqlite3
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from extract.sentences import MAX_SENTENCE
from store import BUNDLED_ARTICLES, Library, import_paths
from store.importer import BATCH, MAX_BYTES
from tests.test_cli import CLAIMDIFF, run

ROOT = Path(__file__).resolve().parent.parent
GOOD = next(BUNDLED_ARTICLES.glob("004*.txt"))
STORY = "About 3,000 North Korean troops were sent to Russia, officials said on Monday."


def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("article.txt", STORY * 20)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\x00\x01"
CURLY = "Curly\n\n\u201cAbout 3,000 troops\u201d were sent, officials said.\n"
LATIN = "Titre\n\nEnviron 3\u00a0000 soldats, a dit le minist\u00e8re.\n"
ENDINGS = f"Endings\r\n\r\n{STORY}\rOfficials said 200 died.\nMore.\r\n"
# name -> (what to write, the reason it fails or None when it imports)
BAD_FILES: dict[str, tuple[object, str | None]] = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\t\r\n   ", "empty file"),
    "title-only.txt": (b"A headline and nothing else\n", "no article text after the title"),
    "photo.txt": (PNG, "binary file (a PNG image), not text"),
    "report.txt": (PDF, "binary file (a PDF document), not text"),
    "archive.txt": (_zip, "binary file (a ZIP archive), not text"),
    "curly.txt": (CURLY.encode("cp1252"), None),
    "latin.txt": (LATIN.encode("latin-1"), None),
    "wide.txt": (f"Wide\n\n{STORY}\n".encode("utf-16"), None),  # with its byte order mark
    "endings.txt": (ENDINGS.encode(), None),
    "name with spaces.txt": (f"Spaces\n\n{STORY}\n".encode(), None),
    "статья.txt": (f"Кириллица\n\n{STORY}\n".encode(), None),
    "new\nline.txt": (f"Newline\n\n{STORY}\n".encode(), None),
}


def _write(folder: Path, name: str, content: object) -> Path:
    path = folder / name
    if callable(content):
        content(path)
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    return path


def test_each_bad_file_is_imported_or_named_with_its_reason(tmp_path: Path, db_path: Path):
    folder = tmp_path / "messy"
    folder.mkdir()
    for name, (content, _) in BAD_FILES.items():
        _write(folder, name, content)
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    library = Library(db_path)
    report = import_paths(library, [folder])
    failed = {f.path.name: f.reason for f in report.failed}
    assert failed == {name: reason for name, (_, reason) in BAD_FILES.items() if reason}
    imported = {Path(p).name for p in report.imported}
    assert imported == {"good.txt"} | {n for n, (_, reason) in BAD_FILES.items() if not reason}
    bodies = {a.title: library.article(a.id).body for a in library.articles()}
    assert "\u201cAbout 3,000 troops\u201d" in bodies["Curly"]  # cp1252 quotes, decoded
    assert "minist\u00e8re" in bodies["Titre"]  # latin-1
    assert "\r" not in "".join(bodies.values())  # every line ending is one "\n"
    assert STORY in bodies["Wide"] and "Officials said 200 died." in bodies["Endings"]
    assert {"Spaces", "Кириллица", "Newline"} <= set(bodies)


def test_a_folder_passes_over_files_that_are_not_articles_but_a_named_file_is_read(
    tmp_path: Path, db_path: Path
):
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "photo.png").write_bytes(PNG)
    (folder / "report.pdf").write_bytes(PDF)
    _zip(folder / "archive.zip")
    (folder / "story.txt").write_bytes(GOOD.read_bytes())
    library = Library(db_path)
    report = import_paths(library, [folder])
    assert [Path(p).name for p in report.imported] == ["story.txt"] and not report.failed
    named = import_paths(library, [folder / "photo.png", folder / "archive.zip"])
    assert [str(f) for f in named.failed] == [
        f"{folder / 'photo.png'}: binary file (a PNG image), not text",
        f"{folder / 'archive.zip'}: binary file (a ZIP archive), not text",
    ]


def test_failures_print_one_line_each_whatever_the_file_is_called(tmp_path: Path, db_path: Path):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "two\nlines.txt").write_bytes(b"")
    (folder / "escape\x1b[31m.txt").write_bytes(b"\x00\x01")
    result = run("import", str(folder), str(GOOD), db=db_path)
    assert result.returncode == 1
    assert result.stdout.strip() == "1 imported, 0 already present, 2 failed"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "\x1b" not in result.stderr
    assert any(line.endswith("two\\nlines.txt: empty file") for line in lines)
    assert any("escape\\x1b[31m.txt: binary file" in line for line in lines)


def test_a_pipe_a_socket_and_symlink_loops_are_refused_without_waiting(
    tmp_path: Path, db_path: Path
):
    folder = tmp_path / "special"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for a writer forever
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "socket.txt"))
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    try:
        result = run("import", str(folder), db=db_path)  # a hang fails on run()'s timeout
    finally:
        server.close()
    assert result.stdout.strip() == "1 imported, 0 already present, 5 failed"
    errors = result.stderr
    assert f"{folder / 'pipe.txt'}: not a regular file" in errors
    assert f"{folder / 'socket.txt'}: " in errors
    for name in ("self.txt", "a.txt", "b.txt"):
        assert f"{folder / name}: too many levels of symbolic links" in errors


def test_a_file_bigger_than_any_article_is_refused_and_the_rest_goes_on(
    tmp_path: Path, db_path: Path
):
    huge = tmp_path / "dump.txt"
    with huge.open("w", encoding="utf-8") as handle:
        while handle.tell() < 20 * 1024 * 1024:  # 20 MB of text
            handle.write(STORY + "\n")
    assert huge.stat().st_size > MAX_BYTES
    report = import_paths(Library(db_path), [huge, GOOD])
    assert [Path(p).name for p in report.imported] == [GOOD.name]
    assert [f.reason for f in report.failed] == [
        "larger than 5 MB: more than an article (split it into one file an article)"
    ]


def test_a_line_of_200000_characters_is_read_as_sentences_of_bounded_length(
    tmp_path: Path, db_path: Path
):
    line = tmp_path / "line.txt"
    run_on = (STORY.rstrip(".") + " and ") * 2600  # no full stop for 200,000 characters
    line.write_text(f"One long line\n\n{run_on[:200_000]}\n", encoding="utf-8")
    library = Library(db_path)
    assert import_paths(library, [line]).imported == [str(line)]
    claims = library.claims()
    assert len(claims) > 1000
    assert max(len(c.sentence) for c in claims) <= MAX_SENTENCE
    body = library.article(claims[0].article_id).body
    assert all(body[c.start : c.end] == c.sentence for c in claims)


def _lock(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make a file unreadable; as root (who reads it anyway) refuse it as the kernel would."""
    import store.importer

    path.chmod(0)
    if os.geteuid() != 0:
        return
    real_open = os.open

    def refusing(name, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(store.importer.os, "open", refusing)


def test_a_file_gone_unreadable_or_turned_into_a_folder_mid_import_is_named(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "moving"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n}.txt").write_text(f"Article {n}\n\n{STORY}\n", encoding="utf-8")

    def progress(done: int, total: int, what: str) -> None:
        if done == 1 and (folder / "2.txt").exists():  # after the first file is read,
            (folder / "2.txt").unlink()  # later ones change under us
            (folder / "3.txt").unlink()
            (folder / "3.txt").mkdir()
            _lock(folder / "4.txt", monkeypatch)

    report = import_paths(Library(db_path), [folder], progress=progress)
    assert sorted(Path(p).name for p in report.imported) == ["0.txt", "1.txt"]
    assert {f.path.name: f.reason for f in report.failed} == {
        "2.txt": "no such file or directory",
        "3.txt": "is a directory",
        "4.txt": "permission denied",
    }


def test_an_unreadable_file_is_named(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    locked = tmp_path / "locked.txt"
    locked.write_text(f"Locked\n\n{STORY}\n", encoding="utf-8")
    _lock(locked, monkeypatch)
    report = import_paths(Library(db_path), [locked, GOOD])
    assert [str(f) for f in report.failed] == [f"{locked}: permission denied"]
    assert report.imported == [str(GOOD)]


# ---- faults -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[int, int]]]:
    """5,000 distinct articles, generated as the benchmarks generate them, and what an
    uninterrupted import makes of each: its claims and mentions, by content."""
    from bench.corpus import generated_article, paragraphs

    folder = tmp_path_factory.mktemp("story")
    texts = paragraphs()
    for index in range(5000):
        (folder / f"{index:05d}.txt").write_text(generated_article(index, texts))
    reference = folder.parent / "reference.db"
    assert run("import", str(folder), db=reference).returncode == 0
    return folder, _whole(reference)


def _articles_in(db: Path) -> int:
    """Articles written so far. Read only: opening the library must not create its file
    before the import does."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    except sqlite3.OperationalError:  # not created yet
        return 0
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        conn.close()


def _as_from_a_terminal() -> None:
    """In the child: Ctrl+C stops it, as in a terminal. A job started in the background
    by a shell ignores SIGINT, and so would the import: it then ran to its end."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_import(folder: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(CLAIMDIFF), "import", "--db", str(db), str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_as_from_a_terminal,
    )  # fmt: skip


def _wait_for_articles(db: Path, process: subprocess.Popen[str]) -> int:
    """Until the import has written some articles (a batch), but not all."""
    deadline = time.monotonic() + 120
    while (written := _articles_in(db)) == 0:
        assert process.poll() is None, "the import ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return written


def _whole(db: Path) -> dict[str, tuple[int, int]]:
    """What must hold of a library whatever stopped its writer (SQLite's own check, no
    claim or mention without its article), and each article's claims and mentions."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = conn.execute(
            "SELECT (SELECT count(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles))"
            " + (SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles))"
            " + (SELECT count(*) FROM files WHERE article_id NOT IN (SELECT id FROM articles))"
        ).fetchone()[0]
        assert orphans == 0
        return {
            content: (claims, mentions)
            for content, claims, mentions in conn.execute(
                "SELECT content_hash, (SELECT count(*) FROM claims WHERE article_id = a.id), "
                "(SELECT count(*) FROM mentions WHERE article_id = a.id) FROM articles a"
            )
        }
    finally:
        conn.close()


def test_kill_9_mid_import_keeps_whole_articles_and_importing_again_completes_it(
    tmp_path: Path, story: tuple[Path, dict[str, tuple[int, int]]]
):
    folder, reference = story
    db = tmp_path / "killed.db"
    process = _start_import(folder, db)
    written = _wait_for_articles(db, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    kept = _whole(db)
    assert 0 < written <= len(kept) < 5000
    assert all(reference[content] == counts for content, counts in kept.items())
    again = run("import", str(folder), db=db)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == (
        f"{5000 - len(kept)} imported, {len(kept)} already present, 0 failed"
    )
    assert _whole(db) == reference  # as if it had never been killed


def test_ctrl_c_mid_import_stops_cleanly_with_what_got_in_and_exit_130(
    tmp_path: Path, story: tuple[Path, dict[str, tuple[int, int]]]
):
    folder, reference = story
    db = tmp_path / "library.db"
    process = _start_import(folder, db)
    _wait_for_articles(db, process)
    # Held still while it is looked at, the import is known to be mid-way when Ctrl+C
    # comes: alive, with more than the batch it holds still to write (a stop writes that).
    process.send_signal(signal.SIGSTOP)
    assert process.poll() is None and _articles_in(db) < 5000 - BATCH
    process.send_signal(signal.SIGINT)  # delivered once it runs again
    process.send_signal(signal.SIGCONT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    kept = _whole(db)
    assert out.strip() == f"{len(kept)} imported, 0 already present, 0 failed (stopped)"
    assert 0 < len(kept) < 5000
    assert all(reference[content] == counts for content, counts in kept.items())


def _disk_of(size: int) -> None:
    """In the child: files may not grow past `size` bytes, as on a full disk (the write
    fails with an error, instead of the signal that would end the process)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def test_a_full_disk_is_a_clear_error_and_the_library_stays_whole(
    tmp_path: Path, db_path: Path, story: tuple[Path, dict[str, tuple[int, int]]]
):
    assert run("import", str(BUNDLED_ARTICLES), db=db_path).returncode == 0
    before = _whole(db_path)
    folder, _ = story
    result = subprocess.run(
        [str(CLAIMDIFF), "import", "--db", str(db_path), str(folder)],
        capture_output=True, text=True, timeout=300,
        preexec_fn=lambda: _disk_of(db_path.stat().st_size + 2 * 1024 * 1024),
    )  # fmt: skip
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    error = result.stderr.strip().splitlines()[-1]  # SQLite's words depend on the write
    assert error.startswith(f"claimdiff: {db_path}: cannot write to the library: the disk is ")
    assert error.endswith("; everything written before is kept")
    assert result.stdout.strip().endswith("0 failed (stopped)")
    after = _whole(db_path)
    assert before.items() <= after.items()  # nothing stored before is lost
    again = run("import", str(BUNDLED_ARTICLES), db=db_path)  # and the library still works
    assert again.stdout.strip() == "0 imported, 5 already present, 0 failed"


# ---- concurrency ------------------------------------------------------------------------


async def test_the_reader_stays_open_while_another_process_imports_and_shows_it_on_refresh(
    library: Library, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import tui.screens.main
    from tests.driving import Notices, settle, until
    from tui.app import ClaimdiffApp
    from tui.widgets.tables import ArticleList

    monkeypatch.setattr(tui.screens.main, "WATCH_SECONDS", 0.1)
    more = tmp_path / "more"
    more.mkdir()
    for n in range(3):
        (more / f"{n}.txt").write_text(f"Report {n}\n\nSource: Wire {n}\n\n{STORY}\n")
    app = ClaimdiffApp(library)
    told = Notices()
    async with app.run_test(size=(120, 40), message_hook=told) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        assert str(articles.border_title) == "Articles (5)"
        importing = _start_import(more, db_path)

        def imported() -> bool:  # and meanwhile the reader keeps reading
            app.screen.query_one(ArticleList).action_cursor_down()
            return importing.poll() is not None

        await until(pilot, imported, seconds=120)
        assert importing.returncode == 0, importing.stderr.read() if importing.stderr else ""
        told_of_them = "3 new articles in the library. Press r to show them."
        await until(pilot, lambda: told_of_them in told.messages)  # within its watch interval
        assert str(articles.border_title) == "Articles (5)"  # nothing moves by itself
        await pilot.press("r")
        await settle(app, pilot)
        assert str(articles.border_title) == "Articles (8)"
        assert {r.source for r in articles.rows_shown} >= {"Wire 0", "Wire 1", "Wire 2"}


def test_two_imports_at_once_make_the_library_one_import_makes(
    tmp_path: Path, story: tuple[Path, dict[str, tuple[int, int]]]
):
    folder, reference = story
    part = tmp_path / "part"
    part.mkdir()
    for path in sorted(folder.iterdir())[:800]:
        (part / path.name).write_bytes(path.read_bytes())
    db = tmp_path / "library.db"
    first, second = _start_import(part, db), _start_import(part, db)
    outs = [p.communicate(timeout=300) for p in (first, second)]
    assert first.returncode == second.returncode == 0, outs
    kept = _whole(db)
    assert len(kept) == 800  # no article twice
    assert all(reference[content] == counts for content, counts in kept.items())
    summaries = [out.strip() for out, _ in outs]
    imported = sum(int(s.split(" imported")[0]) for s in summaries)
    present = sum(int(s.split(", ")[1].split(" already")[0]) for s in summaries)
    assert (imported, present) == (800, 800)  # each article counted once as new


# ---- hostile text -----------------------------------------------------------------------

HOSTILE = (
    "[bold red]Markup title[/] \x1b[2J\x1b[H\n\n"
    "By [i]Somebody[/i]\n\n"
    "Officials said [link=http://evil.example]500[/link] soldiers\x1b]52;c;ZXZpbA==\x07 arrived "
    "in \u202eKursk\u202c on Monday, with\u200b 300 more \x1b]8;;http://evil.example\x1b\\here"
    "\x1b]8;;\x1b\\ on Tuesday.\n\n"
    '=HYPERLINK("http://evil.example") Reports said about 12,000 North Korean troops arrived '
    "in Russia, @SUM(1+1) officials said.\n"
)
ACTIVE = ("\x1b", "\x07", "\u202e", "\u202c", "\u200b", "\x9b", "\x9d")  # what a terminal acts on


def _hostile_library(tmp_path: Path, db_path: Path) -> Library:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "=evil\x1b]0;owned\x07 name.txt").write_text(HOSTILE, encoding="utf-8")
    for path in sorted(BUNDLED_ARTICLES.glob("*.txt"))[:3]:  # company to disagree with
        (folder / path.name).write_bytes(path.read_bytes())
    library = Library(db_path)
    assert len(import_paths(library, [folder]).imported) == 4
    return library


def test_a_file_name_is_as_untrusted_as_the_text(tmp_path: Path, db_path: Path):
    library = _hostile_library(tmp_path, db_path)
    hostile = next(a for a in library.articles() if "Markup" in a.title)
    assert hostile.source == "=evil name"  # the escape gone, the name readable
    assert hostile.title.startswith("[bold red]Markup title[/]")


async def test_hostile_text_is_shown_as_text_in_every_pane(tmp_path: Path, db_path: Path):
    from tests.driving import settle
    from tui.app import ClaimdiffApp
    from tui.widgets.tables import ArticleList

    library = _hostile_library(tmp_path, db_path)
    app = ClaimdiffApp(library)
    screens: dict[str, str] = {}
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        row = next(i for i, r in enumerate(articles.rows_shown) if "Markup" in r.title)
        articles.move_cursor(row=row)
        await settle(app, pilot)
        screens["reader"] = app.export_screenshot()
        await pilot.press("f")
        await settle(app, pilot)
        screens["filters"] = app.export_screenshot()
        await pilot.press("escape", "d")
        await settle(app, pilot)
        screens["discrepancies"] = app.export_screenshot()
    for name, svg in screens.items():
        shown = svg.replace("&#160;", " ")
        assert not any(c in shown for c in ACTIVE), name
    reader = screens["reader"].replace("&#160;", " ")
    assert "[link=http://evil.example]500[/link]" in reader  # markup shown, not applied
    assert "[bold red]Markup" in reader and "=evil name" in reader


@pytest.mark.parametrize("what", ["claims", "entities", "discrepancies"])
def test_exports_neither_act_on_a_terminal_nor_run_in_a_spreadsheet(
    tmp_path: Path, db_path: Path, what: str
):
    import csv
    import io

    _hostile_library(tmp_path, db_path).close()
    result = run("export", what, db=db_path)  # to the terminal itself
    assert result.returncode == 0, result.stderr
    assert not any(c in result.stdout for c in ACTIVE)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) > 1
    for row in rows[1:]:
        for cell in row:
            if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
                float(cell)  # only a number may start so: "-3" is a figure, not a formula
    cells = {cell for row in rows for cell in row}
    if what == "claims":
        assert any(c.startswith("'=HYPERLINK") for c in cells)
        assert "'=evil name" in cells  # the source, from the file's name


NASTY_SEARCHES = ['"', '""', "*", "**", "NEAR", "NEAR(", "NEAR(a b", "-", "--x", "a - b",
                  "(", ")", "((a)", "a OR (", "AND", "NOT", "^", ":", "col:x", "'", "\\",
                  "\x00", "🙂", "a" * 500]  # fmt: skip


@pytest.mark.parametrize("query", NASTY_SEARCHES)
def test_any_search_text_is_a_search_never_an_error(library: Library, query: str):
    from store import ClaimFilter

    f = ClaimFilter(query=query)
    library.claims(f, 10)
    library.count_claims(f, 100)
    library.articles(f, 10)
    library.count_articles(f, 100)
    library.entities_page(f, 10)
    library.group_rows(f, 10)


async def test_typing_nasty_searches_in_the_reader_never_shows_an_error(library: Library):
    from tests.driving import Notices, settle
    from tui.app import ClaimdiffApp

    app = ClaimdiffApp(library)
    told = Notices()
    async with app.run_test(size=(120, 40), message_hook=told) as pilot:
        await settle(app, pilot)
        for query in NASTY_SEARCHES:
            await pilot.press("slash")
            app.screen.query_one("#search").value = query
            await pilot.press("enter")
            await settle(app, pilot)
        assert not [n for n in told.shown if n.severity == "error"]
        assert f"search: {NASTY_SEARCHES[-1]}" in str(app.screen.query_one("#filters").render())


def test_reliability_md_names_only_tests_that_exist():
    import re

    listed = re.findall(r"`(test_\w+\.py)::(test_\w+)`", (ROOT / "RELIABILITY.md").read_text())
    assert len(listed) > 30
    for module, name in listed:
        assert re.search(rf"def {name}\(", (ROOT / "tests" / module).read_text()), (module, name)
