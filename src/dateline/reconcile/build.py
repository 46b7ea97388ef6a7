"""Build resolved Mentions from plain values: for data sets coded elsewhere (UCDP rows),
generated benchmarks and tests, where there is no sentence parse to take spans from.
"""

from __future__ import annotations

import datetime as dt

from dateline.records import Actor, Count, Mention, Place, Span


def make_mention(
    *,
    doc_id: str,
    sentence: str,
    trigger: str,
    type: str,
    doc_name: str | None = None,
    offset: int = 0,
    mode: str | None = None,
    acled: tuple[str, str] | None = None,
    actor1: Actor | None = None,
    actor2: Actor | None = None,
    place: Place | None = None,
    date: dt.date | None = None,
    date_precision: str | None = "day",
    date_from: str | None = "text",
    killed: Count | None = None,
    injured: Count | None = None,
    attribution: str | None = None,
    modality: str = "asserted",
    source: str | None = None,
) -> Mention:
    """A resolved mention whose sentence starts at ``offset`` in its document.

    ``trigger`` and ``attribution`` must occur in ``sentence``; their spans are found there.
    """
    return Mention(
        doc_id=doc_id,
        doc_name=doc_name or doc_id,
        sentence=Span(sentence, offset, offset + len(sentence)),
        trigger=span_in(sentence, trigger, offset),
        type=type,
        mode=mode,
        acled_event_type=acled[0] if acled else None,
        acled_sub_event_type=acled[1] if acled else None,
        attribution=span_in(sentence, attribution, offset) if attribution else None,
        modality=modality,
        source=source,
        actor1_entity=actor1,
        actor2_entity=actor2,
        place=place,
        date=date,
        date_precision=date_precision if date else None,
        date_from=date_from if date else None,
        killed=killed,
        injured=injured,
    )


def span_in(sentence: str, text: str, offset: int) -> Span:
    """The span of ``text`` in ``sentence`` (its whole length when absent)."""
    start = sentence.find(text)
    if start < 0:
        return Span(sentence, offset, offset + len(sentence))
    return Span(text, offset + start, offset + start + len(text))


def count(best: int, qualifier: str = "exact", *, text: str = "", start: int = 0) -> Count:
    """A Count with the bounds its qualifier implies (see :class:`dateline.records.Count`)."""
    low, high = best, best
    if qualifier in ("at_least", "vague"):
        high = None
    elif qualifier == "more_than":
        low, high = best + 1, None
    elif qualifier == "up_to":
        low = 0
    span = Span(text or str(best), start, start + len(text or str(best)))
    return Count(span=span, best=best, low=low, high=high, qualifier=qualifier)
