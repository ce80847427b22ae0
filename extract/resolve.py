"""One entity per real-world person, organisation or place, however outlets spell it.

Names arrive as written ("DPRK", "North Koreans", "General Confederation of Labour (CGT)"
where an article spells an acronym out); every written form is kept as a spelling of its
entity, so the entity's aliases show each form a merge took in.

Rules, in order (thresholds are rapidfuzz scores, 0-100, on lower-cased text):
1. The alias tables map a written form to what it stands for: gazetteer aliases (DPRK,
   US, Russian Federation), demonyms ("North Koreans" -> North Korea), well-known acronyms
   (extract/organisations.py: AFP, IDF) and, in its own article, an acronym the article
   spells out ("CGT" beside "General Confederation of Labour (CGT)").
2. Names equal after normalisation join: case, dots, hyphens, apostrophes, diacritics
   ("Vučić" = "Vucic"), a leading "the", company forms ("BAC Consulting KFT" = "BAC
   Consulting"), "UN" for "United Nations", administrative words after a place ("Kursk
   Oblast" = "Kursk"), and the wording of a ministry ("Ministry of the Interior" =
   "Interior Ministry" = "Ministry of Internal Affairs").
3. A one-word name joins a longer person name *in the same article* whose first or last
   word it is ("Miller" -> "Matthew Miller", "Jeon" -> "Jeon Ha-kyou"). Likewise an
   organisation joins the same name with a place in front in the same article ("State
   Department" -> "US State Department").
4. Spelling variants join when they have the same number of words, every word pair scores
   at least WORD_SCORE and the whole at least NAME_SCORE ("Mathew Miller" ~ "Matthew
   Miller"), the letters romanisations write differently compared as one ("Tawfik
   Shoukri" ~ "Tawfiq Shukri": q/k, ou/u, doubled letters, el/al). A word pair under
   WORD_SCORE blocks the join, so "Kim Jong Un" and "Kim Jong Gyu" (un/gyu) stay apart,
   as do "North Korea" and "South Korea".
5. A one-word unknown place ("in Kurks") joins a known place *named in the same article* when it is
   one typo away (optimal string alignment distance MAX_TYPOS, a transposition counting
   one) and starts with the same letter ("Kurks" beside "Kursk"). Across the library such
   joins chained "Parks", "Franca" and "Austrians" into Paris, France and Australia; there
   only two places the gazetteer does not know join, both long (LONG_PLACE letters or
   more) and one letter apart ("Naypyidaw" ~ "Naypyitaw").
6. A short form joins the one entity it can stand for, and nothing when it could stand
   for two (a bare "Kim" never chains every Kim together): first among the names of its
   own article, then across the library:
   - a one-word name typed person or unknown, the one person whose last word it is
     ("Zelensky" -> "Volodymyr Zelensky");
   - a person name of fewer words, the one person name it shortens, keeping its last word
     or dropping a second surname ("Corina Machado" -> "María Corina Machado",
     "Edmundo González" -> "Edmundo González Urrutia"), never a "Jr" or "II";
   - an acronym, the one expansion the library's articles spell out for it ("CGT");
   - a one-word name, the one company it heads ("BAC" -> "BAC Consulting");
   - an organisation without a place, the one with a place (or its adjective) in front
     ("Interior Ministry" -> "French Interior Ministry", "Red Crescent" -> "Libyan Red
     Crescent"), kept apart when two places' ones are named.

The result does not depend on how the library was imported (in one go, in batches, by two
imports at once, or resumed after a kill): rules 1-5 and rule 6 within an article look at
one article, or at pairs of names, never at what else a batch holds; a new name linking
two entities made earlier merges them (`Resolution.merges`); an entity's name and type are
read from the counts of all its spellings (`canonical_name`, `entity_type`), not kept from
its first batch; and a resolver read back from the library's spellings joins as the one
kept between batches does. Rule 6 across the library is the exception it has to be: a
short form that joined the one entity it could stand for stays joined when a second one
arrives in a later batch, where one batch of everything would have kept it apart (undoing
the join would need the store to move those mentions to an entity of their own).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from rapidfuzz.utils import default_process

from extract.clusters import UnionFind
from extract.gazetteer import (
    ALIASES,
    DEMONYMS,
    EVENT_WORDS,
    NOT_NAMES,
    ORG_WORDS,
    PERSON_TITLES,
    PLACES,
)
from extract.organisations import (
    ACRONYMS,
    ADMIN_WORDS,
    DESCRIPTORS,
    LEGAL_FORMS,
    MINISTRY_SUBJECTS,
    MINISTRY_WORDS,
    PLACE_PREFIXES,
    PORTFOLIO_WORDS,
)

WORD_SCORE = 80
NAME_SCORE = 90
MAX_TYPOS = 1
LONG_PLACE = 8
_MIN_SINGLE_LENGTH = 5
_SCOPE = "\x00"  # joins a one-word name to its article: "kim\x00<article>"
_DEFINITION = re.compile(r"^(?P<long>.+\S) \((?P<short>[A-Z][A-Za-z]{1,7})\)$")
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "Donald Trump Jr" is his son


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

_FOLDS = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
     "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ð": "d", "þ": "th"}
)  # fmt: skip


def fold(text: str) -> str:
    """Text without its diacritics, for comparison only: "Vučić" -> "Vucic"."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_FOLDS))
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 17)
def _plain(name: str) -> str:
    """Lower case, no diacritics, dots, hyphens or apostrophes, single spaces."""
    name = fold(name.replace("’", "'").replace(".", ""))
    return " ".join(default_process(re.sub(r"['-]", " ", name)).split())


def _plural_demonym(name: str) -> str | None:
    if name.endswith("s") and name[:-1] in DEMONYMS:
        return DEMONYMS[name[:-1]]
    return None


_STANDS_FOR = {**ACRONYMS, **DEMONYMS, **ALIASES}
_PLACE_OF = {
    _plain(written): _plain(place)
    for written, place in [*((p, p) for p in PLACES), *DEMONYMS.items(), *ALIASES.items()]
    if place in PLACES or written in DEMONYMS
}  # a place or its adjective, as a name's first words: "french" -> "france"
_SUBJECTS = sorted(MINISTRY_SUBJECTS.items(), key=lambda item: -len(item[0]))


@lru_cache(maxsize=1 << 17)
def stands_for(name: str) -> str:
    """What a written name stands for, by rule 1 outside any article: "DPRK" -> "North
    Korea", "Ukrainians" -> "Ukraine", "AFP" -> "Agence France-Presse", "General
    Confederation of Labour (CGT)" -> "General Confederation of Labour"."""
    if "(" in name and (definition := _DEFINITION.match(name)):
        name = definition.group("long")
    return _STANDS_FOR.get(name) or _plural_demonym(name) or name


def _named_as(name: str) -> str:
    """What an entity may be called for a written name: what it stands for, without a
    leading "The", but for an
    acronym of the shipped table, which names the entity only when no article spells out
    what it means there ("FSB" beside "Russian Federal Security Service (FSB)")."""
    if "(" in name and (definition := _DEFINITION.match(name)):
        name = definition.group("long")
    name = name.removeprefix("The ")  # "The Associated Press" is Associated Press
    return name if name in ACRONYMS else stands_for(name)


def _split_place(words: list[str]) -> tuple[str, list[str]]:
    """A name's leading place ("france", the longest known) and the words after it."""
    for size in (3, 2, 1):
        if len(words) > size and (place := _PLACE_OF.get(" ".join(words[:size]))):
            return place, words[size:]
    return "", words


def _ministry(words: list[str]) -> list[str]:
    """A ministry's or department's words in one order, its subject in one wording:
    "ministry of the interior" and "interior ministry" -> "interior ministry";
    "serbian ministry of internal affairs" -> "serbia interior ministry"."""
    at = next((i for i, w in enumerate(words) if w in MINISTRY_WORDS), None)
    if at is None:
        return words
    before, after = words[:at], words[at + 1 :]
    if after and after[0] in ("of", "for"):
        place = _PLACE_OF.get(" ".join(before), "") if before else ""
        if before and not place:
            return words  # "Press Office of ...": no place in front
        subject = after[1:]
    elif not after:
        place, subject = _split_place(before)
    else:
        return words  # "Ministry spokesman ...": not a ministry's name
    text = " " + " ".join(w for w in subject if w != "the") + " "
    for phrase, word in _SUBJECTS:
        text = text.replace(f" {phrase} ", f" {word} ")
    return [*place.split(), *text.split(), words[at]]


# A country or a body abbreviated at the head of a longer name.
_LEADING_SHORT = {
    "un": ["united", "nations"], "us": ["united", "states"], "uk": ["united", "kingdom"],
}  # fmt: skip


@lru_cache(maxsize=1 << 17)
def normalise(name: str) -> str:
    """The comparison key of a name (rule 2): lower case, no diacritics, dots, hyphens or
    apostrophes; no leading "the", company form or trailing administrative word; a
    ministry's words in one order."""
    words = _plain(name).split()
    if len(words) > 1 and words[0] == "the":
        del words[0]
    if len(words) > 1 and words[0] in _LEADING_SHORT:  # "UN Office for ...", "U.S. Geological
        words[:1] = _LEADING_SHORT[words[0]]  # Survey": as others spell them out
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        del words[-1]
    if len(words) > 1 and words[-1] in ADMIN_WORDS:
        del words[-1]
    if len(words) > 1:
        words = _ministry(words)
    return " ".join(words)


def _word_keys(name: str) -> tuple[str, ...]:
    """A written name's words, each compared as a whole: "Jong-un" is one word, "jong un"."""
    return tuple(_plain(w) for w in name.split())


_KNOWN = {normalise(p) for p in PLACES} | {normalise(a) for a in ALIASES}


def canonical_name(spellings: Mapping[str, int]) -> str:
    """The name an entity goes by, from how often each spelling is written (after the
    alias tables, without a leading "The"): a gazetteer form (as the gazetteer writes it:
    "Kursk", not "Kursk Oblast"), else the commonest name of several words, else the
    commonest; spellings equal but for diacritics count as one, written with them
    ("Gérald Darmanin" over "Gerald Darmanin"); ties by length, then alphabetically, so
    any order of counting agrees."""
    names = Counter[str]()
    for name, count in spellings.items():
        names[_named_as(name)] += count
    groups: dict[str, list[str]] = defaultdict(list)  # equal but for diacritics
    for name in names:
        groups[fold(name)].append(name)
    counts = {form: sum(names[n] for n in group) for form, group in groups.items()}
    known = [f for f in groups if f in PLACES] or [f for f in groups if normalise(f) in _KNOWN]
    form = max(known or groups, key=lambda f: (len(f.split()) > 1, counts[f], len(f), f))
    return max(groups[form], key=lambda n: (not n.isascii(), names[n], n))


def entity_type(types: Mapping[str, int]) -> str:
    """An entity's type: the commonest its mentions were given, "other" only when no
    mention had another."""
    typed = [t for t in _TYPE_ORDER[:3] if types.get(t)]
    if not typed:
        return "other"
    return max(typed, key=lambda t: (types[t], -_TYPE_ORDER.index(t)))


def _variants(a: str, b: str) -> bool:
    """Spelling variants (rule 4), compared as romanised."""
    a, b = _romanised(a), _romanised(b)
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    if any(fuzz.ratio(x, y) < WORD_SCORE for x, y in zip(wa, wb, strict=True)):
        return False
    return fuzz.ratio(a, b) >= NAME_SCORE


# Letters that romanisations of one name write differently ("Tawfik Shoukri" / "Tawfiq
# Shukri", "Youssef" / "Yusuf", "el-Drese" / "al-Drese"): compared as one.
_ROMANISED = [(re.compile(p), r) for p, r in (
    (r"ou|oo", "u"), (r"q", "k"), (r"ee", "i"), (r"ph", "f"), (r"\bel\b", "al"),
    (r"([a-z])\1", r"\1"),
)]  # fmt: skip


def _romanised(name: str) -> str:
    for pattern, replacement in _ROMANISED:
        name = pattern.sub(replacement, name)
    return name


def _misspelling(unknown: str, known: str) -> bool:
    """One typo (a transposition counts as one) in a long enough word, same first letter."""
    if " " in unknown or " " in known or unknown[0] != known[0]:
        return False
    if min(len(unknown), len(known)) < _MIN_SINGLE_LENGTH:
        return False
    return OSA.distance(unknown, known) <= MAX_TYPOS


def _transliterations(a: str, b: str) -> bool:
    """Two long one-word places a letter apart: "naypyidaw" ~ "naypyitaw" (rule 5)."""
    return a[0] == b[0] and min(len(a), len(b)) >= LONG_PLACE and OSA.distance(a, b) <= MAX_TYPOS


def _library_wide(canonical: str, key: str) -> bool:
    """Whether a name means the same in every article: one of several words, written and
    compared ("Kim Jong Un"; not "O'Neil", "The Post" or "Sony Corp", scoped to their
    article like "Kim")."""
    return " " in canonical.strip() and " " in key


def _several_words(name: str) -> bool:
    """Whether a written name stands for a name of several words ("AP": Associated Press)."""
    canonical = stands_for(name)
    return _library_wide(canonical, normalise(canonical))


def _shortenings(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The shorter names a person name of three or more words is also written as (rule 6):
    without leading given names ("maria corina machado" -> "corina machado"), without
    middle initials ("john f kennedy" -> "john kennedy"), without a second surname
    ("edmundo gonzalez urrutia" -> "edmundo gonzalez")."""
    if len(words) < 3:
        return set()
    found = {words[i:] for i in range(1, len(words) - 1)}
    found.add(tuple(w for i, w in enumerate(words) if len(w) > 1 or i in (0, len(words) - 1)))
    if words[-1] not in _GENERATIONS:
        found.add(words[:-1])
    return {f for f in found if f != words and len(f) >= 2 and f[-1] not in _GENERATIONS}


_ANCHOR = "\x01"  # a node standing for an entity resolved in an earlier batch


class Resolver:
    """Resolves mentions batch by batch, joining new names to the entities already made.

    A library grows by imports; re-resolving every mention each time would cost more with
    every article. The resolver remembers, for each library-wide name key, the entity it
    belongs to, the names of several words by block for rule 4, and for rule 6 the
    entities each short form could stand for. Each batch goes through the rules above; a
    new name that joins a remembered key joins its entity, which keeps its key and
    canonical name. One batch with nothing remembered is the whole-library resolution.
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
        self._nodes_of: dict[str, list[str]] = defaultdict(list)  # entity key -> its nodes
        self._entities: dict[str, tuple[str, str]] = {}  # entity key -> (name, type)
        self._blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
        self._moved: dict[str, str] = {}  # entity key -> the entity it was merged into
        # rule 6: a short form -> the entities it could stand for
        self._by_short: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._places: dict[str, list[str]] = defaultdict(list)  # rule 5, by first letter
        self._named: set[str] = set()  # nodes some name of several words stands for
        for key, name, type_ in known:
            self._remember(key, key, name, type_)
            self._remember(normalise(stands_for(name)), key, name, type_, _several_words(name))
        for key, spelling in spellings:
            if key not in self._entities:
                continue
            node = normalise(stands_for(spelling))
            self._remember(node, key, *self._entities[key], _several_words(spelling))
            self._index(key, spelling, node)

    def renamed(self, key: str, name: str, type_: str) -> None:
        """The library renamed or retyped an entity from its counts."""
        self._entities[key] = (name, type_)

    def _current(self, key: str) -> str:
        while key in self._moved:
            key = self._moved[key]
        return key

    def _merge(self, absorbed: str, into: str) -> None:
        for node in self._nodes_of.pop(absorbed, []):
            if self._entity_of.get(node) != absorbed:
                continue
            if self._remembers(node, into, node in self._named):
                self._entity_of[node] = into
                self._nodes_of[into].append(node)
            else:
                del self._entity_of[node]
        self._entities.pop(absorbed, None)
        self._moved[absorbed] = into

    @staticmethod
    def _remembers(node: str, key: str, named: bool) -> bool:
        """Whether a library-wide name stands for its entity in later imports: a name of one
        word only if it is the entity's own or a known place; else it joined its person in
        one article only ("Cole" beside "Joe Cole"), or by rule 6, which is asked again.
        `named`: a name of several words stands for the node ("BAC Consulting Ltd")."""
        return bool(node) and (named or node in _KNOWN or node == key)

    def _remember(self, node: str, key: str, name: str, type_: str, named: bool = False) -> None:
        self._entities.setdefault(key, (name, type_))
        if named:
            self._named.add(node)
        if not self._remembers(node, key, named) or node in self._entity_of:
            return
        self._entity_of[node] = key
        self._nodes_of[key].append(node)
        if " " in node:
            self._blocks[(node[0], node.count(" "))].append(node)
        elif node not in _KNOWN and len(node) >= LONG_PLACE:
            self._places[node[0]].append(node)

    def _index(self, key: str, spelling: str, node: str) -> None:
        """Remember what rule 6 looks an entity's spelling up by."""
        for short in _short_forms(spelling, node):
            self._by_short[short].add(key)

    def add(self, mentions: Iterable[tuple[str, str, str, int]]) -> Resolution:
        """Resolve (article, name, type, count) mentions of new articles.

        Returns the entities they belong to (new ones, and remembered ones with the new
        spellings), a map from (article, name) to the entity key, and the remembered
        entities the new names joined into one.
        """
        uf: UnionFind[str] = UnionFind()
        types: dict[str, Counter[str]] = defaultdict(Counter)
        in_article: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        spellings: dict[str, Counter[str]] = defaultdict(Counter)  # node -> names as written
        by_article: dict[str, set[str]] = defaultdict(set)
        local: dict[tuple[str, str], str] = {}
        written_in: dict[tuple[str, str], set[str]] = defaultdict(set)  # names as written there
        rows = list(mentions)
        defined: dict[tuple[str, str], str] = {}  # (article, acronym) -> its expansion's node
        for article, name, _type, _count in rows:
            if "(" in name and (definition := _DEFINITION.match(name)):
                long = normalise(stands_for(definition.group("long")))
                defined[(article, definition.group("short"))] = long
        for article, name, type_, count in rows:
            canonical = stands_for(name)
            key = defined.get((article, name)) or normalise(canonical)
            if not key:
                continue
            # A one-word unknown name means something only within its article ("Kim").
            one_word = not _library_wide(canonical, key) and (article, name) not in defined
            node = f"{key}{_SCOPE}{article}" if one_word and key not in _KNOWN else key
            uf.find(node)
            types[node][type_] += count
            in_article[(article, node)][type_] += count
            spellings[node][name] += count
            written_in[(article, node)].add(name)
            by_article[article].add(node)
            local[(article, name)] = node

        typed: dict[tuple[str, str], str] = {}

        def typed_here(article: str, node: str) -> str:
            """What the article itself calls a name: the rules read one article at a time,
            so that nothing depends on what else a batch holds."""
            if (article, node) not in typed:
                counts = in_article[(article, node)]
                typed[(article, node)] = max(counts, key=counts.__getitem__)
            return typed[(article, node)]

        ends_of: dict[tuple[str, str], set[str]] = {}

        def ends(article: str, node: str) -> set[str]:
            """The first and last words of a name of several words, as the article writes
            it: what the rest of a batch writes must not change what an article means."""
            if (article, node) not in ends_of:
                found: set[str] = set()
                for name in written_in[(article, node)]:
                    words = _word_keys(stands_for(name))
                    if len(words) > 1:
                        found |= {words[0], words[-1]}
                ends_of[(article, node)] = found
            return ends_of[(article, node)]

        # 3. A short form joins a full person name in the same article, else (6, within
        # the article) the one name of the article it can stand for ("BAC" beside "BAC
        # Consulting", "Corina Machado" beside "María Corina Machado"), else its own kind.
        bare: dict[str, Counter[str]] = defaultdict(Counter)  # one-word names left alone
        bare_names: dict[str, set[str]] = defaultdict(set)
        articles: dict[str, set[str]] = defaultdict(set)  # node -> articles naming it
        for article, nodes in by_article.items():
            for node in nodes:
                if _SCOPE not in node:
                    articles[node].add(article)
        for article, nodes in by_article.items():
            people = [
                n
                for n in nodes
                if _SCOPE not in n and typed_here(article, n) == "person" and ends(article, n)
            ]
            longs: dict[tuple[str, str], set[str]] = defaultdict(set)
            for node in nodes:
                if _SCOPE not in node:
                    for name in written_in[(article, node)]:
                        for form in _short_forms(name, node):
                            longs[form].add(node)

            def stands_here(
                node: str,
                key: str,
                names: Iterable[str] | None,
                article: str = article,
                longs: dict[tuple[str, str], set[str]] = longs,
            ) -> str | None:
                """The one name of the article a short form can stand for (rule 6)."""
                forms = [f for f in _own_short_forms(key, names, True) if f in longs]
                if not forms:
                    return None
                if names is None and not any(
                    _person_shaped(stands_for(n)) for n in written_in[(article, node)]
                ):
                    forms = [f for f in forms if f[0] != "person"]
                here = typed_here(article, node)
                found: set[str] = set()
                for form in forms:
                    if here in _SHORT_TYPES[form[0]]:
                        wanted = _WANTED[form[0]]
                        found |= {n for n in longs[form] if typed_here(article, n) in wanted}
                found.discard(node)
                return found.pop() if len(found) == 1 else None

            for node in nodes:
                if _SCOPE not in node:
                    if longs and (target := stands_here(node, node, None)):
                        uf.union(node, target)
                    continue
                key = node.split(_SCOPE)[0]
                matches = [p for p in people if key in ends(article, p)]
                places = [
                    k
                    for k in nodes
                    if k in _KNOWN and types[node]["place"] and _misspelling(key, k)
                ]
                if len(matches) == 1:
                    uf.union(node, matches[0])
                elif len(places) == 1:
                    uf.union(node, places[0])  # 5. "Kurks" beside "Kursk"
                elif longs and (target := stands_here(node, key, spellings[node])):
                    uf.union(node, target)
                else:
                    uf.union(node, key)
                    if key not in spellings:
                        spellings[key] = Counter()
                    bare[key].update(in_article[(article, node)])
                    bare_names[key] |= set(spellings[node])
                    articles[key].add(article)

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
            romanised = [_romanised(k) for k in block]
            remembered_romanised = [_romanised(k) for k in remembered]
            for i, a in enumerate(block):
                for b in _close_names(a, block[i + 1 :], romanised[i + 1 :]):
                    uf.union(a, b)
                for b in _close_names(a, remembered, remembered_romanised):
                    uf.union(a, _ANCHOR + self._entity_of[b])

        # 5. Two long places the gazetteer does not know, a letter apart, across articles.
        new_places = sorted(
            k
            for k, kinds in bare.items()
            if len(k) >= LONG_PLACE and k not in self._entity_of and entity_type(kinds) == "place"
        )
        for i, a in enumerate(new_places):
            for b in new_places[i + 1 :]:
                if _transliterations(a, b):
                    uf.union(a, b)
            for b in self._places.get(a[0], []):
                e = self._entity_of.get(b)
                if e and self._entities[e][1] == "place" and _transliterations(a, b):
                    uf.union(a, _ANCHOR + e)

        self._short_forms(uf, spellings, types, bare, bare_names, articles)

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
                    several = any(_several_words(n) for n in spellings[k])
                    self._remember(k, entity_key, name, kind, several)
            self._remember(entity_key, entity_key, name, kind)
            for k in keys:
                for spelling in spellings[k]:
                    self._index(entity_key, spelling, k.split(_SCOPE)[0])
        assignment = {
            (article, name): root_to_entity[uf.find(key)] for (article, name), key in local.items()
        }
        for (_article, name), entity_key in assignment.items():
            entities[entity_key].aliases.add(name)
        return Resolution(list(entities.values()), assignment, merges)

    def _short_forms(
        self,
        uf: UnionFind[str],
        spellings: dict[str, Counter[str]],
        types: dict[str, Counter[str]],
        bare: dict[str, Counter[str]],
        bare_names: dict[str, set[str]],
        articles: dict[str, set[str]],
    ) -> None:
        """Rule 6 across articles: each short form of the batch (or, for an acronym, a
        company's head or a ministry, a remembered one beside a new long name) joins the one
        entity it can stand for. Every short form is judged against what rules 1-5 made of
        the batch, all at once, so the order of names never matters; then again against
        what those joins made, as long as they make more.

        A surname or a shorter person name joins only a person this batch names in full
        (a person of that name remembered from earlier makes it two), and a surname only
        one named in full in at least as many articles as the surname stands alone in
        ("Microsoft" in a hundred articles is no surname of a "Las Vegas Microsoft" once)."""
        long_forms: dict[tuple[str, str], set[str]] = defaultdict(set)  # short -> nodes
        for node, names in spellings.items():
            if _SCOPE not in node:
                for name in names:
                    for short in _short_forms(name, node):
                        long_forms[short].add(node)
        shorts: dict[tuple[str, str], set[str]] = defaultdict(set)  # short -> its nodes
        for node in spellings:
            if _SCOPE not in node:
                shaped = any(_person_shaped(stands_for(n)) for n in spellings[node])
                for short in _own_short_forms(node, bare_names.get(node), False, shaped):
                    shorts[short].add(node)
        for short in long_forms:
            if short[0] in _REMEMBERED and self._entity_of.get(short[1]) == short[1]:
                shorts[short].add(_ANCHOR + short[1])  # an entity of its own
        remembered = {
            short: {self._current(e) for e in self._by_short.get(short, ())} for short in shorts
        }
        shorts = {s: n for s, n in shorts.items() if s in long_forms or remembered[s]}
        component_types: dict[str, Counter[str]] = defaultdict(Counter)
        for node in spellings:
            component_types[uf.find(node)].update(types[node] or bare.get(node) or ())

        def kind(root: str) -> str:
            if root.startswith(_ANCHOR):  # an anchor leads its set: "\x01" sorts first
                return self._entities[root[1:]][1]
            return entity_type(component_types[root])

        for _ in range(4):  # a join can leave a short form one entity: "Maduro" once
            # "Candidate Nicolas Maduro" is "Nicolas Maduro"
            joins: list[tuple[str, str]] = []
            for short, nodes in shorts.items():
                wanted = _WANTED[short[0]]
                named = {uf.find(n) for n in long_forms.get(short, ())}
                candidates = named | {
                    uf.find(_ANCHOR + e) for e in remembered[short] if e in self._entities
                }
                candidates = {r for r in candidates if kind(r) in wanted}
                if len(candidates) != 1:
                    continue  # nothing, or two entities it could stand for
                (target,) = candidates
                if short[0] in _IN_BATCH and target not in named:
                    continue  # a person named in full in an earlier batch only
                if short[0] == "surname":
                    full = {
                        a for n in long_forms[short] if uf.find(n) == target for a in articles[n]
                    }
                    if len({a for n in nodes for a in articles[n]}) > len(full):
                        continue  # more often alone than in full: not his surname
                for root in {uf.find(n) for n in nodes}:
                    if root != target and kind(root) in _SHORT_TYPES[short[0]]:
                        joins.append((root, target))
            if not joins:
                break
            for a, b in joins:
                ra, rb = uf.find(a), uf.find(b)
                if ra != rb:
                    uf.union(ra, rb)
                    kept, gone = (ra, rb) if uf.find(ra) == ra else (rb, ra)
                    component_types[kept].update(component_types.pop(gone, ()))


_IN_BATCH = frozenset({"surname", "person"})  # rule 6 across articles: within a batch only
_REMEMBERED = frozenset({"acronym", "head", "placeless"})  # ... or across batches too
# Rule 6: the types a short form's one entity may have, and the short form itself.
_WANTED = {
    "surname": {"person"},
    "person": {"person"},
    "acronym": {"org", "place", "other"},
    "head": {"org"},
    "tail": {"org"},
    "placeless": {"org"},
}
_SHORT_TYPES = {
    "surname": {"person", "other"},
    "person": {"person", "other"},
    "acronym": {"org", "other", "place"},
    "head": {"org", "other"},
    "tail": {"org", "other"},
    "placeless": {"org", "other"},
}


_NOT_IN_PERSON_NAMES = (
    ORG_WORDS | EVENT_WORDS | PORTFOLIO_WORDS | PERSON_TITLES | NOT_NAMES | PLACES | PLACE_PREFIXES
) | frozenset("My Your Me You Us Him Them Everybody Nobody Somebody".split())


@lru_cache(maxsize=1 << 16)
def _person_shaped(name: str) -> bool:
    """Whether a name of several words can be a person's, whatever it was typed: two to
    five capitalised words, none an organisation's, event's, portfolio's, title's or
    place's word ("Santa Monica", "Chambers of Commerce", "Rolling Stones" are no one's,
    so no "Monica" or "Stones" is their surname)."""
    words = name.split()
    return 2 <= len(words) <= 5 and all(
        w[:1].isupper() and w not in _NOT_IN_PERSON_NAMES and w not in DEMONYMS
        and not w.endswith(("ing", "ed", "'re", "’re", "'ll", "’ll"))
        for w in words
    )  # fmt: skip


@lru_cache(maxsize=1 << 16)
def _short_forms(name: str, node: str) -> frozenset[tuple[str, str]]:
    """The short forms a written name of several words can be written as (rule 6), each
    (kind, library-wide node of the short form)."""
    found: set[tuple[str, str]] = set()
    if "(" in name and (definition := _DEFINITION.match(name)):
        found.add(("acronym", normalise(definition.group("short"))))
        name = definition.group("long")
    words = _word_keys(stands_for(name))
    if len(words) < 2:
        return frozenset(found)
    if _person_shaped(stands_for(name)):
        last = words[-2] if words[-1] in _GENERATIONS and len(words) > 2 else words[-1]
        found.add(("surname", last))
        found |= {("person", " ".join(s)) for s in _shortenings(words)}
    if all(w in DESCRIPTORS or w in LEGAL_FORMS for w in words[1:]):
        found.add(("head", words[0]))
    found.add(("tail", words[-1]))
    place, rest = _split_place(node.split())
    if place and len(rest) >= 2 and not _person_shaped(stands_for(name)):
        found.add(("placeless", " ".join(rest)))  # "Libyan Red Crescent": "Red Crescent"
    return frozenset(found)


def _own_short_forms(
    node: str, names: Iterable[str] | None, in_article: bool = False, person_shaped: bool = True
) -> set[tuple[str, str]]:
    """The short forms a library-wide node is, to look up (rule 6): a bare one-word name
    (its written `names` given) is an acronym, which may head a company ("BAC"), or a
    surname (never one written "The Hague"); in its own article any may head a company or
    end an organisation's name ("The Post" beside "Washington Post"). A name of several
    words may shorten a person's, and a ministry's drop its place."""
    if names is not None:
        found = {("head", node), ("tail", node)} if in_article else set()
        if any(n.isupper() and len(n) > 1 for n in names):
            return {("acronym", node), ("head", node), *found}
        if not all(n.startswith("The ") for n in names):
            found.add(("surname", node))
        return found
    if " " not in node:
        return set()
    found = {("person", node)} if person_shaped else set()
    if not _split_place(node.split())[0]:
        found.add(("placeless", node))
    return found


def _close_names(name: str, others: list[str], romanised: list[str]) -> list[str]:
    """The names among others that are spelling variants of name (rule 4); the whole-name
    score is checked in C first, on the names as `_romanised` (each given), so a block of
    thousands costs little."""
    if not others:
        return []
    hits = process.extract(
        _romanised(name), romanised, scorer=fuzz.ratio, score_cutoff=NAME_SCORE, limit=None
    )
    return [others[index] for _, _score, index in hits if _variants(name, others[index])]
