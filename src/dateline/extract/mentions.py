"""Turn the pipeline's trigger spans into ``Mention`` records, one per event per sentence.

Dates and tolls come from ``dates.find_date_expressions`` and
``counts.find_counts``, called once per sentence that reports an event, and go
to the mention whose clause holds them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from dateline.extract import counts, dates
from dateline.extract.extensions import TRIGGERS_KEY
from dateline.records import Count, Document, Mention, Span

# A capture of several places is one event per place ("Saadiyah and Jalawla had fallen").
SPLIT_BY_PLACE_MODES = frozenset({"seize"})
DEFAULT_BATCH_SIZE = 8
# Verbal acts are only worth a mention with their speaker ("Ask yourself why ...").
SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN", "AGREE"})

DateFinder = Callable[[str, int], list[Span]]
CountFinder = Callable[[str, int], tuple[Count | None, Count | None]]


def extract_mentions(doc: Document, nlp: Language) -> list[Mention]:
    """Mentions of events in ``doc.text`` (never its comments)."""
    return mentions_from_parse(doc, nlp(doc.text))


def extract_documents(
    docs: Sequence[Document], nlp: Language, *, batch_size: int = DEFAULT_BATCH_SIZE
) -> list[list[Mention]]:
    """Mentions per document, parsing the batch with ``nlp.pipe``."""
    parsed = nlp.pipe((doc.text for doc in docs), batch_size=batch_size)
    return [
        mentions_from_parse(doc, spacy_doc) for doc, spacy_doc in zip(docs, parsed, strict=True)
    ]


def mentions_from_parse(
    doc: Document,
    spacy_doc: SpacyDoc,
    *,
    find_dates: DateFinder | None = None,
    find_counts: CountFinder | None = None,
) -> list[Mention]:
    """Build the mentions of one parsed document; the finders are swappable for tests."""
    find_dates = find_dates or dates.find_date_expressions
    find_counts = find_counts or counts.find_counts
    by_sentence: dict[int, list[SpacySpan]] = defaultdict(list)
    for trigger in spacy_doc.spans.get(TRIGGERS_KEY, []):
        by_sentence[trigger.sent.start].append(trigger)
    mentions: list[Mention] = []
    for triggers in by_sentence.values():
        sentence = triggers[0].sent
        date_spans = find_dates(sentence.text, sentence.start_char)
        killed, injured = find_counts(sentence.text, sentence.start_char)
        assault_holder = _count_holder(triggers, [c for c in (killed, injured) if c is not None])
        for trigger in triggers:
            if trigger.label_ in SPEECH_TYPES and trigger._.dl_actor1 is None:
                continue  # a demand, accusation or refusal by no one we can name
            tolls = (killed, injured) if trigger is assault_holder else (None, None)
            mentions.extend(_mentions(doc, trigger, date_spans, tolls))
    return mentions


def _mentions(
    doc: Document,
    trigger: SpacySpan,
    date_spans: list[Span],
    tolls: tuple[Count | None, Count | None],
) -> Iterable[Mention]:
    places = tuple(_span(p) for p in trigger._.dl_places)
    acled = trigger._.dl_acled
    base = Mention(
        doc_id=doc.id,
        doc_name=doc.name,
        sentence=_sentence(trigger.sent),
        trigger=_span(trigger),
        type=trigger.label_,
        mode=trigger._.dl_mode,
        acled_event_type=acled[0] if acled else None,
        acled_sub_event_type=acled[1] if acled else None,
        actor1=_optional(trigger._.dl_actor1),
        actor2=_optional(trigger._.dl_actor2),
        places=places,
        date_expr=_nearest(date_spans, _reach(trigger)),
        killed=tolls[0],
        injured=tolls[1],
        attribution=_optional(trigger._.dl_attribution),
        modality=trigger._.dl_modality,
        source=_text(trigger._.dl_outlet) or doc.outlet,
        refers_to=_optional(trigger._.dl_refers_to),
    )
    own = trigger._.dl_argument_places
    if trigger._.dl_mode in SPLIT_BY_PLACE_MODES and len(own) > 1:
        return [replace(base, places=(_span(place),)) for place in own]
    return [base]


def _reach(trigger: SpacySpan) -> tuple[int, int]:
    """Character range of the event's clause, outcomes included ("..., killing 57")."""
    doc = trigger.doc
    heads = [doc[trigger._.dl_anchor], trigger.root]
    heads.extend(doc[i] for i in trigger._.dl_entry.get("outcome_tokens", ()))
    tokens = [t for head in heads for t in head.subtree]
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def _count_holder(triggers: list[SpacySpan], tolls: list[Count]) -> SpacySpan | None:
    """The attack whose clause states the toll, else the sentence's first attack."""
    attacks = [t for t in triggers if t.label_ == "ASSAULT"]
    if not attacks or not tolls:
        return None
    for attack in attacks:
        start, end = _reach(attack)
        if any(start <= toll.span.start < end for toll in tolls):
            return attack
    return attacks[0]


def _nearest(spans: list[Span], reach: tuple[int, int]) -> Span | None:
    if not spans:
        return None
    start, end = reach
    inside = [s for s in spans if start <= s.start < end]
    pool = inside or spans
    return min(pool, key=lambda s: min(abs(s.start - start), abs(s.start - end)))


def _sentence(sentence: SpacySpan) -> Span:
    """The sentence without the line breaks and spaces spaCy leaves at its end."""
    text = sentence.text.rstrip()
    return Span(text=text, start=sentence.start_char, end=sentence.start_char + len(text))


def _span(span: SpacySpan) -> Span:
    return Span(text=span.text, start=span.start_char, end=span.end_char)


def _optional(span: SpacySpan | None) -> Span | None:
    return None if span is None else _span(span)


def _text(span: SpacySpan | None) -> str | None:
    return None if span is None else span.text.strip()
