"""Where the library lives, and where the bundled sample articles are."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Literal

ENV_DB = "CLAIMDIFF_DB"
BUNDLED_ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"

# Each platform's per-user folders, as (environment variable, its default under home).
_WINDOWS = {"data": ("LOCALAPPDATA", "AppData/Local"), "config": ("APPDATA", "AppData/Roaming")}
_XDG = {"data": ("XDG_DATA_HOME", ".local/share"), "config": ("XDG_CONFIG_HOME", ".config")}


def user_dir(kind: Literal["data", "config"]) -> Path:
    """The platform's per-user folder of claimdiff's data (the library) or its settings;
    the one place that knows each platform's folders, for the library and the reader."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "claimdiff"
    variable, default = (_WINDOWS if os.name == "nt" else _XDG)[kind]
    return Path(os.environ.get(variable) or Path.home() / default) / "claimdiff"


def library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH`, else $CLAIMDIFF_DB, else library.db in the user's data folder."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser()
    return user_dir("data") / "library.db"
