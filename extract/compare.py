"""Which claims report the same quantity, and whether their sources agree.

Two figures are the same quantity when they count the same thing, of the same subject, in the
same scope, for the same kind of event. Each is read from the claim and its sentence:

- concept: the unit's class (soldiers, troops, servicemen and personnel are one: "troops");
- subject: whose things are counted, a place or demonym in the figure's phrase ("North Korean
  soldiers"), else one after "from" ("soldiers from North Korea"), else inside a "number of"
  phrase before the figure, else the subject that most claims of the same concept in the same
  article name;
- scope: the first place after the figure that follows "in", "into", "to", "at", "near" or
  "across" ("in the Kursk region", "to Russia"), or the next place if it lies within it
  ("Russia's Kursk", "in Russia, mostly in Kursk": Kursk, by PLACE_PARENT). A claim with no
  scope is only compared with others that have none. Scopes are compared exactly, so "10,000
  in Kursk" and "12,000 in Russia" are two quantities that cannot conflict: Kursk lies in
  Russia (PLACE_PARENT), and a place that narrows the scope separates two figures;
- event: presence (deployed, in, sent, trained) unless the sentence says killed or wounded
  (casualties) or transported (movement);
- period: a time near the figure that narrows it ("sent in October", "this year"); a figure
  with one is another quantity than a figure without.

Increments ("10,000 more"), percentages, sums of money, distances and durations are never
grouped: without their base, their period or what the money pays for they have no truth
conditions to compare; nor is a figure with neither a
subject nor a scope ("£5bn", "300 people" with no place), which across a library of many
stories grouped unrelated sums. Within a key, claims join a group
only when their frames (the sentence with figures masked) reach FRAME_SCORE with some member,
by rapidfuzz's token_set_ratio on processed text: a guard against two unrelated sentences
that happen to share the key. Nothing is compared outside its key, so grouping is linear in
the number of claims, plus the pairs inside each key.

In a library of many stories, figures are compared only between articles of one story: two
articles that share SAME_STORY entities each names twice or more, leaving out, in a large
library, names so common they tell no story apart ("United States").

Status comes from the hedged intervals: `agree` when every two overlap, else `conflict`. A
round figure written exactly carries its own tolerance, half a unit of its last significant
digit ("12,000" is 11,500 to 12,500; "1.2 million" is 1,150,000 to 1,250,000). A conflict in
which an upper-bound hedge ("as many as 10,000") is the only thing below a larger figure is
soft: labelled, not hidden.

Statements: the denials and confirmations of one story form one group, a `conflict` when a
denial meets a non-denial or a confirmation; the explanation prefers one side's own
contradiction (an actor's side is its country, from GOVERNMENTS and LEADERS or a country
named in the actor: the Kremlin and Putin are both Russia). It is named after the figures
of the first of its FIRST_KEPT earliest statements whose article has a figure group.

A group is made from its cluster's Summary, which merges exactly, so a library keeps the
summaries of large clusters and regroups around new claims without reading old ones.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass
from functools import lru_cache
from heapq import nsmallest
from itertools import combinations

from extract.clusters import UnionFind
from extract.comparable import (
    STANCE_KEY,
    Comparable,
    Group,
    claim_order,
    tolerance_interval,
)
from extract.gazetteer import COUNTRIES, DEMONYMS
from extract.text import trie
from extract.words import bound, claim_in_words

# Calibrated on the bundled story: every member of its groups links to another at 58 or
# more; a sentence sharing only the key words ("cakes for the N soldiers near Russia's
# border") scores 52-53.
FRAME_SCORE = 55
# Articles are on one story when they share this many story entities (story_signatures).
SAME_STORY = 2
_LOCATIVE = re.compile(r"\b(?:in|into|to|at|near|across|inside|within)\b[^.;]{0,25}$", re.I)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|into|to|at|near|inside|within)\s+(?:the\s+)?$", re.I)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_NUMBER_OF = re.compile(r"\bnumber of\b[^,.;]*$", re.I)
_CASUALTIES = re.compile(r"\b(?:killed|dead|died|deaths|wounded|injured|casualties)\b", re.I)
_MOVEMENT = re.compile(r"\b(?:transported|transporting|transferred|moved by|shipped)\b", re.I)
_MASK = re.compile(r"\d[\d,.]*")
# Shares, periods and distances (race names: "the 100 metres") are not counts of anything.
SKIPPED_UNITS = frozenset(
    """% month months year years day days week weeks hour hours minute minutes metres
    kilometres miles""".split()
)


def _countable(unit: str | None) -> bool:
    """A unit figures can be compared under: not a share, period, distance or currency."""
    return unit is not None and unit != "" and unit not in SKIPPED_UNITS and not unit.isupper()


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
}  # fmt: skip
# Who speaks for a country when they deny or confirm.
GOVERNMENTS = {
    "Kremlin": "Russia", "Moscow": "Russia", "Pyongyang": "North Korea", "Seoul": "South Korea",
    "Kyiv": "Ukraine", "Washington": "United States", "White House": "United States",
    "Pentagon": "United States", "Beijing": "China", "Tehran": "Iran",
}  # fmt: skip
LEADERS = {
    "Putin": "Russia", "Kim Jong Un": "North Korea", "Kim Jong-un": "North Korea",
    "Zelensky": "Ukraine", "Biden": "United States", "Xi Jinping": "China",
}  # fmt: skip
_DEMONYM_OF = {place: word for word, place in DEMONYMS.items() if not word.endswith("s")}


def _span(claim: Comparable) -> tuple[int, int]:
    """The figure's offsets in the body, where places are too."""
    return claim.span_start, claim.span_end


def _in_sentence(claim: Comparable, start: int, end: int) -> str:
    """The sentence's text between two body offsets."""
    return claim.sentence[max(0, start - claim.start) : max(0, end - claim.start)]


def _subject(claim: Comparable) -> str | None:
    span = _span(claim)
    inside = [p for p in claim.places if span[0] <= p.start < span[1]]
    if inside:
        return _as_country(inside[0].name)
    counted = _NUMBER_OF.search(_in_sentence(claim, claim.start, span[0]))
    for place in (p for p in claim.places if p.end <= span[0]):
        if counted and place.start - claim.start >= counted.start():
            return _as_country(place.name)  # "the number of North Korean soldiers ..."
    for place in (p for p in claim.places if span[1] <= p.start < span[1] + 60):
        if _FROM.search(_in_sentence(claim, place.start - 12, place.start)):
            return _as_country(place.name)  # "... three generals from North Korea"
    return None


def _as_country(name: str) -> str:
    return GOVERNMENTS.get(name, name) if name not in COUNTRIES else name


def _same_clause(gap: str) -> bool:
    return len(gap) <= 20 and " and " not in gap and ";" not in gap


def within(place: str, region: str) -> bool:
    """Whether place lies in region, by PLACE_PARENT: Vladivostok lies in Russia."""
    while place in PLACE_PARENT:
        place = PLACE_PARENT[place]
        if place == region:
            return True
    return False


def _scope(claim: Comparable) -> str | None:
    span = _span(claim)
    after = [p for p in claim.places if p.start >= span[1]]
    for index, place in enumerate(after):
        if _LOCATIVE.search(_in_sentence(claim, span[1], place.start)):
            following = after[index + 1] if index + 1 < len(after) else None
            gap = _in_sentence(claim, place.end, following.start) if following else ""
            if following and (
                len(gap) <= 4 or (within(following.name, place.name) and _same_clause(gap))
            ):
                place = following  # "in Russia's Kursk", "in Russia, in Kursk": Kursk
            if place.name in MACRO_REGIONS and _event(claim) == "presence":
                # Troops in a vast region count for its country; moved within the country,
                # from one region to another, they are another movement.
                return PLACE_PARENT.get(place.name, place.name).replace(
                    "Russian Far East", "Russia"
                )
            return place.name
    # "soldiers deployed in the Russian army exceeded 10,000": the nearest place before.
    for place in reversed([p for p in claim.places if p.end <= span[0]]):
        if _LOCATIVE_BEFORE.search(_in_sentence(claim, place.start - 12, place.start)):
            return place.name
    return None


_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_PERIOD = re.compile(
    rf"\b(?:in|during|since|by the end of)\s+(?:(?:early|mid|late)[- ])?(?P<p>{_MONTH_NAMES}"
    r"|(?:19|20)\d\d)\b|\b(?P<q>(?:this|last|next) (?:week|month|year)|so far this year)\b",
    re.I,
)


def _period(claim: Comparable) -> str:
    """A time that narrows the figure ("sent in October"), near it in its sentence."""
    span = _span(claim)
    near = _in_sentence(claim, span[0] - 40, span[1] + 40)
    match = _PERIOD.search(near)
    return (match.group("p") or match.group("q")).lower() if match else ""


def _event(claim: Comparable) -> str:
    if _CASUALTIES.search(claim.sentence):
        return "casualties"
    if _MOVEMENT.search(claim.sentence):
        return "movement"
    return "presence"


def _frame(claim: Comparable) -> str:
    return _MASK.sub("#", claim.sentence)


def _topic(concept: str, subject: str | None, scope: str | None, event: str) -> str:
    who = _DEMONYM_OF.get(subject or "", subject or "")
    thing = f"{who} {concept}".strip()
    if event == "casualties":
        return f"{thing} killed or wounded" + (f" in {scope}" if scope else "")
    if event == "movement":
        return f"{thing} moved" + (f" to {scope}" if scope else "")
    return f"{thing} in {scope}" if scope else thing


def describe(claim: Comparable) -> str:
    """A figure in words, with its source and day: "about 3,000 (NIS, 2024-10-28)"; the
    group's topic already names what is counted."""
    who = ", ".join(x for x in (claim.attributed_to or claim.source, claim.date) if x)
    return f"{claim_in_words(claim, unit=False)} ({who})"


def _status(summary: Summary, claims: Mapping[int, Comparable]) -> tuple[str, bool, str]:
    """Conflict when two figures' intervals do not overlap: when the highest low is above
    the lowest high. The conflict is soft when every figure below the highest low is an
    upper bound ("up to 3,000" against "about 12,000"): when no other figure's high is."""
    (top, upper), (bottom, lower) = summary.top, summary.bottom
    if top <= bottom:
        return "agree", False, f"all {summary.members} figures overlap"
    soft = summary.firm_bottom >= top
    kind = "soft conflict: an upper bound below a larger figure" if soft else "no overlap"
    below, above = describe(claims[lower[-1]]), describe(claims[upper[-1]])
    return "conflict", soft, f"{below} vs {above}: {kind}"


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


def comparison_keys(claims: Iterable[Comparable]) -> dict[int, str]:
    """Each claim's comparison key: figures of one key may be the same quantity.

    A figure's key is concept|subject|scope|event|period; statements by a side of the
    story share STANCE_KEY; "" is nothing to compare. A key depends only on the claim's
    own article, so pass all of an article's claims together (an unnamed subject is what
    the article's other figures count).
    """
    keys: dict[int, str] = {}
    subjects: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)
    read: list[tuple[Comparable, str | None]] = []
    for claim in claims:
        keys[claim.id] = ""
        if claim.kind == "statement":
            if _sides(claim.attributed_to or ""):
                keys[claim.id] = STANCE_KEY
            continue
        if claim.increment or not _countable(claim.unit) or claim.low is claim.high is None:
            continue
        subject = _subject(claim)
        if subject:
            subjects[(claim.article, claim.concept or "")][subject] += 1
            subjects[(claim.article, "")][subject] += 1
        read.append((claim, subject))
    for claim, subject in read:
        # Unnamed, the subject is what the article's other figures count, of this concept
        # first: "500 officers" in a story of North Korean troops are North Korean.
        for named in (
            subjects[(claim.article, claim.concept or "")],
            subjects[(claim.article, "")],
        ):
            if subject is None and named:
                subject = named.most_common(1)[0][0]
        scope, event = _scope(claim), _event(claim)
        if subject is None and scope is None:
            continue  # counts nobody's things nowhere in particular: nothing to compare
        keys[claim.id] = "|".join(
            [claim.concept or "", subject or "", scope or "", event, _period(claim)]
        )
    return keys


def link_claims(
    key: str,
    members: list[Comparable],
    stories: Mapping[int, frozenset[str]] | None,
    settled: Mapping[int, int] | None = None,
) -> list[list[Comparable]]:
    """Single-link clusters of one comparison key's claims, within stories.

    Figures join when their sentences' frames (figures masked) score FRAME_SCORE or more;
    statements of one story all join. Clusters are connected components, so they do not
    depend on the order claims come in. `settled` gives claims grouped before their
    cluster: those of one cluster start joined and two of them are not compared again, so
    regrouping around new claims compares only pairs with a new claim in them.
    """
    from rapidfuzz import fuzz  # grouping only: a reader showing groups need not load it
    from rapidfuzz.utils import default_process

    joined = UnionFind(range(len(members)))
    settled = settled or {}
    first_of: dict[int, int] = {}
    for i, claim in enumerate(members):
        if claim.id in settled:
            joined.union(first_of.setdefault(settled[claim.id], i), i)
    frames = [_frame(c) for c in members] if key != STANCE_KEY else []
    # Claims of one article with one frame (every statement of an article, for statements)
    # are each other's candidates and match: join them here and compare one of them, a new
    # one where there is one. Whether two claims are candidates depends on their articles
    # and whether they match on their frames, so the clusters are the same, and an article
    # repeating a sentence thousands of times costs what one sentence does.
    one_of: dict[tuple[int, str], int] = {}
    for i, claim in enumerate(members):
        same = (claim.article, frames[i] if frames else "")
        if same not in one_of:
            one_of[same] = i
            continue
        joined.union(one_of[same], i)
        if members[one_of[same]].id in settled and claim.id not in settled:
            one_of[same] = i
    shown = list(one_of.values())
    fresh = {a for a, i in enumerate(shown) if members[i].id not in settled}
    for a, b in _candidate_pairs([members[i] for i in shown], stories, fresh):
        i, j = shown[a], shown[b]
        if joined.find(i) != joined.find(j) and (
            not frames
            or fuzz.token_set_ratio(frames[i], frames[j], processor=default_process) >= FRAME_SCORE
        ):
            joined.union(i, j)
    return [[members[i] for i in ids] for ids in joined.clusters()]


Order = tuple[bool, str, str, int]  # a claim's place in its group (claim_order)
# A cluster's earliest claims kept in its summary: a group of denials is named after the
# first of them whose article has a figure group.
FIRST_KEPT = 64
_NOT_DENIALS = {"not_deny": 0, "confirm": 1, "acknowledge": 2}  # the most telling first


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
    top: tuple[float, Order]  # the highest low, and its first claim
    bottom: tuple[float, Order]  # the lowest high, and its first claim
    firm_bottom: float  # the lowest high of a figure that is not an upper bound
    claimants: frozenset[tuple[int, str]]  # (article, who): the first two tell one from many
    units: dict[str, tuple[int, Order]]  # how many claims, and the first
    sources: frozenset[str]
    first: tuple[tuple[Order, int], ...]  # the FIRST_KEPT earliest claims and their articles
    stances: dict[tuple[str, tuple[str, ...]], Order]  # the first claim of a stance and sides

    @classmethod
    def of(cls, claims: Iterable[Comparable]) -> Summary:
        """The summary of some claims (at least one)."""
        ordered = sorted(claims, key=claim_order)
        top = bottom = (0.0, claim_order(ordered[0]))
        firm_bottom = math.inf
        units: dict[str, tuple[int, Order]] = {}
        stances: dict[tuple[str, tuple[str, ...]], Order] = {}
        for index, claim in enumerate(ordered):
            order = claim_order(claim)
            low, high = tolerance_interval(claim)
            if index == 0 or low > top[0]:  # of equal ones, the first claim
                top = (low, order)
            if index == 0 or high < bottom[0]:
                bottom = (high, order)
            if bound(claim.hedge) != "upper":
                firm_bottom = min(firm_bottom, high)
            count, first = units.get(claim.unit or "", (0, order))
            units[claim.unit or ""] = (count + 1, first)
            if claim.kind == "statement":
                sides = tuple(sorted(_sides(claim.attributed_to or "")))
                stances.setdefault((claim.stance or "", sides), order)
        return cls(
            min(c.id for c in ordered), len(ordered), top, bottom, firm_bottom,
            frozenset(nsmallest(2, {(c.article, c.attributed_to or c.source) for c in ordered})),
            units, frozenset(c.source for c in ordered),
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
        return Summary(
            min(self.name, other.name), self.members + other.members,
            self.top if _above(self.top, other.top) else other.top,
            min(self.bottom, other.bottom), min(self.firm_bottom, other.firm_bottom),
            frozenset(nsmallest(2, self.claimants | other.claimants)), units,
            self.sources | other.sources, tuple(sorted(self.first + other.first)[:FIRST_KEPT]),
            stances,
        )  # fmt: skip

    def named(self) -> set[int]:
        """The claims a group made from this summary quotes."""
        return {self.top[1][-1], self.bottom[1][-1], *(o[-1] for o in self.stances.values())}

    def to_json(self) -> str:
        return json.dumps([
            self.name, self.members, self.top, self.bottom, self.firm_bottom,
            sorted(self.claimants), self.units, sorted(self.sources), self.first,
            [[*key, order] for key, order in self.stances.items()],
        ])  # fmt: skip

    @classmethod
    def from_json(cls, text: str) -> Summary:
        (name, members, top, bottom, firm, claimants, units, sources, first,
         stances) = json.loads(text)  # fmt: skip
        return cls(
            name, members, (top[0], tuple(top[1])), (bottom[0], tuple(bottom[1])), firm,
            frozenset(tuple(c) for c in claimants),
            {unit: (count, tuple(order)) for unit, (count, order) in units.items()},
            frozenset(sources), tuple((tuple(order), article) for order, article in first),
            {(stance, tuple(sides)): tuple(order) for stance, sides, order in stances},
        )  # fmt: skip


def _above(a: tuple[float, Order], b: tuple[float, Order]) -> bool:
    """Whether a is the higher low of the two, or as high and said first."""
    return a[0] > b[0] or (a[0] == b[0] and a[1] <= b[1])


def group_from(
    key: str, summary: Summary, claims: Mapping[int, Comparable], topic_of: Mapping[int, str]
) -> Group | None:
    """The discrepancy group of a cluster from its summary, without its members: `claims`
    holds at least the claims the summary names (Summary.named), `topic_of` the figure
    topics of its earliest claims' articles. It is named by its first claim, so
    regrouping keeps the names of the groups that stay."""
    name = f"{key}|{summary.name}"
    sources = len(summary.sources)
    if key == STANCE_KEY:
        # What a story's actors said: a conflict when a denial meets a non-denial,
        # explained by one side's own contradiction where there is one ("dismissed as a
        # hoax (Kremlin)" against "did not deny (Putin)", both Russia).
        stances = {stance for stance, _ in summary.stances}
        if sources < 2 or "deny" not in stances or not stances & set(_NOT_DENIALS):
            return None
        denial, other = _contradiction(summary, claims)
        return Group(name, statement_topic(summary, topic_of), "conflict", False,
                     f"{_said(denial)} vs {_said(other)}", sources)  # fmt: skip
    # The claimant is not the outlet: "Ukraine says 12,000" and "the Pentagon says 10,000"
    # in one article are two; one claimant alone has nobody to disagree with.
    if len(summary.claimants) < 2:
        return None
    concept, subject, scope, event, period = key.split("|")
    status, soft, why = _status(summary, claims)
    # The most common unit; of equally common ones, the first said.
    unit = min(summary.units, key=lambda u: (-summary.units[u][0], summary.units[u][1]))
    topic = _topic(concept if concept == "troops" else unit or concept, subject or None,
                   scope or None, event)  # fmt: skip
    if period:
        topic += f" ({period})"
    return Group(name, topic, status, soft, why, sources)


def statement_topic(summary: Summary, topic_of: Mapping[int, str]) -> str:
    """A group of statements is named after the figure group of the first of its earliest
    articles that has one (`topic_of`: each article's first figure group's topic)."""
    about = next((topic_of[a] for _, a in summary.first if a in topic_of), "the reports")
    return f"Denials: {about}"


def _contradiction(
    summary: Summary, claims: Mapping[int, Comparable]
) -> tuple[Comparable, Comparable]:
    """A denial and a non-denial, from one side if any side has both: the first denial
    that has one, with the most telling, first such non-denial. Claims of one stance and
    one set of sides answer alike, so the first of each stands for them all."""
    firsts = sorted(summary.stances.items(), key=lambda item: item[1])
    denials = [(sides, order) for (stance, sides), order in firsts if stance == "deny"]
    others = [
        (sides, order)
        for (stance, sides), order in sorted(
            (item for item in firsts if item[0][0] != "deny"),
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


def story_pairs(names: Iterable[str]) -> list[str]:
    """What two articles of one story have in common: every SAME_STORY of their story
    names, one key each, so finding an article's story is a lookup, not a comparison."""
    return ["\n".join(c) for c in combinations(sorted(names), SAME_STORY)]


def _candidate_pairs(
    members: list[Comparable], stories: Mapping[int, frozenset[str]] | None, fresh: Set[int]
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
