"""Re-posted articles inside comment threads.

Readers paste whole reports from elsewhere into a thread. Such a block is kept
as a comment marked ``is_repost`` (never the page's own reporting), so copies can
be linked to their originals. A block is a re-post when it carries a marker
(an aggregator byline, a wire dateline), or when it is long, attributed, and
free of a reader's voice.
"""

from __future__ import annotations

import datetime as dt

from dateline.ingest.datelines import date_on_line
from dateline.ingest.lexicon import Lexicon
from dateline.ingest.voice import comment_share, score_units

# Calibrated on the seeds' threads: pasted reports run from about 700 characters up,
# while long rants carry first-person or insult cues in at least a third of their lines.
REPOST_MIN_CHARS = 500
REPOST_MAX_COMMENT_SHARE = 0.2
REPOST_MIN_NEWS_WEIGHT = 2.0
# How many lines from a block's top may hold its marker or date line.
REPOST_HEAD_LINES = 4


def _head(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()][:REPOST_HEAD_LINES]


def marker_line(text: str, lexicon: Lexicon) -> int | None:
    """Index among the non-blank lines of ``text`` of a re-post marker, or None."""
    for index, line in enumerate(line.strip() for line in text.splitlines() if line.strip()):
        if lexicon.first_match("repost", line):
            return index
    return None


def is_repost(text: str, lexicon: Lexicon) -> bool:
    """Whether ``text`` (one comment) re-posts an article."""
    if any(lexicon.first_match("repost", line) for line in _head(text)):
        return True
    if len(text) < REPOST_MIN_CHARS:
        return False
    units = score_units(text, lexicon)
    news = sum(u.news for u in units)
    return comment_share(units) <= REPOST_MAX_COMMENT_SHARE and news >= REPOST_MIN_NEWS_WEIGHT


def repost_date(text: str) -> dt.date | None:
    """The date line near the top of a re-post, if it has one."""
    for line in _head(text):
        date = date_on_line(line)
        if date is not None:
            return date
    return None
