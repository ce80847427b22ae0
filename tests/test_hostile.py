"""Hostile servers and hostile files (RELIABILITY.md, "Hostile input"): one clear line,
nothing taken over, nothing lost.

The server here listens on 127.0.0.1 only and answers each request once, from a table of
raw answers, so every loop in it ends with the test.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import BUNDLED_ARTICLES, Library, import_paths
from tests.test_cli import CLAIMDIFF, run
from tests.test_reliability import ACTIVE, GOOD, PNG, STORY

# What a terminal acts on or hides: escapes, controls, bidi, invisible and filler characters.
TAKEOVER = "\x1b]0;owned\x07\x1b[2J\x1b[H\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\"


def _has_active(text: str) -> bool:
    return any(c in text for c in ACTIVE) or "\x1b" in text


# ---- a hostile web server ----------------------------------------------------------------

ANSWERS: dict[str, bytes | list[tuple[float, bytes]]] = {
    # Reason phrase and Location header carrying escapes, as a hostile server sends them.
    "/reason": f"HTTP/1.1 503 Gone{TAKEOVER}\r\nContent-Length: 0\r\n\r\n".encode("latin-1"),
    "/location": (
        f"HTTP/1.1 302 Found\r\nLocation: /x{TAKEOVER}\r\nContent-Length: 0\r\n\r\n"
    ).encode("latin-1"),
    "/elsewhere": b"HTTP/1.1 302 Found\r\nLocation: ftp://127.0.0.1/x\r\nContent-Length: 0\r\n\r\n",
    "/loop": b"HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\n\r\n",
    # A page cut early: 100 of the 100,000 bytes it promised.
    "/cut": b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"
    + (f"Cut short\n\n{STORY}\n".encode() * 10)[:100],
    # A byte every half second: within the wait between two reads, never done.
    "/trickle": [(0.0, b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nTrickle\n\n")]
    + [(0.5, b"x")] * 40,
}


class _Server:
    """Answers GET requests on 127.0.0.1 with ANSWERS, raw, one connection at a time."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                request = conn.recv(65536).decode("latin-1")
                path = request.split(" ")[1] if " " in request else "/"
                answer = ANSWERS.get(path, b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                if isinstance(answer, bytes):
                    conn.sendall(answer)
                    return
                for pause, part in answer:  # bounded: forty bytes at most
                    if self.stopped.wait(pause):
                        return
                    conn.sendall(part)
            except OSError:
                return  # the client gave up, as it should

    def close(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def hostile() -> Iterator[str]:
    server = _Server()
    yield f"http://127.0.0.1:{server.port}"
    server.close()


def test_a_server_s_words_never_reach_the_terminal_as_escapes(hostile: str, db_path: Path):
    result = run("fetch", f"{hostile}/reason", f"{hostile}/location", db=db_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not _has_active(result.stderr + result.stdout)
    lines = result.stderr.splitlines()
    assert len(lines) == 2  # one line each, the escapes shown as text
    said = f"failed: {hostile}/reason: the server answered 503 Gone\\x1b]0;owned"
    assert lines[0].startswith(said)
    assert lines[1].startswith(f"failed: {hostile}/location: ")


async def test_a_server_s_words_in_the_reader_are_text(hostile: str, library: Library):
    from tests.driving import Notices, import_through_dialog, settle
    from tui.app import ClaimdiffApp

    app = ClaimdiffApp(library)
    told = Notices()
    async with app.run_test(size=(120, 40), message_hook=told) as pilot:
        await settle(app, pilot)
        await import_through_dialog(app, pilot, f"{hostile}/reason {hostile}/location")
        await settle(app, pilot)  # the import is a worker: settled, its summary is out
        (notice,) = [m for m in told.messages if m.startswith("Import: ")]
        assert "503 Gone" in notice and not _has_active(notice)


def test_redirects_out_of_the_web_and_loops_are_one_line(hostile: str, db_path: Path):
    result = run("fetch", f"{hostile}/elsewhere", f"{hostile}/loop", db=db_path)
    assert result.stderr.splitlines() == [
        f"failed: {hostile}/elsewhere: the server sent it to ftp://127.0.0.1/x, which is not "
        "http or https",
        f"failed: {hostile}/loop: the server answered 302: too many redirects, or a loop",
    ]


def test_a_page_has_one_deadline_and_a_page_cut_short_is_named(hostile: str, db_path: Path):
    start = time.monotonic()
    result = run("fetch", f"{hostile}/trickle", f"{hostile}/cut", "--timeout", "2", db=db_path)
    took = time.monotonic() - start
    assert took < 8, took  # a byte every 0.5 s held it for 120 s against --timeout 5
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"failed: {hostile}/trickle: not received whole within 2 s (")
    assert lines[1] == (
        f"failed: {hostile}/cut: the connection closed before the page was whole "
        "(100 of 100,000 bytes came)"
    )
    assert result.stdout.strip() == "0 imported, 0 already present, 2 failed"


# ---- exports to what is not a plain file -------------------------------------------------


def test_export_streams_to_a_device_and_a_pipe_and_never_replaces_them(
    tmp_path: Path, db_path: Path
):
    assert run("import", str(BUNDLED_ARTICLES), db=db_path).returncode == 0
    null = tmp_path / "null"
    os.symlink("/dev/null", null)  # a device, reached through a link
    result = run("export", "claims", "-o", str(null), "--force", db=db_path)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and null.is_symlink()
    assert "written to /dev/null (through the link" in result.stderr

    fifo = tmp_path / "claims.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("export", "claims", "-o", str(fifo), db=db_path)  # a stream: no --force
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert got and got[0].startswith(b"id,article_id,article_title")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_export_follows_a_link_to_a_file_and_refuses_a_link_to_nothing(
    tmp_path: Path, db_path: Path
):
    assert run("import", str(BUNDLED_ARTICLES), db=db_path).returncode == 0
    real = tmp_path / "kept" / "claims.csv"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "claims.csv"
    link.symlink_to(real)
    refused = run("export", "claims", "-o", str(link), db=db_path)
    assert refused.returncode == 2 and "use --force" in refused.stderr
    result = run("export", "claims", "-o", str(link), "--force", db=db_path)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and real.read_text().startswith("id,article_id")
    assert f"written to {real} (through the link {link})" in result.stderr

    dangling = tmp_path / "nowhere.csv"
    dangling.symlink_to(tmp_path / "missing" / "x.csv")
    result = run("export", "claims", "-o", str(dangling), "--force", db=db_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"claimdiff: {dangling} is a link to {tmp_path / 'missing' / 'x.csv'}, which does not exist"
    )
    assert not (tmp_path / "missing").exists()


# ---- files that once ended the import ----------------------------------------------------


def test_a_name_that_is_not_utf8_is_stored_escaped_and_the_rest_imports(
    tmp_path: Path, db_path: Path
):
    folder = tmp_path / "names"
    folder.mkdir()
    bad = os.fsencode(folder) + b"/bad\xff.txt"
    with open(bad, "wb") as out:
        out.write(f"Odd name\n\n{STORY}\n".encode())
    for path in sorted(BUNDLED_ARTICLES.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    result = run("import", str(folder), db=db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "6 imported, 0 already present, 0 failed"
    library = Library(db_path)
    odd = next(a for a in library.articles() if a.title == "Odd name")
    assert library.article(odd.id).path == f"{folder}/bad\\xff.txt"
    assert odd.source == "bad\\xff"
    listed = run("sources", db=db_path)
    assert listed.returncode == 0 and "bad\\xff" in listed.stdout


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_brackets_nested_100000_deep_are_that_file_s_failure(
    tmp_path: Path, db_path: Path, suffix: str
):
    folder = tmp_path / "deep"
    folder.mkdir()
    (folder / f"a-deep{suffix}").write_text("[" * 100_000)
    for index in range(3):
        record = {"title": f"After {index}", "text": f"{STORY} Part {index}.", "source": "Wire"}
        (folder / f"b-{index}{suffix}").write_text(json.dumps(record) + "\n")
    result = run("import", str(folder), db=db_path)
    assert "Traceback" not in result.stderr
    assert result.stdout.strip() == "3 imported, 0 already present, 1 failed"
    assert str(folder / f"a-deep{suffix}") in result.stderr
    assert "nested too deeply" in result.stderr


def test_a_link_out_of_the_folder_is_passed_over_unless_named(tmp_path: Path, db_path: Path):
    private = tmp_path / "private.txt"
    private.write_text(f"Private notes\n\n{STORY}\n")
    folder = tmp_path / "sent"
    (folder / "links").mkdir(parents=True)
    (folder / "links" / "passwd.txt").symlink_to(private)
    (folder / "inside.txt").write_bytes(GOOD.read_bytes())
    (folder / "links" / "alias.txt").symlink_to(folder / "inside.txt")  # stays inside
    result = run("import", str(folder), db=db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "1 imported, 1 already present, 0 failed, 1 passed over"
    )  # the alias is the same article as inside.txt
    assert result.stderr.strip() == (
        f"passed over: {folder / 'links' / 'passwd.txt'}: a link to a file outside the "
        "folders imported"
    )
    titles = {a.title for a in Library(db_path).articles()}
    assert "Private notes" not in titles
    named = run("import", str(folder / "links" / "passwd.txt"), db=db_path)
    assert named.stdout.strip() == "1 imported, 0 already present, 0 failed"


def test_a_png_with_text_after_its_header_is_binary(tmp_path: Path, db_path: Path):
    fake = tmp_path / "scan.txt"
    fake.write_bytes(PNG[:8] + b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" * 50)
    library = Library(db_path)
    report = import_paths(library, [fake])
    assert [f.reason for f in report.failed] == ["binary file (a PNG image), not text"]


def test_many_failures_of_one_file_are_summed_up(tmp_path: Path, db_path: Path):
    entries = "".join(f"<item><title>Entry {n}</title></item>" for n in range(2000))
    feed = tmp_path / "empty.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
                    f"{entries}</channel></rss>")  # fmt: skip
    result = run("import", str(feed), db=db_path)
    lines = result.stderr.splitlines()
    assert lines == [
        f"failed: {feed}: entry 1: no text and no summary",
        f"failed: {feed}: entry 2: no text and no summary",
        f"failed: {feed}: entry 3: no text and no summary",
        f"failed: {feed}: 1,997 more like that: no text and no summary",
    ]
    assert result.stdout.strip() == "0 imported, 0 already present, 2000 failed"


# ---- invisible characters ----------------------------------------------------------------

INVISIBLE = {
    "\u061c": "Arabic letter mark", "\U000e0041": "tag A", "\U000e007f": "cancel tag",
    "\u3164": "Hangul filler", "\u115f": "Hangul choseong filler", "\u00ad": "soft hyphen",
    "\u2028": "line separator", "\u2029": "paragraph separator", "\ufe0f": "variation selector",
    "\u200d": "zero-width joiner", "\u2066": "left-to-right isolate",
}  # fmt: skip


def test_invisible_characters_are_gone_from_the_library_and_every_export(
    tmp_path: Path, db_path: Path
):
    odd = "".join(INVISIBLE)
    folder = tmp_path / "invisible"
    folder.mkdir()
    (folder / "odd.txt").write_text(
        f"Hidden{odd} title\n\nSource: Wire{odd}\n\n"
        f"About 3,000 North{odd} Korean troops were sent to Kursk, officials{odd} said.\n"
    )
    assert run("import", str(folder), db=db_path).returncode == 0
    conn = sqlite3.connect(db_path)
    stored = " ".join(
        str(v) for row in conn.execute("SELECT title, source, body FROM articles") for v in row
    ) + " ".join(r[0] for r in conn.execute("SELECT sentence FROM claims"))
    conn.close()
    assert not set(stored) & set(INVISIBLE), [INVISIBLE[c] for c in set(stored) & set(INVISIBLE)]
    for what in ("claims", "entities", "discrepancies"):
        for fmt in ("csv", "jsonl"):
            out = run("export", what, "--format", fmt, db=db_path).stdout
            assert not set(out) & set(INVISIBLE), (what, fmt)


def test_a_csv_export_is_clean_whatever_wrote_the_library(tmp_path: Path, db_path: Path):
    assert run("import", str(BUNDLED_ARTICLES), db=db_path).returncode == 0
    conn = sqlite3.connect(db_path)  # another tool writes raw escapes and formulas
    conn.execute(
        "UPDATE claims SET sentence = ? || sentence, attributed_to = ? WHERE id = 1",
        ("\x1b[31m\x07\u202e", "\uff1dHYPERLINK(1)"),
    )
    conn.execute("UPDATE claims SET attributed_to = '|calc' WHERE id = 2")
    conn.execute("UPDATE claims SET attributed_to = '\uff0bcmd' WHERE id = 3")
    conn.commit()
    conn.close()
    out = run("export", "claims", db=db_path).stdout
    assert not _has_active(out)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["1"]["attributed_to"] == "'\uff1dHYPERLINK(1)"  # full-width = as =
    assert rows["2"]["attributed_to"] == "'|calc"
    assert rows["3"]["attributed_to"] == "'\uff0bcmd"


def test_a_markdown_brief_makes_no_link_and_no_bidi_override(tmp_path: Path, db_path: Path):
    from markdown_it import MarkdownIt

    folder = tmp_path / "story"
    folder.mkdir()
    for path in sorted(BUNDLED_ARTICLES.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    assert run("import", str(folder), db=db_path).returncode == 0
    conn = sqlite3.connect(db_path)  # an article quoting an address and an entity
    conn.execute(
        "UPDATE claims SET sentence = sentence || ' See https://evil.example/x and "
        "www.evil.example or mail spy@evil.example &#x202e;reversed' "
        "WHERE cluster IS NOT NULL"
    )
    conn.commit()
    conn.close()
    brief = run("export", "discrepancies", "--format", "markdown", db=db_path).stdout
    assert "evil.example" in brief
    html = MarkdownIt("gfm-like", {"linkify": True}).render(brief)
    assert "evil.example" in html and 'href="https://evil' not in html
    assert 'href="http://www.evil' not in html and "mailto:" not in html
    assert "\u202e" not in html and "&amp;#x202e;" in html


# ---- a library that is read-only, busy, full or changed ----------------------------------


def _library_with_ungrouped_claims(folder: Path) -> Path:
    """A library whose newest claims were never grouped, as an import stopped before its
    grouping leaves it: showing discrepancies must write first."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "library.db"
    assert run("import", str(BUNDLED_ARTICLES), db=db).returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("UPDATE claims SET comparison_key = NULL, cluster = NULL")
    conn.execute("DELETE FROM claim_groups")
    conn.commit()
    conn.close()
    return db


def _read_only(folder: Path, *commands: str) -> list[subprocess.CompletedProcess[str]]:
    """Run claimdiff commands with `folder` mounted read-only (a private mount namespace)."""
    if subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("unshare cannot make a private mount namespace here")
    results = []
    for command in commands:
        script = (
            f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" '
            f"&& exec {CLAIMDIFF} {command}"
        )
        results.append(subprocess.run(["unshare", "-rm", "sh", "-c", script],
                                      capture_output=True, text=True, timeout=120))  # fmt: skip
    return results


def test_a_library_on_a_read_only_disk_is_read_and_each_write_refused_in_one_line(
    tmp_path: Path,
):
    folder = tmp_path / "mounted"
    db = _library_with_ungrouped_claims(folder)
    new = tmp_path / "new.txt"
    new.write_text(f"New\n\n{STORY}\n")
    exported, imported, renamed, groups = _read_only(
        folder,
        f"export claims --db {db}",
        f"import --db {db} {new}",
        f"rename-source Newser Wire --db {db}",
        f"export discrepancies --db {db}",
    )
    assert exported.returncode == 0 and exported.stdout.startswith("id,article_id")
    read_only = f"claimdiff: {db}: the library is read-only"
    for result in (imported, renamed, groups):
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.strip().splitlines()[-1].startswith(read_only)
    assert imported.stdout.strip() == "0 imported, 0 already present, 0 failed (stopped)"
    assert "never grouped" in groups.stderr


def _hold_the_write_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another program writing to the library for a while (its transaction open)."""
    code = (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(float(sys.argv[2]))"
    )
    holder = subprocess.Popen([sys.executable, "-c", code, str(db), str(seconds)],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_a_library_another_writer_keeps_busy_is_one_line_for_each_command(tmp_path: Path):
    from store.schema import BUSY_SECONDS

    db = _library_with_ungrouped_claims(tmp_path / "busy")
    new = tmp_path / "new.txt"
    new.write_text(f"New\n\n{STORY}\n")
    holder = _hold_the_write_lock(db, BUSY_SECONDS + 15)
    try:
        commands = [
            ("rename-source", "Newser", "Wire"), ("export", "discrepancies"),
            ("import", str(new)),
        ]  # fmt: skip
        running = [
            subprocess.Popen([str(CLAIMDIFF), *c, "--db", str(db)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
            for c in commands
        ]  # fmt: skip
        results = [p.communicate(timeout=BUSY_SECONDS + 30) for p in running]
    finally:
        holder.kill()
        holder.wait()
    for process, (_, err) in zip(running, results, strict=True):
        assert process.returncode == 2 and "Traceback" not in err, err
        assert err.strip().splitlines()[-1].startswith(f"claimdiff: {db}: the library is busy")
    assert "waiting for another claimdiff" in results[1][1]


def test_a_full_disk_under_a_rename_or_a_grouping_is_one_line(tmp_path: Path):
    from tests.test_reliability import _disk_of

    db = _library_with_ungrouped_claims(tmp_path / "full")
    for command in (("rename-source", "Newser", "Wire"), ("export", "discrepancies")):
        result = subprocess.run(
            [str(CLAIMDIFF), *command, "--db", str(db)], capture_output=True, text=True,
            timeout=120, preexec_fn=lambda: _disk_of(4096),
        )  # fmt: skip
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "the disk is full or failing" in result.stderr.strip().splitlines()[-1]


def test_a_full_or_closed_standard_output_is_one_line(tmp_path: Path, db_path: Path):
    assert run("import", str(BUNDLED_ARTICLES), db=db_path).returncode == 0
    env = {**os.environ, "CLAIMDIFF_DB": str(db_path)}
    new = tmp_path / "new.txt"
    new.write_text(f"New\n\n{STORY}\n")
    with open("/dev/full", "w") as full:
        for command in (("export", "claims"), ("import", str(new))):
            result = subprocess.run([str(CLAIMDIFF), *command], stdout=full, stderr=subprocess.PIPE,
                                    text=True, env=env, timeout=120)  # fmt: skip
            assert result.returncode == 2, result.stderr
            assert result.stderr.strip() == (
                "claimdiff: cannot write to standard output: No space left on device"
            )
    closed = subprocess.run(
        [str(CLAIMDIFF), "export", "claims"], stderr=subprocess.PIPE, text=True, env=env,
        timeout=120, preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert closed.returncode == 2
    assert closed.stderr.strip() == "claimdiff: standard output is closed: name a file with -o FILE"
    assert len(Library(db_path).articles()) == 6  # the import itself went through


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("DROP TABLE story_pairs", "the library is damaged: story_pairs is missing"),
        ("ALTER TABLE claims RENAME COLUMN hedge TO hedges",
         "the library is damaged: claims.hedge is missing"),
        ("PRAGMA user_version = 12", "the library does not have the tables its version (12) says"),
    ],
)  # fmt: skip
def test_a_library_another_program_changed_is_one_line(db_path: Path, change: str, said: str):
    assert run("import", str(BUNDLED_ARTICLES), db=db_path).returncode == 0
    conn = sqlite3.connect(db_path)
    conn.execute(change)
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    for command in (("export", "claims"), ("import", str(BUNDLED_ARTICLES)), ("sources",)):
        result = run(*command, db=db_path)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.startswith(f"claimdiff: {db_path}: {said}")
        assert len(result.stderr.strip().splitlines()) == 1
    assert db_path.read_bytes() == before


async def test_the_discrepancy_view_says_it_waits_for_another_writer(tmp_path: Path):
    from tests.driving import settle, until
    from tui.app import ClaimdiffApp
    from tui.screens.discrepancies import WAITING

    db = _library_with_ungrouped_claims(tmp_path / "waiting")
    library = Library(db)
    holder = _hold_the_write_lock(db, 3)
    app = ClaimdiffApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        # Said while the other writer holds the library: no worker is done to wait for.
        await until(pilot, lambda: str(app.screen.query_one("#why").render()) == WAITING)
        assert str(app.screen.query_one("#groups").border_title) == "Groups · waiting…"
        holder.wait(timeout=30)
        await settle(app, pilot)
        assert str(app.screen.query_one("#groups").border_title).startswith("Groups (")


# ---- processes left behind ---------------------------------------------------------------


def _session_processes(session: int) -> list[int]:
    """The live processes of a session (a killed import's children keep their session)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(entry.name))
    return found


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_an_import_killed_leaves_no_process_behind(tmp_path: Path, signum: int):
    from bench.corpus import generated_article, paragraphs
    from tests.test_reliability import _articles_in

    folder = tmp_path / "many"
    folder.mkdir()
    texts = paragraphs()
    for index in range(2000):
        (folder / f"{index:05d}.txt").write_text(generated_article(index, texts))
    db = tmp_path / "library.db"
    importing = subprocess.Popen(
        [str(CLAIMDIFF), "import", "--db", str(db), str(folder)], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while _articles_in(db) == 0:  # its analysing processes are at work
        assert importing.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    assert len(_session_processes(importing.pid)) >= 3  # the import and its helpers
    importing.send_signal(signum)
    out, _ = importing.communicate(timeout=60)  # the pipe closes: nobody holds it
    deadline = time.monotonic() + 10
    while _session_processes(importing.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _session_processes(importing.pid) == []
    if signum == signal.SIGTERM:  # stopped as Ctrl+C stops it, with what got in told
        assert importing.returncode == 143
        assert out.strip().endswith("failed (stopped)")


# ---- the same library however the import went ----------------------------------------


def export_digest(db: Path) -> dict[str, list[str]]:
    """Every export of a library, as a reader compares them: rows without their ids (which
    count in the order things were written), a group as the set of its rows."""
    digest: dict[str, list[str]] = {}
    for what in ("claims", "entities", "discrepancies"):
        result = run("export", what, "--format", "jsonl", db=db)
        assert result.returncode == 0, result.stderr
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        if what == "discrepancies":
            groups: dict[str, list[str]] = {}
            for row in rows:
                kept = {k: v for k, v in row.items() if k not in ("group_id", "claim_id")}
                groups.setdefault(row["group_id"], []).append(json.dumps(kept, sort_keys=True))
            digest[what] = sorted(json.dumps(sorted(g)) for g in groups.values())
        else:
            unkept = {"id", "article_id"}
            digest[what] = sorted(
                json.dumps({k: v for k, v in r.items() if k not in unkept}, sort_keys=True)
                for r in rows
            )
    return digest


@pytest.fixture(scope="module")
def three_thousand(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    """3,000 generated articles, and the exports of one uninterrupted import of them."""
    from bench.corpus import generated_article, paragraphs

    folder = tmp_path_factory.mktemp("three_thousand")
    texts = paragraphs()
    for index in range(3000):
        (folder / f"{index:05d}.txt").write_text(generated_article(index, texts))
    clean = folder.parent / "clean.db"
    assert run("import", str(folder), db=clean).returncode == 0
    return folder, export_digest(clean)


@pytest.mark.parametrize(("written", "then"), [(500, 0.0), (1000, 0.05), (2000, 0.2)])
def test_an_import_killed_anywhere_then_run_again_makes_the_same_library(
    tmp_path: Path, three_thousand: tuple[Path, dict[str, list[str]]], written: int, then: float
):
    """Killed at several points of an import (between batches; inside the grouping steps
    that follow 1,000 and 2,000 articles), then run again: every export equals an
    uninterrupted import's (2 of 24 kills gave other groups: a step resumed later signed
    its articles' stories against a larger library, and a group of denials kept the name
    it had when it was made)."""
    from tests.test_reliability import _articles_in

    folder, clean = three_thousand
    db = tmp_path / "killed.db"
    importing = subprocess.Popen([str(CLAIMDIFF), "import", "--db", str(db), str(folder)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 120
    while _articles_in(db) < written and importing.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(then)
    importing.kill()
    importing.wait()
    assert run("import", str(folder), db=db).returncode == 0
    digest = export_digest(db)
    for what in clean:
        assert digest[what] == clean[what], what


def test_two_imports_at_once_make_the_library_one_import_makes_export_for_export(
    tmp_path: Path,
):
    """Two imports of one folder at once, each writing what the other has not: the library
    equals one import's, names included (the BBC corpus's many spellings of one name gave
    "Staples Center" / "Centre" and "Joe Cole" twice)."""
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
    if not corpus.is_dir():
        pytest.skip(f"the BBC corpus is not at {corpus}")
    clean = tmp_path / "clean.db"
    assert run("import", str(corpus), db=clean).returncode == 0
    db = tmp_path / "twice.db"
    both = [subprocess.Popen([str(CLAIMDIFF), "import", "--db", str(db), str(corpus)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(2)]  # fmt: skip
    assert [p.wait(timeout=300) for p in both] == [0, 0]
    assert export_digest(db) == export_digest(clean)
