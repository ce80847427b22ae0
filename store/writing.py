"""Writing an import's articles: each batch in one transaction, with its claims, its
mentions resolved to entities, and every count an entity keeps.

Names are resolved against the library's entities as they are written (extract/resolve.py),
and each entity's counts move with them, so no later pass over every mention is needed.
The resolver is kept between batches, and read again when another process has written
names since.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NamedTuple

from store.connections import Connections
from store.rows import NewArticle, StoredArticle, StoredClaim, StoredMention, insert
from store.schema import transaction

if TYPE_CHECKING:
    from extract import Analysis
    from extract.resolve import Resolver

_INSERT_ARTICLE = insert("articles", StoredArticle._fields)
_INSERT_CLAIM = insert("claims", ("article_id", *StoredClaim._fields))
_INSERT_MENTION = insert("mentions", ("article_id", *StoredMention._fields, "entity_id"))
_INSERT_FILE = "INSERT OR IGNORE INTO files (hash, article_id) VALUES (?, ?)"
_FROM_CLAIM = tuple(f for f in StoredClaim._fields if f != "article_published")  # extract.Claim


def new_article(
    path: str, file_hash: str | None, content_hash: str, analysis: Analysis
) -> NewArticle:
    """The rows of one analysed article, taken from the analysis field by field."""
    a = analysis.article
    published = a.published.isoformat() if a.published else None
    article = StoredArticle(
        content_hash=content_hash, path=path, title=a.title, source=a.source,
        author=a.author, published=published, published_raw=a.published_raw, url=a.url,
        body=a.body, imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        partial=int(a.partial),
    )  # fmt: skip
    claims = [
        StoredClaim(
            **{
                **{f: getattr(c, f) for f in _FROM_CLAIM},
                "increment": int(c.increment),
                "said_on": c.said_on.isoformat() if c.said_on else None,
                "article_published": published,
            }
        )
        for c in analysis.claims
    ]
    mentions = [StoredMention(m.start, m.end, m.text, m.name, m.type) for m in analysis.mentions]
    return NewArticle(path, file_hash, content_hash, article, claims, mentions)


def rename_entities(conn: sqlite3.Connection, touched: set[int]) -> list[tuple[str, str, str]]:
    """Name and type each touched entity from the counts of all its spellings, so that
    neither depends on the order articles came in (or went out). Returns the (key, name,
    type) of those renamed."""
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
            "SELECT id, key, name, type FROM entities WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(names)),),
        )
    }
    changed = []
    for entity, (key, name, type_) in known.items():
        now = (canonical_name(names[entity]), entity_type(types[entity]))
        if now != (name, type_):
            changed.append((key, *now, entity))
    conn.executemany("UPDATE entities SET name = ?, type = ? WHERE id = ?",
                     [(name, type_, entity) for _, name, type_, entity in changed])  # fmt: skip
    return [(key, name, type_) for key, name, type_, _ in changed]


class Written(NamedTuple):
    """An article as add_articles wrote it: its id and its claims' ids."""

    article_id: int
    claim_ids: range
    item: NewArticle


class Writer:
    """Writes analysed articles into the library."""

    def __init__(self, connections: Connections) -> None:
        self._connections = connections
        self._resolver: Resolver | None = None  # the library's names, once an import starts
        self._resolved_up_to = 0  # the last mention the resolver knows: else it is rebuilt

    def forget_names(self) -> None:
        """The library's names changed outside an import (articles were removed, entities
        with them): the next batch reads them again."""
        self._resolver = None

    def file_hashes(self) -> set[str]:
        """The raw-bytes hash of every file imported so far."""
        return {row[0] for row in self._connections.fetch("SELECT hash FROM files")}

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
        with self._connections.lease() as conn, transaction(conn):
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
            (str(w.article_id), m.name, m.type) for w in written for m in w.item.mentions
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
            source = w.item.article.source
            located: list[tuple[int, int, int]] = []  # (start, end, entity) of each mention
            for m in w.item.mentions:
                key = assignment.get((str(w.article_id), m.name))
                entity = entity_id[key] if key else None
                rows.append((w.article_id, *m, entity))
                if entity is None:
                    continue
                spellings[(entity, m.name, m.type)] += 1
                gained[entity][0] += 1
                if entity not in in_article:
                    in_article.add(entity)
                    gained[entity][1] += 1
                located.append((m.span_start, m.span_end, entity))
            located.sort()
            for claim_id, claim in zip(w.claim_ids, w.item.claims, strict=True):
                start, end = claim.sentence_start, claim.sentence_end  # the claim's sentence
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
        for key, name, type_ in rename_entities(conn, set(gained)):
            resolver.renamed(key, name, type_)

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

    def rename_source(self, old: str, new: str) -> list[int]:
        """Call a source by another name (`new` cleaned already), with the counts of the
        entities its claims name; returns the articles renamed."""
        with self._connections.lease() as conn, transaction(conn):
            articles = [
                r[0] for r in conn.execute("SELECT id FROM articles WHERE source = ?", (old,))
            ]
            if new == old or not articles:
                return []  # nothing to rename
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
        return articles
