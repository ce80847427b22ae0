"""Who a figure is from: its claimant, one name however spelt, and the other outlets that
carried the same claimant's same figure.

A figure is judged by who said it, not by how many outlets repeated it: a group counts its
distinct claimants (the source cited, else the outlet itself), and one claimant's one figure
in four outlets is one claim carried four times. Kept apart from the comparison rules so
that the discrepancy view can name claimants without loading them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from extract.comparable import Comparable
from extract.gazetteer import DEMONYMS
from extract.text import trie

# Words of a claimant that say nothing of who it is: "the hardline CGT union" is the CGT.
_CLAIMANT_NOISE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|country's|official|hardline|biggest|largest|main"
    r"|trade|union|unions|federation|figures?|own)\b|['’]s\b",
)
_DEMONYM_WORDS = re.compile(rf"\b(?:{trie([w.lower() for w in DEMONYMS])})\b")
_MINISTRY_OF = re.compile(r"\bministry of (?:the )?(?P<of>[a-z ]+)")
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")


@lru_cache(maxsize=8192)
def claimant_key(who: str) -> str:
    """Who is cited, as one name however spelt: "the hardline CGT union", "CGT union" and
    "General Confederation of Labour (CGT)" are the CGT; "French Interior Ministry" and
    "the interior ministry" one ministry ("Ministry of the Interior" too)."""
    if acronym := _ACRONYM.search(who):
        return acronym.group(1).lower()
    text = who.lower()
    text = _MINISTRY_OF.sub(lambda m: f"{m.group('of')} ministry", text)
    text = _DEMONYM_WORDS.sub(" ", _CLAIMANT_NOISE.sub(" ", text))
    return " ".join(text.split()) or who.lower()


def claimant(claim: Comparable) -> str:
    """A claim's claimant as grouping counts it: the source cited, else the outlet."""
    return claimant_key(claim.attributed_to) if claim.attributed_to else f"@{claim.source}"


class Carried(NamedTuple):
    """Who a group's claim is from, and who else carried it."""

    claimant: str  # as first written in the group, however else it was spelt
    carried_by: list[str]  # the other outlets that carried the same claimant's same figure


def carried(members: Iterable[Comparable]) -> dict[int, Carried]:
    """Each claim of a group with its claimant and the other outlets that carried that
    claimant's same figure ("as many as 10,000, Matthew Miller; carried by TASS, ...").
    A claimant is named as the group spells it most (of equally common spellings, the
    first in alphabetical order), and outlets are listed alphabetically, so that neither
    depends on the order the articles were imported in."""
    members = list(members)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    outlets: dict[tuple[str, float | None, float | None], set[str]] = defaultdict(set)
    for m in members:
        key = claimant(m)
        spellings[key][m.attributed_to or m.source] += 1
        outlets[(key, m.low, m.high)].add(m.source)
    named = {k: min(c, key=lambda s: (-c[s], s)) for k, c in spellings.items()}
    return {
        m.id: Carried(
            named[claimant(m)],
            sorted(outlets[(claimant(m), m.low, m.high)] - {m.source}),
        )
        for m in members
    }
