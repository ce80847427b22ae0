"""Extraction accuracy against the hand annotations in tests/annotations/bundled.json.

Prints claim precision and recall, and per-field accuracy on the claims found (value, hedge,
unit, attribution), statements, publication dates, entity types, alias groups joined and
names wrongly joined.

    .venv/bin/python bench/accuracy.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from extract import Analysis, analyse_article, decode_bytes
from extract.resolve import Resolver

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "tests" / "annotations" / "bundled.json"
HELD_OUT = sorted((ROOT / "tests" / "annotations").glob("bbc_heldout*.json"))
ARTICLES = ROOT / "data" / "articles"
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"


@dataclass
class Score:
    found: int = 0  # gold claims matched by a prediction
    gold: int = 0
    predicted: int = 0
    fields: Counter[str] = field(default_factory=Counter)  # field -> right on found claims
    statements_right: int = 0
    statements_gold: int = 0
    dates_right: int = 0
    dates: int = 0
    types_right: int = 0
    types: int = 0
    groups_joined: int = 0
    groups: int = 0
    wrong_joins: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def recall(self) -> float:
        return self.ratio(self.found, self.gold)

    @property
    def precision(self) -> float:
        return self.ratio(self.found, self.predicted)

    def field(self, name: str) -> float:
        return self.ratio(self.fields[name], self.found)


def same_source(predicted: str | None, acceptable: list[str | None]) -> bool:
    """[] or [None, ...] accepts no source; names match on their words, in any order."""
    if predicted is None:
        return not acceptable or None in acceptable
    return any(
        fuzz.token_set_ratio(predicted, a, processor=default_process) >= 90
        for a in acceptable
        if a is not None
    )


def _position(body: str, at: str, number: str) -> int:
    start = body.find(at)
    if start < 0:
        raise ValueError(f"annotation anchor not in the body: {at!r}")
    return start + at.index(number)


def score_article(name: str, gold: dict, analysis: Analysis, score: Score) -> None:
    body = analysis.article.body
    quantities = [c for c in analysis.claims if c.kind == "quantity"]
    score.gold += len(gold["claims"])
    score.predicted += len(quantities)
    for g in gold["claims"]:
        pos = _position(body, g["at"], g["number"])
        match = next((c for c in quantities if c.span_start <= pos < c.span_end), None)
        if match is None:
            score.misses.append(f"{name}: missed {g['at']!r}")
            continue
        score.found += 1
        checks = {
            "value": match.value == g["value"]
            and (g["value"] is not None or match.low == g["low"]),
            "hedge": match.hedge == g["hedge"],
            "unit": (match.unit or "").lower() in [u.lower() for u in g["unit"]],
            "attribution": same_source(match.attributed_to, g["attributed_to"]),
        }
        for key, right in checks.items():
            score.fields[key] += right
            if not right:
                got = {"value": match.value, "hedge": match.hedge, "unit": match.unit,
                       "attribution": match.attributed_to}[key]  # fmt: skip
                score.misses.append(f"{name}: {g['at']!r} {key} is {got!r}")
    for g in gold.get("statements", []):
        score.statements_gold += 1
        pos = _position(body, g["at"], g["at"].split()[-1])
        found = [c for c in analysis.claims if c.kind == "statement"
                 and c.sentence_start <= pos < c.sentence_end]  # fmt: skip
        if any(c.stance == g["stance"] and same_source(c.attributed_to, g["actor"]) for c in found):
            score.statements_right += 1
        else:
            score.misses.append(
                f"{name}: statement {g['at']!r} got {[(c.stance, c.attributed_to) for c in found]}"
            )
    if "published" not in gold:
        return
    score.dates += 1
    published = analysis.article.published.isoformat() if analysis.article.published else None
    right = published == gold["published"] and (
        "published_raw" not in gold or analysis.article.published_raw == gold["published_raw"]
    )
    score.dates_right += right
    if not right:
        score.misses.append(f"{name}: date {published!r} ({analysis.article.published_raw!r})")


def score_entities(gold: dict, analyses: dict[str, Analysis], score: Score) -> None:
    counts: Counter[tuple[str, str, str]] = Counter()
    surfaces: dict[str, set[tuple[str, str]]] = {}
    for name, analysis in analyses.items():
        for m in analysis.mentions:
            counts[(name, m.name, m.type)] += 1
            surfaces.setdefault(m.text, set()).add((name, m.name))
    found = Resolver().add([(a, n, t, c) for (a, n, t), c in counts.items()])
    entities, assignment = found.entities, found.assignment
    by_key = {e.key: e for e in entities}

    def entity_keys(surface: str) -> set[str]:
        return {assignment[pair] for pair in surfaces.get(surface, ())}

    for group in gold["alias_groups"]:
        score.groups += 1
        keys = set().union(*(entity_keys(s) for s in group))
        if len(keys) == 1:
            score.groups_joined += 1
        else:
            score.misses.append(f"alias group split: {group} -> {[by_key[k].name for k in keys]}")
    for a, b in gold["kept_apart"]:
        if entity_keys(a) & entity_keys(b):
            score.wrong_joins.append(f"{a} + {b}")
    names = {e.name: e for e in entities}
    for entity, kind in gold["entity_types"].items():
        score.types += 1
        got = names.get(entity)
        if got is not None and got.type == kind:
            score.types_right += 1
        else:
            score.misses.append(
                f"entity {entity!r}: {got.type if got else 'not found'}, want {kind}"
            )


def run() -> Score:
    gold = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    score = Score()
    analyses = {}
    for name, article in gold["articles"].items():
        text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
        analyses[name] = analysis = analyse_article(text, name)
        score_article(name, article, analysis, score)
    score_entities(gold, analyses, score)
    return score


def run_held_out(annotations: Path) -> Score | None:
    """The same scoring on annotated corpus articles; None without the corpus."""
    if not CORPUS.is_dir():
        return None
    gold = json.loads(annotations.read_text(encoding="utf-8"))
    score = Score()
    for name, article in gold["articles"].items():
        text = decode_bytes((CORPUS / f"{name}.txt").read_bytes())
        score_article(name, article, analyse_article(text, name), score)
    return score


def report(title: str, s: Score, verbose: bool) -> None:
    print(f"== {title}")
    print(f"quantity claims: recall {s.recall:.3f} ({s.found}/{s.gold}), "
          f"precision {s.precision:.3f} ({s.found}/{s.predicted})")  # fmt: skip
    for name in ("value", "hedge", "unit", "attribution"):
        print(f"  {name:<12} right on {s.field(name):.3f} of found claims")
    if s.statements_gold:
        print(f"statements:      {s.statements_right}/{s.statements_gold} with stance and actor")
    if s.dates:
        print(f"dates:           {s.dates_right}/{s.dates} right")
    if s.types:
        print(f"entity types:    {s.types_right}/{s.types} right")
        print(f"alias groups:    {s.groups_joined}/{s.groups} joined")
        print(f"wrong joins:     {len(s.wrong_joins)} {s.wrong_joins or ''}")
    if verbose and s.misses:
        print("\n".join(s.misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    report("bundled story (tests/annotations/bundled.json)", run(), args.verbose)
    for path in HELD_OUT:
        title = f"held-out BBC articles ({path.relative_to(ROOT)})"
        held_out = run_held_out(path)
        if held_out is None:
            print(f"== {title}: skipped, no corpus at {CORPUS}")
        else:
            report(title, held_out, args.verbose)


if __name__ == "__main__":
    main()
