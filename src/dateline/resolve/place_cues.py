"""Words around a place name that say it is not where the sentence's event happened.

The resolver reads a mention's place from the whole sentence when the extractor's spans
name nothing finer than a country, and a sentence names places in other roles: the agent
("intelligence provided by Iran"), the neighbour across a border ("its border with
Iraq"), the addressee ("asked Washington to speed the delivery"), the speaker ("what
Tehran sees as a threat"), the topic ("a meeting about events in Iraq"). Only the text is
at hand there, so these are read from the words next to the name; the cue words are the
``extract/place_cues`` table. A stated distance ("30 miles from Baghdad") says the event
is away from the name: beyond ``NEAR_KM`` only the name's country is vouched for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from dateline.datafiles import read_table
from dateline.records import Span

WINDOW = 60  # characters searched on either side of a name
# "5 km from Mosul" is as good as Mosul; "30 miles of Baghdad" is no longer Baghdad.
NEAR_KM = 25.0
KM_PER_UNIT = {"km": 1.0, "kms": 1.0, "kilometers": 1.0, "kilometres": 1.0, "miles": 1.609,
               "mile": 1.609, "mi": 1.609}  # fmt: skip
_DISTANCE_BEFORE = re.compile(
    r"(\d+(?:[.,]\d+)?)?\s*-?\s*(?<![A-Za-z])(km|kms|kilometers|kilometres|miles|mile|mi)\s+"
    r"(?:\w+\s+)?(?:of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A preposition of place before a name makes it a place whatever it also does.
PLACE_BEFORE = re.compile(r"\b(?:in|at|to|into|inside|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)
# "towards the capital Baghdad", "by the city of Mosul": a place noun between cue and name.
_PLACE_NOUN = r"(?:(?:capital|city|town|village|province|region|country)\s+(?:of\s+)?)?"
_AUXILIARIES = r"(?:(?:has|have|had|is|was|will|would|also|now|\w+ly)\s+)?"


def _alternation(phrases: Iterable[str]) -> str:
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(words before a name, words after it) that take it out of the event's place."""
    rows = read_table("extract", "place_cues")
    before = [p for row in rows for p in row.get("before", ())]
    after = [w for row in rows for w in row.get("after", ())]
    alternatives = [rf"\b(?:{_alternation(before)})"]
    for row in rows:
        if "nouns" in row:
            alternatives.append(
                rf"\b(?:{_alternation(row['prepositions'])})\s+(?:the\s+)?"
                rf"(?:{_alternation(row['nouns'])})\s+(?:{_alternation(row['links'])})"
            )
    before_pattern = re.compile(
        rf"(?:{'|'.join(alternatives)})\s+(?:the\s+)?{_PLACE_NOUN}$", re.IGNORECASE
    )
    after_pattern = re.compile(rf"^\s+{_AUXILIARIES}(?:{_alternation(after)})\b", re.IGNORECASE)
    return before_pattern, after_pattern


def in_other_role(text: str, span: Span) -> bool:
    """The words next to the name make it an agent, addressee, speaker, neighbour or topic."""
    before_pattern, after_pattern = _patterns()
    before = text[max(0, span.start - WINDOW) : span.start]
    if before_pattern.search(before):
        return True
    after = text[span.end : span.end + WINDOW]
    return bool(after_pattern.match(after)) and not PLACE_BEFORE.search(before)


def distance_before(text: str, span: Span) -> float | None:
    """The distance in km written before the name ("30 miles from"), 0.0 when no figure
    is given ("miles from"), None when there is no distance."""
    match = _DISTANCE_BEFORE.search(text[max(0, span.start - WINDOW) : span.start])
    if match is None:
        return None
    figure = match.group(1)
    if figure is None:
        return 0.0
    return float(figure.replace(",", "")) * KM_PER_UNIT[match.group(2).lower()]
