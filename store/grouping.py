"""Discrepancy grouping kept in the library: which claims are the same quantity, in which
stories, and the groups they make, updated after each import where it touched them.

Each claim keeps its comparison key (compare.comparison_keys) and its cluster (named by its
first claim); each article its story names and their pairs (story_pairs); a group is a row
over a cluster. The rules of comparison live in extract/compare.py, loaded by the methods
that group (a reader listing groups needs none of its patterns); this module decides what
to read and write so that regrouping after an import costs what the import touched.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import reduce
from typing import TYPE_CHECKING

from extract.comparable import (
    COMMON_AFTER,
    COMMON_FLOOR,
    COMMON_SHARE,
    STANCE_KEY,
    Comparable,
    Linked,
    Placed,
)
from store.connections import Connections
from store.schema import LibraryError, transaction, writing_error

if TYPE_CHECKING:  # the rules load when grouping, not when reading groups
    from extract.compare import Summary


@dataclass
class Cluster:
    """A cluster as regrouping made it: the claims to assign to it, the summary of all its
    members, and the clusters grouped before that it joined."""

    assign: Sequence[Linked]
    summary: Summary
    joined: set[int] = field(default_factory=set)

    @property
    def first(self) -> int:
        """Its name: the smallest claim id, kept by the oldest cluster it joins."""
        return self.summary.name


def _story_names_of(rows: Iterable[tuple[int, str | None]]) -> dict[int, frozenset[str]]:
    """(article, story) rows as kept: story names one per line."""
    return {article: frozenset((story or "").split("\n")) - {""} for article, story in rows}


# Counts a conflicting group in or out for every entity its cluster names.
_NAMED_IN_CLUSTER = (
    "UPDATE entities SET conflicts = conflicts {change} "
    "WHERE id IN (SELECT entity_id FROM cluster_entities WHERE cluster = ?)"
)
# The discrepancy view's order (compare.group_order): conflicts, figures before statements,
# the most sources.
GROUP_ORDER_SQL = (
    f"g.status != 'conflict', g.comparison_key = '{STANCE_KEY}', g.sources DESC, g.topic, g.key"
)

# Each claim of those articles whose key the analyst decided: '' for a claim judged not a
# claim or taken out of its groups, else the key of the group it was put in.
PLACED_BY_HAND = (
    "SELECT c.id, CASE WHEN v.verdict = 'not_a_claim' THEN '' ELSE v.grouped_as END "
    "FROM claim_verdicts v JOIN articles a ON a.content_hash = v.content_hash "
    "JOIN claims c ON c.article_id = a.id AND c.span_start = v.span_start "
    "AND c.span_end = v.span_end WHERE a.id IN (SELECT value FROM json_each(:articles)) "
    "AND (v.verdict = 'not_a_claim' OR v.grouped_as IS NOT NULL)"
)
# A cluster this large keeps its summary (cluster_summaries), so that a claim joining it
# regroups from the summary instead of reading its members (87,000 claims at 100,000
# articles); smaller clusters are read whole when they grow, which costs less than a row.
# Every cluster of statements keeps one: each import names all their groups again
# (_retitle_statements), and thousands of them read whole took half a second.
SUMMARY_AFTER = 32
_GROUPING_BATCH = 2000  # articles whose claims are keyed, or stories signed, at a time
_NEARBY = "grouping_nearby"  # a temporary table: the articles a grouping step reads
# The key's claims in them: the key's index walked and each claim's article looked up in the
# table ("+" keeps SQLite from looking every article up in the index instead).
_IN_NEARBY = f"+c.article_id IN (SELECT id FROM temp.{_NEARBY})"


class Grouper:
    """Keeps the library's groups: which claims are the same quantity, and the groups they
    make, updated after each import where it touched them."""

    def __init__(
        self,
        connections: Connections,
        comparables: Callable[..., list[Comparable]],
        articles: Callable[[], int],
    ) -> None:
        """`comparables` reads claims as compared (reading.ClaimReader.comparables);
        `articles` counts the library's articles."""
        self._connections = connections
        self._comparables = comparables
        self._articles = articles
        self._fetch = connections.fetch

    def grouping_pending(self) -> bool:
        """Whether some claims were never grouped: a library from before groups were kept,
        or an import stopped before it grouped what it wrote."""
        return bool(self._fetch(
            "SELECT 1 FROM claims WHERE comparison_key IS NULL "
            "OR (comparison_key != '' AND cluster IS NULL) LIMIT 1"
        ))  # fmt: skip

    def ensure_grouped(self) -> None:
        """Group the claims not grouped yet, before groups are read; say why when the
        library cannot be written."""
        if not self.grouping_pending():
            return
        if self._connections.read_only:
            raise LibraryError(
                f"{self._connections.path}: the library is read-only, and the claims "
                "imported last were never grouped: open it where it can be written to "
                "compare them"
            )
        try:
            self.refresh_groups()
        except sqlite3.Error as exc:
            raise writing_error(self._connections.path, exc) from exc

    def refresh_groups(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Group the claims not grouped yet with the claims they may match; keep the groups.

        A new claim is compared with the claims of its comparison key in the articles of
        its story; a cluster it joins is read back only as far as its group's figures and
        sources need. What an import costs to group is what it touched, not the library's
        size, and the groups are what grouping everything would give (tested). Each step
        commits, and an interrupted run is taken up where it stopped by the next one.
        `progress` hears (keys done, keys to do). Returns the comparison keys regrouped.
        """
        # Grouped while the library was one story (under COMMON_AFTER articles), unsigned.
        grouped_unsigned = bool(self._fetch(
            "SELECT 1 FROM claims c WHERE c.cluster IS NOT NULL AND c.article_id IN "
            "(SELECT id FROM articles WHERE story IS NULL) LIMIT 1"))  # fmt: skip
        self._key_claims()
        pending = (
            "FROM claims INDEXED BY idx_claims_ungrouped "
            "WHERE comparison_key != '' AND cluster IS NULL"
        )
        new = {r[0] for r in self._fetch(f"SELECT DISTINCT article_id {pending}")}
        if not new:
            return 0
        touched = {r[0] for r in self._fetch(f"SELECT DISTINCT comparison_key {pending}")}
        self._summarise_pending()
        total = self._articles()
        common, resigned = self._common_names(total), set()
        if total >= COMMON_AFTER:
            resigned = self._unsign_where_common_changed(common)
            touched |= resigned
            self._sign_stories(
                [r[0] for r in self._fetch("SELECT id FROM articles WHERE story IS NULL")], total
            )
        # A library that has just grown out of being one story is compared anew, whole.
        whole = total < COMMON_AFTER or grouped_unsigned
        if whole:
            touched = {
                r[0]
                for r in self._fetch(
                    "SELECT DISTINCT comparison_key FROM claims WHERE comparison_key != ''"
                )
            }
        # The articles whose claims new claims may join, and their stories, for every key.
        nearby = [] if whole else self._story_articles(new)
        stories = None if whole else self._stories(nearby, total)
        with self._connections.pinned() as db:
            # Kept in a table on the connection every key reads through: each key read them
            # from a JSON list, looking each of them up in its index (7 ms a key for 20,000
            # articles, however few claims the key has).
            db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_NEARBY} (id INTEGER PRIMARY KEY)")
            db.execute(f"DELETE FROM temp.{_NEARBY}")
            db.executemany(f"INSERT INTO temp.{_NEARBY} VALUES (?)", [(a,) for a in nearby])
            # What an article leaves open of a figure (where, a crowd's day), its story says.
            touched |= self._settle_open(whole, stories, total)
            keys = sorted(touched, key=lambda k: (k == STANCE_KEY, k))  # denials last
            try:
                for done, key in enumerate(keys, 1):
                    if whole or key in resigned:
                        self._group_whole(key, total)
                    else:
                        self._group_around(key, stories)
                    if progress:
                        progress(done, len(keys))
            finally:
                db.execute(f"DELETE FROM temp.{_NEARBY}")
        if total >= COMMON_AFTER:
            self._keep_common_names(common)  # last: a run stopped before does it again
        self._retitle_statements()
        return len(keys)

    def _common_names(self, total: int) -> set[str]:
        """Names in more than COMMON_SHARE of the library's articles, and in more than
        COMMON_FLOOR of them: no story's own."""
        return {
            r[0]
            for r in self._fetch(
                "SELECT name FROM entities WHERE articles > ?",
                (max(total * COMMON_SHARE, COMMON_FLOOR),),
            )
        }

    def _unsign_where_common_changed(self, common: set[str]) -> set[str]:
        """Take the story names off the articles naming a name that has become common, or
        no longer is, since stories were last signed, so that they are signed again; return
        the comparison keys of their claims, to group whole.

        An article's story names leave out the library's common names, and the library
        grows: without this, what an article was linked with would depend on how many
        articles were there when it came in, and two imports at once would group
        differently from one."""
        changed = common ^ {r[0] for r in self._fetch("SELECT name FROM common_names")}
        if not changed:
            return set()
        articles = json.dumps([r[0] for r in self._fetch(
            "SELECT DISTINCT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "JOIN articles a ON a.id = m.article_id "
            "WHERE e.name IN (SELECT value FROM json_each(?)) AND a.story IS NOT NULL",
            (json.dumps(sorted(changed)),))])  # fmt: skip
        keys = {r[0] for r in self._fetch(
            "SELECT DISTINCT comparison_key FROM claims WHERE comparison_key != '' "
            "AND article_id IN (SELECT value FROM json_each(?))", (articles,))}  # fmt: skip
        with self._connections.lease() as db, transaction(db):
            db.execute(
                "DELETE FROM story_pairs WHERE article_id IN (SELECT value FROM json_each(?))",
                (articles,),
            )
            db.execute(
                "UPDATE articles SET story = NULL WHERE id IN (SELECT value FROM json_each(?))",
                (articles,),
            )
        return keys

    def _keep_common_names(self, common: set[str]) -> None:
        with self._connections.lease() as db, transaction(db):
            db.execute("DELETE FROM common_names")
            db.executemany("INSERT INTO common_names (name) VALUES (?)", [(n,) for n in common])

    def _retitle_statements(self) -> None:
        """Name every group of statements after the figure groups as they are now: a
        figure group made later can come first, and a name kept from an earlier step
        would depend on how the import went (a kill and a second import gave another)."""
        from extract.compare import Summary, named_by_party, statement_topic

        groups = [g for g in self._fetch(
            "SELECT g.cluster, g.topic, s.summary FROM claim_groups g LEFT JOIN "
            "cluster_summaries s ON s.cluster = g.cluster WHERE g.comparison_key = ?",
            (STANCE_KEY,),
        ) if not named_by_party(g[1])]  # fmt: skip
        # (a group named after who its statements say did it is renamed only when regrouped)
        # The small clusters' claims in one read: a large library has thousands of them.
        members: dict[int, list[Comparable]] = defaultdict(list)
        for claim, cluster in zip(*self._with_clusters([c for c, _, kept in groups if not kept]),
                                  strict=True):  # fmt: skip
            members[cluster].append(claim)
        summaries = {
            cluster: Summary.from_json(kept) if kept else Summary.of(members[cluster])
            for cluster, _, kept in groups
        }
        topic_of = self._first_topics({a for s in summaries.values() for _, a in s.first})
        renamed = [
            (topic, cluster)
            for cluster, old, _ in groups
            if (topic := statement_topic(summaries[cluster], topic_of)) != old
        ]
        with self._connections.lease() as db, transaction(db):
            db.executemany("UPDATE claim_groups SET topic = ? WHERE cluster = ?", renamed)
            # Kept, as every statement cluster's is now (SUMMARY_AFTER): read whole once.
            db.executemany(
                "INSERT OR REPLACE INTO cluster_summaries (cluster, summary) VALUES (?, ?)",
                [(cluster, summaries[cluster].to_json()) for cluster in members],
            )

    def regroup_articles(self, articles: list[int]) -> None:
        """Make again, from their claims, the groups holding claims of those articles: what
        a group counts and names depends on its sources, which a rename changes."""
        from extract.compare import Summary

        clusters = self._fetch(
            "SELECT DISTINCT comparison_key, cluster FROM claims WHERE cluster IS NOT NULL "
            "AND article_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(articles)),),
        )
        for key, cluster in sorted(clusters, key=lambda r: (r[0] == STANCE_KEY, r)):
            members = self._rest_of({cluster}, set())
            self._keep_clusters(key, {cluster}, [Cluster([], Summary.of(members), {cluster})])

    def release(self, conn: sqlite3.Connection, articles: list[int]) -> None:
        """Inside a removal's transaction, before those articles' claims go: take apart
        every group holding one of their claims, and leave the group's other claims to be
        grouped again, as new claims are (refresh_groups). Clusters are connected
        components, so what is left of one is regrouped alone and nothing else changes.
        A library left with fewer than COMMON_AFTER articles is one story again: its story
        names go and all of it is regrouped whole, as if it had never grown."""
        removed = json.dumps(sorted(articles))
        (left,) = conn.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT value FROM json_each(?))",
            (removed,),
        ).fetchone()
        signed = conn.execute("SELECT 1 FROM articles WHERE story IS NOT NULL LIMIT 1").fetchone()
        if left < COMMON_AFTER and signed:
            conn.execute("UPDATE articles SET story = NULL WHERE story IS NOT NULL")
            conn.execute("DELETE FROM story_pairs")
            clusters = "SELECT DISTINCT cluster FROM claims WHERE cluster IS NOT NULL"
            params: tuple[str, ...] = ()
        else:
            clusters = (
                "SELECT DISTINCT cluster FROM claims WHERE cluster IS NOT NULL "
                "AND article_id IN (SELECT value FROM json_each(?))"
            )
            params = (removed,)
        taken = json.dumps([r[0] for r in conn.execute(clusters, params)])
        conn.executemany(
            _NAMED_IN_CLUSTER.format(change="- 1"),
            conn.execute(
                "SELECT cluster FROM claim_groups WHERE status = 'conflict' "
                "AND cluster IN (SELECT value FROM json_each(?))",
                (taken,),
            ).fetchall(),
        )
        for table in ("claim_groups", "cluster_summaries", "cluster_entities"):
            conn.execute(
                f"DELETE FROM {table} WHERE cluster IN (SELECT value FROM json_each(?))", (taken,)
            )
        conn.execute(
            "UPDATE claims SET cluster = NULL WHERE cluster IN (SELECT value FROM json_each(?))",
            (taken,),
        )

    def _all_articles(self) -> list[int]:
        return [r[0] for r in self._fetch("SELECT id FROM articles ORDER BY id")]

    def _settle_open(
        self, whole: bool, stories: dict[int, frozenset[str]] | None, total: int
    ) -> set[str]:
        """Give each figure whose article leaves its place or (a crowd's) day open, of the
        articles _NEARBY holds (all, when `whole`), the key its story settles
        (compare.settle_open); `stories` are the nearby articles' (read here when whole).
        Those whose key changes leave their groups, which are made again without them, and
        are grouped as new claims are. Returns the comparison keys they left and joined."""
        from extract.compare import open_fields, settle_open

        where = "c.measured_key != ''"
        if not whole:
            where += f" AND c.article_id IN (SELECT id FROM temp.{_NEARBY})"
        rows = self._fetch(
            f"SELECT c.id, c.article_id, c.measured_key, c.comparison_key, c.cluster "
            f"FROM claims c WHERE {where}"
        )
        opened = [r for r in rows if open_fields(r[2])]
        if not opened:
            return set()
        by_hand = {r[0] for r in self._fetch(PLACED_BY_HAND, {
            "articles": json.dumps(sorted({r[1] for r in opened}))})}  # fmt: skip
        opened = [r for r in opened if r[0] not in by_hand]
        if whole:
            stories = self._stories(self._all_articles(), total)
        things = {k.split("|", 1)[0] for _, _, k, _, _ in opened}
        evidence = [r for r in rows if r[2].split("|", 1)[0] in things and r[0] not in by_hand]
        claims = {c.id: c for c in self._comparables(
            "c.id IN (SELECT value FROM json_each(:ids))",
            {"ids": json.dumps([r[0] for r in evidence])}, light=True)}  # fmt: skip
        keys = settle_open(
            [(claims[r[0]], r[2]) for r in opened],
            [(claims[r[0]], r[2]) for r in evidence if not open_fields(r[2])],
            stories,
        )
        moved = [(keys[i], i, key, cluster) for i, _, _, key, cluster in opened if keys[i] != key]
        if not moved:
            return set()
        with self._connections.lease() as db, transaction(db):
            db.executemany(
                "UPDATE claims SET comparison_key = ?, cluster = NULL WHERE id = ?",
                [(new, i) for new, i, _, _ in moved],
            )
        self._regroup_left({(k, cluster) for _, _, k, cluster in moved if cluster is not None})
        return {k for new, _, old, _ in moved for k in (new, old)}

    def _regroup_left(self, left: Iterable[tuple[str, int]]) -> None:
        """Make the groups some claims left again from the claims that stay (a group left
        with one claimant is none)."""
        from extract.compare import Summary

        for key, cluster in sorted(left, key=lambda r: (r[0] == STANCE_KEY, r)):
            rest = self._rest_of({cluster}, set())
            if rest:
                self._keep_clusters(key, {cluster}, [Cluster([], Summary.of(rest), {cluster})])
                self._forget_names(min(c.id for c in rest))
            else:
                self._drop_cluster(cluster)

    def regroup_claims(self, claim_ids: list[int]) -> None:
        """Group those claims again from their keys, which the analyst changed: the groups
        they leave are made again from the claims that stay (a group left with one
        claimant is none), then they are keyed and grouped as newly imported claims are.
        What it costs is those claims' groups and the groups they join."""
        left = self._fetch(
            "SELECT DISTINCT comparison_key, cluster FROM claims WHERE cluster IS NOT NULL "
            "AND id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(claim_ids)),),
        )
        with self._connections.lease() as db, transaction(db):
            db.execute(
                "UPDATE claims SET comparison_key = NULL, cluster = NULL "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(claim_ids)),),
            )
        self._regroup_left(left)
        self.refresh_groups()

    def _forget_names(self, cluster: int) -> None:
        """What a cluster names, without the names only the claims that left it named; a
        conflicting group stops counting for them."""
        with self._connections.lease() as db, transaction(db):
            gone = [(r[0],) for r in db.execute(
                "SELECT entity_id FROM cluster_entities WHERE cluster = :c AND entity_id NOT IN "
                "(SELECT ce.entity_id FROM claims c JOIN claim_entities ce ON ce.claim_id = c.id "
                "WHERE c.cluster = :c)", {"c": cluster})]  # fmt: skip
            if db.execute("SELECT 1 FROM claim_groups WHERE cluster = ? AND status = 'conflict'",
                          (cluster,)).fetchone():  # fmt: skip
                db.executemany("UPDATE entities SET conflicts = conflicts - 1 WHERE id = ?", gone)
            db.executemany(
                "DELETE FROM cluster_entities WHERE cluster = ? AND entity_id = ?",
                [(cluster, e) for (e,) in gone],
            )

    def _drop_cluster(self, cluster: int) -> None:
        """A cluster all of whose claims left it: its group, summary and names go."""
        with self._connections.lease() as db, transaction(db):
            if db.execute("SELECT 1 FROM claim_groups WHERE cluster = ? AND status = 'conflict'",
                          (cluster,)).fetchone():  # fmt: skip
                db.execute(_NAMED_IN_CLUSTER.format(change="- 1"), (cluster,))
            for table in ("claim_groups", "cluster_summaries", "cluster_entities"):
                db.execute(f"DELETE FROM {table} WHERE cluster = ?", (cluster,))

    def _key_claims(self) -> None:
        """Give every claim without one its comparison key and the day its figure holds on,
        an article's claims together."""
        from extract.compare import comparison_keys

        articles = [
            r[0]
            for r in self._fetch(
                "SELECT DISTINCT article_id FROM claims WHERE comparison_key IS NULL"
            )
        ]
        for start in range(0, len(articles), _GROUPING_BATCH):  # memory stays flat
            chunk = json.dumps(articles[start : start + _GROUPING_BATCH])
            keys = comparison_keys(self._comparables(
                "c.article_id IN (SELECT value FROM json_each(:a))", {"a": chunk}))  # fmt: skip
            # The analyst's word comes before the measure's (store/verdicts.py): a claim
            # that is not one, or taken out of its group, is compared with nothing; one put
            # in another group takes that group's key.
            placed = dict(self._fetch(PLACED_BY_HAND, {"articles": chunk}))
            with self._connections.lease() as db, transaction(db):
                db.executemany(
                    "UPDATE claims SET comparison_key = ?, measured_key = ?, holds_on = ? "
                    "WHERE id = ?",
                    [(placed.get(claim_id, key), key, day, claim_id)
                     for claim_id, (key, day) in keys.items()],
                )  # fmt: skip

    def _sign_stories(self, articles: list[int], total: int) -> None:
        """Keep the story names, and their pairs, of articles that have none yet."""
        from extract.compare import story_pairs

        for start in range(0, len(articles), _GROUPING_BATCH):
            signatures = self._story_names(articles[start : start + _GROUPING_BATCH], total)
            with self._connections.lease() as db, transaction(db):
                db.executemany(
                    "UPDATE articles SET story = ? WHERE id = ?",
                    [("\n".join(sorted(names)), a) for a, names in signatures.items()],
                )
                db.executemany(
                    "INSERT OR IGNORE INTO story_pairs (pair, article_id) VALUES (?, ?)",
                    [(p, a) for a, names in signatures.items() for p in story_pairs(names)],
                )

    def _group_whole(self, key: str, total: int) -> None:
        """Cluster every claim of a key afresh."""
        from extract.compare import Summary, link_claims

        members = self._comparables(
            "c.comparison_key = :k", {"k": key}, mentions=key == STANCE_KEY, titles=False
        )
        stories = self._stories(sorted({c.article for c in members}), total)
        clusters = link_claims(members, stories)
        old = {r[0] for r in self._fetch(
            "SELECT DISTINCT cluster FROM claims WHERE comparison_key = ? "
            "AND cluster IS NOT NULL", (key,))}  # fmt: skip
        self._keep_clusters(key, old, [Cluster(c, Summary.of(c)) for c in clusters])

    def _story_articles(self, new: set[int]) -> list[int]:
        """The new articles and the articles of their stories."""
        return sorted(new | {r[0] for r in self._fetch(
            "SELECT DISTINCT b.article_id FROM story_pairs a JOIN story_pairs b "
            "ON b.pair = a.pair WHERE a.article_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(new)),))})  # fmt: skip

    def _group_around(self, key: str, stories: dict[int, frozenset[str]] | None) -> None:
        """Link the new claims of a key with its claims in the articles of their stories
        (the table _NEARBY), and regroup the clusters they join from their summaries and
        the new claims."""
        from extract.compare import Summary, link_claims

        nearby: list[Linked]
        if key == STANCE_KEY:  # statements link by what they say
            nearby = list(self._comparables(
                f"c.comparison_key = :k AND {_IN_NEARBY}", {"k": key}, titles=False))  # fmt: skip
        else:  # figures of one key link by their articles' stories alone
            nearby = [Placed(*row) for row in self._fetch(
                f"SELECT c.id, c.article_id FROM claims c WHERE c.comparison_key = :k "
                f"AND {_IN_NEARBY} ORDER BY c.id", {"k": key})]  # fmt: skip
        settled = dict(self._fetch(  # from the key's index, which carries the cluster
            f"SELECT id, cluster FROM claims c WHERE c.comparison_key = :k AND {_IN_NEARBY} "
            "AND cluster IS NOT NULL", {"k": key}))  # fmt: skip
        changed = [
            (linked, {settled[c.id] for c in linked if c.id in settled})
            for linked in link_claims(nearby, stories, settled)
            if not all(c.id in settled for c in linked)  # else no new claim joined it
        ]
        if not changed:
            return
        old = {cluster for _, joined in changed for cluster in joined}
        kept = self._summaries(old)
        # The claims summarised here (the new, and those of small clusters), read whole
        # once: a figure's nearby claims were read as their ids and articles only.
        wanted = [c.id for linked, _ in changed for c in linked if settled.get(c.id) not in kept]
        whole = {c.id: c for c in self._comparables(
            "c.id IN (SELECT value FROM json_each(:ids))", {"ids": json.dumps(wanted)},
            light=True)}  # fmt: skip
        clusters = []
        for linked, joined in changed:
            # Summarised clusters count as their summaries; the new claims and the
            # members of small clusters are read and summarised here.
            read = [whole[c.id] for c in linked if settled.get(c.id) not in kept]
            if small := joined - kept.keys():
                read += self._rest_of(small, {c.id for c in linked})
            parts = [kept[j] for j in sorted(joined & kept.keys())]
            if read:
                parts.append(Summary.of(read))
            # Claims grouped before move with their clusters; only the new are assigned.
            fresh = [c for c in linked if c.id not in settled]
            clusters.append(Cluster(fresh, reduce(Summary.merge, parts), joined))
        self._keep_clusters(key, old, clusters, whole)

    def _summaries(self, clusters: set[int]) -> dict[int, Summary]:
        from extract.compare import Summary

        return {
            cluster: Summary.from_json(text)
            for cluster, text in self._fetch(
                "SELECT cluster, summary FROM cluster_summaries WHERE summary != '' "
                "AND cluster IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(clusters)),),
            )
        }

    def _summarise_pending(self) -> None:
        """Summarise the large clusters of a library grouped before summaries were kept,
        once, so that its first import does not read them key by key."""
        from extract.compare import Summary

        for (cluster,) in self._fetch("SELECT cluster FROM cluster_summaries WHERE summary = ''"):
            summary = Summary.of(self._rest_of({cluster}, set()))
            with self._connections.lease() as db, transaction(db):
                db.execute(
                    "UPDATE cluster_summaries SET summary = ? WHERE cluster = ?",
                    (summary.to_json(), cluster),
                )

    def _with_clusters(self, clusters: list[int]) -> tuple[list[Comparable], list[int]]:
        """The claims of those clusters, and the cluster of each."""
        chunk = json.dumps(sorted(clusters))
        cluster_of = dict(self._fetch(
            "SELECT id, cluster FROM claims WHERE cluster IN (SELECT value FROM json_each(?))",
            (chunk,)))  # fmt: skip
        claims = self._rest_of(set(clusters), set())
        return claims, [cluster_of[c.id] for c in claims]

    def _rest_of(self, clusters: set[int], known: set[int]) -> list[Comparable]:
        return self._comparables(
            "c.cluster IN (SELECT value FROM json_each(:clusters)) "
            "AND c.id NOT IN (SELECT value FROM json_each(:known))",
            {"clusters": json.dumps(sorted(clusters)), "known": json.dumps(sorted(known))},
            light=True,
        )

    def _story_names(self, articles: list[int], total: int) -> dict[int, frozenset[str]]:
        """Story names of those articles, against the names common in the whole library."""
        from extract.compare import story_names

        common = self._common_names(total)
        counts: dict[int, dict[str, int]] = defaultdict(dict)
        for article, name, mentions in self._fetch(
            "SELECT m.article_id, e.name, count(*) FROM mentions m "
            "JOIN entities e ON e.id = m.entity_id "
            "WHERE m.article_id IN (SELECT value FROM json_each(?)) GROUP BY m.article_id, e.id",
            (json.dumps(articles),),
        ):
            counts[article][name] = mentions
        return {article: story_names(counts.get(article, {}), common) for article in articles}

    def _stories(self, articles: list[int], total: int) -> dict[int, frozenset[str]] | None:
        if total < COMMON_AFTER:
            return None  # a library this small was gathered for one story
        return _story_names_of(self._fetch(
            "SELECT id, story FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(articles),),
        ))  # fmt: skip

    def _first_topics(self, articles: set[int]) -> dict[int, str]:
        """Each of those articles' first figure group's topic."""
        rows = self._fetch(
            "SELECT c.article_id, g.topic FROM claims c JOIN claim_groups g "
            "ON g.cluster = c.cluster WHERE g.comparison_key != :stance "
            "AND c.article_id IN (SELECT value FROM json_each(:articles)) "
            f"ORDER BY {GROUP_ORDER_SQL}",
            {"stance": STANCE_KEY, "articles": json.dumps(sorted(articles))},
        )
        topics: dict[int, str] = {}
        for article, topic in rows:
            topics.setdefault(article, topic)
        return topics

    def _keep_clusters(
        self,
        key: str,
        old: set[int],
        clusters: list[Cluster],
        read: Mapping[int, Comparable] | None = None,
    ) -> None:
        """Replace the clusters `old` of a key, and their groups, with new ones. `read`: claims
        read light already, which the groups may quote."""
        from extract.compare import group_from, party_of

        quoted = {i for c in clusters for i in c.summary.named()}
        read = read or {}
        claims = {i: read[i] for i in quoted if i in read}
        claims.update((c.id, c) for c in self._comparables(
            "c.id IN (SELECT value FROM json_each(:ids))",
            {"ids": json.dumps(sorted(quoted - claims.keys()))}, light=True))  # fmt: skip
        topic_of, parties = {}, {}
        if key == STANCE_KEY:  # named after who they say did it, else their articles' figures
            topic_of = self._first_topics({a for c in clusters for _, a in c.summary.first})
            parties = {c.id: party_of(c) for c in self._comparables(
                "c.id IN (SELECT value FROM json_each(:ids))",
                {"ids": json.dumps(sorted(quoted))}, titles=False)}  # fmt: skip
        groups = [
            g for c in clusters if (g := group_from(key, c.summary, claims, topic_of, parties))
        ]
        whole = all(not c.joined for c in clusters)
        replaced = json.dumps(sorted(old | {c.first for c in clusters}))
        with self._connections.lease() as conn, transaction(conn):
            # An entity's conflicts: the conflicting groups whose claims name it. Those
            # replaced stop counting, before their clusters' names move.
            conn.executemany(
                _NAMED_IN_CLUSTER.format(change="- 1"),
                conn.execute(
                    "SELECT cluster FROM claim_groups WHERE status = 'conflict' "
                    "AND cluster IN (SELECT value FROM json_each(?))",
                    (replaced,),
                ).fetchall(),
            )
            for table in ("claim_groups", "cluster_summaries"):
                conn.execute(
                    f"DELETE FROM {table} WHERE cluster IN (SELECT value FROM json_each(?))",
                    (replaced,),
                )
            conn.executemany(
                "INSERT INTO cluster_summaries (cluster, summary) VALUES (?, ?)",
                [(c.first, c.summary.to_json()) for c in clusters
                 if c.summary.members >= SUMMARY_AFTER or key == STANCE_KEY],
            )  # fmt: skip
            if whole:  # every claim is assigned again: what each cluster names, too
                conn.executemany(
                    "DELETE FROM cluster_entities WHERE cluster = ?", [(o,) for o in old]
                )
            merged = [(c.first, o) for c in clusters for o in c.joined - {c.first}]
            # Clusters merged into another: their claims and names move to it.
            conn.executemany("UPDATE claims SET cluster = ? WHERE cluster = ?", merged)
            conn.executemany(
                "UPDATE OR IGNORE cluster_entities SET cluster = ? WHERE cluster = ?", merged
            )
            conn.executemany(
                "DELETE FROM cluster_entities WHERE cluster = ?", [(o,) for _, o in merged]
            )
            assigned = [(c.first, m.id) for c in clusters for m in c.assign]
            conn.executemany("UPDATE claims SET cluster = ? WHERE id = ?", assigned)
            conn.executemany(
                "INSERT OR IGNORE INTO cluster_entities (entity_id, cluster) "
                "SELECT entity_id, ? FROM claim_entities WHERE claim_id = ?",
                assigned,
            )
            conn.executemany(
                "INSERT INTO claim_groups (key, comparison_key, cluster, topic, status, soft, "
                "explanation, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(g.key, key, int(g.key.rsplit("|", 1)[1]), g.topic, g.status, int(g.soft),
                  g.explanation, g.sources) for g in groups],
            )  # fmt: skip
            conn.executemany(
                _NAMED_IN_CLUSTER.format(change="+ 1"),
                [(int(g.key.rsplit("|", 1)[1]),) for g in groups if g.status == "conflict"],
            )
