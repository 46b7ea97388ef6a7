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

# Calibrated on seed 003 (11 comment lines, 7 of them with clear cues), on timeline17's
# BBC and Reuters pages (real threads and call-outs after the report) and on the news
# of GeoWebNews and TR-News (no threads): the article must keep this much text and be
# nearly free of reader voice; what follows must be mostly reader-voiced, with at least
# two such lines, so one "you" in a closing paragraph does not cut a report.
MIN_ARTICLE_CHARS = 200
MAX_ARTICLE_COMMENT_SHARE = 0.2
MIN_REST_COMMENT_SHARE = 0.5
MIN_REST_COMMENT_UNITS = 2
# How many unmarked lines an unclosed quotation may run over.
MAX_QUOTED_LINES = 3

_LINE = re.compile(r"[^\n]*\S[^\n]*")
_FIRST_QUOTE = re.compile("[" + OPENING_QUOTES + CLOSING_QUOTES + STRAIGHT_QUOTE + "]")
_CLOSES_BEFORE = re.compile(r"[,.!?…]\s*\"$")
# After a closing quote: the end, punctuation, a lower-case word ("he said"), or a
# name and an attribution verb ("Putin said").
_CLOSES_AFTER = re.compile(
    r"\s*(?:$|[a-z]|[,.;:]|(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|told|added|asked|wrote)\b)"
)


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


def _opens_inside(text: str) -> bool:
    """Whether ``text`` starts inside a quotation opened on an earlier line.

    True when its first quote mark closes one: a closing curly quote, or an odd
    straight quote right after sentence punctuation and before a lower-case word
    (``world," shouted one student``).
    """
    first = _FIRST_QUOTE.search(text)
    if first is None:
        return False
    if first.group() in CLOSING_QUOTES:
        return True
    if first.group() in OPENING_QUOTES or text.count(STRAIGHT_QUOTE) % 2 == 0:
        return False
    return bool(_CLOSES_BEFORE.search(text, 0, first.start() + 1)) and bool(
        _CLOSES_AFTER.match(text, first.end())
    )


def _scan(text: str, inside: bool) -> tuple[str, bool]:
    """``text`` with quoted stretches blanked, and whether it ends inside a quotation."""
    kept = []
    for char in text:
        if char in OPENING_QUOTES:
            inside = True
        elif char in CLOSING_QUOTES:
            inside = False
        elif char == STRAIGHT_QUOTE:
            inside = not inside
        kept.append(" " if inside else char)
    return "".join(kept), inside


def outside_quotes(text: str) -> str:
    """``text`` with quoted stretches blanked out (same length).

    Curly quotes open and close; a straight quote toggles, so mixed pairs like
    “...," still close. A quote left open runs to the end, as news does when a
    quotation goes on into the next paragraph, and one closed before it opens
    started on an earlier line.
    """
    return _scan(text, _opens_inside(text))[0]


def _weight(lexicon: Lexicon, kind: str, text: str) -> float:
    return sum(s.weight * len(s.regex.findall(text)) for s in lexicon.of_kind(kind))


def score_units(text: str, lexicon: Lexicon) -> list[Unit]:
    """Every non-blank line of ``text`` with its comment and reporting scores.

    A few lines with no quote marks after a line that ends inside a quotation are
    quoted too: pages with one sentence a line split long quotations.
    """
    units = []
    carried = 0  # lines the open quotation may still run over
    for match in _LINE.finditer(text):
        line = match.group()
        if _FIRST_QUOTE.search(line) is None:
            unquoted = " " * len(line) if carried else line
            carried = max(carried - 1, 0)
        else:
            unquoted, open_at_end = _scan(line, _opens_inside(line))
            carried = MAX_QUOTED_LINES if open_at_end else 0
        units.append(
            Unit(
                start=match.start(),
                end=match.end(),
                comment=_weight(lexicon, "comment", unquoted),
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
    for k in range(1, total):
        if not units[k].is_comment or units[k - 1].end < MIN_ARTICLE_CHARS:
            continue
        rest_voiced = voiced[total] - voiced[k]
        if rest_voiced < MIN_REST_COMMENT_UNITS:
            return None  # no later cut can have more reader-voiced lines after it
        head_share = voiced[k] / k
        rest_share = rest_voiced / (total - k)
        if head_share <= MAX_ARTICLE_COMMENT_SHARE and rest_share >= MIN_REST_COMMENT_SHARE:
            return units[k].start
    return None
