"""The public export contract: one Event as the JSON object design.md promises.

Field names here are stable: add fields freely, never rename these. The store,
the exporters and the API all speak this shape, so it is defined once.
"""

from __future__ import annotations

from typing import Any

from dateline.records import QUAD_CLASS, Actor, Count, Event, Mention, Place, Range, Span


def actor_record(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "id": actor.id,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "group": actor.group,
        "acled_inter": actor.acled_inter,
        "wikidata": actor.wikidata,
    }


def place_record(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "precision": place.precision,
        "fallback": place.fallback,
    }


def range_record(toll: Range | None) -> dict[str, int | None] | None:
    if toll is None:
        return None
    return {"low": toll.low, "best": toll.best, "high": toll.high, "open_ended": toll.open_ended}


def count_record(count: Count | None) -> dict[str, Any] | None:
    if count is None:
        return None
    return {
        "best": count.best,
        "low": count.low,
        "high": count.high,
        "qualifier": count.qualifier,
        "text": count.span.text,
        "start": count.span.start,
        "end": count.span.end,
    }


def mention_record(mention: Mention) -> dict[str, Any]:
    """One source's claim: where it is written and what it says."""
    return {
        "doc": mention.doc_name,
        "doc_id": mention.doc_id,
        "source": mention.source,
        "attributed_to": mention.attribution.text if mention.attribution else None,
        "text": mention.sentence.text,
        "start": mention.sentence.start,
        "end": mention.sentence.end,
        "trigger": {
            "text": mention.trigger.text,
            "start": mention.trigger.start,
            "end": mention.trigger.end,
        },
        "type": mention.type,
        "mode": mention.mode,
        "modality": mention.modality,
        "actor1": actor_record(mention.actor1_entity),
        "actor1_text": mention.actor1.text if mention.actor1 else None,
        "actor2": actor_record(mention.actor2_entity),
        "actor2_text": mention.actor2.text if mention.actor2 else None,
        "location": place_record(mention.place),
        "date": mention.date.isoformat() if mention.date else None,
        "date_precision": mention.date_precision,
        "date_text": mention.date_expr.text if mention.date_expr else None,
        "killed": count_record(mention.killed),
        "injured": count_record(mention.injured),
        "refers_to": span_record(mention.refers_to),
    }


def span_record(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def event_record(event: Event) -> dict[str, Any]:
    """The export contract's JSON object for one event."""
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "quad_class": QUAD_CLASS.get(event.type),
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "modality": event.modality,
        "actor1": actor_record(event.actor1),
        "actor2": actor_record(event.actor2),
        "location": place_record(event.location),
        "fatalities": range_record(event.fatalities),
        "injuries": range_record(event.injuries),
        "confidence": event.confidence,
        "mentions": [mention_record(m) for m in event.mentions],
        "contradictions": [
            {"field": c.field, "values": list(c.values), "sources": [list(s) for s in c.sources]}
            for c in event.contradictions
        ],
    }
