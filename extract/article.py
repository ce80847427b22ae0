"""An article's metadata and body from its raw text.

Real input carries page chrome ("Read Entire Article", app-install prompts), repeated titles,
bylines and date lines around the story. The body keeps the story's own lines, one paragraph
per line, joined by blank lines; every claim offset refers to that body.

The header is a block of lines at the top: the title line first, then any mix of
`Field: value` lines, URLs, date lines (whatever their shape), relative dates ("1 month
ago"), bylines, and lines that say something of the date but not one claimdiff can read
("(no date in stored copy)", a time alone). A header line not understood is passed over,
never taken for the start of the story: the block ends at the first line of the article's
own prose. Date lines, bylines and `Field:` lines are also taken from the first lines after
it, as pages put them under a standfirst. A URL is never body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from extract.dates import DateLine, numeric_date_order, read_date_line, relative_date
from extract.documents import Metadata
from extract.text import clean_text, one_line

_DATE_FIELDS = r"date|dated|published|first published|posted|written|created"
_DATE_FIELDS += r"|updated|last updated|modified|last modified"
_HEADER_FIELD = re.compile(
    rf"^(title|source|outlet|publisher|author|by|url|link|{_DATE_FIELDS})\s*(?:on|at)?\s*:\s*(.*)$",
    re.I,
)
_DATE_FIELD = re.compile(rf"^(?:{_DATE_FIELDS})$", re.I)
_URL_LINE = re.compile(r"^<?(?:https?://|www\.)\S+?>?$", re.I)
# A note standing alone in parentheses or brackets, with no figure that could be a claim:
# "(no date in stored copy)", "[Updated]". "(score at 90 mins 1-1)" is the story's own.
_NOTE = re.compile(r"^(?:\([^()\d]{1,80}\)|\[[^\[\]\d]{1,80}\])$")
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
HEADER_LINES = 8  # below the header block, dates, bylines and fields only among these lines


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
    text = clean_text(raw)
    fields: dict[str, str] = {}
    title = one_line(meta.title)  # lines repeating it are skipped, as a page repeats them
    author: str | None = None
    outlet: str | None = None
    dates: list[_Dated] = []  # header dates naming a year, in order
    undated: list[str] = []  # dates as written that name no day: "1 month ago", "2025-04"
    body: list[str] = []
    in_block = True  # in the header block: no line of the article's prose yet
    seen = 0  # non-blank lines looked at so far
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        seen += 1
        near_top = in_block or seen <= HEADER_LINES
        if near_top and (field := _HEADER_FIELD.match(line)):
            name, value = field.group(1).lower(), field.group(2).strip()
            if _DATE_FIELD.match(name):
                _note_date(line, value, dates, undated)
            elif value:
                fields.setdefault(name, value)
            continue
        if _URL_LINE.match(line):
            if near_top:
                fields.setdefault("url", line.strip("<>"))
            continue
        if _is_chrome(line):
            continue
        if not title:
            title = fields.get("title") or line
            if title == line:
                continue
        if line == title:
            continue  # titles repeated by the page layout
        if near_top:
            read = read_date_line(line)
            if read and (in_block or read.has_year):  # below the header, a date has a year
                _note_date(line, line, dates, undated, read)
                continue
            if not dates and not undated and (rel := relative_date(line)):
                undated.append(rel)
                continue
            if author is None and (byline := _BYLINE.match(line)):
                author = byline.group("who").strip()
                after = byline.group("outlet") or ""
                if read := read_date_line(after):  # "By Jane Doe | Sep 18, 2024"
                    _note_date(after, after, dates, undated, read)
                elif staff := _OUTLET_STAFF.match(after):
                    outlet = staff.group("outlet").strip()
                continue
        if in_block and _NOTE.match(line):
            continue
        in_block = False
        body.append(line)

    source = (
        one_line(meta.source) or fields.get("source") or fields.get("outlet")
        or fields.get("publisher") or outlet or fallback_source or "unknown"
    )  # fmt: skip
    url = one_line(meta.url) or fields.get("url") or fields.get("link")
    published, published_raw = _publication(text, dates, undated, source, url)
    if meta.published and (day := read_date_line(one_line(meta.published))) and day.day:
        published, published_raw = day.day, one_line(meta.published)
    return Article(
        title=title or fallback_source or "Untitled",
        body="\n\n".join(body),
        source=source,
        author=one_line(meta.author) or author or fields.get("author") or fields.get("by"),
        published=published,
        published_raw=published_raw,
        url=url,
        partial=meta.partial,
    )


class _Dated(NamedTuple):
    """A header date naming a year."""

    written: str  # as the article writes it: the line, or a field's value
    line: str  # the line it was read from, its labels with it
    read: DateLine


def _note_date(
    line: str,
    written: str,
    dates: list[_Dated],
    undated: list[str],
    read: DateLine | None = None,
) -> None:
    """Keep a header date: with its year for the publication, else as written."""
    read = read or read_date_line(line)
    if read and read.has_year:
        dates.append(_Dated(written, line, read))
    elif read and read.precision == "no year":
        undated.append(written)
    elif read is None and (rel := relative_date(written)):
        undated.append(rel)
    elif read is None and re.search(r"\d", written):
        undated.append(written)  # "Date: Q3 2024": not a date claimdiff reads, kept as written


def _publication(
    text: str,
    dates: list[_Dated],
    undated: list[str],
    source: str,
    url: str | None,
) -> tuple[date | None, str | None]:
    """The publication day and the date as written: the first header date naming a day.

    A numeric day and month that could be either way round ("10/01/2025") is read only
    where the page or its outlet says which comes first; a month ("2025-04") names no
    day. Either is kept as written.
    """
    order: bool | None = None
    looked = False  # the page is read for its order of numbers only when it matters
    for written, line, read in dates:
        if read.precision == "either":
            if not looked:
                order, looked = numeric_date_order(text, url, source), True
            if order is not None:
                read = read_date_line(line, order) or read
        if read.day:
            return read.day, written
    if dates:
        return None, dates[0].written
    return None, undated[0] if undated else None
