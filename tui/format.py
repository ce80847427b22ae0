"""How figures, dates and sources read on screen: plain words, never markup."""

from __future__ import annotations

from store import ClaimRow, figure_in_words, stance_in_words

# An entity's colour by its type, in the article's text and in the entities pane alike.
TYPE_STYLE = {
    "person": "bright_green",
    "org": "bright_magenta",
    "place": "bright_cyan",
    "other": "dim",
}


def figure(claim: ClaimRow) -> str:
    """A claim's figure written plainly: "about 12,000 soldiers", "did not deny"."""
    if claim.kind == "statement":
        return stance_in_words(claim.stance)
    written = claim.sentence[claim.span_start - claim.start : claim.span_end - claim.start]
    return figure_in_words(claim.hedge, claim.value, claim.low, claim.high, claim.unit, written)


def date(published: str | None, raw: str | None = None) -> str:
    """The publication date, or the relative date as written, or a dash."""
    if published:
        return published
    if raw:
        return raw  # "1 month ago": as the page said it, never turned into a date
    return "—"
