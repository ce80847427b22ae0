"""Claims of one article: quantities and statements, with their sentence and source."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date

from extract.attribution import (
    attribute_figure,
    attribute_sentence,
    final_speaker,
    is_back_reference,
    names_a_source,
    resolve_back_reference,
)
from extract.dates import claim_date
from extract.entities import Mention
from extract.quantities import concept_of, extract_quantities
from extract.sentences import Sentence
from extract.statements import find_assertion, find_stance

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
_HE_OR_SHE = re.compile(r"\b(?:he|she|He|She|her|Her|him)\b")


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


def _last_person(people: list[Mention], starts: list[int], before: int, since: int,
                 quoted: list[tuple[int, int]]) -> str | None:  # fmt: skip
    """The person named last before an offset (and not before `since`), outside quotations:
    a name inside a quotation is what the speaker spoke of, not who speaks."""
    index = bisect.bisect_left(starts, before) - 1
    while index >= 0 and starts[index] >= since:
        if not any(a <= starts[index] < b for a, b in quoted):
            return people[index].text
        index -= 1
    return None


_QUOTE_MARKS = re.compile(r"[“”\"]")


def quotations(body: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Where the body quotes someone, as body offsets: from an opening quotation mark to its
    closing one, within a paragraph, across sentences ("...6,408,855 votes. Edmundo
    Gonzalez - 5,326,104 votes," he said)."""
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+", body):
        opened: int | None = None
        for mark in _QUOTE_MARKS.finditer(paragraph.group(0)):
            at = paragraph.start() + mark.start()
            closes = mark.group(0) == "”" or (mark.group(0) == '"' and opened is not None)
            if opened is None and not closes:
                opened = at
            elif opened is not None and closes:
                spans.append((opened, at))
                opened = None
    return spans


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
    names = sorted({m.text for m in people}, key=len, reverse=True)
    quoted = quotations(body, sentences)
    explicit: list[bool] = []  # each sentence: whether it names a source itself
    for index, sentence in enumerate(sentences):
        previous = sentences[index - 1] if index else None
        quantities = extract_quantities(sentence.text)
        stance = find_stance(sentence.text)
        own = None
        if quantities or stance or names_a_source(sentence.text):
            own = attribute_sentence(sentence.text, quantities[0].start if quantities else None)
        since = sentences[max(0, index - _UNIT_LOOKBACK)].start

        def person(sentence: Sentence = sentence, since: int = since) -> str | None:
            """The person "he" or "she" in this sentence stands for, looked up if needed:
            a person named before it in the sentence ("X said: '...,' he said"), else the
            person who spoke last ("Elvis Amoroso ... said. He said ..."), else the
            person named last, outside quotations."""
            pronoun = _HE_OR_SHE.search(sentence.text)
            at = sentence.start + (pronoun.start() if pronoun else 0)
            if here := _last_person(people, starts, at, sentence.start, quoted):
                return here
            for said in reversed(earlier[-_UNIT_LOOKBACK:]):
                if said and (spoke := next((n for n in names if n in said), None)):
                    return spoke
            return _last_person(people, starts, at, since, quoted)

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
        figures = [q.start for q in quantities]
        speaker = final_speaker(sentence.text) if quantities else None
        local: list[str | None] = []
        for q in quantities:  # "it" may stand for the sentence's own first source
            x = attribute_figure(sentence.text, q.start, q.end, figures, speaker)
            if x and is_back_reference(x):
                x = resolve_back_reference(x, [*earlier, *local], person())
            local.append(x)
        # What later sentences refer back to: the source its figures show, else its own.
        earlier.append(next((x for x in local if x), None) or who)
        explicit.append(own is not None or any(local))
        figures_sourced.append(bool(quantities) and (own is not None or any(local)))
        said_on = claim_date(sentence.text, published) if quantities or stance else None
        for q, said_by in zip(quantities, local, strict=True):
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
                    attributed_to=_display_source(said_by or who),
                    said_on=said_on,
                )
            )
        if stance is None and who and (asserted := find_assertion(sentence.text)):
            stance = (asserted[0], who, asserted[1], asserted[2])  # the speaker's stance
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
    return _speakers_after(claims, sentences, quoted, earlier, explicit)


def _speakers_after(
    claims: list[Claim], sentences: list[Sentence], quoted: list[tuple[int, int]],
    said_by: list[str | None], explicit: list[bool],
) -> list[Claim]:  # fmt: skip
    """A quotation over several sentences is its speaker's, named after it closes
    ('"...6,408,855 votes. ... 5,326,104 votes," he said'): the figures of its sentences
    that name no source of their own are that speaker's."""
    starts = [s.start for s in sentences]
    speaker: dict[int, str] = {}  # sentence index -> who its closing quotation names
    for start, end in quoted:
        first, last = bisect.bisect_right(starts, start) - 1, bisect.bisect_right(starts, end) - 1
        after = sentences[last].text[end - sentences[last].start + 1 :]
        if first < last and (who := said_by[last]) and _SAID_AFTER.match(after):
            for index in range(first, last):
                if not explicit[index]:
                    speaker[index] = who
    if not speaker:
        return claims
    return [
        replace(c, attributed_to=_display_source(speaker[i]))
        if (i := bisect.bisect_right(starts, c.sentence_start) - 1) in speaker
        else c
        for c in claims
    ]


# What follows a closing quotation mark when its speaker is named: '," he said'.
_SAID_AFTER = re.compile(r"^\s*,?\s*(?:[\w’'.-]+\s+){0,6}?(?:said|says|told|added|wrote)\b")
