"""The actor network: who did what kind of thing to whom, per time window.

Edges are computed here from the events table (actor1 -> actor2 per event, the PLOVER
quad class of its type, counted per window) rather than through
dateline.reconcile.network, so the API depends only on the stored ledger: it serves a
ledger written by any version of the pipeline, and reads columns, not JSON.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from sqlalchemy import Connection, func, select

from dateline.api.actors import actor_records
from dateline.api.aggregates import bucket_start
from dateline.api.deps import Conn
from dateline.api.filters import Filters, where_clauses
from dateline.records import QUAD_CLASS
from dateline.store.schema import events

Window = Literal["all", "day", "week", "month", "year"]
DEFAULT_EDGES = 500
MAX_EDGES = 5000
MAX_EDGE_EVENTS = 100  # event ids listed per edge; ``count`` always has the full number
ID_SEPARATOR = ","  # event ids are hashes and slugs, never holding a comma

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
    representative: str = ""  # one event's id, to read the actors' records from

    def add(self, row: Any) -> None:
        self.count += row.n
        self.fatalities += row.fatalities or 0
        self.event_ids.extend(row.ids.split(ID_SEPARATOR))
        self.representative = max(self.representative, row.rep)

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
            "event_ids": sorted(self.event_ids)[:MAX_EDGE_EVENTS],
        }


def window_start(day: dt.date | None, window: Window) -> str | None:
    if window == "all":
        return None
    return bucket_start(day, window).isoformat() if day else "undated"


def _edge_rows(conn: Connection, clauses: list[Any], window: Window) -> Any:
    """Events grouped in SQL by actor pair and type (and day, for windows): one pass."""
    c = events.c
    keys = [c.actor1, c.actor2, c.type] + ([] if window == "all" else [c.date])
    query = (
        select(
            *keys,
            func.count().label("n"),
            func.sum(c.fatalities_best).label("fatalities"),
            func.aggregate_strings(c.id, ID_SEPARATOR).label("ids"),
            func.max(c.id).label("rep"),
        )
        .where(*clauses, c.actor1.is_not(None), c.actor2.is_not(None))
        .group_by(*keys)
    )
    return conn.execute(query)


def edges(rows: Iterable[Any], window: Window) -> list[Edge]:
    """Fold grouped rows (actor1, actor2, type[, date], n, fatalities, ids, rep) into edges."""
    found: dict[tuple[str, str, str, str | None], Edge] = {}
    for r in rows:
        quad = QUAD_CLASS.get(r.type, "other")
        key = (r.actor1, r.actor2, quad, window_start(getattr(r, "date", None), window))
        edge = found.get(key) or found.setdefault(key, Edge(*key))
        edge.add(r)
    return sorted(found.values(), key=lambda e: (-e.count, e.source, e.target, e.window or ""))


def _nodes(conn: Connection, found: list[Edge], kept: list[Edge]) -> list[dict[str, Any]]:
    """The actors of the kept edges, records read from one event each, with event counts."""
    counts: Counter[str] = Counter()
    for edge in found:
        counts[edge.source] += edge.count
        if edge.target != edge.source:
            counts[edge.target] += edge.count
    representatives = {}
    for edge in kept:
        representatives.setdefault(edge.source, (edge.representative, "actor1"))
        representatives.setdefault(edge.target, (edge.representative, "actor2"))
    records = actor_records(conn, representatives)
    nodes = [{**records.get(name, {}), "name": name, "events": counts[name]} for name in records]
    return sorted(nodes, key=lambda n: (-n["events"], n["name"]))


@router.get("/network")
def network(
    conn: Conn,
    filters: Filters,
    window: Window = "all",
    limit: Annotated[int, Query(ge=1, le=MAX_EDGES)] = DEFAULT_EDGES,
) -> dict[str, Any]:
    """Actor -> actor edges by quad class and window (since, until, quad_class filter them),
    the strongest ``limit`` edges, with the actors they connect (``events``: their events
    in the whole network)."""
    found = edges(_edge_rows(conn, where_clauses(filters), window), window)
    kept = found[:limit]
    return {
        "window": window,
        "total_edges": len(found),
        "nodes": _nodes(conn, found, kept),
        "edges": [e.record() for e in kept],
    }
