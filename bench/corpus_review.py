"""Print what extraction finds in random real articles, for a person to read.

Accuracy on the bundled story proves little on its own; this shows the claims found in
articles the extractor was never tuned on, so false claims can be traced to their cause.

    .venv/bin/python bench/corpus_review.py [--articles 50] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from extract import analyse_article, decode_bytes

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"no corpus at {CORPUS}")
    files = sorted(CORPUS.glob("*/*.txt"))
    for path in random.Random(args.seed).sample(files, args.articles):
        analysis = analyse_article(decode_bytes(path.read_bytes()), path.stem)
        body = analysis.article.body
        print(f"\n== {path.parent.name}/{path.name}: {analysis.article.title}")
        for c in analysis.claims:
            figure = body[c.span_start : c.span_end]
            if c.kind == "statement":
                print(f"  [{c.stance}] {c.attributed_to!r}: {figure!r}")
            else:
                print(f"  {figure!r:40} {c.hedge:9} v={c.value} unit={c.unit!r} "
                      f"<- {c.attributed_to!r}")  # fmt: skip


if __name__ == "__main__":
    main()
