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

The result does not depend on how the library was imported (in one go, in batches, by two
imports at once, or resumed after a kill): the rules look at one article, or at pairs of
names, never at what else a batch holds; a new name linking two entities made earlier
merges them (`Resolution.merges`); and an entity's name and type are read from the counts
of all its spellings (`canonical_name`, `entity_type`), not kept from its first batch.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
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


@dataclass
class Resolution:
    """What resolving a batch of mentions found: the entities they belong to (new ones,
    and earlier ones with new spellings), each (article, name)'s entity key, and earlier
    entities that a new name showed to be one (absorbed key -> the key that stays)."""

    entities: list[Entity]
    assignment: dict[tuple[str, str], str]
    merges: dict[str, str] = field(default_factory=dict)


_TYPE_ORDER = ("person", "org", "place", "other")  # of equally common types, the first


def canonical_name(spellings: Mapping[str, int]) -> str:
    """The name an entity goes by, from how often each spelling is written (after the
    alias table): a gazetteer form, else the commonest name of several words, else the
    commonest; ties by length, then alphabetically, so any order of counting agrees."""
    names = Counter[str]()
    for name, count in spellings.items():
        names[ALIASES.get(name, name)] += count
    known = [n for n in names if normalise(n) in _KNOWN]
    return max(known or names, key=lambda n: (len(n.split()) > 1, names[n], len(n), n))


def entity_type(types: Mapping[str, int]) -> str:
    """An entity's type: the commonest its mentions were given, "other" only when no
    mention had another."""
    typed = [t for t in _TYPE_ORDER[:3] if types.get(t)]
    if not typed:
        return "other"
    return max(typed, key=lambda t: (types[t], -_TYPE_ORDER.index(t)))


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


_ANCHOR = "\x01"  # a node standing for an entity resolved in an earlier batch


class Resolver:
    """Resolves mentions batch by batch, joining new names to the entities already made.

    A library grows by imports; re-resolving every mention each time would cost more with
    every article. The resolver remembers, for each library-wide name key, the entity it
    belongs to, and the names of several words by block for rule 4. Each batch goes
    through the rules above; a new name that joins a remembered key joins its entity, which
    keeps its key and canonical name. One batch with nothing remembered is the whole-library
    resolution.
    """

    def __init__(
        self,
        known: Iterable[tuple[str, str, str]] = (),
        spellings: Iterable[tuple[str, str]] = (),
    ) -> None:
        """`known`: the library's entities (key, name, type); `spellings`: every name
        written for them (entity key, name), so that a name joined by a chain of
        variants in an earlier import joins the same entity in this one."""
        self._entity_of: dict[str, str] = {}  # library-wide node -> entity key
        self._entities: dict[str, tuple[str, str]] = {}  # entity key -> (name, type)
        self._blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
        for key, name, type_ in known:
            self._remember(key, key, name, type_)
            self._remember(normalise(ALIASES.get(name, name)), key, name, type_)
        for key, spelling in spellings:
            node = normalise(ALIASES.get(spelling, spelling))
            if key in self._entities and (" " in node or node in _KNOWN):
                # A one-word name joined its person in one article only ("Cole" beside
                # "Joe Cole"); elsewhere it stands alone.
                self._remember(node, key, *self._entities[key])

    def renamed(self, key: str, name: str, type_: str) -> None:
        """The library renamed or retyped an entity from its counts."""
        self._entities[key] = (name, type_)

    def _merge(self, absorbed: str, into: str) -> None:
        for node, key in self._entity_of.items():
            if key == absorbed:
                self._entity_of[node] = into
        self._entities.pop(absorbed, None)

    def _remember(self, node: str, key: str, name: str, type_: str) -> None:
        self._entities.setdefault(key, (name, type_))
        if not node or node in self._entity_of:
            return
        self._entity_of[node] = key
        if " " in node:
            self._blocks[(node[0], node.count(" "))].append(node)

    def add(self, mentions: Iterable[tuple[str, str, str, int]]) -> Resolution:
        """Resolve (article, name, type, count) mentions of new articles.

        Returns the entities they belong to (new ones, and remembered ones with the new
        spellings), a map from (article, name) to the entity key, and the remembered
        entities the new names joined into one.
        """
        uf: UnionFind[str] = UnionFind()
        types: dict[str, Counter[str]] = defaultdict(Counter)
        in_article: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
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
            in_article[(article, node)][type_] += count
            spellings[node][canonical] += count
            by_article[article].add(node)
            local[(article, name)] = node

        def typed_here(article: str, node: str) -> str:
            """What the article itself calls a name: the rules read one article at a time,
            so that nothing depends on what else a batch holds."""
            return in_article[(article, node)].most_common(1)[0][0]

        # 3. A short form joins a full person name in the same article, else its own kind.
        for article, nodes in by_article.items():
            people = [n for n in nodes if " " in n and typed_here(article, n) == "person"]
            for node in nodes:
                if _SCOPE not in node:
                    continue
                key = node.split(_SCOPE)[0]
                matches = [p for p in people if key in (p.split()[0], p.split()[-1])]
                places = [
                    k
                    for k in nodes
                    if k in _KNOWN and types[node]["place"] and _misspelling(key, k)
                ]
                if len(matches) == 1:
                    uf.union(node, matches[0])
                elif len(places) == 1:
                    uf.union(node, places[0])  # 5. "Kurks" beside "Kursk"
                else:
                    uf.union(node, key)
                    spellings.setdefault(key, Counter())

        # 3b. "State Department" joins "US State Department" in the same article: the
        # longer name only adds a place in front.
        for article, nodes in by_article.items():
            orgs = [n for n in nodes if " " in n and typed_here(article, n) == "org"]
            for short in orgs:
                for full in orgs:
                    prefix = full[: -len(short)].strip()
                    if full != short and full.endswith(" " + short) and prefix in _KNOWN:
                        uf.union(short, full)

        # A remembered name stands for its entity.
        for node in list(spellings):
            if node in self._entity_of:
                uf.union(node, _ANCHOR + self._entity_of[node])

        # 4. Spelling variants of names of several words, compared within a block of the
        # same first letter and number of words: new names with each other and with the
        # remembered ones, never all pairs of the library.
        blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
        for key in spellings:
            if " " in key and _SCOPE not in key and key not in self._entity_of:
                blocks[(key[0], key.count(" "))].append(key)
        for block_id, block in blocks.items():
            remembered = self._blocks.get(block_id, [])
            for i, a in enumerate(block):
                for b in _close_names(a, block[i + 1 :]):
                    uf.union(a, b)
                for b in _close_names(a, remembered):
                    uf.union(a, _ANCHOR + self._entity_of[b])

        clusters: dict[str, list[str]] = defaultdict(list)
        for key in spellings:
            clusters[uf.find(key)].append(key)
        anchored: dict[str, list[str]] = defaultdict(list)  # root -> remembered entity keys
        for node in sorted(uf.parent):
            if node.startswith(_ANCHOR):
                anchored[uf.find(node)].append(node[1:])
        entities: dict[str, Entity] = {}
        merges: dict[str, str] = {}
        root_to_entity: dict[str, str] = {}
        for root, keys in clusters.items():
            names: Counter[str] = Counter()
            kinds: Counter[str] = Counter()
            for k in keys:
                names.update(spellings[k])
                kinds.update(types[k])
            if root in anchored:  # one earlier entity, or several this batch shows are one
                entity_key, *absorbed = anchored[root]
                for other in absorbed:
                    merges[other] = entity_key
                    self._merge(other, entity_key)
                name, kind = self._entities[entity_key]
            else:
                name = canonical_name(names)
                kind = entity_type(kinds)
                entity_key = normalise(name)
                entity_key = self._entity_of.get(entity_key, entity_key)
                name, kind = self._entities.get(entity_key, (name, kind))
            if entity_key in entities:  # two roots with one canonical name: keep them one
                entities[entity_key].aliases.update(names)
            else:
                entities[entity_key] = Entity(entity_key, name, kind, set(names))
            root_to_entity[root] = entity_key
            for k in keys:
                if _SCOPE not in k:
                    self._remember(k, entity_key, name, kind)
            self._remember(entity_key, entity_key, name, kind)
        assignment = {
            (article, name): root_to_entity[uf.find(key)] for (article, name), key in local.items()
        }
        for (_article, name), entity_key in assignment.items():
            entities[entity_key].aliases.add(name)
        return Resolution(list(entities.values()), assignment, merges)


def _close_names(name: str, others: list[str]) -> list[str]:
    """The names among others that are spelling variants of name (rule 4); the whole-name
    score is checked in C first, so a block of thousands costs little."""
    if not others:
        return []
    hits = process.extract(name, others, scorer=fuzz.ratio, score_cutoff=NAME_SCORE, limit=None)
    return [other for other, _score, _index in hits if _variants(name, other)]
