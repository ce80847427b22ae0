"""Mentions of people, organisations and places in an article body.

A mention is a run of capitalised words (with "of", "for", "and", "the" allowed inside),
trimmed of sentence-initial function words, split at titles ("NATO Secretary General Mark
Rutte" is NATO and Mark Rutte) and typed by the gazetteer, organisation words and titles.
Demonyms count as their place ("North Korean troops" mentions North Korea). A single
capitalised word at the start of a sentence is a name only if the article also writes it
capitalised elsewhere, or the gazetteer knows it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extract.gazetteer import (
    ALIASES,
    DEMONYMS,
    EVENT_WORDS,
    NOT_NAMES,
    ORG_WORDS,
    PERSON_TITLES,
    PLACES,
)
from extract.sentences import Sentence

ENTITY_TYPES = ("person", "org", "place", "other")

_TOKEN = r"(?:[A-Z][\w.]*(?:[-’'][\w.]+)*|[A-Z]\.(?:[A-Z]\.)+)"
_RUN = re.compile(rf"{_TOKEN}(?:\s+(?:(?:of|for|and|the|de|al|bin|van|von)\s+)*{_TOKEN})*")
_ACRONYM_DEF = re.compile(
    rf"(?P<long>{_TOKEN}(?:\s+(?:of|for|and|the)?\s*{_TOKEN})+)\s+\((?P<short>[A-Z]{{2,6}})\)"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_DEMONYM_COMPOUND = re.compile(
    r"^([A-Z]\w+)-(?:made|occupied|backed|led|born|based|controlled|held|allied|linked|style)$"
)
_LOCATIVE = re.compile(r"\b(?:in|near|outside|across|into)\s+$")
_NON_SPACE = re.compile(r"\S+")
_MIDSENTENCE_CAPITAL = re.compile(r"(?<=[\w,;:] )[A-Z][\w’'-]*")
_CONNECTORS = {"of", "for", "and", "the", "de", "al", "bin", "van", "von"}


@dataclass(frozen=True)
class Mention:
    """A name as written at start:end of the body, its normalised name and type."""

    start: int
    end: int
    text: str
    name: str
    type: str


def _type_of(tokens: list[str], after_title: bool) -> str:
    name = " ".join(tokens)
    if name in ALIASES:
        return _type_of(ALIASES[name].split(), False) if ALIASES[name] in PLACES else "org"
    if name in PLACES:
        return "place"
    if any(t in ORG_WORDS for t in tokens) or _ACRONYM.match(name):
        return "org"
    if after_title:
        return "person"
    if any(t in EVENT_WORDS or t in PLACES for t in tokens):
        return "other"  # "Australian Open", "Athens Olympics" are no one's names
    words = [t for t in tokens if t not in _CONNECTORS]
    if (
        2 <= len(words) <= 4
        and len(words) == len(tokens)
        and all(
            t[0].isupper() and not t.isupper() and t not in NOT_NAMES and t not in DEMONYMS
            for t in words
        )
    ):
        return "person"
    return "other"


def _split_tokens(text: str, base: int) -> list[tuple[int, str]]:
    return [(base + m.start(), m.group(0)) for m in _NON_SPACE.finditer(text)]


def _emit(out: list[Mention], body: str, tokens: list[tuple[int, str]], after_title: bool) -> None:
    while tokens and (tokens[0][1] in NOT_NAMES or tokens[0][1] in _CONNECTORS):
        tokens = tokens[1:]
    while tokens and tokens[-1][1] in _CONNECTORS:
        tokens = tokens[:-1]
    if not tokens:
        return
    words = [t for _, t in tokens]
    name = " ".join(words)
    start, end = tokens[0][0], tokens[-1][0] + len(tokens[-1][1])
    demonym = name[:-1] if name.endswith("s") and name[:-1] in DEMONYMS else name
    if demonym in DEMONYMS:  # "Ukrainian", "Ukrainians"
        out.append(Mention(start, end, body[start:end], DEMONYMS[demonym], "place"))
        return
    if len(words) == 1 and words[0] in NOT_NAMES:
        return
    for size in (2, 1):  # "Russian President Vladimir Putin": the demonym stands alone
        if len(words) > size and " ".join(words[:size]) in DEMONYMS:
            rest = words[size:]
            if rest[0] in PERSON_TITLES or _type_of(rest, False) == "person":
                end_demonym = tokens[size - 1][0] + len(tokens[size - 1][1])
                demonym = body[start:end_demonym]
                out.append(
                    Mention(start, end_demonym, demonym, DEMONYMS[" ".join(words[:size])], "place")
                )
                _emit(out, body, tokens[size:], after_title)
                return
    for i, (_, word) in enumerate(tokens):
        rest = words[i + 1 :]
        if word in PERSON_TITLES and not any(w in ORG_WORDS for w in rest):
            if i > 0:
                _emit(out, body, tokens[:i], False)
            _emit(out, body, tokens[i + 1 :], True)
            return
    if "and" in words:
        i = words.index("and")
        left_is_modifier = not any(w in ORG_WORDS for w in words[:i]) and words[-1] in ORG_WORDS
        if left_is_modifier:  # "National Security and Defense Council" is one name
            out.append(Mention(start, end, body[start:end], name, "org"))
            return
        _emit(out, body, tokens[:i], after_title)
        _emit(out, body, tokens[i + 1 :], after_title)
        return
    out.append(
        Mention(start, end, body[start:end], ALIASES.get(name, name), _type_of(words, after_title))
    )


def find_mentions(body: str, sentences: list[Sentence]) -> list[Mention]:
    """Every entity mention in the body, in order."""
    mentions: list[Mention] = []
    # Words the article capitalises somewhere other than a sentence start are names.
    midsentence: set[str] = set()
    for s in sentences:
        for m in _MIDSENTENCE_CAPITAL.finditer(s.text):
            midsentence.add(_POSSESSIVE.sub("", m.group(0)))
    for s in sentences:
        for run in _RUN.finditer(s.text):
            tokens: list[tuple[int, str]] = []
            split = _split_tokens(run.group(0), s.start + run.start())
            for index, (offset, word) in enumerate(split):
                if "-" in word and (hyphenated := _DEMONYM_COMPOUND.match(word)):
                    # "North Korean-made missiles": the place, not a name
                    tokens.append((offset, hyphenated.group(1)))
                    _emit_run(mentions, body, tokens, s, midsentence)
                    tokens = []
                    continue
                next_word = split[index + 1][1] if index + 1 < len(split) else ""
                if next_word == "Republic":  # "Democratic People's Republic of Korea"
                    tokens.append((offset, word))
                    continue
                stripped = _POSSESSIVE.sub("", word) if word[-2:] in ("'s", "’s") else word
                if stripped.endswith(".") and not _ACRONYM.match(stripped):
                    stripped = stripped.rstrip(".")
                tokens.append((offset, stripped))
                if stripped != word:  # a possessive ends the name: "Brookings Institution's Center"
                    _emit_run(mentions, body, tokens, s, midsentence)
                    tokens = []
            _emit_run(mentions, body, tokens, s, midsentence)
    return _apply_acronyms(body, mentions)


def _emit_run(
    out: list[Mention], body: str, tokens: list[tuple[int, str]], s: Sentence, midsentence: set[str]
) -> None:
    tokens = [(o, t) for o, t in tokens if t]
    if not tokens:
        return
    at_start = tokens[0][0] == s.start or not body[s.start : tokens[0][0]].strip("“\"‘'(• ")
    if at_start and len(tokens) == 1:
        word = tokens[0][1]
        known = word in PLACES or word in ALIASES or word in DEMONYMS or word in ORG_WORDS
        if not known and word not in midsentence:
            return
    if len(tokens) == 1 and _LOCATIVE.search(body[max(0, tokens[0][0] - 12) : tokens[0][0]]):
        word = tokens[0][1]
        if not (word in ORG_WORDS or word in DEMONYMS or word in ALIASES or word in NOT_NAMES):
            offset = tokens[0][0]
            out.append(Mention(offset, offset + len(word), word, word, "place"))
            return  # "in Kurks": a place, even one the gazetteer does not know
    _emit(out, body, tokens, False)


def _apply_acronyms(body: str, mentions: list[Mention]) -> list[Mention]:
    """Give an acronym defined in parentheses the name it stands for in this article."""
    defined: dict[str, str] = {}
    starts = [m.start for m in mentions]  # mentions come in body order
    for match in _ACRONYM_DEF.finditer(body):
        short = match.group("short")
        first = bisect.bisect_left(starts, match.start())
        last = bisect.bisect_right(starts, match.end("long"))
        for m in mentions[first:last]:
            if m.end <= match.end("long") and m.type == "org":
                defined[short] = m.name
        defined.setdefault(short, match.group("long"))
    return [
        Mention(m.start, m.end, m.text, defined[m.name], "org") if m.name in defined else m
        for m in mentions
    ]
