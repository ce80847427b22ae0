"""The installed command line, run as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from store import BUNDLED_ARTICLES
from tests import contract
from tests.test_store import table_digest

CLAIMDIFF = Path(sys.executable).with_name("claimdiff")
if not CLAIMDIFF.exists():
    CLAIMDIFF = Path(shutil.which("claimdiff") or "claimdiff")


def run(*args: str, db: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env}
    if db is not None:
        environment["CLAIMDIFF_DB"] = str(db)
    return subprocess.run(
        [str(CLAIMDIFF), *args], capture_output=True, text=True, env=environment, timeout=120
    )


def test_import_reports_counts_and_a_second_import_changes_nothing(db_path: Path):
    first = run("import", str(BUNDLED_ARTICLES), db=db_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "5 imported, 0 already present, 0 failed"
    before = table_digest(db_path)
    second = run("import", str(BUNDLED_ARTICLES), db=db_path)
    assert second.stdout.strip() == "0 imported, 5 already present, 0 failed"
    assert table_digest(db_path) == before


def test_db_flag_wins_over_the_environment(tmp_path: Path):
    chosen, ignored = tmp_path / "chosen.db", tmp_path / "ignored.db"
    result = run("import", "--db", str(chosen), str(BUNDLED_ARTICLES), db=ignored)
    assert result.returncode == 0
    assert chosen.exists() and not ignored.exists()


def test_the_library_and_the_settings_are_in_the_user_s_folders(tmp_path: Path):
    """Without --db or $CLAIMDIFF_DB, the library is in the user's data folder, and the
    settings (here the field a JSON article keeps its text under) are read from their
    config folder: XDG's, else their defaults under home."""
    wire = tmp_path / "wire.json"
    wire.write_text(json.dumps([{"title": "Seoul briefing", "story": "More than 10,000 "
                                 "North Korean troops are in Russia, Seoul said."}]))  # fmt: skip
    home, xdg = tmp_path / "home", tmp_path / "xdg"
    unset = ("CLAIMDIFF_DB", "CLAIMDIFF_CONFIG", "XDG_DATA_HOME", "XDG_CONFIG_HOME")
    bare = {k: v for k, v in os.environ.items() if k not in unset} | {"HOME": str(home)}
    for env, data, config in (
        (bare, home / ".local" / "share", home / ".config"),
        (bare | {"XDG_DATA_HOME": str(xdg / "data"), "XDG_CONFIG_HOME": str(xdg / "config")},
         xdg / "data", xdg / "config"),
    ):  # fmt: skip
        settings = config / "claimdiff" / "config.json"
        settings.parent.mkdir(parents=True)
        settings.write_text(json.dumps({"fields": {"text": "story"}}))
        result = subprocess.run([str(CLAIMDIFF), "import", str(wire)], env=env,
                                capture_output=True, text=True, timeout=120)  # fmt: skip
        assert result.stdout.strip() == "1 imported, 0 already present, 0 failed", result.stderr
        assert (data / "claimdiff" / "library.db").is_file()


def test_failures_name_the_file_and_the_rest_goes_on(tmp_path: Path, db_path: Path):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    result = run("import", str(bad), str(BUNDLED_ARTICLES), db=db_path)
    assert result.returncode == 1
    assert result.stdout.strip() == "5 imported, 0 already present, 1 failed"
    assert f"failed: {bad}: binary file, not text" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_claims_csv_to_stdout(db_path: Path):
    run("import", str(BUNDLED_ARTICLES), db=db_path)
    result = run("export", "claims", "--format", "csv", db=db_path)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == contract.CLAIMS
    troops = [r for r in rows if r["unit"] in ("soldiers", "troops")]
    values = {float(r["value"]) for r in troops if r["value"]}
    assert {12_000, 10_000, 3_000} <= values


def test_export_filters_by_entity_source_and_query(db_path: Path):
    run("import", str(BUNDLED_ARTICLES), db=db_path)
    by_entity = run("export", "claims", "--entity", "Kim Jong-un", db=db_path)
    rows = list(csv.DictReader(io.StringIO(by_entity.stdout)))
    assert rows and all("Kim Jong Un" in r["entities"] for r in rows)
    by_source = run("export", "claims", "--source", "Newser", "--format", "jsonl", db=db_path)
    assert len(by_source.stdout.splitlines()) == 2
    by_query = run("export", "claims", "--query", "generals", db=db_path)
    assert {r["unit"] for r in csv.DictReader(io.StringIO(by_query.stdout))} >= {"generals"}


def test_export_to_a_file_never_overwrites_silently(db_path: Path, tmp_path: Path):
    run("import", str(BUNDLED_ARTICLES), db=db_path)
    target = tmp_path / "out.csv"
    target.write_text("keep me")
    refused = run("export", "entities", "-o", str(target), db=db_path)
    assert refused.returncode == 2
    assert "exists; use --force" in refused.stderr
    assert target.read_text() == "keep me"
    forced = run("export", "entities", "-o", str(target), "--force", db=db_path)
    assert forced.returncode == 0
    assert target.read_text().startswith("id,name,type,aliases,mentions,articles")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("export", "claims", "--entity", "Nobody"), "no entity named 'Nobody'"),
        (("export", "claims", "-o", "/proc/nope/x.csv"), "/proc/nope is not a folder"),
        (("export", "claims", "-o", "/proc/x.csv"), "cannot write /proc/x.csv"),
        (("export", "claims", "-o", ""), "an empty file name: name the file to write"),
    ],
)
def test_expected_failures_are_one_line_without_traceback(db_path: Path, args, message):
    run("import", str(BUNDLED_ARTICLES), db=db_path)
    result = run(*args, db=db_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_a_library_is_refused(tmp_path: Path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database at all\n" * 50)
    result = run("export", "claims", "--db", str(notes))
    assert result.returncode == 2
    assert "not a claimdiff library" in result.stderr
    assert "Traceback" not in result.stderr
    assert notes.read_text() == "not a database at all\n" * 50


def test_export_discrepancies_as_jsonl(db_path: Path):
    run("import", str(BUNDLED_ARTICLES), db=db_path)
    result = run("export", "discrepancies", "--format", "jsonl", db=db_path)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(r["status"] == "conflict" and r["topic"] == "North Korean troops in Russia"
               for r in rows)  # fmt: skip


def test_a_closed_pipe_is_not_an_error(db_path: Path):
    run("import", str(BUNDLED_ARTICLES), db=db_path)
    env = {**os.environ, "CLAIMDIFF_DB": str(db_path)}
    result = subprocess.run(
        f"'{CLAIMDIFF}' export claims | head -1", shell=True, capture_output=True, text=True,
        env=env, timeout=120,
    )  # fmt: skip
    assert result.stdout.startswith("id,article_id")
    assert "Traceback" not in result.stderr


def test_export_with_two_entities_keeps_claims_naming_both(db_path: Path):
    run("import", str(BUNDLED_ARTICLES), db=db_path)
    both = run("export", "claims", "--entity", "Kursk", "--entity", "Mathew Miller", db=db_path)
    rows = list(csv.DictReader(io.StringIO(both.stdout)))
    assert rows and all("Kursk" in r["entities"] and "Matthew Miller" in r["entities"]
                        for r in rows)  # fmt: skip


def test_field_names_reach_into_json_and_a_wrong_one_is_a_usage_error(
    tmp_path: Path, db_path: Path
):
    wire = tmp_path / "wire.json"
    wire.write_text(json.dumps([{"story": {"headline": "Seoul: 10,000 troops in Russia",
                                           "body": "More than 10,000 North Korean troops "
                                                   "are in Russia, Seoul said."},
                                 "agency": "Yonhap"}]), "utf-8")  # fmt: skip
    plain = run("import", str(wire), db=db_path)
    assert plain.returncode == 1 and "item 1: no article text" in plain.stderr
    mapped = run("import", "--field", "text=story.body", "--field", "title=story.headline",
                 "--field", "source=agency", str(wire), db=db_path)  # fmt: skip
    assert mapped.returncode == 0, mapped.stderr
    assert mapped.stdout.strip() == "1 imported, 0 already present, 0 failed"
    rows = list(csv.DictReader(io.StringIO(run("export", "claims", db=db_path).stdout)))
    assert [(r["article_title"], r["source"], r["value"]) for r in rows] == [
        ("Seoul: 10,000 troops in Russia", "Yonhap", "10000")
    ]
    wrong = run("import", "--field", "colour=story", str(wire), db=db_path)
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "--field 'colour=story': expected NAME=KEY with NAME one of title, text" in wrong.stderr


@pytest.mark.parametrize("args", [(), ("open", str(BUNDLED_ARTICLES))])
def test_the_reader_without_a_terminal_says_so_in_one_line_and_makes_no_library(
    tmp_path: Path, args: tuple[str, ...]
):
    db = tmp_path / "library.db"
    result = subprocess.run(
        [str(CLAIMDIFF), *args], input="", capture_output=True, text=True, timeout=60,
        env={**os.environ, "CLAIMDIFF_DB": str(db), "CLAIMDIFF_CONFIG": str(tmp_path / "c")},
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "needs a terminal" in result.stderr
    assert "Traceback" not in result.stderr and not db.exists()  # a first run opens the sample
