"""The actor network: who did what kind of thing to whom, per time window.

Edges are computed here from the events table (actor1 -> actor2 per event, the PLOVER
quad class of its type, counted per window) rather than through
dateline.reconcile.network, so the API depends only on the stored ledger: it serves a
ledger written by any version of the pipeline, and reads columns, not JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select

from dateline.api.actors import actor_index
from dateline.api.deps import Conn
from dateline.api.events import bucket_start
from dateline.api.filters import EventFilters, event_filters, where_clauses
from dateline.records import QUAD_CLASS
from dateline.store.schema import events

Window = Literal["all", "day", "week", "month", "year"]
DEFAULT_EDGES = 500
MAX_EDGES = 5000
MAX_EDGE_EVENTS = 100  # event ids listed per edge; ``count`` always has the full number

router = APIRouter(tags=["network"])


@dataclass
class Edge:
    source: str
    target: str
    quad_class: str
    window: str | None
    event_ids: list[str] = field(default_factory=list)
    count: int = 0
    fatalities: int = 0

    def add(self, event_id: str, fatalities: int | None) -> None:
        self.count += 1
        self.fatalities += fatalities or 0
        if len(self.event_ids) < MAX_EDGE_EVENTS:
            self.event_ids.append(event_id)

    def record(self) -> dict[str, Any]:
        return {
            "id": "|".join((self.source, self.target, self.quad_class, self.window or "all")),
            "source": self.source,
            "target": self.target,
            "quad_class": self.quad_class,
            "conflict": self.quad_class.endswith("conflict"),
            "window": self.window,
            "count": self.count,
            "fatalities": self.fatalities,
            "event_ids": self.event_ids,
        }


def window_start(day: dt.date | None, window: Window) -> str | None:
    if window == "all":
        return None
    return bucket_start(day, window).isoformat() if day else "undated"


def edges(rows: Iterable[Any], window: Window) -> list[Edge]:
    """Group (id, date, type, actor1, actor2, fatalities_best) rows into edges."""
    found: dict[tuple[str, str, str, str | None], Edge] = {}
    for r in rows:
        quad = QUAD_CLASS.get(r.type, "other")
        key = (r.actor1, r.actor2, quad, window_start(r.date, window))
        edge = found.get(key) or found.setdefault(key, Edge(*key))
        edge.add(r.id, r.fatalities_best)
    return sorted(found.values(), key=lambda e: (-e.count, e.source, e.target, e.window or ""))


@router.get("/network")
def network(
    conn: Conn,
    filters: Annotated[EventFilters, Depends(event_filters)],
    window: Window = "all",
    limit: Annotated[int, Query(ge=1, le=MAX_EDGES)] = DEFAULT_EDGES,
) -> dict[str, Any]:
    """Actor -> actor edges by quad class and window (since, until, quad_class filter them),
    the strongest ``limit`` edges, with the actors they connect."""
    c = events.c
    query = (
        select(c.id, c.date, c.type, c.actor1, c.actor2, c.fatalities_best)
        .where(*where_clauses(filters), c.actor1.is_not(None), c.actor2.is_not(None))
        .order_by(c.date, c.id)
    )
    found = edges(conn.execute(query), window)
    kept = found[:limit]
    names = {e.source for e in kept} | {e.target for e in kept}
    nodes = actor_index(conn, where_clauses(filters), names=names) if names else []
    return {
        "window": window,
        "total_edges": len(found),
        "nodes": nodes,
        "edges": [e.record() for e in kept],
    }
