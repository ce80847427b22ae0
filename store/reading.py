"""Reading the library: a reader for each pane's question (articles, claims, entities,
groups), each turning the user's filter into a query with the planner (store/filtering.py)
and its rows into the row types of store/rows.py.

Every list reads the ids of its page from indexes and only the page's rows whole; counts
stop past a cap where the list shows "10,000+". Every query takes its values as parameters.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, cast

from extract.comparable import Comparable, Group, Mention, claim_order
from extract.words import HEDGE
from store.connections import Connections
from store.filtering import ClaimFilter, Planner, Query
from store.grouping import GROUP_ORDER_SQL
from store.rows import (
    LIST_SEPARATOR,
    ArticleDetail,
    ArticleRow,
    ClaimRow,
    Count,
    EntityRow,
    GroupRow,
    GroupShown,
    Span,
    named_after_file,
    select,
    split_names,
)
from store.schema import BUSY_SECONDS
from store.search import fts_query
from store.verdicts import Verdict

ENTITY_SAMPLE = 2000  # articles a filtered entities pane counts names in
_GROUPS_READ = 200  # groups read with their claims at a time
_VERDICT_OF_CLAIM = (
    "claim_verdicts v WHERE v.content_hash = a.content_hash AND v.span_start = c.span_start "
    "AND v.span_end = c.span_end"
)
# What a list shows of a claim, each field from the claim, its article or its names.
_CLAIM_ROW = select(ClaimRow, "c", {
    "article_title": "a.title", "source": "a.source", "path": "a.path", "published": "a.published",
    "start": "c.sentence_start", "end": "c.sentence_end",
    "entities": "(SELECT group_concat(e.name, :sep) FROM claim_entities ce "
                "JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id = c.id)",
    "verdict": f"(SELECT v.verdict FROM {_VERDICT_OF_CLAIM})",
    "note": f"(SELECT nullif(v.note, '') FROM {_VERDICT_OF_CLAIM})",
})  # fmt: skip
_ARTICLE_ROW = select(ArticleRow, "a", {
    "claims": "(SELECT count(*) FROM claims c WHERE c.article_id = a.id)",
})  # fmt: skip
_ARTICLE_DETAIL = select(ArticleDetail, "a", {"partial": "a.partial != 0", "spans": "NULL"})
# How each claim is marked in its article's text: loosely stated figures apart.
_LOOSE = ", ".join(f"'{h.name}'" for h in HEDGE.values() if h.loose)
_SPAN_KIND = (
    "CASE WHEN kind = 'statement' THEN 'statement' "
    f"WHEN hedge IN ({_LOOSE}) THEN 'figure-loose' "
    "WHEN hedge = 'exact' THEN 'figure' ELSE 'figure-bound' END"
)
_ENTITY_ROW = select(EntityRow, "e", {
    "mentions": "n.mentions", "articles": "n.articles",
    "aliases": "(SELECT group_concat(name, :sep) FROM (SELECT DISTINCT name "
               "FROM entity_spellings WHERE entity_id = e.id))",
})  # fmt: skip
_GROUP_ROW = select(GroupRow, "g", {
    "explanation": "coalesce(g.explanation, '')",
    "claims": "(SELECT count(*) FROM claims c WHERE c.cluster = g.cluster)",
    "story": "(SELECT a.story FROM claims c JOIN articles a ON a.id = c.article_id "
             "WHERE c.id = g.cluster)",
    "verdict": "NULL", "note": "''",  # read apart (store/verdicts.py)
})  # fmt: skip
# A claim as comparison reads it, from the claims alone: its source is read from the
# articles' source index apart (an article's row holds its whole text: a page read for a
# title). `_LIGHT` carries its figure's words for a sentence: what a group's status needs.
assert Comparable._fields[-1] == "mentions"  # read apart, after the claim's own columns
_COMPARABLE_EXPRS = {
    "article": "c.article_id", "source": "NULL",
    "date": "coalesce(c.holds_on, c.said_on, c.article_published)", "start": "c.sentence_start",
    "title": "''", "published": "c.article_published",
}  # fmt: skip
_COMPARABLE = select(Comparable, "c", {**_COMPARABLE_EXPRS, "mentions": "NULL"})
_COMPARABLE_LIGHT = select(Comparable, "c", {
    **_COMPARABLE_EXPRS, "mentions": "NULL", "start": "c.span_start",
    "sentence": "substr(c.sentence, c.span_start - c.sentence_start + 1, "
                "c.span_end - c.span_start)",
})  # fmt: skip
_COMPARABLE_TITLED = select(Comparable, "c", {
    **_COMPARABLE_EXPRS, "mentions": "NULL", "source": "a.source", "title": "a.title",
    "published": "a.published", "date": "coalesce(c.holds_on, c.said_on, a.published)",
})  # fmt: skip


class ArticleReader:
    """The articles pane, one article, and what the library holds in numbers."""

    def __init__(self, connections: Connections, planner: Planner) -> None:
        self._connections = connections
        self._planner = planner

    def articles(
        self, f: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0
    ) -> list[ArticleRow]:
        """Articles matching the filter (an entity or text filter keeps those that match)."""
        q = self._planner.articles(f, None if limit is None else offset + limit, hold=offset > 0)
        sql = f"""
            SELECT {_ARTICLE_ROW}
            FROM (SELECT a.id FROM articles a {q.index} WHERE {q.where} ORDER BY {q.order}
                  LIMIT :limit OFFSET :offset) page
            CROSS JOIN articles a ON a.id = page.id
            ORDER BY {q.order}
        """
        params = {**q.params, "limit": -1 if limit is None else limit, "offset": offset}
        return [ArticleRow._make(row) for row in self._connections.fetch(sql, params, q.searches)]

    def count_articles(self, f: ClaimFilter = ClaimFilter(), cap: int | None = None) -> Count:
        """How many articles the filter keeps; with a cap, counting stops past it (the whole
        library counts in full: cheap, exact)."""
        cap = None if f.is_empty else cap
        wanted = None if cap is None else cap + 1
        q = self._planner.articles(f, wanted, ordered=False)
        if q.known is not None:  # a search alone: the full-text index counted its articles
            return Count.upto(q.known, cap)
        params = {**q.params, "cap": -1 if wanted is None else wanted}
        kept = q.ids or f"SELECT a.id FROM articles a {q.index} WHERE {q.where}"
        sql = f"SELECT count(*) FROM ({kept} LIMIT :cap)"
        return Count.upto(int(self._connections.fetch(sql, params, q.searches)[0][0]), cap)

    def article(self, article_id: int) -> ArticleDetail | None:
        """One article with the spans the reader highlights: claims, figures, mentions."""
        rows = self._connections.fetch(
            f"SELECT {_ARTICLE_DETAIL} FROM articles a WHERE a.id = ?", (article_id,)
        )
        if not rows:
            return None
        spans = [
            Span._make(row)
            for row in self._connections.fetch(
                f"SELECT span_start, span_end, {_SPAN_KIND}, id FROM claims WHERE article_id = ? "
                "UNION ALL SELECT m.span_start, m.span_end, m.type, m.entity_id "
                "FROM mentions m WHERE m.article_id = ? ORDER BY 1",
                (article_id, article_id),
            )
        ]
        detail = ArticleDetail._make(rows[0])
        return detail._replace(partial=bool(detail.partial), spans=spans)

    def found(self, article_id: int, query: str) -> list[tuple[int, int]]:
        """Where a search finds words in an article's body, as (start, end) offsets, as the
        full-text index matched them (its stemming: "generals" finds "general"): SQLite's
        `highlight` marks them with two control characters, which no stored text holds."""
        match = fts_query(query)
        if match is None:
            return []
        rows = self._connections.fetch(
            "SELECT highlight(articles_fts, 1, char(2), char(3)) FROM articles_fts "
            "WHERE articles_fts MATCH ? AND rowid = ?",
            (match, article_id),
        )
        if not rows or not rows[0][0]:
            return []
        found, start = [], 0
        for seen, mark in enumerate(re.finditer("[\x02\x03]", rows[0][0])):
            at = mark.start() - seen  # in the text without the marks before it
            if mark.group() == "\x02":
                start = at
            else:
                found.append((start, at))
        return found

    def article_refs(self, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Where each of those articles comes from, to cite it."""
        return {
            row["id"]: row
            for row in self._connections.rows(
                "SELECT id, title, source, published, url, path FROM articles "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(ids)),),
            )
        }

    def counts(self) -> dict[str, int]:
        return {
            table: self._connections.fetch(f"SELECT count(*) FROM {table}")[0][0]
            for table in ("articles", "claims", "entities", "mentions")
        }

    def unsigned_articles(self) -> int:
        """Articles written but not yet given their story names: since the last grouping."""
        return int(self._connections.fetch(
            "SELECT count(*) FROM articles INDEXED BY idx_articles_unsigned WHERE story IS NULL"
        )[0][0])  # fmt: skip

    def latest(self) -> int:
        """The newest article's id: it grows whenever anything is imported, by any process,
        and costs one index seek to ask."""
        return int(self._connections.fetch("SELECT coalesce(max(id), 0) FROM articles")[0][0])

    def articles_after(self, article_id: int) -> int:
        """How many articles came in after that one."""
        return int(self._connections.fetch(
            "SELECT count(*) FROM articles WHERE id > ?", (article_id,)
        )[0][0])  # fmt: skip

    def sources(self) -> list[str]:
        """Every source in the library, for choosing among them."""
        return [r[0] for r in self._connections.fetch(
            "SELECT DISTINCT source FROM articles ORDER BY 1")]  # fmt: skip

    def source_counts(self) -> list[tuple[str, int]]:
        """Every source with how many articles it has, by name."""
        return [
            (source, count)
            for source, count in self._connections.fetch(
                "SELECT source, count(*) FROM articles INDEXED BY idx_articles_source_order "
                "GROUP BY source ORDER BY source"
            )
        ]


class ClaimReader:
    """The claims pane and the claims export; claims as comparison reads them."""

    def __init__(self, connections: Connections, planner: Planner) -> None:
        self._connections = connections
        self._planner = planner

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
        return self._claim_rows(page, q.order, params, q)

    def claims_first_page(
        self, f: ClaimFilter, limit: int, cap: int
    ) -> tuple[list[ClaimRow], Count, int]:
        """A new list's first page with its count, stopping past `cap` (as count_claims).

        Where counting reads the filter's matches, the page is found among them instead of
        reading them again (a search with a source: 28 ms to count, 33 more to page)."""
        if f.is_empty:
            count, sources = self.count_claims(f, cap)
            return self.claims(f, limit), count, sources
        claims, sources, page = self._counted(f, cap + 1, limit)
        if page is None:
            return self.claims(f, limit), Count.upto(claims, cap), sources
        rows = self._claim_rows(
            "SELECT value AS id, key AS n FROM json_each(:ids)", "page.n",
            {"ids": json.dumps(page)},
        )  # fmt: skip
        return rows, Count.upto(claims, cap), sources

    def _claim_rows(
        self, page: str, order: str, params: dict[str, Any], q: Query | None = None
    ) -> list[ClaimRow]:
        """Whole rows for a page of claim ids (`page` selects them as `id`), in `order`."""
        sql = f"""
            SELECT {_CLAIM_ROW}
            FROM ({page}) page
            CROSS JOIN claims c ON c.id = page.id JOIN articles a ON a.id = c.article_id
            ORDER BY {order}
        """
        rows = self._connections.fetch(
            sql, {**params, "sep": LIST_SEPARATOR}, q.searches if q else {}
        )
        # The names come as one value (LIST_SEPARATOR between them): a list once split.
        return [(row := ClaimRow._make(r))._replace(entities=split_names(cast(str, row.entities)))
                for r in rows]  # fmt: skip

    def count_claims(
        self, f: ClaimFilter = ClaimFilter(), cap: int | None = None
    ) -> tuple[Count, int]:
        """How many claims the filter keeps, and from how many sources; with a cap, counting
        stops past it (and past it, sources are not counted)."""
        if cap is None or f.is_empty:
            q = self._planner.claims(f, ordered=False)
            sql = (
                f"SELECT count(*), count(DISTINCT a.source) FROM (SELECT c.article_id "
                f"FROM claims c {q.index} WHERE {q.where}) JOIN articles a ON a.id = article_id"
            )
            claims, sources = self._connections.fetch(sql, q.params, q.searches)[0]
            return Count(claims), sources
        claims, sources, _ = self._counted(f, cap + 1)
        return Count.upto(claims, cap), sources

    def _counted(
        self, f: ClaimFilter, wanted: int, limit: int = 0
    ) -> tuple[int, int, list[int] | None]:
        """Claims up to `wanted` and their sources (none counted when past the cap); with a
        `limit`, the ids of the list's first `limit` when counting read them (else None)."""
        q = self._planner.claims(f, wanted, ordered=False)
        if q.known is not None and q.known >= wanted:  # a common word, counted already
            return wanted, 0, None
        params = {**q.params, "cap": wanted}
        fetch = self._connections.fetch
        if q.ids:  # one entity or one search: counted from its ids before any row is read
            claims = fetch(f"SELECT count(*) FROM ({q.ids} LIMIT :cap)", params, q.searches)[0][0]
            if claims >= wanted:
                return claims, 0, None
        # Walking the list's order index meets the rows in list order: saying so costs nothing.
        walks = bool(limit) and q.index == "INDEXED BY idx_claims_order"
        order = f"ORDER BY {q.order}" if walks else ""
        kept = fetch(
            f"SELECT c.id, c.article_id FROM claims c {q.index} WHERE {q.where} {order} LIMIT :cap",
            params, q.searches,
        )  # fmt: skip
        page = [c for c, _ in kept[:limit]] if walks else None
        if len(kept) >= wanted:
            return len(kept), 0, page  # past the cap: its sources would be the first rows'
        sources = self._sources_of({a for _, a in kept})
        if limit and page is None:  # all read, in no order: their list order, by id
            page = [
                row[0]
                for row in fetch(
                    "SELECT c.id FROM claims c WHERE c.id IN (SELECT value FROM json_each(:ids)) "
                    f"ORDER BY {q.order} LIMIT :limit",
                    {"ids": json.dumps([c for c, _ in kept]), "limit": limit},
                )
            ]
        return len(kept), sources, page

    def _sources_of(self, articles: set[int]) -> int:
        """How many sources these articles come from."""
        return int(
            self._connections.fetch(
                "SELECT count(DISTINCT source) FROM articles WHERE id IN "
                "(SELECT value FROM json_each(?))",
                (json.dumps(sorted(articles)),),
            )[0][0]
        )

    def comparables(
        self,
        where: str,
        params: dict[str, Any],
        light: bool = False,
        mentions: bool = True,
        titles: bool = True,
    ) -> list[Comparable]:
        """Claims as comparison reads them, those `where` keeps (on claims, as `c`). Without
        `titles` they are read from the claims alone; without `mentions` they carry none
        of the names their sentences hold, which only keying reads. `light` ones carry only
        their figure's words for a sentence and no names: what a group's status and topic
        need."""
        mentions = mentions and not light
        fetch = self._connections.fetch
        if light or not titles:
            columns = _COMPARABLE_LIGHT if light else _COMPARABLE
            rows = [Comparable._make(r) for r in fetch(
                f"SELECT {columns} FROM claims c WHERE {where} ORDER BY c.id", params)]  # fmt: skip
            source_of = dict(fetch(  # read from the source index, not the rows
                "SELECT id, source FROM articles INDEXED BY idx_articles_id_source "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted({r.article for r in rows})),),
            ))  # fmt: skip
            rows = [r._replace(source=source_of[r.article]) for r in rows]
        else:
            rows = [Comparable._make(r) for r in fetch(
                f"SELECT {_COMPARABLE_TITLED} FROM claims c JOIN articles a "
                f"ON a.id = c.article_id WHERE {where} ORDER BY c.id", params)]  # fmt: skip
        if not mentions:
            return rows
        # The names between an article's first claim's sentence and its last's: the
        # whole article for keying, one sentence for a statement read beside thousands.
        spans: dict[int, tuple[int, int]] = {}
        for r in rows:
            low, high = spans.get(r.article, (r.start, r.start + len(r.sentence)))
            spans[r.article] = (min(low, r.start), max(high, r.start + len(r.sentence)))
        in_articles: dict[int, list[Mention]] = defaultdict(list)  # by start
        for article, start, end, name, kind in fetch(
            "SELECT m.article_id, m.span_start, m.span_end, e.name, e.type "
            "FROM json_each(?) s JOIN mentions m INDEXED BY idx_mentions_article_entity "
            "ON m.article_id = json_extract(s.value, '$[0]') "
            "AND m.span_start >= json_extract(s.value, '$[1]') "
            "AND m.span_end <= json_extract(s.value, '$[2]') "
            "JOIN entities e ON e.id = m.entity_id ORDER BY m.article_id, m.span_start",
            (json.dumps(sorted((a, *span) for a, span in spans.items())),),
        ):
            in_articles[article].append(Mention(start, end, name, kind))
        out = []
        for claim in rows:
            base, end = claim.start, claim.start + len(claim.sentence)
            in_article = in_articles[claim.article]  # the sentence's names, found by start
            named: list[Mention] = []
            for at in range(bisect_left(in_article, (base,)), len(in_article)):
                if in_article[at].start >= end:
                    break
                if in_article[at].end <= end:
                    named.append(in_article[at])
            out.append(claim._replace(mentions=tuple(named)))
        return out


class EntityReader:
    """The entities pane and the entities export."""

    def __init__(self, connections: Connections, planner: Planner) -> None:
        self._connections = connections
        self._planner = planner

    def entities(
        self, f: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0
    ) -> list[EntityRow]:
        """Entities with their spellings and counts, most mentioned first.

        Unfiltered, the counts are those kept as articles were written; filtered, mentions
        and articles count within the articles the filter keeps, the first ENTITY_SAMPLE
        of them in a large library (claims, sources and conflicts stay the library's)."""
        params: dict[str, Any] = {"sep": LIST_SEPARATOR, "limit": -1 if limit is None else limit,
                                  "offset": offset}  # fmt: skip
        q: Query | None = None
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
            SELECT {_ENTITY_ROW}
            FROM ({counted}) n JOIN entities e ON e.id = n.id
            WHERE n.mentions > 0
            ORDER BY n.mentions DESC, e.name LIMIT :limit OFFSET :offset
        """
        rows = [EntityRow._make(r) for r in self._connections.fetch(
            sql, params, q.searches if q else {})]  # fmt: skip
        return [
            e._replace(aliases=[a for a in split_names(cast(str, e.aliases)) if a != e.name])
            for e in rows
        ]

    def count_entities(self, f: ClaimFilter = ClaimFilter()) -> int:
        if f.is_empty:
            return int(self._connections.fetch(
                "SELECT count(*) FROM entities WHERE mentions > 0")[0][0])  # fmt: skip
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

    def entity_type(self, entity_id: int) -> str | None:
        rows = self._connections.fetch("SELECT type FROM entities WHERE id = ?", (entity_id,))
        return str(rows[0][0]) if rows else None

    def find_entity(self, name: str) -> int | None:
        """The entity a user means by a name or any of its spellings (case-insensitive)."""
        rows = self._connections.fetch(
            "SELECT e.id FROM entities e WHERE e.name = :n COLLATE NOCASE "
            "UNION ALL SELECT m.entity_id FROM mentions m WHERE m.name = :n COLLATE NOCASE "
            "AND m.entity_id IS NOT NULL LIMIT 1",
            {"n": name},
        )
        return int(rows[0][0]) if rows else None


class GroupReader:
    """The discrepancy view and the discrepancies export: groups as the last grouping left
    them, claims not grouped yet grouped first (by `ensure_grouped`)."""

    def __init__(
        self,
        connections: Connections,
        planner: Planner,
        claims: ClaimReader,
        ensure_grouped: Callable[[], None],
        verdicts: Callable[[Iterable[str]], Mapping[str, Verdict]],
    ) -> None:
        """`verdicts` reads the verdicts groups carry, by group id (Verdicts.of_group_keys)."""
        self._connections = connections
        self._planner = planner
        self._claims = claims
        self._ensure_grouped = ensure_grouped
        self._verdicts = verdicts

    def _where(self, f: ClaimFilter) -> tuple[str, dict[str, Any], Query | None]:
        """Groups holding at least one claim the filter keeps (all, unfiltered)."""
        self._ensure_grouped()
        if f.is_empty:
            return "1 = 1", {}, None
        q = self._planner.claims(f, ordered=False)
        where = f"g.cluster IN (SELECT c.cluster FROM claims c {q.index} WHERE {q.where})"
        return where, dict(q.params), q

    def group_rows(
        self, f: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0
    ) -> list[GroupRow]:
        """A page of discrepancy groups, conflicts first, without their claims."""
        where, params, q = self._where(f)
        params.update(limit=-1 if limit is None else limit, offset=offset)
        rows = self._connections.fetch(
            f"SELECT {_GROUP_ROW} FROM claim_groups g WHERE {where} ORDER BY {GROUP_ORDER_SQL} "
            "LIMIT :limit OFFSET :offset",
            params, q.searches if q else {},
        )  # fmt: skip
        verdicts = self._verdicts(r[0] for r in rows)  # the key comes first
        return [
            (g := GroupRow._make(r))._replace(
                soft=bool(g.soft), story=sorted(filter(None, str(g.story or "").split("\n"))),
                **verdicts.get(g.key, Verdict())._asdict(),
            )
            for r in rows
        ]  # fmt: skip

    def count_groups(self, f: ClaimFilter = ClaimFilter()) -> tuple[int, int]:
        """How many groups the filter keeps, and how many of them are in conflict."""
        where, params, q = self._where(f)
        groups, conflicts = self._connections.fetch(
            f"SELECT count(*), coalesce(sum(g.status = 'conflict'), 0) FROM claim_groups g "
            f"WHERE {where}",
            params, q.searches if q else {},
        )[0]  # fmt: skip
        return groups, conflicts

    def group(self, key: str) -> Group | None:
        """One discrepancy group with its claims, in date order."""
        groups = self._with_members(self._connections.rows(
            "SELECT * FROM claim_groups WHERE key = ?", (key,)))  # fmt: skip
        return groups[0] if groups else None

    def group_shown(self, key: str, per_source: int, first: int) -> GroupShown | None:
        """One group as a view shows it: the first `per_source` claims of each source and
        the `first` claims of all, in date order, with how many each source and the group
        have. A story's largest group holds 90,000 claims at 100,000 articles; read whole
        it took the reader to 1.2 GB."""
        rows = self._connections.rows("SELECT * FROM claim_groups WHERE key = ?", (key,))
        if not rows:
            return None
        cluster = rows[0]["cluster"]
        order = (
            "coalesce(c.holds_on, c.said_on, a.published) IS NULL, "
            "coalesce(c.holds_on, c.said_on, a.published), a.source, c.id"
        )  # claim_order
        counts = dict(self._connections.fetch(
            "SELECT a.source, count(*) FROM claims c JOIN articles a ON a.id = c.article_id "
            "WHERE c.cluster = ? GROUP BY a.source", (cluster,)))  # fmt: skip
        members = self._claims.comparables(
            "c.id IN (SELECT id FROM (SELECT c.id, "
            f"row_number() OVER (PARTITION BY a.source ORDER BY {order}) AS nth_of_source, "
            f"row_number() OVER (ORDER BY {order}) AS nth FROM claims c "
            "JOIN articles a ON a.id = c.article_id WHERE c.cluster = :cluster) "
            "WHERE nth_of_source <= :per_source OR nth <= :first)",
            {"cluster": cluster, "per_source": per_source, "first": first},
        )
        r = rows[0]
        group = Group(r["key"], r["topic"], r["status"], bool(r["soft"]), r["explanation"] or "",
                      r["sources"], sorted(members, key=claim_order))  # fmt: skip
        files = {
            source: file
            for source, path in self._connections.fetch(
                "SELECT source, path FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted({m.article for m in members})),),
            )
            if (file := named_after_file(source, path))
        }
        return GroupShown(group, counts, sum(counts.values()), files)

    def iter_groups(self, f: ClaimFilter = ClaimFilter()) -> Iterator[Group]:
        """Every group the filter keeps with its claims, read a few hundred at a time so an
        export of a large library holds one batch in memory."""
        where, params, q = self._where(f)
        rows = self._connections.rows(
            f"SELECT * FROM claim_groups g WHERE {where} ORDER BY {GROUP_ORDER_SQL}",
            params, q.searches if q else {},
        )  # fmt: skip
        for start in range(0, len(rows), _GROUPS_READ):
            yield from self._with_members(rows[start : start + _GROUPS_READ])

    def _with_members(self, rows: list[dict[str, Any]]) -> list[Group]:
        clusters = json.dumps([r["cluster"] for r in rows])
        cluster_of = dict(self._connections.fetch(
            "SELECT id, cluster FROM claims WHERE cluster IN (SELECT value FROM json_each(?))",
            (clusters,)))  # fmt: skip
        members: dict[int, list[Comparable]] = defaultdict(list)
        for claim in self._claims.comparables(
            "c.cluster IN (SELECT value FROM json_each(:clusters))", {"clusters": clusters}
        ):
            members[cluster_of[claim.id]].append(claim)
        return [
            Group(r["key"], r["topic"], r["status"], bool(r["soft"]), r["explanation"] or "",
                  r["sources"], sorted(members[r["cluster"]], key=claim_order))
            for r in rows
        ]  # fmt: skip

    def writer_busy(self) -> bool:
        """Whether another process is writing to the library now, so that a write here
        would wait for it (up to schema.BUSY_SECONDS)."""
        import sqlite3

        with self._connections.lease() as db:
            db.execute("PRAGMA busy_timeout = 0")
            try:
                db.execute("BEGIN IMMEDIATE")
                db.execute("ROLLBACK")
                return False
            except sqlite3.OperationalError:
                return True
            finally:
                db.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
