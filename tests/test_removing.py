"""Taking articles out of the library, from the store and from the installed command line:
what is left is what importing without them makes, and the files import again."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from store import BUNDLED_ARTICLES, ClaimFilter, Library, export, import_paths
from tests import oracle
from tests.conftest import ARTICLES
from tests.test_cli import CLAIMDIFF, run
from tests.test_scale import RECOUNT, as_compared, write_articles
from tests.test_store import table_digest

# What each export's rows say, but their ids: two libraries made in another order number
# their rows otherwise.
IDS = {"claims": ("id", "article_id"), "entities": ("id",),
       "discrepancies": ("group_id", "claim_id")}  # fmt: skip


def exported(library: Library) -> dict[str, list[str]]:
    """Every export's rows, ids aside, in an order of their own."""
    out = {}
    for what, ids in IDS.items():
        text = io.StringIO()
        export(library, what, ClaimFilter(), "jsonl", text)
        rows = [json.loads(line) for line in text.getvalue().splitlines()]
        out[what] = sorted(json.dumps({k: v for k, v in r.items() if k not in ids},
                                      sort_keys=True) for r in rows)  # fmt: skip
    return out


def groups_as_grouping_everything_makes(library: Library) -> bool:
    whole = oracle.group_claims(oracle.comparables(library), oracle.stories(library))
    return [as_compared(g) for g in library.iter_groups()] == [as_compared(g) for g in whole]


def recounted(db: Path, tmp_path: Path) -> list:
    """The library's entities with every count made afresh from its rows (test_scale)."""
    copy = tmp_path / "recount.db"
    copy.unlink(missing_ok=True)
    conn = sqlite3.connect(copy)
    source = sqlite3.connect(db)
    source.backup(conn)
    source.close()
    for table in ("claim_entities", "entity_spellings", "entity_sources"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE entities SET mentions = 0, claims = 0, sources = 0, conflicts = 0")
    for sql in RECOUNT:
        conn.execute(sql)
    conn.commit()
    conn.close()
    again = Library(copy)
    try:
        return again.entities()
    finally:
        again.close()


def test_removing_leaves_what_importing_without_those_articles_makes(
    library: Library, tmp_path: Path
):
    newser = library.to_remove(sources=["Newser"])
    chosen = library.to_remove(sources=["Newser"], articles=[2])
    assert len(newser.articles) == 1 and len(chosen.articles) == 2
    assert [s.source for s in chosen.sources] == ["001_ec78e54377f6148f", "Newser"]
    assert chosen.claims == sum(s.claims for s in chosen.sources) > 0
    before = exported(library)
    library.remove(chosen)
    gone = {ARTICLES[1].name, ARTICLES[4].name}  # article 2, and Newser's (the fifth)
    without = Library(tmp_path / "without.db")
    import_paths(without, [p for p in ARTICLES if p.name not in gone], workers=1)
    after = exported(library)
    assert after == exported(without) and after != before
    assert library.counts() == without.counts()
    assert groups_as_grouping_everything_makes(library)


def test_a_removal_in_a_library_of_many_stories_keeps_groups_and_counts_exact(
    tmp_path: Path,
):
    folder = write_articles(tmp_path / "articles", range(80))
    db = tmp_path / "lib.db"
    library = Library(db)
    import_paths(library, [folder], workers=1)
    sources = [s for s, _ in library.source_counts()][:2]
    chosen = library.to_remove(sources=sources, articles=range(1, 80, 7))
    library.remove(chosen)
    assert library.counts()["articles"] == 80 - len(chosen.articles) > 20
    assert groups_as_grouping_everything_makes(library)
    assert library.entities() == recounted(db, tmp_path)
    assert sum(e.conflicts for e in library.entities()) > 0
    # Left with fewer articles than make several stories, it is one story again, grouped
    # as a library that never grew.
    library.remove(library.to_remove(articles=range(1, 70)))
    assert library.counts()["articles"] < 20 and oracle.stories(library) is None
    assert library.connections.fetch("SELECT count(*) FROM story_pairs") == [(0,)]
    assert groups_as_grouping_everything_makes(library)
    assert library.entities() == recounted(db, tmp_path)


def test_removed_files_import_again_even_from_a_file_of_many(library: Library, tmp_path: Path):
    wire = tmp_path / "wire.jsonl"
    wire.write_text("\n".join(json.dumps({
        "title": f"Briefing {n}", "source": "Wire",
        "text": f"About {n + 2},000 North Korean troops are in Russia, officials said.",
    }) for n in range(3)), encoding="utf-8")  # fmt: skip
    assert len(import_paths(library, [wire]).imported) == 3
    middle = [a.id for a in library.articles() if a.title == "Briefing 1"]
    library.remove(library.to_remove(sources=["Newser"], articles=middle))
    again = import_paths(library, [BUNDLED_ARTICLES, wire])
    assert sorted(again.imported) == sorted([str(ARTICLES[4]), f"{wire}#line 2"])
    assert len(again.present) == 6
    assert groups_as_grouping_everything_makes(library)


def test_a_removal_put_back_is_an_import_of_what_went(library: Library, db_path: Path):
    before = exported(library)
    removal = library.remove(library.to_remove(articles=[1, 3]), keep=True)
    assert len(removal.kept) == 2 and exported(library) != before
    assert library.restore(removal) == 2
    assert exported(library) == before
    assert groups_as_grouping_everything_makes(library)
    digest = table_digest(db_path)
    report = import_paths(library, [BUNDLED_ARTICLES])
    assert len(report.present) == 5 and table_digest(db_path) == digest  # known by its bytes


def test_a_removal_stopped_while_regrouping_is_taken_up_by_the_next_reader(
    library: Library, monkeypatch: pytest.MonkeyPatch
):
    def stopped(*args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(library.grouper, "refresh_groups", stopped)
    with pytest.raises(KeyboardInterrupt):
        library.remove(library.to_remove(sources=["Newser"]))
    monkeypatch.undo()
    assert library.counts()["articles"] == 4  # the removal itself was whole
    assert library.grouping_pending()
    assert groups_as_grouping_everything_makes(library)  # reading groups groups the rest


def test_remove_says_what_would_go_and_asks_on_a_terminal(db_path: Path):
    assert run("import", str(BUNDLED_ARTICLES), db=db_path).returncode == 0
    first, newser = claims_of(db_path, "000_6d373b0096c8278b"), claims_of(db_path, "Newser")
    refused = run("remove", "--source", "Newser", db=db_path)  # no terminal, no --yes
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.splitlines() == [
        f"claimdiff: remove asks before taking 1 article ({newser} claims) out of {db_path}, "
        "and standard input is not a terminal: add --yes"
    ]
    for answer, left in (("n\n", 5), ("y\n", 3)):
        asked = on_terminal(answer, "remove", "--source", "Newser", "--article", "1", db=db_path)
        assert asked.returncode == 0, asked.stderr
        assert asked.stderr.startswith(
            f"  1 article ({first} claims) of 000_6d373b0096c8278b\n"
            f"  1 article ({newser} claims) of Newser\n"
            f"Remove 2 articles ({first + newser} claims) from {db_path}? [y/N] "
        )
        assert count_articles(db_path) == left
    assert asked.stdout == (f"removed 2 articles ({first + newser} claims) from {db_path}; "
                            "their files can be imported again\n")  # fmt: skip
    again = run("import", str(BUNDLED_ARTICLES), db=db_path)
    assert again.stdout.strip() == "2 imported, 3 already present, 0 failed"


def test_remove_matching_nothing_is_one_line_and_its_own_exit_code(db_path: Path):
    assert run("import", str(BUNDLED_ARTICLES), db=db_path).returncode == 0
    digest = table_digest(db_path)
    missing = run("remove", "--source", "Newser", "--source", "Reuters", "--article", "99",
                  "--yes", db=db_path)  # fmt: skip
    assert missing.returncode == 3
    assert missing.stderr.splitlines() == [
        f"claimdiff: nothing removed: no source named 'Reuters', no article 99 in {db_path}"
    ]
    unnamed = run("remove", "--yes", db=db_path)
    assert unnamed.returncode == 2 and len(unnamed.stderr.splitlines()) == 1
    assert table_digest(db_path) == digest
    done = run("remove", "--source", "Newser", "--yes", db=db_path)
    assert done.returncode == 0 and count_articles(db_path) == 4
    assert run("remove", "--source", "Newser", "--yes", db=db_path).returncode == 3


def on_terminal(answer: str, *args: str, db: Path) -> subprocess.CompletedProcess[str]:
    """The command run with a terminal for standard input, answering its question."""
    import pty

    leader, follower = pty.openpty()
    try:
        os.write(leader, answer.encode())
        return subprocess.run(
            [str(CLAIMDIFF), *args], stdin=follower, capture_output=True, text=True,
            env={**os.environ, "CLAIMDIFF_DB": str(db)}, timeout=120,
        )  # fmt: skip
    finally:
        os.close(leader)
        os.close(follower)


def claims_of(db: Path, source: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM claims c JOIN articles a ON a.id = "
                            "c.article_id WHERE a.source = ?", (source,)).fetchone()[0]  # fmt: skip
    finally:
        conn.close()


def count_articles(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def test_removing_every_article_leaves_an_empty_library(library: Library, db_path: Path):
    """Every table that keeps something of an article is emptied with it: a table added
    later holding articles' rows must be taken care of in store/removing.py."""
    sources = [s for s, _ in library.source_counts()]
    library.remove(library.to_remove(sources=sources))
    conn = sqlite3.connect(db_path)
    try:
        tables = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
        ).fetchall()
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for (t,) in tables}
        left = {t: n for t, n in counts.items() if n}
        found = conn.execute(
            "SELECT (SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'korea'), "
            "(SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'troops')"
        ).fetchone()
    finally:
        conn.close()
    assert left == {} and found == (0, 0)
    assert len(import_paths(library, [BUNDLED_ARTICLES]).imported) == 5
