"""What comparison reads and makes: claims as compared, the groups they form, and the few
names the library needs to keep and list groups.

Apart from the rules (extract/compare.py), so that a reader listing groups loads none of
the patterns those rules compile.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple

COMMON_AFTER = 20  # articles: from this size on, a library may hold many stories
COMMON_SHARE = 0.10  # of articles: a name this common tells no story apart
STANCE_KEY = "stance"  # the comparison key of every statement a side of the story made


class Place(NamedTuple):
    """A place named in a claim's sentence: its offsets in the body and resolved name."""

    start: int
    end: int
    name: str


class Comparable(NamedTuple):
    """What comparison needs to know of one claim. Offsets are in the article's body, as
    everywhere (store/rows.py); `places` are the places its sentence names."""

    id: int
    article: int
    source: str
    date: str | None  # the claim's day, else its article's, as YYYY-MM-DD
    kind: str
    sentence: str
    start: int  # the sentence
    span_start: int  # the figure (or stance verb)
    span_end: int
    title: str = ""
    published: str | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    hedge: str | None = None
    unit: str | None = None
    concept: str | None = None
    increment: bool = False
    attributed_to: str | None = None
    stance: str | None = None
    places: tuple[Place, ...] = ()  # read apart from the claim's row: kept last


@dataclass
class Group:
    key: str
    topic: str
    status: str  # "agree" or "conflict"
    soft: bool
    explanation: str
    sources: int  # how many sources its claims come from
    members: list[Comparable] = field(default_factory=list)  # in claim_order


def tolerance_interval(claim: Comparable) -> tuple[float, float]:
    """The interval a claim commits to, with a round exact figure's own tolerance."""
    low = claim.low if claim.low is not None else -math.inf
    high = claim.high if claim.high is not None else math.inf
    if claim.hedge == "exact" and claim.value is not None and claim.value >= 100:
        digits = f"{claim.value:.0f}".rstrip("0")
        zeros = len(f"{claim.value:.0f}") - len(digits)
        if zeros >= 2:
            half = 10**zeros / 2
            low, high = claim.value - half, claim.value + half
    return low, high


def claim_order(claim: Comparable) -> tuple[bool, str, str, int]:
    """A group's claims by date (undated last), then source; ids keep ties in one order."""
    return (claim.date is None, claim.date or "", claim.source, claim.id)
