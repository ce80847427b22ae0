"""Extraction speed per article, on one core, beside a baseline measured in the same run.

The baseline is the cheapest useful pass over the same text (cleaning and sentence
splitting); the figure that matters is the full analysis per article and its ratio to that.

    .venv/bin/python bench/extract_speed.py [--articles N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from extract import analyse_article, clean_text
from extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"


def texts(limit: int) -> tuple[str, list[str]]:
    if CORPUS.is_dir():
        files = sorted(CORPUS.glob("*/*.txt"))[:limit]
        return f"{len(files)} BBC articles from {CORPUS}", [
            f.read_bytes().decode("latin-1") for f in files
        ]
    files = sorted((ROOT / "data" / "articles").glob("*.txt"))
    return f"{len(files)} bundled articles (corpus absent)", [f.read_text() for f in files]


def per_article_ms(fn: Callable[[str], object], docs: list[str], rounds: int = 3) -> float:
    """Median over rounds of the mean time per article, in milliseconds."""
    results = []
    for _ in range(rounds):
        start = time.perf_counter()
        for doc in docs:
            fn(doc)
        results.append((time.perf_counter() - start) * 1000 / len(docs))
    return statistics.median(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args()
    label, docs = texts(args.articles)
    words = statistics.median(len(d.split()) for d in docs)
    baseline = per_article_ms(lambda d: split_sentences(clean_text(d)), docs)
    full = per_article_ms(analyse_article, docs)
    print(f"corpus: {label}, median {words:.0f} words")
    print(f"baseline (clean + split sentences): {baseline:.3f} ms/article")
    print(f"analyse_article:                    {full:.3f} ms/article "
          f"({1000 / full:.0f} articles/s, {full / baseline:.1f}x baseline)")  # fmt: skip
    long_doc = docs[0] * 10
    ten = per_article_ms(analyse_article, [long_doc], rounds=5)
    one = per_article_ms(analyse_article, [docs[0]], rounds=5)
    print(f"10x longer article: {ten / one:.1f}x the time (linear would be 10x)")


if __name__ == "__main__":
    main()
