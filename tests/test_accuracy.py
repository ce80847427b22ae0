"""The accuracy bar of issue 3, measured against the hand annotations of the bundled story."""

from __future__ import annotations

from bench.accuracy import run


def test_extraction_meets_the_bar_on_the_annotated_articles():
    score = run()
    assert score.recall >= 0.95 and score.precision >= 0.95, score.misses
    for field in ("value", "hedge", "unit", "attribution"):
        assert score.field(field) >= 0.90, (field, score.misses)
    assert score.statements_right == score.statements_gold, score.misses
    assert score.dates_right == score.dates, score.misses
    assert score.groups_joined == score.groups, score.misses
    assert score.wrong_joins == []
