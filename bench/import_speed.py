"""Import speed at scale: articles per second, re-import, and regrouping after an import.

Builds (or reuses) a corpus with bench/corpus.py, imports it into a new library in a temp
folder with every core, and prints, beside a baseline measured in the same run (analysing
the same files one after another on one core, without writing anything):

- the import's articles per second, and where its time went (waiting for analysis,
  writing, grouping), the library's size per article and the peak memory;
- re-importing the unchanged folder (every file is known by its hash);
- importing 100 new articles into the library: the whole import, and its regrouping.

    .venv/bin/python -m bench.import_speed --size 10000 [--kind real] [--keep lib.db]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from bench.corpus import build, generated_article, paragraphs
from store import Library, import_paths
from store.importer import ImportReport, Reading, analyse_file, collect_files, default_workers

BASELINE_FILES = 300


class Clock:
    """Seconds spent in the library's writing and grouping, summed over an import."""

    def __init__(self) -> None:
        self.spent = {"add_articles": 0.0, "refresh_groups": 0.0}
        for name in self.spent:
            original = getattr(Library, name)
            setattr(Library, name, self._timed(name, original))

    def _timed(self, name, original):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.spent[name] += time.perf_counter() - start

        return timed

    def reset(self) -> None:
        self.spent = dict.fromkeys(self.spent, 0.0)


def baseline(folder: Path) -> float:
    """Articles per second analysing files one by one on one core: the work to share out."""
    files = collect_files([folder], ImportReport())
    sample = files[:: max(1, len(files) // BASELINE_FILES)][:BASELINE_FILES]
    for path in sample[:20]:
        analyse_file(path, Reading())  # warm the caches, as a long import would
    start = time.perf_counter()
    for path in sample:
        analyse_file(path, Reading())
    return len(sample) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=("generated", "real"), default="generated")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="write the library here, and keep it")
    args = parser.parse_args()
    folder = build(args.kind, args.size)
    clock = Clock()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "library.db"
        print(f"{args.size:,} {args.kind} articles, {default_workers()} cores")
        per_core = baseline(folder)
        print(f"baseline: analysis alone, one core: {per_core:.0f} articles/s")

        library = Library(db)
        start = time.perf_counter()
        report = import_paths(library, [folder])
        took = time.perf_counter() - start
        rate = len(report.imported) / took
        size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
        wrote, grouped = clock.spent["add_articles"], clock.spent["refresh_groups"]
        print(f"import: {report.summary()} in {took:.1f} s = {rate:.0f} articles/s "
              f"({rate / per_core:.2f}x the one-core baseline)")  # fmt: skip
        print(f"  writing {wrote:.1f} s, grouping {grouped:.1f} s, waiting for analysis "
              f"{took - wrote - grouped:.1f} s")  # fmt: skip
        print(f"  library {size / 1e6:.0f} MB, {size / max(1, len(report.imported)) / 1e3:.1f} KB "
              f"per article")  # fmt: skip

        start = time.perf_counter()
        again = import_paths(library, [folder])
        print(f"re-import unchanged: {again.summary()} in {time.perf_counter() - start:.2f} s")

        extra = Path(tmp) / "new"
        extra.mkdir()
        texts = paragraphs()
        for index in range(args.size, args.size + 100):
            (extra / f"{index:06d}.txt").write_text(generated_article(index, texts))
        clock.reset()
        start = time.perf_counter()
        more = import_paths(library, [extra])
        print(f"100 new articles: {more.summary()} in {time.perf_counter() - start:.2f} s, "
              f"regrouping {clock.spent['refresh_groups']:.2f} s")  # fmt: skip
        library.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: writer {peak:.0f} MB, largest analysing process {workers:.0f} MB")


if __name__ == "__main__":
    main()
