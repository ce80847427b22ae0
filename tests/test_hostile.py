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
import socket
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import BUNDLED_ARTICLES, Library, import_paths
from tests.test_cli import run
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
    from tests.test_app import import_through_dialog, settle
    from tui.app import ClaimdiffApp

    app = ClaimdiffApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await import_through_dialog(app, pilot, f"{hostile}/reason {hostile}/location")
        for _ in range(100):
            await pilot.pause(0.05)
            if any("Import:" in n.message for n in app._notifications):
                break
        notice = next(n.message for n in app._notifications if "Import:" in n.message)
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
