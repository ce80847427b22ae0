"""What grouping everything at once gives: the oracle the library's incremental grouping is
checked against (the library never groups this way: it keeps its groups and regroups
around new claims, store/grouping.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from extract.comparable import (
    COMMON_AFTER,
    COMMON_SHARE,
    STANCE_KEY,
    Comparable,
    Group,
    claim_order,
)
from extract.compare import (
    Summary,
    comparison_keys,
    group_from,
    link_claims,
    party_of,
    story_names,
)
from store import Library
from store.filtering import Planner
from store.reading import ClaimReader


def comparables(library: Library) -> list[Comparable]:
    """Every claim of a library, as comparison reads it."""
    reader = ClaimReader(library.connections, Planner(library.connections.fetch, lambda _: False))
    return reader.comparables("1 = 1", {})


def stories(library: Library) -> dict[int, frozenset[str]] | None:
    """Every article's story names as kept at grouping; None for a one-story library."""
    rows = library.connections.fetch("SELECT id, story FROM articles")
    if len(rows) < COMMON_AFTER:
        return None
    return {a: frozenset((story or "").split("\n")) - {""} for a, story in rows}


def group_order(group: Group) -> tuple[bool, bool, int, str, str]:
    """Conflicts first; figures before statements; then the most sources."""
    return (group.status != "conflict", group.key.startswith(STANCE_KEY), -group.sources,
            group.topic, group.key)  # fmt: skip


def group_claims(
    claims: Iterable[Comparable], stories: Mapping[int, frozenset[str]] | None = None
) -> list[Group]:
    """Groups of claims from at least two sources, conflicts first, then by sources.

    `stories` maps an article to its story entities (see story_signatures): only figures of
    articles that share SAME_STORY of them are compared. Without it, every article counts
    as one story, as in a library gathered for a single story.
    """
    claims = list(claims)
    buckets: dict[str, list[Comparable]] = defaultdict(list)
    keys = comparison_keys(claims)
    for claim in claims:
        key, day = keys[claim.id]
        if key:
            buckets[key].append(claim._replace(date=day or claim.date))
    statements = buckets.pop(STANCE_KEY, [])
    groups = [
        group
        for key, members in buckets.items()
        for cluster in link_claims(members, stories)
        if (group := group_of(key, cluster, {}))
    ]
    groups.sort(key=group_order)
    topic_of = first_topics(groups)
    groups += [
        group
        for cluster in link_claims(statements, stories)
        if (group := group_of(STANCE_KEY, cluster, topic_of))
    ]
    groups.sort(key=group_order)
    return groups


def first_topics(groups: Iterable[Group]) -> dict[int, str]:
    """Each article's first figure group's topic (groups in order), to name its denials."""
    topic_of: dict[int, str] = {}
    for group in groups:
        for member in group.members:
            topic_of.setdefault(member.article, group.topic)
    return topic_of


def group_of(key: str, cluster: list[Comparable], topic_of: Mapping[int, str]) -> Group | None:
    """The discrepancy group a cluster makes, if it makes one, with its claims."""
    parties = {c.id: party_of(c) for c in cluster} if key == STANCE_KEY else {}
    group = group_from(key, Summary.of(cluster), {c.id: c for c in cluster}, topic_of, parties)
    if group:
        group.members = sorted(cluster, key=claim_order)
    return group


def story_signatures(
    counts: Mapping[int, Mapping[str, int]],
) -> dict[int, frozenset[str]] | None:
    """Which articles are on one story, as each article's story names; None for "all".

    A library under COMMON_AFTER articles is taken as gathered for one story. In a larger
    one, an article's story names are those it uses twice or more (all of them, in an
    article too short for that), less names used by over COMMON_SHARE of the articles:
    "United States" tells no story apart.
    """
    total = len(counts)
    if total < COMMON_AFTER:
        return None
    df: Counter[str] = Counter(name for names in counts.values() for name in names)
    common = {n for n, d in df.items() if d / total > COMMON_SHARE}
    return {article: story_names(names, common) for article, names in counts.items()}
