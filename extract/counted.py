"""What a figure counts when no noun of its own follows it: the frame of its sentence.

A figure's unit is the noun written after it ("12,000 soldiers"). Where none is ("killed
2,056", "the organizers 22,000"), it is taken, in this order, from:

1. its frame: a verb whose subject or object is people (killed, injured, wounded, detained,
   displaced, evacuated, protested, gathered, took part, died, fled: "people"), or a measure
   it is the value of (turnout, attendance, crowd, a demonstration of: "people"; death toll:
   "deaths"; population: "inhabitants"; retirement age, or an age a change applies to:
   "years"; losses, damage, cost: the measure's word; share: "%"), or "the number of X";
2. the sentence's other figures (a list, a comparison, a bracket): the nearest one before it
   with a unit, else the nearest after it, among those that can count the same thing: of
   like size (within a factor of 1,000), a percentage only for a figure up to 100 (a larger
   one counts the percentage's base: "51.2 percent of the votes (5,150,092)"), a currency
   only for a sum written with a scale or decimals ("$5m ... and 7m"). A small whole number
   ("42"), a duration or a currency with no scale takes another's unit only when joined to
   it by a list or contrast word: "43 years (and not 42, as now)", "at 64 rather than 62";
3. a sentence about a gathering (demonstrations, protests, rallies, marches, crowds):
   "people".

Otherwise the figure has no unit; a bare number that needs one to be a claim (a word
number, a small whole number, a vague amount) is then no claim.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from extract.words import GATHERINGS

# Plural nouns that do not end in -s. A figure's phrase ends at one unless a plural noun
# follows it ("500 police officers"): "32 people dead" counts people.
IRREGULAR_PLURALS = frozenset(
    """people police staff personnel crew cattle livestock poultry clergy militia pence feet
    teeth mice geese media data criteria aircraft sheep deer fish offspring youth""".split()
)
_IRREGULAR_ENDINGS = ("children", "men", "people")  # "grandchildren", "gunmen", "townspeople"
_NOT_MEN = frozenset("specimen regimen abdomen omen stamen hymen amen".split())
# Singular words that may follow a plural figure: units of measure and currencies written
# adjectivally ("the 32,000 acre (13,000 hectare) farm", "39.4bn kronor").
_MEASURE_WORDS = re.compile(
    r"(?:metre|meter|mile|acre|hectare|tonne|ton|gram|litre|liter|watt|byte|hertz|volt|inch"
    r"|foot|yard|gallon|barrel|ounce|carat|knot|calorie|kronor|kroner|krone|krona|lira|lire"
    r"|rand|baht|zloty|forint|ringgit|rupiah|yuan|renminbi|won|yen|dong|naira|real)$"
)
# Words right after a figure that say how many, not what: "3.5 million nationwide".
NOT_COUNTED = frozenset(
    """nationwide worldwide countrywide statewide overall apiece altogether combined rather
    instead respectively others spectrum range bracket band scale mark figure figures level
    threshold estimate estimates tally total count strong dead missing alive daily weekly
    monthly annually yearly continues remains says seems appears means includes becomes
    represents""".split()
)
# Nouns ending in -ed that are nouns, not participles.
_ED_NOUNS = frozenset(
    "hundred speed seed bed shed breed creed steed need deed reed unemployed disabled".split()
)
_LINK = (
    r"(?:(?:of|at|was|is|were|are|stood|stands|rose|risen|has|had|have|been|climbed|reached"
    r"|which|previously|earlier|initially|then"
    r"|hit|jumped|grew|increased|now|to|from|by|already|further|put|estimated|expected"
    r"|exceeded|topped|totalled|totaled|numbered|amounted|came|some|around|about|nearly"
    r"|almost|more|than|over|least|at|rise|rises|fall|falls|fell|grow|grows|drop|drops|dropped"
    r"|increased|decreased|climbs|climbed|will|would|could|be)\s+){0,4}"
)
_PEOPLE = "people"
# A measure the figure is the value of, and the unit it gives.
_MEASURES = {
    "turnout": _PEOPLE, "attendance": _PEOPLE, "crowd": _PEOPLE, "crowds": _PEOPLE,
    "demonstration": _PEOPLE, "demonstrations": _PEOPLE, "protest": _PEOPLE,
    "protests": _PEOPLE, "rally": _PEOPLE, "rallies": _PEOPLE, "march": _PEOPLE,
    "marches": _PEOPLE, "gathering": _PEOPLE, "gatherings": _PEOPLE, "toll": "deaths",
    "population": "inhabitants", "casualties": "casualties", "losses": "losses",
    "damage": "damage", "damages": "damage", "cost": "cost", "costs": "cost", "share": "%",
    "age": "years",
}  # fmt: skip
_AGE_KINDS = (
    r"retirement|pension|pensionable|voting|legal|minimum|maximum|drinking|school-leaving"
    r"|statutory|mandatory|marriageable|working|starting"
)
# Words that are verbs as often as measures ("it has cost 2.13m") are measures only when
# linked to the figure: "the cost was", "damage of", "losses at".
_VERBS_TOO = ("cost", "costs", "damage", "damages", "losses", "share")
_MEASURE_BEFORE = re.compile(
    rf"\b(?:(?:{_AGE_KINDS})\s+(?P<age>age)|(?:death|casualty)\s+(?P<toll>toll)"
    # "the death toll from the quake stands at 20", "the death toll in Derna rose to 11"
    r"(?:\s+(?:from|in|of|after)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+)?,?"
    rf"|(?P<measure>{'|'.join(m for m in _MEASURES if m not in ('age', *_VERBS_TOO))})"
    rf")\s+{_LINK}$"
    rf"|\b(?P<linked>{'|'.join(_VERBS_TOO)})\s+(?={_LINK.replace('{0,4}', '{1,4}')}$)",
    re.I,
)
_RETIRE_AT = re.compile(r"\bretir(?:e|es|ed|ing|ement)\s+at\s+$", re.I)
# "raise the age at which retirees receive a state pension to 64": a change of a measure.
_CHANGE = (
    r"rais|increas|lower|reduc|push|lift|extend|delay|mov|chang|cut|bring|brought|set"
    r"|hik|boost|shift"
)
_CHANGED_MEASURE = re.compile(
    rf"\b(?:{_CHANGE})\w*\s+(?:the|its|their|this|[\w-]+['’]s)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?P<measure>{'|'.join(_MEASURES)})\b[^,;:.!?]{{0,60}}\b(?:to|from|by)\s+$",
    re.I,
)
# "the number of civil servants ... almost 100,000": the plural noun of the phrase, else its
# first word.
_NUMBER_OF = re.compile(
    r"\bnumber of\s+(?:[A-Z][\w'’-]*\s+)*(?:(?:[a-z-]+\s+){0,2}?(?P<plural>[a-z]+s)\b"
    r"|(?P<noun>[a-z]+)\b)[^,.;]*$"
)
# People are the object of these verbs ("killing 12", "wounding thousands") ...
_PEOPLE_OBJECT = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)|hurt(?:ing|s)?"
    r"|detain(?:ed|ing|s)?|arrest(?:ed|ing|s)?|evacuat(?:ed|ing|es|e)|displac(?:ed|ing|es|e)"
    r"|rescu(?:ed|ing|es|e)|mobili[sz](?:ed|ing|es|e)|drew|draw(?:ing|s)?"
    r"|attract(?:ed|ing|s)?)\s+$",
    re.I,
)
# ... or the subject: "700,000 protested", "thousands were injured", "81,000 to gather".
_PEOPLE_SUBJECT = re.compile(
    r"^\s+(?:(?:have|has|had|were|are|was|is|been|being|will|would|could|may|might"
    r"|reportedly|allegedly|also|then|to|who|had been|have been)\s+)*"
    r"(?:protest(?:ed|ing)?|demonstrat(?:ed|ing|e)|march(?:ed|ing)?|rall(?:ied|y|ying)"
    r"|gather(?:ed|ing)?|t(?:ook|ake|aking) (?:to the streets|part)|turn(?:ed)? out"
    r"|join(?:ed)?|died|die|perish(?:ed)?|fled|flee|killed|injured|wounded|hurt|detained"
    r"|arrested|displaced|evacuated|rescued|missing|dead|drowned|voted|attended"
    r"|participat(?:ed|ing|e)|walked out|c(?:a|o)me out)\b",
    re.I,
)
# What may stand between two figures of one list or comparison.
_JOINED = re.compile(
    r"^[\s,;:()\[\]–—-]*(?:(?:and|or|but|not|nor|than|rather|instead of|versus|vs\.?|against"
    r"|compared to|compared with|to|up from|down from)\b[\s,;:()\[\]–—-]*)*$",
    re.I,
)
# A list of one count by place: "73 people were killed in North Carolina, 36 in South
# Carolina, 17 in Florida and two in Virginia": each item counts what the first does.
_IN_PLACE = r"in\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_NEXT_ITEM = r"(?:,\s*(?:and\s+)?|\s+and\s+)"
_BY_PLACE = re.compile(
    rf"^\s+[^,;:()\d]{{0,40}}?\b{_IN_PLACE}{_NEXT_ITEM}"
    rf"(?:(?:\d[\d,.]*|[a-z]+)\s+{_IN_PLACE}{_NEXT_ITEM})*$"
)
_PLACE_NEXT = re.compile(rf"^\s+{_IN_PLACE}")
_DURATIONS = re.compile(r"^(?:second|minute|hour|day|week|month|year|decade|centur)", re.I)
_MEASURE_UNITS = re.compile(
    r"^(?:met(?:re|er)s?|km|kilomet|miles?$|feet$|foot$|ft$|inch|cm$|mm$|acres?$|hectares?$"
    r"|kg$|lbs$|tonnes?$|tons?$|mph$|km/h$|lit(?:re|er)|gallons?$|gb$|mb$|kb$|tb$|[kmg]bps$"
    r"|[kmg]hz$|[kmg]w$|kwh$|seconds$|secs$|points$|pence$)",
    re.I,
)
_RATIO = 1000.0


def is_plural(word: str) -> bool:
    """A plural noun: "troops", "people"; not "press", "bus", "analysis"."""
    if word in IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is"))):
        return True
    return word.endswith(_IRREGULAR_ENDINGS) and word not in _NOT_MEN


def may_follow_plural(word: str) -> bool:
    """A singular word that still names what a plural figure counts: a unit of measure, a
    currency, a people adjective ("4.4 million jobless")."""
    return bool(_MEASURE_WORDS.search(word)) or word.endswith("less") or word in _ED_NOUNS


def is_participle(word: str) -> bool:
    """ "estimated", "protested", "wounded": a verb form, not the thing counted."""
    return len(word) > 4 and word.endswith("ed") and word not in _ED_NOUNS


def frame_unit(sentence: str, hedge_start: int, end: int, value: float | None) -> str | None:
    """The unit a figure's own frame gives it (rule 1), or None."""
    before = sentence[max(0, hedge_start - 120) : hedge_start]
    after = sentence[end : end + 60]
    if _PEOPLE_OBJECT.search(before[-30:]) or _PEOPLE_SUBJECT.match(after):
        return _PEOPLE
    near = before[-60:]
    if measure := _MEASURE_BEFORE.search(near):
        if measure.group("age"):
            return "years"
        if measure.group("toll"):
            return "deaths"
        unit = _MEASURES[(measure.group("measure") or measure.group("linked")).lower()]
        return None if unit == "%" and (value is None or value > 100) else unit
    if _RETIRE_AT.search(near):
        return "years"
    if changed := _CHANGED_MEASURE.search(before):
        unit = _MEASURES[changed.group("measure").lower()]
        return None if unit == "%" and (value is None or value > 100) else unit
    if counted := _NUMBER_OF.search(sentence[max(0, hedge_start - 180) : hedge_start]):
        return counted.group("plural") or counted.group("noun")  # "the number of soldiers"
    return None


class Slot(NamedTuple):
    """A figure of a sentence as the list rule sees it."""

    start: int  # where its hedge starts
    end: int  # where its written unit ends
    value: float | None  # None for a vague amount
    unit: str | None  # its own or its frame's; None if neither
    base: str | None  # a percentage's base: "votes" in "51.2 percent of the votes"
    small: bool  # a whole number under 100 written bare ("42", "two")
    scaled: bool  # written with a scale word or decimals ("2.8 million", "7.5")
    lends: bool = True  # False for a base: "per 100 people" says what a rate is of


def _kind(unit: str) -> str:
    if unit == "%":
        return "share"
    if len(unit) == 3 and unit.isupper():
        return "money"
    if _DURATIONS.match(unit) or _MEASURE_UNITS.match(unit):
        return "measure"  # "6.61 and 6.62 seconds", "20 or 30 years"; not "(7.96)" after "60m"
    return "count"


def _like_size(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return True  # a vague amount: its size is not written
    if a <= 0 or b <= 0:
        return False
    return abs(math.log(a / b)) <= math.log(_RATIO)


def _takes(sentence: str, slot: Slot, other: Slot) -> str | None:
    """The unit `slot` may take from `other`, or None."""
    if other.unit is None or not other.lends:
        return None
    first, second = (other, slot) if other.start < slot.start else (slot, other)
    joined = bool(_JOINED.match(sentence[first.end : second.start]))
    if first is other and not joined:  # the next item of a list by place
        joined = bool(
            _BY_PLACE.match(sentence[first.end : second.start])
            and _PLACE_NEXT.match(sentence[second.end :])
        )
    kind = _kind(other.unit)
    if kind == "share":
        if slot.value is not None and slot.value > 100:
            return other.base  # "51.2 percent of the votes (5,150,092)"
        return other.unit if joined else None  # "30% in 2003 and 40 in 2004"
    if slot.small or kind == "measure" or (kind == "money" and not slot.scaled):
        return other.unit if joined else None
    return other.unit if _like_size(slot.value, other.value) else None


def inherited_units(sentence: str, slots: list[Slot]) -> list[str | None]:
    """Each figure's unit, those with none taking one from the sentence (rules 2 and 3).

    A figure takes from the figures that have one of their own or of their frame, never
    from one that took its own unit from another.
    """
    units = [s.unit for s in slots]
    gathering: bool | None = None
    for i, slot in enumerate(slots):
        if slot.unit is not None:
            continue
        before = [o for o in reversed(slots[:i])]
        after = slots[i + 1 :]
        for other in [*before, *after]:
            if unit := _takes(sentence, slot, other):
                units[i] = unit
                break
        if units[i] is None and not slot.small:
            if gathering is None:
                gathering = bool(GATHERINGS.search(sentence))
            if gathering:
                units[i] = _PEOPLE
    return units
