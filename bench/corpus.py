"""Build article folders of a given size for the scale benchmarks.

Two kinds, both written once under the cache folder and reused:

- `generated`: a deterministic variation of the bundled story. Each article takes 6-12
  paragraphs of the five bundled articles and changes their figures, places, people, dates
  and outlet; articles come in stories of about 20 that share their substitutions, so
  entity resolution and discrepancy grouping see a library of many stories, as a year of a
  beat would be. The same size and seed always give the same bytes.
- `real`: the BBC articles in ../shared/corpus/bbc (2,225), repeated with a numbered title
  line when more are asked for, so every copy is a new article to the importer.

    .venv/bin/python -m bench.corpus --kind generated --size 10000
"""

from __future__ import annotations

import argparse
import random
import re
import time
from datetime import date, timedelta
from pathlib import Path

from extract import decode_bytes, parse_article
from store import BUNDLED_ARTICLES

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path("/tmp/claimdiff-bench")
BBC = ROOT.parent / "shared" / "corpus" / "bbc"
PER_FOLDER = 1000  # a folder per thousand, as archives are kept

OUTLETS = [
    "Reuters", "Associated Press", "AFP", "BBC News", "The Guardian", "The Times",
    "Financial Times", "The Economist", "Bloomberg", "CNN", "Al Jazeera", "Deutsche Welle",
    "France 24", "NHK World", "Yonhap", "Kyiv Independent", "Meduza", "Newsweek", "Politico",
    "The Washington Post", "The New York Times", "Wall Street Journal", "Le Monde",
    "Der Spiegel", "El Pais", "Corriere della Sera", "Sky News", "ABC News", "NBC News",
    "CBS News", "Fox News", "NPR", "The Independent", "The Telegraph", "Daily Mail",
    "South China Morning Post", "The Hindu", "Haaretz", "Kyodo", "Korea Herald",
]  # fmt: skip
PLACES = [
    "Kursk", "Belgorod", "Donetsk", "Kharkiv", "Zaporizhzhia", "Kherson", "Bryansk",
    "Luhansk", "Crimea", "Odesa", "Sumy", "Mykolaiv", "Dnipro", "Rostov", "Voronezh",
    "Tiraspol", "Gomel", "Minsk", "Vladivostok", "Khabarovsk",
]  # fmt: skip
PEOPLE: list[tuple[str, str | None]] = [  # full name, the short form an article uses
    ("Matthew Miller", "Miller"),
    ("Mark Rutte", "Rutte"),
    ("Andrew Yeo", "Yeo"),
    ("Kim Jong Gyu", None),
    ("Jeon Ha-kyou", "Jeon"),
]
FIRST = "Anna Boris Carla Daniel Elena Farid Grace Hiro Ivan Julia Kofi Lena Marek Nadia".split()
LAST = "Novak Haddad Moreau Ivanova Tanaka Okafor Lindqvist Romero Kowalski Petrov Bauer".split()
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{2,6}\b")


def paragraphs() -> list[str]:
    """The bundled story's paragraphs of eight words or more: what articles are made of."""
    out: list[str] = []
    for path in sorted(BUNDLED_ARTICLES.glob("*.txt")):
        body = parse_article(decode_bytes(path.read_bytes())).body
        out += [p for p in body.split("\n\n") if len(p.split()) >= 8]
    return out


def _vary_number(match: re.Match[str], rng: random.Random) -> str:
    text = match.group()
    value = int(text.replace(",", ""))
    if 1900 <= value <= 2030 and "," not in text:
        return text  # a year stays a year
    varied = max(2, round(value * rng.choice((0.5, 0.8, 0.9, 1, 1, 1, 1.1, 1.25, 2))))
    return f"{varied:,}" if "," in text or varied >= 10_000 else str(varied)


def generated_article(index: int, texts: list[str]) -> str:
    """The index-th generated article: a story's substitutions, an article's own figures."""
    story = random.Random(f"story-{index // 20}")
    place = story.choice(PLACES)
    people = {full: f"{story.choice(FIRST)} {story.choice(LAST)}" for full, _ in PEOPLE}
    day = date(2020, 1, 1) + timedelta(days=story.randrange(365 * 5) + index % 20)
    rng = random.Random(f"article-{index}")
    chosen = rng.sample(texts, rng.randint(6, 12))
    text = "\n\n".join(chosen).replace("Kursk", place)
    for (full, short), new in zip(PEOPLE, people.values(), strict=True):
        text = text.replace(full, new)
        if short:  # not "Kim", which is also Kim Jong Un's
            text = text.replace(f" {short} ", f" {new.split()[-1]} ")
    text = _NUMBER.sub(lambda m: _vary_number(m, rng), text)
    outlet = rng.choice(OUTLETS)
    title = f"{chosen[0].split('.')[0][:90]} ({place}, report {index})"
    return f"Title: {title}\nSource: {outlet}\nPublished: {day.isoformat()}\n\n{text}\n"


def _bbc_files() -> list[Path]:
    return sorted(p for p in BBC.glob("*/*.txt"))


def build(kind: str, size: int) -> Path:
    """The folder holding `size` articles of that kind, written once."""
    folder = CACHE / f"{kind}-{size}"
    done = folder / ".complete"
    if done.exists():
        return folder
    if kind == "real" and not BBC.is_dir():
        raise SystemExit(f"{BBC}: the BBC corpus is not here; use --kind generated")
    started = time.perf_counter()
    texts = paragraphs() if kind == "generated" else []
    real = _bbc_files() if kind == "real" else []
    for index in range(size):
        sub = folder / f"{index // PER_FOLDER:03d}"
        if index % PER_FOLDER == 0:
            sub.mkdir(parents=True, exist_ok=True)
        if kind == "generated":
            text = generated_article(index, texts)
        else:
            source = decode_bytes(real[index % len(real)].read_bytes())
            copy = index // len(real)
            text = source if copy == 0 else f"{source.splitlines()[0]} (copy {copy})\n{source}"
        (sub / f"{index:06d}.txt").write_text(text, encoding="utf-8")
    done.write_text(f"{size} articles in {time.perf_counter() - started:.1f} s\n")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=("generated", "real"), default="generated")
    parser.add_argument("--size", type=int, default=10_000)
    args = parser.parse_args()
    folder = build(args.kind, args.size)
    files = list(folder.rglob("*.txt"))
    mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"{folder}: {len(files):,} articles, {mb:.1f} MB")


if __name__ == "__main__":
    main()
