"""Places, documents and overall statistics of the ledger."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import Connection, func, select

from dateline.api.deps import Conn
from dateline.api.errors import ApiError
from dateline.api.filters import Filters, where_clauses
from dateline.records import PLOVER_TYPES, QUAD_CLASS
from dateline.store import schema
from dateline.store.schema import events

DEFAULT_PLACES = 500
MAX_PLACES = 10000
TOP_VALUES = 50  # rows per breakdown in /stats

router = APIRouter()


@router.get("/places", tags=["places"])
def list_places(
    conn: Conn,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_PLACES)] = DEFAULT_PLACES,
) -> dict[str, Any]:
    """Places of the matching events (one per distinct point), most events first."""
    c = events.c
    query = (
        select(
            c.country,
            c.lat,
            c.lon,
            func.count().label("n"),
            func.sum(c.fatalities_best).label("fatalities"),
            func.max(c.id).label("rep"),
        )
        .where(*where_clauses(filters), c.lat.is_not(None), c.lon.is_not(None))
        .group_by(c.country, c.lat, c.lon)
        .order_by(func.count().desc(), c.country, c.lat, c.lon)
        .limit(limit)
    )
    rows = conn.execute(query).all()
    reps = {r.rep for r in rows}
    locations = {}
    for start in range(0, len(reps), 500):  # stay under every database's bound-parameter cap
        chunk = sorted(reps)[start : start + 500]
        for r in conn.execute(select(c.id, c.data).where(c.id.in_(chunk))):
            locations[r.id] = json.loads(r.data).get("location") or {}
    items = [
        {
            **locations.get(r.rep, {}),
            "country": r.country,
            "lat": r.lat,
            "lon": r.lon,
            "events": r.n,
            "fatalities": r.fatalities or 0,
        }
        for r in rows
    ]
    return {"items": items}


def _document_mentions(conn: Connection, doc_id: str) -> list[dict[str, Any]]:
    m, link = schema.mentions, schema.event_mentions
    query = (
        select(m.c.id, m.c.data, link.c.event_id)
        .select_from(m.outerjoin(link, link.c.mention_id == m.c.id))
        .where(m.c.doc_id == doc_id)
        .order_by(m.c.id)
    )
    out = []
    for r in conn.execute(query):
        data = json.loads(r.data)
        sentence, trigger = data.get("sentence") or {}, data.get("trigger") or {}
        out.append(
            {
                "id": r.id,
                "event_id": r.event_id,
                "type": data.get("type"),
                "start": sentence.get("start"),
                "end": sentence.get("end"),
                "trigger": {k: trigger.get(k) for k in ("text", "start", "end")},
            }
        )
    return sorted(out, key=lambda x: (x["start"] if x["start"] is not None else -1, x["id"]))


@router.get("/documents/{doc_id}", tags=["documents"])
def get_document(conn: Conn, doc_id: str) -> dict[str, Any]:
    """One article: its text, its reader comments kept apart, and where its mentions are."""
    d = schema.documents
    row = conn.execute(select(d).where(d.c.id == doc_id)).mappings().first()
    if row is None:
        raise ApiError(404, f"no document with id {doc_id!r}")
    cm = schema.comments
    comments = conn.execute(select(cm).where(cm.c.doc_id == doc_id).order_by(cm.c.idx)).mappings()
    return {
        **{k: v.isoformat() if k == "published" and v else v for k, v in row.items()},
        "comments": [
            {
                "text": c["text"],
                "author": c["author"],
                "is_repost": bool(c["is_repost"]),
                "published": c["published"].isoformat() if c["published"] else None,
            }
            for c in comments
        ],
        "mentions": _document_mentions(conn, doc_id),
    }


def _count(conn: Connection, table: Any) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _breakdown(conn: Connection, column: Any, clauses: list[Any]) -> dict[str, int]:
    query = (
        select(column, func.count().label("n"))
        .where(*clauses, column.is_not(None))
        .group_by(column)
        .order_by(func.count().desc(), column)
        .limit(TOP_VALUES)
    )
    return {r[0]: r.n for r in conn.execute(query)}


@router.get("/stats", tags=["stats"])
def stats(conn: Conn, filters: Filters) -> dict[str, Any]:
    """Counts of the ledger's tables, and of the matching events by type, country, date;
    ``vocabulary`` lists the event types and quad classes filters accept."""
    clauses = where_clauses(filters)
    c = events.c
    totals = conn.execute(
        select(
            func.count().label("n"),
            func.min(c.date).label("first"),
            func.max(c.date).label("last"),
            func.sum(c.fatalities_best).label("fatalities"),
        ).where(*clauses)
    ).one()
    by_type = _breakdown(conn, c.type, clauses)
    by_quad: dict[str, int] = {}
    for plover_type, n in by_type.items():
        quad = QUAD_CLASS.get(plover_type, "other")
        by_quad[quad] = by_quad.get(quad, 0) + n
    return {
        "ledger": {
            "documents": _count(conn, schema.documents),
            "comments": _count(conn, schema.comments),
            "mentions": _count(conn, schema.mentions),
            "sources": _count(conn, schema.sources),
            "events": _count(conn, events),
        },
        "events": totals.n,
        "first_date": totals.first.isoformat() if totals.first else None,
        "last_date": totals.last.isoformat() if totals.last else None,
        "fatalities": totals.fatalities or 0,
        "by_type": by_type,
        "by_quad_class": by_quad,
        "by_country": _breakdown(conn, c.country, clauses),
        "by_acled_event_type": _breakdown(conn, c.acled_event_type, clauses),
        "vocabulary": {"types": list(PLOVER_TYPES), "quad_classes": dict(QUAD_CLASS)},
    }
