"""Extraction speed per article, on one core, beside a baseline measured in the same run.

The baseline is the cheapest useful pass over the same text (cleaning and sentence
splitting). Each article is analysed once, in corpus order, as an import would (names seen
in earlier articles are already cached); figures are medians over articles. The issue's
target is for a typical 600-word article, so articles of 500 to 700 words are reported on
their own.

    .venv/bin/python bench/extract_speed.py [--articles N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from extract import analyse_article, clean_text, decode_bytes
from extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"


def texts(limit: int) -> tuple[str, list[str]]:
    if CORPUS.is_dir():
        files = sorted(CORPUS.glob("*/*.txt"))[:limit]
        docs = [decode_bytes(f.read_bytes()) for f in files]
        return f"{len(files)} BBC articles from {CORPUS}", docs
    files = sorted((ROOT / "data" / "articles").glob("*.txt"))
    return f"{len(files)} bundled articles (corpus absent)", [f.read_text() for f in files]


def best_ms(fn: Callable[[str], object], doc: str, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn(doc)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def baseline(doc: str) -> object:
    return split_sentences(clean_text(doc))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2225)
    args = parser.parse_args()
    label, docs = texts(args.articles)
    rows = [
        (len(d.split()), best_ms(baseline, d, rounds=1), best_ms(analyse_article, d, rounds=1))
        for d in docs
    ]
    typical = [r for r in rows if 500 <= r[0] <= 700]
    print(f"corpus: {label}")
    for name, subset in (("all articles", rows), ("500-700 words", typical)):
        if not subset:
            continue
        words = statistics.median(r[0] for r in subset)
        base = statistics.median(r[1] for r in subset)
        full = statistics.median(r[2] for r in subset)
        print(f"{name:14} n={len(subset):5}  median {words:4.0f} words  "
              f"baseline {base:.3f} ms  analyse_article {full:.3f} ms  "
              f"({full / base:.1f}x baseline, {1000 / full:.0f} articles/s)")  # fmt: skip
    doc = sorted(docs, key=len)[len(docs) // 2]
    one = best_ms(analyse_article, doc)
    for times in (10, 100):
        ratio = best_ms(analyse_article, "\n\n".join([doc] * times)) / one
        print(f"a median article ({len(doc.split())} words) repeated {times}x: "
              f"{ratio:.1f}x the time (linear would be {times}x)")  # fmt: skip


if __name__ == "__main__":
    main()
