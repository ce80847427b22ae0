"""Regrouping after an import into a large library, without building the library again.

Copies a library (built by `bench.import_speed --keep`) to a temp folder and imports 100
new generated articles twice: the first import brings a library from before kept
summaries up to date (it summarises its large clusters once), the second is the steady
state and the figure that counts. Each prints the regrouping's time, beside a baseline
from the same run: the same 100 articles imported into an empty library, where their
claims have nothing to join. `--profile` prints cProfile's top entries of the second.

    .venv/bin/python -m bench.regroup_speed /tmp/lib100k.db [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import tempfile
import time
from pathlib import Path

from bench.corpus import generated_article, paragraphs
from store import Library, import_paths

NEW = 100


def regroup_time(db: Path, folder: Path, profile: bool = False) -> float:
    """Seconds the import of `folder` into `db` spends regrouping."""
    library = Library(db)
    original = Library.refresh_groups
    spent = 0.0

    def timed(self: Library, *args, **kwargs) -> int:
        nonlocal spent
        profiler = cProfile.Profile() if profile else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        try:
            return original(self, *args, **kwargs)
        finally:
            spent += time.perf_counter() - start
            if profiler:
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumtime").print_stats(20)

    Library.refresh_groups = timed  # type: ignore[method-assign]
    try:
        import_paths(library, [folder])
    finally:
        Library.refresh_groups = original  # type: ignore[method-assign]
        library.close()
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.db"
        shutil.copy(args.library, db)
        size = Library(db).counts()["articles"]  # migrates a copy of an older library
        texts = paragraphs()
        folders = []
        for batch in range(2):  # numbered past the library's own articles
            folder = Path(tmp) / f"new{batch}"
            folder.mkdir()
            for index in range(size + batch * NEW, size + (batch + 1) * NEW):
                (folder / f"{index:06d}.txt").write_text(generated_article(index, texts))
            folders.append(folder)
        alone = regroup_time(Path(tmp) / "empty.db", folders[1])
        print(f"baseline: {NEW} new articles grouped in an empty library: {alone:.2f} s")
        first = regroup_time(db, folders[0])
        print(f"first {NEW} new articles regrouped into {size:,}: {first:.2f} s")
        into = regroup_time(db, folders[1], args.profile)
        print(
            f"next {NEW} new articles regrouped into {size + NEW:,}: {into:.2f} s "
            f"({into / alone:.1f}x the baseline)"
        )


if __name__ == "__main__":
    main()
