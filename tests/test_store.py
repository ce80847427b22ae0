"""The library file: import, idempotence, failures, transactions, queries, export."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
from pathlib import Path

import pytest

from store import (
    BUNDLED_ARTICLES,
    SCHEMA_VERSION,
    ClaimFilter,
    Count,
    Library,
    LibraryError,
    export,
    import_paths,
)
from store.writing import new_article
from tests import contract
from tests.conftest import analyse


def table_digest(path: Path) -> str:
    """A digest of every row of every table: equal digests, equal libraries."""
    conn = sqlite3.connect(path)
    digest = hashlib.sha256()
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY 1"):
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


def test_import_twice_changes_nothing(library: Library, db_path: Path):
    before = table_digest(db_path)
    report = import_paths(library, [BUNDLED_ARTICLES])
    assert (len(report.imported), len(report.present), len(report.failed)) == (0, 5, 0)
    assert table_digest(db_path) == before


def test_same_content_under_another_name_is_stored_once(library: Library, tmp_path: Path):
    copy = tmp_path / "copy.txt"
    original = next(BUNDLED_ARTICLES.glob("003*.txt")).read_text(encoding="utf-8")
    copy.write_text(original.replace("\n", "\r\n"), encoding="utf-8")
    report = import_paths(library, [copy])
    assert report.present == [str(copy)]
    assert library.counts()["articles"] == 5


def test_bad_files_are_reported_and_the_good_ones_land(tmp_path: Path, db_path: Path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = next(BUNDLED_ARTICLES.glob("004*.txt"))
    (folder / "good.txt").write_bytes(good.read_bytes())
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    lib = Library(db_path)
    report = import_paths(lib, [folder, tmp_path / "nowhere"])
    assert [Path(p).name for p in report.imported] == ["good.txt"]
    reasons = {f.path.name: f.reason for f in report.failed}
    assert reasons == {
        "image.txt": "binary file (a PNG image), not text",
        "empty.txt": "empty file",
        "gone.txt": "no such file or directory",
        "nowhere": "no such file or folder",
    }
    assert lib.counts()["articles"] == 1
    assert lib.counts()["claims"] > 0


def test_a_batch_of_articles_is_stored_whole_or_not_at_all(db_path: Path):
    lib = Library(db_path)
    good = new_article("a.txt", "file-a", "text-a", analyse("003"))
    broken = new_article("b.txt", "file-b", "text-b", analyse("001"))
    broken = broken._replace(claims=[broken.claims[0]._replace(value=object())])
    with pytest.raises(sqlite3.ProgrammingError):  # fails after the first article's rows
        lib.add_articles([good, broken])
    assert lib.counts() == {"articles": 0, "claims": 0, "entities": 0, "mentions": 0}
    assert lib.file_hashes() == set()
    assert lib.add_articles([good]) == [1]  # and the same write then works
    assert lib.counts()["mentions"] == len(good.mentions)


def test_connections_are_reused_across_worker_threads(library: Library):
    import threading

    for _ in range(50):
        worker = threading.Thread(target=library.claims)
        worker.start()
        worker.join()
    assert library.connections.open <= library.connections.POOL_SIZE


def test_a_pinned_thread_reads_through_one_connection_and_no_other_thread_shares_it(
    library: Library,
):
    """Grouping keeps a step's articles in a temporary table: every read of the step must
    meet the connection that holds it, and no other thread may use it meanwhile."""
    import threading

    others = []

    def lease_elsewhere() -> None:
        with library.connections.lease() as db:
            others.append(db)

    with library.connections.pinned() as pinned:
        with library.connections.lease() as again:
            assert again is pinned
        with library.connections.pinned() as inner:  # nested: the same; the outer pin survives
            assert inner is pinned
        with library.connections.lease() as still:
            assert still is pinned
        worker = threading.Thread(target=lease_elsewhere)
        worker.start()
        worker.join()
        assert others and others[0] is not pinned


def test_schema_version_and_wal(library: Library, db_path: Path):
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_a_newer_library_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "future.db"
    Library(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="newer claimdiff"):
        Library(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("version", [0, 3, SCHEMA_VERSION, SCHEMA_VERSION + 1])
def test_another_program_s_database_with_an_articles_table_is_not_a_library(
    tmp_path: Path, version: int
):
    path = tmp_path / "blog.db"  # a blog engine's, say: it has articles too
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")
    conn.execute("CREATE TABLE claims (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match=r"a SQLite file, but not a claimdiff library$"):
        Library(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_library_is_never_overwritten(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("my precious notes\n" * 100)
    with pytest.raises(LibraryError, match="not a claimdiff library"):
        Library(path)
    assert path.read_text() == "my precious notes\n" * 100


def test_entity_filter_keeps_claims_whose_sentence_names_it(library: Library):
    kim = library.find_entity("Kim Jong-un")
    assert kim == library.find_entity("kim jong un")
    claims = library.claims(ClaimFilter(entity_ids=frozenset({kim})))
    assert claims and all("Kim Jong Un" in c.entities for c in claims)


def test_search_takes_phrases_prefixes_and_any_input(library: Library):
    phrase = library.claims(ClaimFilter(query='"military bases"'))
    assert len({c.article_id for c in phrase}) == 2
    assert all("military bases" in c.sentence for c in phrase)
    assert not library.claims(ClaimFilter(query='"bases military"'))
    assert library.articles(ClaimFilter(query="Kurs"))  # prefix of Kursk
    for nasty in ['"', "*", "NEAR(", "-", "a OR (", "')", "AND", "^", ":"]:
        library.claims(ClaimFilter(query=nasty))
        library.articles(ClaimFilter(query=nasty))


def export_csv(library: Library, what: str) -> list[list[str]]:
    out = io.StringIO()
    export(library, what, ClaimFilter(), "csv", out)
    return list(csv.reader(io.StringIO(out.getvalue())))


def test_claims_csv_has_the_product_header_and_one_row_per_quantity(library: Library):
    rows = export_csv(library, "claims")
    assert rows[0] == contract.CLAIMS
    records = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    troops = {(r["value"], r["hedge"]) for r in records if r["unit"] in ("soldiers", "troops")}
    assert {
        ("12000", "exact"),
        ("12000", "approx"),
        ("10000", "exact"),
        ("3000", "approx"),
    } <= troops
    newser = next(r for r in records if r["source"] == "Newser")
    assert newser["published"] == "2024-10-16"


def test_entities_csv_header(library: Library):
    rows = export_csv(library, "entities")
    assert rows[0] == contract.ENTITIES
    kim = next(r for r in rows if r[1] == "Kim Jong Un")
    assert kim[2] == "person" and kim[3] == "Kim Jong-un"


def test_jsonl_keeps_lists_and_nulls(library: Library):
    out = io.StringIO()
    export(library, "claims", ClaimFilter(), "jsonl", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert all(list(r) == contract.CLAIMS for r in records)
    vague = next(r for r in records if r["hedge"] == "vague")
    assert vague["value"] is None and isinstance(vague["entities"], list)


def test_formula_cells_are_neutralised_and_numbers_stay_numbers(tmp_path: Path, db_path: Path):
    article = tmp_path / "evil.txt"
    article.write_text(
        '=HYPERLINK("http://x") headline\n\n'
        '=HYPERLINK("http://evil") said 500 soldiers arrived.\n'
        "@SUM(1) reported -40 casualties, and +3 tanks.\n",
        encoding="utf-8",
    )
    lib = Library(db_path)
    import_paths(lib, [article])
    rows = export_csv(lib, "claims")
    header, records = rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert header[0] == "id"
    first = next(r for r in records if r["value"] == "500")
    assert first["sentence"].startswith("'=HYPERLINK")
    assert first["article_title"].startswith("'=HYPERLINK")
    assert all(not r["sentence"].startswith(("=", "+", "-", "@")) for r in records)


def schema_shape(conn: sqlite3.Connection) -> dict[str, object]:
    """What a schema is, whatever the text of its statements: tables with their columns
    (name, type, not null, default, key), indexes with their columns, uniqueness and
    condition, triggers with their statements, and the file's version and application."""
    shape: dict[str, object] = {
        "version": conn.execute("PRAGMA user_version").fetchone()[0],
        "application": conn.execute("PRAGMA application_id").fetchone()[0],
    }
    for kind, name, table, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ):
        if kind == "table":
            info = conn.execute(f"PRAGMA table_xinfo({name})").fetchall()
            flat = " ".join(sql.split()).upper()
            shape[f"table {name}"] = ([row[1:] for row in info], "WITHOUT ROWID" in flat)
        elif kind == "index":
            columns = conn.execute(f"PRAGMA index_xinfo({name})").fetchall()
            where = sql.upper().split(" WHERE ")[1] if " WHERE " in sql.upper() else ""
            unique = " UNIQUE " in f" {sql.upper()} "
            shape[f"index {name}"] = (table, [c[1:] for c in columns], unique, where)
        else:
            shape[f"{kind} {name}"] = " ".join(sql.replace('"', "").split())
    return shape


def test_an_older_library_is_migrated_in_place(library: Library, db_path: Path, tmp_path: Path):
    list(library.iter_groups())
    library_entities = library.entities()
    library.close()
    conn = sqlite3.connect(db_path)
    for sql in (  # what version 1 did not have
        "DROP INDEX idx_claims_ungrouped", "DROP INDEX idx_articles_unsigned",
        "DROP INDEX idx_articles_id_source", "DROP INDEX idx_claims_key_article",
        "DROP TABLE claim_groups", "DROP TABLE files",
        "DROP TABLE story_pairs",
        "DROP INDEX idx_claims_cluster", "ALTER TABLE claims DROP COLUMN cluster",
        "ALTER TABLE claims DROP COLUMN said_on", "ALTER TABLE claims DROP COLUMN holds_on",
        "ALTER TABLE claims DROP COLUMN measured_key",
        "DROP TABLE cluster_summaries", "DROP TABLE common_names",
        "ALTER TABLE claims DROP COLUMN comparison_key", "ALTER TABLE articles DROP COLUMN story",
        "ALTER TABLE articles DROP COLUMN partial",
        "ALTER TABLE entities DROP COLUMN articles", "DROP INDEX idx_entities_mentions",
        "ALTER TABLE entities DROP COLUMN mentions", "ALTER TABLE entities DROP COLUMN claims",
        "ALTER TABLE entities DROP COLUMN sources", "ALTER TABLE entities DROP COLUMN conflicts",
        "DROP TABLE claim_entities", "DROP TABLE entity_spellings", "DROP TABLE entity_sources",
        "DROP TABLE cluster_entities", "DROP INDEX idx_claims_order",
        "DROP TABLE group_verdict_claims", "DROP TABLE group_verdicts",
        "DROP TABLE claim_verdicts",
        "DROP INDEX idx_claims_hedge_kind",
        "DROP INDEX idx_articles_order", "ALTER TABLE claims DROP COLUMN article_published",
        "DROP INDEX idx_articles_source_order",
        "DROP INDEX idx_mentions_entity_article", "DROP INDEX idx_mentions_article_entity",
        'CREATE INDEX "idx_articles_source" ON "articles" ("source")',
        'CREATE INDEX "idx_mentions_entity_id" ON "mentions" ("entity_id")',
        'CREATE INDEX "idx_mentions_article_id_span_start" ON mentions (article_id, span_start)',
        "CREATE INDEX idx_claims_concept ON claims (concept)",
        'CREATE TRIGGER "articles_ai" AFTER INSERT ON "articles" BEGIN INSERT INTO '
        '"articles_fts" (rowid, "title", "body") VALUES (new.rowid, new."title", new."body"); END',
        'CREATE TRIGGER "claims_ai" AFTER INSERT ON "claims" BEGIN INSERT INTO "claims_fts" '
        '(rowid, "sentence") VALUES (new.rowid, new."sentence"); END',
    ):  # fmt: skip
        conn.execute(sql)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    reopened = Library(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    migrated = schema_shape(conn)
    conn.close()
    fresh = tmp_path / "fresh.db"
    Library(fresh).close()
    conn = sqlite3.connect(fresh)
    assert migrated == schema_shape(conn)  # one schema, however a library got to it
    conn.close()
    assert reopened.counts()["claims"] > 0  # nothing lost
    assert all(c.said_on is None for c in reopened.claims())  # the new field, empty
    assert list(reopened.iter_groups())  # groups are worked out on first use
    assert reopened.entities() == library_entities  # counts rebuilt from what is stored
    # Text imported after the migration is indexed once, by the writer, not by triggers.
    more = tmp_path / "more.txt"
    more.write_text("Zanzibar ferry\n\nAbout 40 ferries sailed from Zanzibar.", "utf-8")
    import_paths(reopened, [more])
    zanzibar = ClaimFilter(query="zanzibar")
    assert len(reopened.claims(zanzibar)) == 1 and len(reopened.articles(zanzibar)) == 1
    conn = sqlite3.connect(db_path)
    for fts in ("articles_fts", "claims_fts"):  # FTS5's own check: index and rows agree
        conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
    conn.close()


def test_filters_by_sources_kinds_hedges_and_dates(library: Library):
    newser = library.claims(ClaimFilter(sources=frozenset({"Newser"})))
    assert newser and {c.source for c in newser} == {"Newser"}
    statements = library.claims(ClaimFilter(kinds=frozenset({"statement"})))
    assert statements and {c.kind for c in statements} == {"statement"}
    approx = library.claims(ClaimFilter(hedges=frozenset({"approx"})))
    assert approx and {c.hedge for c in approx} == {"approx"}
    october = library.claims(ClaimFilter(since="2024-10-20", until="2024-10-31"))
    assert october and {c.published for c in october} == {"2024-10-25"}
    assert {a.source for a in library.articles(ClaimFilter(since="2024-10-20"))} == {
        "002_0d673e60a079814f"
    }
    assert library.entities(ClaimFilter(sources=frozenset({"Newser"})))


def test_search_follows_a_changed_text_and_only_a_changed_text(library: Library, db_path: Path):
    conn = sqlite3.connect(db_path)
    segments = "SELECT count(*), max(rowid) FROM articles_fts_data"
    before = conn.execute(segments).fetchone()
    conn.execute("UPDATE articles SET story = 'x', source = 'Renamed' WHERE id = 2")
    conn.execute("UPDATE claims SET cluster = 1 WHERE article_id = 2")
    conn.commit()
    assert conn.execute(segments).fetchone() == before  # nothing indexed again
    conn.execute("UPDATE articles SET title = 'Zanzibar ferry report' WHERE id = 1")
    conn.commit()
    conn.close()
    assert [a.id for a in library.articles(ClaimFilter(query="zanzibar"))] == [1]


FILTERS = [
    ClaimFilter(since="2024-10-20"), ClaimFilter(since="2024-10-01", until="2024-10-25"),
    ClaimFilter(until="2024-10-25"), ClaimFilter(since="2024-10-01", kinds=frozenset({"quantity"})),
    ClaimFilter(query="troops", since="2024-10-01"), ClaimFilter(query="korean"),
    ClaimFilter(query='"North Korean"'), ClaimFilter(sources=frozenset({"Newser"})),
    ClaimFilter(sources=frozenset({"Newser"}), query="russia"),
    ClaimFilter(hedges=frozenset({"approx", "at_least"})),
    ClaimFilter(kinds=frozenset({"statement"}), hedges=frozenset({"exact"})),
    ClaimFilter(kinds=frozenset({"statement"})), ClaimFilter(entity_ids=frozenset({1})),
    ClaimFilter(entity_ids=frozenset({1, 2}), since="2024-10-01"),
]  # fmt: skip
# Every way the planner may read a list: its order index, the rarest condition's index,
# rowids from an entity's or a search's ids, or SQLite's own choice.
READINGS = {
    "articles": ["INDEXED BY idx_articles_order", "INDEXED BY idx_articles_source_order",
                 "NOT INDEXED", ""],
    "claims": ["INDEXED BY idx_claims_order", "INDEXED BY idx_claims_article_id_sentence_start",
               "INDEXED BY idx_claims_hedge_kind", "NOT INDEXED", ""],
}  # fmt: skip


@pytest.mark.parametrize("f", FILTERS)
def test_a_filter_reads_the_same_list_whichever_index_reads_it(
    library: Library, monkeypatch, f: ClaimFilter
):
    import store.filtering

    def lists(library: Library) -> tuple:
        return (library.claims(f, 4), library.claims(f, 4, 2), library.count_claims(f),
                library.count_claims(f, 5)[0], library.articles(f, 2), library.articles(f, 2, 1),
                library.count_articles(f), library.count_articles(f, 1),
                library.claims_first_page(f, 4, 5), library.claims_first_page(f, 2, 100),
                library.count_claims(f, 5))  # fmt: skip

    chosen = lists(library)
    every = chosen[2][0].rows
    assert chosen[3] == (Count(5, more=True) if every > 5 else Count(every))  # capped at 5
    # A first page read with its count is the page and the count read apart.
    assert chosen[8] == (chosen[0], *chosen[10])
    assert chosen[9] == (chosen[0][:2], *chosen[2])  # under the cap: every claim counted
    articles = chosen[6].rows  # and a count from ids alone agrees with rows read
    assert chosen[7] == (Count(1, more=True) if articles > 1 else Count(articles))
    assert chosen[0] or (f.kinds == {"statement"} and f.hedges)  # only that one keeps nothing
    for table, readings in READINGS.items():
        for reading in readings:
            usable = reading == "" or "order" in reading or "NOT" in reading
            usable |= "source" in reading and bool(f.sources)
            usable |= "hedge" in reading and bool(f.hedges)
            if not usable:  # SQLite refuses an index no condition of the filter can seek
                continue
            monkeypatch.setattr(
                store.filtering.Planner,
                "_index",
                lambda self, f, t, *args, table=table, reading=reading: (
                    reading if t == table else ""
                ),
            )
            assert lists(library) == chosen, (table, reading)


@pytest.mark.parametrize("f", [f for f in FILTERS if f.query])
def test_a_search_held_for_paging_reads_what_the_full_text_index_reads(
    library: Library, db_path: Path, tmp_path: Path, f: ClaimFilter
):
    fresh = Library(db_path)  # holds no matches
    every = fresh.claims(f)
    pages = [library.claims(f, 2, offset) for offset in range(0, len(every) + 2, 2)]
    assert [c for page in pages for c in page] == every and every
    assert library.planner.claims(f, 10).searches  # paging held the search's matches
    assert library.claims(f, 3) == every[:3] and library.count_claims(f) == fresh.count_claims(f)
    assert library.articles(f, 50, 1) == fresh.articles(f)[1:]
    more = tmp_path / "more.txt"  # the library grows: held matches are not the library's
    text = ("Troops in Russia\nSource: Newser\nDate: 2024-10-02\n\nAbout 4,000 North "
            "Korean troops reached Russia, Korean officials said on Wednesday.")  # fmt: skip
    more.write_text(text, "utf-8")
    import_paths(library, [more])
    grown = Library(db_path).claims(f)
    assert len(grown) > len(every)
    assert [c for o in range(0, len(grown), 2) for c in library.claims(f, 2, o)] == grown


def test_the_planner_walks_the_order_index_only_for_filters_keeping_many_rows(
    library: Library, monkeypatch
):
    import store.filtering

    planner = library.planner
    common = ClaimFilter(query="troops")  # 11 of the 44 claims
    assert planner.claims(common, 1000).index == "INDEXED BY idx_claims_order"  # 44 steps
    monkeypatch.setattr(store.filtering, "LOOKUP_COST", 1)  # as cheap as a step
    assert planner.claims(common, 1000).index == "NOT INDEXED"  # read the 11 by id, sort
    assert planner.claims(common, 1).index == "INDEXED BY idx_claims_order"  # 1: soon met
    hedged = ClaimFilter(kinds=frozenset({"statement"}), hedges=frozenset({"exact"}))
    assert planner.claims(hedged).index == "INDEXED BY idx_claims_hedge_kind"
    newser = ClaimFilter(sources=frozenset({"Newser"}), query="troops")
    assert planner.articles(newser).index == "INDEXED BY idx_articles_source_order"
    assert planner.claims(ClaimFilter(since="2024-10-01")).index == "INDEXED BY idx_claims_order"


def test_the_planners_counts_follow_the_library_as_it_grows(
    library: Library, db_path: Path, tmp_path: Path
):
    library.warm()
    planner = library.planner
    more = tmp_path / "more.txt"
    more.write_text("Troops in Russia\nSource: Wire Today\nDate: 2031-02-02\n\nAbout 4,000 "
                    "troops reached Russia, officials said on Wednesday.", "utf-8")  # fmt: skip
    import_paths(library, [more])
    library.warm()  # counts only the new rows
    fresh = Library(db_path)
    fresh.warm()  # counts them all
    for what in ("months", "sources", "kinds"):
        assert planner.counts(what) == fresh.planner.counts(what)
    assert planner.counts("sources")[("Wire Today",)] == 1
    assert planner.counts("months")[("2031-02",)] == 1


def test_a_creation_cut_short_leaves_no_library_and_the_next_open_creates_it(
    tmp_path: Path, monkeypatch
):
    import store.schema

    path = tmp_path / "new.db"
    original = store.schema._create

    def cut_short(conn):
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY)")
        raise KeyboardInterrupt  # Ctrl+C while the tables are being made

    monkeypatch.setattr(store.schema, "_create", cut_short)
    with pytest.raises(KeyboardInterrupt):
        Library(path)
    assert not path.exists() and list(tmp_path.iterdir()) == []  # no half library left
    monkeypatch.setattr(store.schema, "_create", original)
    path.touch()  # an empty file is nobody's data: made a library in place
    assert Library(path).counts()["articles"] == 0


@pytest.mark.parametrize(
    "f", [ClaimFilter(sources=frozenset({"Newser"})), ClaimFilter(query="troops"),
          ClaimFilter(entity_ids=frozenset({1})), ClaimFilter(since="2024-10-20")],
)  # fmt: skip
def test_a_filtered_entities_pane_counts_the_names_in_the_articles_it_keeps(
    library: Library, db_path: Path, f: ClaimFilter
):
    kept = [a.id for a in library.articles(f)]
    conn = sqlite3.connect(db_path)
    mentions = conn.execute(
        "SELECT entity_id, article_id FROM mentions WHERE entity_id IS NOT NULL AND article_id "
        f"IN ({', '.join('?' * len(kept))})",
        kept,
    ).fetchall()
    conn.close()
    expected = {
        entity: (sum(1 for e, _ in mentions if e == entity),
                 len({a for e, a in mentions if e == entity}))
        for entity in {e for e, _ in mentions}
    }  # fmt: skip
    assert kept and {e.id: (e.mentions, e.articles) for e in library.entities(f)} == expected
