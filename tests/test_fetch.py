"""`claimdiff fetch` against a web server on 127.0.0.1 serving saved pages: no outside
network. The server records what it was asked, so the request itself is checked too."""

from __future__ import annotations

from pathlib import Path

from store import Library
from store.fetching import USER_AGENT
from tests.conftest import Site
from tests.test_cli import run
from tests.test_formats import TITLE


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
