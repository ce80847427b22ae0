"""Quantity claims in a sentence: the figure, its hedge, the interval it implies, its unit.

Hedge rules (the interval is what the wording commits the source to):
- exact      "12,000"                    [v, v]
- approx     about, around, roughly, some, nearly, an estimated, just under, just over,
             "or so"                                              [0.9 v, 1.1 v]
- at_least   at least, no fewer than, "or more", "and larger", "-plus"  [v, open]
- more_than  more than, over, upwards of, exceeded               [v, open]
- at_most    as many as, no more than, not exceeding, fewer than, never exceeded  [open, v]
- up_to      up to                                                [open, v]
- range      "between 10,000 and 12,000", "3,000-5,000", "the 100-to-300 spectrum"  [a, b]
- vague      "several thousand", "thousands", "dozens"           see VAGUE
"over two consecutive days" is during (exact), not more than.

Numbers as articles write them: "a million", "$US14 billion", "A$33bn", "325.5p" (pence),
"7.2MB"; "3,241461" (a comma lost) is the number its digit groups evidently make, and any
other broken group ("$1,8923", "£5,001and") is no figure rather than a wrong one.

Fractions in words are shares, unit "%": "about one-third of teachers" (33.33, approx), "half
the city's districts" (50), "two out of three French people" (66.67), "one in five adults";
not "the second half of 2004", "half his age", "a quarter of a point", "one half of the duo";
"a quarter of a million" is the number 250,000.

Two figures or one:
- "from 62 to 64" where the sentence is about a change ("raise the retirement age from 62
  to 64", "fell from 7,613 to 6,630") is two figures, the value before and after, each exact;
  otherwise "from" ... "to" is a range.
- A sum with its conversion in brackets, "US$20bn (A$33bn)", "HK$327m (US$42m; £22m)",
  "30ft (10m)", is one figure in the first unit; the first conversion is kept on it.

The unit is the noun written after the figure ("12,000 soldiers", "32 people dead"); a word
that says how it was counted or what happened is not one ("3.5 million nationwide", "1.27
million estimated", "3,000 wounded"). A figure with no noun of its own takes its unit from
the frame of its sentence or from the sentence's other figures: the rules are stated in
extract/counted.py. A word number, a bare small number or a vague amount that gets no unit
that way is no claim ("one of them", "thousands" alone).

Not quantities: years, dates, clock times, list markers, ages ("aged 16 to 18", "people over
60"), codes ("KN-23", "007"), ordinals and ranks ("world number 46", "on day two"), numbered
provisions ("Art. 49.3", "article 6", "Section 404 of the Act"), addresses, versions,
ratios ("ten times more"), "100 percent not", and descriptions ("two of the world's largest
brewers"). "N units before/after" an event says when, unless bounded ("more than six hours
after"), lasting ("for seven years before") or a delay; "Ten years ago" always says when.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.counted import (
    NOT_COUNTED,
    Slot,
    frame_unit,
    inherited_units,
    is_participle,
    is_plural,
    may_follow_plural,
)
from extract.text import trie
from extract.words import APPROX_TOLERANCE, bound, exact_enough

# Vague amounts: (pattern, low, high). "several thousand" is 2,000 to 9,999.
VAGUE: tuple[tuple[str, float, float], ...] = (
    (r"hundreds of thousands", 200_000, 999_999),
    (r"tens of thousands", 20_000, 99_999),
    (r"hundreds of millions", 200_000_000, 999_999_999),
    (r"tens of millions", 20_000_000, 99_999_999),
    (r"(?:several|a few) million", 2_000_000, 9_999_999),
    (r"millions", 2_000_000, 999_999_999),
    (r"(?:several|a few) hundred billion", 200_000_000_000, 999_999_999_999),
    (r"(?:several|a few) hundred million", 200_000_000, 999_999_999),
    (r"(?:several|a few) hundred thousand", 200_000, 999_999),
    (r"(?:several|a few) thousand", 2_000, 9_999),
    (r"thousands", 2_000, 99_999),
    (r"(?:several|a few) hundred", 200, 999),
    (r"hundreds", 200, 999),
    (r"(?:several|a few) dozen", 24, 99),
    (r"dozens", 24, 99),
)
_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "mn": 1_000_000,
    "bn": 1_000_000_000, "tn": 1_000_000_000_000,
}  # fmt: skip
# Currency signs, with the country letters written before or after a dollar sign: "US$20bn",
# "$US14 billion", "A$33bn", "HK$327m".
_CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "$us": "USD", "a$": "AUD", "au$": "AUD", "$a": "AUD",
    "c$": "CAD", "ca$": "CAD", "$c": "CAD", "nz$": "NZD", "$nz": "NZD", "hk$": "HKD",
    "$hk": "HKD", "s$": "SGD", "sg$": "SGD", "nt$": "TWD", "r$": "BRL", "€": "EUR",
    "£": "GBP", "¥": "JPY", "₩": "KRW",
}  # fmt: skip
_CURRENCY = r"(?:US|AU?|CA?|NZ|HK|SG?|NT|R)\$|\$(?:US|A|C|NZ|HK)?|[€£¥₩]"
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "won": "KRW", "yen": "JPY", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH", "yuan": "CNY",
}  # fmt: skip
_DOLLARS = {
    "Australian": "AUD", "Canadian": "CAD", "Hong Kong": "HKD", "New Zealand": "NZD",
    "Singapore": "SGD", "Taiwan": "TWD", "US": "USD", "American": "USD",
}  # fmt: skip
# Synonyms compared as one thing counted.
CONCEPTS = {
    "troops": "troops", "soldiers": "troops", "servicemen": "troops", "personnel": "troops",
    "fighters": "troops", "infantry": "troops", "recruits": "troops", "forces": "troops",
    "military personnel": "troops", "service members": "troops", "troop": "troops",
    "soldier": "troops", "officer-level personnel": "officers", "officer": "officers",
}  # fmt: skip
DURATIONS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade",
             "century"}  # fmt: skip

_TIME_UNITS = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))s?"
_WORD_NUM = "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
# "3,241461": digit groups that lost a comma are read as the groups they evidently are;
# any other run of digits after a comma ("3,2414", "1,5") is no figure (see _MALFORMED).
_DIGITS = r"\d{1,3}(?:,\d{3})*,(?:\d{3}){2,}(?!\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:k|m|mn|bn|tn)\b)"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
# Units written onto the number: "7.2MB", "1.35km/h", "6.39secs", "325.5p" (pence).
_ABBREVIATED = (
    r"(?:km/h|kmh|km|kg|mm|cm|ml|mbps|gbps|kbps|mb|gb|tb|kb|mph|ghz|mhz|mw|gw|kwh|kw|ft|lbs?"
    r"|secs?|bpd|p(?!\.?m\b))"
)
_ABBREVIATED_UNITS = {"p": "pence", "sec": "seconds", "secs": "seconds", "lb": "lbs"}


def _number(name: str) -> str:
    """A figure in digits or words, its groups prefixed with name."""
    return (
        rf"(?P<{name}>(?:(?P<{name}_cur>{_CURRENCY})\s?)?(?P<{name}_num>{_DIGITS})"
        rf"(?P<{name}_scale>{_SCALE})?(?P<{name}_abbr>{_ABBREVIATED})?(?![A-Za-z0-9'’])"
        rf"|(?P<{name}_half>(?:(?:{_WORD_NUM}) and a half|half an?) (?:thousand|million|billion))\b"
        rf"|(?P<{name}_words>(?:{_WORD_NUM}|an?(?=\s+{_SCALE_WORD}\b))"
        rf"(?:[\s-]+(?:{_WORD_NUM}|hundred|thousand|million|billion|trillion))*)\b"
        rf"|(?P<{name}_dozen>a dozen)\b"
        rf"|(?P<{name}_one>an?)(?=\s+{_TIME_UNITS}\b))"  # "around an hour": only with a hedge
    )


_VAGUE = "|".join(f"(?:{p})" for p, _, _ in VAGUE)
# Shares in words: "one-third of teachers", "half the city's districts", "two out of three
# French people", "one in five adults". A fraction is a share of something named after it.
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
    "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
_FRACTION = "|".join(sorted(_FRACTIONS, key=len, reverse=True))
_OF_SOMETHING = r"(?=\s+(?:of|the|its|their|his|her|our|all|these|those)\b|\s+[A-Z][\w-]*['’]s\b)"
_SHARE = (
    rf"(?P<share>(?:(?P<share_n>{_WORD_NUM}|an?)[\s-]+(?P<share_d>{_FRACTION})|half)"
    rf"{_OF_SOMETHING}"
    rf"|(?P<share_x>{_WORD_NUM}|\d{{1,2}})\s+(?:out\s+of|in)\s+(?P<share_y>{_WORD_NUM}|\d{{1,3}})\b"
    rf"(?![.,]?\d)(?!\s*(?:%|per\b|times\b|{_TIME_UNITS}\b)))"
)
_FIGURE = re.compile(
    rf"(?<![\w.,/-])(?:(?P<vague>{_VAGUE})\b|{_SHARE}"
    rf"|{_number('first')}(?:(?P<join>-to-|\s*(?:-|–|to|and)\s*){_number('second')})?)",
    re.I,
)
# "a quarter of a million": a number; "a quarter of a percentage point": a part of a unit.
_OF_A_UNIT = re.compile(
    r"^\s+of\s+an?\s+(?:(?P<scale>hundred|thousand|million|billion|trillion)\b|(?:percentage\s+)?"
    r"point|mile|inch|metre|kilometre|second|pound|dollar|cent)",
    re.I,
)
# "the second half of", "half of the year": a part of a whole or of a time, not a share.
_NOT_SHARE_BEFORE = re.compile(
    r"\b(?:the|a|an|first|second|other|latter|this|that|each|every|one|and|its|their|his|her"
    r"|our|my|your|top|bottom|back|front|opening|closing)\s+$",
    re.I,
)
_OF_A_TIME = re.compile(
    rf"^\s+of\s+(?:(?:the|this|that|an?|next|last|each)\s+)?(?:{_TIME_UNITS}|season|term|game"
    r"|match|way|time|distance|race|period|quarter|half|century|\d{4})\b",
    re.I,
)
_HEDGE_BEFORE = (
    ("approx", r"just (?:under|over|below|above|short of)|slightly (?:under|over|below|above)"),
    ("at_most", r"as many as|no more than|not exceeding|not more than|at most|a maximum of"
                r"|fewer than|less than|under|below|never exceed(?:ed|s)?"
                r"|(?:did|does|do|has|have|had) not exceed(?:ed)?"),
    ("at_least", r"at least|no fewer than|no less than|a minimum of"),
    ("up_to", r"up to"),
    ("more_than", r"more than|over|upwards of|in excess of|exceed(?:s|ed|ing)?|top(?:s|ped)"
                  r"|surpass(?:es|ed)"),
    ("approx", r"about|around|approximately|roughly|some|nearly|almost|close to|an estimated"
               r"|estimated|circa|approx\.|~"),
    ("range", r"between|from"),
)  # fmt: skip
# One pattern for all hedges; the match that starts first wins, so "not exceeding" beats
# "exceeding", "no fewer than" beats "fewer than" and "just under" (approx) beats "under".
# Two hedges may name the same word ("approx" and "at_most" both hold "under"): a group
# name is given once, so the later ones are numbered.
_HEDGE_RE = re.compile(
    r"(?:^|\W)(?:"
    + "|".join(f"(?P<{hedge}{i}>{words})" for i, (hedge, words) in enumerate(_HEDGE_BEFORE))
    + r")\s+(?:only\s+|just\s+)?$",
    re.I,
)
# "over two consecutive days": during, not more than.
_DURING = re.compile(r"^\s+(?:consecutive|straight|successive)\b", re.I)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WINDOW = 60  # characters before a figure that its hedge or context can take
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b", re.I)
_TIME_AFTER = re.compile(
    r"^(?::\d{2}|\s*(?:a\.?m\.?|p\.?m\.?|gmt|bst|utc|cet|est|edt|hrs|hours gmt)(?!\w))", re.I
)
_AGE_APPOSITION = re.compile(r"[A-Z][\w'’-]+,\s*$")  # "Mr Jackson, 46, denies"
# A sentence that opens with a name holding a number; not one that opens with a hedge or a
# function word ("Some 280 demonstrations", "About 80%", "Another 500", "All 67 million").
_NAME_OPENS = re.compile(r"^\s*[\"'“‘(]?([A-Z][A-Za-z]+)\s+$")
_OPENING_WORDS = frozenset(
    """the a an some about around nearly almost over more less fewer only just another all at in
    on by of for from to with and but or so up exactly roughly approximately estimated between
    under than since after before during each every these those its their his her our my your
    many both when while if as last next this that there here now then still even also yet
    barely fully well perhaps maybe circa top total another below above beyond within without
    among including except like unlike per via plus minus nearly some least most meanwhile
    whilst however although though thus hence therefore indeed overall today yesterday now
    already still instead besides moreover furthermore nevertheless nonetheless otherwise
    altogether so""".split()
)
_NAME_BEFORE = re.compile(r"(?<=\S)\s+[A-Z][A-Za-z]+\s+$")  # "Radio 1", "Article 50"
_SCORE_AFTER = re.compile(
    r"^\s+(?:win|wins|victory|defeat|loss|lead|draw|deficit|half-time|scoreline|down|up)\b", re.I
)
# "Ten years ago", "three days before he meets": when, not how many. But a duration before or
# after an event is the claim when a bound is put on it ("more than six hours after the
# closure"), when it says for how long ("continued for around an hour after"), or when it is
# the length of a delay ("The delay in announcing results - six hours after polls closed").
_AGO_AFTER = re.compile(rf"^\s+{_TIME_UNITS}\s+ago\b", re.I)
_WHEN_AFTER = re.compile(rf"^\s+{_TIME_UNITS}\s+(?:before|after|later|earlier)\b", re.I)
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.I)
_DELAY_BEFORE = re.compile(
    r"\b(?:delay(?:s|ed)?|wait(?:s|ed|ing)?|lag|gap|interval|pause|hold-up)\b", re.I
)
_AGE_WORDS = ("age", "over", "under", "above", "below")  # what _AGE_BEFORE needs to match
_AGE_AFTER = re.compile(r"^-?\s*(?:years?|yrs?)[- ]olds?\b", re.I)
# A person's age: "players aged 15", "aged between 18 and 34", "people over 60".
_AGE_BEFORE = re.compile(
    r"\b(?:aged|at the age of|(?:people|those|adults|men|women|children|anyone|pensioners"
    r"|voters|workers)\s+(?:(?:aged|are|were|who are)\s+)?(?:over|under|above|below))\s+"
    r"(?:between\s+|from\s+"
    r"|over\s+|under\s+)?$",
    re.I,
)
# A rank or a label, not a count: "at number four", "dropped one place to two", "on day
# two", "version 1.0", "the last eight of the Heineken Cup".
_NAMED_BEFORE = re.compile(r"[a-z][A-Z][a-z]+\s+$|\S\s+[A-Z][a-z]+\s+$")  # "Guildford Four"
_RANK_BEFORE = re.compile(
    r"\b(number|ranked|(?:places?|spots?|positions?)\s+to|day|round|stage|leg|phase|parts?|level"
    r"|grade|class|category|type|series|season|episode|heat)\s+$",
    re.I,
)
_VERSION_BEFORE = re.compile(r"\b(?:version|v\.?)\s*$", re.I)
# The last word before a figure that may make it no quantity: a provision, a version, a
# round, a rank or a label (each then checked on its own terms in _is_a_name).
_NAME_WORDS = frozenset(
    """art arts sec secs para paras ch cl no nos fig figs vol p pp v version last top number
    ranked to day round stage leg phase part parts level grade class category type series
    season episode heat article articles section sections clause clauses paragraph paragraphs
    chapter chapters subsection subsections amendment amendments resolution
    resolutions""".split()
)
# "ten times more than", "30 times cheaper": a ratio, not a figure of its own.
_RATIO_AFTER = re.compile(r"^\s+times\s+(?:more|less|fewer|as|the|\w+er)\b", re.I)
_MALFORMED = re.compile(r"^,(?:\d|\s0\d\d\b)")  # "3,2414", "$30, 000"
# A numbered provision of a text: "Art. 49.3", "article 6", "Section 404 of the Sox Act".
_PROVISION_BEFORE = re.compile(
    r"\b(?:(?:art|arts|sec|secs|para|paras|ch|cl|no|nos|fig|figs|vol|pp?)\.\s*"
    r"|(?:articles?|sections?|clauses?|paragraphs?|chapters?|subsections?|amendments?"
    r"|resolutions?)\s+)$",
    re.I,
)
_PROVISION_AFTER = re.compile(
    r"^\s+of\s+the\s+(?:[A-Z][\w-]*\s+)*(?:Constitution|Treaty|Charter|Convention|Code"
    r"|Act|Statute|Regulations?|Directive|Protocol|Rules|Bill|Law)\b"
)
# "100 percent not", "100% sure": emphasis, not a share.
_EMPHASIS_AFTER = re.compile(
    r"^\s*[\"'“”‘’]?\s*(?:not|sure|certain|confident|committed|convinced|behind|true|false"
    r"|right|wrong|correct|accurate|safe|clear|honest|guaranteed|genuine|fit|focused)\b",
    re.I,
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.I)
_WORD = re.compile(r"(?P<gap>[\s\"'“”‘’]*)(?P<w>[A-Za-z][\w'’]*(?:-[A-Za-z][\w'’]*)*)")
# Words that may stand between a figure and the noun it counts.
_MODIFIERS = frozenset(
    """more additional other new extra further military special armed active regular ground
    combat elite infantry ballistic foreign young civilian local senior officer-level
    elite ethnic front-line frontline""".split()
)
# Words that end the counted phrase: function words, verbs, adverbs, pronouns, fractions.
_NOT_UNITS = frozenset(
    """of in on at to from by for with and or but as that which who whom whose were was are
    is have has had be been being will would could should may might can do did does the
    a an this these those their its his her our per than more times percent cent when while
    after before because since until if though although where whereas already now still also
    just only each apiece ago earlier later said says say told according them us it they he
    she we you i me him itself themselves half halves third thirds quarter quarters fifth
    fifths tenth tenths remain remained live lived work worked die died face faced need
    needed attend took came went fled left lost won got made make take get go come so then
    there here not no nor yet than against between among during within without over under
    into onto out off up down about around across through via""".split()
)
# Directions written lower-case after a length say where, not what: "74 km southwest of".
_COMPASS = frozenset(
    """north south east west northeast northwest southeast southwest north-east north-west
    south-east south-west""".split()
)
_DEFINITE = re.compile(r"\b(?:the|these|those|both|its|their|his|her|our|all|first)\s+$", re.I)
_INCREMENT = re.compile(r"^\s+(?:more|additional|extra|further)\b", re.I)
_OTHERS = re.compile(r"^\s+others\b", re.I)
_TIMES = re.compile(r"^\s+times\b", re.I)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|an additional|a further|an extra)\s+$", re.I)


@dataclass(frozen=True)
class Quantity:
    """One figure in a sentence; start/end are offsets into that sentence."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    concept: str | None
    hedge: str
    increment: bool = False
    # "US$20bn (A$33bn)": the same sum in another currency, written in brackets after it.
    converted: float | None = None
    converted_unit: str | None = None


def _number_value(match: re.Match[str], prefix: str) -> tuple[float, str | None] | None:
    """The numeric value and currency of a _NUMBER match, from groups named with prefix."""
    if match.group(prefix) is None:
        return None
    if match.group(f"{prefix}_dozen"):
        return 12.0, None
    if match.group(f"{prefix}_one"):
        return 1.0, None
    if half := match.group(f"{prefix}_half"):  # "half a million", "two and a half million"
        whole = _UNITS_WORDS.get(half.split()[0].lower(), 0)  # "half" itself counts 0
        return _SCALES[half.split()[-1].lower()] * (whole + 0.5), None
    if match.group(f"{prefix}_words"):
        return _words_value(match.group(f"{prefix}_words")), None
    value = float(match.group(f"{prefix}_num").replace(",", ""))
    scale = (match.group(f"{prefix}_scale") or "").strip().lower()
    if scale:
        value *= _SCALES[scale]
    return value, _CURRENCY_SYMBOLS.get((match.group(f"{prefix}_cur") or "").lower())


def _words_value(words: str) -> float:
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("a", "an"):  # "a million"
            current = 1
        elif word in _UNITS_WORDS:
            current += _UNITS_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _SCALES[word]
            current = 0
    return float(total + current)


_OF = re.compile(
    r"\s+of\b(?:\s+(?:the|their|its|his|her|our|your|my|these|those|all)\b)?"
    r"(?:\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}[\w-]+['’]s\b)?"
)  # "two of the groups", "a thousand of their troops", "67 million of France's population"
_PUNCTUATION_AFTER = re.compile(r"^\s*(?:[)\],;:.!?]|$)")
_SUPERLATIVE = re.compile(
    r"\s+(?:most|least|best|worst|main|top|leading|key|major|\w+est)\b(?!['’]s)", re.I
)
# "eight of their last 13 matches", "Five of the eight critics": the part counts the whole's
# noun.
_OF_A_WHOLE = re.compile(
    rf"\s*(?:(?:last|first|next|previous|past|remaining)\s+)?(?:\d[\d,]*|{_WORD_NUM})(?=\s)",
    re.I,
)
_LY_NOUNS = frozenset("family rally ally tally supply assembly anomaly monopoly belly".split())


def _unit_after(text: str, plural: bool = True) -> tuple[str | None, int]:
    """The counted noun phrase right after a figure, and how far it reaches.

    Up to three lower-case words; the last is the head ("five military bases" -> "military
    bases", "250 potential jurors" -> "jurors"). A plural noun ends the phrase, so a verb
    after it ("troops remain") is not taken for the head; so does a plural without -s unless
    a plural noun follows ("32 people dead", "500 police officers"). Capitalised words count
    only when nothing lower-case follows ("3,765 North Koreans"). No noun follows a figure
    when the word after it says how it was counted or what happened ("3.5 million
    nationwide", "1.27 million estimated", "3,000 wounded", "2,800 others"), nor when a
    plural figure is followed by one singular word and a stop ("(5,150,092 support)").
    """
    proper: list[str] = []
    words: list[str] = []
    of = _OF.match(text)
    pos = end = of.end() if of else 0
    if of and (whole := _OF_A_WHOLE.match(text, pos)):
        unit, reach = _unit_after(text[whole.end() :], plural)
        return (unit, whole.end() + reach) if unit else (None, 0)  # "two of his six children"
    if of and _SUPERLATIVE.match(text, pos):
        return None, 0  # "two of the world's largest brewers": a description, not a count
    for _ in range(6):
        word = _WORD.match(text, pos)
        if word is None or "\n" in word.group("gap"):
            break
        gap = word.group("gap")
        if re.search(r"\s[\"“‘']", gap) or (gap.strip() and (proper or words)):
            break  # an opening quote or punctuation: the phrase is over
        token = word.group("w").rstrip("'’")
        lower = token.lower()
        acronym = len(token) > 1 and token.isupper()  # "US consumers", not "us"
        if (
            (lower in _NOT_UNITS and lower not in _MODIFIERS and not acronym)
            or token in _COMPASS
            or re.search(r"['’]s$", token)
        ):
            break
        if lower in _UNITS_WORDS or lower in _SCALES:
            break  # "one of five in the regiment": a number, not what is counted
        if token[0].isupper():
            if words and all(w in _MODIFIERS or is_participle(w) for w in words):
                words.clear()  # "two other Russian firms", "68 unreleased Nirvana tracks"
            if words:
                break
            proper.append(token)
            pos = end = word.end()
            if len(token) >= 3 and token.endswith("s") and not token.isupper():
                break  # "3,765 North Koreans came": a plural name is the counted thing
            continue
        if lower.endswith("ly") and lower not in _LY_NOUNS and not _phrase_ends(text, word):
            pos = word.end()  # "one heavily congested network": an adverb, skipped
            continue
        if not words and not proper:
            if lower in NOT_COUNTED and _phrase_ends(text, word):
                return None, 0  # "3.5 million nationwide", but "three weekly journeys"
            if is_participle(lower) and lower not in _MODIFIERS and _phrase_ends(text, word):
                return None, 0  # "1.27 million estimated during", "700,000 protested here"
        if words and lower.endswith(("ing", "ed")):
            break  # "soldiers trained in": a participle after the noun
        words.append(lower)
        pos = end = word.end()
        if len(words) == 3 or (plural and _is_plural(lower) and lower not in _MODIFIERS):
            break
        if plural and is_plural(lower) and not _noun_follows(text, word):
            break  # "32 people dead", "64 pence, or 6%"
    if words:
        if words[-1] in _SKIPPED_MODIFIERS:
            return None, 0  # "a million more": more of what was counted before
        if words == ["population"]:
            return "people", end  # "all of Italy's 60 million population"
        single = len(words) == 1 and not is_plural(words[0]) and len(words[0]) > 3
        if (
            plural
            and single
            and words[0] not in _CURRENCY_WORDS
            and not may_follow_plural(words[0])
            and _PUNCTUATION_AFTER.match(text[end:])
        ):
            return None, 0  # "(5,150,092 support)"
        kept = [w for w in words[:-1] if w in _MODIFIERS and w not in _SKIPPED_MODIFIERS]
        return " ".join([*kept[-1:], words[-1]]), end
    if proper:
        return " ".join(proper), end
    return None, 0


def _phrase_ends(text: str, word: re.Match[str]) -> bool:
    """Nothing that could be a noun follows this word: a stop, a function word, the end."""
    following = _WORD.match(text, word.end())
    if following is None or following.group("gap").strip() or "\n" in following.group("gap"):
        return True
    lower = following.group("w").lower()
    return lower in _NOT_UNITS or lower in NOT_COUNTED


def _noun_follows(text: str, word: re.Match[str]) -> bool:
    """A plural noun right after this word: "registered voters", "police officers"."""
    following = _WORD.match(text, word.end())
    if following is None or following.group("gap") != " ":
        return False
    lower = following.group("w").lower()
    return lower not in _NOT_UNITS and _is_plural(lower) and following.group("w")[0].islower()


def _is_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


_SKIPPED_MODIFIERS = frozenset(["more", "additional", "other", "new", "extra", "further"])


def concept_of(unit: str | None) -> str | None:
    """The class a unit is compared under: synonyms share one, else the head noun."""
    if unit is None or unit.isupper() or unit == "%":
        return unit  # currencies and percentages compare as written
    lower = unit.lower()
    if unit[0].isupper():
        return lower  # "North Koreans"
    head = lower.split()[-1]
    return CONCEPTS.get(lower) or CONCEPTS.get(head) or head


def _is_a_name(near: str, after: str, match: re.Match[str], digits: str) -> bool:
    """A rank, a label, a version, a round or a provision, given the words before the figure."""
    label = _RANK_BEFORE.search(near)
    short = not match.group("first_scale") and re.fullmatch(r"\d{1,3}", digits or "0")
    if label and short and (label.group(1).lower() == "number" or not re.match(r"\s+[a-z]", after)):
        return True  # "the world number two hangs in", "on day two of the competition"
    if re.search(r"\b(?:last|top)\s+$", near) and re.match(r"\s+of\b", after):
        return True  # "the last eight of the Heineken Cup": a round
    return bool(_VERSION_BEFORE.search(near) or _PROVISION_BEFORE.search(near))


def _is_not_a_quantity(sentence: str, match: re.Match[str]) -> bool:
    """Dates, times, years, ages, list markers, codes and names that contain numbers."""
    before, after = (
        sentence[max(0, match.start() - _WINDOW) : match.start()],
        sentence[match.end() :],
    )
    first = match.group("first") or ""
    digits = match.group("first_num") or ""
    if _MONTH_BEFORE.search(before[-12:]) or _MONTH_AFTER.match(after):
        return True
    if _TIME_AFTER.match(after) or _AGE_AFTER.match(after) or _AGO_AFTER.match(after):
        return True
    if re.fullmatch(r"(?:1[89]|20)\d{2}", digits) and not match.group("first_cur"):
        return not sentence[match.end("first") :].startswith("%")  # a year, unless a share
    if not before.strip() and re.match(r"^[.)]\s", after):
        return True  # "1. Tap in your navigation bar."
    if _MALFORMED.match(after) or re.fullmatch(r"0\d+", digits) or re.match(r"\.\d", after):
        return True  # "3,2414", "$30, 000"; "007", "000": a code; "10.75p", "3.817.69"
    if _RATIO_AFTER.match(after) or _PROVISION_AFTER.match(after):
        return True  # "ten times more than"; "49.3 of the Constitution"
    near = _words_before(before, 32)
    last = near.split()[-1].lower().rstrip(".") if near.strip() else ""
    if last in _NAME_WORDS and _is_a_name(near, after, match, digits):
        return True
    if digits and re.fullmatch(r"\d{1,3}", digits) and not match.group("first_scale"):
        if _AGE_APPOSITION.search(before) and after.startswith(","):
            return True  # "Mr Jackson, 46, denies"
        if _NAME_BEFORE.search(before) and not match.group("second"):
            return True  # "Radio 1", "Article 50", "Windows 95"
        opening = _NAME_OPENS.match(before)
        word = opening.group(1).lower() if opening else ""
        if (
            word
            and word not in _OPENING_WORDS
            and not word.endswith("ly")
            and not (match.group("second") or re.match(r"\s*(?:%|per ?cent)", after))
        ):
            return True  # "Fortune 500 companies ...", "Formula 1 teams ..." opening a sentence
    if first[:1].isupper() and before.strip() and re.match(r"\s+[A-Z]", after):
        return True  # "Six Nations", "Big Four" inside a sentence
    if first[:1].isupper() and _NAMED_BEFORE.search(before[-30:]):
        return True  # "the so-called Guildford Four"
    # Phone numbers and codes: "+44 20", "(020) 7946", "555-1234".
    return bool(
        re.match(r"^-?\d", after)
        or before.rstrip().endswith("+")
        or (before.endswith("(") and re.match(r"\)\s*\d", after))
    )


def _figure(
    sentence: str, start: int, end: int, hedge_start: int, hedge: str, value: float,
    low: float | None, high: float | None, unit: str | None, reach: int, increment: bool,
) -> Quantity:  # fmt: skip
    low, high = _interval(hedge, value, low, high)
    span_start = hedge_start if hedge != "exact" else start
    shown = [None if x is None else exact_enough(x) for x in (value, low, high)]
    return Quantity(span_start, end + reach, sentence[span_start : end + reach], shown[0],
                    shown[1], shown[2], unit, concept_of(unit), hedge, increment)  # fmt: skip


def _unit_and_currency(
    sentence: str, start: int, end: int, currency: str | None, value: float
) -> tuple[str | None, int]:
    after = sentence[end:]
    percent = re.match(r"\s*(?:%|per ?cent\b|percent\b)", after)
    if percent:
        if value == 100 and _EMPHASIS_AFTER.match(after[percent.end() :]):
            return None, -1  # "100 percent not": emphasis, no figure
        return "%", percent.end()
    if hyphenated := _HYPHENATED_MEASURE.match(after):
        return hyphenated.group(1).lower(), hyphenated.end()  # "Samsung's 102-inch plasma"
    unit, reach = _unit_after(after, plural=value != 1)
    if unit and unit.lower() in _CURRENCY_WORDS:
        qualifier = re.match(r"\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+dollars?\b", after)
        if qualifier and qualifier.group(1) in _DOLLARS:
            return _DOLLARS[qualifier.group(1)], reach  # "1.2bn Australian dollars"
        return _CURRENCY_WORDS[unit.lower()], reach
    if currency:
        return currency, 0
    return unit, reach


_HYPHENATED_MEASURE = re.compile(
    r"^-(met(?:re|er)|kilomet(?:re|er)|mile|foot|inch|acre|hectare|tonne|ton|lit(?:re|er)"
    r"|gallon|megawatt|gigawatt|kilowatt|storey|page|seat|bed)\b",
    re.I,
)
_DISTANCE_IN_BRACKETS = re.compile(r"\d\s*(?:ft|feet|foot|miles?|yards?|inch(?:es)?)\s*\(\s*$")
_DISTANCE_CONTEXT = re.compile(
    r"^\s*(?:runners?|race|races|hurdles|freestyle|backstroke|breaststroke|butterfly|medley"
    r"|sprint|sprinters?|relay|final|title|record|champion|gold|silver|bronze|event|metres)\b"
    r"|^[,.;]?\s*$",
    re.I,
)


# A sentence about athletics or swimming, with no money in it: "800m and 1500m" are distances.
_ATHLETICS = re.compile(
    r"\b(?:runners?|race[sd]?|racing|hurdles|relay|sprint\w*|athlet\w*|olympic\w*|champion\w*"
    r"|indoor|outdoor|freestyle|backstroke|breaststroke|butterfly|medley|metres|gold|silver"
    r"|bronze|titles?|records?|finals?)\b",
    re.I,
)
_MONEY = re.compile(
    r"[$€£¥₩]|\b(?:dollars?|euros?|pounds?|yen|roubles?|rubles?|yuan|won|budget|profits?"
    r"|sales|revenues?|deal|fees?|contract|costs?|debts?|deficit|funding|prize money|pay)\b",
    re.I,
)


def _is_metres(match: re.Match[str], currency: str | None, sentence: str) -> bool:
    """ "800m" is a distance when no currency is written and a race follows, or nothing does,
    or the sentence is about a race and names no money ("both the 800m and 1500m at the
    European Indoor Championships").

    Otherwise "m" is million: "2.13m", "790m euros", "400m deficit".
    """
    if (match.group("first_scale") or "").strip() != "m" or currency:
        return False
    if _DISTANCE_IN_BRACKETS.search(sentence[max(0, match.start() - 20) : match.start()]):
        return True  # "jumped 30ft (10m)": the same distance in metres
    return "." not in match.group("first_num") and (
        bool(_DISTANCE_CONTEXT.match(sentence[match.end() :]))
        or (bool(_ATHLETICS.search(sentence)) and not _MONEY.search(sentence))
    )


_STARTS = [*_UNITS_WORDS, "a dozen", "a few", "half a", "hundreds", "thousands", "millions", "tens",
           "several", "dozens", "a hundred", "a thousand", "a million", "a billion", "a trillion",
           "an hour", "a second", "a minute", "a day", "a week", "a fortnight", "a month",
           "a year", "a decade", "a century", "half", "a third", "a quarter", "a fifth",
           "a sixth", "a seventh", "an eighth", "a ninth", "a tenth"]  # fmt: skip
# Where a figure can start, matched on lower-cased text (case-insensitive matching is slow).
_CANDIDATE = re.compile(
    rf"(?<![\w.,/-])(?:(?:us|au?|ca?|nz|hk|sg?|nt|r)\$|[$€£¥₩\d]|(?:{trie(_STARTS)})\b)"
)
_CANDIDATE_ANY_CASE = re.compile(_CANDIDATE.pattern, re.I)


def _next_figure(sentence: str, lowered: str, pos: int) -> re.Match[str] | None:
    """The next figure from pos. Trying the full figure pattern only where a figure can start
    (a digit, a currency sign, a number word) is several times faster than searching with it.
    """
    same_length = len(lowered) == len(sentence)  # lower() can lengthen rare letters
    scan = (
        _CANDIDATE.finditer(lowered, pos)
        if same_length
        else _CANDIDATE_ANY_CASE.finditer(sentence, pos)
    )
    for candidate in scan:
        match = _FIGURE.match(sentence, candidate.start())
        if match:
            return match
    return None


@dataclass
class _Draft:
    """A figure found in a sentence, before the sentence's other figures lend it a unit."""

    start: int  # the written number
    end: int
    hedge_start: int
    hedge: str
    value: float | None  # None: a vague amount
    low: float | None
    high: float | None
    unit: str | None
    reach: int  # how far its written unit runs past end
    increment: bool = False
    needs_unit: bool = False  # a claim only with a unit: a word number, a bare small number
    small: bool = False  # a whole number under 100 with no scale
    scaled: bool = False  # written with a scale or decimals: "2.8 million", "7m", "4.5"
    base: str | None = None  # a percentage's base: "votes" in "51.2 percent of the votes"
    one: bool = False  # "one manager": kept only where a count of one is meant
    fallback: str | None = None  # the unit if nothing better is found: "others"


def _share(sentence: str, match: re.Match[str]) -> float | None:
    """The percentage a share in words states, or None where it states none."""
    if match.group("share_x"):
        part, whole = (_count(match.group(g)) for g in ("share_x", "share_y"))
    else:
        after = sentence[match.end() :]
        if _NOT_SHARE_BEFORE.search(sentence[max(0, match.start() - 12) : match.start()]):
            return None  # "the second half of the season"
        if _OF_A_TIME.match(after) or _OF_A_UNIT.match(after) or _HALF_AGE.match(after):
            return None  # "half of the year", "a quarter of a point", "a girl half his age"
        one_half = ((match.group("share_n") or "") + (match.group("share_d") or "")).lower()
        if one_half == "onehalf":
            return None  # "one half of the duo"
        part = _count(match.group("share_n") or "one")
        whole = _FRACTIONS[(match.group("share_d") or "half").lower()]
    return round(100 * part / whole, 2) if 0 < part < whole else None


_HALF_AGE = re.compile(
    r"^\s+(?:his|her|their|its|my|your|our)\s+(?:age|size|weight|height)\b", re.I
)


def _fraction_of_a_scale(sentence: str, match: re.Match[str]) -> float | None:
    """ "a quarter of a million" -> 250,000, "half of a billion" -> 500,000,000."""
    of = _OF_A_UNIT.match(sentence[match.end() :])
    if not of or not of.group("scale") or match.group("share_x"):
        return None
    part = _count(match.group("share_n") or "one")
    return (
        part
        / _FRACTIONS[(match.group("share_d") or "half").lower()]
        * _SCALES[of.group("scale").lower()]
    )


def _count(word: str) -> float:
    """ "two" -> 2, "a" -> 1, "10" -> 10."""
    lower = word.lower()
    return 1.0 if lower in ("a", "an") else float(_UNITS_WORDS.get(lower) or lower)


def _words_before(before: str, size: int) -> str:
    """The end of `before`, at most `size` characters, from the start of a word: end-anchored
    patterns then try few positions, and never a word cut in two ("moreover" as "over")."""
    if len(before) <= size:
        return before
    near = before[-size:]
    cut = re.search(r"\W", near)
    return near[cut.start() :] if cut else near


def _drafts(sentence: str) -> list[_Draft]:
    """The figures of a sentence with the units written with them, left to right."""
    drafts: list[_Draft] = []
    pos = 0
    lowered = sentence.lower()
    addressed = "/" in sentence or "@" in sentence or "www." in lowered
    urls = [u.span() for u in _URL.finditer(sentence)] if addressed else []
    while match := _next_figure(sentence, lowered, pos):
        pos = match.end()
        start, end = match.start(), match.end()
        if any(a <= start < b for a, b in urls):
            continue  # "https://themilitant.com/?p=109149": part of an address
        window = sentence[max(0, start - 32) : start]
        if any(w in window.lower() for w in _AGE_WORDS) and _AGE_BEFORE.search(window):
            continue  # "aged 21 and 144 days", "aged 16 to 18": a person's age, all of it
        before = sentence[max(0, start - _WINDOW) : start]  # every look-behind is short
        hedge, hedge_start, hedge_word = "exact", start, ""
        near = _words_before(before, 36)  # the longest hedge and "only" fit in 36 characters
        if (h := _HEDGE_RE.search(near)) and h.lastgroup:
            hedge = h.lastgroup.rstrip("0123456789")
            hedge_start = start - len(near) + h.start(h.lastgroup)
            hedge_word = h.group(h.lastgroup).lower()
            if hedge_word == "over" and _DURING.match(sentence[match.end() :]):
                hedge, hedge_start = "exact", start  # "over two consecutive days"
        if match.group("share"):
            if hedge == "range":
                hedge, hedge_start = "exact", start  # "down from one in eight"
            if number := _fraction_of_a_scale(sentence, match):
                pos = of_end = end + _OF_A_UNIT.match(sentence[end:]).end()  # type: ignore[union-attr]
                unit, reach = _unit_and_currency(sentence, start, of_end, None, number)
                drafts.append(_Draft(start, of_end, hedge_start, hedge, number, number, number,
                                     unit, max(reach, 0), needs_unit=True))  # fmt: skip
            elif share := _share(sentence, match):
                drafts.append(_Draft(start, end, hedge_start, hedge, share, share, share, "%", 0))
            continue
        if match.group("vague"):
            phrase = match.group("vague").lower()
            low, high = next((lo, hi) for p, lo, hi in VAGUE if re.fullmatch(p, phrase))
            unit, reach = _unit_after(sentence[end:])
            drafts.append(_Draft(start, end, hedge_start if hedge != "exact" else start, "vague",
                                 None, low, high, unit, reach, needs_unit=True))  # fmt: skip
            continue
        if match.group("first_one") and hedge == "exact":
            continue  # "a day later", "a year": a time, not a figure; "around an hour" is one
        if _WHEN_AFTER.match(sentence[end:]) and not (
            bound(hedge)
            or _FOR_BEFORE.search(before[: len(before) - (start - hedge_start)])
            or _DELAY_BEFORE.search(before)
        ):
            continue  # "three days before he is due to meet"
        first = _number_value(match, "first")
        if first is None or _is_not_a_quantity(sentence, match):
            if match.group("second"):
                pos = match.start("second")  # "in 2004 to 4.25%": the second may still count
            continue
        value, currency = first
        metres = _is_metres(match, currency, sentence)
        if metres:
            value /= 1_000_000  # "400m", "800m" without money: metres, not millions
        is_word = bool(
            match.group("first_words") or match.group("first_dozen") or match.group("first_half")
            or match.group("first_one")
        )  # fmt: skip
        second = _number_value(match, "second")
        joiner = (match.group("join") or "").strip()
        if joiner == "-to-":
            if second and second[0] < value:
                continue  # "three-to-one", "10-to-1": odds, not a figure
            joiner = "to"  # "the 100-to-300 spectrum": a range
        low = high = value
        if second and (joiner in ("-", "–", "to") or hedge == "range"):
            other = second[0]
            scale = (match.group("second_scale") or "").strip().lower()
            if scale and not match.group("first_scale") and value < _SCALES[scale]:
                value *= _SCALES[scale]  # "3 to 5 million"
            currency = currency or second[1]
            if (
                joiner == "to"
                and hedge_word == "from"
                and (value > other or _CHANGE_BEFORE.search(_clause(sentence[:hedge_start])))
            ):
                drafts.extend(_before_and_after(sentence, match, hedge_start, value, other,
                                                currency))  # fmt: skip
                continue
            if value > other or (joiner in ("-", "–") and not currency and other < 100):
                unit, _ = _unit_and_currency(sentence, start, end, currency, value)
                if joiner in ("-", "–") and (unit is None or _SCORE_AFTER.match(sentence[end:])):
                    continue  # "28-17", "a 3-2 victory": scores, not figures
            if value <= other:
                low, high = value, other
                hedge, value = "range", (value + other) / 2
        elif second:  # "500 and 600" outside a range: each is a figure of its own
            end = start + len(match.group("first").rstrip())
            pos = match.start("second")
        if hedge == "range" and low == high:
            hedge, hedge_start = "exact", start  # "from 50 Cent": no range after all
        after = _HEDGE_AFTER.match(sentence, end) if hedge == "exact" else None
        unit, reach = _unit_and_currency(sentence, start, after.end() if after else end,
                                         currency, value)  # fmt: skip
        if reach < 0:
            continue
        if after:  # "10,000 or more people", "magnitude 6 and larger", "5,000 or so"
            hedge = "approx" if after.lastgroup == "approx" else "at_least"
            reach += after.end() - end
        if metres:
            unit = "metres"
        if abbreviated := match.group("second_abbr") or match.group("first_abbr"):
            unit, reach = _ABBREVIATED_UNITS.get(abbreviated.lower(), abbreviated.lower()), 0
        if is_word and _DEFINITE.search(near):
            continue  # "the two countries"
        whole = float(value).is_integer()
        increment = bool(_INCREMENT.match(sentence[end:]) or _INCREMENT_BEFORE.search(near))
        others = _OTHERS.match(sentence[end:]) if unit is None else None
        if unit is None and (times := _TIMES.match(sentence[end:])):
            if value < 100 and whole_number(value):
                continue  # "three times", "Three times, Nadal forces": how often, not a figure
            unit, reach = "times", times.end()  # "downloaded almost eight million times"
        if others:
            reach = others.end()  # "eight others were killed": people; else "others"
        # A bare small number is an age, a rank or a score unless something says what it counts;
        # "20 more", "nine others" count more of something.
        small = hedge == "exact" and value < 100 and whole and not match.group("first_scale")
        small = small and not (increment or others)
        drafts.append(_Draft(
            start, end, hedge_start, hedge, value, low, high, unit, reach, increment=increment,
            needs_unit=(is_word and not others) or small, small=small,
            scaled=bool(match.group("first_scale") or re.search(r"\.\d", match.group(0)))
            or (is_word and value >= 1000),
            base=_unit_after(sentence[end + reach :])[0] if unit == "%" else None,
            one=is_word and value == 1, fallback="others" if others else None,
        ))  # fmt: skip
    return drafts


# "raise the retirement age from 62 to 64": a change, a figure before and one after it.
_CHANGE_BEFORE = re.compile(
    r"\b(?:rais|increas|ris|rose|grow|grew|cut|reduc|lower|fall|fell|drop|climb|jump|push|lift"
    r"|extend|shorten|delay|mov|chang|hik|doubl|tripl|boost|slash|decreas|shift|revis|widen"
    r"|narrow|swell|surg|soar|plung|tumbl|slid|slump|declin|expand|shr[iu]nk|shrank|went|go"
    r"|brought|bring|turn|adjust)\w*(?:\s+[\w’'-]+){0,8}?\s*$",
    re.I,
)


def _clause(text: str) -> str:
    """The end of text from its last clause break."""
    return re.split(r"[,;:()—–]|\s-\s", text)[-1]


def _before_and_after(
    sentence: str, match: re.Match[str], hedge_start: int, value: float, other: float,
    currency: str | None,
) -> list[_Draft]:  # fmt: skip
    """ "from 62 to 64" where the sentence is about a change: two figures, the value before
    and the value after, each exact, counting the same thing (written after the second or
    given by the frame before "from": "the retirement age from 62 to 64" counts years)."""
    end = match.end()
    unit, reach = _unit_and_currency(sentence, match.start(), end, currency, other)
    if unit is None:
        unit = frame_unit(sentence, match.start(), end, max(value, other))  # "age from 62"
    first_end = match.start() + len(match.group("first").rstrip())
    whole = float(value).is_integer() and float(other).is_integer()
    scaled = bool(match.group("first_scale") or match.group("second_scale")) or not whole
    small = whole and max(value, other) < 100 and not scaled
    return [
        _Draft(match.start(), first_end, match.start(), "exact", value, value, value, unit, 0,
               needs_unit=small, small=small, scaled=scaled),
        _Draft(match.start("second"), end, match.start("second"), "exact", other, other, other,
               unit, max(reach, 0), needs_unit=small, small=small, scaled=scaled),
    ]  # fmt: skip


def extract_quantities(sentence: str) -> list[Quantity]:
    """Every quantity claim in one sentence, left to right.

    A figure with no noun of its own takes its unit from its frame or from the sentence's
    other figures (extract/counted.py); a word number, a bare small number or a vague
    amount that gets none is no claim ("one of them", "aged 15", "thousands" alone).
    """
    drafts = [d for d in _drafts(sentence) if not d.one or _counts_one(sentence, d)]
    if not drafts:
        return []
    for d in drafts:
        if after := _MAGNITUDE_AFTER.match(sentence, d.end):  # "a 6.8-magnitude quake"
            d.unit, d.reach = "magnitude", after.end() - d.end
        elif _MAGNITUDE_BEFORE.search(sentence, 0, d.hedge_start):  # "a magnitude 6.8 quake"
            d.unit, d.reach = "magnitude", 0
        if d.unit is None:
            d.unit = frame_unit(sentence, d.hedge_start, d.end + d.reach, d.value)
    if any(d.unit is None for d in drafts):
        slots = [Slot(d.hedge_start, d.end + d.reach, d.value, d.unit, d.base, d.small, d.scaled,
                      lends=not _PER_BEFORE.search(sentence[: d.hedge_start][-5:])
                      and d.unit != "magnitude")
                 for d in drafts]  # fmt: skip
        for d, unit in zip(drafts, inherited_units(sentence, slots), strict=True):
            d.unit = unit
    found: list[Quantity] = []
    for d in drafts:
        d.unit = d.unit or d.fallback
        if d.unit is None and d.needs_unit:
            continue
        if d.value is None:  # a vague amount
            text = sentence[d.hedge_start : d.end + d.reach]
            found.append(Quantity(d.hedge_start, d.end + d.reach, text, None, d.low, d.high,
                                  d.unit, concept_of(d.unit), "vague"))  # fmt: skip
            continue
        found.append(_figure(sentence, d.start, d.end, d.hedge_start, d.hedge, d.value, d.low,
                             d.high, d.unit, d.reach, d.increment))  # fmt: skip
    return _conversions_merged(sentence, found) if len(found) > 1 else found


_PER_BEFORE = re.compile(r"\bper\s+$", re.I)  # "7.5 connections per 100 people": a base
# A hedge written after its figure: "or more", "and larger", "-plus" (at least), "or so".
_HEDGE_AFTER = re.compile(
    r"(?P<at_least>\)?\s+(?:or|and)\s+(?:more|above|over|higher|greater|larger)\b(?!\s+than)"
    r"|-?\s?plus\b(?!\s+\d))|(?P<approx>\s+or\s+so\b)",
    re.I,
)
# An earthquake's magnitude, written before or after its figure: no count of anything, and
# no unit for the sentence's other figures ("the 7 magnitude earthquake has killed 2,960").
_MAGNITUDE_AFTER = re.compile(r"[\s-]*(?:magnitude|on the Richter scale)\b", re.I)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitudes?[\s-]*(?:of\s+)?$", re.I)
_ONE_COUNTED_BEFORE = re.compile(r"\b(?:has|have|had|having)\s+$", re.I)


def _counts_one(sentence: str, d: _Draft) -> bool:
    """ "around an hour", "It has one manager registered": a count of one; not "one of",
    "one place", "only one episode", "one big screening" (a word, not a figure)."""
    if re.match(r"\s+of\b", sentence[d.end :]):
        return False
    if (d.unit or "").rstrip("s") in DURATIONS:
        return True
    return bool(_ONE_COUNTED_BEFORE.search(sentence[max(0, d.hedge_start - 20) : d.hedge_start]))


_OPEN_BRACKET = re.compile(r"\s*[(\[]\s*$")
_NEXT_IN_BRACKET = re.compile(r"\s*(?:[;,/]|\bor\b)\s*$")
_CLOSE_BRACKET = re.compile(r"^\s*[)\]]")


# Units of measure a figure may be converted into in brackets: "12,900 acres (5,200
# hectares)", "1.35km/h (0.83mph)".
_MEASURES = re.compile(
    r"^(?:met(?:re|er)s?|km|kilomet(?:re|er)s?|miles?|feet|foot|ft|inch(?:es)?|cm|mm|acres?"
    r"|hectares?|kg|kilos|kilogra(?:m|mme)s?|lbs|tonnes?|tons?|mph|km/h|kmh|lit(?:re|er)s?"
    r"|gallons?|celsius|fahrenheit|sq km|square miles|square kilometres)$"
)


def whole_number(value: float) -> bool:
    return float(value).is_integer()


def _is_money(q: Quantity) -> bool:
    """A sum, or a measure: what a bracket after it may convert into other units."""
    if q.unit is None or q.value is None:
        return False
    money = (len(q.unit) == 3 and q.unit.isupper()) or q.unit == "pence"
    return money or bool(_MEASURES.match(q.unit))


def _conversions_merged(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """ "US$20bn (A$33bn)", "HK$327m (US$42m; £22m)": one sum, given in other currencies in
    brackets; the bracketed sums are not claims of their own. The first is kept on the
    claim as its conversion. So for measures: "12,900 acres (5,200 hectares)"."""
    kept: list[Quantity] = []
    i = 0
    while i < len(found):
        q = found[i]
        j = i + 1
        opened = j < len(found) and _OPEN_BRACKET.match(sentence[q.end : found[j].start])
        if _is_money(q) and opened:
            gap = _OPEN_BRACKET
            while j < len(found) and _is_money(found[j]) and found[j].unit != q.unit:
                if not gap.fullmatch(sentence[found[j - 1].end : found[j].start]):
                    break
                gap, j = _NEXT_IN_BRACKET, j + 1
            if j > i + 1 and _CLOSE_BRACKET.match(sentence[found[j - 1].end :]):
                first = found[i + 1]
                q = replace(q, converted=first.value, converted_unit=first.unit)
            else:
                j = i + 1
        kept.append(q)
        i = j
    return kept


def _interval(
    hedge: str, value: float, low: float | None, high: float | None
) -> tuple[float | None, float | None]:
    if hedge == "approx":
        return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
    if bound(hedge) == "lower":
        return value, None
    if bound(hedge) == "upper":
        return None, value
    return low, high
