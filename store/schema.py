"""The library's SQLite schema, its version, and opening a file safely.

`TABLES` and `INDEXES` are the current schema: a new library is made from them directly,
and an open library must have what they name. An older library is brought up to date by
the named steps in store/migrations.py. The version lives in `PRAGMA user_version`, and
`PRAGMA application_id` says a file is a claimdiff library at all: another program's
database, even one with an `articles` table, is never read as one, let alone written to;
a library written by a newer claimdiff is refused untouched; a library on a read-only disk
is read, and a write to it is refused with the reason.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

SCHEMA_VERSION = 18
APPLICATION_ID = 0x63646966  # "cdif": this SQLite file is a claimdiff library


class Table(NamedTuple):
    """A table of the current schema: its columns with their declarations, in order."""

    columns: dict[str, str]
    constraints: str = ""  # a composite primary key, after the columns
    without_rowid: bool = False


TABLES: dict[str, Table] = {
    "articles": Table({
        "id": "INTEGER PRIMARY KEY", "content_hash": "TEXT NOT NULL", "path": "TEXT",
        "title": "TEXT NOT NULL", "source": "TEXT NOT NULL", "author": "TEXT",
        "published": "TEXT", "published_raw": "TEXT", "url": "TEXT", "body": "TEXT NOT NULL",
        "imported_at": "TEXT",
        "story": "TEXT",  # its story names (compare.story_signatures), one a line; NULL: unsigned
        "partial": "INTEGER NOT NULL DEFAULT 0",  # a summary only: the whole text not carried
    }),
    "claims": Table({
        "id": "INTEGER PRIMARY KEY", "article_id": "INTEGER NOT NULL REFERENCES articles(id)",
        "kind": "TEXT NOT NULL", "sentence": "TEXT NOT NULL", "sentence_start": "INTEGER",
        "sentence_end": "INTEGER", "span_start": "INTEGER", "span_end": "INTEGER",
        "value": "REAL", "low": "REAL", "high": "REAL", "unit": "TEXT", "concept": "TEXT",
        "hedge": "TEXT", "increment": "INTEGER", "attributed_to": "TEXT", "stance": "TEXT",
        "said_on": "TEXT",
        "comparison_key": "TEXT",  # NULL until grouped: what the next regrouping starts from
        "cluster": "INTEGER",  # its cluster's first claim: regrouping takes whole ones
        "article_published": "TEXT",  # its article's date, for lists in that order
        "holds_on": "TEXT",  # the day its figure is as of (measures.holds_on), from grouping
        # Its article's own comparison key: what the story settles of what it leaves open
        # (compare.settle_open) is in comparison_key, read again as the story grows.
        "measured_key": "TEXT",
    }),
    "entities": Table({
        "id": "INTEGER PRIMARY KEY", "key": "TEXT NOT NULL", "name": "TEXT NOT NULL",
        "type": "TEXT NOT NULL",
        # Counts kept as articles are written: the entities pane reads them.
        "articles": "INTEGER NOT NULL DEFAULT 0", "mentions": "INTEGER NOT NULL DEFAULT 0",
        "claims": "INTEGER NOT NULL DEFAULT 0", "sources": "INTEGER NOT NULL DEFAULT 0",
        "conflicts": "INTEGER NOT NULL DEFAULT 0",
    }),
    "mentions": Table({
        "id": "INTEGER PRIMARY KEY", "article_id": "INTEGER NOT NULL REFERENCES articles(id)",
        "span_start": "INTEGER", "span_end": "INTEGER", "text": "TEXT", "name": "TEXT NOT NULL",
        "type": "TEXT NOT NULL", "entity_id": "INTEGER REFERENCES entities(id)",
    }),
    # The raw bytes' hash of every file imported: an unchanged folder is skipped unread.
    "files": Table({"hash": "TEXT PRIMARY KEY",
                    "article_id": "INTEGER NOT NULL REFERENCES articles(id)"},
                   without_rowid=True),
    # Every two of an article's story names (compare.story_pairs): the articles of its story.
    "story_pairs": Table({"pair": "TEXT NOT NULL",
                          "article_id": "INTEGER NOT NULL REFERENCES articles(id)"},
                         "PRIMARY KEY (pair, article_id)", without_rowid=True),
    # The entities a claim's sentence names.
    "claim_entities": Table({"entity_id": "INTEGER NOT NULL REFERENCES entities(id)",
                             "claim_id": "INTEGER NOT NULL REFERENCES claims(id)"},
                            "PRIMARY KEY (entity_id, claim_id)", without_rowid=True),
    # Every name written for an entity, with how its mentions were typed and how many
    # there are: an entity's name and type are read from them (resolve.canonical_name).
    "entity_spellings": Table({"entity_id": "INTEGER NOT NULL REFERENCES entities(id)",
                               "name": "TEXT NOT NULL", "type": "TEXT NOT NULL",
                               "mentions": "INTEGER NOT NULL"},
                              "PRIMARY KEY (entity_id, name, type)", without_rowid=True),
    "entity_sources": Table({"entity_id": "INTEGER NOT NULL REFERENCES entities(id)",
                             "source": "TEXT NOT NULL"},
                            "PRIMARY KEY (entity_id, source)", without_rowid=True),
    # A group is a cluster (claims.cluster) that makes one.
    "claim_groups": Table({
        "key": "TEXT PRIMARY KEY", "comparison_key": "TEXT NOT NULL",
        "cluster": "INTEGER NOT NULL UNIQUE", "topic": "TEXT NOT NULL",
        "status": "TEXT NOT NULL", "soft": "INTEGER NOT NULL", "explanation": "TEXT",
        "sources": "INTEGER NOT NULL",
    }),
    # The entities each cluster's claims name, for counting an entity's conflicts.
    "cluster_entities": Table({"entity_id": "INTEGER NOT NULL REFERENCES entities(id)",
                               "cluster": "INTEGER NOT NULL"},
                              "PRIMARY KEY (entity_id, cluster)", without_rowid=True),
    # A large cluster's summary (extract.compare.Summary): regrouping reads it, not its members.
    "cluster_summaries": Table({"cluster": "INTEGER PRIMARY KEY", "summary": "TEXT NOT NULL"}),
    # The names too common to tell stories apart when stories were last signed: articles
    # naming one that has become common, or no longer is, are signed again.
    "common_names": Table({"name": "TEXT PRIMARY KEY"}, without_rowid=True),
    # The analyst's judgement, kept by what a claim is, never by its id (store/verdicts.py):
    # a claim's verdict, note and the group it was put in by hand ('' taken out of groups).
    "claim_verdicts": Table({
        "content_hash": "TEXT NOT NULL", "span_start": "INTEGER NOT NULL",
        "span_end": "INTEGER NOT NULL", "verdict": "TEXT", "note": "TEXT NOT NULL DEFAULT ''",
        "grouped_as": "TEXT", "set_at": "TEXT NOT NULL",
    }, "PRIMARY KEY (content_hash, span_start, span_end)", without_rowid=True),
    # A group's verdict, and the claims the group held when it was given.
    "group_verdicts": Table({
        "id": "INTEGER PRIMARY KEY", "verdict": "TEXT NOT NULL",
        "note": "TEXT NOT NULL DEFAULT ''", "set_at": "TEXT NOT NULL",
    }),
    "group_verdict_claims": Table({
        "verdict_id": "INTEGER NOT NULL REFERENCES group_verdicts(id) ON DELETE CASCADE",
        "content_hash": "TEXT NOT NULL", "span_start": "INTEGER NOT NULL",
        "span_end": "INTEGER NOT NULL",
    }, "PRIMARY KEY (verdict_id, content_hash, span_start, span_end)", without_rowid=True),
}  # fmt: skip
# Each index says what reads it (store/filtering.py, store/grouping.py).
INDEXES = (
    "CREATE UNIQUE INDEX idx_articles_content_hash ON articles (content_hash)",
    # Lists in publication order; filters read from indexes alone (an article's row holds
    # its whole text): each carries what a filter tests and what the list sorts by.
    "CREATE INDEX idx_articles_order ON articles (published IS NULL, published, id, source)",
    "CREATE INDEX idx_articles_source_order ON articles (source, published IS NULL, published, id)",
    "CREATE INDEX idx_articles_unsigned ON articles (id) WHERE story IS NULL",
    "CREATE INDEX idx_articles_id_source ON articles (id, source)",
    "CREATE INDEX idx_claims_article_id_sentence_start ON claims (article_id, sentence_start)",
    "CREATE INDEX idx_claims_order ON claims "
    "(article_published IS NULL, article_published, article_id, span_start, id, kind, hedge)",
    "CREATE INDEX idx_claims_hedge_kind ON claims "
    "(hedge, kind, article_published IS NULL, article_published, article_id, span_start)",
    "CREATE INDEX idx_claims_cluster ON claims (cluster)",
    "CREATE INDEX idx_claims_key_article ON claims (comparison_key, article_id, cluster)",
    # What an import left to group, found without walking every claim.
    "CREATE INDEX idx_claims_ungrouped ON claims (comparison_key, article_id) "
    "WHERE comparison_key != '' AND cluster IS NULL",
    "CREATE UNIQUE INDEX idx_entities_key ON entities (key)",
    "CREATE INDEX idx_entities_mentions ON entities (mentions DESC, name)",
    "CREATE INDEX idx_mentions_entity_article ON mentions (entity_id, article_id)",
    "CREATE INDEX idx_mentions_article_entity ON mentions (article_id, entity_id)",
    "CREATE INDEX idx_story_pairs_article ON story_pairs (article_id)",
    "CREATE INDEX idx_claim_entities_claim ON claim_entities (claim_id)",
    "CREATE INDEX idx_claim_groups_status ON claim_groups (status)",
    "CREATE INDEX idx_cluster_entities_cluster ON cluster_entities (cluster)",
    # Which group verdicts a claim is in (store/verdicts.py).
    "CREATE INDEX idx_group_verdict_claims_claim ON group_verdict_claims "
    "(content_hash, span_start, span_end)",
)
# Full-text search of articles and claims (porter stemming), kept in step with their text.
# Rows are indexed a batch at a time by the writer (Library.add_articles), not by a trigger
# a row (0.75 s against 0.16 s for 25,000 sentences); these keep deletions and edits in step.
FULL_TEXT = {"articles": ("title", "body"), "claims": ("sentence",)}
FULL_TEXT_TRIGGERS = (
    'CREATE TRIGGER "articles_ad" AFTER DELETE ON "articles" BEGIN INSERT INTO "articles_fts" '
    '("articles_fts", rowid, "title", "body") VALUES(\'delete\', old.rowid, old."title", '
    'old."body"); END',
    'CREATE TRIGGER "claims_ad" AFTER DELETE ON "claims" BEGIN INSERT INTO "claims_fts" '
    '("claims_fts", rowid, "sentence") VALUES(\'delete\', old.rowid, old."sentence"); END',
    'CREATE TRIGGER "articles_au" AFTER UPDATE OF title, body ON "articles" BEGIN '
    'INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "body") '
    'VALUES(\'delete\', old.rowid, old."title", old."body"); '
    'INSERT INTO "articles_fts" (rowid, "title", "body") '
    'VALUES (new.rowid, new."title", new."body"); END',
    'CREATE TRIGGER "claims_au" AFTER UPDATE OF sentence ON "claims" BEGIN '
    'INSERT INTO "claims_fts" ("claims_fts", rowid, "sentence") '
    "VALUES('delete', old.rowid, old.\"sentence\"); "
    'INSERT INTO "claims_fts" (rowid, "sentence") VALUES (new.rowid, new."sentence"); END',
)


def create_table_sql(name: str, table: Table) -> str:
    """The CREATE TABLE statement of a table of the current schema."""
    parts = [f"{column} {declaration}" for column, declaration in table.columns.items()]
    if table.constraints:
        parts.append(table.constraints)
    return f"CREATE TABLE {name} ({', '.join(parts)})" + (
        " WITHOUT ROWID" if table.without_rowid else ""
    )


class LibraryError(Exception):
    """The library file cannot be used; the message says why and names the file."""


def writing_error(path: Path, exc: sqlite3.Error) -> LibraryError:
    """What a failed write means to the user. The transaction was rolled back: whatever
    was written before it is intact."""
    reason = str(exc)
    if "readonly" in reason or "read-only" in reason:
        return LibraryError(
            f"{path}: the library is read-only (a read-only disk, or no permission to "
            "write it): nothing was changed"
        )
    if "full" in reason or "I/O" in reason:
        return LibraryError(
            f"{path}: cannot write to the library: the disk is full or failing ({reason}); "
            "everything written before is kept"
        )
    if "locked" in reason or "busy" in reason:
        return LibraryError(
            f"{path}: the library is busy: another claimdiff kept it for over "
            f"{BUSY_SECONDS} s ({reason}); nothing was changed"
        )
    return LibraryError(f"{path}: cannot write to the library ({reason})")


BUSY_SECONDS = 30  # how long a reader or writer waits for another writer to finish


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """A connection with the settings every reader and writer needs. Transactions are
    explicit (see `transaction`): no statement opens one behind the caller's back.

    A library on a read-only disk is opened as immutable: SQLite's write-ahead log needs
    a shared-memory file beside it that cannot be made there, and nothing can write to
    it meanwhile."""
    target: str | Path = path
    if read_only:
        target = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    conn = sqlite3.connect(
        target, timeout=BUSY_SECONDS, check_same_thread=False, isolation_level=None,
        uri=read_only,
    )  # fmt: skip
    conn.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
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


def is_read_only(path: Path) -> bool:
    """Whether the library cannot be written: a read-only disk, or no permission (to the
    file, or to its folder, where SQLite keeps its log beside it)."""
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def open_database(path: Path) -> tuple[sqlite3.Connection, bool]:
    """Open (or create) the library at path, creating, checking or migrating its schema.
    Returns the connection and whether the library is read-only."""
    if path.exists() and path.is_dir():
        raise LibraryError(f"{path}: is a folder, not a library file")
    if not path.exists() or path.stat().st_size == 0:  # an empty file holds nobody's data
        _create_file(path)
    read_only = is_read_only(path)
    try:
        conn = connect(path, read_only)
        version, app, columns = _what_is_there(conn)
    except sqlite3.DatabaseError as exc:
        raise _opening_error(path, exc) from exc
    try:
        _check(path, version, app, columns, read_only)
        if version < SCHEMA_VERSION:
            _migrate(path, conn, version)
    except BaseException:
        conn.close()
        raise
    return conn, read_only


def _opening_error(path: Path, exc: sqlite3.DatabaseError) -> LibraryError:
    """Why a file could not be opened as a library, in words that say what to do."""
    reason = str(exc)
    if "not a database" in reason:
        return LibraryError(f"{path}: not a claimdiff library ({reason})")
    if "malformed" in reason:
        return LibraryError(f"{path}: the library is damaged ({reason})")
    if "I/O" in reason or "full" in reason:
        return LibraryError(f"{path}: cannot open the library: the disk is full or failing "
                            f"({reason})")  # fmt: skip
    return LibraryError(f"{path}: cannot open the library ({reason})")


def _what_is_there(conn: sqlite3.Connection) -> tuple[int, int, dict[str, set[str]]]:
    """The file's schema version, application id, and each table's columns."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    columns: dict[str, set[str]] = {}
    for table, column in conn.execute(
        "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p "
        "WHERE m.type = 'table'"
    ):
        columns.setdefault(table, set()).add(column)
    return version, app, columns


# What every claimdiff library has had since version 1: how one written before the
# application id was set is told from another program's database.
_FIRST_COLUMNS = {
    "articles": {"content_hash", "title", "source", "body"},
    "claims": {"article_id", "kind", "sentence", "sentence_start"},
    "mentions": {"article_id", "name", "entity_id"},
    "entities": {"key", "name", "type"},
}


def _check(
    path: Path, version: int, app: int, columns: dict[str, set[str]], read_only: bool
) -> None:
    ours = app == APPLICATION_ID or (
        app == 0 and version > 0
        and all(columns.get(t, set()) >= c for t, c in _FIRST_COLUMNS.items())
    )  # fmt: skip
    if not ours:  # an empty file, or somebody else's database: never written over
        raise LibraryError(f"{path}: a SQLite file, but not a claimdiff library")
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"{path}: written by a newer claimdiff (schema {version}, this one reads "
            f"{SCHEMA_VERSION}); upgrade claimdiff to open it"
        )
    if version < SCHEMA_VERSION:
        if read_only:
            raise LibraryError(
                f"{path}: written by an older claimdiff (schema {version}) on a read-only "
                "disk: copy it where it can be written, and this claimdiff will upgrade it"
            )
        return
    missing = [t for t in (*TABLES, *(f"{t}_fts" for t in FULL_TEXT)) if t not in columns]
    missing += [
        f"{table}.{column}"
        for table, spec in TABLES.items()
        if table in columns
        for column in spec.columns
        if column not in columns[table]
    ]
    if missing:
        raise LibraryError(
            f"{path}: the library is damaged: {', '.join(missing[:5])} "
            f"{'is' if len(missing) == 1 else 'are'} missing (changed by another program?)"
        )


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


def _migrate(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """Bring an older library up to this version in place, all or nothing."""
    from store.migrations import MIGRATIONS

    try:
        with transaction(conn):
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for sql in MIGRATIONS[step].statements:
                    conn.execute(sql)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "locked" in str(exc) or "full" in str(exc):
            raise writing_error(path, exc) from exc
        raise LibraryError(
            f"{path}: the library does not have the tables its version ({version}) says: "
            f"changed by another program? Nothing was changed ({exc})"
        ) from exc


def _create(conn: sqlite3.Connection) -> None:
    """A new library, at the current schema. Not one transaction (enabling full-text
    search commits as it goes): see _create_file."""
    import sqlite_utils  # its full-text set-up; loaded only here: reading needs none

    for name, table in TABLES.items():
        conn.execute(create_table_sql(name, table))
    for sql in INDEXES:
        conn.execute(sql)
    db = sqlite_utils.Database(conn)
    for name, columns in FULL_TEXT.items():
        db.table(name).enable_fts(list(columns), create_triggers=False, tokenize="porter")
    for sql in FULL_TEXT_TRIGGERS:
        conn.execute(sql)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
