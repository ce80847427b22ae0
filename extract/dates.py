"""Publication dates from article header lines.

Only a line that is wholly a date and names a year is read, without dateutil's fuzzy mode:
fuzzy parsing turns "1 month ago 4" into a made-up January 4. A date line may carry what
real pages print around the date: labels ("Published on", "Updated", "Written:"), "at",
a city or zone in parentheses ("(Paris)"), "|" separators, and a second date ("Written: X
Updated: Y": the published one is read). Every other word must be a date word, so prose is
never read as a date. A line that names no day for sure is a date line without a day:
"2025-04" (month precision: never 1 April), "10/01/2025" (day and month either way round,
read only when the caller knows the page's order). Relative dates ("1 month ago") are
recognised so they can be kept raw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal, NamedTuple

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
_WEEKDAY = (
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
# Labels before a date. Those of an update mark a later date than the publication's.
_LABEL_WORDS = (
    r"first published|published|posted|written|created|dated|date"
    r"|last updated|updated|last modified|modified|edited|revised"
)
_UPDATE_LABEL = re.compile(r"(?:last )?(?:updated|modified)|edited|revised", re.I)
_LABEL = re.compile(
    rf"(?<![A-Za-z])(?P<label>{_LABEL_WORDS})(?![A-Za-z])(?:\s*(?:on|at)\b)?\s*:?", re.I
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DATE_WORDS = re.compile(
    rf"^(?:{_MONTH}|{_WEEKDAY}|a\.?m\.?|p\.?m\.?|at|on|of|the|utc|gmt|z|t|h|st|nd|rd|th)$",
    re.I,
)
_CALENDAR_WORD = re.compile(rf"\b{_MONTH}(?![A-Za-z])", re.I)
# A city or zone the time is given in: "(Paris)", "(local time)", "(GMT+3)".
_PLACE_OR_ZONE = re.compile(
    r"\(\s*(?:[A-Za-z][A-Za-z.'-]*(?:\s+[A-Za-z][A-Za-z.'-]*){0,2}"
    r"|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?)\s*\)",
    re.I,
)
_SEPARATORS = re.compile(r"\s*(?:[|·•]|\s[–—]\s)\s*")
_NUMERIC_DATE = re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?:19|20)\d{2}\b")
# Numbers laid out as a date: "2025-04", "2024/10/28", "10.01.2025", or a year alone.
_NUMERIC_SHAPE = re.compile(
    r"\b(?:19|20)\d{2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}\b"
    r"|^(?:19|20)\d{2}(?:\s|$)"
)
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2}|h\d{2})\b|\b\d{1,2}\s*[ap]\.?m\b", re.I)
_TWO_DEFAULTS = (datetime(2000, 1, 1), datetime(2000, 2, 2))  # a field left out shows
RELATIVE_DATE = re.compile(
    r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:second|minute|hour|day|week|month|year)s?\s+ago\b|\b(?:yesterday|today)\b",
    re.I,
)
# How every date line begins: a number, a bracket, a month, a weekday, a label or a zone.
# Most prose fails this at its first word, before the whole line is looked at.
_OPENING = re.compile(
    rf"^[\W_]*(?:\d|\(|(?:{_MONTH}|{_WEEKDAY}|{_LABEL_WORDS}|at|on|the"
    rf"|{'|'.join(TZINFOS)})(?![A-Za-z]))",
    re.I,
)
MAX_DATE_CHARS = 60  # one date with its time and zone; a longer run of words is prose


# How much of a date a line names: a "day" with its year; "either", a numeric day and month
# that could be either way round ("10/01/2025"); a "month" or a "year" without the day; a
# day or month with "no year" ("August 2"); a "time" alone ("02:55").
Precision = Literal["day", "either", "month", "year", "no year", "time"]


@dataclass(frozen=True)
class DateLine:
    """What a header line that is wholly a date says."""

    precision: Precision
    day: date | None = None  # only with the precision "day"

    @property
    def has_year(self) -> bool:
        return self.precision in ("day", "either", "month", "year")


def _segments(text: str) -> list[tuple[str | None, str]]:
    """The line cut at each label: (label or None, the text after it)."""
    marks = list(_LABEL.finditer(text))
    if not marks:
        return [(None, text)]
    segments: list[tuple[str | None, str]] = []
    if text[: marks[0].start()].strip(" ,;|·•–—"):
        segments.append((None, text[: marks[0].start()]))
    for mark, after in zip(marks, [*marks[1:], None], strict=True):
        end = after.start() if after else len(text)
        segments.append((mark.group("label"), text[mark.end() : end]))
    return segments


def _only_date_words(text: str) -> bool:
    """Every word is a number, a month, a weekday, a meridiem or a zone: no prose."""
    for word in re.findall(r"[A-Za-z.]+", text):
        bare = word.strip(".")
        if bare and not _DATE_WORDS.match(bare) and bare not in TZINFOS:
            return False
    return True


def _unplace(match: re.Match[str]) -> str:
    inside = match.group(0)[1:-1]  # "(September 18)" is a date in brackets, kept
    return f" {inside} " if _CALENDAR_WORD.search(inside) else " "


def _clean(text: str) -> str:
    """A date's own words: without a city or zone in brackets, separators or brackets."""
    text = _PLACE_OR_ZONE.sub(_unplace, text)
    text = _SEPARATORS.sub(" ", f" {text} ").replace("(", " ").replace(")", " ")
    return re.sub(r"\s+", " ", text).strip(" ,;:")


def read_date_line(line: str, dayfirst: bool | None = None) -> DateLine | None:
    """What a header line says as a date, or None if it is not wholly a date.

    `dayfirst` is the page's order of numeric dates, when known: True for "10/01/2025" as
    10 January, False for 1 October; None reads such a date as no day at all.
    """
    if len(line) > 3 * MAX_DATE_CHARS or not _OPENING.match(line):
        return None
    segments = [(label, _clean(text)) for label, text in _segments(line)]
    if not all(_only_date_words(text) for _, text in segments):
        return None
    stated = [(label, text) for label, text in segments if text.strip(". ")]
    if not stated:
        return None
    # The publication's date if the line gives one, else its first date.
    text = next(
        (t for label, t in stated if label is None or not _UPDATE_LABEL.fullmatch(label)),
        stated[0][1],
    )
    if len(text) > MAX_DATE_CHARS:
        return None
    month = bool(_CALENDAR_WORD.search(text))
    if not _YEAR.search(text):  # a time, or a day without its year: no absolute date
        if month:
            return DateLine("no year")
        return DateLine("time") if _CLOCK.search(text) else None
    if not (month or _NUMERIC_SHAPE.search(text)):
        return None  # a year among other numbers is not a date
    numeric = _NUMERIC_DATE.search(text)
    if numeric is None:
        dayfirst = False  # only numeric day-month dates have an order to know
    else:
        first, second = int(numeric.group("a")), int(numeric.group("b"))
        if first > 12 and second <= 12:
            dayfirst = True
        elif second > 12 and first <= 12:
            dayfirst = False
        elif first != second and dayfirst is None:
            return DateLine("either")
    try:
        early, late = (
            date_parser.parse(text, default=default, dayfirst=bool(dayfirst), tzinfos=TZINFOS)
            for default in _TWO_DEFAULTS
        )
    except (ValueError, OverflowError):
        return None
    if early.month != late.month:
        return DateLine("year")  # "2025": never 1 January
    if early.day != late.day:
        return DateLine("month")  # "2025-04", "April 2025": never 1 April
    return DateLine("day", early.date())


# Country domains whose pages write numeric dates day first (10/01/2025 is 10 January).
# Left out: generic ones used worldwide (.co .io .tv .me .ai), the United States, Canada
# and the Philippines (month first or mixed), and countries that write the year first.
_DAY_FIRST_DOMAINS = frozenset(
    "uk ie fr be lu nl de at ch it es pt gr mt cy dk no fi is pl cz sk si hr rs ba mk al ro bg"
    " md ua by ru ge am az kz tr il lb jo eg ma dz tn sa ae qa kw bh om pk in bd lk np au nz"
    " za ng ke gh ug tz zw br ar cl pe uy py bo ve mx id my sg th vn".split()
)
_URL_HOST = re.compile(r"^\s*<?[a-z][a-z0-9+.-]*://([^/?#\s>]+)", re.I)
_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+(?P<tld>[a-z]{2,})(?![\w.])", re.I)


def numeric_date_order(page: str, *names: str | None) -> bool | None:
    """Whether the page writes numeric dates day first (True) or month first (False).

    The page says so by its own unambiguous numeric dates ("13/01/2025" is day first,
    "01/13/2025" month first), if they all agree; else an outlet or URL of a day-first
    country's domain (lemonde.fr, bbc.co.uk) is day first. None when nothing says: an
    ambiguous date then names no day.
    """
    orders = set()
    for match in _NUMERIC_DATE.finditer(page):
        first, second = int(match.group("a")), int(match.group("b"))
        if 31 >= first > 12 >= second:
            orders.add(True)
        elif 31 >= second > 12 >= first:
            orders.add(False)
    if len(orders) == 1:
        return orders.pop()
    if orders:
        return None  # the page itself is mixed
    for name in names:
        host = _URL_HOST.match(name or "")  # a URL's host, not the words of its path
        for domain in _DOMAIN.finditer(host.group(1) if host else name or ""):
            if domain.group("tld").lower() in _DAY_FIRST_DOMAINS:
                return True
    return None


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
# What a sentence must hold, lower-cased, to name a month or a day by its word: a cheap
# search before the patterns, which ignore case and are ten times slower.
_ANY_MONTH = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
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
    lowered = sentence.lower()
    explicit = None
    if _DIGIT.search(sentence) and _ANY_MONTH.search(lowered):
        explicit = _MONTH_DAY.search(sentence)
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
    if published is None or "day" not in lowered:  # "today", "yesterday", "Monday"...
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


class DayNamed(NamedTuple):
    """A day a sentence names, where it names it: "on January 31", "on Tuesday", "on the
    31st". The year is None where neither the text nor a reference day gives it."""

    start: int
    end: int
    month: int
    day: int
    year: int | None

    def iso(self) -> str:
        """YYYY-MM-DD, or --MM-DD without a year (ISO 8601's form for a day of any year)."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.year else (
            f"--{self.month:02d}-{self.day:02d}")  # fmt: skip


_NTH_DAY = re.compile(
    rf"\bon\s+the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{_MONTH})", re.I
)


def days_named(text: str, reference: date | None) -> list[DayNamed]:
    """Every day a text names, in order, read backwards from `reference` (its publication,
    else the day its article is about) as claim_date reads them: "October 20" takes the
    reference's year; "Tuesday" and "yesterday" are days before it (none without one); "on
    the 31st" is in the month named last before it, else the reference's."""
    found: list[DayNamed] = []
    lowered = text.lower()
    if _DIGIT.search(text):
        for m in _MONTH_DAY.finditer(text) if _ANY_MONTH.search(lowered) else ():
            month = _MONTH_NUMBER[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
            day = int(m.group("d1") or m.group("d2"))
            year = int(m.group("year")) if m.group("year") else None
            if year is None and reference is not None:
                year = reference.year - ((month, day) > (reference.month, reference.day))
            if _real_day(year, month, day):
                found.append(DayNamed(m.start(), m.end(), month, day, year))
        for m in _NTH_DAY.finditer(text) if "the" in lowered else ():
            before = [d for d in found if d.end <= m.start()]
            month = before[-1].month if before else reference.month if reference else 0
            year = before[-1].year if before else reference.year if reference else None
            if month and _real_day(year, month, int(m.group("d"))):
                found.append(DayNamed(m.start(), m.end(), month, int(m.group("d")), year))
    if reference is not None and "day" in lowered:
        for m in _DAY_REF.finditer(text):
            then = reference - timedelta(days=m.group("word").lower() == "yesterday")
            found.append(DayNamed(m.start(), m.end(), then.month, then.day, then.year))
        for m in _WEEKDAY_REF.finditer(text):
            delta = (reference.weekday() - _WEEKDAYS.index(m.group("day").lower())) % 7
            if delta == 0 and m.group("last"):
                delta = 7
            then = reference - timedelta(days=delta)
            if not any(0 <= d.start - m.end() <= 3 for d in found):  # "Tuesday, March 7"
                found.append(DayNamed(m.start(), m.end(), then.month, then.day, then.year))
    return sorted(found)


def _real_day(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)  # 2000: a leap year, so 29 February stands
    except ValueError:
        return False
    return True
