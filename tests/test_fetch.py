"""`claimdiff fetch` against a web server on 127.0.0.1 serving saved pages: no outside
network. The server records what it was asked, so the request itself is checked too."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from store import Library
from store.fetching import USER_AGENT
from store.importer import MAX_BYTES
from tests.test_cli import run
from tests.test_formats import ATOM, TITLE, as_html


class Site(BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, str, bytes]] = {}
    asked: list[tuple[str, str]] = []

    def do_GET(self) -> None:
        self.asked.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/kursk.html")
            self.end_headers()
            return
        status, kind, body = self.pages.get(self.path, (404, "text/html", b"<h1>Not found</h1>"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may have given up first, as on /slow

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    Site.pages = {
        "/news/kursk.html": (200, "text/html; charset=utf-8", as_html(tmp_path).read_bytes()),
        "/feeds/yonhap.atom": (200, "application/atom+xml", ATOM.encode()),
        "/huge.html": (200, "text/html", b"<p>" + b"a" * (MAX_BYTES + 10) + b"</p>"),
        "/slow": (200, "text/html", b"<p>late</p>"),
    }
    Site.asked = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_imports_pages_follows_redirects_and_names_each_failure(site: str, db_path: Path):
    result = run(
        "fetch", f"{site}/moved", f"{site}/feeds/yonhap.atom", f"{site}/gone.html",
        f"{site}/huge.html", f"{site}/slow", "ftp://example.org/x", "--timeout", "1",
        db=db_path,
    )  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.strip() == "2 imported, 0 already present, 4 failed"
    assert result.stderr.splitlines() == [
        f"failed: {site}/gone.html: the server answered 404 Not Found",
        f"failed: {site}/huge.html: larger than 5 MB: not an article",
        f"failed: {site}/slow: no answer within 1 s",
        "failed: ftp://example.org/x: not a web address (expected http:// or https://)",
    ]
    library = Library(db_path)
    pages = {a.title: library.article(a.id) for a in library.articles()}
    page = pages[TITLE]
    assert (page.source, page.path) == ("The Independent", f"{site}/news/kursk.html")
    assert page.url == "https://www.independent.co.uk/asia/north-korea-troops-russia.html"
    assert pages["N. Korean troops near Ukraine front"].source == "Yonhap News Agency"
    assert {agent for _, agent in Site.asked} == {USER_AGENT}
    assert ("/moved", USER_AGENT) in Site.asked and ("/news/kursk.html", USER_AGENT) in Site.asked

    again = run("fetch", f"{site}/news/kursk.html", db=db_path)
    assert again.stdout.strip() == "0 imported, 1 already present, 0 failed"
