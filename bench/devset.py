"""The development set (../shared/devset) scored, with what each story gets wrong.

Runs the set's own scorer on every story (and on any other story folder with a gold file
given with --story), then prints its SUMMARY lines and a TOTAL; with --details, each gold
claim whose unit, hedge or attribution differs from claimdiff's, each claim missed, and each
entity spelling not merged. Scores claimdiff as installed beside this Python.

    .venv/bin/python -m bench.devset [--details] [--story GOLD.json FOLDER]...
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
CLAIMDIFF = Path(sys.executable).with_name("claimdiff")


def norm(text: str | None) -> str:
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def stories(extra: list[tuple[str, str]]) -> list[tuple[Path, Path]]:
    found = [
        (g, DEVSET / g.name.removesuffix(".gold.json")) for g in sorted(DEVSET.glob("*.gold.json"))
    ]
    return found + [(Path(g), Path(f)) for g, f in extra]


def score(gold: Path, folder: Path) -> tuple[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        result = subprocess.run(
            [sys.executable, str(DEVSET / "score.py"), str(gold), str(folder), "--claimdiff",
             str(CLAIMDIFF), "--json", str(out)], capture_output=True, text=True, check=True,
        )  # fmt: skip
        return result.stdout, json.loads(out.read_text())


def exported(folder: Path, what: str) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CLAIMDIFF_DB": str(Path(tmp) / "lib.db")}
        subprocess.run([str(CLAIMDIFF), "import", str(folder)], env=env, capture_output=True)
        text = subprocess.run([str(CLAIMDIFF), "export", what, "--format", "jsonl"], env=env,
                              capture_output=True, text=True).stdout  # fmt: skip
    return [json.loads(line) for line in text.splitlines()]


def details(gold_path: Path, folder: Path) -> None:
    gold = json.loads(gold_path.read_text())
    titles = {}
    for f in sorted(folder.iterdir()):
        first = next((ln for ln in f.read_text(errors="replace").splitlines() if ln.strip()), "")
        titles[norm(first)] = f.name.split("_")[0]
    claims = [c for c in exported(folder, "claims") if c["kind"] == "quantity"]
    for c in claims:
        c["_k"] = titles.get(norm(str(c["article_title"])))
    for g in gold["numeric_claims"]:
        s = norm(g["s"])
        mine = [c for c in claims if c["_k"] == g["a"] and s in norm(str(c["sentence"]))]
        value = g.get("value_low") if g.get("hedge") == "range" else g["value"]
        match = next((c for c in mine if (g["value"] is None and c["value"] is None)
                      or (c["value"] is not None and value is not None
                      and abs(float(c["value"]) - value) <= 0.005 * abs(value))
                      or (c["low"] is not None and value is not None
                      and abs(float(c["low"]) - value) <= 0.005 * abs(value))), None)  # fmt: skip
        where = f'{g["a"]} "{g["s"][:50]}"'
        if match is None:
            print(f"  MISSED {where}: {g['value']} {g['unit']} ({g['hedge']})")
            continue
        wrong = []
        if (g["unit"] or "").rstrip("s").split()[-1:] != [] and g["unit"].lower().rstrip(
            "s"
        ).split()[-1] not in norm(str(match["unit"])):
            wrong.append(f"unit {match['unit']!r} want {g['unit']!r}")
        if match["hedge"] != g["hedge"] and {match["hedge"], g["hedge"]} != {"at_most", "up_to"}:
            wrong.append(f"hedge {match['hedge']} want {g['hedge']}")
        if g.get("by"):
            gb, cb = norm(g["by"]), norm(str(match["attributed_to"] or ""))
            shared = set(gb.split()) & set(cb.split()) - {"the", "of", "'s"}
            if not (
                cb
                and (gb in cb or cb in gb or len(shared) >= 2 or gb.split()[-1] == cb.split()[-1])
            ):  # as the scorer judges
                wrong.append(f"by {match['attributed_to']!r} want {g['by']!r}")
        if wrong:
            print(f"  {where}: {'; '.join(wrong)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--story", nargs=2, action="append", default=[], metavar=("GOLD", "DIR"))
    args = parser.parse_args()
    if not DEVSET.is_dir():
        raise SystemExit(f"no development set at {DEVSET}")
    totals: dict[str, float] = {}
    for gold, folder in stories(args.story):
        out, figures = score(gold, folder)
        summary = next(line for line in out.splitlines() if line.startswith("SUMMARY"))
        print(f"{folder.name:32} {summary}")
        if args.details:
            told = ("missed", "not merged", "members", "not found")
            shown = [ln for ln in out.splitlines()[:-1] if any(t in ln for t in told)]
            print("\n".join("  " + ln for ln in shown))
            details(gold, folder)
        for key, value in figures.items():
            totals[key] = totals.get(key, 0) + value
    t = totals
    print(f"TOTAL recall {t['found'] / t['gold']:.2f} ({t['found']:g}/{t['gold']:g}) "
          f"unit {t['unit']:g}/{t['found']:g} hedge {t['hedge']:g}/{t['found']:g} "
          f"attribution {t['attr']:g}/{t['attr_n']:g} dates {t['dates']:g}/{t['dates_n']:g} "
          f"merged {t['merge']:g}/{t['merge_n']:g} apart {t['apart']:g}/{t['apart_n']:g} "
          f"typed {t['typed']:g}/{t['typed_n']:g} groups {t['groups']:.2f}/{t['groups_n']:g} "
          f"statements {t['statements']:g}/{t['statements_n']:g}")  # fmt: skip


if __name__ == "__main__":
    main()
