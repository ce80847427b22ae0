"""The reader on a large library: start, open an article, filter and search, memory.

Run on a library made by bench/import_speed.py (`--keep`). Prints, each beside its
baseline measured in the same run:

- cold start: a new process to the first painted screen, and to the panes filled, against
  a minimal Textual app's start to its first screen (the floor);
- opening an article (the store's read of its text and highlights), p50/p95 of 100;
- 100 random filters and searches (sources, entities, kinds, hedges, dates, words, and
  pairs of them): each pane's first page and count as the reader fetches them, p50/p95;
- a search typed in the reader: Enter to every pane settled, p50/p95 (with the same wait
  when there is nothing to do beside it);
- peak memory (RSS) of a reader process that opens the library, fills its panes, pages
  through them and opens the discrepancy view.

    .venv/bin/python -m bench.reader_speed /tmp/claimdiff-100k.db
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from store import ClaimFilter, Library

RUNS = 5
# The reader starts with no saved filters, whatever the person running this has saved, and
# as Python runs by default: modules compiled once and cached (an environment may turn that
# off with PYTHONDONTWRITEBYTECODE, as this machine's does; Textual's own are compiled at
# install, ours were compiled afresh at every start, 25 ms). The first start caches them.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["CLAIMDIFF_CONFIG"] = os.path.join(tempfile.mkdtemp(), "config.json")
PAGE, CAP = 1000, 10_000  # as the reader's list panes read (tui.widgets.tables)
# The first frame is the first time Textual hands a rendered screen to its driver: the
# app's "ready" (when Pilot starts) comes before any screen is painted, so both scripts
# wrap App._display (private; Textual has no public hook for a frame) and print "painted"
# at the first frame of the screen named.
PAINTED = """
from textual.app import App
display = App._display
def first_frame(app, screen, renderable):
    display(app, screen, renderable)
    if renderable is not None and not app._batch_count and type(screen).__name__ == {screen!r}:
        if not getattr(app, "painted", False):
            app.painted = True
            print("painted")
App._display = first_frame
async def painted(pilot):
    while not getattr(pilot.app, "painted", False):
        await pilot.pause()
"""
# Until the panes have their answers: the reader starts reading after its first frame, so
# workers may start after a first wait for them returns; wait until none is running.
SETTLED = """
async def settled(pilot):
    app = pilot.app
    while True:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            return
"""
MINIMAL = """{painted}
async def ready(pilot):
    await painted(pilot)
    pilot.app.exit()
App().run(headless=True, size=(160, 48), auto_pilot=ready)
"""
READER = """{painted}{settled}
import resource
from pathlib import Path
from store import Library
from tui.app import ClaimdiffApp
async def ready(pilot):
    app = pilot.app
    await painted(pilot)
    await settled(pilot)
    print("filled")
    if {explore}:
        for key in ["j"] * 5 + ["G", "g", "tab", "G", "tab", "G", "d"]:
            await pilot.press(key)
            await settled(pilot)
    print(f"rss {{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}}")
    app.exit()
ClaimdiffApp(Library(Path({db!r}))).run(headless=True, size=(160, 48), auto_pilot=ready)
"""
# A search typed in the reader, from Enter until every pane has its answer and nothing more
# is running: the library's reads for three panes at once, Textual filling the lists, the
# first article read and drawn. Beside it, the same wait with nothing to wait for (the floor).
SEARCHED = """{settled}
import time
from pathlib import Path
from store import Library
from tui.app import ClaimdiffApp
async def ready(pilot):
    await settled(pilot)
    start = time.perf_counter()
    await settled(pilot)
    print(f"idle {{time.perf_counter() - start}}")
    for n, word in enumerate({words!r}):
        await pilot.press("slash", *word)
        start = time.perf_counter()
        await pilot.press("enter")
        await settled(pilot)
        print(f"search{{n}} {{time.perf_counter() - start}}")
        await pilot.press("escape")
        await settled(pilot)
    pilot.app.exit()
ClaimdiffApp(Library(Path({db!r}))).run(headless=True, size=(160, 48), auto_pilot=ready)
"""
SEARCH_WORDS = ["troops", "Kim", "officers", "border", "Seoul", "generals"]


def start_times(code: str) -> list[dict[str, float]]:
    """Seconds from starting a process to each line it prints ("painted"), read as printed."""
    runs = []
    for _ in range(RUNS):
        started = time.perf_counter()
        marks: dict[str, float] = {}
        with subprocess.Popen(
            [sys.executable, "-u", "-c", code], stdout=subprocess.PIPE, text=True, env=ENV
        ) as process:
            assert process.stdout is not None
            for line in process.stdout:
                name, _, value = line.strip().partition(" ")
                marks[name] = float(value) if value else time.perf_counter() - started
        marks["exit"] = time.perf_counter() - started
        runs.append(marks)
    return runs


def percentiles(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms"


def random_filters(library: Library, n: int, rng: random.Random) -> list[ClaimFilter]:
    sources = library.sources()
    entities = [e.id for e in library.entities(limit=2000)]
    words = ["troops", "generals", "Pyongyang", "intelligence", "\"special forces\"", "border",
             "missiles", "deployed", "casualties", "Kim", "Seoul", "officers", "train"]  # fmt: skip
    makers = [
        lambda: ClaimFilter(sources=frozenset(rng.sample(sources, rng.randint(1, 3)))),
        lambda: ClaimFilter(entity_ids=frozenset({rng.choice(entities)})),
        lambda: ClaimFilter(query=rng.choice(words)),
        lambda: ClaimFilter(kinds=frozenset({rng.choice(["quantity", "statement"])})),
        lambda: ClaimFilter(hedges=frozenset({rng.choice(["approx", "exact", "at_least"])})),
        lambda: ClaimFilter(since=f"{rng.randint(2020, 2024)}-0{rng.randint(1, 9)}-01"),
    ]
    out = []
    for _ in range(n):
        f = rng.choice(makers)()
        if rng.random() < 0.3:  # and a second filter on top
            g = rng.choice(makers)()
            f = replace(f, **{k: v for k, v in vars(g).items() if v and k != "ids"})
        out.append(f)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    args = parser.parse_args()
    library = Library(args.library)  # migrates an older library before anything is timed
    counts = library.counts()
    print(f"library: {counts['articles']:,} articles, {counts['claims']:,} claims, "
          f"{counts['entities']:,} entities, {counts['mentions']:,} mentions")  # fmt: skip

    minimal = MINIMAL.replace("{painted}", PAINTED.format(screen="Screen"))
    floor = statistics.median(r["painted"] for r in start_times(minimal))
    reader_code = READER.replace("{painted}", PAINTED.format(screen="MainScreen"))
    reader_code = reader_code.replace("{settled}", SETTLED)
    reader = start_times(reader_code.format(db=str(args.library), explore=False))
    painted = statistics.median(r["painted"] for r in reader)
    filled = statistics.median(r["filled"] for r in reader)
    print(f"start: minimal Textual app {floor * 1000:.0f} ms (baseline); reader first screen "
          f"{painted * 1000:.0f} ms ({painted / floor:.2f}x), panes filled "
          f"{filled * 1000:.0f} ms ({filled / floor:.2f}x), median of {RUNS}")  # fmt: skip

    rng = random.Random(6)
    ids = [a.id for a in library.articles(limit=1000, offset=rng.randrange(counts["articles"]))]
    ids = [rng.choice(ids) for _ in range(100)] if ids else []
    timings = []
    for article_id in ids:
        start = time.perf_counter()
        library.article(article_id)
        timings.append(time.perf_counter() - start)
    print(f"open an article (100): {percentiles(timings)}")

    library.warm()  # as the reader does once its first frame is drawn
    panes: dict[str, list[float]] = {"articles": [], "claims": [], "entities": [], "all": []}
    for f in random_filters(library, 100, rng):
        total = 0.0
        for pane, read in (  # what each pane's worker asks of the library
            ("articles", lambda f: (library.count_articles(f, CAP), library.articles(f, PAGE))),
            ("claims", lambda f: library.claims_first_page(f, PAGE, CAP)),
            (
                "entities",
                lambda f: (library.entities_page(f, PAGE), library.count_articles(f, CAP)),
            ),
        ):
            start = time.perf_counter()
            read(f)
            took = time.perf_counter() - start
            panes[pane].append(took)
            total += took
        panes["all"].append(total)
    for pane, seconds in panes.items():
        print(f"filter, {pane} pane (page + count, 100 filters): {percentiles(seconds)}")

    searched_code = SEARCHED.replace("{settled}", SETTLED)
    searched = start_times(searched_code.format(words=SEARCH_WORDS, db=str(args.library)))
    idle = statistics.median(r["idle"] for r in searched)
    typed = [r[f"search{n}"] for r in searched for n in range(len(SEARCH_WORDS))]
    print(f"search in the reader, Enter to every pane settled ({len(typed)} searches): "
          f"{percentiles(typed)}; nothing to wait for {idle * 1000:.0f} ms")  # fmt: skip

    (explored,) = start_times(reader_code.format(db=str(args.library), explore=True))[:1]
    print(f"peak memory of the reader, panes paged and discrepancy view open: "
          f"{explored['rss']:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
