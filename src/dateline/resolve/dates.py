"""Resolve a date expression against the publication date.

A numbered cascade; the first step that answers wins, and ``explain_date``
says which one did:

1. ``numeric``: "2014-06-13", "06/13/2014" (US order unless the first number
   cannot be a month).
2. ``relative``: a phrase of the relative lexicon ("yesterday", "this week",
   "at the start of the year"), after dropping modifiers ("earlier today").
3. ``ago``: "three days ago".
4. ``weekday``: the news rule. A bare weekday is the most recent such day on
   or before the publication date ("Tuesday" in a Tuesday paper is that day),
   except the day right after it, which is read forward (see
   FORWARD_GRACE_DAYS);
   "last Tuesday" is strictly before, "next Tuesday" strictly after. Written
   by hand because dateparser reads bare weekdays otherwise.
5. ``calendar``: month names and years, parsed by dateparser. Without a year,
   the year is the one that puts the date latest but no more than
   FUTURE_WINDOW_DAYS after publication (news mostly reports the past, and
   dateparser's "past" preference would move "June 25" in a June 24 paper a
   whole year back).
6. ``dateparser``: anything else dateparser reads.

Relative expressions (every step but 1, and 5 without a year) need the
publication date; without it they resolve to (None, None).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser

from dateline.extract.dates import AGO_NUMBERS, YEAR, DateLexicon, default_date_lexicon

# A date without a year may lie this far after publication (announced events:
# "talks on July 1" in a June 24 paper); later than that, it is last year's.
FUTURE_WINDOW_DAYS = 31
PARSER_CACHE_SIZE = 64  # one dateparser parser per publication date
DAYS_PER_WEEK = 7
SATURDAY = 5

ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
SLASH_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")
AGO_RE = re.compile(r"(\w+(?: few)?)\s+(day|week|month|year)s?\s+ago")
WORD_RE = re.compile(r"[a-z]+")
YEAR_RE = re.compile(rf"\b{YEAR}\b")
DATEPARSER_PERIODS = {"day": "day", "time": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True)
class DateResolution:
    """A resolved date, its precision, and the cascade step that answered."""

    date: dt.date | None
    precision: str | None  # day | week | month | year
    step: str | None  # numeric | relative | ago | weekday | calendar | dateparser
    # Mention.date_from: "text" when the words alone fix the date (a full calendar
    # date), "relative" when the publication date was needed.
    date_from: str | None = "relative"


UNRESOLVED = DateResolution(None, None, None, None)


def _month_start(day: dt.date, shift: int) -> dt.date:
    months = day.year * 12 + day.month - 1 + shift
    return dt.date(months // 12, months % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None for impossible ones (29 February in a common year, 13/13)."""
    if not 1 <= month <= 12:
        return None
    next_month = _month_start(dt.date(year, month, 1), 1)
    if not 1 <= day <= (next_month - dt.timedelta(days=1)).day:
        return None
    return dt.date(year, month, day)


def _numeric(text: str) -> DateResolution | None:
    if found := ISO_RE.fullmatch(text):
        year, month, day = map(int, found.groups())
    elif found := SLASH_RE.fullmatch(text):
        first, second, year = map(int, found.groups())
        year += 2000 if year < 100 else 0
        month, day = (first, second) if first <= 12 else (second, first)
    else:
        return None
    date = _safe_date(year, month, day)
    return DateResolution(date, "day", "numeric", "text") if date else UNRESOLVED


def _anchor(rule: Mapping[str, object], published: dt.date) -> dt.date:
    """Apply a relative lexicon rule (see data/dates/relative.jsonl)."""
    anchor, shift = rule["anchor"], int(rule["shift"])
    if anchor == "day":
        return published + dt.timedelta(days=shift)
    if anchor == "week":
        return published + dt.timedelta(weeks=shift)
    if anchor == "weekend":
        since_saturday = (published.weekday() - SATURDAY) % DAYS_PER_WEEK
        return published - dt.timedelta(days=since_saturday) + dt.timedelta(weeks=shift)
    if anchor == "month":
        return _month_start(published, shift)
    if anchor == "month_end":
        return _month_start(published, shift + 1) - dt.timedelta(weeks=1)
    if anchor == "year":
        return dt.date(published.year + shift, 1, 1)
    if anchor == "year_end":
        return dt.date(published.year + shift, 12, 1)
    raise ValueError(f"unknown relative date anchor {anchor!r}")


def _relative(words: list[str], lexicon: DateLexicon, published: dt.date) -> DateResolution | None:
    modifiers = lexicon.of_kind("modifier")
    prepositions = lexicon.of_kind("preposition")
    candidates = [" ".join(words)]
    trimmed = list(words)
    while trimmed and (trimmed[0] in modifiers or trimmed[0] in prepositions):
        trimmed = trimmed[1:]
        candidates.append(" ".join(trimmed))
    for phrase in candidates:
        if rule := lexicon.relative.get(phrase):
            return DateResolution(_anchor(rule, published), str(rule["precision"]), "relative")
    return None


def _ago(text: str, published: dt.date) -> DateResolution | None:
    found = AGO_RE.search(text)
    if not found:
        return None
    amount_text, unit = found.groups()
    amount = int(amount_text) if amount_text.isdigit() else AGO_NUMBERS.get(amount_text)
    if amount is None:
        return None
    if unit == "day":
        return DateResolution(published - dt.timedelta(days=amount), "day", "ago")
    if unit == "week":
        return DateResolution(published - dt.timedelta(weeks=amount), "week", "ago")
    if unit == "month":
        return DateResolution(_month_start(published, -amount), "month", "ago")
    return DateResolution(dt.date(published.year - amount, 1, 1), "year", "ago")


# A bare "Wednesday" in a page dated Tuesday is read as the next day, not six days
# back: pages are updated after their date line was set and wire copy crosses time
# zones, while a reporter naming a day almost a week gone writes "last Wednesday".
FORWARD_GRACE_DAYS = 1


def _weekday(words: list[str], lexicon: DateLexicon, published: dt.date) -> DateResolution | None:
    weekdays = lexicon.of_kind("weekday")
    directions = lexicon.of_kind("direction")
    named = [weekdays[word] for word in words if word in weekdays]
    if len(named) != 1:
        return None
    weekday = int(named[0])
    direction = next((directions[word] for word in words if word in directions), 0)
    back = (published.weekday() - weekday) % DAYS_PER_WEEK
    if direction == -1:
        back = back or DAYS_PER_WEEK  # "last Tuesday" in a Tuesday paper: a week ago
    elif direction == 1:
        ahead = (weekday - published.weekday()) % DAYS_PER_WEEK or DAYS_PER_WEEK
        return DateResolution(published + dt.timedelta(days=ahead), "day", "weekday")
    if back == DAYS_PER_WEEK - FORWARD_GRACE_DAYS:
        return DateResolution(published + dt.timedelta(days=1), "day", "weekday")
    return DateResolution(published - dt.timedelta(days=back), "day", "weekday")


@lru_cache(maxsize=PARSER_CACHE_SIZE)
def _parser(base: dt.date | None) -> DateDataParser:
    settings = {"PREFER_DATES_FROM": "current_period", "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def _year_for(month: int, day: int, published: dt.date, direction: int) -> dt.date | None:
    """The year for a month and day: "last June" before publication, "next June" after it,
    and a plain "June 25" the latest one at most FUTURE_WINDOW_DAYS after publication."""
    years = (published.year + 1, published.year, published.year - 1)
    dates = [date for year in years if (date := _safe_date(year, month, day))]
    if direction > 0:
        return min((date for date in dates if date > published), default=None)
    if direction < 0:
        this_month = published.replace(day=1) if day == 1 else published
        return max((date for date in dates if date < this_month), default=None)
    limit = published + dt.timedelta(days=FUTURE_WINDOW_DAYS)
    return max((date for date in dates if date <= limit), default=None)


def _dateparser(
    text: str, published: dt.date | None, step: str, lexicon: DateLexicon
) -> DateResolution | None:
    modifiers = lexicon.of_kind("modifier")
    directions = lexicon.of_kind("direction")
    words = re.split(r"[\s-]+", text)
    direction = next((directions[word.lower()] for word in words if word.lower() in directions), 0)
    # "mid-June", "last June": the month itself, at month precision; the year comes below.
    words = [
        word for word in words if word.lower() not in modifiers and word.lower() not in directions
    ]
    has_year = bool(YEAR_RE.search(text))
    if published is None and not has_year:
        return UNRESOLVED
    data = _parser(published).get_date_data(" ".join(words))
    if data.date_obj is None:
        return None
    precision = DATEPARSER_PERIODS.get(data.period or "day", "day")
    parsed = data.date_obj.date()
    if precision == "year":
        parsed = dt.date(parsed.year, 1, 1)
    elif precision == "month":
        parsed = parsed.replace(day=1)
    if not has_year and published is not None and precision in ("day", "month"):
        parsed = _year_for(parsed.month, parsed.day, published, int(direction or 0)) or parsed
    return DateResolution(parsed, precision, step, "text" if has_year else "relative")


def explain_date(
    expression: str, published: dt.date | None, *, lexicon: DateLexicon | None = None
) -> DateResolution:
    """Resolve ``expression`` and say which cascade step answered."""
    lex = lexicon or default_date_lexicon()
    text = " ".join(expression.split()).strip(" ,.")
    lower = text.lower()
    if (numeric := _numeric(text)) is not None:
        return numeric
    words = WORD_RE.findall(lower)
    has_month = any(word in lex.of_kind("month") for word in words)
    if published is not None and not has_month:
        steps = (
            lambda: _relative(words, lex, published),
            lambda: _ago(lower, published),
            lambda: _weekday(words, lex, published),
        )
        for step in steps:
            if (resolution := step()) is not None:
                return resolution
    if has_month or YEAR_RE.search(text):
        return _dateparser(text, published, "calendar", lex) or UNRESOLVED
    if published is None:
        return UNRESOLVED
    return _dateparser(text, published, "dateparser", lex) or UNRESOLVED


def resolve_date(expression: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """(date, precision) for ``expression``; precision is day, week, month or year."""
    resolution = explain_date(expression, published)
    return resolution.date, resolution.precision
