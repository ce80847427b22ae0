"""What a figure measures: the thing it counts, whose, where, when and over what period, so
that two figures are compared only when they count the same quantity.

Two figures of one story are one quantity when they agree on each of these:

- thing: what is counted, as a class. A noun names it ("1.28 million protesters", "12,000
  soldiers"), else the words around the figure do ("1.28 million people took to the
  streets", "killing 12 people", "left 32 people dead", "wounding approximately 2,800"),
  else a figure beside it in its sentence that says ("1.3 million people demonstrated,
  while the CGT said there were 3.5 million"; "1.28 million, according to the government
  (3.5 million, according to the union)"), else the subject of the clause the figure
  completes ("the death toll from the floods has now reached more than 5,200"; "the number
  of confirmed victims ... is 4,331 people"), else the figure said before that "the
  number" refers to ("6,000 people had died. But a spokesman put that number higher, at
  11,300"): people present (protesters, demonstrators,
  marchers, participants, strikers, a crowd, a turnout); deaths (killed, dead, died,
  deaths, toll, fatalities, victims); injured; killed or wounded; missing; displaced;
  detained; troops (and what happened to them: troops killed are deaths, "29,600
  servicemen lost" are casualties, not troops present); votes; flights cancelled ("almost
  7,000 flights were canceled", "6,000 flight cancellations"); devices affected (devices,
  computers); a company's stock's fall or rise ("shares were down 20%", "a 15% drop in its
  shares": a fall and a rise are two quantities); a share by what it is a
  share of ("51% of the vote" is a candidate's share; "80% of the tally sheets counted" is
  a count's progress; "73% of the tally sheets collected" is a share of the records one
  side holds; "participation was 59%" is turnout); money by what it pays for (insured
  losses, losses, damage, cost, aid) in its currency; a duration by what it is of ("25
  years of socialist rule", "43 years of contributions", "six hours after polls closed");
  an age by what it is ("the retirement age" is not "the voting age"). Else the counted
  noun itself ("260 demonstrations", "eight refineries"). "Another 500 troops" adds to a
  count and is none, but "11,300 deaths, and another 10,100 missing" counts another thing in
  full. Words after a percentage that
  say what happened are no base ("32% said", "lost 0.6% against the dollar", "a 6% rise"),
  nor are lives saved deaths ("could save six million lives").
- whose: whose things ("North Korean troops" are not Ukrainian servicemen: a place or
  demonym in the figure's phrase, "from North Korea", inside "the number of ..."; unnamed,
  for troops, what the article's other troop figures count) or, for votes and a share of the
  vote, which candidate ("51% for Maduro", "Gonzalez obtained 6.27 million", "5,150,092
  voters or 51.2%": the share restating a count is its candidate's; "I obtained 67%," the
  speaker's); for a sum or a stock, which company ("CrowdStrike's market cap", "its shares":
  the one named before it, else the one its article's title names).
- where: a place that narrows the figure ("700,000 in Paris" is not France's 3.5 million;
  "10,000 in the Kursk region" is not "12,000 in Russia"; "the capital" is the capital of
  the article's country). The article's own country (the one its figures are placed in
  most) is the whole: "1.28 million across France" and "1.28 million nationwide" are one
  quantity; so are troops in Russia and in its Far East, a vast region they arrive in.
  Another country narrows: "5,000 Syrian soldiers in Lebanon"; a list widens: "killed
  in Turkey and Syria", "the worst-hit areas are Sri Lanka, India, Indonesia and Thailand,
  with at least 23,000 killed" count for all of them, not the article's country. "Elsewhere
  in the country" is a place of its own (the rest), and "particularly in Derna" stresses a
  part of the whole without narrowing it. A state
  lies in its federation (PLACE_PARENT: South Carolina in the United States; Georgia is the
  state where the article names the federation's other places), and a place after
  "including" is the part's: "56 killed across five states, including 23 in South
  Carolina".
- when: a crowd or a turnout counts one day's event, whose day is part of the quantity (the
  CGT's 3.5 million of 7 March and of 23 March are two): the day nearest the figure in its
  sentence with no other figure between them ("1.27 million on January 31"; "on the 31st –
  1.27 million"), else its article's day. A running total (a toll, troops sent, votes
  counted) is one quantity over time: its figures are ordered by the day they hold on
  (`holds_on`, the same reading), and one that rose over a week is no disagreement.
- period: a time that narrows the figure ("sent in October", "in the past week", "over two
  days", "the fourth quarter", "the full year", "killed 10,000 in 1998"): a total is not a
  period's count.
- role: a figure of a change ("raise the retirement age from 62 to 64": 62 before, 64
  after; "at 64 rather than 62"), or a forecast ("between 1.1 and 1.4 million will be
  protesting") is not the count it forecasts; an exit poll's "would win 65%" is the
  poll's reading of the result, and a toll that "could reach 20,000" an estimate of what
  has happened, not forecasts.

A figure whose thing cannot be told, that names no kind of thing ("people" nothing is said
of, "cases", "members": "160,000 people settling in the UK" and "6 million people in the
UK" with a fast connection are not one quantity), or that counts nobody's things nowhere in
particular (a bare noun with no whose and no where: "eight refineries"; a share of
anything but the vote, the turnout or a count's records: "30% of men"; a sum for no named
purpose: "a loss of $387m"), is compared with nothing. All
of it is read from the figure's sentence and its article; which articles of a large library
are of one story is decided apart (extract/compare.py).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from extract.comparable import Comparable, Mention
from extract.dates import DayNamed, days_named
from extract.gazetteer import ALIASES, COUNTRIES, DEMONYMS
from extract.text import trie
from extract.words import GATHERINGS, MONTHS


class Measure(NamedTuple):
    """What a figure counts (see the module's rule); "" where nothing says."""

    thing: str
    whose: str = ""
    where: str = ""
    when: str = ""  # MM-DD: the day of the one-day event it counts (a crowd, a turnout)
    period: str = ""
    role: str = ""  # "before" / "after" a change, "forecast"

    @property
    def key(self) -> str:
        return "|".join(self)


class Measured(NamedTuple):
    """One figure as comparison reads it: what it measures (None: nothing comparable) and
    the day it holds on (YYYY-MM-DD, or --MM-DD where no year is known; None unknown)."""

    measure: Measure | None
    holds_on: str | None


# ---- the thing counted -------------------------------------------------------------------

# Classes of what is counted, and the words that say it, as a noun or beside the figure.
THINGS: dict[str, tuple[str, ...]] = {
    "people present": (
        "protesters", "protestors", "demonstrators", "marchers", "participants", "strikers",
        "crowd", "crowds", "turnout", "attendance", "attendees", "spectators",
        "demonstrated", "protested", "marched", "rallied", "gathered", "gather",
        "took to the streets", "take to the streets", "took part", "take part", "joined",
        "came out", "participated", "attended", "turned out", "demonstrating", "protesting",
        "marching", "joining", "taking part", "mobilized", "mobilised", "went to the rallies",
        "took to the protests", "drew", "drawing",
    ),
    "deaths": (
        "killed", "dead", "died", "deaths", "death toll", "toll", "fatalities", "victims",
        "lives", "bodies", "perished", "killing", "fatally", "die", "deceased", "death count",
        "death tally", "lost their lives", "lost lives", "lives lost", "lost his life",
        "lost her life",
    ),
    "injured": ("wounded", "injured", "hurt", "injuries", "wounding", "injuring"),
    "killed or wounded": (
        "casualties", "killed or wounded", "killed or injured", "dead or wounded", "lost",
        "losses",
    ),
    "missing": ("missing", "unaccounted"),
    "displaced": ("displaced", "evacuated", "homeless", "evacuees", "refugees"),
    "detained": ("detained", "arrested", "arrests", "detentions", "custody"),
    "troops": (
        "troops", "soldiers", "servicemen", "personnel", "fighters", "infantry", "recruits",
        "forces", "military personnel", "service members", "troop", "soldier",
    ),
    "officers": ("officers", "officer", "policemen", "gendarmes", "police officers"),
    "votes": ("votes", "voters", "ballots"),
    "flights cancelled": ("cancellations", "flight cancellations", "cancelled flights",
                          "canceled flights"),
    "devices affected": ("devices", "computers", "machines", "PCs", "laptops"),
}  # fmt: skip
# Nouns that count people (or troops) without saying what happened to them: the words
# around the figure say it.
_PEOPLE = frozenset(
    "people persons others individuals civilians residents citizens men women children adults "
    "workers inhabitants passengers".split()
)
# A people named by its nationality counts people: "Half a million Israelis took to the
# streets" is a crowd as "half a million people" is.
_NATIONALS = frozenset(
    name.lower() if name.endswith("s") else f"{name.lower()}s" for name in DEMONYMS
)
_HAPPENED = ("deaths", "injured", "killed or wounded", "missing", "displaced", "detained")
# Classes whose unnamed whose is what the article's other figures of them count, or of
# their family: "500 officers" in a story of North Korean troops are North Korean.
_WHOSE_FROM_ARTICLE = ("troops", "officers", "troops moved")
_FAMILY = {"officers": "troops", "troops moved": "troops"}
_CLASS_OF = {w: thing for thing, words in THINGS.items() for w in words}
_AROUND = re.compile(rf"\b(?:{trie(sorted(_CLASS_OF, key=len, reverse=True))})\b", re.I)
_MOVED = re.compile(r"\b(?:transported|transporting|transferred|moved by|shipped)\b", re.I)
_SHARE_BASE = re.compile(r"^\s*(?:of\s+)?(?:the\s+|all\s+|its\s+)?(?P<of>[\w' -]{0,40})", re.I)
_RECORDS = re.compile(
    r"\b(?:stations|polling|ballot boxes|boxes|precincts|tally|tallies|sheets|records"
    r"|registries|tables|machines|results|returns|minutes|actas|receipts|centres|centers"
    r"|counts|documents)\b",
    re.I,
)
# A count's progress ("80% of the votes counted", "results based on 80% of stations")
# against the records one side holds ("has 73% of the tallies", "tallies collected").
_COUNTING = re.compile(
    r"\b(?:counted|tallied|tallying|counting|processed|transmitted|scrutiny of|based on"
    r"|corresponds? to)\b",
    re.I,
)
_HOLDING = re.compile(
    r"\b(?:has|have|had|holds?|held|collected|compiled|gathered|obtained|analy[sz]ed|reviewed"
    r"|tracked|represented|represent|processing|scanned|uploaded|published|equal to)\b",
    re.I,
)
_VOTE = re.compile(r"\b(?:vote|votes|ballots|electorate|support)\b", re.I)
_WON = re.compile(
    r"\b(?:won|wins|win|winning|secured|obtained|garnered|received|got|polled|took)\b", re.I
)
_TURNOUT = re.compile(r"\b(?:turnout|participation)\b", re.I)
_MONEY = (
    ("insured losses", r"insured (?:losses|loss|damage)|insurance (?:losses|claims|payouts)"),
    ("economic losses", r"economic (?:losses|loss|damage|cost)"),
    ("losses", r"loss(?:es)?|lost"),
    ("damage", r"damages?"),
    ("cost", r"costs?|costing|bill"),
    ("aid", r"aid|assistance|relief|funding|grants?|donations?|support package"),
    (
        "market value",
        r"market (?:value|capitali[sz]ation)|capitali[sz]ation|valuation"
        r"|market cap",
    ),
    ("revenue", r"revenues?|sales|turnover"),
    ("fine", r"fines?|penalty|penalties|settlement"),
)
_MONEY_FRAMES = [(what, re.compile(rf"\b(?:{words})\b", re.I)) for what, words in _MONEY]
# A duration's unit, and how many of the base unit it is: decades are compared as years.
DURATIONS: dict[str, tuple[str, float]] = {
    "second": ("seconds", 1), "minute": ("minutes", 1), "hour": ("hours", 1),
    "day": ("days", 1), "week": ("weeks", 1), "month": ("months", 1), "year": ("years", 1),
    "decade": ("years", 10),
}  # fmt: skip
_DURATION_OF = re.compile(
    r"^\s*(?:(?:old\s+)?of\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?P<of>(?:[a-z-]+\s+){0,2}"
    r"[a-z-]+)|(?P<rel>after|before|later|earlier|late|behind bars|in prison|in jail))",
    re.I,
)
_AGE = re.compile(
    r"\b(?:retirement|pension|pensionable|voting|drinking|minimum|legal)\s+age\b"
    r"|\bretire\b|\bretiring\b",
    re.I,
)
_BEFORE_CHANGE = re.compile(
    r"\b(?:from|rather than|instead of|than|not|current|currently|now)\s+(?:the\s+)?$"
    r"|\b(?:maintain|maintaining|keep|keeping|preserve|preserving|defend|defending)\b[^,;.]{0,40}$",
    re.I,
)
_AFTER_CHANGE = re.compile(r"\b(?:to|at|reach|reaches|reaching)\s+$", re.I)
# A change's size: "raise the pension age by two years", "behind Gonzalez by 1.5 million".
_BY = re.compile(
    r"\b(?:rais|increas|ris|rose|cut|fell|fall|grew|grow|drop|lower|reduc|extend|push|delay"
    r"|shorten|lengthen|lead|led|behind|ahead|beat|up|down)\w*\s+(?:[\w'’-]+\s+){0,4}?by\s+"
    r"(?:about\s+|some\s+|another\s+|more than\s+|nearly\s+|almost\s+)?$",
    re.I,
)
_REMAINDER = re.compile(r"\b(?:remaining|rest of the|other)\s+$", re.I)
_FORECAST = re.compile(
    r"\b(?:will|would|expected|expects?|expecting|forecasts?|forecast|projected|predicts?"
    r"|predicted|anticipated?|plans? to|planned|pledged?|promised?|proposed?|proposals?"
    r"|could|might|may)\b",
    re.I,
)
# A figure that is part of the one before it: it counts the same people's, in its place.
_PART_OF = re.compile(r"\b(?:including|among them|among whom|of whom|of which|of them)\b", re.I)
_MEASUREMENT = re.compile(
    r"(?:met(?:re|er)s?|kilomet(?:re|er)s?|km|miles?|feet|foot|ft|inch(?:es)?|cm|mm|yards?"
    r"|acres?|hectares?|kg|kilograms?|grams?|lbs|pounds weight|tonnes?|tons?|mph|knots"
    r"|lit(?:re|er)s?|gallons?|barrels?|gigawatts?|megawatts?|watts?|degrees)$"
)
# Between a vote count and the share that restates it: "votes or 51.2%", "votes, which
# represents 44.2%", "votes which amounts to 51.95%", "votes (51.2%)".
_RESTATES = re.compile(
    r"^[\w\s]{0,12}?(?:,\s*)?(?:or|\(|which\s+(?:represents|amounts\s+to|is|was|equals))\s*$",
    re.I,
)
_CANCELLED = re.compile(r"\bcancel(?:l?ed|l?ing|s)?\b|\bgrounded\b", re.I)
_SAVED = re.compile(r"\b(?:sav|rescu|protect|spar)\w*\s+(?:\w+\s+){0,2}$", re.I)
_FORCE = re.compile(r"\b(?:military|militaries|army|armies|armed forces|force)\s+of\s+$", re.I)
_POPULATION = re.compile(
    r"\b(?:population|inhabitants|home to|a town of|a city of)(?:\W+(?:of|just|over|under"
    r"|about|around|some|nearly|almost|more|than|roughly))*\W*$",
    re.I,
)
_BREAKS = re.compile(r"[;()]|\s[–—]\s|,\s+(?:while|whereas|but|and|including|with)\s")


def _clause(claim: Comparable) -> tuple[str, str]:
    """The words of a figure's clause before it and after it (80 characters each way)."""
    return _clause_at(claim.sentence, claim.span_start - claim.start, claim.span_end - claim.start)


@lru_cache(maxsize=4096)
def _clause_at(sentence: str, at: int, end: int) -> tuple[str, str]:
    before = _BREAKS.split(sentence[max(0, at - 80) : at])[-1]
    after = _BREAKS.split(sentence[end : end + 80])[0]
    return before, after


# The classes words beside a figure say happened to what it counts; a noun's class
# ("gendarmes", "votes") names what is counted, never what happened.
_SAID_BESIDE = frozenset({"people present", *_HAPPENED})


def _said_right_before(before: str) -> str:
    """The class a word right before a figure says, which governs it: "killing nine"."""
    near = before[-40:]
    found = [
        _CLASS_OF[m.group(0).lower()] for m in _AROUND.finditer(near)
        if len(near) - m.end() <= 1 and _CLASS_OF.get(m.group(0).lower()) in _SAID_BESIDE
    ]  # fmt: skip
    return found[-1] if found else ""


def _said_around(before: str, after: str, within: int = 60) -> str:
    """The class the words nearest a figure say, or "": a word right before it governs it
    ("killing nine people and wounding 2,800"), else the nearest after it ("N people were
    killed", "3,958 dead and more than 9,000 still missing"), else the nearest before it
    ("N people took to the streets" ... "demonstrated, ..., N")."""
    near = before[-40:]
    after_it = [(m.start(), m.group(0)) for m in _AROUND.finditer(after[:within])]
    before_it = [(len(near) - m.end(), m.group(0)) for m in _AROUND.finditer(near)]
    for found in (
        [(d, w) for d, w in before_it if d <= 1], after_it, before_it,
    ):  # fmt: skip
        found = [(d, w) for d, w in found if _CLASS_OF.get(w.lower()) in _SAID_BESIDE]
        if found:
            return _CLASS_OF[min(found)[1].lower()]
    return ""


_NATIONWIDE = re.compile(
    r"\b(?i:nationwide|nationally|countrywide|across the country|in the country|in total"
    r"|overall|all over|throughout the country)\b|\b(?i:across) [A-Z]\w+"
)
_BODIES_OF = re.compile(
    r"\b(?:public|government|governing|official|regulatory|professional|statutory|local"
    r"|sporting|advisory|representative|arm's-length)\s+bodies\b",
    re.I,
)
# What a disaster does to buildings, whatever they are called.
_BUILDINGS = frozenset(
    "buildings building structures homes houses residences dwellings properties".split()
)
_DAMAGED = re.compile(
    r"\b(?:damaged|destroyed|razed|flattened|collapsed|levell?ed|burned|burnt|gutted"
    r"|reduced to rubble|wiped out|lost)\b",
    re.I,
)


# What is done with the dead once found: each its own count, a part of the toll, never the
# toll ("out of the 275, 88 bodies have been identified", "170 have been sent to
# Bhubaneswar", "78 bodies have been handed over"); "bodies were recovered" is the toll.
_BODIES_HANDLED = (
    ("bodies identified", re.compile(r"^\W*(?:\w+\W+){0,3}?(?:identified|unidentified)\b", re.I)),
    (
        "bodies handed over",
        re.compile(
            r"^\W*(?:\w+\W+){0,3}?(?:handed over|released|claimed|unclaimed|returned)\b", re.I
        ),
    ),
    (
        "bodies moved",
        re.compile(
            r"^\W*(?:\w+\W+){0,3}?(?:sent|shifted|moved|transported|taken|brought|kept|preserved)"
            r"\s+(?:to|in|at)\b",
            re.I,
        ),
    ),
)


def _bodies_handled(after: str) -> str:
    """What was done with the bodies a figure counts, as its class; "" for the dead found."""
    return next((name for name, done in _BODIES_HANDLED if done.search(after[:50])), "")


def _said_before_bracket(claim: Comparable) -> str:
    """The class a figure in brackets gives the number of: "the highest death toll
    (1,293)"."""
    before = in_sentence(claim, claim.span_start - 45, claim.span_start)
    if not re.search(r"\(\s*$", before):
        return ""
    return _said_around(before.rstrip(" ("), "")


def _said_later(claim: Comparable) -> str:
    """The class the rest of the figure's sentence says, past what is in brackets: "1.28
    million people, according to the government (3.5 million, according to the CGT)
    participated"."""
    rest = claim.sentence[claim.span_end - claim.start :][:240]
    rest = re.split(r";|\s[–—]\s|,\s+(?:while|whereas|but)\s", re.sub(r"\([^()]*\)", " ", rest))[0]
    return _said_around("", rest, 120)


def thing_of(claim: Comparable) -> str:
    """What a figure counts, as a class (see the module's rule), "" where nothing says."""
    unit = (claim.unit or "").lower() if _noun(claim.unit) else ""
    before, after = _clause(claim)
    if unit == "%":
        return _share_of(before, after)
    if (claim.unit or "").isupper():
        return _money_of(claim.unit or "", before, after)
    head = unit.split()[-1] if unit else ""
    if head.rstrip("s") in DURATIONS:
        if age := _age_of(before[-40:], after[:30]):
            return age
        if _CONTRIBUTING.search(f"{before[-60:]} {after[:40]}"):
            # "contribute 43 years", "pay into the scheme for 43 years", "43 years of
            # pension contributions": what a pension requires, whatever the wording
            return f"{DURATIONS[head.rstrip('s')][0]} of contributions"
        return _duration_of(head, after)
    if not head and (age := _age_of(before[-40:], after[:20])):
        return age
    if head == "magnitude":  # an earthquake's, or an aftershock's
        return "aftershock magnitude" if _AFTERSHOCK.search(claim.sentence) else "magnitude"
    if _MEASUREMENT.match(head):
        return _length_of(claim, before, after)  # "72 km southwest of Marrakech"
    if head == "lives" and _SAVED.search(before[-30:]):
        return ""  # "could save six million lives": no one died
    if _FORCE.search(before[-30:]):
        return "size of a force"  # "one of the world's largest militaries of 1.2 million"
    if _POPULATION.search(before[-25:]):
        return "population"  # "In Ales, population 40,000": not a crowd
    if head == "bodies" and _BODIES_OF.search(
        in_sentence(claim, claim.span_start - 25, claim.span_end + 25)
    ):
        return "public bodies"  # "100,000 public bodies": organisations, not the dead
    if (head == "bodies" or (not head and re.search(r"\bbodies\b", before[-40:], re.I))) and (
        handled := _bodies_handled(after)
    ):
        return handled  # "of the remaining bodies, 170 have been sent to Bhubaneswar"
    around = _said_around(before, after) or _said_before_bracket(claim)
    known = _CLASS_OF.get(unit) or _CLASS_OF.get(head)
    if "officer" in unit:
        known = "officers"  # "officer-level personnel"
    if head in ("flights", "flight") and _CANCELLED.search(f"{before[-40:]} {after[:40]}"):
        return "flights cancelled"  # "almost 7,000 flights were canceled"
    if head in _BUILDINGS and _DAMAGED.search(f"{before[-40:]} {after[:60]}"):
        return "buildings damaged or destroyed"  # "271 structures were damaged or destroyed"
    people = head in _PEOPLE or head in _NATIONALS
    if known in ("troops", "officers") or people or not head:
        subject = _CLASS_OF.get(_named_by_subject(claim).lower(), "")
        if subject in _HAPPENED and not _said_right_before(before):
            # The figure completes what its subject names, whatever follows it: "The death
            # toll ... jumped to 1,002 with 2,376 injured", "the death toll could exceed
            # 10,000 people and that losses could be greater".
            return subject
        if around in _HAPPENED:
            return around  # "40 troops killed", "12 people were killed"
        if known == "troops" and _MOVED.search(claim.sentence):
            return "troops moved"
        if known:
            return known
        if around:
            return around
        if subject:
            return subject  # "the death toll ... has risen to 11,300 (people)"
        if people:
            if later := _said_later(claim):
                return later
            return "people present" if GATHERINGS.search(claim.sentence) else "people"
        return ""
    return known or unit  # "five military bases": the thing is the noun phrase


# A figure that completes what its clause's subject (or object) names: "the death toll
# from the floods has now reached more than 5,200", "the number of confirmed victims ... is
# 4,331 people", "a Red Crescent representative put that number higher, at 11,300".
_COMPLETES = re.compile(
    r"(?:\b(?:has|have|had|could|may|might|would|will|is expected to|was expected to)\s+)?"
    r"(?:now\s+|since\s+|already\s+|then\s+)?"
    r"\b(?:risen|rose|rise|rises|climbed|climbs|climb|jumped|soared|reached|reach|reaches|hit"
    r"|hits|stands?|stood|was|is|were|are|passed|topped|exceeded|surpassed|exceeds?|surpass"
    r"|increased|grew|mounted|totals?|totall?ed|been)\s+(?:to\s+|at\s+)?$"
    # a modal whose verb the figure's own words begin: "the toll could [exceed 10,000]"
    r"|\b(?:could|may|might|would|will|is expected to|was expected to)\s+$",
    re.I,
)
_PUT_AT = re.compile(r"\b(?:put|puts|putting|placed|places|estimated|estimates)\s+"
                     r"(?P<what>[^,.;:]{2,60}?)(?:,?\s+(?:much\s+|even\s+|far\s+)?"
                     r"(?:higher|lower))?,?\s+at\s+$", re.I)  # fmt: skip
# What refers back to a figure said before: "the number", "that figure", "the tally".
_REFERS_BACK = re.compile(
    r"^(?:the|that|this|its|their|the new|the latest|the official|the previous|the revised"
    r"|the updated)\s+(?:number|figure|tally|total|count|estimate)s?$",
    re.I,
)


def _named_by_subject(claim: Comparable) -> str:
    """The word of a class that the subject of a figure's clause names, where the figure
    completes it ("the death toll ... has now reached 5,200"; "put the toll at"), "the
    number" where the subject only refers back to a figure said before, else ""."""
    before = in_sentence(claim, claim.start, claim.span_start)
    near = max(0, len(before) - 120)  # both end at the figure: searched from near it
    put = _PUT_AT.search(before, near)
    if put:
        subject = put.group("what")
    elif verb := _COMPLETES.search(before, near):
        subject = re.split(r"[;:]|\s[–—]\s", before[: verb.start()])[-1]
        subject = re.sub(r"^.*\b(?:said|says|reported|added|stated|announced)\b", "", subject)
    else:
        return ""
    named = _AROUND.search(subject)
    if named:
        if re.search(r"\d[\d,.]*\s+(?:[\w-]+\s+){0,2}$", subject[: named.start()]):
            return ""  # another figure's words: "11,300 dead, and the toll is ..."
        return named.group(0)
    return "the number" if _REFERS_BACK.match(subject.strip()) else ""


_AFTERSHOCK = re.compile(r"\baftershocks?\b", re.I)
# What an earthquake measures: no figure beside one counts what it does.
_MEASURED_ALONE = frozenset({"magnitude", "aftershock magnitude", "depth"})


def of_the_event(thing: str) -> bool:
    """Whether a thing is a property of the event (an earthquake's magnitude, depth,
    distance from a place): it is nowhere in particular and holds for the event, not at a
    time, so two figures of it never "changed"."""
    return thing in _MEASURED_ALONE or thing.startswith("distance from ")


_DEPTH = re.compile(r"\bdepth\s+of\s+(?:about\s+|around\s+|some\s+)?$|^\s*(?:deep|below)\b", re.I)
_FROM_PLACE = re.compile(
    r"^\s*(?:\([^()]{0,30}\)\s*)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?"
    r"(?:of|from)\s+(?:the\s+)?(?:(?:city|town|village|port)\s+of\s+)?$",
    re.I,
)


def _length_of(claim: Comparable, before: str, after: str) -> str:
    """What a length measures, where its words say: an earthquake's depth ("at a depth of
    10 km", "10 km deep"), a distance from a place ("72 km (45 miles) southwest of
    Marrakech", "77 kilometers southwest of the city of Marrakech"); else "" (of what,
    unsaid: "100 metres")."""
    if _DEPTH.search(before[-20:]) or _DEPTH.search(after[:12]):
        return "depth"
    for place in (m for m in claim.mentions if m.type in ("place", "other")):
        if claim.span_end <= place.start <= claim.span_end + 60 and _FROM_PLACE.match(
            in_sentence(claim, claim.span_end, place.start)
        ):
            return f"distance from {place.name}"
    return ""


_STOCK = re.compile(r"\b(?:shares?|stock|share price|stock price|value|market cap\w*)\b", re.I)
_FELL = re.compile(
    r"\b(?:down|fell|fallen|falling|fall|drop|dropped|dropping|plunged?|plummeted|lost|losing"
    r"|decreased?|slid|slide|sank|sink|tumbled?|shed|knocked off|wiping|wiped|slump\w*"
    r"|declined?|decline)\b",
    re.I,
)
_ROSE = re.compile(
    r"\b(?:up|rose|risen|rising|rise|gained?|jumped?|climbed?|soared?|increased?|surged?)\b", re.I
)


def _stock_move(before: str, after: str) -> str:
    """A percentage a company's stock moved by: "shares were down 20%", "a 15% drop in its
    shares", "the share price has decreased 16.69%"; a fall and a rise are two quantities."""
    around = f"{before} {after}"
    if not _STOCK.search(around):
        return ""
    if _FELL.search(around):
        return "fall in share price"
    if _ROSE.search(around):
        return "rise in share price"
    return ""


def _age_of(before: str, after: str) -> str:
    """Which age a figure is, by the words beside it: the retirement age ("retire at
    64", "the pension age") is not the voting age, nor the minimum age of a candidate."""
    found = _AGE.search(before) or _AGE.search(after)
    if not found:
        return ""
    word = found.group(0).lower().split()[0]
    return f"age: {_AGE_KIND.get(word, word)}"


_AGE_KIND = {"retire": "retirement", "retiring": "retirement", "pension": "retirement",
             "pensionable": "retirement", "legal": "minimum"}  # fmt: skip


def _share_of(before: str, after: str) -> str:
    """What a percentage is a share of (see the module's rule)."""
    base = _SHARE_BASE.match(after)
    of = base.group("of") if base else ""
    near = before[-40:]
    if moved := _stock_move(near, after[:40]):
        return moved
    if _TURNOUT.search(near) or _TURNOUT.search(of[:15]):
        return "share of turnout"
    if _COUNTING.search(of[:45]) or _COUNTING.search(near[-25:].split(",")[-1]):
        return "share counted"
    if _RECORDS.search(of[:30]) and (_HOLDING.search(near) or _HOLDING.search(of[:60])):
        return "share of records held"
    if _VOTE.search(of[:15]) or _VOTE.search(near[-25:]) or of.lower().startswith("for "):
        return "share of the vote"
    if _WON.search(near):
        return "share won"  # of the vote, if a candidate won it (measured)
    if _RECORDS.search(of[:30]):
        return "share of records held"
    words = [w for w in of.lower().split() if w not in ("a", "an")]
    if not words or words[0] in _NOT_A_BASE or not words[0].isalpha():
        return ""  # "rose by 4.3% in the year": a rate of what, unsaid
    said_of = after.lstrip().lower().startswith("of ")  # "of" names a base: "30% of spending"
    if words[0] in _NOT_A_SHARE or (not said_of and words[0].endswith(("ed", "ly", "ing"))):
        return ""  # "32% said", "lost 0.6% against the dollar", "10% coming from Iran"
    return f"share of {words[0]}"


_NOT_A_BASE = frozenset(
    "in on at to for from by with the this that these those its their his her and or but as "
    "than over under of after before since during a an would could will may might should "
    "can is was be been are were has have had just only some about around nearly almost "
    "total totalling".split()
)
# Words after a percentage that say what happened, not what it is a share of: a poll's
# answer ("32% said"), a change ("a 6% rise", "15% lower", "1.7% last year").
_NOT_A_SHARE = frozenset(
    "said say says against last lower higher more less up down rise rises fall falls "
    "increase increases decrease decreases drop drops decline declines growth gain gains "
    "jump jumps cut cuts lead stake chance probability year month week quarter annual "
    "annually year-on-year agree agreed disagree disagreed opposed backed think thought "
    "believe believed want wanted".split()
)


_FOR_WHOM = re.compile(r"^\s*(?:for|to)\s+(?:the\s+|a\s+|an\s+)?(?P<whom>[a-z][a-z-]+)", re.I)


def _money_of(currency: str, before: str, after: str) -> str:
    """What a sum pays for, as a class and what it is for: "maintenance grants of up to
    £2,000" is not "a £2,000 grant for first-time buyers"."""
    ahead = before[-40:] if len(before) <= 40 else before[-40:].split(" ", 1)[-1]  # whole words
    if subject := _ESTIMATED_AT.search(before):
        ahead = subject.group("what")  # "the cost to rebuild Lahaina was estimated at"
    near = f"{ahead} | {after[:25]}"  # the purpose said beside the sum
    for what, frame in _MONEY_FRAMES:
        if found := frame.search(near):
            word = re.findall(r"[a-z-]+", near[: found.start()].lower())[-1:]
            past = found.end() - len(ahead) - 3  # where the frame ends in `after`
            rest = after[past:] if past >= 0 else near[found.end() :]
            whom = _FOR_WHOM.match(rest)
            detail = (whom.group("whom").lower() if whom else "") or (
                word[0] if word and word[0] not in _NOT_A_BASE else ""
            )
            return f"{what}{f': {detail}' if detail else ''} ({currency})"
    return ""  # a sum nobody says what it pays for is compared with nothing


_CONTRIBUTING = re.compile(
    r"\b(?:contribute|contributing|contributed|contributions?|pay into|paying into|paid into"
    r"|pay in)\b",
    re.I,
)


def _duration_of(head: str, after: str) -> str:
    unit = DURATIONS[head.rstrip("s")][0]
    found = _DURATION_OF.match(after)
    if found is None:
        return ""  # "for two days", "three years": of what, unsaid
    if found.group("of"):
        words = found.group("of").lower().split()
        while len(words) > 1 and words[-1] in _NOT_A_BASE:
            words.pop()  # "of socialist rule in": its noun, not the word after it
        return f"{unit} of {words[-1]}"
    return f"{unit} {found.group('rel').lower()}"


# ---- whose, where ------------------------------------------------------------------------

# Vast parts of a country where troops arrive or train: a figure there counts for the country.
MACRO_REGIONS = frozenset({"Far East", "Russian Far East", "Siberia"})
# Contained in: for choosing the narrower scope and explaining why two figures differ.
PLACE_PARENT = {
    "Kursk": "Russia", "Belgorod": "Russia", "Bryansk": "Russia", "Moscow": "Russia",
    "Far East": "Russia", "Russian Far East": "Russia", "Vladivostok": "Russian Far East",
    "Ussuriysk": "Russian Far East", "Khabarovsk": "Russian Far East",
    "Blagoveshchensk": "Russian Far East", "Siberia": "Russia", "St Petersburg": "Russia",
    "Crimea": "Ukraine", "Donetsk": "Ukraine", "Luhansk": "Ukraine", "Kharkiv": "Ukraine",
    "Kyiv": "Ukraine", "Odesa": "Ukraine", "Mariupol": "Ukraine", "Bakhmut": "Ukraine",
    "Pyongyang": "North Korea", "Seoul": "South Korea", "Busan": "South Korea",
    # The states of federations, whose stories name them more than the country: a toll in
    # South Carolina is part of one in the United States.
    **dict.fromkeys(
        "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida "
        "Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland "
        "Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada "
        "Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia "
        "Washington Wisconsin Wyoming".split(), "United States"),
    **dict.fromkeys(("New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
                     "North Dakota", "Rhode Island", "South Carolina", "South Dakota",
                     "West Virginia", "Puerto Rico", "Carolinas", "Appalachia"), "United States"),
    **dict.fromkeys(("Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba",
                     "Saskatchewan", "Nova Scotia", "New Brunswick"), "Canada"),
    **dict.fromkeys(("New South Wales", "Victoria", "Queensland", "Western Australia",
                     "South Australia", "Tasmania"), "Australia"),
}  # fmt: skip
# A country's name that is also a state of a federation: the state, where the article names
# the federation's other places.
_STATE_OR_COUNTRY = {"Georgia": "United States"}
# Who speaks for a country (a capital for its government): "Pyongyang" is North Korea's.
GOVERNMENTS = {
    "Kremlin": "Russia", "Moscow": "Russia", "Pyongyang": "North Korea", "Seoul": "South Korea",
    "Kyiv": "Ukraine", "Washington": "United States", "White House": "United States",
    "Pentagon": "United States", "Beijing": "China", "Tehran": "Iran",
}  # fmt: skip
# The city "the capital" means in a story of each country.
CAPITALS = {
    "France": "Paris", "United Kingdom": "London", "Germany": "Berlin", "Spain": "Madrid",
    "Italy": "Rome", "Russia": "Moscow", "Ukraine": "Kyiv", "Serbia": "Belgrade",
    "Venezuela": "Caracas", "Lebanon": "Beirut", "Iran": "Tehran", "Japan": "Tokyo",
    "United States": "Washington", "China": "Beijing", "India": "New Delhi",
    "South Korea": "Seoul", "North Korea": "Pyongyang", "Myanmar": "Naypyidaw",
    "Turkey": "Ankara", "Syria": "Damascus", "Egypt": "Cairo", "Greece": "Athens",
    "Poland": "Warsaw", "Hungary": "Budapest", "Taiwan": "Taipei", "Georgia": "Tbilisi",
    "Argentina": "Buenos Aires", "Brazil": "Brasilia", "Mexico": "Mexico City",
    "Belarus": "Minsk", "Portugal": "Lisbon", "Netherlands": "Amsterdam",
    "Belgium": "Brussels", "Austria": "Vienna", "Sweden": "Stockholm", "Norway": "Oslo",
    "Kenya": "Nairobi", "Nigeria": "Abuja", "Pakistan": "Islamabad", "Israel": "Jerusalem",
    "Peru": "Lima", "Colombia": "Bogota", "Chile": "Santiago", "Cuba": "Havana",
    "Iraq": "Baghdad", "Afghanistan": "Kabul", "Bangladesh": "Dhaka", "Thailand": "Bangkok",
    "Indonesia": "Jakarta", "Philippines": "Manila", "Vietnam": "Hanoi", "Ireland": "Dublin",
    "Denmark": "Copenhagen", "Finland": "Helsinki", "Czechia": "Prague",
    "Romania": "Bucharest", "Bulgaria": "Sofia", "Saudi Arabia": "Riyadh", "Qatar": "Doha",
}  # fmt: skip
_CONTINENTS = frozenset({"Europe", "Asia", "Africa"})
_LOCATIVE = re.compile(
    r"\b(?:in|into|to|at(?!\s+(?:least|most))|near|across|inside|within)\b[^.;]{0,25}$", re.I
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|into|to|at|near|inside|within)\s+(?:the\s+)?(?:(?:[\w'’-]+\s+){0,2}?(?:city|town"
    r"|village|port|region|province|state|district|governorate|county|area)\s+of\s+)?$"
    r"|\bthe\s+(?:province|region|governorate|district|county)\s+of\s+$",
    re.I,
)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
# "51% for Maduro", "6.27 million for his rival, former diplomat Edmundo Gonzalez"
_FOR = re.compile(r"^\s*(?:[\w%.,-]+\s+){0,5}?for\s+(?:[\w’'-]+,?\s+){0,5}?$", re.I)
_OWN_FOR = re.compile(r"^\s*(?:[\w%.,-]+\s+){0,2}?for\b", re.I)  # its own "for X" follows
# A candidate right before a figure, by a verb of winning: "Maduro obtained only 2.76 million"
_WON_BEFORE = re.compile(
    r"^\s+(?:has\s+|had\s+|have\s+)?(?:won|received|obtained|got|secured|garnered)\s+"
    r"(?:only\s+|about\s+|around\s+|an estimated\s+|nearly\s+|almost\s+|more than\s+"
    r"|some\s+|over\s+)?$",
    re.I,
)
_NUMBER_OF = re.compile(r"\bnumber of\b[^,.;]*$", re.I)
_PLACED_IN = re.compile(r"\b(?:in|at|across|inside|near|within)\b", re.I)  # not whose: where
_THE_CAPITAL = re.compile(
    r"^(?i:(?:\s+[\w-]+){0,5}?\s+(?:in|into|across|around|through|of)\s+the\s+capital\b)"
    r"(?!,?\s+[A-Z])"  # "in the capital Bangkok", "the capital, Bangkok": that place
)


def in_sentence(claim: Comparable, start: int, end: int) -> str:
    """The sentence's text between two body offsets."""
    return claim.sentence[max(0, start - claim.start) : max(0, end - claim.start)]


def as_country(name: str) -> str:
    """A place as the country it speaks for, when it is a seat of government."""
    return GOVERNMENTS.get(name, name) if name not in COUNTRIES else name


def within(place: str, region: str) -> bool:
    """Whether place lies in region, by PLACE_PARENT: Vladivostok lies in Russia."""
    while place in PLACE_PARENT:
        place = PLACE_PARENT[place]
        if place == region:
            return True
    return False


def _places(claim: Comparable) -> list[Mention]:
    return [m for m in claim.mentions if m.type == "place"]


def whose_of(claim: Comparable, thing: str, company: str = "") -> str:
    """Whose things a figure counts (see the module's rule); "" where nothing says.
    `company` is the organisation its article names most: whose "its stock" is."""
    if thing in ("votes", "share of the vote"):
        return _candidate(claim)
    if "(" in thing or thing.endswith("in share price"):
        return _company(claim, company)
    if thing == "people present":
        return ""  # a crowd is of a place and day: "half a million Israelis" across Israel
    places = _places(claim)
    inside = [p for p in places if claim.span_start <= p.start < claim.span_end]
    if inside:
        return as_country(inside[0].name)
    counted = _NUMBER_OF.search(in_sentence(claim, claim.start, claim.span_start))
    for place in (p for p in places if p.end <= claim.span_start):
        if (
            counted
            and place.start - claim.start >= counted.start()
            and not _PLACED_IN.search(in_sentence(claim, claim.start + counted.start(),
                                                   place.start))
        ):  # fmt: skip
            return as_country(place.name)  # "the number of North Korean soldiers ..."
    for place in (p for p in places if claim.span_end <= p.start < claim.span_end + 60):
        if _FROM.search(in_sentence(claim, place.start - 12, place.start)):
            return as_country(place.name)  # "... three generals from North Korea"
    return ""


def _company(claim: Comparable, main: str) -> str:
    """Whose money or stock a figure is: the organisation its clause names nearest before
    it ("CrowdStrike's shares were down 20%", "The outages cost Delta $500 million"), else
    right after it ("the 12.5% now experienced by CrowdStrike"), else, where the clause
    says "its", "the company" or "us", the one named last before in its sentence, else its
    article's own (`main`).
    The source cited is not it ("MarketWatch's price tracker, the share price ...")."""
    cited = claim.attributed_to or ""
    orgs = [m for m in claim.mentions if m.type == "org" and m.name not in cited]
    before_text = _clause(claim)[0]
    clause_start = claim.span_start - len(before_text)
    before = [m for m in orgs if clause_start <= m.start and m.end <= claim.span_start]
    if before:
        return before[-1].name
    after = [m for m in orgs if claim.span_end <= m.start < claim.span_end + 30]
    if after:
        return after[0].name
    if not _ITS.search(before_text):
        return ""
    earlier = [m for m in orgs if m.end <= clause_start]  # "Microsoft ...; its share price"
    return earlier[-1].name if earlier else main


_ITS = re.compile(
    r"\b(?:its|the company(?:'s|’s)?|the firm(?:'s|’s)?|the airline|us|our|we)\b", re.I
)


_TITLE = re.compile(
    r"^(?:(?:candidate|president|presidential candidate|opposition candidate|challenger|mr|mrs"
    r"|ms|dr|dictator|leader)\.?\s+)+",
    re.I,
)
_WON_AFTER = re.compile(r"^\s*(?:had\s+|has\s+)?(?:won|received|obtained|got|secured|garnered)\b")


def _candidate(claim: Comparable) -> str:
    """Whom a vote count or share is for: "51% for Maduro", "6.27 million for Gonzalez",
    "the 5.15 million votes the authority said Maduro had won", else the person its clause
    begins with ("Gonzalez obtained 6.27 million", "Maduro with 6.4 million votes")."""
    people = [m for m in claim.mentions if m.type in ("person", "other")]
    for person in reversed([p for p in people if p.end <= claim.span_start]):
        if _WON_BEFORE.match(in_sentence(claim, person.end, claim.span_start)):
            return _TITLE.sub("", person.name)  # before a later "while González obtained"
        break
    for person in (p for p in people if p.start >= claim.span_end):
        gap = in_sentence(claim, claim.span_end, person.start)
        if _FOR.match(gap) or (
            len(gap) <= 50
            and not re.search(r"\d|[;:]", gap)
            and _WON_AFTER.match(in_sentence(claim, person.end, person.end + 20))
        ):
            return _TITLE.sub("", person.name)
    if _OWN_FOR.match(in_sentence(claim, claim.span_end, claim.span_end + 40)):
        return ""  # "6.27 million for his rival": not the one named before
    for person in reversed([p for p in people if p.end <= claim.span_start]):
        gap = in_sentence(claim, person.end, claim.span_start)
        if len(gap) <= 60 and not re.search(
            r"[;:]|\d|,\s+(?:while|compared|against)\b|\bvs\b|\b(?:than|over|against)\b", gap
        ):
            return _TITLE.sub("", person.name)
    if claim.attributed_to and _I_WON.search(
        in_sentence(claim, claim.span_start - 40, claim.span_start)
    ):  # "I obtained more than 67%," González wrote: the speaker, by the name the text gives
        speaker = claim.attributed_to.split()[-1]
        named = [p.name for p in people if p.name.split()[-1] == speaker]
        return _TITLE.sub("", named[0] if named else claim.attributed_to)
    return ""


_I_WON = re.compile(
    r"\bI\s+(?:have\s+|had\s+)?(?:won|obtained|received|got|secured)\s+(?:more than\s+|about\s+"
    r"|nearly\s+|almost\s+|over\s+)?$"
)


_CAPITAL = "the capital"  # located there: the capital of the article's country
_ELSEWHERE = "elsewhere"  # located outside the place the story's figures count
_OUTSIDE = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,5}?(?:elsewhere|in other parts of|outside (?:the city|the capital))\b",
    re.I,
)
_DEMONYM = re.compile(rf"\b(?:{trie(sorted(DEMONYMS, key=len, reverse=True))})\b")


def located(claim: Comparable) -> str:
    """Where a figure's sentence puts it: the place after "in", "to", "across" ... that
    follows it, the narrower of two ("in Russia's Kursk"), "the capital", or the place
    before it ("soldiers deployed in the Russian army exceeded 10,000"); "" for none."""
    if _THE_CAPITAL.match(in_sentence(claim, claim.span_end, claim.span_end + 60)):
        return _CAPITAL
    if _OUTSIDE.match(_clause(claim)[1]):
        return _ELSEWHERE  # "170 other people had been killed elsewhere in eastern Libya"
    places = _places(claim)
    for place in places:  # "followed by Taroudant (452)": the bracket's place
        if re.fullmatch(r"\s*\(\s*", in_sentence(claim, place.end, claim.span_start)):
            return place.name
    after = [p for p in places if p.start >= claim.span_end]
    for index, place in enumerate(after):
        between = in_sentence(claim, claim.span_end, place.start)
        if re.search(r"\d", between):
            break  # "1,604 in Al Haouz, 976 in Taroudant": the next place is another's
        if _BREAKS.search(between) or _NEW_CLAUSE.search(between):
            continue  # another clause's place: "..., the pagers were linked to Taiwan"
        if _SAID_IN.search(between):
            continue  # where it was said: "killed 1,000 people, the junta said in Naypyidaw"
        if not _LOCATIVE.search(between):
            continue  # not where this one is
        if _ABOVE_ALL.search(between):
            continue  # "30,000 people homeless ..., particularly in Derna": the whole's
        following = after[index + 1] if index + 1 < len(after) else None
        gap = in_sentence(claim, place.end, following.start) if following else ""
        if following and (
            len(gap) <= 4 or (within(following.name, place.name) and len(gap) <= 20
                              and " and " not in gap and ";" not in gap)
        ):  # fmt: skip
            place = following  # "in Russia's Kursk", "in Russia, in Kursk": Kursk
        if place.name in MACRO_REGIONS and not _MOVED.search(claim.sentence):
            return country_of(place.name)  # troops in a vast region count for its country
        listed = _listed(claim, after[after.index(place) :])
        return _over(listed) if len(listed) > 1 else place.name
    if re.search(r"\d", _clause(claim)[0]):
        return ""  # "2,000 in Bastia, 4,500 in Belfort or 6,500": Belfort is another's
    clause_start = claim.span_start - len(_clause(claim)[0])
    before = [p for p in places if p.end <= claim.span_start]
    for place in reversed(before):
        if _LOCATIVE_BEFORE.search(in_sentence(claim, place.start - 40, place.start)):
            if re.search(r",\s+(?:which|who)\b", in_sentence(claim, place.end, claim.span_start)):
                break  # "traveled to South Carolina ..., which killed at least 160": the
                # relative clause's toll is not where the traveller went
            return place.name
    for place in before:  # "Thailand's national death toll from the quake stands at 20"
        if (
            place.start >= clause_start
            and in_sentence(claim, place.end, place.end + 2) in ("'s", "’s")
            and _named_by_subject(claim) not in ("", "the number")
        ):
            return place.name
    return ""


_AND = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+|\s*&\s*)$")
_SAID_IN = re.compile(
    r"\b(?:said|says|told (?:\w+\s+){0,2}?|speaking|announced|reported|added)\s+"
    r"(?:on \w+\s+|today\s+|yesterday\s+)?(?:in|at|from)\s+(?:the\s+)?$",
    re.I,
)
# A clause of its own subject and verb after a figure: its place is not the figure's.
_NEW_CLAUSE = re.compile(
    r",\s+(?:the|a|an|its|their|these|those)\s+(?:[\w-]+\s+){0,2}?(?:was|were|is|are|had|has"
    r"|have|will|would)\b",
    re.I,
)
_ABOVE_ALL = re.compile(
    r"\b(?:particularly|especially|mainly|mostly|largely|notably|chiefly|above all|most of them"
    r"|many of them)\s+(?:in|at|across)\s+(?:the\s+)?$",
    re.I,
)


def _listed(claim: Comparable, places: list[Mention]) -> list[str]:
    """The places of a list that starts with places[0] ("in Turkey and Syria"; "Sri Lanka,
    India, Indonesia and Thailand"): a figure over them all is no one country's."""
    names = [places[0].name]
    for before, place in pairwise(places):
        if not _AND.match(in_sentence(claim, before.end, place.start)):
            break
        if place.name not in names:
            names.append(place.name)
    return names


_EVENT_REACHED = re.compile(
    r"\b(?:that|which)\s+(?:also\s+)?(?:shook|hit|struck|rocked|jolted|affected|swept|battered"
    r"|was felt in)\s+(?:parts of\s+)?$",
    re.I,
)


def _listed_anywhere(claim: Comparable) -> str:
    """The countries of the first list of two or more its sentence names, joined: where a
    toll said beside such a list is ("the worst-hit areas are Sri Lanka, India, Indonesia
    and Thailand, with at least 23,000 people killed")."""
    places = [p for p in _places(claim) if country_of(p.name)]
    for index in range(len(places)):
        if _EVENT_REACHED.search(in_sentence(claim, places[index].start - 30, places[index].start)):
            continue  # "the quake that shook Myanmar, Thailand and ...": how far it reached
        listed = _listed(claim, places[index:])
        if len(listed) > 1:
            return _over(listed)
    return ""


def _over(listed: list[str]) -> str:
    """Where a figure over a list of places counts: the country whose regions they all are
    ("across Florida, Georgia, the Carolinas and Tennessee": the United States, whose total
    it is), else all of them ("in Turkey and Syria")."""
    states = [p for p in listed if p not in COUNTRIES or p in _STATE_OR_COUNTRY]
    within = {_STATE_OR_COUNTRY.get(p) or country_of(p) for p in states}
    if len(states) == len(listed) and len(within) == 1 and "" not in within:
        return within.pop()
    return " and ".join(sorted(listed))


_WHERE_SAID = re.compile(
    r"\b(?:in|across|throughout|inside|struck|hit|hits|jolted|shook|rocked|devastated|ravaged"
    r"|battered|swept)\s+(?:the\s+)?$",
    re.I,
)


def _country_said(claim: Comparable) -> str:
    """The one country its sentence names as where something is ("across Lebanon", "in
    Lebanon"), if only one."""
    named = {
        country for p in _places(claim)
        if (country := country_of(p.name))
        and _WHERE_SAID.search(in_sentence(claim, p.start - 12, p.start))
    }  # fmt: skip
    return named.pop() if len(named) == 1 else ""


# Who governs or serves a country, and so counts its own: not the press that reports it.
_AUTHORITY = re.compile(
    r"\b(?:authorities|authority|officials?|government|ministry|minister|police|military"
    r"|army|junta|agency|department|spokes(?:man|woman|person)|office|council|president"
    r"|prime minister|civil defen[cs]e|red crescent|red cross|rescuers)\b",
    re.I,
)


def _claimant_country(claim: Comparable) -> str:
    """The one country a figure's claimant governs or serves, by its demonym or its name:
    "Thai authorities said nine people had died" counts in Thailand. A news agency's own
    country is not where ("China's state-run Xinhua reported")."""
    who = claim.attributed_to or ""
    if not _AUTHORITY.search(who):
        return ""
    named = {DEMONYMS[m.group(0)] for m in _DEMONYM.finditer(who)} | {
        country for p in _places(claim)
        if (country := country_of(p.name)) and in_sentence(claim, p.start, p.end) in who
    }  # fmt: skip
    return named.pop() if len(named) == 1 else ""


def country_of(place: str) -> str:
    """The country a place lies in (itself, for a country), by PLACE_PARENT; "" unknown."""
    while place not in COUNTRIES and place in PLACE_PARENT:
        place = PLACE_PARENT[place]
    return place if place in COUNTRIES else ""


def where_of(place: str, country: str) -> str:
    """Where a figure counts (see the module's rule): the place it is located in ("the
    capital" is the article's country's)."""
    if place == _CAPITAL:
        return CAPITALS.get(country, "")
    if place == _ELSEWHERE:
        return f"{_ELSEWHERE} in {country}" if country else _ELSEWHERE
    return place


# A country as a title may name it: by its name, another name of it, or its demonym.
_STANDS_FOR = {
    **{c: c for c in COUNTRIES}, **DEMONYMS,
    **{alias: country for alias, country in ALIASES.items() if country in COUNTRIES},
}  # fmt: skip
_COUNTRY_WORD = re.compile(rf"\b(?:{trie(sorted(_STANDS_FOR, key=len, reverse=True))})\b")


# What a demonym before it makes no one's place: a company's or an outlet's nationality.
_TRADE_NOUN = re.compile(
    r"^\s+(?:[\w-]+\s+)?(?:company|companies|firm|firms|manufacturer|maker|brand|outlet"
    r"|newspaper|daily|broadcaster|media|news|conglomerate|bank|airline|carrier|start-?up"
    r"|giant|business|supplier|distributor|partner|intermediary|exporter|importer)\b",
    re.I,
)


def _says_where(claim: Comparable, start: int, end: int) -> bool:
    """Whether a demonym in a figure's sentence says where things are: of a place, people
    or a body ("the Libyan city of Derna", "Libyan data analysts", "the Libyan Red
    Crescent"); not of a company or an outlet ("Taiwanese company Gold Apollo", "As
    Hungarian Conservative reported": a longer name, not an organisation's)."""
    if _TRADE_NOUN.match(claim.sentence[end : end + 40]):
        return False
    at, until = claim.start + start, claim.start + end
    return not any(
        m.start <= at and until <= m.end and m.end - m.start > end - start and m.type != "org"
        for m in claim.mentions
    )  # fmt: skip


# ---- when, over what period --------------------------------------------------------------

_MONTH_NAMES = "|".join(MONTHS).lower()
_PERIOD = re.compile(
    rf"\b(?:in|during|since|by the end of)\s+(?:(?:early|mid|late)[- ])?(?P<p>{_MONTH_NAMES}"
    r"|(?:19|20)\d\d)\b|\b(?P<q>(?:this|last|next|the past|the last) (?:week|month|year|24 hours"
    r"|48 hours|few days)|so far this year|since the (?:start|beginning)|over two days"
    r"|two days in a row|in two days|on both days|over two (?:consecutive|straight) days"
    r"|(?:first|second|third|fourth|final|last) (?:quarter|half)|full year|year to \w+"
    r"|(?:over|during|this|last|the past) (?:the )?(?:holiday )?(?:long )?weekend"
    r"|on christmas day|on new year's day)\b",
    re.I,
)
_BLOCKS = re.compile(r"\d|;|\b(?:while|whereas|but)\b")


def period_of(claim: Comparable, thing: str = "") -> str:
    """A time that narrows the figure ("sent in October"), near it in its sentence; for a
    toll, "since" what it counts from ("3,000 killed since clashes began in October")."""
    after = _clause(claim)[1]
    if thing in _HAPPENED and (since := _SINCE.search(after)):  # "3,000 killed since ... in
        when = _WHEN_SINCE.search(since.group("rest"))  # October 2023": a longer total
        return f"since {when.group(0).lower()}" if when else "since"
    near = in_sentence(claim, claim.span_start - 40, claim.span_end + 60)
    found = _PERIOD.search(near)
    if found:
        said = (found.group("p") or found.group("q")).lower()
        return "over two days" if _TWO_DAYS.fullmatch(said) else said
    year = _IN_YEAR.search(after)  # "killed about 10,000 ... in 1998"
    return year.group(1) if year else ""


_IN_YEAR = re.compile(r"\b(?:in|during|since)\s+((?:19|20)\d\d)\b")
_TWO_DAYS = re.compile(r"over two (?:consecutive |straight )?days|two days in a row|in two days"
                       r"|on both days")  # fmt: skip
_SINCE = re.compile(r"\bsince\b(?P<rest>[^.;]{0,60})", re.I)
_WHEN_SINCE = re.compile(rf"\b(?:{_MONTH_NAMES})\b(?:\s+(?:19|20)\d\d)?|\b(?:19|20)\d\d\b", re.I)


def day_near(claim: Comparable, day: date | None) -> str | None:
    """The day named nearest a figure in its sentence with no other figure or clause
    between them ("1.27 million on January 31"; "on the 31st – 1.27 million"), read back
    from the article's `day`: YYYY-MM-DD, or --MM-DD where no year is known."""
    at, end = claim.span_start - claim.start, claim.span_end - claim.start
    best: tuple[int, str] | None = None
    for named in _days_named(claim.sentence, day):
        if named.end > at and named.start < end:
            continue  # a figure inside a date
        before = named.end <= at
        gap = claim.sentence[named.end : at] if before else claim.sentence[end : named.start]
        if _BLOCKS.search(gap) or len(gap) > 100:
            continue
        if best is None or len(gap) < best[0]:
            best = (len(gap), named.iso())
    return best[1] if best else None


@lru_cache(maxsize=4096)
def _days_named(sentence: str, day: date | None) -> tuple[DayNamed, ...]:
    """The days a sentence names, read once for all its figures."""
    return tuple(days_named(sentence, day))


def role_of(claim: Comparable, thing: str) -> str:
    """A figure of a change: before it or after it ("from 62 to 64"), or its size ("by two
    years"); a forecast ("will be protesting")."""
    before = in_sentence(claim, claim.span_start - 60, claim.span_start)
    if _BY.search(before) and not thing.endswith("in share price"):
        return "change"  # a stock's move "by 20%" is the quantity itself
    if _REMAINDER.search(before):
        return "remainder"
    # A rule's requirement (an age, the years of contributions) is what it is after a change.
    age = thing.startswith("age") or thing.endswith("of contributions")
    if age or thing.startswith("years of"):
        if _BEFORE_CHANGE.search(before):
            return "before"
        if _AFTER_CHANGE.search(before) or age:
            return "after"
    clause_before, clause_after = _clause(claim)
    own_verb = re.split(r"\b(?:and|or|but|then)\b", clause_after[:40])[0]  # not a later verb
    forecast = _FORECAST.search(clause_before[-50:]) or _FORECAST.search(own_verb)
    if forecast:
        if thing in ("votes", "share of the vote") and _POLLED.search(claim.sentence):
            return ""  # "predicted in an exit poll that Gonzalez would win 65%": the result
        if (
            thing in _HAPPENED
            and forecast.group(0).lower() in ("could", "might", "may")
            and not _BEYOND.search(
                f"{clause_before[-50:]}{in_sentence(claim, claim.span_start, claim.span_end)}"
            )
        ):
            return ""  # "the toll could reach 20,000": an estimate of what has happened
        return "forecast"  # "the death toll could exceed 10,000": what it will become
    return ""


# A toll said to be going past a figure is a forecast of the final one, not a count.
_BEYOND = re.compile(
    r"\b(?:could|might|may)\s+(?:well\s+|even\s+|still\s+|eventually\s+|soon\s+)?"
    r"(?:exceed|surpass|top|rise|climb|pass|go\s+(?:above|beyond|over))\b",
    re.I,
)


_POLLED = re.compile(r"\b(?:exit polls?|polls?|pollsters?|surveys?|predicted a)\b", re.I)


# ---- an article's figures together -------------------------------------------------------


def _title_day(title: str, day: date | None) -> str | None:
    named = days_named(title, day)
    return named[0].iso() if named else None


class _Read(NamedTuple):
    """A figure read alone, before its article's other figures complete it."""

    claim: Comparable
    thing: str
    whose: str
    where: str
    placed: bool  # where was said in its sentence, not taken from its article
    day: str | None  # named near it in its sentence
    sibling: _Read | None  # the figure before it in its sentence whose thing it took
    whole: _Read | None = None  # the figure it is part of: "12,000, including 500 officers"


# What stands between two figures one source sets against the other's, of one place and
# day: "300,000 ..., against 37,000", "22,000 ... – and 30,000 by the unions", "(93,000".
_PAIRED = re.compile(
    r"[^.;:\d]{0,50}?(?:\bagainst\b|\bversus\b|\bvs\b|\bcompared (?:to|with)\b|[(–—]"
    r"|,?\s+and\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s*$)[^.;:\d]{0,40}",
    re.I,
)


def _paired(between: str) -> bool:
    """Whether a figure is set against the one before it (see _PAIRED)."""
    return bool(_PAIRED.fullmatch(between))


# An event known by its name, whose tolls are its own: "Hurricane Katrina", "Storm Daniel".
_NAMED_EVENT = re.compile(
    r"\b(?:Hurricane|Typhoon|Cyclone|Storm|Tropical Storm|Superstorm|Tornado)\s+\S"
)
# Another event a toll belongs to: "Hurricane Katrina, which killed", "the 2004 tsunami that
# killed", "Hurricane Ian and Hurricane Sandy, which each caused around".
_WHICH = re.compile(r"^,?\s*(?:which|that)\b[^.;:()]{0,30}$", re.I)
_PAST_EVENT = re.compile(
    r"\bthe\s+(?P<year>(?:19|20)\d\d)\s+(?:[\w'’-]+\s+){0,3}?(?P<what>earthquake|quake"
    r"|tsunami|floods?|hurricane|typhoon|cyclone|storm|wildfire|fire|eruption|disaster)"
    r",?\s*(?:which|that|in which)\b[^.;:()]{0,30}$",
    re.I,
)


def _event_of(claim: Comparable, own: str) -> str:
    """The other event a toll in a relative clause counts: a named one ("Hurricane
    Katrina, which killed at least 1,833") that is not the article's `own`, or one of a
    year gone ("the 2011 earthquake that killed 18,000": "2011 earthquake"); "" else."""
    before = in_sentence(claim, claim.span_start - 120, claim.span_start)
    named = [m for m in claim.mentions if m.end <= claim.span_start and _NAMED_EVENT.search(m.name)]
    if named and _WHICH.match(in_sentence(claim, named[-1].end, claim.span_start)):
        return named[-1].name if named[-1].name != own else ""
    if past := _PAST_EVENT.search(before):
        return f"{past.group('year')} {past.group('what').lower()}"
    return ""


_IN_BRACKETS_AFTER = re.compile(
    r"^\s*(?:of\s+(?:the\s+|all\s+)?(?:votes?|ballots)\s*)?\(\s*$", re.I
)


def _whole_of(claim: Comparable, before: _Read | None) -> _Read | None:
    """The figure a figure is part of: the one before it that "including" follows, or
    that a list it is in goes on from ("including 500 officers and three generals")."""
    if before is None:
        return None
    between = claim.sentence[before.claim.span_end - claim.start : claim.span_start - claim.start]
    if _PART_OF.search(between):
        return before
    if before.whole and re.fullmatch(r"[^\d;()]{0,40}?(?:,|\band\b|\bor\b)\s*", between):
        return before.whole
    return None


def measured(claims: Iterable[Comparable]) -> dict[int, Measured]:
    """What each figure of one article measures, and the day it holds on, by id.

    Pass all of an article's claims. A figure without a noun of its own takes the thing,
    whose, where and (unless it names its own) day of the figure before it in its sentence
    ("300,000 in the capital, against 37,000"); an unnamed whose is what the article's
    other figures of that thing count ("500 officers" in a story of North Korean troops
    are North Korean). A figure names no day of its own: a crowd's is the day the article's
    other crowds name most (a story of Thursday's marches, published on Friday), else every
    figure's is the article's (its publication, else the day its title names).
    """
    figures = [c for c in claims if c.kind == "quantity"]
    if not figures:
        return {}
    first = figures[0]
    published = date.fromisoformat(first.published) if first.published else None
    title_day = _title_day(first.title, published)
    article_day = published.isoformat() if published else title_day
    places = {c.id: located(c) for c in figures}
    # The article's country: where its figures are, else the one its title names ("Myanmar
    # earthquake": not the news agency's that its sentences name), else the one its
    # sentences name most. A title names an actor as often ("Israel's Netanyahu admits
    # ..." over tolls in Lebanon), so it does not come first.
    countries = Counter(country for p in places.values() if (country := country_of(p)))
    in_title = {_STANDS_FOR[m.group(0)] for m in _COUNTRY_WORD.finditer(first.title)}
    countries = countries or Counter(in_title if len(in_title) == 1 else ())
    countries = countries or Counter(  # "the Libyan city of Derna"
        DEMONYMS[m.group(0)] for m in _DEMONYM.finditer(first.title)
    ) + Counter(
        DEMONYMS[m.group(0)] for c in {c.start: c for c in figures}.values()
        for m in _DEMONYM.finditer(c.sentence) if _says_where(c, m.start(), m.end())
    )  # fmt: skip
    for name, federation in _STATE_OR_COUNTRY.items():  # Georgia beside South Carolina
        if countries.get(federation) and name in countries:
            countries[federation] += countries.pop(name)
    country = countries.most_common(1)[0][0] if countries else ""
    # The article's own organisation, whose "its shares" are: the one its title names,
    # else the one its figures' sentences name most (a sentence once).
    orgs = Counter(
        name
        for sentence in {c.start: c for c in figures}.values()
        for name in {m.name for m in sentence.mentions if m.type == "org"}
    )
    titled = [n for n, _ in orgs.most_common() if n.split()[0].lower() in first.title.lower()]
    company = (titled or [n for n, _ in orgs.most_common(1)] or [""])[0]
    # The article's own event: the named storm or quake its title names, else the one its
    # figures' sentences name most. Another's toll is that event's ("Katrina, which killed").
    storms = Counter(
        m.name for c in {c.start: c for c in figures}.values() for m in c.mentions
        if _NAMED_EVENT.search(m.name)
    )  # fmt: skip
    own_event = next((s for s in storms if s.split()[-1] in first.title), None) or (
        storms.most_common(1)[0][0] if storms else ""
    )
    disaster: list[bool] = []  # whether the article is of a disaster, read once if asked

    def of_a_disaster() -> bool:
        """A story of a disaster: its tolls by attacks are others (_in_attacks), and its
        losses, damage and cost to rebuild are its economic losses."""
        if not disaster:
            texts = (first.title, *{c.sentence for c in figures})
            disaster.append(any(_DISASTER.search(t) for t in texts))
        return disaster[0]

    reads: list[_Read] = []
    eventful: set[int] = set()  # figures whose whose is another event
    found: dict[int, Measured] = {}
    last: dict[int, _Read] = {}  # by sentence: its figure read last
    for claim in figures:
        near = day_near(claim, published)
        if claim.low is claim.high is None:
            found[claim.id] = Measured(None, near or article_day)
            continue
        thing, sibling = thing_of(claim), None
        earlier = reads[-1] if reads and claim.start - reads[-1].claim.span_end <= 300 else None
        if claim.increment and not (thing and earlier and earlier.thing != thing):
            # "another 500 troops": an addition to a count, not one; but "11,300 deaths
            # ... another 10,100 were missing" counts another thing in full.
            found[claim.id] = Measured(None, near or article_day)
            continue
        if not thing and earlier and _named_by_subject(claim) == "the number":
            # "put that number higher, at 11,300": the figure said before, the one said as
            # a number or a toll where there is one ("the number of casualties ... 11,300;
            # another 10,100 are missing; ... previously put the number at 5,500").
            recent = [r for r in reads if claim.start - r.claim.span_end <= 600]
            framed = [r for r in recent if _named_by_subject(r.claim) or _NUMBER_OF.search(
                in_sentence(r.claim, r.claim.start, r.claim.span_start))]  # fmt: skip
            sibling = (framed or [earlier])[-1]
            thing = sibling.thing
        if (
            claim.start in last
            and last[claim.start].thing not in _MEASURED_ALONE
            and (
                (not thing and not _noun(claim.unit))
                or (thing == "people" and last[claim.start].thing in THINGS)
            )
        ):
            sibling = last[claim.start]  # "1.3 million people ..., the CGT 3.5 million"
            thing = sibling.thing
            if thing.startswith("share") and (claim.high or 0) > 100:
                sibling, thing = None, ""  # "lost 0.6%, ... to trade at 9,300": a rate
        before = last.get(claim.start)
        restated = (
            before is not None and before.thing == "votes" and claim.unit == "%"
            and bool(_RESTATES.match(in_sentence(claim, before.claim.span_end, claim.span_start)))
        )  # fmt: skip
        if restated:
            thing = "share of the vote"  # "5,150,092 votes or 51.2%": the same candidate's
        restated = restated or (  # "about 30 percent of the vote (3,131,103 votes)"
            before is not None and before.thing == "share of the vote" and thing == "votes"
            and bool(_IN_BRACKETS_AFTER.match(
                in_sentence(claim, before.claim.span_end, claim.span_start)))
        )  # fmt: skip
        if thing == "share won":
            thing = "share of the vote" if _candidate(claim) else ""
        if (cost := _DISASTER_COST.match(thing)) and of_a_disaster():
            # a disaster's losses, damage or cost to rebuild: its economic losses
            thing = f"economic losses ({cost.group('currency')})"
        if not thing:
            found[claim.id] = Measured(None, near or article_day)
            continue
        if (
            sibling is None
            and before is not None
            and before.thing == thing
            and _paired(
                claim.sentence[before.claim.span_end - claim.start : claim.span_start - claim.start]
            )
        ):
            sibling = before  # "300,000 demonstrators in the capital, against 37,000"
        whole = _whole_of(claim, before) or sibling
        whose = whose_of(claim, thing, company) or (whole.whose if whole else "")
        if restated and before is not None:
            whose = before.whose or whose
        if thing in _HAPPENED and (past := _event_of(claim, own_event)):
            whose = past  # "behind Hurricane Katrina, which killed at least 1,200 people"
            eventful.add(claim.id)  # its year ("in 2005") is the event's, not a period
        place = places[claim.id] or (whole.where if whole and whole.placed else "")
        if (
            not place and thing == "people present" and earlier is not None
            and earlier.thing == thing and earlier.placed and earlier.claim.start != claim.start
            and earlier.whole is None  # "3.5 million ..., including 700,000 in Paris. For
            # its part, the Ministry of the Interior lists 1.28 million": the whole's
            and claim.start - earlier.claim.span_end <= 120
            and not _NATIONWIDE.search(claim.sentence)
        ):  # fmt: skip
            # the next sentence's crowd, placed nowhere, is the same place's count by
            # another: "119,000 people went to the rallies in Paris. 800 thousand
            # participants were counted in the VKT."
            place = earlier.where
        if not place and thing in _HAPPENED:
            # A toll over several countries is theirs; else it is where its sentence says
            # what happened ("pagers that detonated across Lebanon, killing nine").
            place = _listed_anywhere(claim) or _country_said(claim) or _claimant_country(claim)
        # Counts of people and things are somewhere: the article's country unless it says;
        # a share, a sum, an age or a duration is of the story wherever it is written.
        where = where_of(place or (country if _is_located(thing) else ""), country)
        day = near or (sibling.day if sibling else None)
        read = _Read(
            claim, thing, whose, where, bool(place), day, sibling,
            _whole_of(claim, last.get(claim.start)),
        )  # fmt: skip
        reads.append(read)
        last[claim.start] = read
    # The day of the article's event: its title's, else its first crowd's (the lede).
    crowds = [r for r in reads if r.thing == "people present"]
    crowd_day = title_day or (crowds[0].day if crowds else None) or article_day
    named: dict[str, Counter[str]] = defaultdict(Counter)
    for r in reads:
        if r.whose and r.thing not in ("votes", "share of the vote"):
            named[r.thing][r.whose] += 1
    for r in reads:
        whose = r.whose
        if not whose and r.thing in _WHOSE_FROM_ARTICLE:
            counted = named[r.thing] or named[_FAMILY.get(r.thing, r.thing)]
            whose = counted.most_common(1)[0][0] if counted else ""
        if _generic(r.thing) or not (_compares_alone(r.thing) or whose or r.placed):
            found[r.claim.id] = Measured(None, r.day or article_day)
            continue  # counts nobody's things nowhere in particular
        crowd = r.thing == "people present"
        day = r.day or (crowd_day if crowd else article_day)
        role = role_of(r.claim, r.thing)
        event = of_the_event(r.thing)  # an earthquake's magnitude: nowhere, at no time
        thing = r.thing
        if thing in _TOLLS and of_a_disaster():
            thing = _in_attacks(r.claim, thing)
        measure = Measure(
            thing, whose,
            "" if event else r.where,
            (day or "")[-5:] if crowd and role != "forecast" else "",
            "" if crowd or event or r.claim.id in eventful else period_of(r.claim, r.thing),
            role,
        )  # fmt: skip
        found[r.claim.id] = Measured(measure, day)
    return found


# What people are killed or hurt by, beside a disaster: "launched 32 airstrikes ...,
# killing at least 50 civilians" in a story of an earthquake's toll. In a story of an
# attack ("the pager attack killed at least nine"), the attack is what its tolls count.
_DISASTERS = (
    r"earthquakes?|quakes?|tremors?|aftershocks?|floods?|flooding|storms?|hurricanes?"
    r"|cyclones?|typhoons?|wildfires?|landslides?|mudslides?|tsunamis?|eruptions?"
)
_DISASTER = re.compile(rf"\b(?:{_DISASTERS})\b", re.I)
_ATTACKS = re.compile(
    r"\b(?:air ?strikes?|strikes|shelling|bombings?|bombardments?|raids|shootings?|gunfire"
    r"|clashes|fighting|missiles?|drones?|rockets?|attacks?|(?:fighter )?jets|warplanes"
    r"|targeted|bombed|shelled)\b"
    # the disaster itself, where it is nearer the figure: "air strikes in the wake of the
    # natural disaster that has left more than 1,600 dead"
    rf"|(?P<disaster>\b(?:(?:natural )?disaster|{_DISASTERS})\b)",
    re.I,
)


_TOLLS = ("deaths", "injured", "killed or wounded")
_ESTIMATED_AT = re.compile(
    r"\b(?:the\s+)?(?P<what>(?:[\w-]+\s+){0,1}(?:cost|costs|losses|damage|bill)"
    r"(?:\s+(?:to|of)\s+(?:[\w-]+\s+){0,3}?)?)\s*(?:was|is|were|are|has been|had been)\s+"
    r"(?:estimated|put|calculated|assessed|valued)\s+at\s+(?:about\s+|around\s+|some\s+)?$",
    re.I,
)
_DISASTER_COST = re.compile(
    r"^(?:losses|damage|cost(?:: (?:rebuild|repair|repairs|reconstruction|recovery))?)"
    r" \((?P<currency>[A-Z]{3})\)$"
)


def _in_attacks(claim: Comparable, thing: str) -> str:
    """A toll its clause says attacks caused is another quantity than the disaster's toll a
    story counts: "deaths in attacks"."""
    if thing not in _TOLLS:
        return thing
    before, after = _clause(claim)
    said = [*_ATTACKS.finditer(before[-100:])][-1:] or [*_ATTACKS.finditer(after[:50])][:1]
    return f"{thing} in attacks" if said and not said[0].group("disaster") else thing


def _noun(unit: str | None) -> bool:
    """Whether a unit is a noun that says what is counted: "estimated", "nationwide" and
    "rather" are words after a figure, not what it counts."""
    if not unit:
        return False
    head = unit.lower().split()[-1]
    if head in _CLASS_OF or head.rstrip("s") in DURATIONS or unit.isupper() or unit == "%":
        return True
    return not head.endswith(("ed", "wide", "ly")) and head not in _NOT_NOUNS


_NOT_NOUNS = frozenset("rather than continues more less including against".split())


def _is_located(thing: str) -> bool:
    """Whether a thing is counted somewhere: people, troops, bases; not a share, a sum,
    an age, a duration or an election's votes."""
    return not (
        thing in ("votes", "size of a force", "population")
        or of_the_event(thing)
        or thing.startswith(("share", "age", "seconds", "minutes", "hours", "days", "weeks"))
        or thing.startswith(("months", "years"))
        or "(" in thing
        or thing.endswith("in share price")
    )


def _compares_alone(thing: str) -> bool:
    """Whether a thing is a quantity of the story by itself, without whose or where: a
    class, an age of a kind, a share of the vote, the turnout or a count's records, a sum
    for a named purpose ("aid: ukraine", "insured losses"), a duration of something, or a
    count of a kind of thing its noun phrase names ("five military bases"). A share of
    anything else ("30% of men", "20% of Fiat") or a bare sum ("a loss of $387m") is one
    only with its whose or its place: one story's "40% of pensioners" and "half of all
    pensioners" pay different taxes."""
    if thing in THINGS or thing in ("troops moved", "size of a force", "magnitude", "depth"):
        return True
    if thing.startswith("distance from "):
        return True
    if thing.startswith(("age: ", "seconds", "minutes", "hours", "days", "weeks", "months")):
        return True
    if thing.startswith("share"):
        return thing in _SHARES
    if thing.endswith("in share price"):
        return False  # whose stock: "shares fell 0.03%" of one story is not its market's 5%
    if thing.startswith("years"):
        return True
    if "(" in thing:  # a sum: "aid: ukraine (USD)"
        return ":" in thing or thing.startswith(("insured losses", "economic losses"))
    # A count of a kind of thing its noun phrase names ("military bases"); one noun alone
    # ("tries", "terms", "pledges") names too little to be one quantity of a story.
    return len(thing.split()) > 1 and not _generic(thing)


_SHARES = frozenset(("share of turnout", "share counted", "share of records held",
                     "share of the vote"))  # fmt: skip


def _generic(thing: str) -> bool:
    """Whether a thing names no kind of thing at all ("people", "cases", "members"): no
    whose or place makes "people in the UK" one quantity, whatever they do."""
    return thing.split()[-1] in _GENERIC if thing else True


_GENERIC = frozenset(
    "people persons others individuals times things ones items cases places ways parts "
    "points units members years months weeks days hours minutes seconds population "
    "inhabitants".split()
)
