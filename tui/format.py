"""How figures, dates and sources read on screen: plain words, never markup."""

from __future__ import annotations

# An entity's colour by its type, in the article's text and in the entities pane alike.
TYPE_STYLE = {
    "person": "bright_green",
    "org": "bright_magenta",
    "place": "bright_cyan",
    "other": "dim",
}


# The analyst's verdict on a claim or group, as the lists and cards show it.
VERDICT_STYLE = {"confirmed": "bold green", "disputed": "bold yellow", "false": "bold red",
                 "not_a_claim": "dim strike"}  # fmt: skip
VERDICT_SIGN = {"confirmed": "✓", "disputed": "?", "false": "✗", "not_a_claim": "–"}
NOTED = "✎"  # after a verdict: there is a note (the verdict dialog shows it)


def verdict_words(verdict: str | None, note: str = "") -> str:
    """ "disputed", "not a claim ✎" (with a note), "✎" (a note alone), or ""."""
    words = (verdict or "").replace("_", " ")
    return f"{words} {NOTED}".strip() if note else words


def date(published: str | None, raw: str | None = None) -> str:
    """The publication date, or the relative date as written, or a dash."""
    if published:
        return published
    if raw:
        return raw  # "1 month ago": as the page said it, never turned into a date
    return "—"
