"""Publication dates from article header lines.

Only a line that is wholly a date (optionally labelled "Posted", "Updated", ...) and names a
year is read, without dateutil's fuzzy mode: fuzzy parsing turns "1 month ago 4" into a
made-up January 4. Relative dates ("1 month ago") are recognised so they can be kept raw.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil import parser as date_parser

# US and common zones, as offsets in seconds. dateutil knows only UTC/GMT/Z by itself.
TZINFOS: dict[str, int] = {
    "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
    "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
    "AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
    "BST": 3600, "IST": 19800, "CET": 3600, "CEST": 7200, "EET": 7200, "EEST": 10800,
    "MSK": 10800, "KST": 9 * 3600, "JST": 9 * 3600, "AEST": 10 * 3600, "AEDT": 11 * 3600,
    "UTC": 0, "GMT": 0, "Z": 0, "ET": -5 * 3600, "CT": -6 * 3600, "PT": -8 * 3600,
}  # fmt: skip

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_LABEL = re.compile(
    r"^\s*(?:posted|published|updated|last updated|first published|date)\s*(?:on|at)?\s*:?\s*",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DATE_WORDS = re.compile(
    rf"^(?:{_MONTH}|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|a\.?m\.?|p\.?m\.?|at|on|of|the|utc|gmt|z|t)$",
    re.I,
)
RELATIVE_DATE = re.compile(
    r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:second|minute|hour|day|week|month|year)s?\s+ago\b|\b(?:yesterday|today)\b",
    re.I,
)


def parse_date_line(line: str) -> date | None:
    """The date a header line states, if the whole line is a date naming a year."""
    text = _LABEL.sub("", line).strip()
    if not text or len(text) > 60 or not _YEAR.search(text):
        return None
    # Every word must be a number, a month, a weekday, a meridiem or a zone: no prose.
    for word in re.findall(r"[A-Za-z.]+", text):
        if word.strip(".") and not _DATE_WORDS.match(word.strip(".")) and word not in TZINFOS:
            return None
    try:
        parsed = date_parser.parse(text, tzinfos=TZINFOS)
    except (ValueError, OverflowError):
        return None
    return parsed.date()


def relative_date(line: str) -> str | None:
    """The relative-date phrase of a short header line ("1 month ago"), else None."""
    if len(line) > 40:
        return None
    match = RELATIVE_DATE.search(line)
    return match.group(0) if match else None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")), start=1)
    for name in names
}  # fmt: skip
_WEEKDAY_REF = re.compile(rf"\b(?:(?P<last>last)\s+)?(?P<day>{'|'.join(_WEEKDAYS)})\b", re.I)
_DIGIT = re.compile(r"\d")
_DAY_REF = re.compile(r"\b(?P<word>yesterday|today)\b", re.I)
_MONTH_DAY = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH}))"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b",
    re.I,
)


def claim_date(sentence: str, published: date | None) -> date | None:
    """The day a sentence says its claim was made, read backwards from publication.

    "On Thursday" in an article published on Friday 25 October is 24 October; "last
    Friday" is a week before; "October 20" takes the publication's year (or the year
    before, if that would be after publication). Without a publication date, a weekday
    means nothing and the answer is None, never a guess.
    """
    explicit = _MONTH_DAY.search(sentence) if _DIGIT.search(sentence) else None
    if explicit:
        month = _MONTH_NUMBER[(explicit.group("m1") or explicit.group("m2")).lower().rstrip(".")]
        day = int(explicit.group("d1") or explicit.group("d2"))
        year = int(explicit.group("year")) if explicit.group("year") else None
        if year is None and published is not None:
            year = published.year - (1 if (month, day) > (published.month, published.day) else 0)
        try:
            return date(year, month, day) if year else None
        except ValueError:
            return None
    if published is None:
        return None
    relative = _DAY_REF.search(sentence)
    if relative:
        return published - timedelta(days=relative.group("word").lower() == "yesterday")
    weekday = _WEEKDAY_REF.search(sentence)
    if weekday is None:
        return None
    delta = (published.weekday() - _WEEKDAYS.index(weekday.group("day").lower())) % 7
    if delta == 0 and weekday.group("last"):
        delta = 7
    return published - timedelta(days=delta)
