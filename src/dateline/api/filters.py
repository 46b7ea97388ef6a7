"""The event filters every listing, download and aggregate shares, as SQL expressions.

Filters become SQLAlchemy Core expressions with bound parameters; user text never
reaches SQL as SQL (substring filters escape LIKE wildcards).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query
from sqlalchemy import ColumnElement, and_, or_

from dateline.api.errors import ApiError
from dateline.records import PLOVER_TYPES, QUAD_CLASS
from dateline.store.schema import events

QUAD_CLASSES = tuple(dict.fromkeys(QUAD_CLASS.values()))
MAX_TEXT_FILTER = 200  # characters; a longer free-text filter is a mistake or an attack


@dataclass(frozen=True)
class EventFilters:
    bbox: tuple[float, float, float, float] | None = None  # minlon, minlat, maxlon, maxlat
    since: dt.date | None = None
    until: dt.date | None = None
    types: tuple[str, ...] = ()
    quad_class: str | None = None
    acled_event_type: str | None = None
    actor: str | None = None
    countries: tuple[str, ...] = ()
    min_confidence: float | None = None
    q: str | None = None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (value or "").split(",") if p.strip())


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    parts = value.split(",")
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError as e:
        raise ApiError(422, "bbox must be four numbers: minlon,minlat,maxlon,maxlat") from e
    if not (-90 <= minlat <= maxlat <= 90 and -180 <= minlon <= 180 and -180 <= maxlon <= 180):
        raise ApiError(422, "bbox is out of range (lon -180..180, lat -90..90, min <= max)")
    return minlon, minlat, maxlon, maxlat


async def event_filters(
    bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat")] = None,
    since: Annotated[dt.date | None, Query(description="first date, inclusive")] = None,
    until: Annotated[dt.date | None, Query(description="last date, inclusive")] = None,
    type: Annotated[str | None, Query(description="PLOVER type(s), comma-separated")] = None,
    quad_class: Annotated[str | None, Query(description="PLOVER quad class")] = None,
    acled_event_type: Annotated[str | None, Query(max_length=MAX_TEXT_FILTER)] = None,
    actor: Annotated[
        str | None, Query(max_length=MAX_TEXT_FILTER, description="substring of an actor name")
    ] = None,
    country: Annotated[str | None, Query(description="ISO 3166 alpha-3, comma-separated")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    q: Annotated[
        str | None, Query(max_length=MAX_TEXT_FILTER, description="free text in the record")
    ] = None,
) -> EventFilters:
    """The filters from the query string (a FastAPI dependency; async because it does no
    I/O, so FastAPI runs it on the event loop instead of a thread)."""
    types = tuple(t.upper() for t in _split(type))
    unknown = [t for t in types if t not in PLOVER_TYPES]
    if unknown:
        raise ApiError(422, f"unknown PLOVER type: {', '.join(unknown)}")
    if quad_class and quad_class not in QUAD_CLASSES:
        raise ApiError(422, f"quad_class must be one of {', '.join(QUAD_CLASSES)}")
    if since and until and since > until:
        raise ApiError(422, "since is after until")
    return EventFilters(
        bbox=parse_bbox(bbox),
        since=since,
        until=until,
        types=types,
        quad_class=quad_class or None,
        acled_event_type=acled_event_type or None,
        actor=actor.strip() if actor and actor.strip() else None,
        countries=tuple(c.upper() for c in _split(country)),
        min_confidence=min_confidence,
        q=q.strip() if q and q.strip() else None,
    )


Filters = Annotated[EventFilters, Depends(event_filters)]


def _bbox_clause(bbox: tuple[float, float, float, float]) -> ColumnElement[bool]:
    minlon, minlat, maxlon, maxlat = bbox
    lat = events.c.lat.between(minlat, maxlat)
    if minlon <= maxlon:
        return and_(lat, events.c.lon.between(minlon, maxlon))
    # A box across the date line (minlon > maxlon) is two boxes.
    return and_(lat, or_(events.c.lon >= minlon, events.c.lon <= maxlon))


def where_clauses(filters: EventFilters) -> list[ColumnElement[bool]]:
    """The WHERE conditions for ``filters`` over the events table."""
    c = events.c
    clauses: list[ColumnElement[bool]] = []
    if filters.bbox:
        clauses.append(_bbox_clause(filters.bbox))
    if filters.since:
        clauses.append(c.date >= filters.since)
    if filters.until:
        clauses.append(c.date <= filters.until)
    types = set(filters.types)
    if filters.quad_class:
        in_class = {t for t, q in QUAD_CLASS.items() if q == filters.quad_class}
        types = types & in_class if types else in_class
        if not types:
            types = {""}  # the two filters exclude each other: match nothing
    if types:
        clauses.append(c.type.in_(sorted(types)))
    if filters.acled_event_type:
        clauses.append(c.acled_event_type == filters.acled_event_type)
    if filters.actor:
        clauses.append(
            or_(
                c.actor1.icontains(filters.actor, autoescape=True),
                c.actor2.icontains(filters.actor, autoescape=True),
            )
        )
    if filters.countries:
        clauses.append(c.country.in_(filters.countries))
    if filters.min_confidence is not None:
        clauses.append(c.confidence >= filters.min_confidence)
    if filters.q:
        # The stored record holds every mention's sentence, so one column covers both.
        clauses.append(c.data.icontains(filters.q, autoescape=True))
    return clauses
