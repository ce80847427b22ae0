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


def test_store_does_not_load_textual():
    modules = loaded_after("import store")
    assert "sqlite_utils" in modules
    assert not {m for m in modules if m.split(".")[0] == "textual"}
