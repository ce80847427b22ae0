"""Claims of one article: quantities and statements, with their sentence and source."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.attribution import attribute_sentence, is_back_reference, resolve_back_reference
from extract.quantities import extract_quantities
from extract.sentences import Sentence
from extract.statements import find_stance

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass(frozen=True)
class Claim:
    """A figure or a stance; offsets refer to the article body."""

    kind: str  # "quantity" or "statement"
    sentence_start: int
    sentence_end: int
    sentence: str
    span_start: int  # the figure (or stance verb) inside the sentence, in body offsets
    span_end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    concept: str | None = None
    hedge: str | None = None
    increment: bool = False
    attributed_to: str | None = None
    stance: str | None = None


def _display_source(who: str | None) -> str | None:
    if who is None:
        return None
    return _ARTICLE.sub("", who)


def extract_claims(sentences: list[Sentence]) -> list[Claim]:
    """Quantity and statement claims of an article's sentences, in reading order."""
    claims: list[Claim] = []
    earlier: list[str | None] = []  # attribution of each sentence so far, for "it said"
    for sentence in sentences:
        quantities = extract_quantities(sentence.text)
        stance = find_stance(sentence.text)
        own = attribute_sentence(sentence.text, quantities[0].start if quantities else None)
        who = resolve_back_reference(own, earlier) if own and is_back_reference(own) else own
        earlier.append(who)
        for q in quantities:
            claims.append(
                Claim(
                    kind="quantity",
                    sentence_start=sentence.start,
                    sentence_end=sentence.end,
                    sentence=sentence.text,
                    span_start=sentence.start + q.start,
                    span_end=sentence.start + q.end,
                    value=q.value,
                    low=q.low,
                    high=q.high,
                    unit=q.unit,
                    concept=q.concept,
                    hedge=q.hedge,
                    increment=q.increment,
                    attributed_to=_display_source(who),
                )
            )
        if stance is not None:
            kind, actor, start, end = stance
            claims.append(
                Claim(
                    kind="statement",
                    sentence_start=sentence.start,
                    sentence_end=sentence.end,
                    sentence=sentence.text,
                    span_start=sentence.start + start,
                    span_end=sentence.start + end,
                    attributed_to=_display_source(actor),
                    stance=kind,
                )
            )
    return claims
