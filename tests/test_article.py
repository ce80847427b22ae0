"""Article metadata and body from the messy bundled pages."""

from __future__ import annotations

from datetime import date

import pytest

from extract import parse_article
from extract.dates import claim_date, parse_date_line, relative_date
from extract.sentences import split_sentences
from tests.conftest import ARTICLES, analyse


def test_bundled_articles_are_the_seeds_byte_for_byte():
    assert [p.name[:3] for p in ARTICLES] == ["000", "001", "002", "003", "004"]


def test_posted_line_is_the_publication_date_with_its_zone():
    article = analyse("004").article
    assert article.published == date(2024, 10, 16)
    assert article.published_raw == "Posted Oct 16, 2024 9:11 AM CDT"


def test_time_first_date_line_is_read():
    assert analyse("002").article.published == date(2024, 10, 25)


def test_relative_date_stays_unknown_and_is_kept_raw():
    article = analyse("000").article
    assert article.published is None
    assert article.published_raw == "1 month ago"


def test_dates_inside_the_text_never_become_the_publication_date():
    # 001 mentions "June" and 003 "Monday"/"Tuesday", but neither carries a date line.
    assert analyse("001").article.published is None
    assert analyse("003").article.published is None


def test_fuzzy_dates_are_not_invented():
    assert parse_date_line("1 month ago 4") is None
    assert parse_date_line("On Monday, officials said") is None
    assert parse_date_line("Putin and Kim Jong Un") is None
    assert relative_date("1 month ago 4") == "1 month ago"


def test_byline_gives_author_and_outlet():
    article = analyse("004").article
    assert article.author == "Kate Seamons"
    assert article.source == "Newser"


def test_source_falls_back_to_the_file_name():
    assert analyse("001").article.source == "001_ec78e54377f6148f"


def test_source_header_line_wins():
    article = parse_article("Source: Reuters\nTroops arrive\n\nAbout 500 troops arrived.", "f")
    assert article.source == "Reuters"
    assert article.title == "Troops arrive"


def test_page_chrome_is_removed_from_the_body():
    body = analyse("004").article.body
    for chrome in ("Tap to install", "1. Tap in your navigation bar", "Get the news faster",
                   "Install the Newser News app", "(More North Korea stories.)"):  # fmt: skip
        assert chrome not in body
    assert "Read Entire Article" not in analyse("000").article.body
    assert "\nimage\n" not in analyse("001").article.body


def test_repeated_title_is_not_part_of_the_body():
    article = analyse("001").article
    assert article.title == "North Korean Troops Deployed to Assist Russia in Ukraine"
    assert article.title not in article.body


def test_sentences_carry_offsets_into_the_body():
    body = analyse("003").article.body
    sentences = split_sentences(body)
    assert all(body[s.start : s.end] == s.text for s in sentences)
    texts = [s.text for s in sentences]
    assert (
        "They are training for combat with Ukrainian forces at five military bases, it said."
        in texts
    )


def test_abbreviations_do_not_end_sentences():
    texts = [s.text for s in split_sentences("Mr. Miller met U.S. officials. They left.")]
    assert texts == ["Mr. Miller met U.S. officials.", "They left."]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("On Thursday, media reported 2,000 soldiers", date(2024, 10, 25), date(2024, 10, 24)),
        ("Officials said on Friday that 500 left", date(2024, 10, 25), date(2024, 10, 25)),
        ("Officials said last Friday that 500 left", date(2024, 10, 25), date(2024, 10, 18)),
        ("In a Sunday night video message, he said", date(2024, 10, 16), date(2024, 10, 13)),
        ("Yesterday the ministry said 40 died", date(2024, 10, 16), date(2024, 10, 15)),
        ("On October 20 the agency said", date(2024, 10, 25), date(2024, 10, 20)),
        ("On December 30 the agency said", date(2025, 1, 5), date(2024, 12, 30)),
        ("On Monday a spokesperson said", None, None),
        ("The agency said 500 left", date(2024, 10, 25), None),
    ],
)
def test_claim_dates_are_read_backwards_from_publication(sentence, published, expected):
    assert claim_date(sentence, published) == expected


def test_a_claim_dated_by_its_weekday():
    claim = next(c for c in analyse("002").claims if c.value == 2000)
    assert claim.said_on == date(2024, 10, 24)  # "On Thursday", published Friday 25 October


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: Monday 28 October 2024 10:02 BST", date(2024, 10, 28)),
        ("2024-10-28T10:00:00Z", date(2024, 10, 28)),
        ("28 October 2024", date(2024, 10, 28)),
        ("Updated October 28, 2024, 6:15 a.m. ET", date(2024, 10, 28)),
        ("10/28/2024", date(2024, 10, 28)),
    ],
)
def test_common_date_lines(line, expected):
    assert parse_date_line(line) == expected
