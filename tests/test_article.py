"""Article metadata and body from the messy bundled pages."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from itertools import permutations
from pathlib import Path

import pytest

from extract import analyse_article, parse_article
from extract.dates import DateLine, claim_date, read_date_line, relative_date
from extract.sentences import split_sentences
from tests.conftest import ARTICLES, analyse

DEVSET = Path(__file__).resolve().parent.parent.parent / "shared" / "devset"


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
    assert read_date_line("1 month ago 4") is None
    assert read_date_line("On Monday, officials said") is None
    assert read_date_line("Putin and Kim Jong Un") is None
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
    assert read_date_line(line) == DateLine("day", expected)


# ---- the header, whatever its shape (issue 18) -------------------------------------------

STORY = (
    "About 500 troops arrived in Kursk on Monday, officials said.\n\n"
    "They were joined by 1,200 more on Tuesday."
)
HEADER = {
    "date": "2024-12-16 | 02:55",
    "source": "Source: Wire Today (AFP)",
    "url": "URL: https://news.example.com/view.php?Seq_Code=188765",
    "byline": "By Jane Doe",
}


@pytest.mark.parametrize("order", list(permutations(HEADER)))
def test_header_lines_are_read_in_any_order(order):
    raw = "Troops arrive\n" + "\n".join(HEADER[key] for key in order) + "\n\n" + STORY
    article = parse_article(raw, "a_file_name")
    assert (article.title, article.source, article.author) == (
        "Troops arrive", "Wire Today (AFP)", "Jane Doe"
    )  # fmt: skip
    assert article.url == "https://news.example.com/view.php?Seq_Code=188765"
    assert (article.published, article.published_raw) == (date(2024, 12, 16), HEADER["date"])
    assert article.body == STORY


@pytest.mark.parametrize(
    "line",
    [
        "(no date in stored copy)",
        "Written: 2024-10-30 08:29:06Updated: 2024-10-30 09:12:44",
        "2024-12-16 | 02:55",
        "December 23, 2024 | 11:39 PM",
        "02:55",
        "11:39 PM",
        "Wednesday (September 18)",
        "Updated:",
        "[Updated]",
        "1 month ago",
        "2025-04",
        "10/01/2025",
    ],
)
def test_a_date_line_of_any_shape_never_ends_the_header(line):
    raw = f"Troops arrive\n{line}\nSource: Wire Today\nURL: https://wire.example/a?id=188765\n\n"
    article = parse_article(raw + STORY, "a_file_name")
    assert (article.source, article.url) == ("Wire Today", "https://wire.example/a?id=188765")
    assert article.body == STORY


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Written: 2024-10-30 08:29:06Updated: 2024-10-30 09:12:44", date(2024, 10, 30)),
        (
            "Published on March 7, 2023, at 8:25 pm (Paris), updated on March 7, 2023, at 9:44 pm",
            date(2023, 3, 7),
        ),
        ("(no date in stored copy)", None),
        ("2025-04", None),
    ],
)
def test_the_header_date_is_the_publication_date(line, published):
    article = parse_article(f"Troops arrive\n{line}\nSource: Wire Today\n\n{STORY}")
    assert article.published == published


def test_a_month_keeps_its_precision_and_never_becomes_its_first_day():
    article = parse_article(f"Troops arrive\n2025-04\nSource: Wire Today\n\n{STORY}")
    assert (article.published, article.published_raw) == (None, "2025-04")
    labelled = parse_article(f"Troops arrive\nPublished: April 2025\n\n{STORY}")
    assert (labelled.published, labelled.published_raw) == (None, "April 2025")


def test_a_note_in_brackets_is_not_kept_as_the_date():
    article = parse_article(f"Troops arrive\n(no date in stored copy)\n\n{STORY}")
    assert (article.published, article.published_raw) == (None, None)


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("Source: Le Monde\nURL: https://www.lemonde.fr/en/a.html", date(2025, 1, 10)),
        ("Source: The Times (thetimes.co.uk)", date(2025, 1, 10)),
        ("URL: https://www.newindianexpress.in/world/2025/a", date(2025, 1, 10)),
        ("Source: Wire Today\nURL: https://wire.example.com/a", None),  # nothing says: unknown
        ("Source: Wire Today", None),
    ],
)
def test_a_day_first_date_is_read_only_where_the_outlet_is_day_first(header, published):
    article = parse_article(f"Troops arrive\n10/01/2025\n{header}\n\n{STORY}")
    assert (article.published, article.published_raw) == (published, "10/01/2025")


def test_a_day_first_date_is_read_where_the_page_writes_its_other_dates_day_first():
    later = "\n\nThe next convoy came on 13/01/2025, officials said."
    article = parse_article(f"Troops arrive\n10/01/2025\nSource: Wire\n\n{STORY}{later}")
    assert article.published == date(2025, 1, 10)
    month_first = later.replace("13/01/2025", "01/13/2025")
    article = parse_article(f"Troops arrive\n10/01/2025\nSource: Wire\n\n{STORY}{month_first}")
    assert article.published == date(2025, 10, 1)


def test_a_url_is_metadata_and_never_a_claim():
    raw = (
        "Troops arrive\nhttps://news.example.com/view.php?Seq_Code=188765\nSource: Wire\n\n"
        f"{STORY}\n\n<https://example.org/p/109149>\n\nwww.example.net/2024/10/30/445566"
    )
    analysis = analyse_article(raw, "a_file_name")
    assert analysis.article.url == "https://news.example.com/view.php?Seq_Code=188765"
    assert analysis.article.body == STORY
    assert sorted(c.value for c in analysis.claims if c.value is not None) == [500, 1200]


def test_header_fields_below_a_standfirst_never_reach_the_body():
    raw = "Troops arrive\nA standfirst that sums the story up\nSource: Wire\nURL: https://w.example/1\n\n"
    article = parse_article(raw + STORY)
    assert (article.source, article.url) == ("Wire", "https://w.example/1")
    assert article.body == "A standfirst that sums the story up\n\n" + STORY


# The bundled articles as they parsed before the header was rewritten (issue 18): title,
# source, author, published, published_raw, url, paragraphs, the body's first words and
# the SHA-256 of the body.
BUNDLED_METADATA = {
    "000": ("Ukraine War Update: Thousands of North Koreans Flood Into Russia",
            "000_6d373b0096c8278b", None, None, "1 month ago", None, 15,
            "North Koreans have been flooding into Russia, data", "c22075a051f9ad8e"),
    "001": ("North Korean Troops Deployed to Assist Russia in Ukraine", "001_ec78e54377f6148f",
            None, None, None, None, 10, "NATO Secretary General Mark Rutte confirmed on Mon",
            "9b5c2b329d2f32c9"),
    "002": ("North Korean soldiers bolster Russian forces in Ukraine conflict",
            "002_0d673e60a079814f", None, date(2024, 10, 25), "4:57 PM EDT, October 25, 2024",
            None, 10, "Bloomberg reported on Friday, citing access to Sou", "e5acffb21ab299de"),
    "003": ("Number of North Korean soldiers in Russia now exceeds 10,000, says South",
            "003_feda9370fe4f8f00", None, None, None, None, 21,
            "The number of North Korean soldiers deployed in th", "4df1ef37b86c9f06"),
    "004": ("North Korea May Be Providing Russia With Soldiers", "Newser", "Kate Seamons",
            date(2024, 10, 16), "Posted Oct 16, 2024 9:11 AM CDT", None, 8,
            "Ukrainian intelligence suggests country has gone b", "cafe9b8ec40c5b49"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(BUNDLED_METADATA))
def test_the_bundled_articles_parse_as_they_always_have(name):
    a = analyse(name).article
    got = (a.title, a.source, a.author, a.published, a.published_raw, a.url,
           len(a.body.split("\n\n")), a.body[:50],
           hashlib.sha256(a.body.encode()).hexdigest()[:16])  # fmt: skip
    assert got == BUNDLED_METADATA[name]


def _devset_files() -> list[Path]:
    return sorted(DEVSET.glob("*/*.txt")) if DEVSET.is_dir() else []


@pytest.mark.skipif(not DEVSET.is_dir(), reason=f"no development set at {DEVSET}")
@pytest.mark.parametrize("path", _devset_files(), ids=lambda p: f"{p.parent.name}/{p.name[:2]}")
def test_every_development_set_header_is_read(path):
    # The set's format: headline, date as printed, "Source: ...", "URL: ...", blank, paragraphs.
    lines = path.read_text(encoding="utf-8").split("\n")
    gold = json.loads((DEVSET / f"{path.parent.name}.gold.json").read_text(encoding="utf-8"))
    want = gold["articles"][path.name.split("_")[0]]["published"]
    article = parse_article("\n".join(lines), path.stem)
    assert article.title == lines[0]
    assert article.source == lines[2].removeprefix("Source: ")
    assert article.url == lines[3].removeprefix("URL: ")
    assert (article.published.isoformat() if article.published else None) == want
    assert article.body.split("\n\n")[0] == lines[5].strip()
    assert not any(line in article.body for line in lines[1:4])
