"""Properties that hold for any text: extraction never fails and never points outside the
article, and what an import stores comes back whole from every export."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import analyse_article
from extract.comparable import Comparable, tolerance_interval
from extract.compare import Summary, claimant, group_from
from store import CLAIM_FIELDS, ClaimFilter, Library, export, import_paths

# Words that make the extractors work: figures, hedges, units, names, attributions, dates.
NEWS_WORDS = [
    "about", "nearly", "more than", "up to", "at least", "3,000", "12", "1.5 million",
    "2,500-3,000", "troops", "soldiers", "killed", "per cent", "$40bn", "Kim Jong Un",
    "North Korea", "Russia's", "Kursk", "the Pentagon", "said", "denied", "according to",
    "officials", "on Monday", "Oct. 25", "2024", "Mr.", "U.S.", "\u201c", "\u201d", "(NIS)",
    ",", ".", ";", " - ", "\n", "\n\n", "[bold]", "\x1b[31m", "\u202e", "\u200b", "Source:",
]  # fmt: skip
news_like = st.lists(st.one_of(st.sampled_from(NEWS_WORDS), st.text(max_size=12)), max_size=80).map(
    " ".join
)
any_text = st.one_of(st.text(max_size=2000), news_like)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_extraction_never_fails_and_every_span_is_the_body_s_own_text(text: str):
    analysis = analyse_article(text, "fallback")
    body = analysis.article.body
    for claim in analysis.claims:
        assert 0 <= claim.sentence_start <= claim.span_start < claim.span_end
        assert claim.span_end <= claim.sentence_end <= len(body)
        assert body[claim.sentence_start : claim.sentence_end] == claim.sentence
    for mention in analysis.mentions:
        assert 0 <= mention.start < mention.end <= len(body)
        assert body[mention.start : mention.end] == mention.text
    for sentence in analysis.sentences:
        assert body[sentence.start : sentence.end] == sentence.text


def _unneutralised(cell: str) -> str:
    """A CSV text cell as it was before a spreadsheet-guard quote was put in front."""
    guarded = cell.startswith("'") and cell[1:2] in tuple("=+-@\t\r|\uff1d\uff0b\uff0d\uff20")
    return cell[1:] if guarded else cell


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(news_like, min_size=1, max_size=6))
def test_every_claim_field_survives_import_and_both_exports(paragraphs: list[str]):
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text("A title\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
        library = Library(Path(tmp) / "library.db")
        import_paths(library, [article])
        stored = [{f: getattr(c, f) for f in CLAIM_FIELDS} for c in library.claims()]
        as_jsonl, as_csv = io.StringIO(), io.StringIO()
        export(library, "claims", ClaimFilter(), "jsonl", as_jsonl)
        export(library, "claims", ClaimFilter(), "csv", as_csv)
        library.close()
    lines = [json.loads(line) for line in as_jsonl.getvalue().splitlines()]
    rows = list(csv.DictReader(io.StringIO(as_csv.getvalue())))
    assert len(lines) == len(rows) == len(stored)
    for claim, line, row in zip(stored, lines, rows, strict=True):
        for field, value in claim.items():
            if isinstance(value, float):
                assert line[field] == value and float(row[field]) == value, field
            elif isinstance(value, list):
                assert line[field] == value
                assert _unneutralised(row[field]) == "; ".join(value), field
            elif value is None:
                assert line[field] is None and row[field] == "", field
            elif isinstance(value, int):
                assert line[field] == value and int(row[field]) == value, field
            else:
                assert line[field] == value and _unneutralised(row[field]) == value, field


def _comparable(i: int, draw_hedge: str, low: float | None, width: float | None,
                source: str, date: str | None, unit: str, stance: str, who: str,
                statement: bool) -> Comparable:  # fmt: skip
    high = None if low is None or width is None else low + width
    value = low if draw_hedge == "exact" else None
    return Comparable(
        i, i % 7, source, date, "statement" if statement else "quantity", "12,000 troops",
        0, 0, 6, value=value, low=low, high=high, hedge=draw_hedge, unit=unit,
        attributed_to=who or None, stance=stance if statement else None,
    )  # fmt: skip


_claims = st.lists(
    st.tuples(
        st.sampled_from(["exact", "about", "at_least", "at_most", "up_to", "range"]),
        st.one_of(st.none(), st.sampled_from([100.0, 1000.0, 2500.0, 3000.0, 12000.0])),
        st.one_of(st.none(), st.sampled_from([0.0, 500.0, 4000.0])),
        st.sampled_from(["BBC", "Reuters", "AP"]),
        st.one_of(st.none(), st.sampled_from(["2024-10-01", "2024-10-28", "2024-11-02"])),
        st.sampled_from(["troops", "soldiers"]),
        st.sampled_from(["deny", "not_deny", "confirm", "acknowledge", "said"]),
        st.sampled_from(["", "Kremlin", "Putin", "Seoul", "the Pentagon"]),
        st.booleans(),
    ),
    min_size=2,
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(_claims, st.data())
def test_a_cluster_summarised_in_parts_and_merged_is_the_cluster_summarised_whole(
    drawn: list[tuple], data: st.DataObject
):
    claims = [_comparable(i, *fields) for i, fields in enumerate(drawn, 1)]
    cut = data.draw(st.permutations(claims))
    parts = data.draw(st.integers(1, len(claims) - 1))
    left, right = Summary.of(cut[:parts]), Summary.of(cut[parts:])
    whole = Summary.of(claims)
    assert left.merge(right) == whole == right.merge(left)
    assert Summary.from_json(whole.to_json()) == whole
    # and the group it makes is what the rules say of the claims themselves
    group = group_from("troops|North Korea|Kursk|||", whole, {c.id: c for c in claims}, {})
    claimants = {claimant(c) for c in claims}
    if len(claimants) < 2:
        assert group is None
        return
    assert group is not None and group.sources == len(claimants)
    interval = {c.id: tolerance_interval(c) for c in claims}

    def clash(among: list[Comparable]) -> bool:
        return any(interval[a.id][0] > interval[b.id][1] for a in among for b in among)

    # Figures of one day, or of no known day, are of one time; the first time they clash
    # at decides; figures that clash only across days changed.
    days = sorted({c.date for c in claims if c.date}) or [None]
    times = [[c for c in claims if c.date in (day, None)] for day in days]
    clashing = next((among for among in times if clash(among)), None)
    if clashing is not None:
        assert group.status == "conflict"
        top = max(interval[c.id][0] for c in clashing)
        below = [c for c in clashing if interval[c.id][1] < top]
        assert group.soft == all(c.hedge in ("at_most", "up_to") for c in below)
    else:
        assert group.status == ("changed" if clash(claims) else "agree") and not group.soft
