"""The library: one SQLite file of articles, claims, entities and mentions.

Each thread gets its own connection (Textual runs queries in thread workers), all with WAL so
the reader keeps reading while an import writes. Every query takes its values as parameters.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
from bisect import bisect_left
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from extract.comparable import Comparable, Group, Place, claim_order
from extract.text import one_line
from store.filtering import TEMP_TABLES, ClaimFilter, Planner
from store.grouping import GROUP_ORDER_SQL, Grouping
from store.schema import (
    BUSY_SECONDS,
    LibraryError,
    connect,
    open_database,
    transaction,
    writing_error,
)

if TYPE_CHECKING:
    from extract import Analysis
    from extract.resolve import Resolver

LIST_SEPARATOR = "\x1f"  # joins names inside one SQL value; never part of article text

ARTICLE_COLUMNS = ("content_hash", "path", "title", "source", "author", "published",
                   "published_raw", "url", "body", "imported_at", "partial")  # fmt: skip
CLAIM_COLUMNS = ("kind", "sentence", "sentence_start", "sentence_end", "span_start", "span_end",
                 "value", "low", "high", "unit", "concept", "hedge", "increment",
                 "attributed_to", "stance", "said_on", "article_published")  # fmt: skip
MENTION_COLUMNS = ("span_start", "span_end", "text", "name", "type")
_MENTION_START, _MENTION_END, _MENTION_NAME, _MENTION_TYPE = (
    MENTION_COLUMNS.index(c) for c in ("span_start", "span_end", "name", "type")
)
_CLAIM_START, _CLAIM_END = (CLAIM_COLUMNS.index(c) for c in ("sentence_start", "sentence_end"))


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_INSERT_ARTICLE = _insert("articles", ARTICLE_COLUMNS)
_INSERT_CLAIM = _insert("claims", ("article_id", *CLAIM_COLUMNS))
_INSERT_MENTION = _insert("mentions", ("article_id", *MENTION_COLUMNS, "entity_id"))
ENTITY_SAMPLE = 2000  # articles a filtered entities pane counts names in
_GROUPS_READ = 200  # groups read with their claims at a time
_INSERT_FILE = "INSERT OR IGNORE INTO files (hash, article_id) VALUES (?, ?)"

# The rows the library hands out are NamedTuples, not frozen dataclasses: the reader's start
# defines their classes, and a frozen dataclass costs 0.55 ms to define against 0.08 ms.


class NewArticle(NamedTuple):
    """An analysed file as the library stores it: plain rows, cheap to send from the
    processes that analyse to the one that writes."""

    path: str  # the file, and where in it for a file of many ("feed.jsonl#line 3")
    # Of the raw bytes: the same file again is skipped before analysis. Only a file's last
    # article carries it, so a file of many cut short by a stop is read again next time.
    file_hash: str | None
    content_hash: str  # of the cleaned text: the same article under another name is one
    article: tuple[Any, ...]  # ARTICLE_COLUMNS
    claims: list[tuple[Any, ...]]  # CLAIM_COLUMNS
    mentions: list[tuple[Any, ...]]  # MENTION_COLUMNS


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


class Written(NamedTuple):
    """An article as add_articles wrote it: its id and its claims' ids."""

    article_id: int
    claim_ids: range
    item: NewArticle


def new_article(
    path: str, file_hash: str | None, content_hash: str, analysis: Analysis
) -> NewArticle:
    """The rows of one analysed article."""
    a = analysis.article
    published = a.published.isoformat() if a.published else None
    return NewArticle(
        path=path,
        file_hash=file_hash,
        content_hash=content_hash,
        article=(
            content_hash,
            path,
            a.title,
            a.source,
            a.author,
            published,
            a.published_raw,
            a.url,
            a.body,
            datetime.now(UTC).isoformat(timespec="seconds"),
            int(a.partial),
        ),
        claims=[
            (
                c.kind,
                c.sentence,
                c.sentence_start,
                c.sentence_end,
                c.span_start,
                c.span_end,
                c.value,
                c.low,
                c.high,
                c.unit,
                c.concept,
                c.hedge,
                int(c.increment),
                c.attributed_to,
                c.stance,
                c.said_on.isoformat() if c.said_on else None,
                published,
            )
            for c in analysis.claims
        ],
        mentions=[(m.start, m.end, m.text, m.name, m.type) for m in analysis.mentions],
    )


class ArticleRow(NamedTuple):
    id: int
    title: str
    source: str
    published: str | None
    published_raw: str | None
    claims: int


class Span(NamedTuple):
    start: int
    end: int
    kind: str  # "figure", "figure-loose", "figure-bound", "statement" or an entity type
    ref: int | None = None  # the claim or entity id


class ArticleDetail(NamedTuple):
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


class ClaimRow(NamedTuple):
    id: int
    article_id: int
    article_title: str
    source: str
    published: str | None
    sentence: str
    start: int
    end: int
    span_start: int
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


class EntityRow(NamedTuple):
    id: int
    name: str
    type: str
    aliases: list[str]
    mentions: int
    articles: int
    claims: int = 0  # claims whose sentence names it
    sources: int = 0  # sources of those claims
    conflicts: int = 0  # conflicting discrepancy groups holding such a claim


def _split(value: str | None) -> list[str]:
    return sorted(value.split(LIST_SEPARATOR)) if value else []


class Library(Grouping):
    """Reads and writes one library file.

    Connections come from a small pool: Textual runs each query in a fresh worker thread,
    and a connection per thread would leave one open file per keystroke until the garbage
    collector found it. A connection serves one thread at a time and goes back to the pool.
    """

    POOL_SIZE = 4
    TEMP_TABLES_KEPT = 8  # searches whose matches a connection holds (filtering.TEMP_TABLES)

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        # Last in, first out: a pane's count and page, asked one after the other, meet the
        # same connection and the search matches it already holds.
        self._idle: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._all: list[sqlite3.Connection] = []
        self._temps: dict[sqlite3.Connection, OrderedDict[str, None]] = {}
        self._lock = threading.Lock()
        self._pinned_here = threading.local()  # the connection a thread is pinned to (_pinned)
        self._resolver: Resolver | None = None  # the library's names, once an import starts
        self._resolved_up_to = 0  # the last mention the resolver knows: else it is rebuilt
        self._planner = Planner(self._fetch)
        first, self.read_only = open_database(self.path)  # creates or checks it, or raises
        self._all.append(first)
        self._idle.put(first)

    @contextmanager
    def _lease(self) -> Iterator[sqlite3.Connection]:
        pinned = getattr(self._pinned_here, "db", None)
        if pinned is not None:  # this thread reads through one connection for now
            yield pinned
            return
        try:
            db = self._idle.get_nowait()
        except queue.Empty:
            db = connect(self.path, self.read_only)
            with self._lock:
                self._all.append(db)
        try:
            yield db
        finally:
            if self._idle.qsize() < self.POOL_SIZE:
                self._idle.put(db)
            else:
                with self._lock:
                    self._all.remove(db)
                    self._temps.pop(db, None)
                db.close()

    @contextmanager
    def _pinned(self) -> Iterator[sqlite3.Connection]:
        """Every read and write of this thread through one connection while it lasts, so
        that they can use the temporary tables made on it."""
        with self._lease() as db:
            outer, self._pinned_here.db = getattr(self._pinned_here, "db", None), db
            try:
                yield db
            finally:
                self._pinned_here.db = outer

    def close(self) -> None:
        with self._lock:
            for db in self._all:
                db.close()
            self._all.clear()
            self._temps.clear()

    def _rows(self, sql: str, params: dict[str, Any] | tuple[Any, ...] = ()) -> list[Any]:
        with self._lease() as db:
            self._make_temps(db, params)
            cursor = db.execute(sql, params)
            columns = [c[0] for c in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor]

    def _fetch(self, sql: str, params: dict[str, Any] | tuple[Any, ...] = ()) -> list[Any]:
        with self._lease() as db:
            self._make_temps(db, params)
            return db.execute(sql, params).fetchall()

    def _make_temps(self, db: sqlite3.Connection, params: dict[str, Any] | tuple[Any, ...]) -> None:
        """Give this connection the search matches the query reads (see filtering.py),
        keeping the last few: a search asked again, or paged, reads them at once."""
        wanted = params.get(TEMP_TABLES) if isinstance(params, dict) else None
        if not wanted:
            return
        with self._lock:
            held = self._temps.setdefault(db, OrderedDict())
        for name, (fts, match) in wanted.items():
            if name in held:
                held.move_to_end(name)
                continue
            db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (id INTEGER PRIMARY KEY)")
            db.execute(f"DELETE FROM temp.{name}")
            db.execute(f"INSERT INTO temp.{name} SELECT rowid FROM {fts} WHERE {fts} MATCH ?",
                       (match,))  # fmt: skip
            held[name] = None
            self._planner.held.add(name)  # the next query of this search reads it
            while len(held) > self.TEMP_TABLES_KEPT:
                old, _ = held.popitem(last=False)
                db.execute(f"DROP TABLE IF EXISTS temp.{old}")

    # ---- writing -------------------------------------------------------------------------

    def file_hashes(self) -> set[str]:
        """The raw-bytes hash of every file imported so far."""
        return {row[0] for row in self._fetch("SELECT hash FROM files")}

    def add_articles(self, batch: Sequence[NewArticle]) -> list[int | None]:
        """Store analysed articles with their claims and mentions, in one transaction.

        Names are resolved against the library's entities as they are written, and each
        entity's counts move with them, so no later pass over every mention is needed.
        Returns each article's id, or None where the library already held the same text
        (imported under another name, or by another writer first). Plain executemany, not
        sqlite-utils' insert_all: rows arrive ready from the analysing processes and
        dict-building cost a third of the write time.
        """
        ids: list[int | None] = []
        with self._lease() as conn, transaction(conn):
            from extract.resolve import Resolver  # the reader never writes: loaded when needed

            # Another process (a second import) may have written names since: then the
            # resolver is read again, or the two would make one entity twice.
            (mentions_now,) = conn.execute("SELECT coalesce(max(id), 0) FROM mentions").fetchone()
            if mentions_now != self._resolved_up_to:
                self._resolver = None
            resolver = self._resolver or Resolver(
                conn.execute("SELECT key, name, type FROM entities").fetchall(),
                conn.execute(
                    "SELECT DISTINCT e.key, s.name FROM entity_spellings s "
                    "JOIN entities e ON e.id = s.entity_id"
                ).fetchall(),
            )
            self._resolver = None  # until its entities are committed
            # Rowids count on from the largest inside this transaction: claim ids are known
            # without asking for each.
            last_claim = conn.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
            first_claim = last_claim
            (last_article,) = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()
            written: list[Written] = []
            for item in batch:
                stored = conn.execute(
                    "SELECT id FROM articles WHERE content_hash = ?", (item.content_hash,)
                ).fetchone()
                if stored:
                    ids.append(None)
                    if item.file_hash:
                        conn.execute(_INSERT_FILE, (item.file_hash, stored[0]))
                    continue
                article_id = conn.execute(_INSERT_ARTICLE, item.article).lastrowid
                assert article_id is not None
                conn.executemany(_INSERT_CLAIM, [(article_id, *c) for c in item.claims])
                if item.file_hash:
                    conn.execute(_INSERT_FILE, (item.file_hash, article_id))
                claim_ids = range(last_claim + 1, last_claim + 1 + len(item.claims))
                last_claim += len(item.claims)
                written.append(Written(article_id, claim_ids, item))
                ids.append(article_id)
            stored_last = conn.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
            if stored_last != last_claim:
                raise sqlite3.DatabaseError("claim ids were not given in order")
            # The batch's text, indexed in one statement a table (see schema._BATCH_FULL_TEXT).
            conn.execute(
                "INSERT INTO articles_fts (rowid, title, body) "
                "SELECT id, title, body FROM articles WHERE id > ?",
                (last_article,),
            )
            conn.execute(
                "INSERT INTO claims_fts (rowid, sentence) SELECT id, sentence FROM claims "
                "WHERE id > ?",
                (first_claim,),
            )
            self._write_mentions(conn, resolver, written)
            (last_mention,) = conn.execute("SELECT coalesce(max(id), 0) FROM mentions").fetchone()
        self._resolver = resolver  # only once its entities are committed
        self._resolved_up_to = last_mention
        return ids

    def _write_mentions(
        self, conn: sqlite3.Connection, resolver: Resolver, written: list[Written]
    ) -> None:
        """Mentions with their entities, and what each entity's counts gain from them.
        Entities the new names show to be one are merged first; every entity touched is
        named and typed again from all its spellings' counts, so that neither depends on
        the order articles came in."""
        counts: Counter[tuple[str, str, str]] = Counter(
            (str(w.article_id), m[_MENTION_NAME], m[_MENTION_TYPE])
            for w in written
            for m in w.item.mentions
        )
        found = resolver.add((a, n, t, c) for (a, n, t), c in counts.items())
        for absorbed, into in sorted(found.merges.items()):
            self._merge_entities(conn, absorbed, into)
        entities, assignment = found.entities, found.assignment
        conn.executemany(
            "INSERT INTO entities (key, name, type) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING",
            [(e.key, e.name, e.type) for e in entities],
        )
        entity_id = dict(
            conn.execute(
                "SELECT key, id FROM entities WHERE key IN (SELECT value FROM json_each(?))",
                (json.dumps([e.key for e in entities]),),
            ).fetchall()
        )
        rows = []
        spellings: Counter[tuple[int, str, str]] = Counter()
        named: set[tuple[int, int]] = set()  # (entity, claim): the claim's sentence names it
        sources: set[tuple[int, str]] = set()
        gained: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])  # mentions, articles, claims
        for w in written:
            in_article: set[int] = set()
            source = w.item.article[ARTICLE_COLUMNS.index("source")]
            located: list[tuple[int, int, int]] = []  # (start, end, entity) of each mention
            for m in w.item.mentions:
                key = assignment.get((str(w.article_id), m[_MENTION_NAME]))
                entity = entity_id[key] if key else None
                rows.append((w.article_id, *m, entity))
                if entity is None:
                    continue
                spellings[(entity, m[_MENTION_NAME], m[_MENTION_TYPE])] += 1
                gained[entity][0] += 1
                if entity not in in_article:
                    in_article.add(entity)
                    gained[entity][1] += 1
                located.append((m[_MENTION_START], m[_MENTION_END], entity))
            located.sort()
            for claim_id, claim in zip(w.claim_ids, w.item.claims, strict=True):
                start, end = claim[_CLAIM_START], claim[_CLAIM_END]  # the claim's sentence
                for at in range(bisect_left(located, (start,)), len(located)):
                    m_start, m_end, entity = located[at]  # by index: islice would step there
                    if m_start >= end:
                        break
                    if m_end <= end:  # a name the sentence holds whole
                        if (entity, claim_id) not in named:
                            named.add((entity, claim_id))
                            gained[entity][2] += 1
                        sources.add((entity, source))
        conn.executemany(_INSERT_MENTION, rows)
        conn.executemany(
            "INSERT INTO entity_spellings VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE "
            "SET mentions = mentions + excluded.mentions",
            [(*key, n) for key, n in sorted(spellings.items())],
        )
        conn.executemany("INSERT INTO claim_entities VALUES (?, ?)", sorted(named))
        conn.executemany("INSERT OR IGNORE INTO entity_sources VALUES (?, ?)", sorted(sources))
        conn.executemany(
            "UPDATE entities SET mentions = mentions + ?, articles = articles + ?, "
            "claims = claims + ?, sources = (SELECT count(*) FROM entity_sources "
            "WHERE entity_id = entities.id) WHERE id = ?",
            [(*gain, entity) for entity, gain in gained.items()],
        )
        self._rename_entities(conn, resolver, set(gained))

    def _rename_entities(
        self, conn: sqlite3.Connection, resolver: Resolver, touched: set[int]
    ) -> None:
        """Name and type each touched entity from the counts of all its spellings."""
        from extract.resolve import canonical_name, entity_type

        names: dict[int, Counter[str]] = defaultdict(Counter)
        types: dict[int, Counter[str]] = defaultdict(Counter)
        for entity, name, type_, n in conn.execute(
            "SELECT entity_id, name, type, mentions FROM entity_spellings "
            "WHERE entity_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(touched)),),
        ):
            names[entity][name] += n
            types[entity][type_] += n
        known = {
            entity: (key, name, type_)
            for entity, key, name, type_ in conn.execute(
                "SELECT id, key, name, type FROM entities WHERE id IN "
                "(SELECT value FROM json_each(?))",
                (json.dumps(sorted(names)),),
            )
        }
        changed = []
        for entity, (key, name, type_) in known.items():
            now = (canonical_name(names[entity]), entity_type(types[entity]))
            if now != (name, type_):
                changed.append((*now, entity))
                resolver.renamed(key, *now)
        conn.executemany("UPDATE entities SET name = ?, type = ? WHERE id = ?", changed)

    def _merge_entities(self, conn: sqlite3.Connection, absorbed: str, into: str) -> None:
        """One entity takes over another's mentions, spellings and counts: a name in the
        new articles showed the two are one ("Gabriel Heinze" between two spellings)."""
        ids = dict(conn.execute("SELECT key, id FROM entities WHERE key IN (?, ?)",
                                (absorbed, into)).fetchall())  # fmt: skip
        if len(ids) < 2:
            return
        old, new = ids[absorbed], ids[into]
        conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (new, old))
        conn.execute(
            "INSERT INTO entity_spellings SELECT ?, name, type, mentions FROM entity_spellings "
            "WHERE entity_id = ? ON CONFLICT DO UPDATE SET mentions = mentions + "
            "excluded.mentions",
            (new, old),
        )
        for table, column in (("claim_entities", "claim_id"), ("entity_sources", "source"),
                              ("cluster_entities", "cluster")):  # fmt: skip
            conn.execute(
                f"INSERT OR IGNORE INTO {table} (entity_id, {column}) SELECT ?, {column} "
                f"FROM {table} WHERE entity_id = ?",
                (new, old),
            )
        for table in ("entity_spellings", "claim_entities", "entity_sources", "cluster_entities"):
            conn.execute(f"DELETE FROM {table} WHERE entity_id = ?", (old,))
        conn.execute("DELETE FROM entities WHERE id = ?", (old,))
        conn.execute(
            "UPDATE entities SET "
            "mentions = (SELECT coalesce(sum(mentions), 0) FROM entity_spellings "
            "WHERE entity_id = :e), "
            "articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id = :e), "
            "claims = (SELECT count(*) FROM claim_entities WHERE entity_id = :e), "
            "sources = (SELECT count(*) FROM entity_sources WHERE entity_id = :e), "
            "conflicts = (SELECT count(*) FROM cluster_entities ce JOIN claim_groups g "
            "ON g.cluster = ce.cluster AND g.status = 'conflict' WHERE ce.entity_id = :e) "
            "WHERE id = :e",
            {"e": new},
        )

    # ---- reading -------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {
            table: self._fetch(f"SELECT count(*) FROM {table}")[0][0]
            for table in ("articles", "claims", "entities", "mentions")
        }

    def unsigned_articles(self) -> int:
        """Articles written but not yet given their story names: since the last grouping."""
        return int(self._fetch(
            "SELECT count(*) FROM articles INDEXED BY idx_articles_unsigned WHERE story IS NULL"
        )[0][0])  # fmt: skip

    def latest(self) -> int:
        """The newest article's id: it grows whenever anything is imported, by any process,
        and costs one index seek to ask."""
        return int(self._fetch("SELECT coalesce(max(id), 0) FROM articles")[0][0])

    def articles_after(self, article_id: int) -> int:
        """How many articles came in after that one."""
        return int(self._fetch("SELECT count(*) FROM articles WHERE id > ?", (article_id,))[0][0])

    def sources(self) -> list[str]:
        """Every source in the library, for choosing among them."""
        return [r[0] for r in self._fetch("SELECT DISTINCT source FROM articles ORDER BY 1")]

    def source_counts(self) -> list[tuple[str, int]]:
        """Every source with how many articles it has, by name."""
        return [
            (source, count)
            for source, count in self._fetch(
                "SELECT source, count(*) FROM articles INDEXED BY idx_articles_source_order "
                "GROUP BY source ORDER BY source"
            )
        ]

    def rename_source(self, old: str, new: str) -> int:
        """Call a source by another name (an outlet the files named "bbc-news-2024", or two
        spellings of one outlet, merged by giving both one name). Returns the articles
        renamed. Groups that count or name the source are made again from their claims."""
        new = one_line(new)  # a name is as untrusted as any text
        if not new:
            raise ValueError("a source needs a name")
        try:
            return self._rename_source(old, new)
        except sqlite3.Error as exc:
            raise writing_error(self.path, exc) from exc

    def _rename_source(self, old: str, new: str) -> int:
        with self._lease() as conn, transaction(conn):
            articles = [
                r[0] for r in conn.execute("SELECT id FROM articles WHERE source = ?", (old,))
            ]
            if new == old or not articles:
                return len(articles)  # nothing to rename
            conn.execute("UPDATE articles SET source = ? WHERE source = ?", (new, old))
            named = conn.execute(
                "SELECT json_group_array(entity_id) FROM entity_sources WHERE source = ?", (old,)
            ).fetchone()[0]
            conn.execute(
                "UPDATE OR IGNORE entity_sources SET source = ? WHERE source = ?", (new, old)
            )
            conn.execute("DELETE FROM entity_sources WHERE source = ?", (old,))
            conn.execute(
                "UPDATE entities SET sources = (SELECT count(*) FROM entity_sources "
                "WHERE entity_id = entities.id) WHERE id IN (SELECT value FROM json_each(?))",
                (named,),
            )
        self._planner = Planner(self._fetch)  # its counts by source are the old names'
        self.regroup_articles(articles)
        return len(articles)

    def claims(
        self, f: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0
    ) -> list[ClaimRow]:
        """Claims matching the filter, by article date then position in the article; a
        page of `limit` from `offset` when a pane shows a page. The page's ids come from
        indexes; only its rows are read whole."""
        # A page past the first: the user is paging a search, whose matches are then held.
        q = self._planner.claims(f, None if limit is None else offset + limit, hold=offset > 0)
        page = (
            f"SELECT c.id FROM claims c {q.index} WHERE {q.where} ORDER BY {q.order} "
            "LIMIT :limit OFFSET :offset"
        )
        params = {**q.params, "limit": -1 if limit is None else limit, "offset": offset}
        return self._claim_rows(page, q.order, params)

    def warm(self) -> None:
        """Count what filters are planned by (see Planner.warm), ahead of the first filter."""
        self._planner.warm()

    def claims_first_page(
        self, f: ClaimFilter, limit: int, cap: int
    ) -> tuple[list[ClaimRow], int, int]:
        """A new list's first page with its count, stopping past `cap` (as count_claims).

        Where counting reads the filter's matches, the page is found among them instead of
        reading them again (a search with a source: 28 ms to count, 33 more to page)."""
        if f.is_empty:
            claims, sources = self.count_claims(f, cap)
            return self.claims(f, limit), claims, sources
        claims, sources, page = self._counted(f, cap + 1, limit)
        if page is None:
            return self.claims(f, limit), claims, sources
        ids = json.dumps(page)
        rows = self._claim_rows(
            "SELECT value AS id, key AS n FROM json_each(:ids)", "page.n", {"ids": ids}
        )
        return rows, claims, sources

    def _claim_rows(self, page: str, order: str, params: dict[str, Any]) -> list[ClaimRow]:
        """Whole rows for a page of claim ids (`page` selects them as `id`), in `order`."""
        sql = f"""
            SELECT c.id, c.article_id, a.title AS article_title, a.source, a.published,
                   c.sentence, c.sentence_start AS start, c.sentence_end AS "end",
                   c.span_start, c.span_end, c.kind, c.value, c.low, c.high, c.unit, c.hedge,
                   c.attributed_to, c.stance, c.said_on,
                   (SELECT group_concat(e.name, :sep) FROM claim_entities ce
                    JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id = c.id) AS entities
            FROM ({page}) page
            CROSS JOIN claims c ON c.id = page.id JOIN articles a ON a.id = c.article_id
            ORDER BY {order}
        """
        # Positional: the columns come in ClaimRow's order (a page of 1,000 builds in half
        # the time it takes through a dict of each row).
        rows = self._fetch(sql, {**params, "sep": LIST_SEPARATOR})
        return [ClaimRow(*row[:-1], _split(row[-1])) for row in rows]

    def _sources_of(self, articles: set[int]) -> int:
        """How many sources these articles come from."""
        return int(
            self._fetch(
                "SELECT count(DISTINCT source) FROM articles WHERE id IN "
                "(SELECT value FROM json_each(?))",
                (json.dumps(sorted(articles)),),
            )[0][0]
        )

    def count_claims(
        self, f: ClaimFilter = ClaimFilter(), cap: int | None = None
    ) -> tuple[int, int]:
        """How many claims the filter keeps, and from how many sources; with a cap, counting
        stops past it (cap + 1 means "more than cap", and sources are not counted)."""
        if cap is None or f.is_empty:
            q = self._planner.claims(f, ordered=False)
            sql = (
                f"SELECT count(*), count(DISTINCT a.source) FROM (SELECT c.article_id "
                f"FROM claims c {q.index} WHERE {q.where}) JOIN articles a ON a.id = article_id"
            )
            claims, sources = self._fetch(sql, q.params)[0]
            return claims, sources
        claims, sources, _ = self._counted(f, cap + 1)
        return claims, sources

    def _counted(
        self, f: ClaimFilter, wanted: int, limit: int = 0
    ) -> tuple[int, int, list[int] | None]:
        """Claims up to `wanted` and their sources (none counted when past the cap); with a
        `limit`, the ids of the list's first `limit` when counting read them (else None)."""
        q = self._planner.claims(f, wanted, ordered=False)
        if q.known is not None and q.known >= wanted:  # a common word, counted already
            return wanted, 0, None
        params = {**q.params, "cap": wanted}
        if q.ids:  # one entity or one search: counted from its ids before any row is read
            claims = self._fetch(f"SELECT count(*) FROM ({q.ids} LIMIT :cap)", params)[0][0]
            if claims >= wanted:
                return claims, 0, None
        # Walking the list's order index meets the rows in list order: saying so costs nothing.
        walks = bool(limit) and q.index == "INDEXED BY idx_claims_order"
        order = f"ORDER BY {q.order}" if walks else ""
        kept = self._fetch(
            f"SELECT c.id, c.article_id FROM claims c {q.index} WHERE {q.where} {order} LIMIT :cap",
            params,
        )
        page = [c for c, _ in kept[:limit]] if walks else None
        if len(kept) >= wanted:
            return len(kept), 0, page  # past the cap: its sources would be the first rows'
        sources = self._sources_of({a for _, a in kept})
        if limit and page is None:  # all read, in no order: their list order, by id
            page = [
                row[0]
                for row in self._fetch(
                    "SELECT c.id FROM claims c WHERE c.id IN (SELECT value FROM json_each(:ids)) "
                    f"ORDER BY {q.order} LIMIT :limit",
                    {"ids": json.dumps([c for c, _ in kept]), "limit": limit},
                )
            ]
        return len(kept), sources, page

    def articles(
        self, f: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0
    ) -> list[ArticleRow]:
        """Articles matching the filter (an entity or text filter keeps those that match)."""
        q = self._planner.articles(f, None if limit is None else offset + limit, hold=offset > 0)
        sql = f"""
            SELECT a.id, a.title, a.source, a.published, a.published_raw,
                   (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims
            FROM (SELECT a.id FROM articles a {q.index} WHERE {q.where} ORDER BY {q.order}
                  LIMIT :limit OFFSET :offset) page
            CROSS JOIN articles a ON a.id = page.id
            ORDER BY {q.order}
        """
        params = {**q.params, "limit": -1 if limit is None else limit, "offset": offset}
        return [ArticleRow(**row) for row in self._rows(sql, params)]

    def count_articles(self, f: ClaimFilter = ClaimFilter(), cap: int | None = None) -> int:
        """How many articles the filter keeps; with a cap, counting stops past it."""
        wanted = None if cap is None or f.is_empty else cap + 1
        q = self._planner.articles(f, wanted, ordered=False)
        if q.known is not None:  # a search alone: the full-text index counted its articles
            return q.known if wanted is None else min(q.known, wanted)
        params = {**q.params, "cap": -1 if wanted is None else wanted}
        kept = q.ids or f"SELECT a.id FROM articles a {q.index} WHERE {q.where}"
        sql = f"SELECT count(*) FROM ({kept} LIMIT :cap)"
        return int(self._fetch(sql, params)[0][0])

    def article(self, article_id: int) -> ArticleDetail | None:
        """One article with the spans the reader highlights: claims, figures, mentions."""
        rows = self._rows(
            "SELECT id, title, source, author, published, published_raw, path, body, url, "
            "partial FROM articles WHERE id = ?",
            (article_id,),
        )
        if not rows:
            return None
        spans = [
            Span(s, e, kind, ref)
            for s, e, kind, ref in self._fetch(
                "SELECT span_start, span_end, CASE WHEN kind = 'statement' THEN 'statement' "
                "WHEN hedge IN ('approx', 'vague') THEN 'figure-loose' "
                "WHEN hedge = 'exact' THEN 'figure' ELSE 'figure-bound' END, id "
                "FROM claims WHERE article_id = ? "
                "UNION ALL SELECT m.span_start, m.span_end, m.type, m.entity_id "
                "FROM mentions m WHERE m.article_id = ? ORDER BY 1",
                (article_id, article_id),
            )
        ]
        return ArticleDetail(**{**rows[0], "partial": bool(rows[0]["partial"])}, spans=spans)

    def entities(
        self, f: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0
    ) -> list[EntityRow]:
        """Entities with their spellings and counts, most mentioned first.

        Unfiltered, the counts are those kept as articles were written; filtered, mentions
        and articles count within the articles the filter keeps, the first ENTITY_SAMPLE
        of them in a large library (claims, sources and conflicts stay the library's)."""
        params: dict[str, Any] = {"sep": LIST_SEPARATOR, "limit": -1 if limit is None else limit,
                                  "offset": offset}  # fmt: skip
        if f.is_empty:
            counted = "SELECT id, mentions, articles FROM entities"
        else:
            if f.article_id:
                params["article_id"] = f.article_id
                articles = ":article_id"
            else:  # every pane follows the filter: the names in the articles it keeps
                q = self._planner.articles(f, ENTITY_SAMPLE, ordered=False)
                params.update(q.params, sample=ENTITY_SAMPLE)
                # One entity or one search: the sample is the first of its own ids.
                articles = q.ids or f"SELECT a.id FROM articles a {q.index} WHERE {q.where}"
                articles += " LIMIT :sample"
            # Counted article by article along the (article, entity) index, then summed:
            # no sorting of every mention to count each entity's distinct articles.
            counted = (
                "SELECT entity_id AS id, sum(n) AS mentions, count(*) AS articles FROM "
                "(SELECT article_id, entity_id, count(*) AS n FROM mentions "
                f"WHERE article_id IN ({articles}) AND entity_id IS NOT NULL "
                "GROUP BY article_id, entity_id) GROUP BY entity_id"
            )
        sql = f"""
            SELECT e.id, e.name, e.type, n.mentions, n.articles, e.claims, e.sources,
                   e.conflicts,
                   (SELECT group_concat(name, :sep) FROM (SELECT DISTINCT name
                    FROM entity_spellings WHERE entity_id = e.id)) AS aliases
            FROM ({counted}) n JOIN entities e ON e.id = n.id
            WHERE n.mentions > 0
            ORDER BY n.mentions DESC, e.name LIMIT :limit OFFSET :offset
        """
        return [
            EntityRow(**{**row, "aliases": [a for a in _split(row["aliases"]) if a != row["name"]]})
            for row in self._rows(sql, params)
        ]

    def count_entities(self, f: ClaimFilter = ClaimFilter()) -> int:
        if f.is_empty:
            return int(self._fetch("SELECT count(*) FROM entities WHERE mentions > 0")[0][0])
        return len(self.entities(f))

    def entities_page(
        self, f: ClaimFilter, limit: int, offset: int = 0
    ) -> tuple[list[EntityRow], int]:
        """A page of the entities pane and how many it lists. Unfiltered, both come from
        the kept counts; filtered, counting the list costs what making it does, so it is
        made once and cut."""
        if f.is_empty:
            return self.entities(f, limit, offset), self.count_entities(f)
        every = self.entities(f)
        return every[offset : offset + limit], len(every)

    def comparables(self, ids: Iterable[int] | None = None) -> list[Comparable]:
        """Claims (all, or those ids) with the places their sentences name, for comparison."""
        if ids is None:
            return self._comparables("1 = 1", {})
        return self._comparables(
            "c.id IN (SELECT value FROM json_each(:ids))", {"ids": json.dumps(sorted(ids))}
        )

    def _comparables(
        self,
        where: str,
        params: dict[str, Any],
        light: bool = False,
        places: bool = True,
        titles: bool = True,
    ) -> list[Comparable]:
        """Claims as comparison reads them. Without `titles` they are read from the claims
        alone (an article's row holds its whole text: a page read for a title): what
        keying and linking claims need; without `places` they carry none, which linking
        does not read. `light` ones carry only their figure's words for a sentence and
        neither: what a group's status and topic need."""
        places = places and not light
        sentence = (
            "substr(c.sentence, c.span_start - c.sentence_start + 1, c.span_end - c.span_start)"
            if light
            else "c.sentence"
        )
        if light or not titles:
            rows = self._fetch(
                "SELECT c.id, c.article_id, NULL, coalesce(c.said_on, c.article_published), "
                f"c.kind, {sentence}, c.sentence_start, c.span_start, c.span_end, '', "
                "c.article_published, c.value, c.low, c.high, c.hedge, c.unit, c.concept, "
                f"c.increment, c.attributed_to, c.stance FROM claims c WHERE {where} "
                "ORDER BY c.id",
                params,
            )
            source_of = dict(self._fetch(  # read from the source index, not the rows
                "SELECT id, source FROM articles INDEXED BY idx_articles_id_source "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted({r[1] for r in rows})),),
            ))  # fmt: skip
            rows = [(r[0], r[1], source_of[r[1]], *r[3:]) for r in rows]
        else:
            rows = self._fetch(
                "SELECT c.id, c.article_id, a.source, coalesce(c.said_on, a.published), c.kind, "
                "c.sentence, c.sentence_start, c.span_start, c.span_end, a.title, a.published, "
                "c.value, c.low, c.high, c.hedge, c.unit, c.concept, c.increment, "
                "c.attributed_to, c.stance FROM claims c JOIN articles a ON a.id = c.article_id "
                f"WHERE {where} ORDER BY c.id",
                params,
            )
        places_of: dict[int, list[tuple[int, int, str]]] = defaultdict(list)  # by start
        for article, start, end, name in (
            []
            if not places
            else self._fetch(
                "SELECT m.article_id, m.span_start, m.span_end, e.name FROM mentions m "
                "JOIN entities e ON e.id = m.entity_id WHERE e.type = 'place' "
                "AND m.article_id IN (SELECT value FROM json_each(?)) "
                "ORDER BY m.article_id, m.span_start",
                (json.dumps(sorted({r[1] for r in rows})),),
            )
        ):
            places_of[article].append((start, end, name))
        out = []
        # Positional, in Comparable's order: a regrouping reads tens of thousands of claims.
        for (claim_id, article, source, date, kind, text, base, span_start, span_end, title,
             published, value, low, high, hedge, unit, concept, increment, attributed_to,
             stance) in rows:  # fmt: skip
            end = base + len(text)
            named: list[Place] = []
            in_article = places_of[article]  # the sentence's places, found by start
            for at in range(bisect_left(in_article, (base,)), len(in_article)):
                s, e, n = in_article[at]
                if s >= end:
                    break
                if e <= end:
                    named.append(Place(s - base, e - base, n))
            span = (0, len(text)) if light else (span_start - base, span_end - base)
            out.append(Comparable(
                claim_id, article, source, date, kind, text, span, title, published, base,
                value, low, high, hedge, unit, concept, bool(increment), attributed_to, stance,
                tuple(named),
            ))  # fmt: skip
        return out

    def grouping_pending(self) -> bool:
        """Whether some claims were never grouped: a library from before groups were kept,
        or an import stopped before it grouped what it wrote."""
        return bool(self._fetch(
            "SELECT 1 FROM claims WHERE comparison_key IS NULL "
            "OR (comparison_key != '' AND cluster IS NULL) LIMIT 1"
        ))  # fmt: skip

    def writer_busy(self) -> bool:
        """Whether another process is writing to the library now, so that a write here
        would wait for it (up to schema.BUSY_SECONDS)."""
        with self._lease() as db:
            db.execute("PRAGMA busy_timeout = 0")
            try:
                db.execute("BEGIN IMMEDIATE")
                db.execute("ROLLBACK")
                return False
            except sqlite3.OperationalError:
                return True
            finally:
                db.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")

    def _group_where(self, f: ClaimFilter) -> tuple[str, dict[str, Any]]:
        """Groups holding at least one claim the filter keeps (all, unfiltered); claims not
        grouped yet are grouped first."""
        if self.grouping_pending():
            if self.read_only:
                raise LibraryError(
                    f"{self.path}: the library is read-only, and the claims imported last "
                    "were never grouped: open it where it can be written to compare them"
                )
            try:
                self.refresh_groups()
            except sqlite3.Error as exc:
                raise writing_error(self.path, exc) from exc
        if f.is_empty:
            return "1 = 1", {}
        q = self._planner.claims(f, ordered=False)
        return f"g.cluster IN (SELECT c.cluster FROM claims c {q.index} WHERE {q.where})", q.params

    def group_rows(
        self, f: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0
    ) -> list[GroupRow]:
        """A page of discrepancy groups, conflicts first, without their claims."""
        where, params = self._group_where(f)
        params.update(limit=-1 if limit is None else limit, offset=offset)
        return [
            GroupRow(
                **{
                    **row,
                    "soft": bool(row["soft"]),
                    "story": sorted(filter(None, (row["story"] or "").split("\n"))),
                }
            )
            for row in self._rows(
                "SELECT g.key, g.topic, g.status, g.soft, coalesce(g.explanation, '') AS "
                "explanation, g.sources, (SELECT count(*) FROM claims c "
                "WHERE c.cluster = g.cluster) AS claims, (SELECT a.story FROM claims c "
                "JOIN articles a ON a.id = c.article_id WHERE c.id = g.cluster) AS story "
                f"FROM claim_groups g WHERE {where} ORDER BY {GROUP_ORDER_SQL} "
                "LIMIT :limit OFFSET :offset",
                params,
            )
        ]

    def count_groups(self, f: ClaimFilter = ClaimFilter()) -> tuple[int, int]:
        """How many groups the filter keeps, and how many of them are in conflict."""
        where, params = self._group_where(f)
        groups, conflicts = self._fetch(
            f"SELECT count(*), coalesce(sum(g.status = 'conflict'), 0) FROM claim_groups g "
            f"WHERE {where}",
            params,
        )[0]
        return groups, conflicts

    def group(self, key: str) -> Group | None:
        """One discrepancy group with its claims, in date order."""
        groups = self._with_members(self._rows("SELECT * FROM claim_groups WHERE key = ?", (key,)))
        return groups[0] if groups else None

    def discrepancies(self, f: ClaimFilter = ClaimFilter()) -> list[Group]:
        """Every group the filter keeps with its claims, conflicts first."""
        return list(self.iter_groups(f))

    def iter_groups(self, f: ClaimFilter = ClaimFilter()) -> Iterator[Group]:
        """Every group the filter keeps with its claims, read a few hundred at a time so an
        export of a large library holds one batch in memory."""
        where, params = self._group_where(f)
        rows = self._rows(f"SELECT * FROM claim_groups g WHERE {where} ORDER BY {GROUP_ORDER_SQL}",
                          params)  # fmt: skip
        for start in range(0, len(rows), _GROUPS_READ):
            yield from self._with_members(rows[start : start + _GROUPS_READ])

    def _with_members(self, rows: list[dict[str, Any]]) -> list[Group]:
        clusters = json.dumps([r["cluster"] for r in rows])
        cluster_of = dict(self._fetch(
            "SELECT id, cluster FROM claims WHERE cluster IN (SELECT value FROM json_each(?))",
            (clusters,)))  # fmt: skip
        members: dict[int, list[Comparable]] = defaultdict(list)
        for claim in self._comparables(
            "c.cluster IN (SELECT value FROM json_each(:clusters))", {"clusters": clusters}
        ):
            members[cluster_of[claim.id]].append(claim)
        return [
            Group(r["key"], r["topic"], r["status"], bool(r["soft"]), r["explanation"] or "",
                  r["sources"], sorted(members[r["cluster"]], key=claim_order))
            for r in rows
        ]  # fmt: skip

    def article_refs(self, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Where each of those articles comes from, to cite it."""
        return {
            row["id"]: row
            for row in self._rows(
                "SELECT id, title, source, published, url, path FROM articles "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(ids)),),
            )
        }

    def find_entity(self, name: str) -> int | None:
        """The entity a user means by a name or any of its spellings (case-insensitive)."""
        rows = self._fetch(
            "SELECT e.id FROM entities e WHERE e.name = :n COLLATE NOCASE "
            "UNION ALL SELECT m.entity_id FROM mentions m WHERE m.name = :n COLLATE NOCASE "
            "AND m.entity_id IS NOT NULL LIMIT 1",
            {"n": name},
        )
        return int(rows[0][0]) if rows else None
