"""Regrouping after an import into a large library, without building the library again.

Copies a library (built by `bench.import_speed --keep`) to a temp folder, writes 100 new
generated articles, imports them and prints the regrouping's time, beside a baseline from
the same run: the same 100 articles imported into an empty library, where their claims
have nothing to join. `--profile` prints cProfile's top entries of the regrouping.

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
        folder = Path(tmp) / "new"
        folder.mkdir()
        texts = paragraphs()
        for index in range(size, size + NEW):  # numbered past the library's own articles
            (folder / f"{index:06d}.txt").write_text(generated_article(index, texts))
        alone = regroup_time(Path(tmp) / "empty.db", folder)
        print(f"baseline: {NEW} new articles grouped in an empty library: {alone:.2f} s")
        into = regroup_time(db, folder, args.profile)
        print(f"{NEW} new articles regrouped into {size:,}: {into:.2f} s ({into / alone:.1f}x)")


if __name__ == "__main__":
    main()
