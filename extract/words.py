"""Figures and stances in words, as every view and export writes them.

Kept apart from the extraction modules so that a reader can format a claim without
compiling the patterns that find claims.
"""

from __future__ import annotations

import re

_HEDGE_WORDS = {
    "approx": "about", "at_least": "at least", "more_than": "more than",
    "at_most": "at most", "up_to": "up to",
}  # fmt: skip


def number_in_words(value: float | None) -> str:
    """12000.0 -> "12,000"; 540000000 -> "540 million"."""
    if value is None:
        return "?"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.1f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def figure_in_words(
    hedge: str | None, value: float | None, low: float | None, high: float | None,
    unit: str | None, written: str = "",
) -> str:  # fmt: skip
    """A figure as a reader would say it: "about 12,000 soldiers", "3,000–5,000 troops",
    "more than 10,000"; a vague one as written ("several thousand infantry soldiers")."""
    if hedge == "vague":
        return " ".join(re.sub(r"[\"“”]", "", written).split())
    if hedge == "range" and low is not None and high is not None:
        amount = f"{number_in_words(low)}–{number_in_words(high)}"
    else:
        amount = f"{_HEDGE_WORDS.get(hedge or '', '')} {number_in_words(value)}".strip()
    return f"{amount}%" if unit == "%" else f"{amount} {unit or ''}".strip()


def stance_in_words(stance: str | None) -> str:
    """ "not_deny" -> "did not deny"."""
    return (stance or "statement").replace("not_", "did not ").replace("_", " ")


def exact_enough(number: float) -> float:
    """A figure without binary floating-point noise, to 12 significant digits at any
    magnitude: "about 3" reaches 3.3, not 3.3000000000000003, and an export shows what the
    library holds."""
    return float(f"{number:.12g}")
