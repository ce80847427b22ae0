"""User text to a safe SQLite FTS5 query.

Whatever the user types (quotes, `*`, `NEAR`, `-`, unbalanced brackets) becomes a query that
cannot raise: every word is quoted, "quoted phrases" stay phrases, and each last word matches
as a prefix so results narrow as the user types.
"""

from __future__ import annotations

import re


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression for the user's text, or None when it has no words."""
    parts: list[str] = []
    for phrase, word in re.findall(r'"([^"]*)"|(\w+)', text):
        if phrase:
            words = re.findall(r"\w+", phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
        else:
            parts.append(f'"{word}"*')
    return " ".join(parts) if parts else None
