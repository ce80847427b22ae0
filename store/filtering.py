"""How a filter becomes SQL, and which index reads it.

An article's row holds its whole text (about a page of the file), so a filter that reads rows
to test a source or a date reads the file: 100-300 ms at 100,000 articles. Every condition
here is tested from an index (schema 10), lists pick a page of ids first and read only those
rows whole, and the index to read by follows how many rows the filter keeps. Many: walking
the list's order index meets a page of matches at once. Few: reading them by their rarest
condition (and sorting them, for a page) is quicker than walking past everything else.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from store.connections import Search
from store.search import fts_query
from store.verdicts import VERDICTS

# What reading one row by its id costs against stepping over one entry of an index
# (measured at 100,000 articles: 2-2.5 us against 0.16-0.25 us).
LOOKUP_COST = 10
NO_VERDICT = "none"  # a verdict filter's choice for claims the analyst has not judged
# The claims with one of some verdicts: read from the verdicts, which are few.
_JUDGED = (
    "SELECT j.id FROM claim_verdicts v CROSS JOIN articles ja ON ja.content_hash = "
    "v.content_hash CROSS JOIN claims j ON j.article_id = ja.id AND j.span_start = "
    "v.span_start AND j.span_end = v.span_end WHERE v.verdict IN {verdicts}"
)
# What the planner counts to choose an index: the table whose rows it counts, and how.
COUNTED = {
    "months": (
        "articles",
        "SELECT substr(published, 1, 7), count(*) FROM articles {new} GROUP BY 1",
    ),
    "sources": ("articles", "SELECT source, count(*) FROM articles {new} GROUP BY source"),
    "kinds": ("claims", "SELECT kind, hedge, count(*) FROM claims {new} GROUP BY hedge, kind"),
}


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
    # The analyst's verdicts (store/verdicts.py VERDICTS), NO_VERDICT for claims without one.
    verdicts: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (
            self.article_id or self.entity_ids or self.sources or self.query or self.kinds
            or self.hedges or self.since or self.until or self.ids is not None or self.verdicts
        )  # fmt: skip


@dataclass(frozen=True)
class Query:
    """A filter as SQL over one table (alias `a` for articles, `c` for claims)."""

    where: str
    params: dict[str, Any]
    index: str  # an INDEXED BY / NOT INDEXED clause for the table, or ""
    order: str  # the list's order; undated rows last unless a date range leaves none
    ids: str | None = None  # a filter of one entity or one search: the SQL of its ids alone
    known: int | None = None  # a search alone: how many rows it keeps, counted already
    # The temporary tables of matches it reads, to be made on its connection first.
    searches: Mapping[str, Search] = field(default_factory=dict)


def in_list(params: dict[str, Any], name: str, values: Iterable[str]) -> str:
    """`(:name_0, :name_1, ...)`: a list SQLite can seek in an index, where a JSON array
    hides its length from the planner."""
    keys = []
    for n, value in enumerate(sorted(values)):
        params[f"{name}_{n}"] = value
        keys.append(f":{name}_{n}")
    return f"({', '.join(keys)})"


def _dates(c: _Conditions, f: ClaimFilter, column: str) -> bool:
    """Narrow to publication dates; true when the range leaves only dated rows, which the
    order index then seeks to instead of walking from the earliest."""
    if f.since:
        c.add(f"{column} >= :since", since=f.since)
    if f.until:
        c.add(f"{column} <= :until", until=f.until)
    if f.since or f.until:
        c.add(f"({column} IS NULL) = 0")  # the order index's first column
        return True
    return False


class _Conditions:
    """A filter's conditions as they are added, keeping apart those that are a set of ids
    (an entity's rows, a search's matches): one of them alone is counted without reading
    the table (a common word's 178,000 claims: 2 ms against 60 ms)."""

    def __init__(self, id_column: str) -> None:
        self.id_column = id_column
        self.where: list[str] = []
        self.params: dict[str, Any] = {}
        self.id_sets: list[str] = []
        self.searched = False
        self.searches: dict[str, Search] = {}  # temporary tables of matches it reads

    def add(self, sql: str, **params: Any) -> None:
        self.where.append(sql)
        self.params.update(params)

    def add_ids(self, subquery: str, **params: Any) -> None:
        self.add(f"{self.id_column} IN ({subquery})", **params)
        self.id_sets.append(subquery)

    def entities(self, f: ClaimFilter, rows_naming: str) -> None:
        """Rows naming every chosen entity; `rows_naming` lists one entity's (:entity)."""
        for n, entity_id in enumerate(sorted(f.entity_ids)):
            self.add_ids(
                rows_naming.replace(":entity", f":entity_{n}"), **{f"entity_{n}": entity_id}
            )

    def search(
        self, query: str | None, fts: str, sizes: Callable[[], Any], hold: Callable[[str], bool]
    ) -> None:
        """Rows whose text matches the user's search; unusable input matches nothing.

        Each query reads the full-text index and indexes its matches afresh (178,000 for a
        common word: 25 ms a page). A search being paged, or held already, is read from a
        temporary table of its matches instead (made on the query's connection before it
        runs, from Query.searches), whose rowids SQLite probes directly: a page
        38 -> 12 ms. `hold` says which, given the table's name, which holds the library's
        `sizes`: a library that grew is searched again."""
        if not query or not query.strip():
            return
        match = fts_query(query)
        if match is None:
            self.add("0")  # only punctuation: nothing matches, never everything
            return
        self.searched = True
        # A connection's own: Python's hash of the search, good within this process.
        name = f"matches_{hash((fts, match, sizes())) & 0xFFFFFFFFFFFF:x}"
        if hold(name):
            self.searches[name] = Search(fts, match)
            self.add_ids(f"SELECT id FROM temp.{name}", match=match)
        else:
            self.add_ids(f"SELECT rowid FROM {fts} WHERE {fts} MATCH :match", match=match)

    def query(self, index: str, order: str) -> Query:
        alone = self.id_sets[0] if len(self.where) == 1 and self.id_sets else None
        return Query(" AND ".join(self.where) or "1 = 1", self.params, index, order, alone,
                     searches=self.searches)  # fmt: skip


class Planner:
    """Turns filters into queries, choosing the index from counts that cost a few index
    pages: an entity's kept counts, the full-text index's count of a search, and the
    library's articles by source and by month and claims by kind and hedge (cached until
    the library grows)."""

    def __init__(
        self, fetch: Callable[[str, Any], list[Any]], holds: Callable[[str], bool]
    ) -> None:
        """`fetch` runs a query; `holds` says whether a connection holds a search's
        matches already (Connections.holds), which its next query then reads."""
        self._fetch = fetch
        self._holds = holds
        self._counted: dict[str, tuple[int, dict[tuple[Any, ...], int]]] = {}
        self._searched: dict[tuple[str, str, tuple[int, int]], int] = {}

    def _sizes(self) -> tuple[int, int]:
        """The highest article and claim ids: the tables' sizes, near enough, from two seeks."""
        (sizes,) = self._fetch(
            "SELECT (SELECT coalesce(max(id), 0) FROM articles), "
            "(SELECT coalesce(max(id), 0) FROM claims)",
            (),
        )
        return sizes[0], sizes[1]

    def counts(self, what: str, sizes: tuple[int, int] | None = None) -> dict[tuple[Any, ...], int]:
        """Rows by month, by source, or by kind and hedge (COUNTED): a scan of an index
        (30-60 ms at 100,000 articles), done once; as the library grows only its new rows
        are counted (a renamed source or a removal: `forget`)."""
        sizes = sizes or self._sizes()
        table, sql = COUNTED[what]
        size = sizes[0] if table == "articles" else sizes[1]
        kept = self._counted.get(what)
        if kept is None or kept[0] > size:
            counts = {tuple(row[:-1]): row[-1] for row in self._fetch(sql.format(new=""), ())}
        elif kept[0] < size:
            counts = dict(kept[1])
            for *key, n in self._fetch(sql.format(new="NOT INDEXED WHERE id > ?"), (kept[0],)):
                counts[tuple(key)] = counts.get(tuple(key), 0) + n
        else:
            return kept[1]
        self._counted[what] = (size, counts)
        return counts

    def forget(self) -> None:
        """Count again from scratch: sources were renamed, or articles removed (rows are
        otherwise only added)."""
        self._counted.clear()
        self._searched.clear()

    def warm(self) -> None:
        """Make the counts plans are chosen by, so that the first filter does not wait for
        them (the reader calls this once its first frame is drawn)."""
        sizes = self._sizes()
        for what in COUNTED:
            self.counts(what, sizes)

    def _matches(self, fts: str, match: str, sizes: tuple[int, int]) -> int:
        """How many rows a search matches, kept for the filter's count and page (a common
        word's 178,000 claims take 10-18 ms to count)."""
        key = (fts, match, sizes)
        if key not in self._searched:
            if len(self._searched) >= 16:  # the last few searches are the ones asked again
                self._searched.clear()
            sql = f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?"
            self._searched[key] = self._fetch(sql, (match,))[0][0]
        return self._searched[key]

    def articles(
        self, f: ClaimFilter, wanted: int | None = None, ordered: bool = True, hold: bool = False
    ) -> Query:
        """The filter over articles, read to find `wanted` rows in list order (a page:
        offset + limit) or, without an order, to count up to `wanted` (or all: None).
        `hold`: a search's matches are held for the pages to come (see _Conditions.search)."""
        c = _Conditions("a.id")
        dated = _dates(c, f, "a.published")
        if f.sources:
            c.add(f"a.source IN {in_list(c.params, 'source', f.sources)}")
        c.entities(f, "SELECT DISTINCT article_id FROM mentions WHERE entity_id = :entity")
        c.search(f.query, "articles_fts", self._sizes, lambda name: hold or self._holds(name))
        order = "a.published, a.id" if dated else "a.published IS NULL, a.published, a.id"
        q = c.query(self._index(f, "articles", c.params.get("match"), wanted, ordered), order)
        return self._counted_search(c, q, "articles_fts")

    def claims(
        self, f: ClaimFilter, wanted: int | None = None, ordered: bool = True, hold: bool = False
    ) -> Query:
        """As `articles`, for claims."""
        c = _Conditions("c.id")
        if f.article_id:
            c.add("c.article_id = :article_id", article_id=f.article_id)
        dated = _dates(c, f, "c.article_published")
        if f.sources:
            c.add(
                "c.article_id IN (SELECT id FROM articles "
                f"WHERE source IN {in_list(c.params, 'source', f.sources)})"
            )
        if f.hedges:
            c.add(f"c.hedge IN {in_list(c.params, 'hedge', f.hedges)}")
        if f.kinds:
            c.add(f"c.kind IN {in_list(c.params, 'kind', f.kinds)}")
        c.entities(f, "SELECT claim_id FROM claim_entities WHERE entity_id = :entity")
        if f.verdicts:
            judged = f.verdicts - {NO_VERDICT}
            if NO_VERDICT in f.verdicts:  # the others are few: those to leave out
                others = set(VERDICTS) - judged
                out = _JUDGED.format(verdicts=in_list(c.params, "verdict", others))
                c.add(f"c.id NOT IN ({out})")
            else:
                c.add_ids(_JUDGED.format(verdicts=in_list(c.params, "verdict", judged)))
        if f.ids is not None:
            c.add("c.id IN (SELECT value FROM json_each(:ids))", ids=json.dumps(sorted(f.ids)))
        c.search(f.query, "claims_fts", self._sizes, lambda name: hold or self._holds(name))
        order = "c.article_published, c.article_id, c.span_start, c.id"
        if not dated:
            order = f"c.article_published IS NULL, {order}"
        q = c.query(self._index(f, "claims", c.params.get("match"), wanted, ordered), order)
        return self._counted_search(c, q, "claims_fts")

    def _counted_search(self, c: _Conditions, q: Query, fts: str) -> Query:
        """A search alone is counted from the full-text index (kept, see _matches): its
        count reads no matches."""
        if not (c.searched and len(c.where) == 1):
            return q
        return replace(q, known=self._matches(fts, q.params["match"], self._sizes()))

    def _index(
        self, f: ClaimFilter, table: str, match: str | None, wanted: int | None, ordered: bool
    ) -> str:
        """Walk the order index, or read the rows the rarest condition keeps, whichever
        touches less: walking meets `wanted` matches after wanted / density entries
        (conditions taken as independent); reading by the rarest condition looks up each of
        its rows, all of them when a page must be sorted."""
        if f.article_id or f.ids is not None:
            return ""  # a handful of rows, found by their own index
        if f.verdicts and NO_VERDICT not in f.verdicts:
            return "NOT INDEXED"  # the claims judged are few: read by rowid from their ids
        sorted_out = table == "claims" and bool(f.kinds or f.hedges)  # by kind or hedge
        if not (f.sources or f.entity_ids or match or sorted_out):
            return f"INDEXED BY idx_{table}_order"  # dates at most: a range of the order
        sizes = self._sizes()
        total = max(1, sizes[0] if table == "articles" else sizes[1])
        if f.since or f.until:  # the walk covers the range only: articles by month, counted
            months = self.counts("months", sizes)
            first, last = (f.since or "")[:7], (f.until or "9999")[:7]
            dated = sum(n for (month,), n in months.items() if month and first <= month <= last)
            total = max(1, round(total * dated / max(1, sizes[0])))
        kept: dict[str, float] = {}  # rows of this table each condition keeps
        if f.sources:
            sources = self.counts("sources", sizes)
            kept["sources"] = (
                total * sum(sources.get((s,), 0) for s in f.sources) / max(1, sizes[0])
            )
        if sorted_out:
            kinds = self.counts("kinds", sizes)
            kept["hedges" if f.hedges else "kinds"] = sum(
                n
                for (kind, hedge), n in kinds.items()
                if (not f.kinds or kind in f.kinds) and (not f.hedges or hedge in f.hedges)
            )
        if f.entity_ids:
            (count,) = self._fetch(
                f"SELECT min({table}) FROM entities WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(f.entity_ids)),),
            )[0]
            kept["entity"] = count or 0
        if match is not None:
            kept["search"] = self._matches(f"{table}_fts", match, sizes)
        expected = float(total)
        for rows in kept.values():
            expected *= rows / total
        rarest = min(kept, key=kept.__getitem__)
        need = total if wanted is None else wanted
        walk = min(total, need * total / max(expected, 1.0))
        read = kept[rarest]
        if not ordered:  # a count stops at `wanted`
            read = min(read, need * read / max(expected, 1.0))
        # The articles' source index and the claims' hedge index hold the list's order and
        # every column a filter tests but an id: no row is read.
        covered = rarest == ("sources" if table == "articles" else "hedges")
        cost = read if covered else read * LOOKUP_COST
        if walk <= cost:
            return f"INDEXED BY idx_{table}_order"
        if rarest == "sources":
            if table == "articles":
                return "INDEXED BY idx_articles_source_order"
            return "INDEXED BY idx_claims_article_id_sentence_start"
        if rarest == "hedges":
            return "INDEXED BY idx_claims_hedge_kind"
        if rarest in ("entity", "search"):
            return "NOT INDEXED"  # read by rowid from the entity's or the search's ids
        return ""
