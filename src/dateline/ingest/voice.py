"""Tell a reader's voice from reporting, to find comments that follow an article unmarked.

Reporting is third person and attributed ("officials said"); comments speak in
first and second person, exclaim, insult and ask rhetorical questions. Quoted
speech is left out of the count: news quotes people saying "we".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.ingest.lexicon import Lexicon

OPENING_QUOTES = "“«„"
CLOSING_QUOTES = "”»"
STRAIGHT_QUOTE = '"'

# A unit speaks as a reader when its comment cues reach this weight and outweigh its
# reporting cues: one "we" or one "!" outside quotes is enough on its own.
COMMENT_MIN_SCORE = 1.0

# Calibrated on seed 003 (11 comment lines, 7 of them with clear cues) and checked on
# 1,033 BBC/Reuters articles of timeline17, none of which it cuts: the article must keep
# this much text, be nearly free of comment voice, and what follows must be mostly
# comment-voiced and more than a stray closing line.
MIN_ARTICLE_CHARS = 200
MAX_ARTICLE_COMMENT_SHARE = 0.2
MIN_REST_COMMENT_SHARE = 0.5
MIN_REST_UNITS = 2

_LINE = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True)
class Unit:
    """One non-blank line of a page, with its offsets and voice."""

    start: int
    end: int
    comment: float
    news: float

    @property
    def is_comment(self) -> bool:
        return self.comment >= COMMENT_MIN_SCORE and self.comment > self.news


def outside_quotes(text: str) -> str:
    """``text`` with quoted stretches blanked out (same length).

    Curly quotes open and close; a straight quote toggles, so mixed pairs like
    “...," still close. A quote left open runs to the end, as news does when a
    quotation goes on into the next paragraph.
    """
    inside = False
    kept = []
    for char in text:
        if char in OPENING_QUOTES:
            inside = True
        elif char in CLOSING_QUOTES:
            inside = False
        elif char == STRAIGHT_QUOTE:
            inside = not inside
        kept.append(" " if inside else char)
    return "".join(kept)


def _weight(lexicon: Lexicon, kind: str, text: str) -> float:
    return sum(s.weight * len(s.regex.findall(text)) for s in lexicon.of_kind(kind))


def score_units(text: str, lexicon: Lexicon) -> list[Unit]:
    """Every non-blank line of ``text`` with its comment and reporting scores."""
    units = []
    for match in _LINE.finditer(text):
        line = match.group()
        units.append(
            Unit(
                start=match.start(),
                end=match.end(),
                comment=_weight(lexicon, "comment", outside_quotes(line)),
                news=_weight(lexicon, "news", line),
            )
        )
    return units


def comment_share(units: Sequence[Unit]) -> float:
    """The share of ``units`` that speak as a reader (0 for none)."""
    return sum(u.is_comment for u in units) / len(units) if units else 0.0


def voice_cut(text: str, lexicon: Lexicon) -> int | None:
    """Where comments start in ``text`` by change of voice, or None if they don't.

    The cut is the first comment-voiced line from which the rest is mostly
    comment-voiced, with a reporting-voiced article before it.
    """
    units = score_units(text, lexicon)
    voiced = [0]  # voiced[k]: comment-voiced units among the first k
    for unit in units:
        voiced.append(voiced[-1] + unit.is_comment)
    total = len(units)
    for k in range(1, total - MIN_REST_UNITS + 1):
        if not units[k].is_comment or units[k - 1].end < MIN_ARTICLE_CHARS:
            continue
        head_share = voiced[k] / k
        rest_share = (voiced[total] - voiced[k]) / (total - k)
        if head_share <= MAX_ARTICLE_COMMENT_SHARE and rest_share >= MIN_REST_COMMENT_SHARE:
            return units[k].start
    return None
