"""Where the library lives, and where the bundled sample articles are."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_DB = "CLAIMDIFF_DB"
BUNDLED_ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def user_data_dir() -> Path:
    """The platform's per-user data folder for claimdiff."""
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    elif os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "claimdiff"


def library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH`, else $CLAIMDIFF_DB, else library.db in the user's data folder."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser()
    return user_data_dir() / "library.db"
