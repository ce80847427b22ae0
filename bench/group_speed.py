"""Grouping speed: time to group N claims into discrepancy groups, on one core.

Claims are generated deterministically from the bundled story's own claims: each copy gets
another article, a story of ten articles, a varied figure and a place from a pool, so keys,
stories and frames look like a large library's. The baseline, measured in the same run, is
one pass that reads every claim's key (subject, scope, event) without comparing anything.

    .venv/bin/python bench/group_speed.py [--claims 100000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from extract.comparable import Comparable
from extract.compare import _event, _scope, _subject, group_claims
from store import BUNDLED_ARTICLES, Library, import_paths

PLACES = ["Russia", "Kursk", "Ukraine", "Donetsk", "Crimea", "Belgorod", "Kharkiv", "Moscow",
          "Syria", "Iran", "China", "Taiwan", "Israel", "Gaza", "Yemen", "Sudan", "Mali",
          "Niger", "Libya", "Iraq"]  # fmt: skip


def seed_claims() -> list[Comparable]:
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "seed.db")
        import_paths(library, [BUNDLED_ARTICLES])
        claims = library.comparables()
        library.close()
    return claims


def synthetic(n: int, seeds: list[Comparable]) -> tuple[list[Comparable], dict]:
    rng = random.Random(7)
    claims, stories = [], {}
    for i in range(n):
        seed = seeds[i % len(seeds)]
        article = i // 5
        story = article // 10
        stories[article] = frozenset({f"Story {story}", f"Person {story}"})  # as signed
        swap = PLACES[rng.randrange(len(PLACES))]
        places = tuple(
            p._replace(name=swap) if p.name in ("Russia", "Kursk") else p for p in seed.places
        )
        scale = rng.choice((0.5, 0.8, 1, 1, 1.2, 2))
        value = None if seed.value is None else seed.value * scale
        low = None if seed.low is None else seed.low * scale
        high = None if seed.high is None else seed.high * scale
        claims.append(seed._replace(id=i, article=article, source=f"outlet {article % 50}",
                              value=value, low=low, high=high, places=places))  # fmt: skip
    return claims, stories


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()
    claims, stories = synthetic(args.claims, seed_claims())
    start = time.perf_counter()
    for claim in claims:
        if claim.kind == "quantity":
            (_subject(claim), _scope(claim), _event(claim))
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    groups = group_claims(claims, stories)
    full = time.perf_counter() - start
    conflicts = sum(g.status == "conflict" for g in groups)
    print(f"{len(claims):,} claims, {len(set(stories.values())):,} stories")
    print(f"baseline (read every claim's key once): {baseline:.2f} s")
    print(f"group_claims: {full:.2f} s ({full / baseline:.1f}x baseline), "
          f"{len(groups):,} groups, {conflicts:,} in conflict")  # fmt: skip


if __name__ == "__main__":
    main()
