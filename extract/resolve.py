"""One entity per real-world person, organisation or place, however outlets spell it.

Rules, in order (thresholds are rapidfuzz scores, 0-100, on lower-cased text):
1. The alias table (DPRK, US, Russian Federation ...) maps a name to its canonical form.
2. Names equal after normalisation join: case, dots, hyphens, apostrophes
   ("Kim Jong Un" = "Kim Jong-un", "U.S. State Department" = "US State Department").
3. A one-word name joins a longer person name *in the same article* whose first or last word
   it is ("Miller" -> "Matthew Miller", "Jeon" -> "Jeon Ha-kyou"); never across articles,
   where a bare "Kim" could chain every Kim together. Likewise an organisation joins the
   same name with a place in front in the same article ("State Department" ->
   "US State Department").
4. Spelling variants join when they have the same number of words, every word pair scores
   at least WORD_SCORE and the whole at least NAME_SCORE ("Mathew Miller" ~ "Matthew
   Miller"). A word pair under WORD_SCORE blocks the join, so "Kim Jong Un" and
   "Kim Jong Gyu" (un/gyu) stay apart, as do "North Korea" and "South Korea".
5. A one-word unknown place ("in Kurks") joins a known place *named in the same article* when it is
   one typo away (optimal string alignment distance MAX_TYPOS, a transposition counting
   one) and starts with the same letter ("Kurks" beside "Kursk"). Across the library such
   joins chained "Parks", "Franca" and "Austrians" into Paris, France and Australia.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from rapidfuzz.utils import default_process

from extract.clusters import UnionFind
from extract.gazetteer import ALIASES, PLACES

WORD_SCORE = 80
NAME_SCORE = 90
MAX_TYPOS = 1
_MIN_SINGLE_LENGTH = 5
_SCOPE = "\x00"  # joins a one-word name to its article: "kim\x00<article>"


@dataclass
class Entity:
    """A resolved entity: its canonical name, type, and every spelling seen."""

    key: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)


def normalise(name: str) -> str:
    """The comparison key of a name: lower case, no dots, hyphens or apostrophes."""
    name = name.replace("’", "'").replace(".", "")
    name = re.sub(r"['-]", " ", name)
    return " ".join(default_process(name).split())


def _variants(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    if any(fuzz.ratio(x, y) < WORD_SCORE for x, y in zip(wa, wb, strict=True)):
        return False
    return fuzz.ratio(a, b) >= NAME_SCORE


_KNOWN = {normalise(p) for p in PLACES} | {normalise(a) for a in ALIASES}


def _misspelling(unknown: str, known: str) -> bool:
    """One typo (a transposition counts as one) in a long enough word, same first letter."""
    if " " in unknown or " " in known or unknown[0] != known[0]:
        return False
    if min(len(unknown), len(known)) < _MIN_SINGLE_LENGTH:
        return False
    return OSA.distance(unknown, known) <= MAX_TYPOS


def resolve_entities(
    mentions: list[tuple[str, str, str, int]],
) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Cluster (article, name, type, count) mentions into entities.

    Returns the entities and a map from (article, name) to the entity key.
    """
    uf: UnionFind[str] = UnionFind()
    types: dict[str, Counter[str]] = defaultdict(Counter)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    by_article: dict[str, set[str]] = defaultdict(set)
    local: dict[tuple[str, str], str] = {}
    for article, name, type_, count in mentions:
        canonical = ALIASES.get(name, name)
        key = normalise(canonical)
        if not key:
            continue
        # A one-word unknown name means something only within its article ("Kim").
        node = f"{key}{_SCOPE}{article}" if " " not in key and key not in _KNOWN else key
        uf.find(node)
        types[node][type_] += count
        spellings[node][canonical] += count
        by_article[article].add(node)
        local[(article, name)] = node

    # 3. A short form joins a full person name in the same article, else its own kind.
    for nodes in by_article.values():
        people = [n for n in nodes if " " in n and types[n].most_common(1)[0][0] == "person"]
        for node in nodes:
            if _SCOPE not in node:
                continue
            key = node.split(_SCOPE)[0]
            matches = [p for p in people if key in (p.split()[0], p.split()[-1])]
            places = [
                k for k in nodes if k in _KNOWN and types[node]["place"] and _misspelling(key, k)
            ]
            if len(matches) == 1:
                uf.union(node, matches[0])
            elif len(places) == 1:
                uf.union(node, places[0])  # 5. "Kurks" beside "Kursk"
            else:
                uf.union(node, key)
                spellings.setdefault(key, Counter())

    # 3b. "State Department" joins "US State Department" in the same article: the longer name
    # only adds a place in front.
    for nodes in by_article.values():
        orgs = [n for n in nodes if " " in n and types[n].most_common(1)[0][0] == "org"]
        for short in orgs:
            for full in orgs:
                prefix = full[: -len(short)].strip()
                if full != short and full.endswith(" " + short) and prefix in _KNOWN:
                    uf.union(short, full)

    # 4. Spelling variants of names of several words, compared only within a block of the
    # same first letter and number of words: never all pairs.
    blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in spellings:
        if " " in key and _SCOPE not in key:
            blocks[(key[0], key.count(" "))].append(key)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if _variants(a, b):
                    uf.union(a, b)

    clusters: dict[str, list[str]] = defaultdict(list)
    for key in spellings:
        clusters[uf.find(key)].append(key)
    entities: dict[str, Entity] = {}
    root_to_entity: dict[str, str] = {}
    for root, keys in clusters.items():
        names: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for k in keys:
            names.update(spellings[k])
            kinds.update(types[k])
        known = [n for n in names if normalise(n) in _KNOWN]
        # The canonical name: a gazetteer form, else the commonest full spelling.
        best = max(known or names, key=lambda n: (len(n.split()) > 1, names[n], len(n)))
        kind = next((t for t, _ in kinds.most_common() if t != "other"), "other")
        entity_key = normalise(best)
        if entity_key in entities:  # two roots with one canonical name: keep them one
            entities[entity_key].aliases.update(names)
        else:
            entities[entity_key] = Entity(entity_key, best, kind, set(names))
        root_to_entity[root] = entity_key
    assignment = {
        (article, name): root_to_entity[uf.find(key)] for (article, name), key in local.items()
    }
    for (_article, name), entity_key in assignment.items():
        entities[entity_key].aliases.add(name)
    return list(entities.values()), assignment
