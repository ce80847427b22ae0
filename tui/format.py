"""How figures, dates and sources read on screen: plain words, never markup."""

from __future__ import annotations

# An entity's colour by its type, in the article's text and in the entities pane alike.
TYPE_STYLE = {
    "person": "bright_green",
    "org": "bright_magenta",
    "place": "bright_cyan",
    "other": "dim",
}


def date(published: str | None, raw: str | None = None) -> str:
    """The publication date, or the relative date as written, or a dash."""
    if published:
        return published
    if raw:
        return raw  # "1 month ago": as the page said it, never turned into a date
    return "—"
