"""The library: one SQLite file of articles, claims, entities and mentions.

Each thread gets its own connection (Textual runs queries in thread workers), all with WAL so
the reader keeps reading while an import writes. Every query takes its values as parameters.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from extract import Analysis, resolve_entities
from extract.compare import Comparable, Group, Place, group_claims, story_signatures
from store.schema import connect, open_database
from store.search import fts_query

LIST_SEPARATOR = "\x1f"  # joins names inside one SQL value; never part of article text


@dataclass(frozen=True)
class ClaimFilter:
    """What the user narrowed the view to. Empty fields do not filter."""

    article_id: int | None = None
    entity_ids: frozenset[int] = frozenset()  # claims must name every one of them
    sources: frozenset[str] = frozenset()
    query: str | None = None
    ids: frozenset[int] | None = None  # claims picked by hand (marked in the reader)
    kinds: frozenset[str] = frozenset()  # "quantity", "statement"
    hedges: frozenset[str] = frozenset()
    since: str | None = None  # publication dates, YYYY-MM-DD, both ends included
    until: str | None = None

    @property
    def is_empty(self) -> bool:
        return not (
            self.article_id or self.entity_ids or self.sources or self.query or self.kinds
            or self.hedges or self.since or self.until or self.ids is not None
        )  # fmt: skip


@dataclass(frozen=True)
class ArticleRow:
    id: int
    title: str
    source: str
    published: str | None
    published_raw: str | None
    claims: int


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "figure", "figure-loose", "figure-bound", "statement" or an entity type
    ref: int | None = None  # the claim or entity id


@dataclass(frozen=True)
class ArticleDetail:
    id: int
    title: str
    source: str
    author: str | None
    published: str | None
    published_raw: str | None
    path: str | None
    body: str
    spans: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class ClaimRow:
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


@dataclass(frozen=True)
class EntityRow:
    id: int
    name: str
    type: str
    aliases: list[str]
    mentions: int
    articles: int
    claims: int = 0  # claims whose sentence names it
    sources: int = 0  # sources of those claims
    conflicts: int = 0  # conflicting discrepancy groups holding such a claim


def _add_article_conditions(
    where: list[str], params: dict[str, Any], f: ClaimFilter, alias: str
) -> None:
    """Narrow to articles of the chosen sources and publication dates."""
    if f.sources:
        where.append(f"{alias}.source IN (SELECT value FROM json_each(:sources))")
        params["sources"] = json.dumps(sorted(f.sources))
    if f.since:
        where.append(f"{alias}.published >= :since")
        params["since"] = f.since
    if f.until:
        where.append(f"{alias}.published <= :until")
        params["until"] = f.until


def _add_search(
    where: list[str], params: dict[str, Any], query: str | None, id_column: str, fts: str
) -> None:
    """Narrow to rows whose text matches the user's search; unusable input matches nothing."""
    if not query or not query.strip():
        return
    match = fts_query(query)
    if match is None:
        where.append("0")  # only punctuation: nothing matches, never everything
        return
    where.append(f"{id_column} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :match)")
    params["match"] = match


def _split(value: str | None) -> list[str]:
    return sorted(value.split(LIST_SEPARATOR)) if value else []


class Library:
    """Reads and writes one library file.

    Connections come from a small pool: Textual runs each query in a fresh worker thread,
    and a connection per thread would leave one open file per keystroke until the garbage
    collector found it. A connection serves one thread at a time and goes back to the pool.
    """

    POOL_SIZE = 4

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._idle: queue.SimpleQueue[sqlite_utils.Database] = queue.SimpleQueue()
        self._all: list[sqlite_utils.Database] = []
        self._lock = threading.Lock()
        first = open_database(self.path)  # creates or checks the schema, or raises
        self._all.append(first)
        self._idle.put(first)

    @contextmanager
    def _lease(self) -> Iterator[sqlite_utils.Database]:
        try:
            db = self._idle.get_nowait()
        except queue.Empty:
            db = connect(self.path)
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
                db.close()

    def close(self) -> None:
        with self._lock:
            for db in self._all:
                db.close()
            self._all.clear()

    def _rows(self, sql: str, params: dict[str, Any] | tuple[Any, ...] = ()) -> list[Any]:
        with self._lease() as db:
            cursor = db.execute(sql, params)
            columns = [c[0] for c in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor]

    def _fetch(self, sql: str, params: dict[str, Any] | tuple[Any, ...] = ()) -> list[Any]:
        with self._lease() as db:
            return db.execute(sql, params).fetchall()

    # ---- writing -------------------------------------------------------------------------

    def has_article(self, content_hash: str) -> bool:
        return bool(self._fetch("SELECT 1 FROM articles WHERE content_hash = ?", [content_hash]))

    def add_article(self, path: str, content_hash: str, analysis: Analysis) -> int | None:
        """Store an article with all its claims and mentions, in one transaction.

        Returns None when another writer stored the same article first.
        """
        try:
            return self._add_article(path, content_hash, analysis)
        except sqlite3.IntegrityError:
            if self.has_article(content_hash):
                return None
            raise

    def _add_article(self, path: str, content_hash: str, analysis: Analysis) -> int:
        article = analysis.article
        with self._lease() as db, db.atomic():
            article_id = (
                db["articles"]
                .insert(
                    {
                        "content_hash": content_hash,
                        "path": path,
                        "title": article.title,
                        "source": article.source,
                        "author": article.author,
                        "published": article.published.isoformat() if article.published else None,
                        "published_raw": article.published_raw,
                        "url": article.url,
                        "body": article.body,
                        "imported_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    }
                )
                .last_pk
            )
            db["claims"].insert_all(
                {
                    "article_id": article_id,
                    "kind": c.kind,
                    "sentence": c.sentence,
                    "sentence_start": c.sentence_start,
                    "sentence_end": c.sentence_end,
                    "span_start": c.span_start,
                    "span_end": c.span_end,
                    "value": c.value,
                    "low": c.low,
                    "high": c.high,
                    "unit": c.unit,
                    "concept": c.concept,
                    "hedge": c.hedge,
                    "increment": int(c.increment),
                    "attributed_to": c.attributed_to,
                    "stance": c.stance,
                    "said_on": c.said_on.isoformat() if c.said_on else None,
                }
                for c in analysis.claims
            )
            db["mentions"].insert_all(
                {
                    "article_id": article_id,
                    "span_start": m.start,
                    "span_end": m.end,
                    "text": m.text,
                    "name": m.name,
                    "type": m.type,
                }
                for m in analysis.mentions
            )
        return int(article_id)

    def refresh_entities(self) -> int:
        """Re-resolve every mention into entities, keeping ids stable by entity key."""
        counts = [
            (str(article), name, type_, count)
            for article, name, type_, count in self._fetch(
                "SELECT article_id, name, type, count(*) FROM mentions GROUP BY 1, 2, 3"
            )
        ]
        entities, assignment = resolve_entities(counts)
        with self._lease() as db, db.atomic():
            db.conn.executemany(
                "INSERT INTO entities (key, name, type) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET name = excluded.name, type = excluded.type",
                [(e.key, e.name, e.type) for e in entities],
            )
            ids = dict(db.execute("SELECT key, id FROM entities").fetchall())
            db.conn.executemany(
                "UPDATE mentions SET entity_id = ? WHERE article_id = ? AND name = ?",
                [(ids[key], int(article), name) for (article, name), key in assignment.items()],
            )
            db.execute(
                "DELETE FROM entities WHERE id NOT IN "
                "(SELECT entity_id FROM mentions WHERE entity_id IS NOT NULL)"
            )
        return len(entities)

    # ---- reading -------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {
            table: self._fetch(f"SELECT count(*) FROM {table}")[0][0]
            for table in ("articles", "claims", "entities", "mentions")
        }

    def sources(self) -> list[str]:
        """Every source in the library, for choosing among them."""
        return [r[0] for r in self._fetch("SELECT DISTINCT source FROM articles ORDER BY 1")]

    def _claim_where(self, f: ClaimFilter) -> tuple[str, dict[str, Any]]:
        where = ["1 = 1"]
        params: dict[str, Any] = {}
        if f.article_id:
            where.append("c.article_id = :article_id")
            params["article_id"] = f.article_id
        _add_article_conditions(where, params, f, "a")
        if f.kinds:
            where.append("c.kind IN (SELECT value FROM json_each(:kinds))")
            params["kinds"] = json.dumps(sorted(f.kinds))
        if f.hedges:
            where.append("c.hedge IN (SELECT value FROM json_each(:hedges))")
            params["hedges"] = json.dumps(sorted(f.hedges))
        for n, entity_id in enumerate(sorted(f.entity_ids)):
            where.append(
                f"EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = c.article_id "
                f"AND m.entity_id = :entity_{n} AND m.span_start >= c.sentence_start "
                f"AND m.span_end <= c.sentence_end)"
            )
            params[f"entity_{n}"] = entity_id
        if f.ids is not None:
            where.append("c.id IN (SELECT value FROM json_each(:ids))")
            params["ids"] = json.dumps(sorted(f.ids))
        _add_search(where, params, f.query, "c.id", "claims_fts")
        return " AND ".join(where), params

    def claims(self, f: ClaimFilter = ClaimFilter()) -> list[ClaimRow]:
        """Claims matching the filter, by article date then position in the article."""
        where, params = self._claim_where(f)
        sql = f"""
            SELECT c.id, c.article_id, a.title AS article_title, a.source, a.published,
                   c.sentence, c.sentence_start AS start, c.sentence_end AS "end",
                   c.span_start, c.span_end, c.kind, c.value, c.low, c.high, c.unit, c.hedge,
                   c.attributed_to, c.stance, c.said_on,
                   (SELECT group_concat(name, :sep) FROM (
                        SELECT DISTINCT e.name FROM mentions m
                        JOIN entities e ON e.id = m.entity_id
                        WHERE m.article_id = c.article_id AND m.span_start >= c.sentence_start
                          AND m.span_end <= c.sentence_end)) AS entities
            FROM claims c JOIN articles a ON a.id = c.article_id
            WHERE {where}
            ORDER BY a.published IS NULL, a.published, a.id, c.span_start, c.id
        """
        params["sep"] = LIST_SEPARATOR
        return [
            ClaimRow(**{**row, "entities": _split(row["entities"])})
            for row in self._rows(sql, params)
        ]

    def articles(self, f: ClaimFilter = ClaimFilter()) -> list[ArticleRow]:
        """Articles matching the filter (an entity or text filter keeps those that match)."""
        where = ["1 = 1"]
        params: dict[str, Any] = {}
        _add_article_conditions(where, params, f, "a")
        for n, entity_id in enumerate(sorted(f.entity_ids)):
            where.append(
                f"EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id "
                f"AND m.entity_id = :entity_{n})"
            )
            params[f"entity_{n}"] = entity_id
        _add_search(where, params, f.query, "a.id", "articles_fts")
        sql = f"""
            SELECT a.id, a.title, a.source, a.published, a.published_raw,
                   (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims
            FROM articles a WHERE {" AND ".join(where)}
            ORDER BY a.published IS NULL, a.published, a.id
        """
        return [ArticleRow(**row) for row in self._rows(sql, params)]

    def article(self, article_id: int) -> ArticleDetail | None:
        """One article with the spans the reader highlights: claims, figures, mentions."""
        rows = self._rows(
            "SELECT id, title, source, author, published, published_raw, path, body "
            "FROM articles WHERE id = ?",
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
        return ArticleDetail(**rows[0], spans=spans)

    def entities(self, f: ClaimFilter = ClaimFilter()) -> list[EntityRow]:
        """Entities with their spellings and counts, most mentioned first."""
        where = ["1 = 1"]
        params: dict[str, Any] = {"sep": LIST_SEPARATOR}
        if f.article_id:
            where.append("m.article_id = :article_id")
            params["article_id"] = f.article_id
        if not f.is_empty and not f.article_id:
            # Every pane follows the filter: the names in the articles it keeps.
            where.append("m.article_id IN (SELECT value FROM json_each(:articles))")
            params["articles"] = json.dumps([a.id for a in self.articles(f)])
        sql = f"""
            SELECT e.id, e.name, e.type,
                   (SELECT group_concat(name, :sep) FROM (
                        SELECT DISTINCT name FROM mentions WHERE entity_id = e.id)) AS aliases,
                   count(*) AS mentions, count(DISTINCT m.article_id) AS articles
            FROM entities e JOIN mentions m ON m.entity_id = e.id
            WHERE {" AND ".join(where)}
            GROUP BY e.id ORDER BY mentions DESC, e.name
        """
        counts = self._claim_counts()
        out = []
        for row in self._rows(sql, params):
            aliases = [a for a in _split(row["aliases"]) if a != row["name"]]
            claims, sources, conflicts = counts.get(row["id"], (0, 0, 0))
            out.append(EntityRow(**{**row, "aliases": aliases}, claims=claims, sources=sources,
                                 conflicts=conflicts))  # fmt: skip
        return out

    def _claim_counts(self) -> dict[int, tuple[int, int, int]]:
        """Per entity: the claims naming it, their sources, and the conflicts they are in."""
        rows = self._fetch(
            """
            WITH named AS (
                SELECT DISTINCT m.entity_id, c.id AS claim_id, a.source
                FROM mentions m
                JOIN claims c ON c.article_id = m.article_id
                    AND m.span_start >= c.sentence_start AND m.span_end <= c.sentence_end
                JOIN articles a ON a.id = c.article_id
                WHERE m.entity_id IS NOT NULL
            )
            SELECT n.entity_id, count(DISTINCT n.claim_id), count(DISTINCT n.source),
                   count(DISTINCT g.key)
            FROM named n
            LEFT JOIN claim_group_members gm ON gm.claim_id = n.claim_id
            LEFT JOIN claim_groups g ON g.key = gm.group_key AND g.status = 'conflict'
            GROUP BY n.entity_id
            """
        )
        return {entity: (claims, sources, conflicts) for entity, claims, sources, conflicts in rows}

    def comparables(self, ids: Iterable[int] | None = None) -> list[Comparable]:
        """Claims (all, or those ids) with the places their sentences name, for comparison."""
        places: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for article, start, end, name in self._fetch(
            "SELECT m.article_id, m.span_start, m.span_end, e.name FROM mentions m "
            "JOIN entities e ON e.id = m.entity_id WHERE e.type = 'place' "
            "ORDER BY m.article_id, m.span_start"
        ):
            places[article].append((start, end, name))
        out = []
        for row in self._rows(
            "SELECT c.id, c.article_id, a.source, coalesce(c.said_on, a.published) AS date, "
            "a.title, a.published, "
            "c.kind, c.sentence, c.sentence_start, c.span_start, c.span_end, c.value, c.low, "
            "c.high, c.hedge, c.unit, c.concept, c.increment, c.attributed_to, c.stance "
            "FROM claims c JOIN articles a ON a.id = c.article_id "
            + ("" if ids is None else "WHERE c.id IN (SELECT value FROM json_each(:ids)) ")
            + "ORDER BY c.id",
            {} if ids is None else {"ids": json.dumps(sorted(ids))},
        ):
            base = row.pop("sentence_start")
            end = base + len(row["sentence"])
            span = (row.pop("span_start") - base, row.pop("span_end") - base)
            named = tuple(
                Place(s - base, e - base, n)
                for s, e, n in places[row["article_id"]]
                if base <= s and e <= end
            )
            row["article"] = row.pop("article_id")
            row["offset"] = base
            row["increment"] = bool(row["increment"])
            out.append(Comparable(**row, span=span, places=named))
        return out

    def stories(self) -> dict[int, frozenset[str]] | None:
        """Each article's salient entities, which tell the articles of one story."""
        counts: dict[int, dict[str, int]] = defaultdict(dict)
        for article, name, mentions in self._fetch(
            "SELECT m.article_id, e.name, count(*) FROM mentions m "
            "JOIN entities e ON e.id = m.entity_id GROUP BY m.article_id, e.id"
        ):
            counts[article][name] = mentions
        return story_signatures(counts)

    def refresh_groups(self) -> int:
        """Regroup every claim and keep the groups, so the view opens without waiting."""
        groups = group_claims(self.comparables(), self.stories())
        with self._lease() as db, db.atomic():
            db.execute("DELETE FROM claim_group_members")
            db.execute("DELETE FROM claim_groups")
            db.conn.executemany(
                "INSERT INTO claim_groups (key, position, topic, status, soft, explanation) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(g.key, i, g.topic, g.status, int(g.soft), g.explanation)
                 for i, g in enumerate(groups)],
            )  # fmt: skip
            db.conn.executemany(
                "INSERT INTO claim_group_members (group_key, claim_id, position) VALUES (?, ?, ?)",
                [(g.key, m.id, i) for g in groups for i, m in enumerate(g.members)],
            )
        return len(groups)

    def discrepancies(self, f: ClaimFilter = ClaimFilter()) -> list[Group]:
        """Groups of the same quantity from several sources, as of the last import; with a
        filter, the groups that hold at least one claim the filter keeps."""
        rows = self._rows("SELECT * FROM claim_groups ORDER BY position")
        if not rows and self.counts()["articles"] > 1:
            self.refresh_groups()  # a library from before groups were kept
            rows = self._rows("SELECT * FROM claim_groups ORDER BY position")
        members: dict[str, list[int]] = defaultdict(list)
        for key, claim_id in self._fetch(
            "SELECT group_key, claim_id FROM claim_group_members ORDER BY group_key, position"
        ):
            members[key].append(claim_id)
        claims = {c.id: c for c in self.comparables({i for ids in members.values() for i in ids})}
        groups = [
            Group(r["key"], r["topic"], r["status"], bool(r["soft"]), r["explanation"] or "",
                  [claims[i] for i in members[r["key"]] if i in claims])
            for r in rows
        ]  # fmt: skip
        if f.is_empty:
            return groups
        keep = {c.id for c in self.claims(f)}
        return [g for g in groups if any(m.id in keep for m in g.members)]

    def find_entity(self, name: str) -> int | None:
        """The entity a user means by a name or any of its spellings (case-insensitive)."""
        rows = self._fetch(
            "SELECT e.id FROM entities e WHERE e.name = :n COLLATE NOCASE "
            "UNION ALL SELECT m.entity_id FROM mentions m WHERE m.name = :n COLLATE NOCASE "
            "AND m.entity_id IS NOT NULL LIMIT 1",
            {"n": name},
        )
        return int(rows[0][0]) if rows else None
