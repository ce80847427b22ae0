"""Shared fixtures. Every test runs with its own data and config folders, never the user's."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from extract import Analysis, analyse_article

if TYPE_CHECKING:
    from store import Library

# In CI the same examples every run: a failure there is one anybody can reproduce.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "articles"
ARTICLES = sorted(BUNDLED.glob("*.txt"))


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("CLAIMDIFF_DB", str(home / "default.db"))
    monkeypatch.setenv("CLAIMDIFF_CONFIG", str(home / "config" / "claimdiff.json"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def library(db_path: Path) -> Iterator[Library]:
    """A library with the five bundled articles imported."""
    import store

    lib = store.Library(db_path)
    report = store.import_paths(lib, [BUNDLED])
    assert len(report.imported) == 5
    yield lib
    lib.close()


def analyse(name: str) -> Analysis:
    """The analysis of a bundled article by its file-name prefix ("003")."""
    path = next(p for p in ARTICLES if p.name.startswith(name))
    return analyse_article(path.read_text(encoding="utf-8"), path.stem)


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
    """A web server on 127.0.0.1 serving saved pages (its address); no outside network."""
    from store.importer import MAX_BYTES
    from tests.test_formats import ATOM, as_html

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
