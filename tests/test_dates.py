"""Date lines as real pages print them, read without ever reading prose as a date."""

from __future__ import annotations

from datetime import date

import pytest

from extract.dates import numeric_date_order, read_date_line


def parse_date_line(line: str, dayfirst: bool | None = None) -> date | None:
    """The day a line names for sure, if it is wholly a date."""
    read = read_date_line(line, dayfirst)
    return read.day if read else None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the shapes of issue 18
        ("Published on March 7, 2023, at 8:25 pm (Paris)", date(2023, 3, 7)),
        ("Updated 18 September 2024", date(2024, 9, 18)),
        ("Sep 18, 2024 3:14 PM", date(2024, 9, 18)),
        ("2024-12-16 | 02:55", date(2024, 12, 16)),
        ("December 23, 2024 | 11:39 PM", date(2024, 12, 23)),
        ("Written: 2024-10-30 08:29:06", date(2024, 10, 30)),
        # line 2 of the development set's files, as printed
        (
            "Published on March 7, 2023, at 8:25 pm (Paris), updated on March 7, 2023, at 9:44 pm",
            date(2023, 3, 7),
        ),
        ("2023-03-07", date(2023, 3, 7)),
        ("2024-11-10", date(2024, 11, 10)),
        # the bundled articles' lines
        ("Posted Oct 16, 2024 9:11 AM CDT", date(2024, 10, 16)),
        ("4:57 PM EDT, October 25, 2024", date(2024, 10, 25)),
        # labels, ordinals, zones and separators pages put around a date
        ("Published: Monday 28 October 2024 10:02 BST", date(2024, 10, 28)),
        ("Last updated on: March 7th, 2023", date(2023, 3, 7)),
        ("Posted at 14h30, 18 September 2024 (local time)", date(2024, 9, 18)),
        ("18 September 2024 · 3:14 PM (GMT+3)", date(2024, 9, 18)),
        ("Friday, October 25, 2024 — 4:57 PM", date(2024, 10, 25)),
        ("Tue, 10 Dec 2024 14:33:00 GMT", date(2024, 12, 10)),
    ],
)
def test_printed_date_lines_are_read(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Written: 2024-10-30 08:29:06Updated: 2024-11-02 10:00:00",
        "Written: 2024-10-30 08:29:06Updated: ...",
        "Published 30 October 2024 | Updated 2 November 2024",
        "Updated: Nov 2, 2024 Published: Oct 30, 2024",  # the update printed first
        "Oct 30, 2024 (updated Nov 2, 2024)",
    ],
)
def test_of_two_dates_on_a_line_the_publication_is_read(line):
    assert parse_date_line(line) == date(2024, 10, 30)


@pytest.mark.parametrize(
    "line",
    [
        "1 month ago 4",  # fuzzy parsing made it a January 4
        "On Monday, officials said",
        "Putin and Kim Jong Un",
        "May 2024 was the hottest month",
        "Published on Tuesday, the report said 2024 was a record",
        "Written by Jane Doe on 30 October 2024",
        "March 7 (UPI) -- Striking French workers brought widespread disruption",
        "Strike of March 7: 3.5 million demonstrators in France",
        "1,200 2024",
        "12,000",
        "(no date in stored copy)",
        "Updated",
    ],
)
def test_prose_and_numbers_are_never_a_date(line):
    assert parse_date_line(line) is None
    read = read_date_line(line)
    assert read is None or read.day is None


@pytest.mark.parametrize("line", ["10/01/2025", "Updated: 10/01/2025 14:33", "10.01.2025"])
def test_a_numeric_day_and_month_either_way_round_names_no_day_unless_the_order_is_known(line):
    assert read_date_line(line).precision == "either"
    assert parse_date_line(line) is None  # never a guess
    assert parse_date_line(line, dayfirst=True) == date(2025, 1, 10)
    assert parse_date_line(line, dayfirst=False) == date(2025, 10, 1)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("13/01/2025", date(2025, 1, 13)),  # no month 13: day first whatever the page
        ("01/13/2025", date(2025, 1, 13)),
        ("05/05/2025", date(2025, 5, 5)),  # the same either way round
        ("2025/01/10", date(2025, 1, 10)),  # year first is year, month, day
        ("2024-10-11", date(2024, 10, 11)),  # ISO is never read day first
    ],
)
def test_numeric_dates_that_say_their_order_are_read(line, expected):
    assert parse_date_line(line) == expected
    assert parse_date_line(line, dayfirst=True) == expected


@pytest.mark.parametrize(
    ("line", "precision"),
    [
        ("2025-04", "month"),
        ("April 2025", "month"),
        ("Updated: April 2025", "month"),
        ("2025", "year"),
        ("August 2", "no year"),  # TASS's dateline: a date without a year is not absolute
        ("Wednesday (September 18)", "no year"),
        ("02:55", "time"),
        ("11:39 PM", "time"),
    ],
)
def test_a_date_without_its_day_or_year_keeps_its_precision_and_names_no_day(line, precision):
    read = read_date_line(line)
    assert (read.precision, read.day) == (precision, None)  # "2025-04" is never 1 April


@pytest.mark.parametrize(
    ("page", "names", "expected"),
    [
        ("Filed 13/01/2025 and revised 20/01/2025.", (), True),
        ("Filed 01/13/2025.", (), False),
        ("Filed 13/01/2025 and 01/20/2025.", (), None),  # the page contradicts itself
        ("", ("https://www.lemonde.fr/en/international/article/2025/01/10/x.html",), True),
        ("", ("https://www.bbc.co.uk/news/world-123",), True),
        ("", ("The Hindu (thehindu.com; Associated Press)", "https://www.thehindu.in/x"), True),
        ("", ("ABC News (abc.net.au)",), True),
        ("", ("https://tass.ru/world/1824803",), True),
        ("", ("https://www.upi.com/Top_News/2023/03/07/x.in/",), None),  # a path is no domain
        ("", ("The Hill (thehill.com)", None), None),
        ("", (), None),
        ("Filed 01/13/2025.", ("https://www.lemonde.fr/x",), False),  # the page says first
    ],
)
def test_the_order_of_numeric_dates_comes_from_the_page_then_the_outlet(page, names, expected):
    assert numeric_date_order(page, *names) is expected
