"""Taking articles out of the library, and putting them back.

A removal takes an article's claims, mentions, story names and file hashes with it, in one
transaction, and leaves the library as importing without those articles would have made it
(tested against a library imported so): every count an entity keeps goes down by what the
articles gave it, an entity nothing mentions any more goes, one that lost a spelling is
named again from the spellings left; the groups that held their claims are taken apart
and their other claims grouped again (Grouper.release, then refresh_groups). The files
import again later: their hashes go too, and so do those of a file of many articles
(a feed, a JSON array) that one removed article came from, whose other articles are then
known again by their text.

Putting back is an import of the rows as stored, not an undo of the transaction: the
articles come back with their claims and mentions as they were read, under new ids, and
their names are resolved and their claims grouped as an import's are. The rows are read
in the removal's transaction, so they are exactly what went.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from store.grouping import Grouper
from store.rows import NewArticle, StoredArticle, StoredClaim, StoredMention, select
from store.writing import rename_entities

# Articles a removal keeps in memory to put back (each with its whole text, claims and
# mentions: about 20 KB); a larger removal says it cannot be undone.
KEPT_UP_TO = 2000
_IN = "(SELECT value FROM json_each(?))"
_PLACE = re.compile(r"#(?:line|item|entry) \d+$")  # an article's place in a file of many


@dataclass(frozen=True)
class SourceShare:
    """What a removal takes from one source."""

    source: str
    articles: int
    claims: int


@dataclass(frozen=True)
class Selection:
    """Articles a removal would take, and what each source loses."""

    articles: tuple[int, ...]
    sources: tuple[SourceShare, ...]

    @property
    def claims(self) -> int:
        return sum(s.claims for s in self.sources)

    @property
    def undoable(self) -> bool:
        """Whether the reader can keep them to put back (KEPT_UP_TO)."""
        return len(self.articles) <= KEPT_UP_TO

    def __str__(self) -> str:
        """ "3 articles (41 claims)"."""
        return _counted(len(self.articles), self.claims)


def _counted(articles: int, claims: int) -> str:
    return (f"{articles:,} article{'s' * (articles != 1)} "
            f"({claims:,} claim{'s' * (claims != 1)})")  # fmt: skip


def share_line(share: SourceShare) -> str:
    """ "2 articles (12 claims) of Reuters"."""
    return f"{_counted(share.articles, share.claims)} of {share.source}"


@dataclass(frozen=True)
class Removal:
    """What a removal took: the selection, and the rows to put it back (empty when it
    was too large to keep, or not asked for)."""

    selection: Selection
    kept: tuple[tuple[int, NewArticle], ...] = ()  # each article's id then, and its rows
    files: tuple[tuple[str, int], ...] = ()  # (a file hash, the article id it named)


def selection(
    fetch: Callable[..., list[Any]],
    sources: frozenset[str] = frozenset(),
    articles: frozenset[int] = frozenset(),
) -> Selection:
    """The articles of those sources, and those articles (by id), with what each source
    would lose. `fetch` runs a query (Connections.fetch)."""
    ids = [
        r[0]
        for r in fetch(
            f"SELECT id FROM articles WHERE source IN {_IN} OR id IN {_IN} ORDER BY id",
            (json.dumps(sorted(sources)), json.dumps(sorted(articles))),
        )
    ]
    shares = fetch(
        "SELECT a.source, count(*), sum((SELECT count(*) FROM claims c "
        f"WHERE c.article_id = a.id)) FROM articles a WHERE a.id IN {_IN} "
        "GROUP BY a.source ORDER BY a.source",
        (json.dumps(ids),),
    )
    return Selection(tuple(ids), tuple(SourceShare(s, n, c) for s, n, c in shares))


def remove(conn: sqlite3.Connection, grouper: Grouper, chosen: Selection, keep: bool) -> Removal:
    """Take the chosen articles out, inside the caller's transaction; with `keep`, read
    their rows first to put them back (Removal.kept). The caller regroups afterwards. What
    went is counted again here: another claimdiff may have removed some since."""
    chosen = selection(lambda sql, params: conn.execute(sql, params).fetchall(),
                       articles=frozenset(chosen.articles))  # fmt: skip
    ids = list(chosen.articles)
    removed = json.dumps(ids)
    files = _forgotten_files(conn, ids)
    kept = _rows(conn, ids, files) if keep and chosen.undoable else ()
    touched = _take_names(conn, removed)
    grouper.release(conn, ids)
    conn.execute(
        f"DELETE FROM claim_entities WHERE claim_id IN (SELECT id FROM claims "
        f"WHERE article_id IN {_IN})",
        (removed,),
    )
    for table in ("claims", "mentions", "story_pairs"):
        conn.execute(f"DELETE FROM {table} WHERE article_id IN {_IN}", (removed,))
    conn.executemany("DELETE FROM files WHERE hash = ?", [(h,) for h, _ in files])
    conn.execute(f"DELETE FROM articles WHERE id IN {_IN}", (removed,))
    _recount(conn, touched)
    return Removal(chosen, kept, tuple(files) if kept else ())


def _forgotten_files(conn: sqlite3.Connection, ids: list[int]) -> list[tuple[str, int]]:
    """The file hashes to forget: the articles' own, and those of the files of many they
    came from (whose hash names the file's last article), so that each imports again."""
    paths = [r[0] for r in conn.execute(f"SELECT path FROM articles WHERE id IN {_IN}",
                                        (json.dumps(ids),)) if r[0]]  # fmt: skip
    files = {_PLACE.sub("", p) + "#" for p in paths if _PLACE.search(p)}
    siblings = [
        r[0]
        for prefix in sorted(files)
        for r in conn.execute(
            "SELECT id FROM articles WHERE substr(path, 1, length(?)) = ?", (prefix, prefix)
        )
    ]
    return [
        (h, a)
        for h, a in conn.execute(
            f"SELECT hash, article_id FROM files WHERE article_id IN {_IN} ORDER BY hash",
            (json.dumps(sorted(set(ids) | set(siblings))),),
        )
    ]


def _rows(
    conn: sqlite3.Connection, ids: list[int], files: list[tuple[str, int]]
) -> tuple[tuple[int, NewArticle], ...]:
    """The articles' rows as an import writes them, to write them again."""
    removed = json.dumps(ids)
    claims: dict[int, list[StoredClaim]] = {i: [] for i in ids}
    for article_id, *row in conn.execute(
        f"SELECT claims.article_id, {select(StoredClaim, 'claims')} FROM claims "
        f"WHERE article_id IN {_IN} ORDER BY id",
        (removed,),
    ):
        claims[article_id].append(StoredClaim._make(row))
    mentions: dict[int, list[StoredMention]] = {i: [] for i in ids}
    for article_id, *row in conn.execute(
        f"SELECT mentions.article_id, {select(StoredMention, 'mentions')} FROM mentions "
        f"WHERE article_id IN {_IN} ORDER BY id",
        (removed,),
    ):
        mentions[article_id].append(StoredMention._make(row))
    own = {a: h for h, a in reversed(files)}  # an article's first file hash travels with it
    kept = []
    for article_id, *row in conn.execute(
        f"SELECT articles.id, {select(StoredArticle, 'articles')} FROM articles "
        f"WHERE id IN {_IN} ORDER BY id",
        (removed,),
    ):
        article = StoredArticle._make(row)
        kept.append((article_id, NewArticle(
            article.path, own.get(article_id), article.content_hash, article,
            claims[article_id], mentions[article_id])))  # fmt: skip
    return tuple(kept)


def _take_names(conn: sqlite3.Connection, removed: str) -> set[int]:
    """Take from each entity what the articles gave it: mentions, spellings, articles and
    claims naming it. Returns the entities touched."""
    spellings = conn.execute(
        "SELECT entity_id, name, type, count(*) FROM mentions WHERE entity_id IS NOT NULL "
        f"AND article_id IN {_IN} GROUP BY entity_id, name, type",
        (removed,),
    ).fetchall()
    lost: dict[int, list[int]] = {}  # mentions, articles, claims
    for entity, mentions, articles in conn.execute(
        "SELECT entity_id, count(*), count(DISTINCT article_id) FROM mentions "
        f"WHERE entity_id IS NOT NULL AND article_id IN {_IN} GROUP BY entity_id",
        (removed,),
    ):
        lost[entity] = [mentions, articles, 0]
    named: Counter[int] = Counter(dict(conn.execute(
        "SELECT ce.entity_id, count(*) FROM claim_entities ce JOIN claims c ON c.id = "
        f"ce.claim_id WHERE c.article_id IN {_IN} GROUP BY ce.entity_id", (removed,))))  # fmt: skip
    for entity, claims in named.items():
        lost.setdefault(entity, [0, 0, 0])[2] = claims
    conn.executemany(
        "UPDATE entity_spellings SET mentions = mentions - ? "
        "WHERE entity_id = ? AND name = ? AND type = ?",
        [(n, entity, name, type_) for entity, name, type_, n in spellings],
    )
    conn.execute("DELETE FROM entity_spellings WHERE mentions <= 0")
    conn.executemany(
        "UPDATE entities SET mentions = mentions - ?, articles = articles - ?, "
        "claims = claims - ? WHERE id = ?",
        [(*counts, entity) for entity, counts in sorted(lost.items())],
    )
    return set(lost)


def _recount(conn: sqlite3.Connection, touched: set[int]) -> None:
    """Once the articles are gone: the sources of the claims naming each touched entity,
    an entity nothing mentions any more removed, and the others named again from the
    spellings they keep."""
    entities = json.dumps(sorted(touched))
    conn.execute(f"DELETE FROM entity_sources WHERE entity_id IN {_IN}", (entities,))
    conn.execute(
        "INSERT INTO entity_sources (entity_id, source) SELECT DISTINCT ce.entity_id, "
        "a.source FROM claim_entities ce JOIN claims c ON c.id = ce.claim_id "
        f"JOIN articles a ON a.id = c.article_id WHERE ce.entity_id IN {_IN}",
        (entities,),
    )
    conn.execute(
        "UPDATE entities SET sources = (SELECT count(*) FROM entity_sources "
        f"WHERE entity_id = entities.id) WHERE id IN {_IN}",
        (entities,),
    )
    gone = json.dumps([r[0] for r in conn.execute(
        f"SELECT id FROM entities WHERE id IN {_IN} AND mentions <= 0", (entities,))])  # fmt: skip
    for table in ("entity_spellings", "claim_entities", "entity_sources", "cluster_entities"):
        conn.execute(f"DELETE FROM {table} WHERE entity_id IN {_IN}", (gone,))
    conn.execute(f"DELETE FROM entities WHERE id IN {_IN}", (gone,))
    rename_entities(conn, touched - set(json.loads(gone)))


def restore_files(conn: sqlite3.Connection, removal: Removal, written: list[int | None]) -> None:
    """The file hashes a removal forgot, naming the articles put back (`written`: each
    kept article's new id, None where the library holds its text again already) and the
    articles of the same files of many that stayed."""
    now = {old: new for (old, _), new in zip(removal.kept, written, strict=True) if new}
    conn.executemany(
        "INSERT OR IGNORE INTO files (hash, article_id) SELECT ?, id FROM articles WHERE id = ?",
        [(h, now.get(article, article)) for h, article in removal.files],
    )
