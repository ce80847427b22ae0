"""The analyst's judgement in the library and on the command line: verdicts and notes on
claims and groups, kept by what a claim is; not_a_claim, a split and a merge regroup only
what they touch, and hold when everything is grouped again."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from store import BUNDLED_ARTICLES, ClaimFilter, Library, export, import_paths
from store.migrations import COUNT_CONFLICTS, MIGRATIONS
from store.verdicts import UnknownError
from tests import contract
from tests.test_cli import run

RUSSIA = "North Korean troops in Russia"


def groups(library: Library) -> list[tuple[str, str, tuple[str, ...], str | None, str]]:
    """Each group as a user reads it: topic, status, its claims' sentences, its verdict."""
    shown = []
    for row in library.group_rows():
        group = library.group(row.key)
        assert group is not None
        sentences = tuple(sorted(f"{m.sentence}@{m.span_start}" for m in group.members))
        shown.append((row.topic, row.status, sentences, row.verdict, row.note))
    return sorted(shown)


def group_of(library: Library, topic: str) -> str:
    return next(g.key for g in library.group_rows() if g.topic == topic)


def member_ids(library: Library, key: str) -> list[int]:
    group = library.group(key)
    assert group is not None
    return [m.id for m in group.members]


def regroup_from_scratch(db_path: Path) -> None:
    """What a migration that groups everything anew does (as version 15's did)."""
    conn = sqlite3.connect(db_path)
    for sql in MIGRATIONS[15].statements[1:]:  # all but its new column
        conn.execute(sql)
    conn.commit()
    conn.close()


def conflicts_as_counted(db_path: Path) -> dict[int, int]:
    """Each entity's conflicts, as kept; they and the names each cluster holds are what
    counting from the claims gives."""
    conn = sqlite3.connect(db_path)
    named = set(conn.execute("SELECT entity_id, cluster FROM cluster_entities").fetchall())
    assert named == set(conn.execute(
        "SELECT DISTINCT ce.entity_id, c.cluster FROM claim_entities ce JOIN claims c "
        "ON c.id = ce.claim_id WHERE c.cluster IS NOT NULL").fetchall())  # fmt: skip
    kept = dict(conn.execute("SELECT id, conflicts FROM entities").fetchall())
    conn.execute(COUNT_CONFLICTS)
    counted = dict(conn.execute("SELECT id, conflicts FROM entities").fetchall())
    conn.rollback()
    conn.close()
    assert kept == counted  # what is kept is what counting from scratch gives
    return kept


def test_a_claim_s_verdict_and_note_are_shown_and_exported_last(library: Library):
    claim = library.claims(ClaimFilter(query="12,000"))[0]
    library.judge_claim(claim.id, "disputed", "Seoul's figure is 3,000")
    shown = library.claims(ClaimFilter(ids=frozenset({claim.id})))[0]
    assert (shown.verdict, shown.note) == ("disputed", "Seoul's figure is 3,000")
    out = io.StringIO()
    export(library, "claims", ClaimFilter(ids=frozenset({claim.id})), "csv", out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == contract.CLAIMS and rows[0][-2:] == ["verdict", "note"]
    assert rows[1][-2:] == ["disputed", "Seoul's figure is 3,000"]
    # Without a note the note stays; clear takes both off.
    assert library.judge_claim(claim.id, "false").note == "Seoul's figure is 3,000"
    library.judge_claim(claim.id, "clear")
    assert library.claims(ClaimFilter(ids=frozenset({claim.id})))[0][-2:] == (None, None)
    # A note is as untrusted as article text: nothing in it acts on a terminal.
    hostile = library.judge_claim(claim.id, "false", "\x1b]0;owned\x07checked\x1b[2J")
    assert hostile.note == "checked"


def test_unknown_claims_groups_and_verdicts_are_refused(library: Library):
    with pytest.raises(UnknownError, match="no claim 99999"):
        library.judge_claim(99999, "false")
    with pytest.raises(UnknownError, match="no verdict 'maybe'"):
        library.judge_claim(1, "maybe")
    with pytest.raises(UnknownError, match="no discrepancy group"):
        library.judge_group("troops|nowhere|1", "confirmed")
    with pytest.raises(UnknownError, match="said of a claim"):
        library.judge_group(group_of(library, RUSSIA), "not_a_claim")


def test_not_a_claim_takes_a_figure_out_of_its_groups_and_clear_puts_it_back(
    library: Library, db_path: Path
):
    before = groups(library)
    russia = group_of(library, RUSSIA)
    sources_before = next(g.sources for g in library.group_rows() if g.key == russia)
    wrong = member_ids(library, russia)[0]
    library.judge_claim(wrong, "not_a_claim", "a caption, not a report")
    assert all(wrong not in member_ids(library, g.key) for g in library.group_rows())
    now = next(g for g in library.group_rows() if g.topic == RUSSIA)
    assert now.claims == len(before[[t for t, *_ in before].index(RUSSIA)][2]) - 1
    assert now.sources <= sources_before
    conflicts_as_counted(db_path)  # an entity's conflicts followed
    # Grouping everything again gives the same groups: the verdict is read by grouping.
    judged = groups(library)
    regroup_from_scratch(db_path)
    assert groups(Library(db_path)) == judged
    library.judge_claim(wrong, "clear")
    assert groups(library) == before
    conflicts_as_counted(db_path)


def test_a_group_s_verdict_follows_its_claims_through_regrouping(library: Library, db_path: Path):
    russia = group_of(library, RUSSIA)
    library.judge_group(russia, "disputed", "3,000 against 12,000")
    regroup_from_scratch(db_path)
    again = Library(db_path)
    shown = next(g for g in again.group_rows() if g.topic == RUSSIA)
    assert (shown.verdict, shown.note) == ("disputed", "3,000 against 12,000")
    assert all(g.verdict is None for g in again.group_rows() if g.topic != RUSSIA)
    again.judge_group(shown.key, "clear")
    assert all(g.verdict is None for g in again.group_rows())


def test_a_split_and_a_merge_hold_when_everything_is_grouped_again(library: Library, db_path: Path):
    kursk = group_of(library, "North Korean troops in Kursk")
    out = member_ids(library, kursk)[0]
    library.take_out(out)
    assert all(out not in member_ids(library, g.key) for g in library.group_rows())
    generals = group_of(library, "North Korean generals in Russia")
    officers = group_of(library, "North Korean officers in Russia")
    moved = member_ids(library, generals)
    merged = library.merge_groups(generals, officers)
    assert set(moved) <= set(member_ids(library, merged))
    topics = [g.topic for g in library.group_rows()]
    assert "North Korean generals in Russia" not in topics
    assert "North Korean officers in Russia" in topics
    conflicts_as_counted(db_path)
    judged = groups(library)
    regroup_from_scratch(db_path)
    assert groups(Library(db_path)) == judged
    with pytest.raises(UnknownError, match="statements and a group of figures"):
        library.merge_groups(group_of(library, "Denials: " + RUSSIA), merged)


def test_verdicts_are_kept_by_what_a_claim_is_not_by_its_id(library: Library, tmp_path: Path):
    """The same articles imported in another order get other ids: the verdicts, copied
    over as they are kept, land on the same sentences."""
    claim = library.claims(ClaimFilter(query="officers"))[0]
    library.judge_claim(claim.id, "confirmed", "in the NIS briefing")
    library.judge_group(group_of(library, RUSSIA), "disputed")
    # Importing what is already there, even under another name, changes nothing.
    copy = tmp_path / "again" / "same.txt"
    copy.parent.mkdir()
    copy.write_bytes(next(BUNDLED_ARTICLES.glob("*.txt")).read_bytes() + b"\n")
    report = import_paths(library, [BUNDLED_ARTICLES, copy])
    assert len(report.imported) == 0
    assert library.claim_verdicts([claim.id])[claim.id].note == "in the NIS briefing"
    other = Library(tmp_path / "other.db")
    for path in sorted(BUNDLED_ARTICLES.glob("*.txt"), reverse=True):
        import_paths(other, [path])
    moved = [c for c in other.claims() if (c.sentence, c.span_start) ==
             (claim.sentence, claim.span_start)]  # fmt: skip
    assert len(moved) == 1 and moved[0].id != claim.id
    conn = sqlite3.connect(tmp_path / "other.db")
    conn.execute("ATTACH ? AS old", (str(library.path),))
    for table in ("claim_verdicts", "group_verdicts", "group_verdict_claims"):
        conn.execute(f"INSERT INTO {table} SELECT * FROM old.{table}")
    conn.commit()
    conn.close()
    shown = other.claims(ClaimFilter(ids=frozenset({moved[0].id})))[0]
    assert (shown.verdict, shown.note) == ("confirmed", "in the NIS briefing")
    assert next(g for g in other.group_rows() if g.topic == RUSSIA).verdict == "disputed"


def test_a_library_of_version_16_gains_verdicts(library: Library, db_path: Path):
    library.close()
    conn = sqlite3.connect(db_path)
    for table in ("group_verdict_claims", "group_verdicts", "claim_verdicts"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("ALTER TABLE claims DROP COLUMN measured_key")  # version 18's
    conn.execute("PRAGMA user_version = 16")
    conn.commit()
    conn.close()
    migrated = Library(db_path)
    claim = migrated.claims()[0]
    assert migrated.judge_claim(claim.id, "confirmed").verdict == "confirmed"


def test_the_command_line_judges_and_exports_verdicts(db_path: Path):
    assert run("import", str(BUNDLED_ARTICLES), db=db_path).returncode == 0
    claims = list(csv.DictReader(io.StringIO(run("export", "claims", db=db_path).stdout)))
    twelve = next(c for c in claims if c["value"] == "12000")
    said = run("verdict", "claim", twelve["id"], "false", "--note", "NIS: 3,000", db=db_path)
    assert said.returncode == 0, said.stderr
    assert said.stdout.strip() == f"claim {twelve['id']}: false; note: NIS: 3,000"
    rows = list(csv.DictReader(io.StringIO(run("export", "discrepancies", db=db_path).stdout)))
    group = next(r["group_id"] for r in rows if r["claim_id"] == twelve["id"])
    assert run("verdict", "group", group, "disputed", "--note", "two agencies",
               db=db_path).returncode == 0  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(run("export", "discrepancies", db=db_path).stdout)))
    assert list(rows[0]) == contract.DISCREPANCIES
    mine = [r for r in rows if r["group_id"] == group]
    assert (mine[0]["verdict"], mine[0]["note"]) == ("disputed", "two agencies")  # the group's
    claim_row = next(r for r in mine[1:] if r["claim_id"] == twelve["id"])
    assert (claim_row["verdict"], claim_row["note"]) == ("false", "NIS: 3,000")
    assert all(r["verdict"] == "" for r in mine[1:] if r["claim_id"] != twelve["id"])
    brief = run("export", "discrepancies", "--format", "markdown", "--group", group, db=db_path)
    assert "Analyst's verdict: **disputed** (two agencies)" in brief.stdout
    assert "analyst: **false** (NIS: 3,000)" in brief.stdout
    reviews = json.loads(run("export", "verdicts", "--format", "claimreview", db=db_path).stdout)
    assert reviews["@context"] == "https://schema.org"
    by_claim = {r["itemReviewed"]["identifier"]: r for r in reviews["@graph"]}
    review = by_claim[f"claim {twelve['id']}"]
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == twelve["sentence"]
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "False"}
    assert review["reviewBody"] == "NIS: 3,000"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"] == (twelve["attributed_to"] or twelve["source"])
    assert item["appearance"][0]["publisher"]["name"] == twelve["source"]
    assert item["appearance"][0]["headline"] == twelve["article_title"]
    assert by_claim[f"group {group}"]["reviewRating"]["alternateName"] == "Disputed"
    assert run("verdict", "claim", twelve["id"], "clear", db=db_path).stdout.strip() == (
        f"claim {twelve['id']}: no verdict"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("verdict", "claim", "99999", "false"), "no claim 99999 in "),
        (("verdict", "claim", "1", "wrong"), "no verdict 'wrong': choose one of confirmed"),
        (("verdict", "group", "nope", "confirmed"), "no discrepancy group 'nope' in "),
        (("verdict", "claim", "x1", "false"), "a claim's ID is a number"),
        (("export", "verdicts"), "verdicts are exported as ClaimReview"),
        (("export", "claims", "--format", "claimreview"), "verdicts are exported as"),
    ],
)
def test_a_wrong_verdict_command_is_one_line(db_path: Path, args: tuple[str, ...], message: str):
    assert run("import", str(BUNDLED_ARTICLES), db=db_path).returncode == 0
    result = run(*args, db=db_path)
    assert result.returncode == 2
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1
    assert message in result.stderr


def test_groups_of_two_stories_are_not_merged_and_nothing_changes(tmp_path: Path):
    """A merge puts claims under the other group's key, and figures are compared within a
    story: groups of two stories would stay apart, so the merge is refused, as it was."""
    devset = Path(__file__).resolve().parents[2] / "shared" / "devset"
    if not devset.is_dir():
        pytest.skip(f"the devset is not at {devset}")
    library = Library(tmp_path / "stories.db")
    import_paths(library, [BUNDLED_ARTICLES, *sorted(devset.glob("*/"))])
    rows = library.group_rows()
    france = next(g.key for g in rows if g.topic == "turnout in France on 23 March")
    before = groups(library)
    with pytest.raises(UnknownError, match="different stories"):
        library.merge_groups(france, group_of(library, RUSSIA))
    assert groups(library) == before
    paris = group_of(library, "turnout in Paris on 23 March")  # the same story: merged
    merged = library.merge_groups(paris, france)
    assert "turnout in Paris on 23 March" not in [g.topic for g in library.group_rows()]
    assert merged in [g.key for g in library.group_rows()]
