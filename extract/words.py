"""Figures and stances in words, as every view and export writes them.

Kept apart from the extraction modules so that a reader can format a claim without
compiling the patterns that find claims.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Protocol


class Hedge(NamedTuple):
    """How a source words a figure, and what that commits it to (extract/quantities.py
    lists the words that make each)."""

    name: str
    words: str  # how a figure in words says it: "about 12,000"
    loose: bool  # roughly stated: shown and highlighted as such
    bound: str  # "lower", "upper": the end of its interval the figure fixes; "" for none


HEDGES = (
    Hedge("exact", "", False, ""),
    Hedge("approx", "about", True, ""),
    Hedge("at_least", "at least", False, "lower"),
    Hedge("more_than", "more than", False, "lower"),
    Hedge("at_most", "at most", False, "upper"),
    Hedge("up_to", "up to", False, "upper"),
    Hedge("range", "", False, ""),
    Hedge("vague", "", True, ""),
)
HEDGE = {hedge.name: hedge for hedge in HEDGES}
APPROX_TOLERANCE = 0.10  # "about 12,000" is 10,800 to 13,200
HEDGE_NAMES = tuple(HEDGE)


def bound(hedge: str | None) -> str:
    """Which end of its interval a hedged figure fixes: "lower", "upper", or ""."""
    return HEDGE[hedge].bound if hedge in HEDGE else ""


def number_in_words(value: float | None) -> str:
    """12000.0 -> "12,000"; 540000000 -> "540 million"; 1280000 -> "1.28 million"; a
    figure not that round in full: 6408855 -> "6,408,855" (never rounded to look round)."""
    if value is None:
        return "?"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            scaled = value / size
            if abs(scaled * 1000 - round(scaled * 1000)) > 1e-6:
                return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
            return f"{scaled:,.3f}".rstrip("0").rstrip(".") + f" {word}"
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
        words = HEDGE[hedge].words if hedge in HEDGE else ""
        amount = f"{words} {number_in_words(value)}".strip()
    return f"{amount}%" if unit == "%" else f"{amount} {unit or ''}".strip()


class Said(Protocol):
    """A claim as any row carries it (the claims pane's, the comparison's): what it says and
    where, in body offsets."""

    @property
    def kind(self) -> str: ...
    @property
    def stance(self) -> str | None: ...
    @property
    def hedge(self) -> str | None: ...
    @property
    def value(self) -> float | None: ...
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def sentence(self) -> str: ...
    @property
    def start(self) -> int: ...  # the sentence's start in the body
    @property
    def span_start(self) -> int: ...  # the figure's, in the body
    @property
    def span_end(self) -> int: ...


def written(claim: Said) -> str:
    """The figure (or the stance verb) as its sentence writes it: "about 12,000 soldiers"."""
    return claim.sentence[claim.span_start - claim.start : claim.span_end - claim.start]


def claim_in_words(claim: Said, unit: bool = True) -> str:
    """What a claim says, as every view and export writes it: "about 12,000 soldiers",
    "several thousand infantry soldiers", "did not deny"; without its unit where a group's
    topic names what is counted."""
    if claim.kind == "statement":
        return stance_in_words(claim.stance)
    return figure_in_words(claim.hedge, claim.value, claim.low, claim.high,
                           claim.unit if unit else None, written(claim))  # fmt: skip


def stance_in_words(stance: str | None) -> str:
    """ "not_deny" -> "did not deny"."""
    return (stance or "statement").replace("not_", "did not ").replace("_", " ")


def exact_enough(number: float) -> float:
    """A figure without binary floating-point noise, to 12 significant digits at any
    magnitude: "about 3" reaches 3.3, not 3.3000000000000003, and an export shows what the
    library holds."""
    return float(f"{number:.12g}")


# The words of a gathering: a figure of people in a sentence about one counts people there
# ("Big demonstrations took place in the major cities, at least several hundred thousand in
# Paris"), and a bare figure beside one counts people ("the police counted 81,000").
GATHERINGS = re.compile(
    r"\b(?:demonstrations?|demonstrators|protests?|protesters|rall(?:y|ies)|marches|marchers"
    r"|gatherings?|crowds?|turnout)\b",
    re.I,
)

# The months' names, as views write a day ("7 March"; "28 Oct" short) and rules read them.
MONTHS = tuple(
    "January February March April May June July August September October November December".split()
)


def day_in_words(day: str | None, year: bool = True) -> str:
    """A day as a view writes it: "28 Oct 2024" (without `year`, "28 Oct"), "7 Mar" for a
    day of no known year (--03-07), "undated"."""
    if not day:
        return "undated"
    written, month, of_month = day.removeprefix("--").rjust(10, "-").rsplit("-", 2)
    name = f"{int(of_month)} {MONTHS[int(month) - 1][:3]}"
    return f"{name} {written}" if year and written.strip("-") else name
