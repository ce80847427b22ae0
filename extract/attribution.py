"""Who a sentence attributes its content to.

Rules, tried in order:
1. "according to X" names X (up to the next comma or clause).
2. A speaker after a closing quote: "...,” Mathew Miller told a briefing.
3. A reporting verb (said, told, reported, estimated, ...): its subject, after leading
   adverbials ("On Monday,") are set aside; "X, a spokesperson for Y, told" keeps both.
4. A pronoun or a definite description as subject ("it said", "The intelligence service
   reports") refers back to the latest attribution in the previous sentences that it fits.
"""

from __future__ import annotations

import re

from extract.text import trie

_VERBS = (
    r"said|says|told|tells|reported|estimated|confirmed|confirms|stated|revealed|reveals"
    r"|noted|suggested|suggests|believes|believed|warned|warns|tracked|assessed|assesses"
    r"|added|adds|claimed|announced|announces|accused|accuses|suspects|suspected|denied"
    r"|denies|dismissed|acknowledged|admitted|indicated|indicates|showed|cited|wrote|writes"
    r"|unveiled|proposed|pledged|promised|forecast|predicted|calculated"
)
_SPEECH = frozenset({"said", "says", "told", "tells"})
# Words that are as often nouns ("EU states", "media reports"): verbs only before "that".
_VERBS_BEFORE_THAT = r"reports|report|estimates|estimate|states|claims|notes|shows|say"
_VERB = re.compile(
    rf"\b(?:has |have |had |also |previously |earlier )?"
    rf"(?P<verb>(?:{trie(_VERBS.split('|'))})|(?:{trie(_VERBS_BEFORE_THAT.split('|'))})"
    rf"(?=\s+that\b))\b(?!\s+(?:to)\b)"
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:“”\"]+)", re.I)
_CITING = re.compile(
    r"\bciting\s+(?:an?\s+|the\s+)?(?P<who>[^,.;:“”\"]{3,80}?)\s+(?:that|as saying)\b", re.I
)
_QUOTE_SPEAKER = re.compile(
    rf"(?:[,.!?][”\"]|”)\s*,?\s*(?P<who>[^“”\"]{{2,120}}?)\s+(?:{_VERBS})\b", re.S
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:on|in|at|by|earlier|later|late|early|last|this|meanwhile|however|additionally|"
    r"instead|also|then|amid|after|before|since|speaking|asked|when|while|but|and|yet|"
    r"separately|previously|now|still|so|thus|today|yesterday|overall|as|in contrast|"
    r"\w+ing)\b",
    re.I,
)
# A clause of its own between a verb and the figure: "officials said X, but Y is thought to
# have £2bn" does not attribute the £2bn to the officials.
_NEW_CLAUSE = re.compile(r"[,;]\s+(?:but|while|whereas|although|though)\b|;")
_INVERTED_SPEAKER = re.compile(
    r"[,”\"]\s+(?:said|says|added|adds|told reporters)\s+(?P<who>[^,.;“”\"]{2,80}?)[.;]?[”\"]?$"
)
_CONJUNCTION = re.compile(r"^(?:but|and|yet|so)\s+", re.I)
_NOUN_USE = re.compile(r"\b(?:amid|the|of|these|those|such|unconfirmed|recent)\s*$", re.I)
_TRAILING_TIME = re.compile(
    r"\s+(?:(?:last|this|earlier|later|on|in)\s+)+(?:week|month|year|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|morning|evening|night)s?$",
    re.I,
)
_TRAILING_AGE = re.compile(r",\s*\d{1,3}$")  # "Spacey, 45"
_TRAILING_ADVERB = re.compile(r"\s+(?:now|also|still|already|then|later|too|however)$", re.I)
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "the agency", "the ministry"})
_NOBODY = frozenset({"everybody", "everyone", "nobody", "someone", "somebody", "anyone", "all"})
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_MAX_WORDS = 10


# Nouns that name a source even without a capital letter ("the ministry said").
SOURCE_NOUNS = frozenset(
    """official officials spokesperson spokesman spokeswoman spokespeople ministry minister
    ministers agency department government administration intelligence service police
    military army force forces report reports survey study research researchers data figures
    statistics analyst analysts economist economists expert experts source sources media
    company firm bank group lawyers lawyer prosecutors prosecutor court judge officer
    officers commander authorities authority organisers organizers union unions council
    committee regulator watchdog institute agency campaigners critics observers
    investigators witnesses residents doctors scientists estimates estimate poll polls
    newspaper paper broadcaster channel network website statement documents president
    chairman chief executive director secretary manager coach spokesmen""".split()
)
_NOT_IN_A_SOURCE = frozenset(
    """is was are were be been being has have had would will could should may might can
    cannot not but if when while because although though since until so than then there
    here this these those which what who whom whose how why where comes came goes went
    won lost""".split()
)
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|\\d+"


def looks_like_source(who: str) -> bool:
    """A noun phrase that can be a source: a name, a role, a pronoun; not a clause."""
    words = re.findall(r"[\w'’-]+", who)
    if not words or len(words) > _MAX_WORDS or re.match(r"\d", who):
        return False
    if re.match(rf"(?:{_NUMBER_WORDS})\b|(?:he|she|it|they|we|i|you)['’]", who, re.I):
        return False  # "Two outstanding pieces of play", "He's very talented"
    lower = [w.lower() for w in words]
    if lower[0] in _PRONOUNS or who.lower() in _PRONOUNS:
        return len(words) == 1 and lower[0] not in ("i", "you")
    if lower[0] in _NOBODY:
        return False
    if any(w in _NOT_IN_A_SOURCE for w in lower):
        return False
    if any(w[0].isupper() for w in words[1:]) or (
        words[0][0].isupper() and lower[0] not in ("the", "a", "an", "this", "that")
    ):
        return True  # a name
    return any(w.rstrip("s") in SOURCE_NOUNS or w in SOURCE_NOUNS for w in lower)


_EDGE_WORDS = re.compile(r"^(?:and|or|but|so)\s+|\s+(?:and|or|but)$", re.I)
_EDGE_PUNCTUATION = " ,;:-–—\"“”'‘’"


def _tidy(who: str) -> str | None:
    who = re.sub(r"\s+", " ", who).strip(_EDGE_PUNCTUATION)
    who = _TRAILING_ADVERB.sub("", _TRAILING_TIME.sub("", who)).strip(_EDGE_PUNCTUATION)
    who = _EDGE_WORDS.sub("", _TRAILING_AGE.sub("", who)).strip(_EDGE_PUNCTUATION)
    if not who or not looks_like_source(who):
        return None
    return who


def _subject(prefix: str, figure_before_verb: bool) -> str | None:
    """The subject of a reporting verb from the text before it."""
    segments = [s.strip() for s in re.split(r",(?![^()]*\))", prefix)]
    while len(segments) > 1 and _LEADING_ADVERBIAL.match(segments[0]):
        if conjunction := _CONJUNCTION.match(segments[0]):
            segments[0] = segments[0][conjunction.end() :]  # "But Mr Brown's advisor Ed Balls"
            if looks_like_source(segments[0]):
                break
        segments.pop(0)
    segments = [s for s in segments if s]
    if not segments or (len(segments) == 1 and _LEADING_ADVERBIAL.match(segments[0])):
        return None
    last = segments[-1]
    if figure_before_verb or len(segments) == 1:
        if len(segments) >= 2 and re.match(r"^(?:a|an|the)\s+[a-z]", last):
            # "Jeon Ha-kyou, a spokesperson for Seoul's defence ministry, told"
            return _tidy(f"{segments[-2]}, {last}")
        return _tidy(last)
    # A list subject: "The U.S., Ukraine, and South Korea have accused"
    return _tidy(", ".join(segments))


_CUE_WORDS = f"according to|citing|{_VERBS}|{_VERBS_BEFORE_THAT}".split("|")
_CUE = re.compile(rf"\b(?:{trie(_CUE_WORDS)})\b")


def names_a_source(sentence: str) -> bool:
    """Cheap test: could this sentence name a source at all? Most sentences cannot."""
    return bool(_CUE.search(sentence.lower()))


def attribute_sentence(sentence: str, figure_at: int | None = None) -> str | None:
    """The source named in this sentence alone, if any."""
    lower = sentence.lower()
    according = _ACCORDING.search(sentence) if "according to" in lower else None
    if according:
        return _tidy(_ARTICLE.sub("", according.group("who")))
    quote = _QUOTE_SPEAKER.search(sentence) if ("”" in sentence or '"' in sentence) else None
    if quote and (who := _tidy(quote.group("who"))):
        return who
    inverted = _INVERTED_SPEAKER.search(sentence)
    if (
        inverted
        and (figure_at is None or figure_at < inverted.start())
        and (who := _tidy(inverted.group("who")))
    ):
        return who  # "..., said Mr Allard."
    citing = _CITING.search(sentence) if "citing" in lower else None
    # "a report citing an official that as many as 40"
    if (
        citing
        and (figure_at is None or figure_at > citing.end())
        and (who := _tidy(citing.group("who")))
    ):
        return who
    verbs = [
        v
        for v in _VERB.finditer(sentence)
        if not _NOUN_USE.search(sentence[max(0, v.start() - 20) : v.start()])
    ]
    if figure_at is not None:
        # Verbs cut off from the figure by a clause of their own do not govern it.
        verbs = [
            v for v in verbs
            if v.start() > figure_at or not _NEW_CLAUSE.search(sentence[v.end() : figure_at])
        ]  # fmt: skip
        before = [v for v in verbs if v.start() < figure_at]
        if before:
            # A speech verb before the figure governs it ("Balls said an examination showed
            # £35bn": Balls is the claimant); else the reporting verb nearest before it.
            speech = [v for v in before if v.group("verb") in _SPEECH]
            chosen = speech[0] if speech else max(before, key=lambda v: v.start())
            verbs = [chosen, *(v for v in verbs if v is not chosen)]
    for verb in verbs:
        clause_start = max((v.end() for v in verbs if v.end() <= verb.start()), default=0)
        prefix = sentence[clause_start : verb.start()]
        if sentence[: verb.start()].count("“") > sentence[: verb.start()].count("”"):
            continue  # a verb inside a quotation is not the attribution
        if sentence[: verb.start()].count('"') % 2:
            continue
        prefix = re.sub(r"\b(?:that|who|which)\s*$", "", prefix.rstrip())
        # "..., the Financial Times has reported." ends the sentence: its subject is the
        # last clause, as when the figure comes before the verb.
        at_end = not sentence[verb.end() :].strip(" .”\"'")
        figure_first = (figure_at is not None and figure_at < verb.start()) or at_end
        who = _subject(prefix, figure_first)
        if who:
            return who
    return None


def is_back_reference(who: str) -> bool:
    """A pronoun or a definite description that needs an earlier sentence to mean anything."""
    lower = who.lower()
    if lower in _PRONOUNS:
        return True
    return lower.startswith("the ") and not any(w[0].isupper() for w in who.split()[1:])


def resolve_back_reference(
    who: str, earlier: list[str | None], last_person: str | None = None
) -> str | None:
    """What `who` refers to: the person last named for "he"/"she", the latest attribution
    that fits for "it" or "the intelligence service". None for a pronoun that refers to
    nothing found; `who` itself for a description that fits nothing earlier.
    """
    lower = who.lower()
    candidates = [e for e in reversed(earlier[-3:]) if e]
    if lower in ("he", "she"):
        return last_person
    if lower in _PRONOUNS:
        return candidates[0] if candidates else None
    head = lower.split()[-1]
    for candidate in candidates:
        if head in candidate.lower():
            return candidate
    return who
