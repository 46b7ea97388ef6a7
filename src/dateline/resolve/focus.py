"""A second look at an article's geography: the countries and towns a first reading found.

Country names alone say little about a local story ("Cairns", "Edmonton" and "Queensland
Police" never name Australia), and a capital's name may be a namesake ("Paris, Texas").
So the places a first reading resolved refine the context: each telling place adds its
country to the focus, named provinces favour their towns, and towns become anchors that
favour namesakes near them (Edmonton near Cairns is the Queensland suburb). A place
tells only when its name leaves no doubt about its country (no sizeable namesake abroad)
or the text says where it lies ("Paris, Texas"); capitals no longer count by name alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from dateline.records import Place, Span
from dateline.resolve.context import ResolveContext, country_mentions, focus_of
from dateline.resolve.matcher import region_after
from dateline.resolve.places import index
from dateline.resolve.translit import name_key

PLACE_WEIGHT = 1.0  # a telling place counts like one naming of its country
MAX_PER_NAME = 3  # repeats of one name count this many times at most
# A namesake abroad with this share of the place's population makes the name ambiguous.
AMBIGUITY_SHARE = 0.02
ANCHOR_PRECISIONS = frozenset({"site", "town", "near", "district"})


def place_context(
    text: str, context: ResolveContext, found: list[tuple[Span, Place]]
) -> ResolveContext:
    """``context`` refined by the places ``found`` in ``text`` by a first reading."""
    counts: Counter[str] = Counter()
    for mention in country_mentions(text):
        if mention.kind != "capital":
            counts[mention.code] += 1.0
    per_name: Counter[str] = Counter()
    provinces = set(context.provinces)
    anchors = []
    for span, place in found:
        if place.country is None or place.precision == "country" or place.lat is None:
            continue
        key = name_key(span.text)
        if not (_placed_by_text(text, span, place, context) or _unambiguous(key, place)):
            continue
        if per_name[key] < MAX_PER_NAME:
            counts[place.country] += PLACE_WEIGHT
            per_name[key] += 1
        if place.precision == "admin1":
            provinces.add(name_key(place.admin1 or place.name))
        elif place.precision in ANCHOR_PRECISIONS:
            anchors.append((key, place.lat, place.lon))
    return replace(
        context,
        focus=focus_of(counts) or context.focus,
        provinces=frozenset(provinces),
        anchors=tuple(dict.fromkeys(anchors)),
    )


def _placed_by_text(text: str, span: Span, place: Place, context: ResolveContext) -> bool:
    """The text writes the place's country or province beside it ("Churchill, Man.")."""
    within = region_after(text, span.end, context)
    return within is not None and within.country == place.country


def _unambiguous(key: str, place: Place) -> bool:
    """No place of that name abroad is near the size of the largest one at home."""
    entries = index().exact(key)
    home = max((e.population for e in entries if e.country == place.country), default=0)
    threshold = AMBIGUITY_SHARE * max(home, 1)
    return not any(
        e.country not in (place.country, None) and e.population >= threshold for e in entries
    )
