"""The analyst's judgement: a verdict and a note on a claim or a group, and claims moved
between groups by hand, kept across re-imports and regrouping.

The rule. A claim id and a group id are the library's own and change (a regrouping renames
groups; an article removed and imported again gets new ids), so neither is what a
judgement is kept by:
- a claim is its article's content hash and its figure's offsets in the body (`span_start`,
  `span_end`): the same text always gives the same claims at the same places, whichever
  file, format or import brought it in;
- a group is the claims it held when the verdict was given. A group carries the verdicts
  given to any group whose claims it holds: a group that grew since keeps its verdict, and
  of two judged groups that became one, the verdict given last is shown. Clearing a group's
  verdict clears every verdict it carries.

`not_a_claim` (an extraction mistake) takes the claim out of every group; taking a claim out
of its group by hand does the same without a verdict; merging a group into another gives its
claims the other's comparison key (figures are compared within a story, so groups of two
stories are not merged: the merge is refused and undone). Both are kept on the claim
(`grouped_as`) and read by
grouping before the claim's own measure (store/grouping.py PLACED_BY_HAND), so a regrouping
from scratch makes the same groups. Only the groups the claims leave and join are made again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import NamedTuple

from extract.comparable import STANCE_KEY
from extract.text import clean_text
from store.connections import Connections
from store.grouping import Grouper
from store.schema import transaction

VERDICTS = ("confirmed", "disputed", "false", "not_a_claim")
CLEAR = "clear"  # takes a verdict (and its note) off
NOT_A_CLAIM = "not_a_claim"
# A claim's row in claim_verdicts, found from the claim (as `c`) and its article (as `a`).
CLAIM_VERDICT = (
    "claim_verdicts v ON v.content_hash = a.content_hash AND v.span_start = c.span_start "
    "AND v.span_end = c.span_end"
)
# The claims a group verdict was given to, found in the library (as `c`).
# CROSS JOIN keeps SQLite reading from the verdicts' few claims, not a large group's many.
_JUDGED_CLAIMS = (
    "group_verdict_claims m CROSS JOIN articles a ON a.content_hash = m.content_hash "
    "CROSS JOIN claims c ON c.article_id = a.id AND c.span_start = m.span_start "
    "AND c.span_end = m.span_end"
)


class Verdict(NamedTuple):
    """What the analyst said of a claim or a group; no verdict is None."""

    verdict: str | None = None
    note: str = ""


class UnknownError(ValueError):
    """No such claim, group or verdict: the message says which."""


def check_verdict(verdict: str) -> str:
    """The verdict as stored, or UnknownError naming those there are."""
    if verdict not in (*VERDICTS, CLEAR):
        raise UnknownError(
            f"no verdict {verdict!r}: choose one of {', '.join(VERDICTS)}, or {CLEAR}"
        )
    return verdict


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _note(note: str) -> str:
    """A note is as untrusted as article text once written: nothing in it acts on a terminal."""
    return clean_text(note).strip()


class Verdicts:
    """Reads and keeps the analyst's verdicts, notes and groups made by hand."""

    def __init__(self, connections: Connections, grouper: Grouper) -> None:
        self._connections = connections
        self._grouper = grouper
        self._fetch = connections.fetch

    # ---- claims ------------------------------------------------------------------------

    def _claim(self, claim_id: int) -> tuple[str, int, int]:
        rows = self._fetch(
            "SELECT a.content_hash, c.span_start, c.span_end FROM claims c "
            "JOIN articles a ON a.id = c.article_id WHERE c.id = ?",
            (claim_id,),
        )
        if not rows:
            raise UnknownError(f"no claim {claim_id} in {self._connections.path}")
        return rows[0]

    def claim_verdict(self, claim_id: int) -> Verdict:
        kept = self._fetch(
            "SELECT verdict, note FROM claim_verdicts WHERE content_hash = ? AND span_start = ? "
            "AND span_end = ?",
            self._claim(claim_id),
        )
        return Verdict(*kept[0]) if kept else Verdict()

    def of_claims(self, claim_ids: Iterable[int]) -> dict[int, Verdict]:
        """The verdicts of those claims that have one (or a note)."""
        return {
            claim_id: Verdict(verdict, note)
            for claim_id, verdict, note in self._fetch(
                f"SELECT c.id, v.verdict, v.note FROM claims c JOIN articles a "
                f"ON a.id = c.article_id JOIN {CLAIM_VERDICT} "
                "WHERE c.id IN (SELECT value FROM json_each(?)) "
                "AND (v.verdict IS NOT NULL OR v.note != '')",
                (json.dumps(sorted(set(claim_ids))),),
            )
        }

    def judge_claim(self, claim_id: int, verdict: str, note: str | None = None) -> Verdict:
        """Give a claim a verdict (`clear` takes it and its note off); without a note, the
        note kept stays. A claim judged not a claim leaves its groups; one no longer so
        judged is grouped again. Returns what the claim now has."""
        check_verdict(verdict)
        key = self._claim(claim_id)
        before = self.claim_verdict(claim_id)
        if verdict == CLEAR:
            now = Verdict()
        else:
            now = Verdict(verdict, before.note if note is None else _note(note))
        with self._connections.lease() as db, transaction(db):
            db.execute(
                "INSERT INTO claim_verdicts (content_hash, span_start, span_end, verdict, note, "
                "set_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                "verdict = excluded.verdict, note = excluded.note, set_at = excluded.set_at",
                (*key, now.verdict, now.note, _now()),
            )
            self._drop_empty(db, key)
        if (before.verdict == NOT_A_CLAIM) != (now.verdict == NOT_A_CLAIM):
            self._grouper.regroup_claims([claim_id])
        return now

    def take_out(self, claim_id: int) -> None:
        """Take a claim out of its group by hand: it is compared with nothing after (until
        merged into a group), and no group verdict follows it."""
        key = self._claim(claim_id)
        with self._connections.lease() as db, transaction(db):
            self._place(db, [key], "")
            db.execute(
                "DELETE FROM group_verdict_claims WHERE content_hash = ? AND span_start = ? "
                "AND span_end = ?",
                key,
            )
        self._grouper.regroup_claims([claim_id])

    @staticmethod
    def _place(db: sqlite3.Connection, keys: list[tuple[str, int, int]], grouped_as: str) -> None:
        """Keep the group claims were put in by hand ('' none: taken out)."""
        db.executemany(
            "INSERT INTO claim_verdicts (content_hash, span_start, span_end, grouped_as, set_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET grouped_as = excluded.grouped_as",
            [(*k, grouped_as, _now()) for k in keys],
        )

    @staticmethod
    def _drop_empty(db: sqlite3.Connection, key: tuple[str, int, int]) -> None:
        """A claim with no verdict, no note and no group by hand keeps no row."""
        db.execute(
            "DELETE FROM claim_verdicts WHERE content_hash = ? AND span_start = ? "
            "AND span_end = ? AND verdict IS NULL AND note = '' AND grouped_as IS NULL",
            key,
        )

    # ---- groups ------------------------------------------------------------------------

    def _group(self, group_key: str) -> tuple[str, int]:
        rows = self._fetch(
            "SELECT comparison_key, cluster FROM claim_groups WHERE key = ?", (group_key,)
        )
        if not rows:
            raise UnknownError(f"no discrepancy group {group_key!r} in {self._connections.path}")
        return rows[0]

    def _members(self, cluster: int) -> list[tuple[int, str, int, int]]:
        return self._fetch(
            "SELECT c.id, a.content_hash, c.span_start, c.span_end FROM claims c "
            "JOIN articles a ON a.id = c.article_id WHERE c.cluster = ?",
            (cluster,),
        )

    def of_groups(self, clusters: Iterable[int]) -> dict[int, Verdict]:
        """The verdict each of those clusters' groups carries: the last given to claims it
        holds."""
        shown: dict[int, tuple[int, Verdict]] = {}
        for cluster, verdict_id, verdict, note in self._fetch(
            f"SELECT DISTINCT c.cluster, v.id, v.verdict, v.note FROM {_JUDGED_CLAIMS} "
            "JOIN group_verdicts v ON v.id = m.verdict_id "
            "WHERE c.cluster IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(clusters))),),
        ):
            if cluster not in shown or shown[cluster][0] < verdict_id:
                shown[cluster] = (verdict_id, Verdict(verdict, note))
        return {cluster: verdict for cluster, (_, verdict) in shown.items()}

    def of_group_keys(self, group_keys: Iterable[str]) -> dict[str, Verdict]:
        """The verdict each of those groups carries, by group id (those with one)."""
        cluster_of = dict(self._fetch(
            "SELECT key, cluster FROM claim_groups WHERE key IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(group_keys))),)))  # fmt: skip
        verdicts = self.of_groups(cluster_of.values())
        return {k: verdicts[c] for k, c in cluster_of.items() if c in verdicts}

    def judge_group(self, group_key: str, verdict: str, note: str | None = None) -> Verdict:
        """Give a group a verdict, kept on the claims it holds now; `clear` takes off every
        verdict it carries. Without a note, the note it carries stays."""
        check_verdict(verdict)
        if verdict == NOT_A_CLAIM:
            raise UnknownError(
                f"{NOT_A_CLAIM} is said of a claim, not a group: choose one of "
                f"{', '.join(v for v in VERDICTS if v != NOT_A_CLAIM)}, or {CLEAR}"
            )
        _, cluster = self._group(group_key)
        before = self.of_groups([cluster]).get(cluster, Verdict())
        now = Verdict()
        if verdict != CLEAR:
            now = Verdict(verdict, before.note if note is None else _note(note))
        members = self._members(cluster)
        with self._connections.lease() as db, transaction(db):
            db.execute(
                f"DELETE FROM group_verdicts WHERE id IN (SELECT m.verdict_id FROM "
                f"{_JUDGED_CLAIMS} WHERE c.cluster = ?)",
                (cluster,),
            )
            if now.verdict is not None:
                verdict_id = db.execute(
                    "INSERT INTO group_verdicts (verdict, note, set_at) VALUES (?, ?, ?)",
                    (now.verdict, now.note, _now()),
                ).lastrowid
                db.executemany(
                    "INSERT OR IGNORE INTO group_verdict_claims VALUES (?, ?, ?, ?)",
                    [(verdict_id, *m[1:]) for m in members],
                )
        return now

    def merge(self, group_key: str, into_key: str) -> str:
        """Put every claim of one group into another by hand: they take its comparison key,
        and so stay with it when grouped again. Returns the merged group's id."""
        key, cluster = self._group(group_key)
        into, into_cluster = self._group(into_key)
        if cluster == into_cluster:
            raise UnknownError("a group cannot be merged into itself")
        if (key == STANCE_KEY) != (into == STANCE_KEY):
            raise UnknownError("a group of statements and a group of figures cannot be merged")
        members = self._members(cluster)
        anchor = self._members(into_cluster)[0][0]  # a claim that stays in the merged group
        keys = [m[1:] for m in members]
        was = {(h, s, e): g for h, s, e, g in self._fetch(
            "SELECT v.content_hash, v.span_start, v.span_end, v.grouped_as FROM claims c "
            f"JOIN articles a ON a.id = c.article_id JOIN {CLAIM_VERDICT} "
            "WHERE c.cluster = ?", (cluster,))}  # fmt: skip
        with self._connections.lease() as db, transaction(db):
            self._place(db, keys, into)
        moved = [m[0] for m in members]
        self._grouper.regroup_claims(moved)
        merged = self.group_of(anchor)
        if merged is None or any(self.group_of(m) != merged for m in moved):
            # One comparison key, but not one story: grouping would keep them apart.
            with self._connections.lease() as db, transaction(db):
                for claim in keys:
                    db.execute(
                        "UPDATE claim_verdicts SET grouped_as = ? WHERE content_hash = ? "
                        "AND span_start = ? AND span_end = ?",
                        (was.get(claim), *claim),
                    )
                    self._drop_empty(db, claim)
            self._grouper.regroup_claims(moved)
            raise UnknownError(
                "not merged: the two groups are of different stories, and figures are "
                "compared within a story"
            )
        return merged

    def group_of(self, claim_id: int) -> str | None:
        """The id of the group a claim is in now (a group's id changes as it does)."""
        rows = self._fetch(
            "SELECT g.key FROM claims c JOIN claim_groups g ON g.cluster = c.cluster "
            "WHERE c.id = ?",
            (claim_id,),
        )
        return str(rows[0][0]) if rows else None

    # ---- the verdicts export -----------------------------------------------------------

    def judged_claims(self) -> list[int]:
        """Every claim in the library with a verdict, by id."""
        return [
            r[0]
            for r in self._fetch(
                "SELECT c.id FROM claim_verdicts v JOIN articles a ON a.content_hash = "
                "v.content_hash JOIN claims c ON c.article_id = a.id AND c.span_start = "
                "v.span_start AND c.span_end = v.span_end WHERE v.verdict IS NOT NULL "
                "ORDER BY c.id"
            )
        ]

    def judged_groups(self) -> list[str]:
        """Every group carrying a verdict, by its id."""
        return [
            r[0]
            for r in self._fetch(
                f"SELECT DISTINCT g.key FROM {_JUDGED_CLAIMS} JOIN claim_groups g "
                "ON g.cluster = c.cluster ORDER BY g.key"
            )
        ]
