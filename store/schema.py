"""The library's SQLite schema, its version, and opening a file safely.

The version lives in `PRAGMA user_version`. A library written by a newer claimdiff is refused
untouched; a file that is not a claimdiff library is never written to.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA_VERSION = 13
_GROUP_TABLES_V3 = (
    "CREATE TABLE IF NOT EXISTS claim_groups (key TEXT PRIMARY KEY, position INTEGER NOT NULL, "
    "topic TEXT NOT NULL, status TEXT NOT NULL, soft INTEGER NOT NULL, explanation TEXT)",
    "CREATE TABLE IF NOT EXISTS claim_group_members ("
    "group_key TEXT NOT NULL REFERENCES claim_groups(key), "
    "claim_id INTEGER NOT NULL REFERENCES claims(id), position INTEGER NOT NULL)",
)
# Groups are kept per comparison key (claims.comparison_key), so an import regroups only
# the keys its claims have; their order is read from status, sources and topic.
_GROUP_TABLES = (
    "CREATE TABLE claim_groups (key TEXT PRIMARY KEY, comparison_key TEXT NOT NULL, "
    "topic TEXT NOT NULL, status TEXT NOT NULL, soft INTEGER NOT NULL, explanation TEXT, "
    "sources INTEGER NOT NULL)",
    "CREATE INDEX idx_claim_groups_comparison_key ON claim_groups (comparison_key)",
    "CREATE TABLE claim_group_members ("
    "group_key TEXT NOT NULL REFERENCES claim_groups(key) ON DELETE CASCADE, "
    "claim_id INTEGER NOT NULL REFERENCES claims(id), position INTEGER NOT NULL)",
    "CREATE INDEX idx_claim_group_members_group ON claim_group_members (group_key, position)",
    "CREATE INDEX idx_claim_group_members_claim ON claim_group_members (claim_id)",
)
_SCALE = (
    # The raw bytes' hash of every file imported: an unchanged folder is skipped unread
    # by analysis.
    "CREATE TABLE files (hash TEXT PRIMARY KEY, article_id INTEGER NOT NULL "
    "REFERENCES articles(id)) WITHOUT ROWID",
    # NULL until the claim has been grouped: what the next regrouping starts from.
    "ALTER TABLE claims ADD COLUMN comparison_key TEXT",
    "CREATE INDEX idx_claims_comparison_key ON claims (comparison_key)",
    # The cluster (its first claim's id) a grouped claim is in: regrouping takes whole ones.
    "ALTER TABLE claims ADD COLUMN cluster INTEGER",
    "CREATE INDEX idx_claims_cluster ON claims (cluster)",
    # The article's story names (story_signatures), one per line; NULL until grouped.
    "ALTER TABLE articles ADD COLUMN story TEXT",
    # Every two of an article's story names (compare.story_pairs): the articles of its story.
    "CREATE TABLE story_pairs (pair TEXT NOT NULL, article_id INTEGER NOT NULL "
    "REFERENCES articles(id), PRIMARY KEY (pair, article_id)) WITHOUT ROWID",
    "CREATE INDEX idx_story_pairs_article ON story_pairs (article_id)",
    # In how many articles an entity is named: which names are too common to tell stories.
    "ALTER TABLE entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0",
)
# Each entity's counts, kept as articles are written, and what they are counted from: the
# entities pane of a large library reads them instead of counting every mention.
_ENTITY_COUNTS = (
    "ALTER TABLE entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE entities ADD COLUMN claims INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE entities ADD COLUMN sources INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE entities ADD COLUMN conflicts INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX idx_entities_mentions ON entities (mentions DESC, name)",
    # The entities a claim's sentence names.
    "CREATE TABLE claim_entities (entity_id INTEGER NOT NULL REFERENCES entities(id), "
    "claim_id INTEGER NOT NULL REFERENCES claims(id), PRIMARY KEY (entity_id, claim_id)) "
    "WITHOUT ROWID",
    "CREATE INDEX idx_claim_entities_claim ON claim_entities (claim_id)",
    "CREATE TABLE entity_aliases (entity_id INTEGER NOT NULL REFERENCES entities(id), "
    "name TEXT NOT NULL, PRIMARY KEY (entity_id, name)) WITHOUT ROWID",
    "CREATE TABLE entity_sources (entity_id INTEGER NOT NULL REFERENCES entities(id), "
    "source TEXT NOT NULL, PRIMARY KEY (entity_id, source)) WITHOUT ROWID",
)
_COUNT_ENTITIES = (
    "INSERT INTO claim_entities SELECT DISTINCT m.entity_id, c.id FROM mentions m "
    "JOIN claims c ON c.article_id = m.article_id AND m.span_start >= c.sentence_start "
    "AND m.span_end <= c.sentence_end WHERE m.entity_id IS NOT NULL",
    "INSERT INTO entity_aliases SELECT DISTINCT entity_id, name FROM mentions "
    "WHERE entity_id IS NOT NULL",
    "INSERT INTO entity_sources SELECT DISTINCT ce.entity_id, a.source FROM claim_entities ce "
    "JOIN claims c ON c.id = ce.claim_id JOIN articles a ON a.id = c.article_id",
    "UPDATE entities SET "
    "mentions = (SELECT count(*) FROM mentions WHERE entity_id = entities.id), "
    "claims = (SELECT count(*) FROM claim_entities WHERE entity_id = entities.id), "
    "sources = (SELECT count(*) FROM entity_sources WHERE entity_id = entities.id)",
)
_COUNT_CONFLICTS_V5 = (
    "UPDATE entities SET conflicts = (SELECT count(DISTINCT gm.group_key) FROM "
    "claim_entities ce JOIN claim_group_members gm ON gm.claim_id = ce.claim_id "
    "JOIN claim_groups g ON g.key = gm.group_key AND g.status = 'conflict' "
    "WHERE ce.entity_id = entities.id)"
)
# A group is a cluster (claims.cluster) that makes one; its members are read from claims,
# so a cluster that grows by a claim rewrites one row, not every member. cluster_entities
# holds the entities each cluster's claims name, for counting an entity's conflicts.
_CLUSTER_GROUPS = (
    "DROP TABLE claim_group_members",
    "DROP TABLE claim_groups",
    "CREATE TABLE claim_groups (key TEXT PRIMARY KEY, comparison_key TEXT NOT NULL, "
    "cluster INTEGER NOT NULL UNIQUE, topic TEXT NOT NULL, status TEXT NOT NULL, "
    "soft INTEGER NOT NULL, explanation TEXT, sources INTEGER NOT NULL)",
    "CREATE INDEX idx_claim_groups_status ON claim_groups (status)",
    "CREATE TABLE cluster_entities (entity_id INTEGER NOT NULL REFERENCES entities(id), "
    "cluster INTEGER NOT NULL, PRIMARY KEY (entity_id, cluster)) WITHOUT ROWID",
    "CREATE INDEX idx_cluster_entities_cluster ON cluster_entities (cluster)",
    "ALTER TABLE entities DROP COLUMN conflicts",
    # Grouped anew on first use.
    "UPDATE claims SET comparison_key = NULL, cluster = NULL",
    "UPDATE articles SET story = NULL",
    "DELETE FROM story_pairs",
)
# sqlite-utils' update triggers re-index a row's text on any update; grouping updates
# claims' clusters and articles' story names, so they fire only when the text changes.
_TEXT_ONLY_TRIGGERS = (
    "DROP TRIGGER articles_au",
    'CREATE TRIGGER "articles_au" AFTER UPDATE OF title, body ON "articles" BEGIN '
    'INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "body") '
    'VALUES(\'delete\', old.rowid, old."title", old."body"); '
    'INSERT INTO "articles_fts" (rowid, "title", "body") '
    'VALUES (new.rowid, new."title", new."body"); END',
    "DROP TRIGGER claims_au",
    'CREATE TRIGGER "claims_au" AFTER UPDATE OF sentence ON "claims" BEGIN '
    'INSERT INTO "claims_fts" ("claims_fts", rowid, "sentence") '
    "VALUES('delete', old.rowid, old.\"sentence\"); "
    'INSERT INTO "claims_fts" (rowid, "sentence") VALUES (new.rowid, new."sentence"); END',
)
# Lists come in publication order; indexes in that order let a page of a long list be read
# without sorting every row the filter keeps. A claim keeps its article's date for it.
_LIST_ORDER = (
    "ALTER TABLE claims ADD COLUMN article_published TEXT",
    "UPDATE claims SET article_published = "
    "(SELECT published FROM articles WHERE articles.id = claims.article_id)",
    "CREATE INDEX idx_claims_order ON claims "
    "(article_published IS NULL, article_published, article_id, span_start, id)",
    "CREATE INDEX idx_articles_order ON articles (published IS NULL, published, id)",
)
# An entity's conflicts, kept: counting them for a page of entities walked every cluster
# naming each one (405,000 rows at 100,000 articles).
COUNT_CONFLICTS = (
    "UPDATE entities SET conflicts = (SELECT count(*) FROM cluster_entities ce "
    "JOIN claim_groups g ON g.cluster = ce.cluster AND g.status = 'conflict' "
    "WHERE ce.entity_id = entities.id)"
)
_KEPT_CONFLICTS = (
    "ALTER TABLE entities ADD COLUMN conflicts INTEGER NOT NULL DEFAULT 0",
    COUNT_CONFLICTS,
)
# Filters read from indexes alone: an article row holds its whole text (a page each), so
# touching rows to test a source or a date cost 100-270 ms at 100,000 articles. Each index
# carries what a filter tests and what the list sorts by; hedge and kind get their own, in
# list order, for the combinations few claims have (statements with a hedge: none, found by
# walking 620,000 claims). An index that changes shape takes a new name. See
# store/filtering.py.
_COVERING_FILTERS = (
    "DROP INDEX idx_claims_order",
    "CREATE INDEX idx_claims_order ON claims "
    "(article_published IS NULL, article_published, article_id, span_start, id, kind, hedge)",
    "CREATE INDEX idx_claims_hedge_kind ON claims "
    "(hedge, kind, article_published IS NULL, article_published, article_id, span_start)",
    "DROP INDEX idx_articles_order",
    "CREATE INDEX idx_articles_order ON articles (published IS NULL, published, id, source)",
    "DROP INDEX idx_articles_source",
    "CREATE INDEX idx_articles_source_order ON articles (source, published IS NULL, published, id)",
    "DROP INDEX idx_mentions_entity_id",
    "CREATE INDEX idx_mentions_entity_article ON mentions (entity_id, article_id)",
    "DROP INDEX idx_mentions_article_id_span_start",
    "CREATE INDEX idx_mentions_article_entity ON mentions (article_id, entity_id)",
)
# A large cluster's summary (extract.compare.Summary), so that a claim joining it regroups
# from the summary instead of reading its members (87,000 claims at 100,000 articles);
# smaller clusters are read whole when they grow, which costs less than keeping a row for
# each. A library grouped before this keeps '' for each large cluster until its next
# regrouping summarises them (store/grouping.py). Linking reads a key's claims of a few
# articles: the key's index carries the article and the cluster, so only those rows are
# read, and which clusters they are in is read from the index.
SUMMARY_AFTER = 32
_CLUSTER_SUMMARIES = (
    "CREATE TABLE cluster_summaries (cluster INTEGER PRIMARY KEY, summary TEXT NOT NULL)",
    "INSERT INTO cluster_summaries SELECT cluster, '' FROM claims WHERE cluster IS NOT NULL "
    f"GROUP BY cluster HAVING count(*) >= {SUMMARY_AFTER}",
    "DROP INDEX idx_claims_comparison_key",
    "CREATE INDEX idx_claims_key_article ON claims (comparison_key, article_id, cluster)",
    # What an import left to group, and the articles it left to sign with their stories,
    # found without walking every claim or reading every article's row.
    "CREATE INDEX idx_claims_ungrouped ON claims (comparison_key, article_id) "
    "WHERE comparison_key != '' AND cluster IS NULL",
    "CREATE INDEX idx_articles_unsigned ON articles (id) WHERE story IS NULL",
    # An article's source by its id, without its row (which holds its whole text).
    "CREATE INDEX idx_articles_id_source ON articles (id, source)",
)
# The writer puts each batch's text into the full-text indexes with one statement a table
# (Library.add_articles): sqlite-utils' insert triggers did it a row at a time, which cost
# 0.75 s against 0.16 s for 25,000 sentences, a quarter of the writer's time. Nothing reads
# by a claim's concept: its index only cost every insert.
_BATCH_FULL_TEXT = (
    "DROP TRIGGER articles_ai",
    "DROP TRIGGER claims_ai",
    "DROP INDEX idx_claims_concept",
)
# What turns a library of version N-1 into version N, run in one transaction on open.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: ("ALTER TABLE claims ADD COLUMN said_on TEXT",),
    3: _GROUP_TABLES_V3,  # discrepancy groups, kept from the last import
    4: (
        "DROP TABLE IF EXISTS claim_group_members",
        "DROP TABLE IF EXISTS claim_groups",
        *_GROUP_TABLES,
        *_SCALE,
        "UPDATE entities SET articles = (SELECT count(DISTINCT article_id) FROM mentions "
        "WHERE entity_id = entities.id)",
    ),
    5: (*_ENTITY_COUNTS, *_COUNT_ENTITIES, _COUNT_CONFLICTS_V5),
    6: _CLUSTER_GROUPS,
    7: _TEXT_ONLY_TRIGGERS,
    8: _LIST_ORDER,
    9: _KEPT_CONFLICTS,
    10: _COVERING_FILTERS,
    11: _CLUSTER_SUMMARIES,
    # A feed entry or API record that carried only a summary, not the whole article.
    12: ("ALTER TABLE articles ADD COLUMN partial INTEGER NOT NULL DEFAULT 0",),
    13: _BATCH_FULL_TEXT,
}
_TABLES = {"articles", "claims", "mentions", "entities"}  # present since version 1


class LibraryError(Exception):
    """The library file cannot be used; the message says why and names the file."""


def writing_error(path: Path, exc: sqlite3.Error) -> LibraryError:
    """What a failed write means to the user. The transaction was rolled back: whatever
    was written before it is intact."""
    reason = str(exc)
    if "full" in reason or "I/O" in reason:
        return LibraryError(
            f"{path}: cannot write to the library: the disk is full or failing ({reason}); "
            "everything written before is kept"
        )
    if "locked" in reason or "busy" in reason:
        return LibraryError(f"{path}: the library is busy: another claimdiff kept it ({reason})")
    return LibraryError(f"{path}: cannot write to the library ({reason})")


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the settings every reader and writer needs. Transactions are
    explicit (see `transaction`): no statement opens one behind the caller's back."""
    conn = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA foreign_keys = ON")
    # In WAL mode, a commit survives the process being killed without waiting for the disk;
    # only a power cut may take back the last commits, never leave a damaged library.
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All or nothing. BEGIN IMMEDIATE takes the write lock at the start, so a second
    writer waits its turn instead of failing halfway through."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def open_database(path: Path) -> sqlite3.Connection:
    """Open (or create) the library at path, creating or checking its schema."""
    if path.exists() and path.is_dir():
        raise LibraryError(f"{path}: is a folder, not a library file")
    if not path.exists() or path.stat().st_size == 0:  # an empty file holds nobody's data
        _create_file(path)
    try:
        conn = connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{path}: not a claimdiff library ({exc})") from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise LibraryError(
            f"{path}: written by a newer claimdiff (schema {version}, this one reads "
            f"{SCHEMA_VERSION}); upgrade claimdiff to open it"
        )
    if version == 0:  # an empty file, or somebody else's database: never written over
        conn.close()
        raise LibraryError(f"{path}: a SQLite file, but not a claimdiff library")
    if not tables >= _TABLES:
        conn.close()
        raise LibraryError(f"{path}: the library is damaged (tables missing)")
    elif version < SCHEMA_VERSION:
        _migrate(conn, version)
    return conn


def _create_file(path: Path) -> None:
    """Make a new library whole under a name of its own, then give it its name in one step.

    Creating full-text indexes commits as it goes, so a creation cut short (Ctrl+C, kill)
    would leave a file at version 0 that no claimdiff could open, and two processes
    creating one library at once raced each other's tables. A hard link cannot replace a
    file: the first to finish names the library, the other opens it."""
    draft = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(draft)
        try:
            conn.execute("PRAGMA journal_mode = WAL")  # kept in the file
            _create(conn)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        finally:
            conn.close()
        if path.exists() and path.stat().st_size == 0:
            os.replace(draft, path)
        else:
            try:
                os.link(draft, path)
            except FileExistsError:
                raise
            except OSError:  # a file system without hard links: a rename, if still free
                if not path.exists():
                    os.replace(draft, path)
    except FileExistsError:
        pass  # another claimdiff made it first: theirs is the library
    except (OSError, sqlite3.Error) as exc:
        raise LibraryError(f"{path}: cannot create a library there ({exc})") from exc
    finally:
        for leftover in (draft, draft.with_name(draft.name + "-wal"),
                         draft.with_name(draft.name + "-shm")):  # fmt: skip
            leftover.unlink(missing_ok=True)


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    """Bring an older library up to this version in place, all or nothing."""
    with transaction(conn):
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for sql in MIGRATIONS[step]:
                conn.execute(sql)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _create(conn: sqlite3.Connection) -> None:
    """A new library's tables, through sqlite-utils (loaded only here: reading needs none).
    Not one transaction (enabling full-text search commits as it goes): see _create_file."""
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    db["articles"].create(
        {
            "id": int, "content_hash": str, "path": str, "title": str, "source": str,
            "author": str, "published": str, "published_raw": str, "url": str, "body": str,
            "imported_at": str,
        },
        pk="id",
        not_null={"content_hash", "title", "source", "body"},
    )  # fmt: skip
    db["articles"].create_index(["content_hash"], unique=True)
    db["articles"].create_index(["source"])
    db["claims"].create(
        {
            "id": int, "article_id": int, "kind": str, "sentence": str, "sentence_start": int,
            "sentence_end": int, "span_start": int, "span_end": int, "value": float,
            "low": float, "high": float, "unit": str, "concept": str, "hedge": str,
            "increment": int, "attributed_to": str, "stance": str, "said_on": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "kind", "sentence"},
    )  # fmt: skip
    db["claims"].create_index(["article_id", "sentence_start"])
    db["claims"].create_index(["concept"])
    db["entities"].create(
        {"id": int, "key": str, "name": str, "type": str},
        pk="id",
        not_null={"key", "name", "type"},
    )
    db["entities"].create_index(["key"], unique=True)
    db["mentions"].create(
        {
            "id": int, "article_id": int, "span_start": int, "span_end": int, "text": str,
            "name": str, "type": str, "entity_id": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("entity_id", "entities", "id")],
        not_null={"article_id", "name", "type"},
    )  # fmt: skip
    db["mentions"].create_index(["article_id", "span_start"])
    db["mentions"].create_index(["entity_id"])
    for sql in _GROUP_TABLES_V3:
        db.execute(sql)
    db["articles"].enable_fts(["title", "body"], create_triggers=True, tokenize="porter")
    db["claims"].enable_fts(["sentence"], create_triggers=True, tokenize="porter")
    for version in range(4, SCHEMA_VERSION + 1):  # one schema, however a library got here
        for sql in MIGRATIONS[version]:
            db.execute(sql)
