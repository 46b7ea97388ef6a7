"""What reconciliation compares about one mention, computed once per mention."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.lex_attrs import like_num
from spacy.lang.en.stop_words import STOP_WORDS

from dateline.reconcile.lexicon import Lexicon
from dateline.records import Actor, Count, Mention

# Place precisions that name one spot on the map; coarser ones only bound an area.
FINE_PRECISIONS = frozenset({"site", "town", "near"})
# Modalities that report something happening (or said to have happened); the rest are
# plans, threats and hypotheses, which are never the same event as the deed itself.
REALIS_MODALITIES = frozenset({"asserted", "claimed", "denied", "past", "uncertain"})
# A date that only comes from the publication date says "on or before": the event may
# have happened this many days earlier (news of the last week).
PUBLISHED_LAG_DAYS = 7
# A day resolved from a relative expression ("Tuesday", "overnight", "yesterday") may be
# one off: late-night events, time zones, a report read a day after it was written.
RELATIVE_SLACK_DAYS = 1
WEEK_DAYS = 7
_WORD = re.compile(r"[a-z0-9]+")
_FIGURE = re.compile(r"\b(?:\d[\d,]*\d|\d)\b|\b[a-z]+\b")
# A counted plural followed by the names it counts: "two towns, Saadiyah and Jalawla",
# "two towns (Saadiyah and Jalawla)", "two towns including Saadiyah".
_NAMES_FOLLOW = re.compile(r"\s*(?:[,:(\u2014\u2013-]|including|namely)\s*[A-Z]")
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")
# A shared quotation this long is someone's words repeated, not a common name or slogan.
MIN_QUOTE_WORDS = 3
_NO_QUOTES: frozenset[str] = frozenset()
_DOTTED_CAPITAL_I = "\u0130"
# Four-digit figures in this range are years, which say nothing about the event.
YEARS = range(1900, 2101)
NUMBER_WORD_CACHE = 1 << 16
_UNTELLING = frozenset({"0", "1", "zero", "one"})
_MIN_TOKEN = 3


@dataclass(frozen=True, slots=True)
class View:
    """A mention reduced to the fields that decide merges."""

    index: int  # position in canonical order
    doc: str
    sentence: int  # start offset of the sentence in its document
    trigger: int  # start offset of the trigger in its document
    attribution: tuple[int, int] | None  # who the sentence says told it (document offsets)
    sequence: tuple[int, ...]  # offsets of connectives telling two events ("after")
    inclusion: tuple[int, ...]  # offsets of connectives making one event part of another
    root: str  # the original of ``doc`` when ``doc`` is a copy: one independent source
    family: str
    type: str
    mode: str | None  # its group: "aerial" and "drone" are both "air"
    territorial: bool
    summary: bool  # a territorial report counting a plural of places ("took two towns")
    counted: bool  # its type's reports state how many (see Lexicon.counted_types)
    state_doer: bool  # a state's government and military are one doer (Lexicon.state_doer_types)
    realis: bool
    lo: int | None  # earliest possible date (ordinal)
    hi: int | None  # latest possible date (ordinal)
    day: int | None  # the day (ordinal) the text tells, not one guessed from publication
    country: str | None
    admin1: str | None
    point: tuple[float, float] | None  # only for fine places
    geonameid: int | None
    actor1: Actor | None
    actor2: Actor | None
    killed: Count | None
    tokens: frozenset[str]
    numbers: frozenset[str]  # figures in the sentence other than years
    quotes: frozenset[str]  # quotations in the sentence, as lower-case words


def build_view(
    index: int, mention: Mention, *, lexicon: Lexicon, duplicates: Mapping[str, str]
) -> View:
    """The comparable view of ``mention``."""
    lo, hi = date_interval(mention)
    place = mention.place
    attribution = mention.attribution
    fine = place is not None and place.precision in FINE_PRECISIONS and place.lat is not None
    territorial = is_territorial(mention, lexicon=lexicon)
    return View(
        index=index,
        doc=mention.doc_id,
        sentence=mention.sentence.start,
        trigger=mention.trigger.start,
        attribution=(attribution.start, attribution.end) if attribution else None,
        sequence=cue_marks(mention, lexicon.sequence_cues),
        inclusion=cue_marks(mention, lexicon.inclusion_cues),
        root=root_of(mention.doc_id, duplicates),
        family=lexicon.family(mention.type),
        type=mention.type,
        mode=lexicon.mode_group(mention.mode),
        territorial=territorial,
        summary=territorial and counts_places(mention, lexicon=lexicon),
        counted=mention.type in lexicon.counted_types,
        state_doer=mention.type in lexicon.state_doer_types,
        realis=mention.modality in REALIS_MODALITIES,
        lo=lo,
        hi=hi,
        day=told_day(mention),
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        point=(place.lat, place.lon) if fine else None,
        geonameid=place.geonameid if fine else None,
        actor1=mention.actor1_entity,
        actor2=mention.actor2_entity,
        killed=mention.killed,
        tokens=content_tokens(mention.sentence.text),
        numbers=figures(mention.sentence.text),
        quotes=quotations(mention.sentence.text),
    )


def root_of(doc_id: str, duplicates: Mapping[str, str]) -> str:
    """Follow copy -> original links to the first report (chains are short; cycles stop)."""
    seen = {doc_id}
    while doc_id in duplicates and duplicates[doc_id] not in seen:
        doc_id = duplicates[doc_id]
        seen.add(doc_id)
    return doc_id


def cue_marks(mention: Mention, cues: re.Pattern[str]) -> tuple[int, ...]:
    """Document offsets of the sentence's connectives that ``cues`` matches (lower case)."""
    start = mention.sentence.start
    # Lower-casing keeps offsets once the one letter it expands (dotted capital I) is
    # replaced; matching lower-case text is twice as fast as a case-blind pattern.
    text = mention.sentence.text.replace(_DOTTED_CAPITAL_I, "I").lower()
    return tuple(start + m.start() for m in cues.finditer(text))


def counts_places(mention: Mention, *, lexicon: Lexicon) -> bool:
    """Whether the words next to the event word count a plural of places ("seized two more
    towns", "several villages fell") without naming them ("two towns, Saadiyah and
    Jalawla" tells each): a summary of several places taken."""
    sentence, trigger = mention.sentence, mention.trigger
    text = sentence.text.replace(_DOTTED_CAPITAL_I, "I")
    cut, end = trigger.start - sentence.start, trigger.end - sentence.start
    counted = lexicon.summary_after.search(text[end:].lower())
    if counted is not None:
        return not _NAMES_FOLLOW.match(text, end + counted.end())
    return lexicon.summary_before.search(text[:cut].lower()) is not None


def is_territorial(mention: Mention, *, lexicon: Lexicon) -> bool:
    """Whether the event is a place taken or lost (so its place defines it)."""
    return (
        mention.mode in lexicon.territorial_modes
        or mention.acled_sub_event_type in lexicon.territorial_sub_events
    )


def date_interval(mention: Mention) -> tuple[int | None, int | None]:
    """The days (as ordinals) the mention's date allows, from its precision."""
    date = mention.date
    if date is None:
        return None, None
    precision = mention.date_precision or "day"
    if precision == "year":
        return dt.date(date.year, 1, 1).toordinal(), dt.date(date.year, 12, 31).toordinal()
    if precision == "month":
        last = calendar.monthrange(date.year, date.month)[1]
        first = date.replace(day=1).toordinal()
        return first, date.replace(day=last).toordinal()
    if precision == "week":
        return date.toordinal(), date.toordinal() + WEEK_DAYS - 1
    day = date.toordinal()
    if mention.date_from == "published":
        return day - PUBLISHED_LAG_DAYS, day
    if mention.date_from == "relative":
        return day - RELATIVE_SLACK_DAYS, day + RELATIVE_SLACK_DAYS
    return day, day


def told_day(mention: Mention) -> int | None:
    """The day the text gives (absolute or relative), as an ordinal; else ``None``."""
    exact = mention.date_precision in (None, "day") and mention.date_from != "published"
    return mention.date.toordinal() if exact and mention.date is not None else None


def figures(text: str) -> frozenset[str]:
    """Numbers written in the sentence ("2,000" as "2000", "two" as itself).

    Years and "one" are left out: they say nothing about which event it is.
    """
    found = set()
    for word in _FIGURE.findall(text.lower()):
        if word[0].isdigit():
            year = "," not in word and len(word) == len("2014") and int(word) in YEARS
            if not year:
                found.add(word.replace(",", ""))
        elif _number_word(word):
            found.add(word)
    return frozenset(found - _UNTELLING)


def quotations(text: str) -> frozenset[str]:
    """Quoted passages of at least ``MIN_QUOTE_WORDS`` words, lower-cased, words only."""
    found = set()
    for passage in _QUOTED.findall(text):
        words = _WORD.findall(passage.lower())
        if len(words) >= MIN_QUOTE_WORDS:
            found.add(" ".join(words))
    return frozenset(found) if found else _NO_QUOTES


@lru_cache(maxsize=NUMBER_WORD_CACHE)
def _number_word(word: str) -> bool:
    return like_num(word)  # cached: spaCy's test is slow and news reuses few words


def content_tokens(text: str) -> frozenset[str]:
    """Content words and numbers of a sentence, plurals and possessives folded.

    Hand-written rather than a spaCy pass: reconciliation runs over millions of stored
    mentions and needs only a bag of words, not parses.
    """
    tokens = set()
    for word in _WORD.findall(text.lower().replace("'s ", " ").replace("\u2019s ", " ")):
        if len(word) >= _MIN_TOKEN and word not in STOP_WORDS:
            tokens.add(word[:-1] if word.endswith("s") and len(word) > _MIN_TOKEN else word)
        elif _number_word(word):  # "two", "57": shared figures are telling
            tokens.add(word)
    return frozenset(tokens)
