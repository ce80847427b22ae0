"""Shared fixtures. Every test runs with its own data and config folders, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from extract import Analysis, analyse_article

if TYPE_CHECKING:
    from store import Library

# In CI the same examples every run: a failure there is one anybody can reproduce.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "articles"
ARTICLES = sorted(BUNDLED.glob("*.txt"))


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("CLAIMDIFF_DB", str(home / "default.db"))
    monkeypatch.setenv("CLAIMDIFF_CONFIG", str(home / "config" / "claimdiff.json"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def library(db_path: Path) -> Iterator[Library]:
    """A library with the five bundled articles imported."""
    import store

    lib = store.Library(db_path)
    report = store.import_paths(lib, [BUNDLED])
    assert len(report.imported) == 5
    yield lib
    lib.close()


def analyse(name: str) -> Analysis:
    """The analysis of a bundled article by its file-name prefix ("003")."""
    path = next(p for p in ARTICLES if p.name.startswith(name))
    return analyse_article(path.read_text(encoding="utf-8"), path.stem)
