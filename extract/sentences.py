"""Sentences with character offsets into the article body.

A paragraph (one body line) never shares a sentence with another, so headings and captions
without a full stop stay on their own. Within a paragraph, a full stop ends a sentence unless
it closes a known abbreviation ("U.S.", "Mr.") or an initial. Text that runs on without one
(a pasted table, a line of 200,000 characters) is cut into sentences of at most
MAX_SENTENCE characters at a clause break: every claim carries its sentence, and one
sentence holding thousands of figures made each of their claims carry all of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col sgt capt maj adm gov sen rep st jr sr no vs etc inc ltd
    co corp dept jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m
    p.m""".split()
)
# A terminal mark, optional closing quotes/brackets, then space and an opening of a sentence.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


MAX_SENTENCE = 1000  # characters
_CLAUSE_BREAK = re.compile(r"[;,:)\]]\s|\s[-–—]\s")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _ends_with_abbreviation(text: str) -> bool:
    word = re.search(r"(\S+)\.$", text[-24:])
    if not word:
        return False
    token = word.group(1).lower().lstrip("(\"'“‘")
    return token in _ABBREVIATIONS or bool(re.fullmatch(r"[a-z]", token))


def split_sentences(body: str) -> list[Sentence]:
    """All sentences of the body, in order, with their offsets."""
    sentences: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", body):
        base, text = para.start(), para.group(0)
        start = 0
        for boundary in _BOUNDARY.finditer(text):
            end = boundary.end()
            if _ends_with_abbreviation(text[start:end]):
                continue
            _append(sentences, base, text, start, end)
            start = end
        _append(sentences, base, text, start, len(text))
    return sentences


def _append(out: list[Sentence], base: int, text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = base + start + lead
    while len(stripped) > MAX_SENTENCE:
        cut = _cut(stripped)
        piece = stripped[:cut].rstrip()
        out.append(Sentence(s, s + len(piece), piece))
        rest = stripped[cut:]
        s += cut + len(rest) - len(rest.lstrip())
        stripped = rest.strip()
    if stripped:
        out.append(Sentence(s, s + len(stripped), stripped))


def _cut(text: str) -> int:
    """Where to cut a run-on sentence: after its last clause break (or else its last space)
    within MAX_SENTENCE characters."""
    window = text[:MAX_SENTENCE]
    breaks = [m.start() + 1 for m in _CLAUSE_BREAK.finditer(window)]
    if breaks and breaks[-1] > MAX_SENTENCE // 2:
        return breaks[-1]
    space = window.rfind(" ")
    return space if space > MAX_SENTENCE // 2 else MAX_SENTENCE
