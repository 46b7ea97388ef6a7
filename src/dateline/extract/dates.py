"""Date expressions in a sentence: "Tuesday", "late Tuesday", "June 24", "overnight".

Regular expressions built from the calendar and relative-phrase lexicons
(``data/dates``). A regex pass is enough here: date expressions are short, have
few shapes, and this runs on every sentence. Month names must be capitalised
("May" the month, not "may" the verb); a bare month or year needs a
preposition before it ("in June", "since 2003") so that "March" the noun or
"2000 troops" are not taken for dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from dateline.extract.lexicon import load_rows
from dateline.records import Span

DAY_NUMBER = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]|20)\d\d"
ISO_DATE = r"\b\d{4}-\d{1,2}-\d{1,2}\b"
SLASH_DATE = r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"
# Small amounts spelled out in "three days ago"; "a few" and "several" read as 3.
AGO_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 3, "several": 3,
}  # fmt: skip
NUMBER_WORDS = "|".join([r"\d+", *sorted(AGO_NUMBERS, key=len, reverse=True)])
LOOK_BACK = 24  # characters searched for the word before a bare month or year
AGO = rf"\b(?:{NUMBER_WORDS})\s+(?:day|week|month|year)s?\s+ago\b"


@dataclass(frozen=True, eq=False)  # identity hash: compiled patterns are cached per lexicon
class DateLexicon:
    """Calendar words by kind, and relative phrases with their resolution rule."""

    words: Mapping[str, Mapping[str, int | None]]  # kind -> word -> value
    relative: Mapping[str, Mapping[str, object]]  # phrase -> {anchor, shift, precision}

    def of_kind(self, kind: str) -> Mapping[str, int | None]:
        return self.words.get(kind, MappingProxyType({}))


def load_date_lexicon(*, extra_dirs: Sequence[str | Path] = ()) -> DateLexicon:
    """The packaged date tables plus the user's own (see ``dateline.extract.lexicon``)."""
    words: dict[str, dict[str, int | None]] = {}
    relative: dict[str, Mapping[str, object]] = {}
    for row in load_rows("dates", "relative", extra_dirs=extra_dirs):
        rule = {key: row[key] for key in ("anchor", "shift", "precision")}
        relative[row["phrase"].lower()] = MappingProxyType(rule)
    for row in load_rows("dates", "calendar", extra_dirs=extra_dirs):
        words.setdefault(row["kind"], {})[row["word"].lower()] = row.get("value")
    return DateLexicon(
        words=MappingProxyType({kind: MappingProxyType(table) for kind, table in words.items()}),
        relative=MappingProxyType(relative),
    )


@cache
def default_date_lexicon() -> DateLexicon:
    return load_date_lexicon()


def _alternation(words: Iterable[str], *, capitalised: bool = False) -> str:
    ordered = sorted(words, key=len, reverse=True)  # longest first: "sept" before "sep"
    if capitalised:
        ordered = [word.capitalize() for word in ordered] + [word.upper() for word in ordered]
    return "(?:" + "|".join(re.escape(word) for word in ordered) + ")"


@dataclass(frozen=True)
class _Patterns:
    anywhere: tuple[re.Pattern[str], ...]  # match wherever they occur
    after_preposition: tuple[re.Pattern[str], ...]  # bare month or year: need "in", "since"
    prepositions: frozenset[str]


@cache
def _patterns(lexicon: DateLexicon) -> _Patterns:
    month = _alternation(lexicon.of_kind("month"), capitalised=True) + r"\.?"
    weekday = "(?i:" + _alternation(lexicon.of_kind("weekday")) + ")"
    modifier = "(?i:" + _alternation(lexicon.of_kind("modifier")) + ")"
    direction = "(?i:" + _alternation(lexicon.of_kind("direction")) + ")"
    daypart = "(?i:" + _alternation(lexicon.of_kind("daypart")) + ")"
    month_day = rf"{month}\s+{DAY_NUMBER}\b(?:,?\s+{YEAR}\b)?"
    day_month = rf"\b{DAY_NUMBER}\s+(?:of\s+)?{month}(?:,?\s+{YEAR}\b)?"
    relative = _alternation(lexicon.relative)
    anywhere = (
        ISO_DATE,
        SLASH_DATE,
        rf"\b(?:(?:{modifier}|{direction})\s+)?{weekday}\b(?:\s+{daypart}\b)?"
        rf"(?:,?\s+(?:{month_day}|{day_month}))?",
        rf"\b(?:{modifier}[\s-])?{month_day}",
        day_month,
        rf"(?i:\b(?:{modifier}\s+)?{relative}\b)",
        rf"(?i:{AGO})",
    )
    after_preposition = (
        rf"\b(?:{modifier}[\s-]|{direction}\s+)?{month}(?:,?\s+{YEAR})?\b",
        rf"\b{YEAR}\b(?![-–/]\d)",
    )
    return _Patterns(
        anywhere=tuple(re.compile(pattern) for pattern in anywhere),
        after_preposition=tuple(re.compile(pattern) for pattern in after_preposition),
        prepositions=frozenset(lexicon.of_kind("preposition"))
        | frozenset(lexicon.of_kind("modifier")),
    )


def _stands_alone(text: str) -> bool:
    """ "June 2014", "mid-June", "last June" are dates wherever they stand."""
    return " " in text or "-" in text


def _preceding_word(sentence: str, start: int) -> str:
    words = sentence[max(0, start - LOOK_BACK) : start].split()
    return words[-1].lower().rstrip("-") if words else ""


def find_date_expressions(
    sentence: str, offset: int, *, lexicon: DateLexicon | None = None
) -> list[Span]:
    """Date expressions ("Tuesday", "late Tuesday", "June 24", "overnight") in ``sentence``."""
    patterns = _patterns(lexicon or default_date_lexicon())
    found = [
        (match.start(), match.end())
        for pattern in patterns.anywhere
        for match in pattern.finditer(sentence)
    ]
    for pattern in patterns.after_preposition:
        found.extend(
            (match.start(), match.end())
            for match in pattern.finditer(sentence)
            if _stands_alone(match.group())
            or _preceding_word(sentence, match.start()) in patterns.prepositions
        )
    spans: list[Span] = []
    last_end = -1
    # Earliest first, and of two starting together the longer; overlaps are dropped.
    for start, end in sorted(found, key=lambda pair: (pair[0], -pair[1])):
        if start >= last_end:
            spans.append(Span(sentence[start:end], offset + start, offset + end))
            last_end = end
    return spans
