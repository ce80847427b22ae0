"""The layers stay honest: extract and store never load Textual; extract never loads SQLite."""

from __future__ import annotations

import subprocess
import sys


def loaded_after(code: str) -> set[str]:
    probe = f"import sys; {code}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_extract_loads_neither_textual_nor_sqlite():
    modules = loaded_after("import extract; extract.analyse_article('Title\\n\\n500 troops.')")
    assert not {m for m in modules if m.split(".")[0] in ("textual", "sqlite3", "sqlite_utils")}


def test_store_does_not_load_textual(tmp_path):
    db = tmp_path / "lib.db"
    modules = loaded_after(
        f"import store; lib = store.Library(__import__('pathlib').Path({str(db)!r})); "
        f"store.import_paths(lib, [store.BUNDLED_ARTICLES], workers=1); "
        f"store.export(lib, 'claims', store.ClaimFilter(), 'csv', open('/dev/null', 'w'))"
    )
    assert {"sqlite_utils", "store.importer", "extract.analyse"} <= modules
    assert not {m for m in modules if m.split(".")[0] == "textual"}


def test_reading_a_library_loads_no_analysis(library, db_path):
    """The reader starts sooner for not compiling what finds claims or creates tables."""
    modules = loaded_after(
        f"import store; lib = store.Library(__import__('pathlib').Path({str(db_path)!r})); "
        f"lib.articles(limit=10); lib.claims(store.ClaimFilter(article_id=1)); lib.entities(); "
        f"lib.group_rows(limit=10)"
    )
    assert "store.library" in modules
    assert not modules & {"sqlite_utils", "store.importer", "extract.analyse", "extract.claims",
                          "extract.compare"}  # fmt: skip


def test_the_command_line_and_its_exports_load_no_parsers(library, db_path):
    """Building the command line and exporting need no extraction patterns, HTML or feed
    parsers: the reader's start pays for none of them."""
    modules = loaded_after(
        f"import tui.cli, tui.config, store; lib = store.Library(__import__('pathlib')"
        f".Path({str(db_path)!r})); tui.cli._parser(); "
        f"store.export(lib, 'claims', store.ClaimFilter(), 'csv', open('/dev/null', 'w'))"
    )
    assert "extract.fields" in modules
    assert not modules & {"extract.quantities", "extract.documents", "html.parser", "feedparser",
                          "trafilatura"}  # fmt: skip
