"""Messages that workers post to the screen: data down from the store, as small dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from store import ArticleDetail, ArticleRow, ClaimFilter, ClaimRow, EntityRow, Group


@dataclass
class ArticlesLoaded(Message):
    rows: list[ArticleRow]
    filter: ClaimFilter


@dataclass
class ArticleLoaded(Message):
    article: ArticleDetail | None


@dataclass
class ClaimsLoaded(Message):
    rows: list[ClaimRow]
    filter: ClaimFilter


@dataclass
class EntitiesLoaded(Message):
    rows: list[EntityRow]


@dataclass
class Exported(Message):
    path: str
    rows: int
    noun: str  # what the rows are: "claims", "rows"
    error: str | None = None


@dataclass
class GroupsLoaded(Message):
    groups: list[Group]
