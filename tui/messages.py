"""Messages that workers post to the screen (data down from the store) and that screens
post to the reader, as small dataclasses.

Messages are never compared or printed, so only their __init__ is generated: a dataclass's
__eq__ and __repr__ cost as much again to define, at every start of the reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from store import (
    ArticleDetail,
    ArticleRow,
    ClaimFilter,
    ClaimRow,
    Count,
    EntityRow,
    Group,
    GroupRow,
)
from store.removing import Removal
from store.verdicts import Verdict
from tui.state import ClaimPlace

LAST_PAGE = -1
COUNT_CAP = 10_000  # a list's rows are counted up to this; the title then says "10,000+"


@dataclass
class Page:
    """Where a page of rows sits in the whole list."""

    offset: int  # of the first row; LAST_PAGE for the last page, wherever that is
    count: Count  # of the rows the filter keeps, counted up to COUNT_CAP
    cursor: str | None = None  # "first" or "last": where the cursor goes on a new page


@dataclass(eq=False, repr=False)
class ArticlesLoaded(Message):
    rows: list[ArticleRow]
    filter: ClaimFilter
    page: Page


@dataclass(eq=False, repr=False)
class ArticleLoaded(Message):
    article: ArticleDetail | None
    found: list[tuple[int, int]]  # where the search finds words in its body


@dataclass(eq=False, repr=False)
class ClaimsLoaded(Message):
    rows: list[ClaimRow]
    filter: ClaimFilter
    page: Page
    sources: int  # of all the claims the filter keeps


@dataclass(eq=False, repr=False)
class EntitiesLoaded(Message):
    rows: list[EntityRow]
    page: Page
    sampled: Count | None = None  # when names were counted in a sample: the articles kept


@dataclass(eq=False, repr=False)
class Exported(Message):
    path: str
    rows: int
    noun: str  # what the rows are: "claims", "rows"
    error: str | None = None


@dataclass(eq=False, repr=False)
class GroupsLoaded(Message):
    rows: list[GroupRow]
    page: Page
    conflicts: int  # among all the groups the filter keeps


@dataclass(eq=False, repr=False)
class GroupsNotice(Message):
    """Why there are no groups to show yet: waiting for another writer, or they cannot be
    made (a read-only library with claims never grouped)."""

    text: str
    waiting: bool = False


@dataclass(eq=False, repr=False)
class GroupLoaded(Message):
    group: Group  # with the claims the view shows (store.rows.GroupShown)
    per_source: dict[str, int]  # how many claims each source has in it
    claims: int  # how many it has
    files: dict[str, str]  # a source named after its article's file: that file's name
    own: Verdict  # the group's verdict
    verdicts: dict[int, Verdict]  # its claims' that have one, by claim id


@dataclass(eq=False, repr=False)
class Judged(Message):
    """The analyst's verdict was kept, or a group made by hand (what to tell the user), or
    could not be (the reason): the lists showing it are read again."""

    said: str
    error: str | None = None
    keep: str | None = None  # the group to show next (a merge's)


@dataclass(eq=False, repr=False)
class LibraryGrew(Message):
    """Another process imported articles since the panes were read."""

    new: int
    latest: int


@dataclass(eq=False, repr=False)
class LibraryMarked(Message):
    """How far the library went when the panes were read: its newest article."""

    latest: int


@dataclass(eq=False, repr=False)
class ShowClaim(Message):
    """Open a claim in its article, at its sentence (the discrepancy view asks the reader)."""

    place: ClaimPlace


@dataclass(eq=False, repr=False)
class SourceRenamed(Message):
    """A source was renamed in the library (from the filter dialog): the names panes and
    dialog show follow."""

    old: str
    new: str
    count: int  # articles renamed
    sources: list[str]  # every source's name, after


@dataclass(eq=False, repr=False)
class Removed(Message):
    """Articles were taken out of the library (`delete`), or could not be (`error`)."""

    removal: Removal | None
    marked: frozenset[int] = frozenset()  # the marked claims still in the library
    latest: int = 0  # the newest article left (ids may be given again from there)
    error: str | None = None


@dataclass(eq=False, repr=False)
class Restored(Message):
    """What a removal took was put back (`u`), or could not be (`error`)."""

    removal: Removal
    articles: int  # put back
    latest: int = 0  # the newest article after: what came in is no news from elsewhere
    error: str | None = None


@dataclass(eq=False, repr=False)
class Opened(Message):
    """An article's address went to the browser, or could not (`why`)."""

    url: str
    why: str | None = None


@dataclass(eq=False, repr=False)
class ToCopy(Message):
    """Text to put on the clipboard, read from the library, and what to say of it."""

    text: str
    told: str
