"""Statements: an actor denying, confirming, dismissing or not denying something.

These become claims of kind `statement` with a stance, so that "the Kremlin dismissed the
reports as a hoax" can stand against "Putin did not deny" in the discrepancy view. A
stance verb's subject is its actor (`find_stance`); a sentence that says, without such a
verb, who did or did not do a thing is its speaker's stance on it (`find_assertion`):
"the pagers were made by BAC Consulting," Gold Apollo said (a confirmation that BAC made
them); "her company ... did not make pagers" and "This is not a security incident or
cyberattack," the chief executive said (denials).
"""

from __future__ import annotations

import re

from extract.attribution import looks_like_source

STANCES = ("deny", "not_deny", "confirm", "not_confirm", "acknowledge")

# (stance, pattern on the verb group); the subject is what comes before the match.
_STANCE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (stance, re.compile(pattern, re.I))
    for stance, pattern in (
        ("not_deny", r"\b(?:did not|didn't|has not|hasn't|have not|haven't|had not|would not"
                     r"|refused to|declined to) (?:deny|denied)\b"),
        # Saying nothing either way: a no-comment, an inability to verify.
        ("not_confirm", r"\b(?:did not|didn't|could not|couldn't|cannot|can't|would not"
                        r"|declined to|refused to|was unable to|were unable to"
                        r"|has not been able to)"
                        r" (?:(?:immediately |independently )?(?:confirm|verify|corroborate)"
                        r"|speak definitively|comment)\b"
                        r"|\b(?:declined|refused) (?:immediate |to make any )?comment\b"),
        # A denial by any word for it: not recognising a result, ruling a cause out.
        ("deny", r"\b(?:denied|denies|deny|dismissed|dismisses|rejected|rejects|refuted"
                 r"|ruled out|rules out|disputed|disputes|(?:did not|does not|do not|refused to"
                 r"|refuses to|will not|would not) recogni[sz]e)\b"),
        # A confirmation, or naming who did it or who won.
        ("confirm", r"\b(?:confirmed|confirms|verified|certified|blamed|blames"
                    r"|(?:proclaimed|declared)(?= [^,.;]{0,60}\b(?:winner|victor|victory)\b))\b"),
        ("acknowledge", r"\b(?:acknowledged|acknowledges|admitted|admits|admit)\b"),
    )
)  # fmt: skip
_ANY_STANCE = re.compile(
    r"deni|deny|dismiss|reject|refut|confirm|verif|acknowledg|admit|definitive|comment"
    r"|corroborat|ruled out|rules out|disput|recogni|certif|blame|proclaim|declared"
)
_LEADING = re.compile(
    r"^(?:(?:however|meanwhile|instead|but|and|yet|so|also|on \w+|in \w+(?: \w+)?|until now|"
    r"last \w+|earlier|both)\s*,?\s*)+",
    re.I,
)
_AUX = re.compile(
    r"\s+(?:has|have|had|was|were|is|are|also|so far|previously|swiftly"
    r"|(?:said|says|added|told \w+) (?:he|she|they|it|that))$",
    re.I,
)


_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be|get|got)\s+$", re.I)

# Who did (or did not do) a thing, said without a stance verb: the speaker's stance.
_ASSERTIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (stance, re.compile(pattern, re.I))
    for stance, pattern in (
        ("deny", r"\b(?:did not|didn't|does not|doesn't|do not|don't|never)\s+(?:make|manufacture"
                 r"|produce|build|supply|plant|carry out|order)\b"
                 r"|\b(?:have|has|had|were|was|are|is)\s+(?:not|never)\s+(?:been\s+)?(?:made"
                 r"|manufactured|produced|built|planted|carried out)\b"
                 r"|\b(?:was|were|is|are)(?:n't|\s+not)\s+(?:ours|theirs|his|hers|behind)\b"
                 r"|\bhad nothing to do with\b"
                 r"|\b(?:is|was)(?:n't|\s+not)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:attack"
                 r"|cyberattack|hack|breach|incident|sabotage|act of terrorism)\b"),
        ("confirm", r"\b(?:were|was|are|is|been|being)\s+(?:\w+\s+){0,2}?(?:made|manufactured"
                    r"|produced|built|assembled|planted|carried out|orchestrated|supplied"
                    r"|designed)(?:\s+and\s+\w+)?\s+(?:[\w-]+\s+){0,2}?by\b"
                    r"|\b(?:was|were)\s+(?:behind|responsible for)\b"
                    # "stickers that were consistent with pagers made by Gold Apollo"
                    r"|\b(?:consistent with|matched|matching|identical to)\s+(?:[\w-]+\s+){0,3}?"
                    r"(?:made|manufactured|produced|sold)\s+by\b"),
    )
)  # fmt: skip
# Two cheap searches of the lower-cased sentence before the patterns: a word of what was
# done, and a word of who did it or not (a quarter of sentences pass the second alone, one
# in ten both). Plain words: ignoring case, or a \b in a branch, makes a search of many
# branches ten times slower.
_ANY_DEED = re.compile(
    r"ma[kd]|manufactur|produc|buil|suppl|plant|carr|order|ours|theirs|t his|t hers|behind"
    r"|nothing to do|attack|hack|breach|incident|sabotage|terroris|assembl|orchestrat|design"
    r"|responsible"
)
_ANY_ASSERTION = re.compile(
    r"by|n[o']t|never|nothing|behind|responsible|manufactured|produced|planted|carried out"
    r"|orchestrated"
)


def find_assertion(sentence: str) -> tuple[str, int, int] | None:
    """(stance, start, end) of the first words in a sentence saying who did or did not do a
    thing (see the module's docstring); its speaker is the sentence's source."""
    lowered = sentence.lower()
    if not (_ANY_DEED.search(lowered) and _ANY_ASSERTION.search(lowered)):
        return None
    found = [(m.start(), stance, m.end()) for stance, p in _ASSERTIONS if (m := p.search(sentence))]
    if not found:
        return None
    start, stance, end = min(found)
    return stance, start, end


def find_stance(sentence: str) -> tuple[str, str, int, int] | None:
    """(stance, actor, start, end) of the first stance verb with a named actor, if any."""
    if not _ANY_STANCE.search(sentence):
        return None  # most sentences: one cheap search instead of five
    for stance, pattern in _STANCE_PATTERNS:
        match = pattern.search(sentence)
        if match is None:
            continue
        before = sentence[: match.start()]
        if before.count("“") > before.count("”") or before.count('"') % 2:
            continue  # inside a quotation
        if _PASSIVE.search(before):
            continue  # "Henry is ruled out", "his claims were denied by ...": no actor's own
        actor = before.strip()
        if "," in actor:
            actor = actor.rsplit(",", 1)[-1].strip() or actor
        actor = _LEADING.sub("", actor)
        for _ in range(3):
            actor = _AUX.sub("", actor)
        if re.match(r"^(?:it|this|that|there)\b", actor, re.I):
            continue  # "it was confirmed by ..." names no actor here
        if not actor or not (actor[0].isupper() and looks_like_source(actor)):
            continue
        return stance, actor, match.start(), match.end()
    return None
