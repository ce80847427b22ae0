"""Kill an import at random points, run it again, and compare every export with an
uninterrupted import's: the way issue 16 found 2 of 24 kills giving other groups.

Each trial kills `claimdiff import` of N generated articles after a random wait, imports
the folder again, and prints how many rows of claims, entities and discrepancy groups
differ from the uninterrupted import's (ids left out: they count in the order rows were
written). Then two imports of the folder at once, the same way.

    .venv/bin/python bench/kill_soak.py [--articles 3000] [--kills 24] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import generated_article, paragraphs

CLAIMDIFF = Path(sys.executable).with_name("claimdiff")


def digest(db: Path) -> list[set[str]]:
    """Claims, entities and groups as sets of rows without their ids."""
    out = []
    for what in ("claims", "entities", "discrepancies"):
        text = subprocess.run(
            [str(CLAIMDIFF), "export", what, "--format", "jsonl", "--db", str(db)],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        rows = [json.loads(line) for line in text.splitlines()]
        if what == "discrepancies":
            groups: dict[str, list[str]] = {}
            for row in rows:
                kept = {k: v for k, v in row.items() if k not in ("group_id", "claim_id")}
                groups.setdefault(row["group_id"], []).append(json.dumps(kept, sort_keys=True))
            out.append({json.dumps(sorted(g)) for g in groups.values()})
        else:
            out.append({json.dumps({k: v for k, v in r.items() if k not in ("id", "article_id")},
                                   sort_keys=True) for r in rows})  # fmt: skip
    return out


def written(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=30)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--kills", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kill_soak"))
    folder = work / "story"
    folder.mkdir()
    texts = paragraphs()
    for index in range(args.articles):
        (folder / f"{index:05d}.txt").write_text(generated_article(index, texts))
    clean = work / "clean.db"
    start = time.perf_counter()
    subprocess.run([str(CLAIMDIFF), "import", "--db", str(clean), str(folder)],
                   capture_output=True, check=True)  # fmt: skip
    took = time.perf_counter() - start
    reference = digest(clean)
    print(f"{args.articles} articles imported in {took:.1f} s: "
          f"{[len(x) for x in reference]} claims, entities, groups")  # fmt: skip
    rng = random.Random(args.seed)
    differing = 0
    for trial in range(args.kills):
        db = work / f"killed{trial}.db"
        importing = subprocess.Popen(
            [str(CLAIMDIFF), "import", "--db", str(db), str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait = rng.uniform(0.05, took)
        time.sleep(wait)
        at = written(db)
        importing.send_signal(signal.SIGKILL)
        importing.wait()
        subprocess.run([str(CLAIMDIFF), "import", "--db", str(db), str(folder)],
                       capture_output=True, check=True)  # fmt: skip
        diffs = [len(a ^ b) for a, b in zip(reference, digest(db), strict=True)]
        differing += any(diffs)
        print(f"kill {trial + 1}: at {wait:.1f} s ({at} articles written): rows differing in "
              f"claims, entities, groups: {diffs}", flush=True)  # fmt: skip
    db = work / "twice.db"
    both = [subprocess.Popen([str(CLAIMDIFF), "import", "--db", str(db), str(folder)],
                             stdout=subprocess.DEVNULL) for _ in range(2)]  # fmt: skip
    for process in both:
        process.wait()
    diffs = [len(a ^ b) for a, b in zip(reference, digest(db), strict=True)]
    print(f"two imports at once: rows differing in claims, entities, groups: {diffs}")
    print(f"{differing} of {args.kills} kills gave another library")


if __name__ == "__main__":
    main()
