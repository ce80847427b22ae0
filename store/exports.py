"""Export claims, entities and discrepancies as CSV or JSON Lines, as PRODUCT.md promises,
discrepancy groups as a Markdown brief to read or paste into a report, and the analyst's
verdicts as schema.org ClaimReview JSON-LD, the form fact-checkers publish.

Lists are JSON arrays in JSONL and "; "-joined in CSV; unknown values are empty (CSV) or null
(JSONL). Every text cell a spreadsheet would run as a formula is neutralised in CSV; every
article's text in Markdown is escaped, so it reads as written and formats nothing.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, TextIO

from extract.claimants import carried
from extract.comparable import Comparable, Group, tolerance_interval
from extract.text import clean_text, one_line
from extract.words import claim_in_words, exact_enough
from store.filtering import ClaimFilter
from store.library import Library
from store.rows import ClaimRow, EntityRow
from store.verdicts import Verdict

CLAIM_FIELDS = (
    "id", "article_id", "article_title", "source", "published", "sentence", "start", "end",
    "kind", "value", "low", "high", "unit", "hedge", "attributed_to", "entities", "verdict",
    "note",
)  # fmt: skip
ENTITY_FIELDS = ("id", "name", "type", "aliases", "mentions", "articles")
DISCREPANCY_FIELDS = (
    "group_id", "topic", "status", "claim_id", "article_title", "source", "published",
    "value", "low", "high", "hedge", "unit", "attributed_to", "stance", "sentence",
    "compared_low", "compared_high", "holds_on", "claimant", "carried_by", "verdict", "note",
)  # fmt: skip
# markdown: discrepancy groups only, as a brief; claimreview: verdicts only, as JSON-LD
FORMATS = ("csv", "jsonl", "markdown", "claimreview")
BRIEF_PER_SOURCE = 5  # claims of one source a brief quotes; the rest are counted
# What a spreadsheet reads as the start of a formula, full-width forms included.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "|", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(text: str) -> str:
    """A text cell that a spreadsheet will show, never evaluate, and that holds nothing a
    terminal acts on, whatever wrote the library (JSON Lines escapes such characters)."""
    text = clean_text(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else exact_enough(value)


def claim_record(claim: ClaimRow) -> dict[str, Any]:
    row = claim._asdict()
    for key in ("value", "low", "high"):
        row[key] = _number(row[key])
    return {name: row[name] for name in CLAIM_FIELDS}


def entity_record(entity: EntityRow) -> dict[str, Any]:
    row = entity._asdict()
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


def discrepancy_records(library: Library, groups: Iterable[Group]) -> Iterator[dict[str, Any]]:
    """One row per claim of each group, the group's fields repeated on each, with the
    interval its verdict compared (so a reader can recheck it), the day the figure holds
    on, its claimant and the other outlets that carried the claimant's same figure. The
    analyst's verdict and note are the claim's, but on a group's first row the group's own
    (PRODUCT.md)."""

    for group in groups:
        by = carried(group.members)
        judged = library.claim_verdicts(m.id for m in group.members)
        own = library.group_verdicts([group.key]).get(group.key, Verdict())
        for index, m in enumerate(group.members):
            verdict = own if index == 0 else judged.get(m.id, Verdict())
            low, high = tolerance_interval(m) if m.kind == "quantity" else (None, None)
            yield {
                "group_id": group.key, "topic": group.topic, "status": group.status,
                "claim_id": m.id, "article_title": m.title, "source": m.source,
                "published": m.published, "value": _number(m.value), "low": _number(m.low),
                "high": _number(m.high), "hedge": m.hedge, "unit": m.unit,
                "attributed_to": m.attributed_to, "stance": m.stance, "sentence": m.sentence,
                "compared_low": _bound(low), "compared_high": _bound(high),
                "holds_on": m.date if m.date and _DAY.fullmatch(m.date) else None,
                "claimant": by[m.id].claimant, "carried_by": by[m.id].carried_by,
                "verdict": verdict.verdict, "note": verdict.note or None,
            }  # fmt: skip


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a day of a known year: --MM-DD is not exported


def _bound(end: float | None) -> float | int | None:
    """An end of a compared interval as a number; an open end (no bound) is empty."""
    return None if end is None or math.isinf(end) else _number(end)


def export_groups(library: Library, groups: Iterable[Group], fmt: str, out: TextIO) -> int:
    """Write discrepancy groups (all, or those a user picked); returns the row count (the
    group count, for a Markdown brief)."""
    if fmt == "markdown":
        return write_brief(library, groups, out)
    return write_records(discrepancy_records(library, groups), DISCREPANCY_FIELDS, fmt, out)


_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~&])")  # & too: "&#x202e;" would become an override
_PLAIN_URL = re.compile(r"https?://[^\s<>\\]+")
# What GitHub's Markdown turns into a link by itself: addresses, "www." names and e-mails.
_LINKABLE = re.compile(r"(?:https?://|ftp://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+", re.I)


def markdown_text(text: str | None) -> str:
    """Untrusted text as one line of Markdown that shows exactly what it says: no markup,
    no entity, and no address made a link (shown as code instead)."""
    line = one_line(text)
    parts, last = [], 0
    for found in _LINKABLE.finditer(line):
        parts += [_MARKDOWN.sub(r"\\\1", line[last : found.start()]), _code(found.group(0))]
        last = found.end()
    parts.append(_MARKDOWN.sub(r"\\\1", line[last:]))
    line = "".join(parts)
    return "\\" + line if line[:1] in ("#", "+", "-", "=") else line


def _code(text: str) -> str:
    """A code span, which Markdown shows as written: fenced by more backticks than it holds."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def write_brief(library: Library, groups: Iterable[Group], out: TextIO) -> int:
    """Discrepancy groups as a Markdown brief: what disagrees, who said what and when,
    quoted, and where each claim comes from (a footnote: outlet, title, date, address,
    file, claim and article ids). Returns the groups written."""
    count = 0
    for group in groups:
        if count == 0:
            exported = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
            out.write(f"# Discrepancies in {markdown_text(library.path.name)}\n\n"
                      f"Exported by claimdiff on {exported}.\n")  # fmt: skip
        count += 1
        _write_group(library, group, count, out)
    if count == 0:
        out.write("# Discrepancies\n\nNo discrepancy group matches.\n")
    return count


def _write_group(library: Library, group: Group, number: int, out: TextIO) -> None:
    status = "soft conflict" if group.soft else group.status
    out.write(f"\n## {number}. {markdown_text(group.topic)}: {status}\n\n")
    out.write(f"**{markdown_text(group.explanation)}**\n\n")
    own = library.group_verdicts([group.key]).get(group.key)
    if own is not None:
        out.write(f"Analyst's verdict: **{_verdict_words(own.verdict)}**{_noted(own.note)}\n\n")
    per_source: Counter[str] = Counter()
    shown = []
    for member in group.members:  # in date order: each source's first few are quoted
        if per_source[member.source] < BRIEF_PER_SOURCE:
            shown.append(member)
        per_source[member.source] += 1
    total = len(group.members)
    out.write(f"{total:,} claim{'s' * (total != 1)} from {group.sources:,} independent "
              f"source{'s' * (group.sources != 1)}, earliest first:\n\n")  # fmt: skip
    by = carried(group.members)
    judged = library.claim_verdicts(m.id for m in shown)
    refs = library.article_refs({m.article for m in shown})
    notes = []
    for index, m in enumerate(shown, 1):
        note = f"{number}-{index}"
        who = f"{markdown_text(m.attributed_to)}, in " if m.attributed_to else ""
        said = f"**{markdown_text(claim_in_words(m))}**: {who}{markdown_text(m.source)}"
        if also := by[m.id].carried_by:
            said += f" (also carried by {markdown_text(', '.join(also))})"
        if m.id in judged:
            verdict = judged[m.id]
            said += f"; analyst: **{_verdict_words(verdict.verdict)}**{_noted(verdict.note)}"
        out.write(f"{index}. {said}, {m.date or 'undated'}[^{note}]\n"
                  f"   > {markdown_text(m.sentence)}\n")  # fmt: skip
        notes.append(f"[^{note}]: {_citation(refs.get(m.article, {}), m)}")
    for source, count in per_source.items():
        if count > BRIEF_PER_SOURCE:
            more = count - BRIEF_PER_SOURCE
            out.write(f"\n_and {more:,} more from {markdown_text(source)}_\n")
    out.write("\n" + "\n".join(notes) + "\n")


def _verdict_words(verdict: str | None) -> str:
    return (verdict or "no verdict").replace("_", " ")


def _noted(note: str) -> str:
    return f" ({markdown_text(note)})" if note else ""


def _citation(ref: dict[str, Any], claim: Comparable) -> str:
    """Outlet, "title", date, <address>; claim and article ids and the file it came from."""
    parts = [
        markdown_text(ref.get("source")),
        f"\u201c{markdown_text(ref.get('title'))}\u201d",
        ref.get("published") or "undated",
    ]
    url = ref.get("url") or ""
    if url:  # a link only when it is one: an address from a page is untrusted too
        parts.append(f"<{url}>" if _PLAIN_URL.fullmatch(url) else markdown_text(url))
    origin = markdown_text(ref.get("path"))
    return f"{', '.join(parts)}; claim {claim.id} of article {claim.article} ({origin})"


CLAIMREVIEW_CONTEXT = "https://schema.org"
_RATING_WORDS = {"confirmed": "Confirmed", "disputed": "Disputed", "false": "False"}


def claim_reviews(library: Library) -> Iterator[dict[str, Any]]:
    """Each verdict as a schema.org ClaimReview: the claim reviewed is the sentence (a
    group's: its topic), its author the claimant cited, each article it appears in with its
    outlet and address, and the rating's alternateName the verdict, the note its body.
    `not_a_claim` reviews no claim (it is an extraction mistake): left out."""
    claims = library.claims(ClaimFilter(ids=frozenset(library.verdicts.judged_claims())))
    refs = library.article_refs({c.article_id for c in claims})
    claimant = _claimants(library)
    for claim in claims:
        if claim.verdict == "not_a_claim" or claim.verdict is None:
            continue
        yield _review(
            claim.sentence, claim.verdict, claim.note or "",
            {"@type": "Claim", "author": claimant(claim.attributed_to or claim.source),
             "datePublished": claim.said_on or claim.published,
             "appearance": [_appearance(refs[claim.article_id])],
             "identifier": f"claim {claim.id}"},
        )  # fmt: skip
    for key in library.verdicts.judged_groups():
        group = library.group(key)
        own = library.group_verdicts([key]).get(key)
        if group is None or own is None or own.verdict is None:
            continue
        by = carried(group.members)
        refs = library.article_refs({m.article for m in group.members})
        claimants = sorted({by[m.id].claimant for m in group.members})
        yield _review(
            f"{group.topic}: {group.explanation}", own.verdict, own.note,
            {"@type": "Claim", "author": [claimant(c) for c in claimants],
             "datePublished": min((m.published for m in group.members if m.published),
                                  default=None),
             "appearance": [_appearance(refs[a]) for a in sorted(refs)],
             "identifier": f"group {key}"},
        )  # fmt: skip


def _review(reviewed: str, verdict: str, note: str, item: dict[str, Any]) -> dict[str, Any]:
    review: dict[str, Any] = {
        "@type": "ClaimReview", "claimReviewed": clean_text(reviewed), "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "alternateName": _RATING_WORDS.get(verdict, verdict)},
    }  # fmt: skip
    if note:
        review["reviewBody"] = clean_text(note)
    return review


def _claimants(library: Library) -> Callable[[str], dict[str, Any]]:
    """Who made a claim, as schema.org has them: a Person where the library knows the name
    as a person's, else an Organization (a ministry, an agency, an outlet)."""

    def claimant(name: str) -> dict[str, Any]:
        entity = library.find_entity(name)
        person = entity is not None and library.entity_type(entity) == "person"
        return {"@type": "Person" if person else "Organization", "name": clean_text(name)}

    return claimant


def _appearance(ref: dict[str, Any]) -> dict[str, Any]:
    """An article a claim appears in: its title, outlet, date and address where known."""
    work: dict[str, Any] = {"@type": "NewsArticle", "headline": clean_text(ref["title"]),
                            "publisher": {"@type": "Organization",
                                          "name": clean_text(ref["source"])}}  # fmt: skip
    if ref.get("url"):
        work["url"] = clean_text(ref["url"])
    if ref.get("published"):
        work["datePublished"] = ref["published"]
    return work


def write_claim_reviews(library: Library, out: TextIO) -> int:
    """The verdicts as one JSON-LD document of ClaimReviews; returns how many."""
    reviews = list(claim_reviews(library))
    json.dump({"@context": CLAIMREVIEW_CONTEXT, "@graph": reviews}, out, ensure_ascii=False,
              indent=2)  # fmt: skip
    out.write("\n")
    return len(reviews)


EXPORTS = ("claims", "entities", "discrepancies", "verdicts")


def export(library: Library, what: str, f: ClaimFilter, fmt: str, out: TextIO) -> int:
    """Export claims, entities or discrepancy groups matching the filter; returns rows (or
    groups, for a Markdown brief); or every verdict, as ClaimReviews."""
    if (what == "verdicts") != (fmt == "claimreview"):
        raise ValueError(
            "verdicts are exported as ClaimReview: export verdicts --format claimreview"
        )
    if what == "verdicts":
        return write_claim_reviews(library, out)
    if fmt == "markdown" and what != "discrepancies":
        raise ValueError("Markdown exports discrepancies only: a brief of each group")
    if what == "claims":
        return write_records(claim_records(library, f), CLAIM_FIELDS, fmt, out)
    if what == "entities":
        return write_records(entity_records(library, f), ENTITY_FIELDS, fmt, out)
    if what == "discrepancies":
        return export_groups(library, library.iter_groups(f), fmt, out)
    raise ValueError(f"unknown export {what!r}")
