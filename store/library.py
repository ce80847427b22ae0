"""The library: one SQLite file of articles, claims, entities and mentions, and the one
object the reader and the command line hold.

Each question goes to the part that answers it, and each part reads alone:
connections (store/connections.py), writing an import (store/writing.py), a reader for
each pane (store/reading.py), grouping (store/grouping.py). The file is opened, created
or migrated by store/schema.py; every row it hands out is defined in store/rows.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from extract.comparable import Group
from extract.text import one_line
from store.connections import Connections
from store.filtering import ClaimFilter, Planner
from store.grouping import Grouper
from store.reading import ArticleReader, ClaimReader, EntityReader, GroupReader
from store.rows import (
    ArticleDetail,
    ArticleRow,
    ClaimRow,
    Count,
    EntityRow,
    GroupRow,
    NewArticle,
)
from store.schema import open_database, writing_error
from store.writing import Writer


class Library:
    """Reads and writes one library file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        first, read_only = open_database(self.path)  # creates or checks it, or raises
        self.connections = Connections(self.path, read_only, first)
        self.planner = Planner(self.connections.fetch, self.connections.holds)
        self._articles = ArticleReader(self.connections, self.planner)
        self._claims = ClaimReader(self.connections, self.planner)
        self._entities = EntityReader(self.connections, self.planner)
        self._writer = Writer(self.connections)
        self.grouper = Grouper(
            self.connections, self._claims.comparables, lambda: self._articles.counts()["articles"]
        )
        self._groups = GroupReader(
            self.connections, self.planner, self._claims, self.grouper.ensure_grouped
        )

    @property
    def read_only(self) -> bool:
        return self.connections.read_only

    def close(self) -> None:
        self.connections.close()

    # ---- an import ------------------------------------------------------------------------

    def file_hashes(self) -> set[str]:
        return self._writer.file_hashes()

    def add_articles(self, batch: Sequence[NewArticle]) -> list[int | None]:
        return self._writer.add_articles(batch)

    def refresh_groups(self, progress: Callable[[int, int], None] | None = None) -> int:
        return self.grouper.refresh_groups(progress)

    def rename_source(self, old: str, new: str) -> int:
        """Call a source by another name (an outlet the files named "bbc-news-2024", or two
        spellings of one outlet, merged by giving both one name). Returns the articles
        renamed. Groups that count or name the source are made again from their claims."""
        new = one_line(new)  # a name is as untrusted as any text
        if not new:
            raise ValueError("a source needs a name")
        try:
            articles = self._writer.rename_source(old, new)
            self.planner.forget()  # its counts by source are the old names'
            self.grouper.regroup_articles(articles)
        except sqlite3.Error as exc:
            raise writing_error(self.path, exc) from exc
        return len(articles)

    # ---- the panes ------------------------------------------------------------------------

    def warm(self) -> None:
        """Count what filters are planned by (see Planner.warm), ahead of the first filter."""
        self.planner.warm()

    def articles(
        self, f: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0
    ) -> list[ArticleRow]:
        return self._articles.articles(f, limit, offset)

    def count_articles(self, f: ClaimFilter = ClaimFilter(), cap: int | None = None) -> Count:
        return self._articles.count_articles(f, cap)

    def article(self, article_id: int) -> ArticleDetail | None:
        return self._articles.article(article_id)

    def found(self, article_id: int, query: str) -> list[tuple[int, int]]:
        return self._articles.found(article_id, query)

    def article_refs(self, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        return self._articles.article_refs(ids)

    def counts(self) -> dict[str, int]:
        return self._articles.counts()

    def unsigned_articles(self) -> int:
        return self._articles.unsigned_articles()

    def latest(self) -> int:
        return self._articles.latest()

    def articles_after(self, article_id: int) -> int:
        return self._articles.articles_after(article_id)

    def sources(self) -> list[str]:
        return self._articles.sources()

    def source_counts(self) -> list[tuple[str, int]]:
        return self._articles.source_counts()

    def claims(
        self, f: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0
    ) -> list[ClaimRow]:
        return self._claims.claims(f, limit, offset)

    def claims_first_page(
        self, f: ClaimFilter, limit: int, cap: int
    ) -> tuple[list[ClaimRow], Count, int]:
        return self._claims.claims_first_page(f, limit, cap)

    def count_claims(
        self, f: ClaimFilter = ClaimFilter(), cap: int | None = None
    ) -> tuple[Count, int]:
        return self._claims.count_claims(f, cap)

    def entities(
        self, f: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0
    ) -> list[EntityRow]:
        return self._entities.entities(f, limit, offset)

    def count_entities(self, f: ClaimFilter = ClaimFilter()) -> int:
        return self._entities.count_entities(f)

    def entities_page(
        self, f: ClaimFilter, limit: int, offset: int = 0
    ) -> tuple[list[EntityRow], int]:
        return self._entities.entities_page(f, limit, offset)

    def find_entity(self, name: str) -> int | None:
        return self._entities.find_entity(name)

    # ---- groups ---------------------------------------------------------------------------

    def grouping_pending(self) -> bool:
        return self.grouper.grouping_pending()

    def writer_busy(self) -> bool:
        return self._groups.writer_busy()

    def group_rows(
        self, f: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0
    ) -> list[GroupRow]:
        return self._groups.group_rows(f, limit, offset)

    def count_groups(self, f: ClaimFilter = ClaimFilter()) -> tuple[int, int]:
        return self._groups.count_groups(f)

    def group(self, key: str) -> Group | None:
        return self._groups.group(key)

    def iter_groups(self, f: ClaimFilter = ClaimFilter()) -> Iterator[Group]:
        return self._groups.iter_groups(f)
