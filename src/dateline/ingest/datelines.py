"""The publication date a page states on a date line near its top.

"June 24, 2014" at the end of the first line, "June 12, 2014 1:05 p.m. ET" on a
line of its own, "Submitted by NAME on 06/13/2014 08:09 -0400", or a wire
dateline opening the story ("KIRKUK, Iraq, June 12, 2014 (Reuters) - Gunmen
..."), which also names the outlet. A date inside a sentence is an event date,
not a publication date, so only dates that start or end a line, fill most of a
short line, or sit in a wire dateline count.

Written with regular expressions rather than dateparser.search: that finds
dates anywhere in prose, which is exactly what a date line must not do.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# How many non-blank lines from the top may hold the date line.
HEAD_LINES = 6
# Words besides the date and its time that a date line may carry ("Submitted by X on").
MAX_OTHER_CHARS = 40

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_DATES = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b"),
)
# A time and zone after the date: "1:05 p.m. ET", "08:09 -0400", "– 17:49", "10:00 GMT".
_TIME = re.compile(
    r"^[\s,–—-]*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:[A-Z]{2,4}|[+-]\d{4}|UTC[+-]?\d*)?\s*$",
    re.I,
)


# A wire dateline: a city in capitals, maybe its country, the date, maybe the outlet in
# brackets, then a dash before the story.
_WIRE = re.compile(
    r"^\s*[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.'\- ]{1,30})?(?:,|\s[-–—]+)\s*"
    r"(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})\s*"
    r"(?:\((?P<outlet>[^()\n]{2,40})\)\s*)?[-–—]+\s"
)


@dataclass(frozen=True)
class WireDateline:
    date: dt.date
    outlet: str | None
    story_start: int  # where the story begins on the line, after the dash


def wire_dateline(line: str) -> WireDateline | None:
    """The date and outlet of a wire dateline opening ``line``, or None."""
    head = _WIRE.match(line)
    if head is None:
        return None
    for pattern in _DATES:
        match = pattern.fullmatch(head.group("date"))
        date = _to_date(match) if match else None
        if date is not None:
            return WireDateline(date, head.group("outlet"), head.end())
    return None


def _to_date(match: re.Match[str]) -> dt.date | None:
    month = match.group("month")
    number = int(month) if month.isdigit() else _MONTHS[month.lower()]
    day, year = int(match.group("day")), int(match.group("year"))
    if number > 12 >= day:  # 13/06/2014: day first
        number, day = day, number
    try:
        return dt.date(year, number, day)
    except ValueError:  # 31 February and the like: not a date
        return None


def _is_date_line(line: str, match: re.Match[str]) -> bool:
    before = line[: match.start()].strip()
    after = line[match.end() :]
    after = "" if _TIME.match(after) else after.strip()
    return not before or not after or len(before) + len(after) <= MAX_OTHER_CHARS


def date_on_line(line: str) -> dt.date | None:
    """The date ``line`` states as a date line, or None."""
    for pattern in _DATES:
        for match in pattern.finditer(line):
            if _is_date_line(line, match):
                date = _to_date(match)
                if date is not None:
                    return date
    return None


def strip_dateline(line: str) -> str:
    """``line`` without the date (and time) that makes it a date line."""
    for pattern in _DATES:
        for match in pattern.finditer(line):
            if _is_date_line(line, match) and _to_date(match) is not None:
                after = line[match.end() :]
                after = "" if _TIME.match(after) else after
                return (line[: match.start()] + after).strip(" \t,|·•–—-")
    return line


def find_dateline(text: str, *, head_lines: int = HEAD_LINES) -> dt.date | None:
    """The first date line among the first ``head_lines`` non-blank lines of ``text``."""
    for line in _head(text, head_lines):
        wire = wire_dateline(line)
        date = wire.date if wire else date_on_line(line)
        if date is not None:
            return date
    return None


def find_wire_outlet(text: str, *, head_lines: int = HEAD_LINES) -> str | None:
    """The outlet a wire dateline near the top names ("(Reuters) -"), or None."""
    for line in _head(text, head_lines):
        wire = wire_dateline(line)
        if wire is not None:
            return wire.outlet
    return None


def _head(text: str, head_lines: int) -> list[str]:
    return [line for line in text.splitlines() if line.strip()][:head_lines]
