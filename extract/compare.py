"""Which claims report the same quantity, and whether their sources agree.

What a figure measures is read by extract/measures.py (its rule is stated there): two
figures are one quantity when their measures agree, and a figure that measures nothing
comparable is compared with nothing. Its measure, as a string, is its comparison key;
statements share STANCE_KEY.

In a library of many stories, figures are compared only between articles of one story: two
articles that share SAME_STORY entities each names twice or more, leaving out, in a large
library, names so common they tell no story apart ("United States"). Nothing is compared
outside its key, so grouping is linear in the number of claims, plus the pairs inside each
key.

A figure is judged by who said it, not by how many outlets repeated it: a group's sources
are its distinct claimants (the source cited, however spelt, else the outlet itself), and a
group needs two.

Status is read over time. Each figure holds on a day (measures.holds_on); figures holding
on the same day (or one of unknown day) whose hedged intervals do not overlap make the
group a `conflict`; figures that moved from one day to another with no same-day
disagreement make it `changed`; else it is `agree`. A round figure written exactly carries
its own tolerance, half a unit of its last significant digit ("12,000" is 11,500 to 12,500;
"1.2 million" is 1,150,000 to 1,250,000). A conflict in which an upper-bound hedge ("as
many as 10,000") is the only thing below a larger figure is soft: labelled, not hidden.

Statements: the denials, confirmations and no-comments of any named actor share
STANCE_KEY, and those of one story on one question (question_of: who did the thing they are
said of, or the words they are said of, share a name or two words; said of nothing but
"the reports", a statement is on its actor's side) form one group, a `conflict` when a
denial meets a non-denial, or a no-comment a confirmation ("declined to comment" against
"Israel has for the first time confirmed"); the explanation prefers one side's own
contradiction (an actor's side is the organisation it names and its country, from
GOVERNMENTS and LEADERS or a country named in the actor: the Kremlin and Putin are both
Russia). It is named after the figures of the first of its FIRST_KEPT earliest statements
whose article has a figure group.

A group is made from its cluster's Summary, which merges exactly, so a library keeps the
summaries of large clusters and regroups around new claims without reading old ones.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import NamedTuple, TypeVar, cast

from extract.claimants import claimant
from extract.clusters import UnionFind
from extract.comparable import (
    STANCE_KEY,
    Comparable,
    Group,
    Linked,
    Mention,
    claim_order,
    tolerance_interval,
)
from extract.gazetteer import COUNTRIES, DEMONYMS
from extract.measures import GOVERNMENTS, Measure, in_sentence, measured, of_the_event
from extract.text import trie
from extract.words import MONTHS, bound, claim_in_words, day_in_words

# Articles are on one story when they share this many story entities (story_signatures).
SAME_STORY = 2
L = TypeVar("L", bound=Linked)  # a claim as linking reads it: a figure's place, a statement
LEADERS = {
    "Putin": "Russia", "Kim Jong Un": "North Korea", "Kim Jong-un": "North Korea",
    "Zelensky": "Ukraine", "Biden": "United States", "Xi Jinping": "China",
}  # fmt: skip
_DEMONYM_OF = {place: word for word, place in DEMONYMS.items() if not word.endswith("s")}


class Keyed(NamedTuple):
    """A claim as grouping keeps it: its comparison key ("" for nothing to compare) and
    the day its figure holds on (measures.holds_on)."""

    key: str
    holds_on: str | None


_ROLES = {"before": "before the change", "after": "after the change",
          "change": "the change", "forecast": "forecast"}  # fmt: skip


def topic_of(measure: Measure, unit: str) -> str:
    """A group's name from what its figures measure: "North Korean troops in Kursk",
    "protesters in Paris on 7 March", "Maduro's share of the vote"."""
    thing, whose, where, when, period, role = measure
    if thing == "share of the vote" and whose:
        name = f"{whose}'s share of the vote"
    elif thing == "votes" and whose:
        name = f"votes for {whose}"
    else:
        counted = "turnout" if thing == "people present" else thing
        if thing.startswith("age: "):
            counted = f"{thing[5:]} age"  # "retirement age"
        name = f"{_DEMONYM_OF.get(whose, whose)} {counted}".strip()
    if where.startswith("elsewhere"):
        name += f" {where}"  # "deaths elsewhere in Libya"
    elif where:
        name += f" {'to' if thing == 'troops moved' else 'in'} {where}"
    if when:
        month, day = (int(x) for x in when.split("-"))
        name += f" on {day} {MONTHS[month - 1]}"
    extra = [x for x in (period, _ROLES.get(role, role)) if x]
    return name + (f" ({', '.join(extra)})" if extra else "")


def describe(claim: Comparable) -> str:
    """A figure in words, with its source and day: "about 3,000 (NIS, 2024-10-28)", a day
    of no known year in words ("8 Sep", not "--09-08"); the group's topic already names
    what is counted."""
    day = day_in_words(claim.date) if claim.date and claim.date.startswith("--") else claim.date
    who = ", ".join(x for x in (claim.attributed_to or claim.source, day) if x)
    return f"{claim_in_words(claim, unit=False)} ({who})"


_SIDE_OF = {
    **{word: country for word, country in DEMONYMS.items()},
    **{country: country for country in COUNTRIES},
    **GOVERNMENTS,
    **LEADERS,
}
_SIDE_WORDS = re.compile(rf"\b(?:{trie(list(_SIDE_OF))})\b")


@lru_cache(maxsize=4096)
def _sides(actor: str) -> frozenset[str]:
    """Every country an actor speaks for: "Moscow and Pyongyang" is Russia and North Korea."""
    sides = {_SIDE_OF[m.group(0)] for m in _SIDE_WORDS.finditer(actor)}
    # "South Korea" also contains "Korea"; keep the longer name only.
    return frozenset(s for s in sides if not any(s != o and s in o for o in sides))


def comparison_keys(claims: Iterable[Comparable]) -> dict[int, Keyed]:
    """Each claim's comparison key, with the day its figure holds on: figures of one key
    may be the same quantity.

    A figure's key is its measure (measures.Measure.key); statements of a named actor
    share STANCE_KEY; "" is nothing to compare. A key depends only on the claim's
    own article (pass all of an article's claims together: an unnamed whose is what the
    article's other figures count).
    """
    by_article: dict[int, list[Comparable]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    keys: dict[int, Keyed] = {}
    for article in by_article.values():
        read = measured(article)
        for claim in article:
            if claim.kind == "statement":
                stance = STANCE_KEY if claim.attributed_to else ""
                keys[claim.id] = Keyed(stance, None)
            elif (found := read.get(claim.id)) is not None and found.measure is not None:
                keys[claim.id] = Keyed(found.measure.key, found.holds_on)
            else:
                keys[claim.id] = Keyed("", found.holds_on if found else None)
    return keys


def link_claims(
    members: Sequence[L],
    stories: Mapping[int, frozenset[str]] | None,
    settled: Mapping[int, int] | None = None,
) -> list[list[L]]:
    """Clusters of one comparison key's claims, within stories: one key is one quantity,
    so its claims of one story all join (a library small enough to be one story: all of
    them). Clusters are connected components, so they do not depend on the order claims
    come in. `settled` gives claims grouped before their cluster: those of one cluster
    start joined and two of them are not compared again, so regrouping around new claims
    compares only pairs with a new claim in them. Statements join by question instead
    (link_statements).
    """
    if members and members[0].kind == "statement":  # Comparables: what they say is read
        said = link_statements(cast("list[Comparable]", list(members)), stories, settled)
        return cast("list[list[L]]", said)
    settled = settled or {}
    joined = _settled_joined(members, settled)
    # Claims of one article are each other's candidates and match: join them here and
    # compare one of them, a new one where there is one, so an article repeating a
    # sentence thousands of times costs what one sentence does.
    one_of: dict[int, int] = {}
    for i, claim in enumerate(members):
        if claim.article not in one_of:
            one_of[claim.article] = i
            continue
        joined.union(one_of[claim.article], i)
        if members[one_of[claim.article]].id in settled and claim.id not in settled:
            one_of[claim.article] = i
    shown = list(one_of.values())
    fresh = {a for a, i in enumerate(shown) if members[i].id not in settled}
    for a, b in _candidate_pairs([members[i] for i in shown], stories, fresh):
        joined.union(shown[a], shown[b])
    return [[members[i] for i in ids] for ids in joined.clusters()]


def _settled_joined(members: Sequence[Linked], settled: Mapping[int, int]) -> UnionFind:
    """The members, those grouped before in one cluster joined already."""
    joined = UnionFind(range(len(members)))
    first_of: dict[int, int] = {}
    for i, claim in enumerate(members):
        if claim.id in settled:
            joined.union(first_of.setdefault(settled[claim.id], i), i)
    return joined


def link_statements(
    members: list[Comparable],
    stories: Mapping[int, frozenset[str]] | None,
    settled: Mapping[int, int] | None = None,
) -> list[list[Comparable]]:
    """Clusters of statements, one a question: two statements of one story join when they
    are on one question (same_question), and a cluster is what such pairs connect, so it
    does not depend on the order statements come in. `settled` as for link_claims."""
    settled = settled or {}
    joined = _settled_joined(members, settled)
    questions = [question_of(claim) for claim in members]
    fresh = {i for i, claim in enumerate(members) if claim.id not in settled}
    for a, b in _candidate_pairs(members, stories, fresh):
        if _same_question(questions[a], questions[b]):
            joined.union(a, b)
    return [[members[i] for i in ids] for ids in joined.clusters()]


def _same_question(a: frozenset[str], b: frozenset[str]) -> bool:
    """One name in common, or two words: "the budget" alone is said of many things."""
    shared = a & b
    return any(not w.startswith("~") for w in shared) or len(shared) >= 2


def question_of(claim: Comparable) -> frozenset[str]:
    """What a statement takes a stance on: who did the thing it is said of, else the words
    it is said of, after its stance verb. Two statements are on one question when these
    share a name or two words (_same_question).

    Who did it is the first person or organisation its clause names after the stance
    words, or a place named as an actor, not where ("blamed Israel", not "across
    Lebanon"): "Hsu denied allegations that the pagers were made by Gold Apollo in Taiwan"
    and "the pagers were made by Budapest-based BAC Consulting" are on Gold Apollo and on
    BAC. A statement that names nobody in its clause ("Gold Apollo denied producing the
    devices", "her company ... did not make pagers", "The Israeli military declined to
    comment", "The Kremlin has dismissed the reports as a hoax") is said of its actor's
    side: the organisation or country the actor is or speaks for (Gold Apollo; BAC; Israel;
    Russia). "Robinson has confirmed that Hodgson will kick" and "Mr Brown denied his
    forecasts were too optimistic" share nothing, nor do two things one actor said of
    different matters."""
    after, named = _said_of(claim)
    words = {
        f"~{w.lower().rstrip('s')}"
        for w in re.findall(r"[A-Za-z][a-z]{3,}", after)
        if w.lower() not in _NOT_A_QUESTION
    }
    if named:
        return frozenset({m.name for m in named} | words)
    return frozenset(words | _actor_side(claim))


def _said_of(claim: Comparable) -> tuple[str, list[Mention]]:
    """A statement's own clause after its stance words, and who it names in it as doing
    something (see question_of)."""
    after = claim.sentence[claim.span_end - claim.start :][:120]
    told = _TOLD.search(after)  # "when reached by the AP", "told CNN": where, not what
    clause = _STATEMENT_CLAUSE.search(after)  # "... and instead pointed the finger at BAC"
    cut = min(x.start() for x in (told, clause) if x) if (told or clause) else len(after)
    end = claim.span_end + cut
    named = [
        m for m in claim.mentions
        if claim.span_start <= m.start < end and not _is_press(m.name)
        and (m.type in ("person", "org") or (m.type == "place" and _acts(claim, m)))
    ]  # fmt: skip
    return after[:cut], named


def party_of(claim: Comparable) -> str:
    """Who a statement says did (or did not do) the thing, if it names anyone: "the pagers
    were made by BAC Consulting" is on BAC Consulting; "" for none."""
    named = _said_of(claim)[1]
    return named[0].name if named else ""


def _actor_side(claim: Comparable) -> frozenset[str]:
    """The organisations the actor's words name ("BAC Consulting CEO Cristiana
    Bársony-Arcidiacono") and the countries it speaks for ("the Kremlin": Russia)."""
    actor = claim.attributed_to or ""
    orgs = {
        m.name for m in claim.mentions
        if m.type == "org" and (m.name in actor or in_sentence(claim, m.start, m.end) in actor)
    }  # fmt: skip
    return frozenset(orgs) | _sides(actor)


def _acts(claim: Comparable, place: Mention) -> bool:
    """Whether a place is named as one who acts ("blamed Israel"), not where ("across
    Lebanon", "to the Kursk region") or as an adjective ("Hungarian company BAC",
    "Budapest-based"); only a country or a seat of government acts."""
    written = in_sentence(claim, place.start, place.end)
    if place.name not in COUNTRIES and place.name not in GOVERNMENTS:
        return False
    return not (
        _LOCATIVE_BEFORE.search(in_sentence(claim, place.start - 12, place.start))
        or written in DEMONYMS
        or in_sentence(claim, place.end, place.end + 1) == "-"
    )


# Where a statement's own clause ends: what follows is said of another thing.
_STATEMENT_CLAUSE = re.compile(
    r"\s+(?:and|but)\s+(?:instead\s+|also\s+|then\s+)?(?:pointed|said|added|blamed|accused"
    r"|stated|stressed|distanced|insisted)\b|,\s+(?:stating|saying|adding|insisting|while"
    r"|but|although)\b|;|\s[–—]\s",
    re.I,
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|across|at|near|from|to|into|inside|throughout)\s+(?:the\s+)?$", re.I
)


_TOLD = re.compile(
    r"\b(?:when (?:reached|contacted|asked)|in (?:a|an) (?:statement|interview|post)|told"
    r"|to reporters|to journalists|speaking to|in comments to|according to)\b",
    re.I,
)
_PRESS = frozenset("AP AFP Reuters CNN BBC NBC CBS ABC DPA Bloomberg".split())


def _is_press(name: str) -> bool:
    """An outlet or agency a stance was told to ("confirmed those remarks to CNN")."""
    words = name.split()
    return name in _PRESS or (bool(words) and words[-1] in _PRESS_WORDS)


_PRESS_WORDS = frozenset("News Times Post Press Reuters Journal Telegraph Herald Tribune".split())
# Words that say nothing of what a statement is about.
_NOT_A_QUESTION = frozenset(
    "that this those these there their they them have been being were was with which when "
    "what would could should will also only just then than from into about over after before "
    "said says saying told telling statement statements report reports reported claims claim "
    "allegations allegation suggestions suggestion speculation comment comments when reached "
    "immediately request requests earlier later last week month year today yesterday monday "
    "tuesday wednesday thursday friday saturday sunday made make making involvement any direct "
    "some such other more most very much many being people government plan plans public "
    "party country company firm week".split()
)


Order = tuple[bool, str, str, int]  # a claim's place in its group (claim_order)
# A cluster's earliest claims kept in its summary: a group of denials is named after the
# first of them whose article has a figure group.
FIRST_KEPT = 64
_NOT_DENIALS = {"not_deny": 0, "confirm": 1, "acknowledge": 2}  # the most telling first


class Extremes(NamedTuple):
    """The figures of one day in a cluster: its highest low and lowest high, each with
    its first claim, and the lowest high of a figure that is not an upper bound."""

    top: tuple[float, Order]
    bottom: tuple[float, Order]
    firm_bottom: float

    def merge(self, other: Extremes) -> Extremes:
        return Extremes(
            self.top if _above(self.top, other.top) else other.top,
            min(self.bottom, other.bottom), min(self.firm_bottom, other.firm_bottom),
        )  # fmt: skip


@dataclass
class Summary:
    """All a cluster's group is made from, folded claim by claim.

    Every field merges exactly (a maximum, a minimum, a union, a sum, a first few), so the
    summary of a cluster that grows is its old summary merged with its new claims', and a
    regrouping never reads a large cluster's members again. Claims are named by their
    Order, which ends with their id.
    """

    name: int  # the cluster's smallest claim id
    members: int
    days: dict[str, Extremes]  # by the day its figures hold on ("" unknown)
    claimants: frozenset[str]  # who is cited (claimant): a group needs two
    units: dict[str, tuple[int, Order]]  # how many claims, and the first
    sources: frozenset[str]
    first: tuple[tuple[Order, int], ...]  # the FIRST_KEPT earliest claims and their articles
    stances: dict[tuple[str, tuple[str, ...]], Order]  # the first claim of a stance and sides

    @classmethod
    def of(cls, claims: Iterable[Comparable]) -> Summary:
        """The summary of some claims (at least one)."""
        ordered = sorted(claims, key=claim_order)
        days: dict[str, Extremes] = {}
        units: dict[str, tuple[int, Order]] = {}
        stances: dict[tuple[str, tuple[str, ...]], Order] = {}
        for claim in ordered:
            order = claim_order(claim)
            low, high = tolerance_interval(claim)
            firm = high if bound(claim.hedge) != "upper" else math.inf
            one = Extremes((low, order), (high, order), firm)
            day = claim.date or ""
            days[day] = days[day].merge(one) if day in days else one
            count, first = units.get(claim.unit or "", (0, order))
            units[claim.unit or ""] = (count + 1, first)
            if claim.kind == "statement":
                sides = tuple(sorted(_sides(claim.attributed_to or "")))
                stances.setdefault((claim.stance or "", sides), order)
        return cls(
            min(c.id for c in ordered), len(ordered), days,
            frozenset(claimant(c) for c in ordered), units, frozenset(c.source for c in ordered),
            tuple((claim_order(c), c.article) for c in ordered[:FIRST_KEPT]), stances,
        )  # fmt: skip

    def merge(self, other: Summary) -> Summary:
        units = dict(self.units)
        for unit, (count, first) in other.units.items():
            if unit in units:
                units[unit] = (units[unit][0] + count, min(units[unit][1], first))
            else:
                units[unit] = (count, first)
        stances = dict(self.stances)
        for key, first in other.stances.items():
            stances[key] = min(stances.get(key, first), first)
        days = dict(self.days)
        for day, extremes in other.days.items():
            days[day] = days[day].merge(extremes) if day in days else extremes
        return Summary(
            min(self.name, other.name), self.members + other.members, days,
            self.claimants | other.claimants, units, self.sources | other.sources,
            tuple(sorted(self.first + other.first)[:FIRST_KEPT]), stances,
        )  # fmt: skip

    def named(self) -> set[int]:
        """The claims a group made from this summary quotes."""
        return {
            *(e.top[1][-1] for e in self.days.values()),
            *(e.bottom[1][-1] for e in self.days.values()),
            *(o[-1] for o in self.stances.values()),
        }

    def to_json(self) -> str:
        return json.dumps([
            self.name, self.members, sorted([day, *e] for day, e in self.days.items()),
            sorted(self.claimants), self.units, sorted(self.sources), self.first,
            [[*key, order] for key, order in self.stances.items()],
        ])  # fmt: skip

    @classmethod
    def from_json(cls, text: str) -> Summary:
        name, members, days, claimants, units, sources, first, stances = json.loads(text)
        return cls(
            name, members,
            {day: Extremes((top[0], tuple(top[1])), (bottom[0], tuple(bottom[1])), firm)
             for day, top, bottom, firm in days},
            frozenset(claimants),
            {unit: (count, tuple(order)) for unit, (count, order) in units.items()},
            frozenset(sources), tuple((tuple(order), article) for order, article in first),
            {(stance, tuple(sides)): tuple(order) for stance, sides, order in stances},
        )  # fmt: skip


def _above(a: tuple[float, Order], b: tuple[float, Order]) -> bool:
    """Whether a is the higher low of the two, or as high and said first."""
    return a[0] > b[0] or (a[0] == b[0] and a[1] <= b[1])


def _same_time(days: Mapping[str, Extremes]) -> Iterator[tuple[str, Extremes]]:
    """The figures of each time a group's figures can be compared at: each known day with
    the figures of that day whose year is unknown (--MM-DD) and those of no known day."""
    undated = days.get("")
    partial = {day for day in days if day.startswith("--")}
    seen: set[str] = set()
    for day in sorted(d for d in days if d and not d.startswith("--")):
        together = [days[day], *([days[f"--{day[5:]}"]] if f"--{day[5:]}" in days else [])]
        seen.add(f"--{day[5:]}")
        if undated:
            together.append(undated)
        yield day, _merged(together)
    for day in sorted(partial - seen):
        yield day, _merged([days[day], *([undated] if undated else [])])
    if undated and not any(days.keys() - {""}):
        yield "", undated


def _merged(extremes: list[Extremes]) -> Extremes:
    out = extremes[0]
    for more in extremes[1:]:
        out = out.merge(more)
    return out


def _status(
    summary: Summary, claims: Mapping[int, Comparable], timeless: bool = False
) -> tuple[str, bool, str]:
    """Conflict when two figures of one time do not overlap: when, at some time, the
    highest low is above the lowest high; soft when every figure below that low is an upper
    bound ("up to 3,000" against "about 12,000"). Changed when figures of different times
    do not overlap and none of one time disagree: from the first time's to the last's. A
    `timeless` quantity (an earthquake's magnitude, depth, distance) has one time."""
    days = {"": _merged(list(summary.days.values()))} if timeless else summary.days
    for _, (top, bottom, firm_bottom) in _same_time(days):
        if top[0] > bottom[0]:
            soft = firm_bottom >= top[0]
            kind = "soft conflict: an upper bound below a larger figure" if soft else "no overlap"
            below, above = describe(claims[bottom[1][-1]]), describe(claims[top[1][-1]])
            return "conflict", soft, f"{below} vs {above}: {kind}"
    every = _merged(list(summary.days.values()))
    if every.top[0] <= every.bottom[0]:
        return "agree", False, f"all {summary.members} figures overlap"
    dated = sorted(day for day in summary.days if day)
    first, last = summary.days[dated[0]], summary.days[dated[-1]]
    rose = last.top[0] > first.bottom[0]
    start, end = (first.bottom, last.top) if rose else (first.top, last.bottom)
    return (
        "changed",
        False,
        (
            f"{'rose' if rose else 'fell'} from {describe(claims[start[1][-1]])} to "
            f"{describe(claims[end[1][-1]])}"
        ),
    )


def group_from(
    key: str,
    summary: Summary,
    claims: Mapping[int, Comparable],
    topic_of: Mapping[int, str],
    parties: Mapping[int, str] | None = None,
) -> Group | None:
    """The discrepancy group of a cluster from its summary, without its members: `claims`
    holds at least the claims the summary names (Summary.named), `topic_of` the figure
    topics of its earliest claims' articles, `parties` who each quoted statement says did
    the thing (party_of). It is named by its first claim, so
    regrouping keeps the names of the groups that stay."""
    name = f"{key}|{summary.name}"
    claimants = len(summary.claimants)
    timeless = of_the_event(key.split("|", 1)[0])
    if key == STANCE_KEY:
        # What a story's actors said: a conflict when a denial meets a non-denial,
        # explained by one side's own contradiction where there is one ("dismissed as a
        # hoax (Kremlin)" against "did not deny (Putin)", both Russia).
        stances = {stance for stance, _ in summary.stances}
        if claimants < 2 or not (
            ("deny" in stances and stances & set(_NOT_DENIALS))
            or ("not_confirm" in stances and stances & {"confirm", "acknowledge"})
        ):
            return None  # a denial needs a non-denial; a no-comment, a confirmation
        denial, other = _contradiction(summary, claims)
        return Group(name, statement_topic(summary, topic_of, parties), "conflict", False,
                     f"{_said(denial)} vs {_said(other)}", claimants)  # fmt: skip
    # One claimant alone, however many outlets carried it, has nobody to disagree with; but
    # its own figure moving over time, as outlets of several days reported it, is news
    # ("the ministry's toll in Al Haouz rose from 1,293 to 1,604").
    if claimants < 2 and len(summary.sources) < 2:
        return None
    status, soft, why = _status(summary, claims, timeless)
    if claimants < 2 and status != "changed":
        return None
    # The most common unit; of equally common ones, the first said.
    unit = min(summary.units, key=lambda u: (-summary.units[u][0], summary.units[u][1]))
    return Group(name, topic_of_key(key, unit), status, soft, why, claimants)


def topic_of_key(key: str, unit: str) -> str:
    """A figure group's name from its comparison key (a Measure's key)."""
    return topic_of(Measure(*key.split("|")), unit)


def statement_topic(
    summary: Summary, topic_of: Mapping[int, str], parties: Mapping[int, str] | None = None
) -> str:
    """A group of statements is named after who its statements say did the thing, the one
    or two its quoted statements name most ("Denials about BAC Consulting and Gold Apollo";
    `parties`: each quoted claim's party_of), else after the figure group of the first of
    its earliest articles that has one (`topic_of`: each article's first figure group's
    topic); "Denials" where one denies, else "Statements" (a no-comment against a
    confirmation)."""
    denied = any(stance == "deny" for stance, _ in summary.stances)
    kind = "Denials" if denied else "Statements"
    named = Counter(
        party for order in summary.stances.values() if (party := (parties or {}).get(order[-1]))
    )  # fmt: skip
    if named:
        first = sorted(named, key=lambda p: (-named[p], p))[:2]
        return f"{kind} about {' and '.join(first)}"
    about = next((topic_of[a] for _, a in summary.first if a in topic_of), "the reports")
    return f"{kind}: {about}"


def named_by_party(topic: str) -> bool:
    """Whether a group of statements was named after who they say did it (statement_topic),
    which no figure group changes."""
    return topic.startswith(("Denials about ", "Statements about "))


def _contradiction(
    summary: Summary, claims: Mapping[int, Comparable]
) -> tuple[Comparable, Comparable]:
    """A denial (else a no-comment) and a non-denial, from one side if any side has both:
    the first denial that has one, with the most telling, first such non-denial. Claims of
    one stance and one set of sides answer alike, so the first of each stands for them
    all."""
    firsts = sorted(summary.stances.items(), key=lambda item: item[1])
    against = "deny" if any(stance == "deny" for stance, _ in summary.stances) else "not_confirm"
    denials = [(sides, order) for (stance, sides), order in firsts if stance == against]
    others = [
        (sides, order)
        for (stance, sides), order in sorted(
            (item for item in firsts if item[0][0] != against),
            key=lambda item: _NOT_DENIALS.get(item[0][0], 3),  # stable: first said first
        )
    ]
    for sides, order in denials:
        for other_sides, other in others:
            if set(sides) & set(other_sides):
                return claims[order[-1]], claims[other[-1]]
    return claims[denials[0][1][-1]], claims[others[0][1][-1]]


def _said(claim: Comparable) -> str:
    who = ", ".join(x for x in (claim.attributed_to or claim.source, claim.date) if x)
    return f"{claim_in_words(claim)} ({who})"


def story_names(names: Mapping[str, int], common: Set[str]) -> frozenset[str]:
    """One article's story names, from how often it names each entity and the names too
    common in the library to tell stories apart."""
    named = {n for n in names if n not in common}
    repeated = {n for n in named if names[n] >= 2}
    return frozenset(repeated if len(repeated) >= SAME_STORY else named)


_OPENABLE: tuple[tuple[str, ...], ...] = (("where",), ("when",), ("where", "when"))


def open_fields(key: str) -> tuple[str, ...]:
    """What a figure's own key leaves for its story to say: its place, where it names
    none and its article's country is unknown, and a crowd's day, where neither it nor
    its article names one."""
    if not key or key == STANCE_KEY:
        return ()
    measure = Measure(*key.split("|"))
    fields = ("where",) if not measure.where else ()
    return fields + (("when",) if measure.thing == "people present" and not measure.when else ())


def settle_open(
    opened: Sequence[tuple[Comparable, str]],
    closed: Sequence[tuple[Comparable, str]],
    stories: Mapping[int, frozenset[str]] | None,
) -> dict[int, str]:
    """The key each figure that leaves its place or day open (open_fields) is compared
    under: that of the one place and day its story's figures of the same thing, whose,
    period and role, which name them, give a figure it agrees with. "Some 1.28 million
    people, according to the government", in an article with no date, is its story's 7
    March turnout, the day the ministry gave 1.28 million (the very figure first: not 31
    January's 1.27 million, which only touches it); "twelve people died ... in the
    explosions", where its article names no country, is its story's deaths in Lebanon.
    Else the one its article's other open figures found, where that is one of those it
    agrees with ("3.5 million, according to the CGT", said of 7 and 23 March) or it agrees
    with none ("119,000 protesters in Paris, while the Confederation claimed 800,000");
    else its own key.

    `opened` and `closed` are (claim, its article's own key) pairs. Only figures that name
    what the others leave open are evidence, so the answer depends on the story, not on
    the order its articles came in (regrouping settles them again as the story grows)."""
    pairs_of: dict[int, set[str]] = {}  # each article's story pairs, made once

    def story_of(article: int) -> set[str]:
        if article not in pairs_of:
            pairs_of[article] = set(story_pairs((stories or {}).get(article, ())))
        return pairs_of[article]

    named: dict[tuple[str, tuple[str, ...]], dict[tuple[str, ...], list[Comparable]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for claim, key in closed:
        measure = Measure(*key.split("|"))
        for fields in _OPENABLE:
            if all(getattr(measure, f) for f in fields):
                base = measure._replace(**dict.fromkeys(fields, "")).key
                named[base, fields][tuple(getattr(measure, f) for f in fields)].append(claim)

    def fits(claim: Comparable, other: Comparable) -> bool:
        if stories is not None and not story_of(claim.article) & story_of(other.article):
            return False  # another story's figure
        if "vague" in (claim.hedge, other.hedge):
            return False  # "thousands of flights" agrees with too much to say which
        if claim.value == other.value:
            return True  # "1,000 active duty troops" and "up to 1,000 active-duty troops"
        if claim.value is None or other.value is None:
            return False
        # Each within the other's interval: 1.3 and 1.28 million; not "more than 30,000"
        # and "some 150,000", which only overlap; not 1.28 and 1.27 million, which touch.
        low, high = tolerance_interval(claim)
        other_low, other_high = tolerance_interval(other)
        return low < other.value < high and other_low < claim.value < other_high

    candidates: dict[int, set[tuple[str, ...]]] = {}
    for claim, key in opened:
        fields = open_fields(key)
        family = named.get((key, fields), {})
        fitting = {said for said, cs in family.items() if any(fits(claim, c) for c in cs)}
        # the one place and day another source gave the very figure beats those it overlaps
        same = {said for said in fitting if any(c.value == claim.value for c in family[said])}
        candidates[claim.id] = same if len(same) == 1 else fitting
    found: dict[tuple[int, tuple[str, ...]], set[tuple[str, ...]]] = defaultdict(set)
    for claim, key in opened:  # by article: what its open figures found alone
        if len(candidates[claim.id]) == 1:
            found[claim.article, open_fields(key)] |= candidates[claim.id]
    keys: dict[int, str] = {}
    for claim, key in opened:
        fields = open_fields(key)
        fitting, alone = candidates[claim.id], found[claim.article, fields]
        if len(fitting) > 1:
            fitting = fitting & alone
        elif not fitting and named.get((key, fields)):
            fitting = set(alone)
        keys[claim.id] = key
        if len(fitting) == 1:
            keys[claim.id] = (
                Measure(*key.split("|"))
                ._replace(**dict(zip(fields, fitting.pop(), strict=True)))
                .key
            )
    return keys


def story_pairs(names: Iterable[str]) -> list[str]:
    """What two articles of one story have in common: every SAME_STORY of their story
    names, one key each, so finding an article's story is a lookup, not a comparison."""
    return ["\n".join(c) for c in combinations(sorted(names), SAME_STORY)]


def _candidate_pairs(
    members: Sequence[Linked], stories: Mapping[int, frozenset[str]] | None, fresh: Set[int]
) -> Iterator[tuple[int, int]]:
    """Pairs of one story with a fresh claim in them, each fresh pair once (two claims
    grouped before are not compared again): all of them without stories, else those of
    one article or sharing a story pair.

    A pair may come more than once; callers skip pairs already joined."""
    if stories is None:
        yield from ((i, j) for i in fresh for j in range(len(members)) if j > i or j not in fresh)
        return
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(members):
        buckets[f"\x00{claim.article}"].append(i)
        for pair in story_pairs(stories.get(claim.article, ())):
            buckets[pair].append(i)
    for ids in buckets.values():
        for i in ids:
            if i in fresh:
                yield from ((i, j) for j in ids if j > i or j not in fresh)
