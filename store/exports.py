"""Export claims, entities and discrepancies as CSV or JSON Lines, as PRODUCT.md promises.

Lists are JSON arrays in JSONL and "; "-joined in CSV; unknown values are empty (CSV) or null
(JSONL). Every text cell a spreadsheet would run as a formula is neutralised in CSV.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any, TextIO

from extract.comparable import Group
from extract.quantities import exact_enough
from store.filtering import ClaimFilter
from store.library import ClaimRow, EntityRow, Library

CLAIM_FIELDS = (
    "id", "article_id", "article_title", "source", "published", "sentence", "start", "end",
    "kind", "value", "low", "high", "unit", "hedge", "attributed_to", "entities",
)  # fmt: skip
ENTITY_FIELDS = ("id", "name", "type", "aliases", "mentions", "articles")
DISCREPANCY_FIELDS = (
    "group_id", "topic", "status", "claim_id", "article_title", "source", "published",
    "value", "low", "high", "hedge", "unit", "attributed_to", "stance", "sentence",
)  # fmt: skip
FORMATS = ("csv", "jsonl")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text cell that a spreadsheet will show, never evaluate."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else exact_enough(value)


def claim_record(claim: ClaimRow) -> dict[str, Any]:
    row = asdict(claim)
    for key in ("value", "low", "high"):
        row[key] = _number(row[key])
    return {name: row[name] for name in CLAIM_FIELDS}


def entity_record(entity: EntityRow) -> dict[str, Any]:
    row = asdict(entity)
    return {name: row[name] for name in ENTITY_FIELDS}


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return neutralise("; ".join(value))
    if isinstance(value, str):
        return neutralise(value)
    return value


def write_records(
    records: Iterable[dict[str, Any]], fields: tuple[str, ...], fmt: str, out: TextIO
) -> int:
    """Write records to out in fmt; returns how many rows were written."""
    count = 0
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(fields)
        for record in records:
            writer.writerow([_csv_cell(record[f]) for f in fields])
            count += 1
    elif fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return count


def claim_records(library: Library, f: ClaimFilter) -> Iterator[dict[str, Any]]:
    return (claim_record(c) for c in library.claims(f))


def entity_records(library: Library, f: ClaimFilter) -> Iterator[dict[str, Any]]:
    return (entity_record(e) for e in library.entities(f))


def discrepancy_records(groups: Iterable[Group]) -> Iterator[dict[str, Any]]:
    """One row per claim of each group, the group's fields repeated on each."""
    for group in groups:
        for m in group.members:
            yield {
                "group_id": group.key, "topic": group.topic, "status": group.status,
                "claim_id": m.id, "article_title": m.title, "source": m.source,
                "published": m.published, "value": _number(m.value), "low": _number(m.low),
                "high": _number(m.high), "hedge": m.hedge, "unit": m.unit,
                "attributed_to": m.attributed_to, "stance": m.stance, "sentence": m.sentence,
            }  # fmt: skip


def export_groups(groups: Iterable[Group], fmt: str, out: TextIO) -> int:
    """Write discrepancy groups (all, or those a user picked); returns the row count."""
    return write_records(discrepancy_records(groups), DISCREPANCY_FIELDS, fmt, out)


EXPORTS = ("claims", "entities", "discrepancies")


def export(library: Library, what: str, f: ClaimFilter, fmt: str, out: TextIO) -> int:
    """Export claims, entities or discrepancy groups matching the filter; returns rows."""
    if what == "claims":
        return write_records(claim_records(library, f), CLAIM_FIELDS, fmt, out)
    if what == "entities":
        return write_records(entity_records(library, f), ENTITY_FIELDS, fmt, out)
    if what == "discrepancies":
        return export_groups(library.iter_groups(f), fmt, out)
    raise ValueError(f"unknown export {what!r}")
