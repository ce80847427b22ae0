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
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from extract.gazetteer import (
    ALIASES,
    DEMONYMS,
    EVENT_WORDS,
    NOT_NAMES,
    ORG_WORDS,
    PERSON_TITLES,
    PLACES,
)
from extract.organisations import ACRONYMS, PORTFOLIO_WORDS
from extract.sentences import Sentence

ENTITY_TYPES = ("person", "org", "place", "other")

_TOKEN = r"(?:[A-Z][\w.]*(?:[-’'][\w.]+)*|[A-Z]\.(?:[A-Z]\.)+)"
_RUN = re.compile(rf"{_TOKEN}(?:\s+(?:(?:of|for|and|the|de|al|bin|van|von)\s+)*{_TOKEN})*")
_ACRONYM_DEF = re.compile(
    rf"(?P<long>{_TOKEN}(?:\s+(?:(?:of|for|and|the)\s+){{0,2}}{_TOKEN})+)\s+\((?P<short>[A-Z]{{2,6}})\)"
)
_SHORT_FORM = re.compile(r"\([A-Z]{2,6}\)")
_POSSESSIVE = re.compile(r"['’]s?$")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_DEMONYM_COMPOUND = re.compile(
    r"^([A-Z]\w+)-(?:made|occupied|backed|led|born|based|controlled|held|allied|linked|style)$"
)
_LOCATIVE = re.compile(r"\b(?:in|near|outside|across|into)\s+$")
_LOCATIVE_WORDS = frozenset({"In", "Near", "Outside", "Across", "Into"})
_ADMINISTERED = re.compile(
    r"\b(?:province|region|governorate|prefecture|district|county|municipality)\s+of\s+$", re.I
)
_ADMINISTRATION = re.compile(r"\s+(?:province|region|governorate|prefecture|district)\b")
_ARABIC_ARTICLES = frozenset({"Al", "El", "Ad", "Ar", "As", "Ash", "At", "Az"})
# "stake in Yukos", "shares in Gazprom", "investors in Google": a company, not a place
_MARKET_WORD = re.compile(
    r"\b(?:stakes?|shares?|shareholders?|investors?|investments?|invest|trade|trading|"
    r"holdings?|interests?|role|jobs?|investigation|inquiry|probe)\s+(?:in|into)\s+$"
)
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ic|ish|ive|ist)$")  # "in Asian markets"
_ADJECTIVE_WORD = re.compile(r"(?:ian|ean|ese|ic|ish|ive|ist|ine)$")  # "Argentine newspaper"
_NON_SPACE = re.compile(r"\S+")
_MIDSENTENCE_CAPITAL = re.compile(r"(?<=[\w,;:] )[A-Z][\w’'-]*")
_CONNECTORS = {"of", "for", "and", "the", "de", "al", "bin", "van", "von"}
_KNOWN_BODIES = frozenset(ACRONYMS.values())  # "Agence France-Presse", "Islamic State"
# Contractions, one letter, month abbreviations and clock words are never names: "I'm",
# "They're", "X", "Dec", "Pm".
_CONTRACTION = re.compile(r"^[A-Z][a-z]*[’'](?:m|re|ve|ll|d|t)$")
_NEVER_NAMES = frozenset(
    """Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Am Pm AM PM Neither Nor Either
    Whether Unlike Like Without Within Through Throughout Beyond Behind Above Below Inside
    Toward Towards Upon About Around Along Via Except Besides Beside Unless Whereas Because
    Once Where Whose Which Whom Perhaps Indeed Thus Hence Therefore Moreover Furthermore
    Nevertheless Nonetheless Otherwise Overall Finally Ultimately Initially Currently
    Recently Previously Yesterday Tomorrow Tonight Again Already Almost Often Sometimes Soon
    Nearly Never Always Usually Such Much Less Few Fewer Little Whatever Whenever Wherever
    Whoever Let Let's Hopefully Former Ex""".split()
)


@dataclass(frozen=True)
class Mention:
    """A name as written at start:end of the body, its normalised name and type."""

    start: int
    end: int
    text: str
    name: str
    type: str


def _never_a_name(word: str) -> bool:
    """A capitalised word that names nothing on its own: "The", "I'm", "X", "Dec"."""
    return (
        word in NOT_NAMES
        or word in _NEVER_NAMES
        or (len(word) == 1 and word.isalpha())
        or (("'" in word or "’" in word) and bool(_CONTRACTION.match(word)))
    )


def _type_of(tokens: list[str], after_title: bool) -> str:
    name = " ".join(tokens)
    if name in ALIASES:
        return _type_of(ALIASES[name].split(), False) if ALIASES[name] in PLACES else "org"
    if name in PLACES:
        return "place"
    if any(t in ORG_WORDS for t in tokens) or _ACRONYM.match(name) or name in _KNOWN_BODIES:
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


def _emit(
    out: list[Mention],
    unsure: set[int],
    body: str,
    tokens: list[tuple[int, str]],
    keep_the: bool = False,
) -> None:
    """Add the mentions a run of capitalised words holds, by the plan for its words (the
    index of each whose type is a guess to `unsure`); a "The" inside a sentence stays part
    of the name after it ("analysed by The Post")."""
    for first, stop, name, type_, sure in _plan(tuple(word for _, word in tokens), False):
        if keep_the and first == 1 and type_ in ("org", "other"):
            first, name = 0, f"The {name}"
        start, end = tokens[first][0], tokens[stop - 1][0] + len(tokens[stop - 1][1])
        if not sure:
            unsure.add(len(out))
        out.append(Mention(start, end, body[start:end], name, type_))


@lru_cache(maxsize=1 << 16)
def _plan(words: tuple[str, ...], after_title: bool) -> tuple[tuple[int, int, str, str, bool], ...]:
    """How a run of words splits into mentions: (first word, past last word, name, type,
    whether the type is sure: a title, the gazetteer or an organisation's word said so).

    A pure function of the words, cached: the same names recur across a library.
    """
    return tuple(_segments(words, 0, len(words), after_title))


def _segments(
    words: tuple[str, ...], lo: int, hi: int, after_title: bool
) -> list[tuple[int, int, str, str, bool]]:
    while lo < hi and (_never_a_name(words[lo]) or words[lo] in _CONNECTORS):
        lo += 1
    while hi > lo and words[hi - 1] in _CONNECTORS:
        hi -= 1
    if lo >= hi:
        return []
    part = words[lo:hi]
    name = " ".join(part)
    demonym = name[:-1] if name.endswith("s") and name[:-1] in DEMONYMS else name
    if demonym in DEMONYMS:  # "Ukrainian", "Ukrainians"
        return [(lo, hi, name, "place", True)]
    for size in (2, 1):  # "Russian President Vladimir Putin": the demonym stands alone
        if len(part) > size and " ".join(part[:size]) in DEMONYMS:
            rest = list(part[size:])
            if rest[0] in PERSON_TITLES or _type_of(rest, False) == "person":
                place = (lo, lo + size, " ".join(part[:size]), "place", True)
                return [place, *_segments(words, lo + size, hi, after_title)]
    for i, word in enumerate(part):
        if word in PERSON_TITLES and not any(w in ORG_WORDS for w in part[i + 1 :]):
            # "NATO Secretary General Mark Rutte": NATO, then a person.
            before = _segments(words, lo, lo + i, False) if i else []
            return [*before, *_segments(words, _past_portfolio(words, lo + i + 1, hi), hi, True)]
    if "and" in part and name in _KNOWN_BODIES:  # "... of Red Cross and Red Crescent Societies"
        return [(lo, hi, name, "org", True)]
    if "and" in part:
        i = part.index("and")
        between = part[i - 1 : i + 2 : 2]  # the words either side of "and"
        if all(w in PORTFOLIO_WORDS for w in between) and ORG_WORDS & {part[0], part[-1]}:
            return [(lo, hi, name, "org", True)]  # "National Security and Defense Council"
        return [
            *_segments(words, lo, lo + i, after_title),
            *_segments(words, lo + i + 1, hi, after_title),
        ]
    if "of" in part and not after_title:
        # "Eric Sellini of the CGT": a person, then what he is of
        i = part.index("of")
        right = [w for w in part[i + 1 :] if w != "the"]
        if (
            right
            and _type_of(list(part[:i]), False) == "person"
            and _type_of(right, False)
            in (
                "org",
                "place",
            )
        ):
            return [*_segments(words, lo, lo + i, False), *_segments(words, lo + i + 1, hi, False)]
    type_ = _type_of(list(part), after_title)
    sure = after_title or type_ in ("org", "place") or any(w in EVENT_WORDS for w in part)
    return [(lo, hi, name, type_, sure)]


def _past_portfolio(words: tuple[str, ...], lo: int, hi: int) -> int:
    """Where a person's name starts after a title: past the title's portfolio ("Secretary
    of State Antony Blinken", "Minister of Foreign Affairs and Trade Péter Szijjártó")."""
    if lo >= hi or words[lo] not in ("of", "for"):
        return lo
    at = lo + 1
    while at < hi and (
        words[at] in PORTFOLIO_WORDS
        or words[at] in ("and", "the")
        or words[at] in PLACES
        or words[at] in DEMONYMS
    ):
        at += 1
    return at if at < hi else lo


def _strip_possessive(word: str) -> str:
    """ "Putin's" -> "Putin", "Brussels'" -> "Brussels" (what _POSSESSIVE removes)."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "’")) else word


def find_mentions(body: str, sentences: list[Sentence]) -> list[Mention]:
    """Every entity mention in the body, in order."""
    mentions: list[Mention] = []
    unsure: set[int] = set()  # mentions typed by the shape of their words only
    located: set[int] = set()  # places only because they follow "in", "near" ...
    # Words the article capitalises somewhere other than a sentence start are names.
    midsentence = {
        _strip_possessive(m.group(0)) for m in _MIDSENTENCE_CAPITAL.finditer(body)
    }  # a sentence never starts after a letter or a comma, so the whole body will do
    for s in sentences:
        for run in _RUN.finditer(s.text):
            if _never_a_name(run.group(0)):
                continue  # "The", "But", "He", "Monday": most runs, and never names
            tokens: list[tuple[int, str]] = []
            split = _split_tokens(run.group(0), s.start + run.start())
            for index, (offset, word) in enumerate(split):
                if "-" in word and (hyphenated := _DEMONYM_COMPOUND.match(word)):
                    # "North Korean-made missiles": the place, not a name
                    tokens.append((offset, hyphenated.group(1)))
                    _emit_run(mentions, unsure, located, body, tokens, s, midsentence)
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
                    _emit_run(mentions, unsure, located, body, tokens, s, midsentence)
                    tokens = []
            _emit_run(mentions, unsure, located, body, tokens, s, midsentence)
    return _retype(body, _apply_acronyms(body, mentions), unsure, located)


def _emit_run(
    out: list[Mention],
    unsure: set[int],
    located: set[int],
    body: str,
    tokens: list[tuple[int, str]],
    s: Sentence,
    midsentence: set[str],
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
    # "in Kurks": a place, even one the gazetteer does not know; "In Bagnols-sur-Ceze,
    # population 18,000" at a sentence's start too
    after_locative = None
    if len(tokens) == 2 and tokens[0][1] in _LOCATIVE_WORDS and at_start:
        after_locative = tokens[1]
    elif len(tokens) == 1 and _LOCATIVE.search(body[max(0, tokens[0][0] - 12) : tokens[0][0]]):
        after_locative = tokens[0]
    if after_locative and _locative_place(out, body, after_locative):
        located.add(len(out) - 1)
        return
    start, end = tokens[0][0], tokens[-1][0] + len(tokens[-1][1])
    if 1 < len(tokens) <= 3 and (
        _ADMINISTERED.search(body[max(0, start - 25) : start])
        or _ADMINISTRATION.match(body, end)
        or (tokens[0][1] in _ARABIC_ARTICLES and _LOCATIVE.search(body[max(0, start - 12) : start]))
    ):
        # "the province of Al Haouz", "the Al Haouz region", "in Al Haouz": a place, whatever
        # its words look like
        name = " ".join(t for _, t in tokens)
        out.append(Mention(start, end, body[start:end], name, "place"))
        located.add(len(out) - 1)
        return
    keep_the = not at_start and len(tokens) > 1 and tokens[0][1] == "The"
    _emit(out, unsure, body, tokens, keep_the)


def _locative_place(out: list[Mention], body: str, token: tuple[int, str]) -> bool:
    """A one-word name after "in", "near" ... is a place, but for a company's
    ("shares in Yukos", "Microsoft's"), an adjective's ("in Asian markets") or a word
    that is never a place's."""
    offset, word = token
    if word in ORG_WORDS or word in DEMONYMS or word in ALIASES or _never_a_name(word):
        return False
    end = offset + len(word)
    if body[end : end + 2] in ("'s", "’s") or _ADJECTIVE.search(word):
        return False
    if _MARKET_WORD.search(body[max(0, offset - 40) : offset]):
        return False
    out.append(Mention(offset, end, word, word, "place"))
    return True


def _spells_out(long: str, short: str) -> bool:
    """Whether a long name can be what an acronym stands for: its first letter, and half its
    letters, begin words of the name (in any language's order: "National Electoral Council
    (CNE)", "Russian Federal Security Service (FSB)")."""
    initials = {w[0].upper() for w in re.split(r"[\s-]+", long) if w}
    return short[0] in initials and 2 * sum(c in initials for c in short) >= len(short)


def _apply_acronyms(body: str, mentions: list[Mention]) -> list[Mention]:
    """An acronym the article spells out, "General Confederation of Labour (CGT)": the
    expansion's mention is named with the acronym, "General Confederation of Labour (CGT)",
    so that the resolver joins the acronym to it (in this article, and elsewhere when no
    other expansion is given); the acronym's mentions are typed as an organisation (or as
    the place it stands for)."""
    defined: dict[str, str] = {}  # acronym -> type
    named: dict[int, str] = {}  # index of a mention -> its name with the acronym
    starts = [m.start for m in mentions]  # mentions come in body order
    for short_form in _SHORT_FORM.finditer(body):
        # The long pattern is slow over a whole body; try it only before each "(ABC)".
        window = max(0, short_form.start() - 120)
        match = _ACRONYM_DEF.search(body, window, short_form.end())
        if match is None or match.end() != short_form.end():
            continue
        short = match.group("short")
        first = bisect.bisect_left(starts, match.start())
        last = bisect.bisect_right(starts, match.end())
        expansion = next(
            (i for i in range(first, last) if mentions[i].end == match.end("long")), None
        )
        long_form = mentions[expansion].text if expansion is not None else match.group("long")
        if not _spells_out(long_form, short) or (
            expansion is not None and mentions[expansion].type == "person"
        ):
            continue  # "Lisa Raymond (US)": a nationality, not what US stands for
        acronym = next((i for i in range(first, last) if mentions[i].name == short), None)
        if expansion is not None:
            named[expansion] = f"{mentions[expansion].name} ({short})"
        elif acronym is not None:  # no mention of the expansion: the acronym says it
            named[acronym] = f"{match.group('long')} ({short})"
        kind = mentions[expansion].type if expansion is not None else "org"
        defined.setdefault(short, "place" if kind == "place" else "org")
    out = []
    for i, m in enumerate(mentions):
        type_ = defined.get(m.name, m.type)
        if i in named:
            out.append(Mention(m.start, m.end, m.text, named[i], defined.get(m.name, type_)))
        elif type_ != m.type:
            out.append(Mention(m.start, m.end, m.text, m.name, type_))
        else:
            out.append(m)
    return out


# What the words around a name say it is, for names whose words alone did not say.
_ORG_NOUNS = frozenset(
    """company companies firm group agency newspaper paper daily weekly broadcaster channel
    network party union bank carrier airline maker manufacturer giant outlet magazine website
    organisation organization association movement coalition alliance militia faction
    federation confederation retailer supplier producer operator publisher insurer lender
    regulator watchdog pollster institute conglomerate startup start-up""".split()
)  # "pager firm Gold Apollo", "intelligence agency, Mossad"
_ORG_AFTER = frozenset(
    """newspaper daily weekly agency spy correspondent correspondents reporter reporters
    militant militants fighter fighters member members operative operatives founder
    founders CEO shareholder shareholders subsidiary headquarters employees staff website
    broadcaster leader leaders leadership""".split()
)  # "the Sud Ouest newspaper", "Hezbollah members", "Mossad spy agency"
_PLACE_NOUNS = frozenset(
    """city town village port ports capital region province district suburb neighbourhood
    neighborhood island municipality county commune borough""".split()
)  # "the city of New Taipei", "Lebanon's capital, Beirut"
_KIN = frozenset(
    """wife husband son daughter brother sister mother father widow widower partner
    girlfriend boyfriend grandson granddaughter nephew niece cousin uncle aunt""".split()
)  # "his late wife, Rosalynn"
_AGE_AFTER = re.compile(r"\s*,\s*(?:(?:a|an)\s+\d{1,3}-year-old\b|\d{1,3}\s*,)")  # "Patrick, 61,"
_CAMEL_CASE = re.compile(r"[a-z]{3}[A-Z]")  # "TotalEnergies", "ExxonMobil": brands
_ARTICLES = frozenset({"Le", "La", "Les", "El", "Los", "Las", "Die", "Der", "Das", "Il", "Lo"})
_GEO_FIRST = frozenset(
    """North South East West Northern Southern Eastern Western Central Upper Lower Middle Far
    Near New San Santa Sao St Saint Lake Mount Port Fort Cape Gulf Pacific Atlantic""".split()
)
_LIST_GAP = re.compile(r"^(?:,\s*|,?\s+and\s+|,?\s+or\s+)$")  # "Le Havre, Marseille, Calais"


def _by_context(body: str, m: Mention) -> str | None:
    """What the words around a name say it is: "his late wife, Rosalynn", "the city of New
    Taipei", "Taiwanese company Gold Apollo", "the Sud Ouest newspaper"."""
    before = body[max(0, m.start - 40) : m.start].split()
    after = body[m.end : m.end + 40]
    last = before[-1].rstrip(",") if before else ""
    if last == "of" and len(before) > 1:
        if before[-2] in _PLACE_NOUNS:
            return "place"
        last = ""
    following = after.split(None, 2)
    first = following[0] if following and after[:1].isspace() else ""
    if first in ("'s", "’s") or after[:2] in ("'s", "’s"):
        first = following[1] if len(following) > 1 else ""
    if last in _KIN or _AGE_AFTER.match(after):
        return "person"
    if last in _PLACE_NOUNS:
        return "place"
    if last in _ORG_NOUNS or first in _ORG_AFTER:
        return "org"
    if after[:1] == ",":  # "the Intersyndicale, the group of eight union federations"
        words = after[1:].split(None, 4)[:4]
        if words and words[0] in ("the", "a", "an") and _ORG_NOUNS.intersection(words[1:]):
            return "org"
    return None


@lru_cache(maxsize=1 << 16)
def _by_form(name: str, type_: str) -> str | None:
    """What a name's own form says: a brand's inner capital ("TotalEnergies") is an
    organisation's; a French or Spanish article ("Le Havre", "Le Parisien") or a place's
    first word ("New Taipei", "Middle East") is no person's."""
    words = name.split()
    if _CAMEL_CASE.search(name) and any(_CAMEL_CASE.search(w) for w in re.split(r"[\s-]", name)):
        return "org"
    if type_ == "person" and len(words) > 1:
        if words[0] in _GEO_FIRST:
            return "place"
        if words[0] in _ARTICLES:
            return "other"
    return None


def _retype(
    body: str, mentions: list[Mention], unsure: set[int], located: set[int]
) -> list[Mention]:
    """Names whose words alone did not say what they are (a person by the shape of two
    capitalised words, or nothing), typed by the words around them or their own form,
    then by a list they stand in with a place the words around it said ("the ports of Le
    Havre, Marseille, Calais"), then as the article calls the same name where its type is
    sure. A place only because it follows "in" ("across Sky channels") or stands in a list
    says nothing of the name elsewhere: a "West Ham" beside Chelsea made every Chelsea a
    place."""
    if not unsure:
        return mentions
    types = [m.type for m in mentions]
    sure = [i not in unsure and i not in located for i in range(len(mentions))]
    seeds = set(located)  # places the words around them said
    for i in sorted(unsure):
        m = mentions[i]
        if " " not in m.name and _ADJECTIVE_WORD.search(m.name):
            continue  # "the Argentine newspaper": an adjective, not a name
        if found := _by_context(body, m):
            types[i], sure[i] = found, True
            if found == "place":
                seeds.add(i)
        elif found := _by_form(m.name, m.type):
            types[i], sure[i] = found, found != "other"
    listed: set[int] = set()
    run = [0]
    for i in range(1, len(mentions) + 1 if seeds else 0):
        gap = mentions[i].start - mentions[i - 1].end if i < len(mentions) else 99
        if gap <= 6 and _LIST_GAP.match(body[mentions[i - 1].end : mentions[i].start]):
            run.append(i)
            continue
        # three or more, or two with "and"; never "in Russia, Andrew Yeo, a senior fellow"
        joined = len(run) > 2 or (
            len(run) == 2 and "and" in body[mentions[run[0]].end : mentions[run[1]].start]
        )
        if joined and seeds.intersection(run) and all(types[j] in ("place", "other") for j in run):
            for j in run:
                if not sure[j] and j not in seeds:
                    types[j] = "place"
                    listed.add(j)
        run = [i]
    open_names = {mentions[i].name for i in unsure if not sure[i]}
    said: dict[str, Counter[str]] = defaultdict(Counter)
    for i, m in enumerate(mentions):
        if sure[i] and m.name in open_names:
            said[m.name][types[i]] += 1
    for i in unsure:
        if not sure[i] and i not in listed and i not in seeds and said.get(mentions[i].name):
            types[i] = said[mentions[i].name].most_common(1)[0][0]
    return [
        m if types[i] == m.type else Mention(m.start, m.end, m.text, m.name, types[i])
        for i, m in enumerate(mentions)
    ]
