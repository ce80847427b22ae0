"""How figures, dates and sources read on screen: plain words, never markup."""

from __future__ import annotations

import re

from store import ClaimRow

_HEDGE_WORDS = {
    "approx": "about {}",
    "at_least": "at least {}",
    "more_than": "more than {}",
    "at_most": "at most {}",
    "up_to": "up to {}",
    "exact": "{}",
}


def number(value: float | None) -> str:
    """12000.0 -> "12,000"; 540000000 -> "540 million"."""
    if value is None:
        return "?"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            scaled = value / size
            text = f"{scaled:,.1f}".rstrip("0").rstrip(".")
            return f"{text} {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def figure(claim: ClaimRow) -> str:
    """A claim's figure written plainly: "about 12,000 soldiers", "more than 10,000"."""
    if claim.kind == "statement":
        return (claim.stance or "statement").replace("_", " ")
    unit = claim.unit or ""
    if claim.hedge == "vague":
        words = claim.sentence[claim.span_start - claim.start : claim.span_end - claim.start]
        return " ".join(re.sub(r"[\"“”]", "", words).split())
    if claim.hedge == "range":
        amount = f"{number(claim.low)}–{number(claim.high)}"
    else:
        amount = _HEDGE_WORDS.get(claim.hedge or "exact", "{}").format(number(claim.value))
    if unit == "%":
        return f"{amount}%"
    if unit.isupper() and len(unit) == 3:  # a currency
        return f"{amount} {unit}"
    return f"{amount} {unit}".strip()


def date(published: str | None, raw: str | None = None) -> str:
    """The publication date, or the relative date as written, or a dash."""
    if published:
        return published
    if raw:
        return raw  # "1 month ago": as the page said it, never turned into a date
    return "—"
