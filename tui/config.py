"""The reader's settings: theme, key remaps and the last filters, in a small JSON file.

The file is `$CLAIMDIFF_CONFIG`, else `claimdiff/config.json` in the user's config folder.
A damaged file is ignored with a notice, never a crash, and is not overwritten until the
user changes a setting.

    {"theme": "gruvbox", "keymap": {"main.search": "s"}, "filters": {"query": "troops"},
     "fields": {"text": "story.body"}, "last_import": "/home/me/story"}

`fields` names the keys JSON articles keep their fields under (as `--field` does), for every
import: the command line's and the reader's. `last_import` is the folder the reader's import
box starts at, so that it never starts where a stray Enter would import a whole project.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from extract.fields import parse_fields
from store import ClaimFilter
from store.files import target, write_text
from store.paths import user_dir

ENV_CONFIG = "CLAIMDIFF_CONFIG"
_FILTER_FIELDS = ("query", "sources", "kinds", "hedges", "since", "until", "verdicts")


def config_path() -> Path:
    """$CLAIMDIFF_CONFIG, else config.json in the user's config folder."""
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG]).expanduser()
    return user_dir("config") / "config.json"


@dataclass
class Config:
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys
    filters: dict[str, Any] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)  # JSON field name -> key
    last_import: str | None = None  # the folder the reader imported from last

    def claim_filter(self) -> ClaimFilter:
        """The filters saved last time, as far as they still make sense."""
        f = self.filters
        return ClaimFilter(
            query=f.get("query") or None,
            sources=frozenset(f.get("sources") or ()),
            kinds=frozenset(f.get("kinds") or ()),
            hedges=frozenset(f.get("hedges") or ()),
            since=f.get("since") or None,
            until=f.get("until") or None,
            verdicts=frozenset(f.get("verdicts") or ()),
        )

    def remember(self, f: ClaimFilter) -> None:
        values = {
            "query": f.query, "sources": sorted(f.sources), "kinds": sorted(f.kinds),
            "hedges": sorted(f.hedges), "since": f.since, "until": f.until,
            "verdicts": sorted(f.verdicts),
        }  # fmt: skip
        self.filters = {k: v for k, v in values.items() if v}


def load_config(path: Path) -> tuple[Config, str | None]:
    """The settings, and a notice for the user when the file could not be used."""
    if not path.exists():
        return Config(), None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
        keymap = raw.get("keymap") or {}
        filters = raw.get("filters") or {}
        fields = raw.get("fields") or {}
        if not all(isinstance(x, dict) for x in (keymap, filters, fields)):
            raise ValueError("keymap, filters and fields must be objects")
        theme, last_import = raw.get("theme"), raw.get("last_import")
        return Config(
            theme=theme if isinstance(theme, str) else None,
            last_import=last_import if isinstance(last_import, str) else None,
            keymap={str(k): str(v) for k, v in keymap.items()},
            filters={k: v for k, v in filters.items() if k in _FILTER_FIELDS},
            fields=parse_fields([f"{k}={v}" for k, v in fields.items()]),
        ), None
    except (OSError, ValueError) as exc:
        return Config(), f"Settings in {path} were ignored: {exc}"


def save_config(path: Path, config: Config) -> None:
    """Write the settings whole (store.files: a link to them, as dotfile managers make, is
    followed). Raises OSError, or TargetError where the path cannot hold them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(config), indent=2, ensure_ascii=False)
    write_text(target(path), lambda out: out.write(text))
