"""The library file's connections: a small pool, a connection a thread can pin, and the
searches' matches each connection holds in temporary tables.

Textual runs each query in a fresh worker thread, and a connection per thread would leave
one open file per keystroke until the garbage collector found it: a connection serves one
thread at a time and goes back to the pool (last in, first out, so a pane's count and page,
asked one after the other, meet the same connection and the matches it holds). A thread
that makes temporary tables of its own (a grouping step) pins one connection for all its
reads and writes while it needs them.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from store.schema import connect

Params = dict[str, Any] | tuple[Any, ...]


class Search(NamedTuple):
    """A search whose matches a query reads from a temporary table (store/filtering.py):
    the full-text table searched and the FTS5 expression."""

    fts: str
    match: str


class Connections:
    """Connections to one library file, for any thread."""

    POOL_SIZE = 4
    SEARCHES_KEPT = 8  # searches whose matches a connection holds

    def __init__(self, path: Path, read_only: bool, first: sqlite3.Connection) -> None:
        self.path = path
        self.read_only = read_only
        self._idle: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._all: list[sqlite3.Connection] = [first]
        self._held: dict[sqlite3.Connection, OrderedDict[str, None]] = {}
        self._lock = threading.Lock()
        self._pinned_here = threading.local()  # the connection a thread is pinned to
        self._idle.put(first)

    @property
    def open(self) -> int:
        """How many connections are open (the pool's size, bounded)."""
        return len(self._all)

    @contextmanager
    def lease(self) -> Iterator[sqlite3.Connection]:
        """A connection for this thread's next statements: its pinned one, else one from the
        pool (a new one when all are in use), back in the pool afterwards."""
        pinned = getattr(self._pinned_here, "db", None)
        if pinned is not None:
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
                    self._held.pop(db, None)
                db.close()

    @contextmanager
    def pinned(self) -> Iterator[sqlite3.Connection]:
        """Every read and write of this thread through one connection while it lasts, so
        that they can use the temporary tables made on it; nested, the outer pin holds."""
        with self.lease() as db:
            outer, self._pinned_here.db = getattr(self._pinned_here, "db", None), db
            try:
                yield db
            finally:
                self._pinned_here.db = outer

    def fetch(
        self, sql: str, params: Params = (), searches: Mapping[str, Search] = {}
    ) -> list[Any]:
        """Every row of a query, as tuples; `searches` names the temporary tables of matches
        it reads, made on the connection first where it holds none yet."""
        with self.lease() as db:
            self._hold(db, searches)
            return db.execute(sql, params).fetchall()

    def rows(
        self, sql: str, params: Params = (), searches: Mapping[str, Search] = {}
    ) -> list[dict[str, Any]]:
        """Every row of a query, as dicts by column name."""
        with self.lease() as db:
            self._hold(db, searches)
            cursor = db.execute(sql, params)
            columns = [c[0] for c in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor]

    def holds(self, name: str) -> bool:
        """Whether some connection holds a search's matches under that name: the next query
        of the search reads them instead of the full-text index."""
        with self._lock:
            return any(name in held for held in self._held.values())

    def forget_searches(self) -> None:
        """Rows were taken away (a removal) and their ids may be given again: the matches
        connections keep are not read again, but made afresh when a search next asks."""
        with self._lock:
            for held in self._held.values():
                held.clear()

    def _hold(self, db: sqlite3.Connection, searches: Mapping[str, Search]) -> None:
        """Give this connection the matches of the searches a query reads, keeping the last
        few: a search asked again, or paged, reads them at once."""
        if not searches:
            return
        with self._lock:
            held = self._held.setdefault(db, OrderedDict())
        for name, search in searches.items():
            if name in held:
                held.move_to_end(name)
                continue
            db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (id INTEGER PRIMARY KEY)")
            db.execute(f"DELETE FROM temp.{name}")
            db.execute(
                f"INSERT INTO temp.{name} SELECT rowid FROM {search.fts} "
                f"WHERE {search.fts} MATCH ?",
                (search.match,),
            )
            with self._lock:
                held[name] = None
                while len(held) > self.SEARCHES_KEPT:
                    old, _ = held.popitem(last=False)
                    db.execute(f"DROP TABLE IF EXISTS temp.{old}")

    def close(self) -> None:
        with self._lock:
            for db in self._all:
                db.close()
            self._all.clear()
            self._held.clear()
