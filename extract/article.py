"""An article's metadata and body from its raw text.

Real input carries page chrome ("Read Entire Article", app-install prompts), repeated titles,
bylines and date lines around the story. The body keeps the story's own lines, one paragraph
per line, joined by blank lines; every claim offset refers to that body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extract.dates import parse_date_line, relative_date
from extract.documents import Metadata
from extract.text import clean_text, one_line

_HEADER_FIELD = re.compile(
    r"^(title|source|outlet|publisher|author|by|date|published|url|link)\s*:\s*(.+)$", re.I
)
_BYLINE = re.compile(r"^by\s+(?P<who>[^,|·]{2,60}?)(?:\s*[,|·]\s*(?P<outlet>.{2,60}))?$", re.I)
_OUTLET_STAFF = re.compile(
    r"^(?:the\s+)?(?P<outlet>.+?)\s+(?:staff|staff writer|reporter)s?$", re.I
)

# Whole lines that are page furniture, never story text.
_CHROME = re.compile(
    r"^(?:"
    r"read (?:the )?(?:entire|full|more|whole) (?:article|story)"
    r"|(?:image|photo|video|advertisement|ad|x|share|tweet|email|print|comments?|close|menu)"
    r"|get the news faster\.?|tap to install.*|install the .{1,40} app"
    r"|in (?:two|three|four|\d) easy steps:?|\d\.\s*tap\b.*|download (?:our|the) app.*"
    r"|subscribe\b.{0,60}|sign up\b.{0,60}|follow us\b.{0,60}|share (?:this|on)\b.{0,40}"
    r"|\(more .{1,60} stories\.?\)|skip to (?:main )?content|advertisement - scroll to continue"
    r")$",
    re.I,
)
HEADER_LINES = 8  # dates and bylines are looked for only among the first lines


@dataclass(frozen=True)
class Article:
    """What the reader shows about an article besides its claims."""

    title: str
    body: str
    source: str
    author: str | None = None
    published: date | None = None
    published_raw: str | None = None  # the date as written, kept even when not absolute
    url: str | None = None
    partial: bool = False  # a summary only: its source did not carry the whole text


def _is_chrome(line: str) -> bool:
    return bool(_CHROME.match(line))


def parse_article(raw: str, fallback_source: str = "", meta: Metadata | None = None) -> Article:
    """Split raw article text into title, metadata and body.

    `meta` is what the article's format said of it (a feed's title, an API's outlet): it
    wins over what the text's own lines say. `fallback_source` (usually the file or
    folder name) names the source when neither does; a file name is as untrusted as the
    text (it may hold escapes, even a newline).
    """
    meta = meta or Metadata()
    fallback_source = one_line(fallback_source)
    lines = [line.strip() for line in clean_text(raw).split("\n")]
    fields: dict[str, str] = {}
    title = one_line(meta.title)  # lines repeating it are skipped, as a page repeats them
    author: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_raw: str | None = None
    body: list[str] = []
    seen = 0  # non-blank lines looked at so far
    for line in lines:
        if not line:
            continue
        seen += 1
        in_header = seen <= HEADER_LINES
        if in_header and not body and (field := _HEADER_FIELD.match(line)):
            fields.setdefault(field.group(1).lower(), field.group(2).strip())
            continue
        if _is_chrome(line):
            continue
        if not title:
            title = fields.get("title") or line
            if title == line:
                continue
        if line == title:
            continue  # titles repeated by the page layout
        if in_header:
            if published is None and (day := parse_date_line(line)):
                published, published_raw = day, line
                continue
            if published_raw is None and (rel := relative_date(line)):
                published_raw = rel
                continue
            if author is None and (byline := _BYLINE.match(line)):
                author = byline.group("who").strip()
                staff = _OUTLET_STAFF.match(byline.group("outlet") or "")
                outlet = staff.group("outlet").strip() if staff else None
                continue
        body.append(line)

    if meta.published and (day := parse_date_line(one_line(meta.published))):
        published, published_raw = day, one_line(meta.published)
    for key in ("date", "published"):
        if published is None and key in fields:
            published = parse_date_line(fields[key])
            published_raw = fields[key]
    source = (
        one_line(meta.source) or fields.get("source") or fields.get("outlet")
        or fields.get("publisher") or outlet or fallback_source or "unknown"
    )  # fmt: skip
    return Article(
        title=title or fallback_source or "Untitled",
        body="\n\n".join(body),
        source=source,
        author=one_line(meta.author) or author or fields.get("author") or fields.get("by"),
        published=published,
        published_raw=published_raw,
        url=one_line(meta.url) or fields.get("url") or fields.get("link"),
        partial=meta.partial,
    )
