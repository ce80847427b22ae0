"""Quantity claims in a sentence: the figure, its hedge, the interval it implies, its unit.

Hedge rules (the interval is what the wording commits the source to):
- exact      "12,000"                    [v, v]
- approx     about, around, roughly, some, nearly, an estimated   [0.9 v, 1.1 v]
- at_least   at least, no fewer than, "or more"                   [v, open]
- more_than  more than, over, upwards of, exceeded               [v, open]
- at_most    as many as, no more than, not exceeding, fewer than  [open, v]
- up_to      up to                                                [open, v]
- range      "between 10,000 and 12,000", "3,000-5,000"          [a, b]
- vague      "several thousand", "thousands", "dozens"           see VAGUE
Years, dates, clock times, list markers, ages, codes such as "KN-23" and ordinals are not
quantities, and neither is a bare count word with no counted noun ("one of them").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.text import trie
from extract.words import bound, exact_enough

APPROX_TOLERANCE = 0.10

# Vague amounts: (pattern, low, high). "several thousand" is 2,000 to 9,999.
VAGUE: tuple[tuple[str, float, float], ...] = (
    (r"hundreds of thousands", 200_000, 999_999),
    (r"tens of thousands", 20_000, 99_999),
    (r"hundreds of millions", 200_000_000, 999_999_999),
    (r"tens of millions", 20_000_000, 99_999_999),
    (r"(?:several|a few) million", 2_000_000, 9_999_999),
    (r"millions", 2_000_000, 999_999_999),
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


def _number(name: str) -> str:
    """A figure in digits or words, its groups prefixed with name."""
    return (
        rf"(?P<{name}>(?:(?P<{name}_cur>{_CURRENCY})\s?)?(?P<{name}_num>{_DIGITS})"
        rf"(?P<{name}_scale>{_SCALE})?(?![A-Za-z0-9'’])"
        rf"|(?P<{name}_half>(?:(?:{_WORD_NUM}) and a half|half an?) (?:thousand|million|billion))\b"
        rf"|(?P<{name}_words>(?:{_WORD_NUM}|an?(?=\s+{_SCALE_WORD}\b))"
        rf"(?:[\s-]+(?:{_WORD_NUM}|hundred|thousand|million|billion|trillion))*)\b"
        rf"|(?P<{name}_dozen>a dozen)\b"
        rf"|(?P<{name}_one>an?)(?=\s+{_TIME_UNITS}\b))"  # "around an hour": only with a hedge
    )


_VAGUE = "|".join(f"(?:{p})" for p, _, _ in VAGUE)
_FIGURE = re.compile(
    rf"(?<![\w.,/-])(?:(?P<vague>{_VAGUE})\b"
    rf"|{_number('first')}(?:(?P<join>-to-|\s*(?:-|–|to|and)\s*){_number('second')})?)",
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
_AGE_AFTER = re.compile(r"^-?\s*(?:years?|yrs?)[- ]old\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|at the age of)\s+$", re.I)  # "players aged 15"
_MALFORMED = re.compile(r"^,\d")
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
_NUMBER_OF = re.compile(r"\bnumber of\s+(?:[A-Z][\w'’-]*\s+)*(?P<noun>[a-z]+)\b[^,.;]*$")
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
_DEFINITE = re.compile(r"\b(?:the|these|those|both|its|their|his|her|our|all|first)\s+$", re.I)
_INCREMENT = re.compile(r"^\s+(?:more|additional|extra|further)\b", re.I)
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


def _unit_after(text: str, plural: bool = True) -> tuple[str | None, int]:
    """The counted noun phrase right after a figure, and how far it reaches.

    Up to three lower-case words; the last is the head ("five military bases" -> "military
    bases", "250 potential jurors" -> "jurors"). A plural noun ends the phrase, so a verb
    after it ("troops remain") is not taken for the head. Capitalised words count only when
    nothing lower-case follows ("3,765 North Koreans").
    """
    proper: list[str] = []
    words: list[str] = []
    of = re.match(r"\s+of\b", text)
    pos = end = of.end() if of else 0
    for _ in range(6):
        word = _WORD.match(text, pos)
        if word is None or "\n" in word.group("gap"):
            break
        gap = word.group("gap")
        if re.search(r"\s[\"“‘']", gap) or (gap.strip() and (proper or words)):
            break  # an opening quote or punctuation: the phrase is over
        token = word.group("w").rstrip("'’")
        lower = token.lower()
        if (lower in _NOT_UNITS and lower not in _MODIFIERS) or re.search(r"['’]s$", token):
            break
        if token[0].isupper():
            if words:
                break
            proper.append(token)
            pos = end = word.end()
            if len(token) >= 3 and token.endswith("s") and not token.isupper():
                break  # "3,765 North Koreans came": a plural name is the counted thing
            continue
        if words and lower.endswith(("ing", "ed")):
            break  # "soldiers trained in": a participle after the noun
        words.append(lower)
        pos = end = word.end()
        if len(words) == 3 or (plural and _is_plural(lower) and lower not in _MODIFIERS):
            break
    if words:
        kept = [w for w in words[:-1] if w in _MODIFIERS and w not in _SKIPPED_MODIFIERS]
        return " ".join([*kept[-1:], words[-1]]), end
    if proper:
        return " ".join(proper), end
    return None, 0


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


def _is_not_a_quantity(sentence: str, match: re.Match[str]) -> bool:
    """Dates, times, years, ages, list markers, codes and names that contain numbers."""
    before, after = (
        sentence[max(0, match.start() - _WINDOW) : match.start()],
        sentence[match.end() :],
    )
    first = match.group("first") or ""
    digits = match.group("first_num") or ""
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    if _TIME_AFTER.match(after) or _AGE_AFTER.match(after) or _AGO_AFTER.match(after):
        return True
    if re.fullmatch(r"(?:1[89]|20)\d{2}", digits) and not match.group("first_cur"):
        return not sentence[match.end("first") :].startswith("%")  # a year, unless a share
    if not before.strip() and re.match(r"^[.)]\s", after):
        return True  # "1. Tap in your navigation bar."
    if _MALFORMED.match(after):
        return True
    if _PROVISION_BEFORE.search(before) or _PROVISION_AFTER.match(after):
        return True
    if digits and re.fullmatch(r"\d{1,3}", digits) and not match.group("first_scale"):
        if _AGE_APPOSITION.search(before) and after.startswith(","):
            return True  # "Mr Jackson, 46, denies"
        if _NAME_BEFORE.search(before) and not match.group("second"):
            return True  # "Radio 1", "Article 50", "Windows 95"
    if first[:1].isupper() and before.strip() and re.match(r"\s+[A-Z]", after):
        return True  # "Six Nations", "Big Four" inside a sentence
    # Phone numbers and codes: "+44 20", "(020) 7946", "555-1234".
    return bool(
        re.match(r"^-?\d", after)
        or re.search(r"\+\s*$", before)
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
    unit, reach = _unit_after(after, plural=value != 1)
    if unit and unit.lower() in _CURRENCY_WORDS:
        qualifier = re.match(r"\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+dollars?\b", after)
        if qualifier and qualifier.group(1) in _DOLLARS:
            return _DOLLARS[qualifier.group(1)], reach  # "1.2bn Australian dollars"
        return _CURRENCY_WORDS[unit.lower()], reach
    if currency:
        return currency, 0
    if unit is None and (
        counted := _NUMBER_OF.search(sentence[max(0, start - 3 * _WINDOW) : start])
    ):
        return counted.group("noun"), 0  # "the number of soldiers ... exceeded 10,000"
    return unit, reach


_DISTANCE_CONTEXT = re.compile(
    r"^\s*(?:runners?|race|races|hurdles|freestyle|backstroke|breaststroke|butterfly|medley"
    r"|sprint|sprinters?|relay|final|title|record|champion|gold|silver|bronze|event|metres)\b"
    r"|^[,.;]?\s*$",
    re.I,
)


def _is_metres(match: re.Match[str], currency: str | None, sentence: str) -> bool:
    """ "800m" is a distance when no currency is written and a race follows, or nothing does.

    Otherwise "m" is million: "2.13m", "790m euros", "400m deficit".
    """
    return (
        (match.group("first_scale") or "").strip() == "m"
        and not currency
        and "." not in match.group("first_num")
        and bool(_DISTANCE_CONTEXT.match(sentence[match.end() :]))
    )


_STARTS = [*_UNITS_WORDS, "a dozen", "a few", "half a", "hundreds", "thousands", "millions", "tens",
           "several", "dozens", "a hundred", "a thousand", "a million", "a billion", "a trillion",
           "an hour", "a second", "a minute", "a day", "a week", "a fortnight", "a month",
           "a year", "a decade", "a century"]  # fmt: skip
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


def extract_quantities(sentence: str) -> list[Quantity]:
    """Every quantity claim in one sentence, left to right."""
    found: list[Quantity] = []
    pos = 0
    lowered = sentence.lower()
    addressed = "/" in sentence or "@" in sentence or "www." in lowered
    urls = [u.span() for u in _URL.finditer(sentence)] if addressed else []
    while match := _next_figure(sentence, lowered, pos):
        pos = match.end()
        start, end = match.start(), match.end()
        if any(a <= start < b for a, b in urls):
            continue  # "https://themilitant.com/?p=109149": part of an address
        if _AGE_BEFORE.search(sentence[max(0, start - 20) : start]):
            continue  # "aged 21 and 144 days", "aged 16 to 18": a person's age, all of it
        before = sentence[max(0, start - _WINDOW) : start]  # every look-behind is short
        hedge, hedge_start = "exact", start
        if (h := _HEDGE_RE.search(before)) and h.lastgroup:
            hedge = h.lastgroup.rstrip("0123456789")
            hedge_start = start - len(before) + h.start(h.lastgroup)
            if h.group(h.lastgroup).lower() == "over" and _DURING.match(sentence[match.end() :]):
                hedge, hedge_start = "exact", start  # "over two consecutive days"
        if match.group("vague"):
            phrase = match.group("vague").lower()
            low, high = next((lo, hi) for p, lo, hi in VAGUE if re.fullmatch(p, phrase))
            unit, reach = _unit_after(sentence[end:])
            if unit is not None:
                span = hedge_start if hedge != "exact" else start
                found.append(Quantity(span, end + reach, sentence[span : end + reach], None,
                                      low, high, unit, concept_of(unit), "vague"))  # fmt: skip
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
            if value > other or (joiner in ("-", "–") and not currency and other < 100):
                unit, _ = _unit_and_currency(sentence, start, end, currency, value)
                if joiner in ("-", "–") and (unit is None or _SCORE_AFTER.match(sentence[end:])):
                    continue  # "28-17", "a 3-2 victory": scores, not figures
            if value <= other:
                low, high = value, other
                hedge, value = "range", (value + other) / 2
        elif second:  # "500 and 600" outside a range: the first figure only here
            end = start + len(match.group("first").rstrip())
        if hedge == "range" and low == high:
            hedge = "exact"
        unit, reach = _unit_and_currency(sentence, start, end, currency, value)
        if reach < 0:
            continue
        if metres:
            unit = "metres"
        if is_word:
            if unit is None or _DEFINITE.search(before):
                continue  # "one of them", "the two countries"
            if value == 1 and (unit or "").rstrip("s") not in DURATIONS:
                continue
        if unit is None and hedge == "exact" and value < 100 and float(value).is_integer():
            continue  # a bare small number: an age, a rank, a score, a model
        increment = bool(_INCREMENT.match(sentence[end:]) or _INCREMENT_BEFORE.search(before))
        found.append(_figure(sentence, start, end, hedge_start, hedge, value, low, high, unit,
                             reach, increment))  # fmt: skip
    return _conversions_merged(sentence, found) if len(found) > 1 else found


_OPEN_BRACKET = re.compile(r"\s*[(\[]\s*$")
_NEXT_IN_BRACKET = re.compile(r"\s*(?:[;,/]|\bor\b)\s*$")
_CLOSE_BRACKET = re.compile(r"^\s*[)\]]")


def _is_money(q: Quantity) -> bool:
    return q.unit is not None and len(q.unit) == 3 and q.unit.isupper() and q.value is not None


def _conversions_merged(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """ "US$20bn (A$33bn)", "HK$327m (US$42m; £22m)": one sum, given in other currencies in
    brackets; the bracketed sums are not claims of their own. The first is kept on the
    claim as its conversion."""
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
