"""What makes a large library cheap to grow: analysis in several processes, files known by
their bytes, names resolved and claims regrouped only where an import touched them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench.corpus import generated_article, paragraphs
from extract.comparable import Group
from extract.resolve import Resolver
from store import ImportReport, Library, import_paths
from store.grouping import SUMMARY_AFTER
from store.importer import POOL_AFTER
from tests import oracle
from tests.oracle import group_claims


def write_articles(folder: Path, indices: range | list[int]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    texts = paragraphs()
    for index in indices:
        (folder / f"{index:06d}.txt").write_text(generated_article(index, texts), "utf-8")
    return folder


def rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def as_compared(group: Group) -> tuple:
    """Everything a group shows, its claims by id."""
    return (group.key, group.topic, group.status, group.soft, group.explanation, group.sources,
            [m.id for m in group.members])  # fmt: skip


@pytest.mark.parametrize("summary_after", [1, 3, SUMMARY_AFTER])
def test_regrouping_after_an_import_gives_what_grouping_everything_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, summary_after: int
):
    # Every story of 20 articles gets a quarter of its articles in the second import, so new
    # claims must join groups made by the first: from their kept summaries (all clusters
    # keep one at 1; at 3, clusters of 1-2 claims are read and the rest summarised).
    monkeypatch.setattr("store.grouping.SUMMARY_AFTER", summary_after)
    first = write_articles(tmp_path / "first", [i for i in range(120) if i % 4 != 3])
    second = write_articles(tmp_path / "second", [i for i in range(120) if i % 4 == 3])
    library = Library(tmp_path / "lib.db")
    import_paths(library, [first], workers=1)
    before = {g.key for g in list(library.iter_groups())}
    import_paths(library, [second], workers=1)
    kept = list(library.iter_groups())
    whole = group_claims(oracle.comparables(library), oracle.stories(library))
    assert [as_compared(g) for g in kept] == [as_compared(g) for g in whole]
    first_ids = {c.id for c in oracle.comparables(library) if c.article <= 90}
    grown = [g for g in kept if g.key in before and {m.id for m in g.members} - first_ids]
    assert grown, "no group took in a claim of the second import"
    summarised = {r[0] for r in rows(tmp_path / "lib.db", "SELECT cluster FROM cluster_summaries")}
    if summary_after < SUMMARY_AFTER:
        assert {int(g.key.rsplit("|", 1)[1]) for g in grown} & summarised


def test_an_import_grouping_as_it_goes_keeps_what_grouping_everything_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # Written 10 at a time and grouped every 30, as a large import does every 1,000 while
    # the analysing processes go on; stories of 20 articles straddle the groupings.
    monkeypatch.setattr("store.importer.BATCH", 10)
    monkeypatch.setattr("store.importer.GROUP_EVERY", 30)
    groupings = []
    refresh = Library.refresh_groups
    monkeypatch.setattr(Library, "refresh_groups",
                        lambda self, *a: groupings.append(1) or refresh(self, *a))  # fmt: skip
    folder = write_articles(tmp_path / "articles", range(100))
    library = Library(tmp_path / "lib.db")
    report = import_paths(library, [folder], workers=2)
    assert len(report.imported) == 100 and len(groupings) == 4  # at 30, 60, 90 and the end
    whole = group_claims(oracle.comparables(library), oracle.stories(library))
    assert [as_compared(g) for g in list(library.iter_groups())] == [as_compared(g) for g in whole]
    assert len(whole) > 20


def test_a_library_grouped_before_summaries_were_kept_summarises_them_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("store.grouping.SUMMARY_AFTER", 3)
    first = write_articles(tmp_path / "first", [i for i in range(120) if i % 4 != 3])
    second = write_articles(tmp_path / "second", [i for i in range(120) if i % 4 == 3])
    library = Library(tmp_path / "lib.db")
    import_paths(library, [first], workers=1)
    conn = sqlite3.connect(tmp_path / "lib.db")
    with conn:  # as migration 11 leaves a library of version 10
        conn.execute("UPDATE cluster_summaries SET summary = ''")
    pending = conn.execute("SELECT count(*) FROM cluster_summaries").fetchone()[0]
    conn.close()
    assert pending > 5
    import_paths(library, [second], workers=1)
    whole = group_claims(oracle.comparables(library), oracle.stories(library))
    assert [as_compared(g) for g in list(library.iter_groups())] == [as_compared(g) for g in whole]
    assert rows(tmp_path / "lib.db", "SELECT count(*) FROM cluster_summaries "
                "WHERE summary = ''") == [(0,)]  # fmt: skip


def test_several_processes_store_what_one_process_stores(tmp_path: Path):
    folder = write_articles(tmp_path / "articles", range(POOL_AFTER + 10))
    columns = "a.title, a.source, a.body, c.sentence, c.value, c.attributed_to, c.comparison_key"
    sql = f"SELECT {columns} FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY c.id"
    libraries = []
    for workers in (1, 2):
        library = Library(tmp_path / f"{workers}.db")
        report = import_paths(library, [folder], workers=workers)
        assert len(report.imported) == POOL_AFTER + 10 and not report.failed
        library.close()
        libraries.append(tmp_path / f"{workers}.db")
    one, two = (rows(db, sql) for db in libraries)
    assert one == two and len(one) > 1000
    names = (
        "SELECT m.name, e.name FROM mentions m JOIN entities e ON e.id = m.entity_id ORDER BY m.id"
    )
    assert rows(libraries[0], names) == rows(libraries[1], names)


def test_an_unchanged_file_is_skipped_by_its_bytes_and_a_renamed_copy_by_its_text(
    tmp_path: Path,
):
    folder = write_articles(tmp_path / "articles", range(3))
    library = Library(tmp_path / "lib.db")
    import_paths(library, [folder])
    crlf = folder / "copy-with-crlf.txt"
    crlf.write_bytes((folder / "000000.txt").read_bytes().replace(b"\n", b"\r\n"))
    report = import_paths(library, [folder])
    assert report.imported == [] and len(report.present) == 4
    assert len(library.file_hashes()) == 4  # the copy is known by its bytes from now on
    assert library.counts()["articles"] == 3


def test_names_resolve_across_imports_as_they_would_in_one():
    first = [("a", "Matthew Miller", "person", 2), ("a", "Kim Jong Un", "person", 1)]
    second = [("b", "Mathew Miller", "person", 1), ("b", "Miller", "person", 1),
              ("c", "Kim", "person", 1), ("c", "Kim Jong-un", "person", 1)]  # fmt: skip
    together = Resolver().add(first + second)
    joined = together.assignment
    resolver = Resolver()
    before = resolver.add(first).assignment
    after = resolver.add(second).assignment
    assert {**before, **after} == joined
    # and from what a library has stored, as an import starts
    stored = Resolver([(e.key, e.name, e.type) for e in together.entities])
    assert stored.add(second).assignment == {k: v for k, v in joined.items() if k[0] != "a"}


@pytest.mark.parametrize("crash_after", [1, 2])
def test_a_killed_analysing_process_leaves_the_rest_to_the_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crash_after: int
):
    import store.importer as importer

    folder = write_articles(tmp_path / "articles", range(POOL_AFTER + 40))
    calls = {"n": 0}
    submit = importer.ProcessPoolExecutor.submit

    def failing_submit(self, fn, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > crash_after:
            raise importer.BrokenProcessPool("a process was killed")
        return submit(self, fn, *args, **kwargs)

    monkeypatch.setattr(importer.ProcessPoolExecutor, "submit", failing_submit)
    library = Library(tmp_path / "lib.db")
    report = import_paths(library, [folder], workers=2)
    assert len(report.imported) == POOL_AFTER + 40 and not report.failed


# Every count an entity keeps, counted afresh from the mentions, claims and groups stored.
RECOUNT = (
    "INSERT INTO claim_entities SELECT DISTINCT m.entity_id, c.id FROM mentions m "
    "JOIN claims c ON c.article_id = m.article_id AND m.span_start >= c.sentence_start "
    "AND m.span_end <= c.sentence_end WHERE m.entity_id IS NOT NULL",
    "INSERT INTO entity_spellings SELECT entity_id, name, type, count(*) FROM mentions "
    "WHERE entity_id IS NOT NULL GROUP BY entity_id, name, type",
    "INSERT INTO entity_sources SELECT DISTINCT ce.entity_id, a.source FROM claim_entities ce "
    "JOIN claims c ON c.id = ce.claim_id JOIN articles a ON a.id = c.article_id",
    "UPDATE entities SET "
    "mentions = (SELECT count(*) FROM mentions WHERE entity_id = entities.id), "
    "articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id = entities.id), "
    "claims = (SELECT count(*) FROM claim_entities WHERE entity_id = entities.id), "
    "sources = (SELECT count(*) FROM entity_sources WHERE entity_id = entities.id), "
    "conflicts = (SELECT count(*) FROM cluster_entities ce JOIN claim_groups g "
    "ON g.cluster = ce.cluster AND g.status = 'conflict' WHERE ce.entity_id = entities.id)",
)


def test_entity_counts_kept_while_importing_equal_a_recount(tmp_path: Path):
    import shutil

    first = write_articles(tmp_path / "first", [i for i in range(60) if i % 3])
    second = write_articles(tmp_path / "second", [i for i in range(60) if not i % 3])
    library = Library(tmp_path / "lib.db")
    import_paths(library, [first])
    import_paths(library, [second])
    kept = library.entities()
    library.close()
    shutil.copy(tmp_path / "lib.db", tmp_path / "recount.db")
    conn = sqlite3.connect(tmp_path / "recount.db")
    for table in ("claim_entities", "entity_spellings", "entity_sources"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE entities SET mentions = 0, claims = 0, sources = 0, conflicts = 0")
    for sql in RECOUNT:
        conn.execute(sql)
    conn.commit()
    conn.close()
    recounted = Library(tmp_path / "recount.db").entities()
    assert kept == recounted
    assert sum(e.conflicts for e in kept) > 0 and sum(e.claims for e in kept) > 100


def test_a_library_growing_out_of_one_story_is_regrouped_whole(tmp_path: Path):
    small = write_articles(tmp_path / "small", range(0, 60, 6))  # 10: one story, no names
    more = write_articles(tmp_path / "more", [i for i in range(60) if i % 6])
    library = Library(tmp_path / "lib.db")
    import_paths(library, [small])
    assert oracle.stories(library) is None and list(library.iter_groups())
    import_paths(library, [more])
    stories = oracle.stories(library)
    assert stories is not None and len(stories) == 60
    whole = group_claims(oracle.comparables(library), stories)
    assert [as_compared(g) for g in list(library.iter_groups())] == [as_compared(g) for g in whole]


def test_grouping_stopped_halfway_is_taken_up_by_the_next(tmp_path: Path):
    from store import ImportCancelled
    from store.importer import GROUPING

    first = write_articles(tmp_path / "first", range(0, 80, 2))
    second = write_articles(tmp_path / "second", range(1, 80, 2))
    library = Library(tmp_path / "lib.db")
    import_paths(library, [first])
    heard = []

    def stop_while_grouping(done: int, total: int, what: str) -> None:
        heard.append(what)
        if what == GROUPING and done == 2:
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        import_paths(library, [second], progress=stop_while_grouping)
    assert heard.count(GROUPING) == 2 and len(heard) == 42  # 40 files, then two keys
    assert rows(tmp_path / "lib.db", "SELECT count(*) FROM claims WHERE comparison_key != '' "
                "AND cluster IS NULL")[0][0] > 0  # fmt: skip
    kept = list(library.iter_groups())  # takes it up
    whole = group_claims(oracle.comparables(library), oracle.stories(library))
    assert [as_compared(g) for g in kept] == [as_compared(g) for g in whole]


def test_a_stop_is_heard_while_an_import_groups_midway(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from store import ImportCancelled
    from store.importer import GROUPING

    monkeypatch.setattr("store.importer.BATCH", 10)
    monkeypatch.setattr("store.importer.GROUP_EVERY", 30)
    folder = write_articles(tmp_path / "articles", range(100))
    library = Library(tmp_path / "lib.db")
    grouping = False
    refresh = Library.refresh_groups

    def refresh_groups(self, *args):
        nonlocal grouping
        grouping = True
        try:
            return refresh(self, *args)
        finally:
            grouping = False

    monkeypatch.setattr(Library, "refresh_groups", refresh_groups)
    heard = []
    stopped = False

    def stop_midway(done: int, total: int, what: str) -> None:
        nonlocal stopped
        heard.append((done, what == GROUPING, grouping))
        stopped |= grouping  # Esc, as the first 30 articles' claims are being grouped
        if stopped:
            raise ImportCancelled

    report = ImportReport()
    with pytest.raises(ImportCancelled):
        import_paths(library, [folder], progress=stop_midway, report=report, workers=2)
    # The 30th article was written with the 30th file, before the file was reported: the bar
    # held at 29 files while grouping, the stop was heard at the first key, and the last
    # stage (grouping what is left) stopped too; nothing written was lost.
    assert heard[-3:] == [(29, False, False), (29, False, True), (1, True, True)]
    assert len(report.imported) == library.counts()["articles"] == 30
    kept = list(library.iter_groups())  # takes the grouping up
    whole = group_claims(oracle.comparables(library), oracle.stories(library))
    assert [as_compared(g) for g in kept] == [as_compared(g) for g in whole]


def test_groups_of_one_topic_in_several_stories_say_which_story(tmp_path: Path):
    from tui.screens.discrepancies import GroupList

    library = Library(tmp_path / "lib.db")
    import_paths(library, [write_articles(tmp_path / "a", range(80))])
    rows = library.group_rows()
    stories = oracle.stories(library)
    by_topic: dict[str, set[tuple[str, ...]]] = {}
    for row in rows:
        by_topic.setdefault(row.topic, set()).add(tuple(row.story))
    assert any(len(told) > 1 for told in by_topic.values())  # one topic, several stories
    group = library.group(rows[0].key)
    assert group is not None
    named_by = min(group.members, key=lambda m: m.id)  # a group is named by its first claim
    assert set(rows[0].story) == stories[named_by.article]
    shown = GroupList().cells(rows[0])["topic"].plain
    assert shown.startswith(rows[0].topic) and rows[0].story[0] in shown
