"""Resolve the spans of each mention: actors to Actors, places to a Place, dates to a date.

A mention's place is the finest of its own place spans (the extractor's), else of the
places its sentence names (gazetteer matches the model missed), leaving out names that
are the actors themselves ("Tehran said"). With none, the article's country focus stands
in at country precision and ``Place.fallback`` says so: a country is far better than none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from dateline.antecedents import antecedent as antecedent_of
from dateline.antecedents import first_tellings
from dateline.datafiles import read_table
from dateline.records import PRECISIONS, Document, Mention, Place, Span
from dateline.resolve import dates, place_cues
from dateline.resolve.actors import knowledge_base, people_named, rank_groups, resolve_actor
from dateline.resolve.context import ResolveContext, build_context
from dateline.resolve.focus import ANCHOR_PRECISIONS, place_context
from dateline.resolve.matcher import find_places, place_at
from dateline.resolve.places import country_place
from dateline.resolve.translit import name_key

FALLBACK_NO_PLACE = "no place named in the sentence: the article's country focus"
FALLBACK_OWN_MEETING = "no place named for a meeting of one country's own body: that country"
# A meeting with no partner named and no place is held in the convening country.
OWN_MEETING_TYPES = frozenset({"CONSULT"})
FALLBACK_STORY_TOWN = "no place named in the sentence: the only town the story places events in"
# Only a state's own bodies meet at home; rebels named by country meet anywhere.
STATE_SECTORS = frozenset({"GOV", "MIL"})
ATTACK_TYPE = "ASSAULT"
FALLBACK_UNKNOWN = "place names not in the gazetteer ({names}): the article's country focus"
# A possessive country ("Iran's Revolutionary Guard") qualifies an actor, not a location.
POSSESSIVE_PENALTY = 0.5
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
_PLACE_BEFORE = place_cues.PLACE_BEFORE
# What a possessive owns: up to four words, up to a function word or punctuation.
_POSSESSED = re.compile(
    r"['’]s(?:\s+(?!(?:on|in|at|of|to|for|from|with|and|or|but|by|as|that|which|who|after|"
    r"before|near|into|is|are|was|were|has|have|had|said|says)\b)[A-Za-z-]+){1,4}"
)
# A country named alone as the doer of these is its armed forces ("Iran positioned troops"),
# and so it is when the means are military ("Iran promised to bomb rebel forces").
MILITARY_EVENT_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
MILITARY_MODES = frozenset({"aerial", "artillery", "drone", "deploy", "invade", "siege"})
# "5 km from Mosul" is near Mosul: ranked below plain names (farther is Mosul's country).
DISTANCE_PENALTY = 2.0
SHARE_WINDOW = 40  # characters before a name searched for "most of"
# A date expression with a month name or a year is read from the text; others are relative.
_ABSOLUTE_DATE = re.compile(
    r"\b(?:\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE
)


def base_context(doc: Document) -> ResolveContext:
    """What the text says outright: countries named, provinces named, groups, date."""
    return build_context(
        doc.text,
        published=doc.published,
        groups=rank_groups(doc.text),
        people=people_named(doc.text),
    )


def document_context(doc: Document) -> ResolveContext:
    """The resolve context of a document, refined by the places the gazetteer finds in it
    (country focus, provinces, nearby towns: see ``focus``)."""
    context = base_context(doc)
    found = find_places(doc.text, context=context, blocked=not_place_keys())
    return place_context(doc.text, context, found)


@cache
def not_place_keys() -> frozenset[str]:
    """Name keys of people (and each word of their names) and groups: never places alone."""
    kb = knowledge_base()
    names = [alias for row in kb.groups.values() for alias in (row["name"], *row["aliases"])]
    names += [acronym for row in kb.groups.values() for acronym in row.get("acronyms", ())]
    for row in kb.people.values():
        for alias in (row["name"], *row["aliases"]):
            names += [alias, *alias.split()]
    keys = {name_key(name) for name in names}
    return frozenset(key for key in keys if len(key) >= MIN_BLOCKED_LENGTH)


MIN_BLOCKED_LENGTH = 3


def resolve_mentions(doc: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """Each mention with its actors, place and date resolved; ``mentions`` are all of
    ``doc``'s, so a back-reference can take its antecedent's place and date."""
    context = document_context(doc)
    resolved = []
    for mention in mentions:
        date, precision, date_from = mention_date(mention, doc.published)
        on = date or doc.published
        military = mention.type in MILITARY_EVENT_TYPES or mention.mode in MILITARY_MODES
        doer_sector = "MIL" if military else "GOV"
        with_actors = replace(
            mention,
            actor1_entity=_actor(doc.text, mention.actor1, on, context, doer_sector),
            actor2_entity=_actor(doc.text, mention.actor2, on, context, "GOV"),
        )
        resolved.append(
            replace(
                with_actors,
                place=mention_place(doc.text, with_actors, context),
                date=date,
                date_precision=precision,
                date_from=date_from,
            )
        )
    return _with_story_town(_with_antecedents(resolved))


def _with_antecedents(mentions: list[Mention]) -> list[Mention]:
    """A back-reference ("six people were killed" after the bombing) took place where and
    when its antecedent did, unless it names a place or a date of its own."""
    told = first_tellings(mentions)
    resolved = []
    for mention in mentions:
        found = antecedent_of(mention, told)
        antecedent = None if found is None else mentions[found]
        if antecedent is not None and not mention.places:
            mention = replace(mention, place=antecedent.place)
        if antecedent is not None and mention.date_expr is None:
            mention = replace(
                mention,
                date=antecedent.date,
                date_precision=antecedent.date_precision,
                date_from=antecedent.date_from,
            )
        resolved.append(mention)
    return resolved


def _with_story_town(mentions: list[Mention]) -> list[Mention]:
    """A local story places all its events in one town ("an air strike tore through a
    market in Al-Qa'im ... two jets circled the market"): a mention whose sentence names
    no place takes that town rather than the country, saying so in its fallback. With
    two or more towns placed, nothing is guessed."""
    towns = {
        m.place.geonameid or m.place.name: m.place
        for m in mentions
        if m.place is not None and m.place.fallback is None
        and m.place.precision in ANCHOR_PRECISIONS
    }  # fmt: skip
    if len(towns) != 1:
        return mentions
    [town] = towns.values()
    story_town = replace(town, fallback=FALLBACK_STORY_TOWN)
    return [replace(m, place=story_town) if _placed_by_no_words(m) else m for m in mentions]


def _placed_by_no_words(mention: Mention) -> bool:
    return mention.place is not None and mention.place.fallback == FALLBACK_NO_PLACE


def _actor(text: str, span: Span | None, on, context: ResolveContext, default_sector: str):
    if span is None:
        return None
    phrase = _with_possessed(text, span)
    return resolve_actor(
        phrase, on=on, context=context, default_sector=default_sector, at=span.start
    )


def _with_possessed(text: str, span: Span) -> str:
    """A possessive span read with what it owns: "Iraq" in "Iraq's largest air bases" is
    the phrase "Iraq's largest air bases", whose head noun gives the sector."""
    match = _POSSESSED.match(text, span.end)
    return span.text + match.group(0) if match else span.text


def mention_place(text: str, mention: Mention, context: ResolveContext) -> Place | None:
    """The finest place the mention's sentence names, else the article's country."""
    found: list[tuple[Span, Place]] = []
    unknown = []
    for span in mention.places:
        resolved = place_at(text, span, context=context, blocked=not_place_keys())
        if resolved is None:
            unknown.append(span.text)
        else:
            found.append(resolved)
    actors = [span for span in _actor_spans(mention) if span is not None]
    found = [(span, place) for span, place in found if not _names_actor(text, span, actors)]
    # The extractor's spans are this mention's own places (one town each for "Saadiyah
    # and Jalawla had fallen"); other names in the sentence only stand in when those
    # give nothing finer than a country, only inside that country ("sent planes over Iraq
    # and struck a camp near Samarra", not "moved to Iraq from Urumieh"), and never
    # outrank them at equal precision.
    own = len(found)
    if not any(place.precision != "country" for _, place in found):
        countries = {place.country for _, place in found}
        for span, place in _stand_ins(text, mention, context, [s for s, _ in found]):
            inside = not countries or place.country in countries
            if inside and not _names_actor(text, span, actors):
                found.append((span, place))
    if found:
        placed = [
            (span, _away_from(text, span, place), i >= own) for i, (span, place) in enumerate(found)
        ]
        return min(placed, key=lambda item: _rank(text, *item))[1]
    home = _own_body_meeting(mention)
    if home is not None:
        return country_place(home, fallback=FALLBACK_OWN_MEETING)
    if context.country is None:
        return None
    reason = FALLBACK_UNKNOWN.format(names=", ".join(unknown)) if unknown else FALLBACK_NO_PLACE
    return country_place(context.country, fallback=reason)


def _actor_spans(mention: Mention) -> tuple[Span | None, ...]:
    """The spans that name actors, not places. The target of an attack named by a place
    ("shelled Aleppo") is where the attack fell, so only the attacker counts."""
    if mention.type == ATTACK_TYPE:
        return (mention.actor1,)
    return (mention.actor1, mention.actor2)


def _own_body_meeting(mention: Mention) -> str | None:
    """The country of a national actor meeting with no one else named ("attend a meeting
    of the country's National Security Council"): its own body meets at home."""
    actor = mention.actor1_entity
    if mention.type not in OWN_MEETING_TYPES or mention.actor2 is not None or actor is None:
        return None
    return actor.country if actor.group is None and actor.sector in STATE_SECTORS else None


def _names_actor(text: str, span: Span, actors: list[Span]) -> bool:
    """An actor's name is no place ("Tehran said"), unless the text says it is one:
    "Sulaimani traveled to Baghdad", "took control of Falluja", "won back most of Tikrit"."""
    for actor in actors:
        if not _overlaps(span, actor):
            continue
        if _PLACE_BEFORE.search(text[max(0, actor.start - 20) : actor.start]):
            continue
        if _share_of(text, span):
            continue
        return True
    return False


def _share_of(text: str, span: Span) -> bool:
    """ "most of Tikrit", "85% of Tikrit": the phrase names a part of the place."""
    return bool(_share_pattern().search(text[max(0, span.start - SHARE_WINDOW) : span.start]))


@cache
def _share_pattern() -> re.Pattern[str]:
    # The extractor's quantity nouns whose of-phrase names a place ("85% of Tikrit").
    words = [w for row in read_table("extract", "places") for w in row.get("of_heads", ())]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{alternation})\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _stand_ins(
    text: str, mention: Mention, context: ResolveContext, taken: list[Span]
) -> list[tuple[Span, Place]]:
    """The places the sentence names outside the extractor's spans, unless the words
    around them give them another role ("provided by Iran")."""
    sentence = mention.sentence
    return [
        (span, place)
        for span, place in find_places(
            text, context=context, start=sentence.start, end=sentence.end, blocked=not_place_keys()
        )
        if not any(_overlaps(span, other) for other in taken)
        and not place_cues.in_other_role(text, span)
    ]


def _away_from(text: str, span: Span, place: Place) -> Place:
    """ "30 miles from Baghdad" is in Baghdad's country, not in Baghdad."""
    distance = place_cues.distance_before(text, span)
    if distance is None or distance <= place_cues.NEAR_KM or place.country is None:
        return place
    return country_place(place.country) or place


def _overlaps(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end


def _rank(text: str, span: Span, place: Place, stand_in: bool) -> tuple[float, bool, int]:
    # A region of no one country (a continent, a sea, "the EU") is coarser than a country.
    coarse = place.country is None
    rank = float(len(PRECISIONS) if coarse else PRECISIONS.index(place.precision))
    if place.precision == "country" and _POSSESSIVE_AFTER.match(text[span.end : span.end + 3]):
        rank += POSSESSIVE_PENALTY
    if place.precision != "country" and place_cues.distance_before(text, span) is not None:
        rank += DISTANCE_PENALTY
    return rank, stand_in, span.start


def mention_date(
    mention: Mention, published: dt.date | None
) -> tuple[dt.date | None, str | None, str | None]:
    """(date, precision, date_from): from the date expression, else the publication date."""
    if mention.date_expr is not None:
        date, precision = _resolve_date_expression(mention.date_expr.text, published)
        if date is not None:
            absolute = _ABSOLUTE_DATE.search(mention.date_expr.text)
            return date, precision, "text" if absolute else "relative"
    if published is not None:
        return published, "day", "published"
    return None, None, None


def _resolve_date_expression(
    expression: str, published: dt.date | None
) -> tuple[dt.date | None, str | None]:
    """The date resolver's answer; (None, None) when it cannot read the expression."""
    try:
        return dates.resolve_date(expression, published)
    except ValueError:
        return None, None
