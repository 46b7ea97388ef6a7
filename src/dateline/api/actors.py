"""Actors as the events table knows them: canonical names in columns, full records in JSON.

Aggregates run on the indexed name columns; the full actor record (id, country,
sector, group) is read from one representative event per name, so a listing of a
100k-event ledger parses a few hundred JSON records, not all of them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import ColumnElement, Connection, func, select

from dateline.api.aggregates import POINT_COLUMNS, point_record
from dateline.api.deps import Conn
from dateline.api.errors import ApiError
from dateline.api.filters import Filters, where_clauses
from dateline.records import QUAD_CLASS
from dateline.store.schema import events

SIDES = (("actor1", events.c.actor1), ("actor2", events.c.actor2))
RECENT_EVENTS = 20
DEFAULT_ACTORS = 200
MAX_ACTORS = 5000

router = APIRouter(tags=["actors"])


def actor_records(conn: Connection, representatives: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """name -> the actor record, read from (event id, side) of one event naming it."""
    ids = sorted({event_id for event_id, _ in representatives.values()})
    data = {}
    for start in range(0, len(ids), 500):  # stay under every database's bound-parameter cap
        chunk = ids[start : start + 500]
        query = select(events.c.id, events.c.data).where(events.c.id.in_(chunk))
        data.update({r.id: json.loads(r.data) for r in conn.execute(query)})
    return {
        name: data[event_id].get(side) or {"id": None, "name": name}
        for name, (event_id, side) in representatives.items()
        if event_id in data
    }


def actor_index(
    conn: Connection, clauses: Sequence[ColumnElement[bool]] = (), names: Iterable[str] = ()
) -> list[dict[str, Any]]:
    """Every actor named by a matching event, with its record and event counts."""
    wanted = sorted(set(names))
    counts: dict[str, Counter[str]] = {}
    representatives: dict[str, tuple[str, str]] = {}
    for side, column in SIDES:
        query = (
            select(
                column.label("name"), func.count().label("n"), func.max(events.c.id).label("rep")
            )
            .where(column.is_not(None), *clauses)
            .group_by(column)
        )
        if wanted:
            query = query.where(column.in_(wanted))
        for r in conn.execute(query):
            counts.setdefault(r.name, Counter())[side] += r.n
            representatives.setdefault(r.name, (r.rep, side))
    records = actor_records(conn, representatives)
    out = [
        {
            **records.get(name, {"id": None, "name": name}),
            "name": name,
            "events": sum(c.values()),
            "as_actor1": c["actor1"],
            "as_actor2": c["actor2"],
        }
        for name, c in counts.items()
    ]
    out.sort(key=lambda a: (-a["events"], a["name"]))
    return out


@router.get("/actors")
def list_actors(
    conn: Conn,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_ACTORS)] = DEFAULT_ACTORS,
) -> dict[str, Any]:
    """Actors of the matching events, most active first (``actor`` filters by name)."""
    actors = actor_index(conn, where_clauses(filters))
    return {"total": len(actors), "items": actors[:limit]}


def _find(conn: Connection, actor_id: str) -> dict[str, Any]:
    for actor in actor_index(conn):
        if actor_id in (actor.get("id"), actor["name"]):
            return actor
    raise ApiError(404, f"no actor with id {actor_id!r}")


def _counterparts(conn: Connection, name: str) -> list[dict[str, Any]]:
    found: dict[str, Counter[str]] = {}
    for (_, own), (_, other) in (SIDES, SIDES[::-1]):
        query = (
            select(other.label("name"), events.c.type, func.count().label("n"))
            .where(own == name, other.is_not(None))
            .group_by(other, events.c.type)
        )
        for r in conn.execute(query):
            found.setdefault(r.name, Counter())[QUAD_CLASS.get(r.type, "other")] += r.n
    out = [
        {"name": other, "events": sum(c.values()), "quad_classes": dict(c)}
        for other, c in found.items()
    ]
    return sorted(out, key=lambda x: (-x["events"], x["name"]))


@router.get("/actors/{actor_id}")
def get_actor(conn: Conn, actor_id: str) -> dict[str, Any]:
    """One actor (by id, or by canonical name): record, counts, counterparts, recent events."""
    actor = _find(conn, actor_id)
    name = actor["name"]
    recent = conn.execute(
        select(*POINT_COLUMNS)
        .where((events.c.actor1 == name) | (events.c.actor2 == name))
        .order_by(events.c.date.desc(), events.c.id)
        .limit(RECENT_EVENTS)
    )
    return {
        **actor,
        "counterparts": _counterparts(conn, name),
        "recent_events": [point_record(r) for r in recent],
    }
