"""What a file holds: one article (plain text, a saved web page) or many (a JSON array, JSON
Lines, an RSS or Atom feed), each with the metadata its format carries.

Pure: every function here parses a string. A part of a file that cannot be read (one bad
line of JSON Lines, a feed entry without text) is a Problem beside the documents that
can; a file that cannot be read at all raises FormatError, naming the reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from xml.sax import SAXException

from extract.fields import DEFAULT_FIELDS, FIELDS
from extract.text import clean_text

# A file's kind, by its suffix: how its articles are read.
KINDS = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}  # fmt: skip
# NewsAPI and its kind cut `content` to 200 characters and say how much is missing.
_CUT = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")
_HTML = re.compile(r"<(?:p|div|br|span|a|em|strong|h[1-6]|li|ul|img|figure)\b", re.I)
WEB_EXTRA = (
    "saved web pages need trafilatura, which comes with claimdiff but is missing here: "
    "pip install --force-reinstall claimdiff"
)


@dataclass(frozen=True)
class Metadata:
    """What a format says about an article; None where it says nothing."""

    title: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None  # as written
    url: str | None = None
    partial: bool = False  # only a summary: the format did not carry the whole text


@dataclass(frozen=True)
class Document:
    """One article's text and metadata, and where in its file it was ("line 3")."""

    text: str
    meta: Metadata = Metadata()
    where: str = ""


@dataclass(frozen=True)
class Problem:
    """A part of a file that is not an article, and why."""

    where: str
    reason: str


class FormatError(ValueError):
    """The file cannot be read as its kind; the message says why."""


def documents(
    text: str, kind: str, fields: Mapping[str, str] | None = None
) -> list[Document | Problem]:
    """The articles in a file's text of that kind (see KINDS)."""
    if kind == "html":
        return [html_document(text)]
    if kind == "json":
        return list(_json_documents(text, fields or {}))
    if kind == "jsonl":
        return list(_jsonl_documents(text, fields or {}))
    if kind == "feed":
        return list(_feed_documents(text))
    return [Document(text)]


def html_document(page: str, url: str | None = None) -> Document:
    """A saved web page's main text and metadata, through trafilatura: it
    tells the story from navigation, adverts and comments, which no rule of ours should."""
    try:
        import trafilatura
    except ImportError as exc:
        raise FormatError(WEB_EXTRA) from exc
    try:
        found = trafilatura.bare_extraction(page, url=url, with_metadata=True)
    except Exception as exc:  # lxml refuses some pages outright
        raise FormatError(f"not a readable web page ({exc})") from exc
    if isinstance(found, dict):  # only with as_dict=True, which is not asked for
        raise TypeError("trafilatura answered a dict")
    if found is None or not (found.text or "").strip():
        raise FormatError("no article text found in the page")
    meta = Metadata(title=found.title, source=found.sitename or found.hostname,
                    author=found.author, published=found.date, url=found.url or url)  # fmt: skip
    return Document(str(found.text), meta)


_TOO_DEEP = "nested too deeply to be an article (brackets inside brackets, thousands deep)"


def _json_documents(text: str, fields: Mapping[str, str]) -> Iterator[Document | Problem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"not JSON ({exc.msg} at line {exc.lineno})") from exc
    except RecursionError as exc:
        raise FormatError(_TOO_DEEP) from exc
    if isinstance(data, dict):  # {"articles": [...]}, as NewsAPI answers, or one article
        lists = [v for v in data.values() if isinstance(v, list) and v and
                 all(isinstance(x, dict) for x in v)]  # fmt: skip
        data = lists[0] if len(lists) == 1 else [data]
    if not isinstance(data, list) or not any(isinstance(item, dict) for item in data):
        raise FormatError("JSON holding no articles (expected an array of objects)")
    for index, item in enumerate(data, 1):
        yield _from_record(item, fields, f"item {index}")


def _jsonl_documents(text: str, fields: Mapping[str, str]) -> Iterator[Document | Problem]:
    read = 0
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            if read == 0 and number == 1:
                raise FormatError(f"not JSON Lines (line 1: {exc.msg})") from exc
            yield Problem(f"line {number}", f"not JSON ({exc.msg})")
            continue
        except RecursionError:
            yield Problem(f"line {number}", _TOO_DEEP)
            continue
        read += 1
        yield _from_record(item, fields, f"line {number}")


def _from_record(item: Any, fields: Mapping[str, str], where: str) -> Document | Problem:
    if not isinstance(item, dict):
        return Problem(where, "not an object")
    found = {name: _field(item, name, fields) for name in FIELDS}
    text, partial = found["text"], False
    if not text:
        text, partial = found["summary"], True
    if not text:
        looked = fields.get("text") or ", ".join(DEFAULT_FIELDS["text"])
        return Problem(where, f"no article text (looked for {looked})")
    if _CUT.search(text):
        text, partial = _CUT.sub("", text), True
    if _HTML.search(text):
        text = html_text(text)
    meta = Metadata(found["title"], found["source"], found["author"], found["published"],
                    found["url"], partial)  # fmt: skip
    return Document(text, meta, where)


def _field(item: dict[str, Any], name: str, fields: Mapping[str, str]) -> str | None:
    """A field's value as text: the user's key for it, else the first default key present.
    Objects give their name (NewsAPI's {"source": {"name": ...}}), lists are joined."""
    keys = (fields[name],) if name in fields else DEFAULT_FIELDS[name]
    for key in keys:
        value: Any = item
        for part in key.split("."):
            value = _key(value, part) if isinstance(value, dict) else None
        if (shown := _as_text(value, name)) is not None:
            return shown
    return None


def _key(record: dict[str, Any], key: str) -> Any:
    """A record's value under a key, or under the key in other capitals ("Body")."""
    if key in record:
        return record[key]
    wanted = key.lower()
    return next((v for k, v in record.items() if isinstance(k, str) and k.lower() == wanted), None)


def _as_text(value: Any, name: str) -> str | None:
    if isinstance(value, dict):
        value = _key(value, "name") or _key(value, "title") or _key(value, "value")
    if isinstance(value, list):
        parts = [_as_text(v, name) for v in value]
        value = ", ".join(p for p in parts if p) or None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        if name != "published":
            return str(value)
        seconds = value / 1000 if value > 1e11 else value  # milliseconds, as JavaScript writes
        try:
            return datetime.fromtimestamp(seconds, UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    return text or None


def _feed_documents(text: str) -> Iterator[Document | Problem]:
    import feedparser

    feed = feedparser.parse(text, sanitize_html=True, resolve_relative_uris=False)
    broken = feed.get("bozo_exception") if isinstance(
        feed.get("bozo_exception"), SAXException) else None  # fmt: skip
    if not feed.version:
        raise FormatError("not an RSS or Atom feed" + (f" ({broken})" if broken else ""))
    if not feed.entries:
        raise FormatError("a feed with no entries" + (f" ({broken})" if broken else ""))
    if broken:
        yield Problem("feed", f"malformed XML ({broken}): read up to there")
    outlet = feed.feed.get("title")
    for index, entry in enumerate(feed.entries, 1):
        where = f"entry {index}"
        contents = [c.get("value", "") for c in entry.get("content", [])]
        full = max(contents, key=len, default="")
        partial = not full.strip()
        body = html_text(entry.get("summary", "") if partial else full)
        if not body.strip():
            yield Problem(where, "no text and no summary")
            continue
        source = (entry.get("source") or {}).get("title") or outlet
        meta = Metadata(
            entry.get("title"), source, entry.get("author"),
            entry.get("published") or entry.get("updated"), entry.get("link"), partial,
        )  # fmt: skip
        yield Document(body, meta, where)


class _TextOf(HTMLParser):
    """Text of an HTML fragment, a paragraph a line: feeds and APIs carry bodies as HTML."""

    BLOCKS = frozenset(
        "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table section article header "
        "footer figure figcaption pre hr".split()
    )
    SKIPPED = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:  # a line break in the source is a space; blocks break lines
            self.parts.append(re.sub(r"\s+", " ", data))


def html_text(fragment: str) -> str:
    """An HTML fragment as plain text, one paragraph a line."""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in clean_text("".join(parser.parts)).split("\n"))
    return "\n".join(line for line in lines if line)
