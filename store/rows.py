"""Every row the library takes in and hands out, each defined once.

A row type's fields are its columns: an INSERT is made from the fields of the row written
(`insert`), and a SELECT from the fields of the row read, each field taken from the column
of its name or from an expression named for it (`select`), so the two can never fall out
of order. Adding a column to claims touches the schema (store/schema.py), the row types
here that carry it, and what shows it; nothing else.

Offsets are character offsets in the article's body, everywhere: `sentence_start` /
`start` where the claim's sentence begins, `span_start`/`span_end` for its figure (or
stance verb); extract.words.written(row) is the figure as its sentence writes it.

The rows are NamedTuples, not frozen dataclasses: the reader's start defines their classes,
and a frozen dataclass costs 0.55 ms to define against 0.08 ms.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import Any, NamedTuple

from extract.comparable import Group

LIST_SEPARATOR = "\x1f"  # joins names inside one SQL value; never part of article text


def insert(table: str, fields: tuple[str, ...]) -> str:
    """An INSERT of those columns, a placeholder each."""
    return f"INSERT INTO {table} ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})"


def select(row: type[tuple[Any, ...]], table: str, exprs: Mapping[str, str] | None = None) -> str:
    """The SELECT list of a row type: each field from `exprs`, else from the table's column
    of its name, in the row's order (so `row._make` reads it by name)."""
    exprs = exprs or {}
    fields: tuple[str, ...] = row._fields  # type: ignore[attr-defined]
    unknown = set(exprs) - set(fields)
    if unknown:
        raise ValueError(f"{row.__name__} has no field {', '.join(sorted(unknown))}")
    return ", ".join(
        f'{exprs[f]} AS "{f}"' if f in exprs else f'{table}."{f}" AS "{f}"' for f in fields
    )


def split_names(value: str | None) -> list[str]:
    """Names joined with LIST_SEPARATOR in one SQL value, as a sorted list."""
    return sorted(value.split(LIST_SEPARATOR)) if value else []


class Count(NamedTuple):
    """How many rows a filter keeps, counted no further than a cap: counting a long list
    costs more than reading a page of it, so past the cap a count says only "more than"."""

    rows: int  # exact, or the cap when there are more
    more: bool = False  # counting stopped at the cap: there are more than `rows`

    @classmethod
    def upto(cls, counted: int, cap: int | None) -> Count:
        """A count read with SQL's LIMIT cap + 1: one past the cap means more."""
        return cls(cap, True) if cap is not None and counted > cap else cls(counted)

    def beyond(self, rows: int) -> bool:
        """Whether the list goes on past its first `rows`."""
        return rows < self.rows or self.more

    def __str__(self) -> str:
        return f"{self.rows:,}+" if self.more else f"{self.rows:,}"


# ---- written by an import ----------------------------------------------------------------


class StoredArticle(NamedTuple):
    """An article's row as an import writes it."""

    content_hash: str  # of the cleaned text: the same article under another name is one
    path: str  # the file, and where in it for a file of many ("feed.jsonl#line 3")
    title: str
    source: str
    author: str | None
    published: str | None  # YYYY-MM-DD
    published_raw: str | None  # the date as written, kept even when not absolute
    url: str | None
    body: str
    imported_at: str
    partial: int  # 1: a summary only, its source did not carry the whole article


class StoredClaim(NamedTuple):
    """A claim's row as an import writes it (extract.Claim, stored)."""

    kind: str  # "quantity" or "statement"
    sentence: str
    sentence_start: int
    sentence_end: int
    span_start: int
    span_end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    concept: str | None
    hedge: str | None
    increment: int
    attributed_to: str | None
    stance: str | None
    said_on: str | None  # YYYY-MM-DD: the day the sentence dates its claim to
    article_published: str | None  # its article's date, for lists in that order


class StoredMention(NamedTuple):
    """A name's mention as an import writes it; its entity is resolved as it is written."""

    span_start: int
    span_end: int
    text: str
    name: str
    type: str


class NewArticle(NamedTuple):
    """An analysed file as the library stores it: plain rows, cheap to send from the
    processes that analyse to the one that writes."""

    path: str  # the file, and where in it for a file of many ("feed.jsonl#line 3")
    # Of the raw bytes: the same file again is skipped before analysis. Only a file's last
    # article carries it, so a file of many cut short by a stop is read again next time.
    file_hash: str | None
    content_hash: str  # of the cleaned text: the same article under another name is one
    article: StoredArticle
    claims: list[StoredClaim]
    mentions: list[StoredMention]


# ---- read by the reader and the exports --------------------------------------------------


def named_after_file(source: str, path: str | None) -> str | None:
    """The file an article is named after where no outlet was found for it (the import then
    calls its source by the file's name: "002_0d67" for 002_0d67.txt), else None.

    >>> named_after_file("002_0d67", "/story/002_0d67.txt")
    '002_0d67.txt'
    """
    if not path:
        return None
    file = PurePath(path.rsplit("#", 1)[0] if "#" in path else path)  # "feed.jsonl#line 3"
    return file.name if source in (file.stem, PurePath(path).stem) else None


class ArticleRow(NamedTuple):
    """An article as the articles pane lists it."""

    id: int
    title: str
    source: str
    published: str | None
    published_raw: str | None
    claims: int
    path: str | None = None  # the file it came from

    @property
    def file_named(self) -> str | None:
        """Its file's name, where its source is only that: no outlet is known."""
        return named_after_file(self.source, self.path)


class Span(NamedTuple):
    """A stretch of an article's text to highlight."""

    start: int
    end: int
    kind: str  # "figure", "figure-loose", "figure-bound", "statement" or an entity type
    ref: int | None = None  # the claim or entity id


class ArticleDetail(NamedTuple):
    """An article as the article pane shows it, with what to highlight."""

    id: int
    title: str
    source: str
    author: str | None
    published: str | None
    published_raw: str | None
    path: str | None
    body: str
    url: str | None = None
    partial: bool = False  # a summary only (a feed or an API that cut the text)
    spans: tuple[Span, ...] | list[Span] = ()

    @property
    def file_named(self) -> str | None:
        """Its file's name, where its source is only that: no outlet is known."""
        return named_after_file(self.source, self.path)


class ClaimRow(NamedTuple):
    """A claim as the claims pane lists it and the claims export writes it."""

    id: int
    article_id: int
    article_title: str
    source: str
    path: str | None  # its article's file: where its source is only that file's name
    published: str | None
    sentence: str
    start: int  # the sentence, in the body
    end: int
    span_start: int  # the figure, in the body
    span_end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    hedge: str | None
    attributed_to: str | None
    stance: str | None
    said_on: str | None  # the day the sentence dates the claim to ("on Thursday"), if any
    entities: list[str]
    verdict: str | None = None  # the analyst's (store/verdicts.py)
    note: str | None = None


class EntityRow(NamedTuple):
    """An entity as the entities pane lists it and the entities export writes it."""

    id: int
    name: str
    type: str
    aliases: list[str]
    mentions: int
    articles: int
    claims: int = 0  # claims whose sentence names it
    sources: int = 0  # sources of those claims
    conflicts: int = 0  # conflicting discrepancy groups holding such a claim


class GroupShown(NamedTuple):
    """A group as a view shows it (GroupReader.group_shown): some of its claims, and how
    many each source and the whole group have."""

    group: Group
    per_source: dict[str, int]
    claims: int
    files: dict[str, str]  # a source named after its article's file: that file's name


class GroupRow(NamedTuple):
    """A discrepancy group as a list shows it; Library.group reads its claims."""

    key: str
    topic: str
    status: str
    soft: bool
    explanation: str
    sources: int
    claims: int
    story: list[str]  # its first claim's article's story names: which story, in a large library
    verdict: str | None = None  # the analyst's (store/verdicts.py)
    note: str = ""
