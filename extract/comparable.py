"""What comparison reads and makes: claims as compared, the groups they form, and the few
names the library needs to keep and list groups.

Apart from the rules (extract/compare.py), so that a reader listing groups loads none of
the patterns those rules compile.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from extract.words import APPROX_TOLERANCE

COMMON_AFTER = 20  # articles: from this size on, a library may hold many stories
COMMON_SHARE = 0.10  # of articles: a name this common tells no story apart
COMMON_FLOOR = 30  # articles: ... once it is in more than this many (a story's own name
# is in most of a small library's articles: "Myanmar" in 10 of 20)
STANCE_KEY = "stance"  # the comparison key of every statement a named actor made


class Mention(NamedTuple):
    """A name in a claim's sentence: its offsets in the body, resolved name and type
    (`place`, `person`, `org`)."""

    start: int
    end: int
    name: str
    type: str = "place"


class Linked(Protocol):
    """What linking reads of a claim (extract/compare.py link_claims): which claim, in
    which article, of which kind."""

    @property
    def id(self) -> int: ...
    @property
    def article(self) -> int: ...
    @property
    def kind(self) -> str: ...


class Placed(NamedTuple):
    """A figure as linking reads it: a claim of an article. A key's figures of one story
    are one quantity, so where they stand is all that links them."""

    id: int
    article: int
    kind: str = "quantity"


class Comparable(NamedTuple):
    """What comparison needs to know of one claim. Offsets are in the article's body, as
    everywhere (store/rows.py); `mentions` are the names its sentence holds."""

    id: int
    article: int
    source: str
    date: str | None  # the day the figure holds on, else its sentence's, else its article's
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
    mentions: tuple[Mention, ...] = ()  # read apart from the claim's row: kept last


@dataclass
class Group:
    key: str
    topic: str
    status: str  # "agree" or "conflict"
    soft: bool
    explanation: str
    sources: int  # how many sources its claims come from
    members: list[Comparable] = field(default_factory=list)  # in claim_order


# Units compared in another's terms: two decades are twenty years.
SCALE = {"decade": ("years", 10.0), "decades": ("years", 10.0)}


def tolerance_interval(claim: Comparable) -> tuple[float, float]:
    """The interval a claim commits to, the one every verdict, plot and export compares: its
    hedge's, for a magnitude half a unit of its last digit, and for a round figure written
    exactly, half a unit of its last significant digit ("12,000" is 11,500 to 12,500),
    never wider than "about" it would be ("10,000" is
    9,500 to 10,500, not 5,000 to 15,000). In years, for a figure in decades."""
    low = claim.low if claim.low is not None else -math.inf
    high = claim.high if claim.high is not None else math.inf
    if claim.hedge == "exact" and claim.value is not None and claim.unit == "magnitude":
        # A magnitude is read to its last written digit: "7" is 6.5 to 7.5, "6.8" 6.75 to 6.85.
        decimals = len(f"{claim.value:g}".partition(".")[2])
        half = 0.5 * 10**-decimals
        return round(claim.value - half, 6), round(claim.value + half, 6)
    if claim.hedge == "exact" and claim.value is not None and claim.value >= 100:
        digits = f"{claim.value:.0f}".rstrip("0")
        zeros = len(f"{claim.value:.0f}") - len(digits)
        if zeros >= 2:
            half = min(10**zeros / 2, claim.value * APPROX_TOLERANCE / 2)
            low, high = claim.value - half, claim.value + half
    scale = SCALE.get(claim.unit or "", ("", 1.0))[1]
    return low * scale, high * scale


def claim_order(claim: Comparable) -> tuple[bool, str, str, int]:
    """A group's claims by date (undated last), then source; ids keep ties in one order."""
    return (claim.date is None, claim.date or "", claim.source, claim.id)
