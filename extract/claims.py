"""Claims of one article: quantities and statements, with their sentence and source."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date

from extract.attribution import (
    attribute_sentence,
    is_back_reference,
    names_a_source,
    resolve_back_reference,
)
from extract.dates import claim_date
from extract.entities import Mention
from extract.quantities import concept_of, extract_quantities
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
    said_on: date | None = None  # the day the sentence dates its claim to, if it does


_ELLIPTICAL = re.compile(
    r"^[\s,”\"]*(?:have|has|had|are|were|will|would|could|may|might|remain|are\s+now)\b", re.I
)
_UNIT_LOOKBACK = 2  # sentences
_HE_OR_SHE = re.compile(r"\b(?:he|she|He|She)\b")


def _recent_unit(claims: list[Claim], since: int) -> str | None:
    for claim in reversed(claims):
        if claim.sentence_start < since:
            break
        if claim.kind == "quantity" and claim.unit:
            return claim.unit
    return None


def _display_source(who: str | None) -> str | None:
    if who is None:
        return None
    return _ARTICLE.sub("", who)


def _last_person(people: list[Mention], starts: list[int], before: int, since: int) -> str | None:
    """The person named last before an offset (and not before `since`), for "he said"."""
    index = bisect.bisect_left(starts, before) - 1
    return people[index].text if index >= 0 and starts[index] >= since else None


def extract_claims(
    body: str,
    sentences: list[Sentence],
    mentions: list[Mention] | None = None,
    published: date | None = None,
) -> list[Claim]:
    """Quantity and statement claims of an article's sentences, in reading order.

    Mentions (of people) let "he said" name the person last mentioned; the publication date
    dates "on Thursday".
    """
    claims: list[Claim] = []
    earlier: list[str | None] = []  # attribution of each sentence so far, for "it said"
    figures_sourced: list[bool] = []  # each sentence: has figures and names their source
    people = [m for m in mentions or [] if m.type == "person"]
    starts = [m.start for m in people]
    for index, sentence in enumerate(sentences):
        previous = sentences[index - 1] if index else None
        quantities = extract_quantities(sentence.text)
        stance = find_stance(sentence.text)
        own = None
        if quantities or stance or names_a_source(sentence.text):
            own = attribute_sentence(sentence.text, quantities[0].start if quantities else None)
        since = sentences[max(0, index - _UNIT_LOOKBACK)].start

        def person(sentence: Sentence = sentence, since: int = since) -> str | None:
            """The person "he" or "she" in this sentence stands for, looked up if needed."""
            pronoun = _HE_OR_SHE.search(sentence.text)  # "X said: '...,' he said": X
            at = sentence.start + (pronoun.start() if pronoun else 0)
            return _last_person(people, starts, at, since)

        who = own
        if own and is_back_reference(own):
            who = resolve_back_reference(own, earlier, person())
        same_paragraph = previous is not None and "\n" not in body[previous.end : sentence.start]
        if (
            who is None
            and previous is not None
            and ((same_paragraph and figures_sourced[-1]) or sentence.text[:1] in '"“')
        ):
            # A run of figures from one source goes on into the next sentence of the
            # paragraph ("According to X, only 30% ... The largest share, 60%, ..."), and a
            # paragraph that is only a quotation continues its speaker. Nothing else carries
            # on: "Kechiche said he made the film ... The Chorus won two awards."
            who = earlier[-1]
        earlier.append(who)
        figures_sourced.append(bool(quantities) and own is not None)
        said_on = claim_date(sentence.text, published) if quantities or stance else None
        for q in quantities:
            if q.unit is None and _ELLIPTICAL.match(sentence.text[q.end :]):
                # "as many as 10,000 have made their way": the thing counted just before
                since = sentences[max(0, index - _UNIT_LOOKBACK)].start
                unit = _recent_unit(claims, since)
                q = replace(q, unit=unit, concept=concept_of(unit))
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
                    said_on=said_on,
                )
            )
        if stance is not None:
            kind, named, start, end = stance
            actor = resolve_back_reference(named, earlier, person()) if is_back_reference(
                named) else named  # fmt: skip
            if actor is None:
                continue  # "He denied it" with nobody named before: no actor to show
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
                    said_on=said_on,
                )
            )
    return claims
