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
from store.removing import Removal, Selection, remove, restore_files, selection
from store.rows import (
    ArticleDetail,
    ArticleRow,
    ClaimRow,
    Count,
    EntityRow,
    GroupRow,
    GroupShown,
    NewArticle,
)
from store.schema import open_database, transaction, writing_error
from store.verdicts import Verdict, Verdicts
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
        self.verdicts = Verdicts(self.connections, self.grouper)
        self._groups = GroupReader(
            self.connections, self.planner, self._claims, self.grouper.ensure_grouped,
            self.verdicts.of_group_keys,
        )  # fmt: skip

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

    # ---- removing -------------------------------------------------------------------------

    def to_remove(self, sources: Iterable[str] = (), articles: Iterable[int] = ()) -> Selection:
        """The articles of those sources and those articles by id, with what each source
        would lose: what `remove` would take."""
        return selection(self.connections.fetch, frozenset(sources), frozenset(articles))

    def remove(self, chosen: Selection, keep: bool = False) -> Removal:
        """Take articles out with their claims, mentions and file hashes (store/removing.py),
        all or nothing; counts and groups follow. With `keep`, what went is kept to put
        back (`restore`), up to removing.KEPT_UP_TO articles."""
        try:
            with self.connections.lease() as conn, transaction(conn):
                removal = remove(conn, self.grouper, chosen, keep)
            self._writer.forget_names()
            self.planner.forget()
            self.connections.forget_searches()
            self.grouper.refresh_groups()  # stopped, it is taken up as an import's is
        except sqlite3.Error as exc:
            raise writing_error(self.path, exc) from exc
        return removal

    def restore(self, removal: Removal) -> int:
        """Put back what a removal kept, as an import of its rows: the articles return with
        their claims and mentions under new ids, and are grouped as new. Returns how many
        came back (one imported again meanwhile is there already)."""
        try:
            written = self._writer.add_articles([item for _, item in removal.kept])
            with self.connections.lease() as conn, transaction(conn):
                restore_files(conn, removal, written)
            self.planner.forget()
            self.grouper.refresh_groups()
        except sqlite3.Error as exc:
            raise writing_error(self.path, exc) from exc
        return sum(1 for article_id in written if article_id)

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

    def entity_type(self, entity_id: int) -> str | None:
        return self._entities.entity_type(entity_id)

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

    def group_shown(self, key: str, per_source: int, first: int) -> GroupShown | None:
        return self._groups.group_shown(key, per_source, first)

    def iter_groups(self, f: ClaimFilter = ClaimFilter()) -> Iterator[Group]:
        return self._groups.iter_groups(f)

    # ---- the analyst's judgement (store/verdicts.py) -------------------------------------

    def judge_claim(self, claim_id: int, verdict: str, note: str | None = None) -> Verdict:
        """A claim's verdict (`clear` takes it off) and note; UnknownError for no such claim
        or verdict. `not_a_claim` takes it out of its groups."""
        self.grouper.ensure_grouped()
        try:
            return self.verdicts.judge_claim(claim_id, verdict, note)
        except sqlite3.Error as exc:
            raise writing_error(self.path, exc) from exc

    def judge_group(self, group_key: str, verdict: str, note: str | None = None) -> Verdict:
        """A group's verdict and note, kept on the claims it holds."""
        self.grouper.ensure_grouped()
        try:
            return self.verdicts.judge_group(group_key, verdict, note)
        except sqlite3.Error as exc:
            raise writing_error(self.path, exc) from exc

    def take_out(self, claim_id: int) -> None:
        """Take a claim out of its group by hand, for good."""
        self.grouper.ensure_grouped()
        try:
            self.verdicts.take_out(claim_id)
        except sqlite3.Error as exc:
            raise writing_error(self.path, exc) from exc

    def merge_groups(self, group_key: str, into_key: str) -> str:
        """Put one group's claims into another by hand, for good; returns the merged id."""
        self.grouper.ensure_grouped()
        try:
            return self.verdicts.merge(group_key, into_key)
        except sqlite3.Error as exc:
            raise writing_error(self.path, exc) from exc

    def group_of(self, claim_id: int) -> str | None:
        return self.verdicts.group_of(claim_id)

    def claim_verdicts(self, claim_ids: Iterable[int]) -> dict[int, Verdict]:
        return self.verdicts.of_claims(claim_ids)

    def group_verdicts(self, group_keys: Iterable[str]) -> dict[str, Verdict]:
        return self.verdicts.of_group_keys(group_keys)
