"""Articles as people collect them: saved web pages, JSON and JSON Lines from news APIs and
scrapers, RSS and Atom feeds. Samples here are shaped like the real thing (a news page with
its navigation and footer, NewsAPI's answer, a scraper's JSON Lines, a WordPress feed)."""

from __future__ import annotations

import html
import json
import sqlite3
from pathlib import Path

import pytest

from store import Library, import_paths
from tests import oracle
from tests.conftest import BUNDLED

ARTICLE = BUNDLED / "003_feda9370fe4f8f00.txt"
TITLE = "Number of North Korean soldiers in Russia now exceeds 10,000, says South"


def paragraphs() -> list[str]:
    lines = ARTICLE.read_text(encoding="utf-8").split("\n")
    assert lines[0] == TITLE
    return [line for line in lines[1:] if line.strip()]


def as_text(folder: Path) -> Path:
    path = folder / "kursk.txt"
    body = "\n\n".join(paragraphs())
    path.write_text(f"{TITLE}\nSource: The Independent\nDate: 2024-10-29\n\n{body}\n", "utf-8")
    return path


def as_html(folder: Path) -> Path:
    """A news page as a browser saves it: navigation, share buttons, related links, footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs())
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(TITLE)} | The Independent</title>
<meta property="og:site_name" content="The Independent">
<meta property="og:title" content="{html.escape(TITLE)}">
<meta name="author" content="Shweta Sharma">
<meta property="article:published_time" content="2024-10-29T09:12:00Z">
<link rel="canonical" href="https://www.independent.co.uk/asia/north-korea-troops-russia.html">
<script>window.dataLayer = [];</script>
</head><body>
<header><nav><ul><li><a href="/">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/culture">Culture</a></li></ul></nav></header>
<main><article>
<h1>{html.escape(TITLE)}</h1>
<div class="byline">Shweta Sharma · Tuesday 29 October 2024 09:12 GMT</div>
<div class="share"><button>Share on Facebook</button><button>Share on X</button></div>
<div class="article-body">
{body}
</div>
</article>
<aside><h2>Most popular</h2><ul><li><a href="/a">A royal visit to Sydney</a></li>
<li><a href="/b">Weather warning for the weekend</a></li></ul></aside></main>
<footer><p>© 2024 Independent Digital News &amp; Media Ltd. All rights reserved.</p></footer>
</body></html>"""
    path = folder / "kursk.html"
    path.write_text(page, "utf-8")
    return path


def as_jsonl(folder: Path, extra: list[dict] | None = None) -> Path:
    """A scraper's export (news-please's field names: maintext, source_domain,
    date_publish), one article a line."""
    record = {
        "title": TITLE, "maintext": "\n".join(paragraphs()), "source_domain": "The Independent",
        "date_publish": "2024-10-29 09:12:00", "authors": ["Shweta Sharma"],
        "url": "https://www.independent.co.uk/asia/x.html",
    }  # fmt: skip
    path = folder / "kursk.jsonl"
    lines = [json.dumps(r) for r in [record, *(extra or [])]]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def claims_of(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT a.title, a.source, a.published, c.kind, c.sentence, c.value, c.low, c.high, "
            "c.hedge, c.unit, c.attributed_to, c.stance FROM claims c "
            "JOIN articles a ON a.id = c.article_id ORDER BY c.id"
        ).fetchall()
    finally:
        conn.close()


def imported(paths: list[Path], db: Path, **options) -> tuple[Library, object]:
    library = Library(db)
    return library, import_paths(library, paths, **options)


def test_one_article_as_text_html_and_json_lines_gives_the_same_claims(tmp_path: Path):
    fields = {"text": "maintext", "source": "source_domain", "published": "date_publish"}
    results = []
    for name, write in (("text", as_text), ("html", as_html), ("jsonl", as_jsonl)):
        folder = tmp_path / name
        folder.mkdir()
        library, report = imported([write(folder)], tmp_path / f"{name}.db", fields=fields)
        assert not report.failed and len(report.imported) == 1, (name, report.failed)
        library.close()
        results.append(claims_of(tmp_path / f"{name}.db"))
    text, page, lines = results
    assert len(text) > 10
    assert page == text
    assert lines == text
    assert text[0][:3] == (TITLE, "The Independent", "2024-10-29")


def test_a_saved_page_keeps_its_metadata_and_leaves_its_chrome(tmp_path: Path, db_path: Path):
    library, _ = imported([as_html(tmp_path)], db_path)
    (article,) = library.articles()
    detail = library.article(article.id)
    assert detail is not None
    assert (detail.title, detail.source, detail.author, detail.published) == (
        TITLE, "The Independent", "Shweta Sharma", "2024-10-29"
    )  # fmt: skip
    assert detail.url == "https://www.independent.co.uk/asia/north-korea-troops-russia.html"
    for chrome in ("Share on Facebook", "Most popular", "All rights reserved", "dataLayer"):
        assert chrome not in detail.body
    assert detail.body.startswith("The number of North Korean soldiers deployed")


def test_without_trafilatura_a_page_is_named_with_how_to_get_it(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setitem(__import__("sys").modules, "trafilatura", None)  # not installed
    _, report = imported([as_html(tmp_path), as_text(tmp_path)], db_path, workers=1)
    assert [str(f) for f in report.failed] == [
        f"{tmp_path / 'kursk.html'}: saved web pages need trafilatura, which comes with "
        "claimdiff but is missing here: pip install --force-reinstall claimdiff"
    ]
    assert len(report.imported) == 1  # the text file


NEWSAPI = {
    "status": "ok",
    "totalResults": 3,
    "articles": [
        {"source": {"id": "bbc-news", "name": "BBC News"}, "author": "Jean Mackenzie",
         "title": "North Korean troops 'in Kursk'",
         "description": "Ukraine says 3,000 soldiers have arrived.",
         "url": "https://www.bbc.co.uk/news/articles/c1", "publishedAt": "2024-10-28T14:02:11Z",
         "content": "About 3,000 North Korean soldiers have arrived in Russia's Kursk region, "
                    "Ukraine's military intelligence said on Monday… [+2841 chars]"},
        {"source": {"id": None, "name": "Reuters"}, "author": None,
         "title": "Pentagon says 10,000 North Korean troops in Russia",
         "description": None, "url": "https://www.reuters.com/world/x",
         "publishedAt": "2024-10-28T18:40:00Z",
         "content": "The Pentagon said on Monday that about 10,000 North Korean troops had "
                    "been sent to eastern Russia for training."},
        {"source": {"id": None, "name": "Removed"}, "title": "[Removed]",
         "description": None, "content": None, "url": "https://removed.com"},
    ],
}  # fmt: skip


def test_a_news_api_answer_imports_each_article_with_its_outlet_and_names_the_empty_one(
    tmp_path: Path, db_path: Path
):
    path = tmp_path / "newsapi.json"
    path.write_text(json.dumps(NEWSAPI), "utf-8")
    library, report = imported([path], db_path)
    assert len(report.imported) == 2
    assert [str(f) for f in report.failed] == [
        f"{path}: item 3: no article text (looked for text, body, content, article_body, "
        "articleBody, full_text, fulltext, maintext, story)"
    ]
    rows = {a.title: library.article(a.id) for a in library.articles()}
    bbc = rows["North Korean troops 'in Kursk'"]
    assert (bbc.source, bbc.author, bbc.published, bbc.partial) == (
        "BBC News", "Jean Mackenzie", "2024-10-28", True  # cut by the API: "[+2841 chars]"
    )  # fmt: skip
    assert "[+2841 chars]" not in bbc.body and bbc.path == f"{path}#item 1"
    reuters = rows["Pentagon says 10,000 North Korean troops in Russia"]
    assert (reuters.source, reuters.partial) == ("Reuters", False)
    assert any(c.value == 10000 for c in library.claims() if c.source == "Reuters")


def test_a_dump_larger_than_an_article_imports_and_each_article_keeps_the_limit(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import store.importer as importer

    padding = "x" * 200_000  # what a scraper keeps beside the text: raw HTML, say
    records = [{"title": f"Report {n}", "text": f"About {n},000 troops were sent, Seoul said.",
                "raw_html": padding} for n in range(1, 31)]  # fmt: skip
    records.append({"title": "A log", "text": "troops " * 800_000})  # 5.6 MB in one record
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    assert dump.stat().st_size > importer.MAX_BYTES
    _, report = imported([dump], db_path)
    assert len(report.imported) == 30
    assert [str(f) for f in report.failed] == [
        f"{dump}: line 31: larger than 5 MB: more than an article"
    ]
    monkeypatch.setattr(importer, "MAX_COLLECTION_BYTES", 1024 * 1024)
    _, again = imported([dump], tmp_path / "other.db")
    assert [f.reason for f in again.failed] == ["larger than 1 MB: split it into smaller files"]


def test_json_keys_are_found_in_any_capitals(tmp_path: Path, db_path: Path):
    path = tmp_path / "export.jsonl"
    record = {
        "Headline": "Seoul: troops in Kursk", "Publisher": {"Name": "Yonhap"},
        "Body": "About 3,000 North Korean troops are in Kursk, Seoul said.", "PubDate": 1730000000,
    }  # fmt: skip
    path.write_text(json.dumps(record) + "\n", "utf-8")
    library, report = imported([path], db_path)
    assert not report.failed
    (article,) = library.articles()
    assert (article.title, article.source, article.published) == (
        "Seoul: troops in Kursk", "Yonhap", "2024-10-27"
    )  # fmt: skip


def test_json_lines_with_a_bad_line_imports_the_rest_and_a_second_import_changes_nothing(
    tmp_path: Path, db_path: Path
):
    path = as_jsonl(tmp_path, [{"title": "No text here"}])
    path.write_text(path.read_text("utf-8") + '{"title": "cut off', "utf-8")
    fields = {"text": "maintext"}
    library, report = imported([path], db_path, fields=fields)
    assert len(report.imported) == 1
    assert [str(f) for f in report.failed] == [
        f"{path}: line 2: no article text (looked for maintext)",
        f"{path}: line 3: not JSON (Unterminated string starting at)",
    ]
    again = import_paths(library, [path], fields=fields)
    assert (len(again.imported), len(again.present), len(again.failed)) == (0, 1, 0)


def test_a_file_that_is_not_its_format_is_named_and_the_rest_imports(tmp_path: Path, db_path: Path):
    (tmp_path / "notes.json").write_text("North Korea sent 3,000 troops.", "utf-8")
    (tmp_path / "numbers.json").write_text("[1, 2, 3]", "utf-8")
    (tmp_path / "broken.jsonl").write_text("title: not json\n", "utf-8")
    (tmp_path / "page.xml").write_text("<html><body><p>not a feed</p></body></html>", "utf-8")
    (tmp_path / "truncated.rss").write_text("<?xml version='1.0'?><rss><channel><item>", "utf-8")
    (tmp_path / "gallery.html").write_text(
        "<html><head><title>Gallery</title></head><body><img src=a.jpg></body></html>", "utf-8"
    )
    as_text(tmp_path)
    _, report = imported([tmp_path], db_path)
    reasons = sorted((Path(f.path).name, f.reason) for f in report.failed)
    assert [name for name, _ in reasons] == [
        "broken.jsonl", "gallery.html", "notes.json", "numbers.json", "page.xml",
        "truncated.rss", "truncated.rss",
    ]  # fmt: skip
    (_, jsonl), (_, gallery), (_, notes), (_, numbers), (_, page), (_, empty), (_, cut) = reasons
    assert gallery == "no article text found in the page"
    assert jsonl.startswith("not JSON Lines (line 1: Expecting value)")
    assert notes.startswith("not JSON (Expecting value at line 1)")
    assert numbers == "JSON holding no articles (expected an array of objects)"
    assert page == "not an RSS or Atom feed"
    assert (empty, cut[:30]) == (
        "entry 1: no text and no summary",
        "feed: malformed XML (<unknown>",
    )
    assert len(report.imported) == 1


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Korea Herald</title><link>https://www.koreaherald.com</link>
  <description>National news</description>
  <item>
    <title>NIS: 3,000 North Korean troops in Russia</title>
    <link>https://www.koreaherald.com/view.php?ud=1</link>
    <dc:creator>Ji Da-gyum</dc:creator>
    <pubDate>Wed, 23 Oct 2024 08:30:00 +0900</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>About 3,000 North Korean troops have been sent to Russia,
      the National Intelligence Service said on Wednesday.</p>
      <p>The spy agency said the number could reach 10,000 by December.</p>
      <script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Kremlin calls reports a hoax</title>
    <link>https://www.koreaherald.com/view.php?ud=2</link>
    <pubDate>Thu, 24 Oct 2024 10:00:00 +0900</pubDate>
    <description><![CDATA[The Kremlin dismissed reports of <b>12,000</b> soldiers
      as a hoax.]]></description>
  </item>
  <item><title>Photo gallery</title><link>https://www.koreaherald.com/gallery</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Yonhap News Agency</title><id>urn:yonhap</id><updated>2024-10-30T00:00:00Z</updated>
  <entry>
    <title>N. Korean troops near Ukraine front</title><id>urn:yonhap:1</id>
    <link href="https://en.yna.co.kr/view/1"/>
    <updated>2024-10-30T02:00:00Z</updated><author><name>Kim Eun-jung</name></author>
    <content type="html">&lt;p&gt;As many as 12,000 North Korean soldiers are in Russia,
      the South Korean defence ministry said.&lt;/p&gt;</content>
  </entry>
</feed>"""


def test_feeds_import_each_entry_full_text_where_carried_else_its_summary_marked_partial(
    tmp_path: Path, db_path: Path
):
    (tmp_path / "herald.rss").write_text(RSS, "utf-8")
    (tmp_path / "yonhap.atom").write_text(ATOM, "utf-8")
    library, report = imported([tmp_path], db_path)
    assert len(report.imported) == 3
    assert [f.reason for f in report.failed] == ["entry 3: no text and no summary"]
    rows = {a.title: library.article(a.id) for a in library.articles()}
    full = rows["NIS: 3,000 North Korean troops in Russia"]
    assert (full.source, full.author, full.published, full.partial) == (
        "Korea Herald", "Ji Da-gyum", "2024-10-23", False
    )  # fmt: skip
    assert full.body.split("\n\n") == [
        "About 3,000 North Korean troops have been sent to Russia, the National Intelligence "
        "Service said on Wednesday.",
        "The spy agency said the number could reach 10,000 by December.",
    ]
    teaser = rows["Kremlin calls reports a hoax"]
    assert teaser.partial and teaser.body.startswith("The Kremlin dismissed reports of 12,000")
    atom = rows["N. Korean troops near Ukraine front"]
    assert (atom.source, atom.author, atom.url) == (
        "Yonhap News Agency", "Kim Eun-jung", "https://en.yna.co.kr/view/1"
    )  # fmt: skip
    assert any(c.value == 12000 and c.hedge == "at_most" for c in library.claims())


def test_articles_without_a_named_source_take_their_folder_s_name(tmp_path: Path, db_path: Path):
    for outlet in ("reuters", "2024"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "story.txt").write_text(
            f"Troops sent\n\nAbout 3,000 troops were sent to Kursk ({outlet}).\n", "utf-8"
        )
    (tmp_path / "loose-note.txt").write_text("Loose\n\n12 soldiers wait in Kursk.\n", "utf-8")
    library, _ = imported([tmp_path], db_path)
    assert sorted(library.sources()) == ["loose-note", "reuters", "story"]  # "2024" is no outlet


def test_a_file_of_many_articles_stopped_midway_is_read_again_next_time(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import store.importer as importer

    records = [
        {"title": f"Report {n}", "text": f"About {n},000 troops were sent to Kursk, Seoul said."}
        for n in range(1, 8)
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    monkeypatch.setattr(importer, "BATCH", 3)
    library = Library(db_path)
    calls = {"n": 0}
    add = Library.add_articles

    def stop_after_one_batch(self, batch):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return add(self, batch)

    monkeypatch.setattr(Library, "add_articles", stop_after_one_batch)
    with pytest.raises(KeyboardInterrupt):
        import_paths(library, [path])
    monkeypatch.setattr(Library, "add_articles", add)
    # The batch being written when the stop came is written as the import winds down; the
    # seventh article was never read, so the file is not marked as imported.
    assert library.counts()["articles"] == 6 and library.file_hashes() == set()
    report = import_paths(library, [path])
    assert (len(report.imported), len(report.present)) == (1, 6)
    assert library.counts()["articles"] == 7 and len(library.file_hashes()) == 1


# ---- the Markdown brief of discrepancy groups ------------------------------------------

MARKDOWN_BAIT = (
    "**Bold claim** <script>alert(1)</script> [click](javascript:alert(1))\n\n"
    "Source: # Heading _Wire_ | pipe\n\n"
    "About 12,000 North Korean troops are in Russia, **officials** said in a "
    "[briefing](javascript:steal()) <img src=x onerror=alert(1)>.\n"
)


def test_a_brief_quotes_every_source_with_its_citation_and_formats_no_article_text(
    tmp_path: Path, db_path: Path
):
    from markdown_it import MarkdownIt  # rich's own Markdown parser: renders as viewers do

    from tests.test_cli import run

    folder = tmp_path / "story"
    folder.mkdir()
    for path in sorted(BUNDLED.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "bait.txt").write_text(MARKDOWN_BAIT, "utf-8")
    assert run("import", str(folder), db=db_path).returncode == 0
    brief = tmp_path / "brief.md"
    result = run("export", "discrepancies", "--format", "markdown", "-o", str(brief), db=db_path)
    assert result.returncode == 0, result.stderr
    text = brief.read_text("utf-8")
    library = Library(db_path)
    groups = list(library.iter_groups())
    assert f"{len(groups)} discrepancies written to {brief}" in result.stderr
    assert [line for line in text.split("\n") if line.startswith("## ")] == [
        f"## {n}. {g.topic}: {'soft conflict' if g.soft else g.status}"
        for n, g in enumerate(groups, 1)
    ]
    for n, group in enumerate(groups, 1):  # every claim quoted and cited (five a source)
        for index, member in enumerate(group.members, 1):
            assert f"[^{n}-{index}]: " in text
            assert f"claim {member.id} of article {member.article} " in text
    bait = next(a for a in library.articles() if "Bold claim" in a.title)
    assert any(m.article == bait.id for g in groups for m in g.members)
    html = MarkdownIt("commonmark").enable("table").render(text)
    for active in ("<script", "<img", 'href="javascript', "<strong>Bold", "<strong>officials",
                   "<h1>Heading", "<em>Wire"):  # fmt: skip
        assert active not in html, active
    assert "**officials** said in a [briefing](javascript:steal()) &lt;img" in (
        html.replace("&quot;", '"')
    )

    one = groups[0]
    alone = run("export", "discrepancies", "--group", one.key, "--format", "markdown",
                db=db_path)  # fmt: skip
    assert alone.returncode == 0 and alone.stdout.count("\n## ") == 1
    wrong = run("export", "claims", "--format", "markdown", db=db_path)
    assert wrong.returncode == 2 and "markdown writes discrepancies only" in wrong.stderr
    missing = run("export", "discrepancies", "--group", "nothing|1", db=db_path)
    assert missing.returncode == 2 and "no discrepancy group 'nothing|1'" in missing.stderr


# ---- naming sources ----------------------------------------------------------------------


def test_renaming_sources_merges_them_and_every_count_follows(library: Library, db_path: Path):
    from store import ClaimFilter
    from tests.oracle import group_claims
    from tests.test_scale import as_compared

    before = {g.key: len({m.source for m in g.members}) for g in list(library.iter_groups())}
    stems = [s for s in library.sources() if s[:3].isdigit()]
    assert library.rename_source(stems[0], "Wire \x1b[31mService\n") == 1
    assert library.rename_source(stems[1], "Wire Service") == 1  # the same outlet: merged
    assert library.rename_source("nobody", "Wire Service") == 0
    sources = dict(library.source_counts())
    assert sources["Wire Service"] == 2 and stems[0] not in sources and stems[1] not in sources
    kept = list(library.iter_groups())
    whole = group_claims(oracle.comparables(library), oracle.stories(library))
    assert [as_compared(g) for g in kept] == [as_compared(g) for g in whole]
    assert any(len({m.source for m in g.members}) < before[g.key] for g in kept)  # one outlet
    wire = library.claims(ClaimFilter(sources=frozenset({"Wire Service"})))
    assert {c.article_id for c in wire} == {a.id for a in library.articles()
                                            if a.source == "Wire Service"}  # fmt: skip
    counted = {e.name: e.sources for e in library.entities()}
    conn = sqlite3.connect(db_path)
    recount = dict(conn.execute(
        "SELECT e.name, count(DISTINCT a.source) FROM entities e JOIN claim_entities ce "
        "ON ce.entity_id = e.id JOIN claims c ON c.id = ce.claim_id "
        "JOIN articles a ON a.id = c.article_id GROUP BY e.id"))  # fmt: skip
    conn.close()
    assert {n: s for n, s in counted.items() if s} == recount
    with pytest.raises(ValueError, match="a source needs a name"):
        library.rename_source("Wire Service", " \n ")


def test_sources_are_listed_and_renamed_from_the_command_line(db_path: Path):
    from tests.test_cli import run

    assert run("import", str(BUNDLED), db=db_path).returncode == 0
    listed = run("sources", db=db_path)
    assert listed.returncode == 0
    assert listed.stdout.splitlines()[-1].split() == ["1", "Newser"]
    renamed = run("rename-source", "002_0d673e60a079814f", "Newser", db=db_path)
    assert renamed.returncode == 0, renamed.stderr
    said = "1 article of 002_0d673e60a079814f now from Newser, which had 1 already"
    assert renamed.stdout.strip() == said
    assert run("sources", db=db_path).stdout.splitlines()[-1].split() == ["2", "Newser"]
    unknown = run("rename-source", "Nobody", "Newser", db=db_path)
    assert unknown.returncode == 2
    assert "no source named 'Nobody'" in unknown.stderr and "Traceback" not in unknown.stderr
