"""Events summed up for maps and timelines of any size: light points, a grid, a histogram.

The dashboard asks for these instead of full records: a 100k-event ledger answers in
a few hundred grid cells or time buckets, aggregated by the database.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from sqlalchemy import func, select

from dateline.api.deps import Conn
from dateline.api.filters import Filters, where_clauses
from dateline.api.paging import (
    Sort,
    check_sort,
    decode_cursor,
    encode_cursor,
    fetch_page,
    load_rows,
)
from dateline.api.sqlfuncs import floor_nonneg
from dateline.records import QUAD_CLASS
from dateline.store.schema import events

DEFAULT_POINTS = 2000
MAX_POINTS = 10000
DEFAULT_CELLS = 48  # grid cells across the longer side of the box
WORLD = (-180.0, -90.0, 180.0, 90.0)
BUCKETS = ("day", "week", "month", "year")

router = APIRouter(tags=["events"])


POINT_COLUMNS = (
    events.c.id,
    events.c.date,
    events.c.type,
    events.c.lat,
    events.c.lon,
    events.c.fatalities_best,
    events.c.actor1,
    events.c.actor2,
    events.c.country,
    events.c.confidence,
)


def point_record(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "date": row.date.isoformat() if row.date else None,
        "type": row.type,
        "quad_class": QUAD_CLASS.get(row.type),
        "lat": row.lat,
        "lon": row.lon,
        "fatalities": row.fatalities_best,
        "actor1": row.actor1,
        "actor2": row.actor2,
        "country": row.country,
        "confidence": row.confidence,
    }


@router.get("/events/points")
def event_points(
    conn: Conn,
    filters: Filters,
    sort: Sort = "-fatalities",
    limit: Annotated[int, Query(ge=1, le=MAX_POINTS)] = DEFAULT_POINTS,
    cursor: str | None = None,
) -> dict[str, Any]:
    """A light row per event (no mentions) for maps and timelines; same paging as /events."""
    sort = check_sort(sort)
    ids, after = fetch_page(
        conn, where_clauses(filters), sort=sort, position=decode_cursor(cursor, sort), limit=limit
    )
    rows = load_rows(conn, POINT_COLUMNS, ids)
    return {
        "items": [point_record(r) for r in rows],
        "next_cursor": encode_cursor(sort, after) if after else None,
    }


@router.get("/events/summary")
def event_summary(
    conn: Conn,
    filters: Filters,
    cells: Annotated[int, Query(ge=1, le=512)] = DEFAULT_CELLS,
) -> dict[str, Any]:
    """Events counted on a grid over the bounding box: a map of any size in one answer.

    Each cell gives its events' mean position, count, fatalities and count per quad class.
    """
    minlon, minlat, maxlon, maxlat = filters.bbox or WORLD
    width = maxlon - minlon if minlon <= maxlon else maxlon + 360.0 - minlon  # across 180°
    size = max(width, maxlat - minlat, 1e-6) / cells
    c = events.c
    col = floor_nonneg((c.lon + 180.0) / size).label("col")
    row = floor_nonneg((c.lat + 90.0) / size).label("row")
    query = (
        select(
            col,
            row,
            c.type,
            func.count().label("n"),
            func.avg(c.lat).label("lat"),
            func.avg(c.lon).label("lon"),
            func.sum(c.fatalities_best).label("fatalities"),
        )
        .where(*where_clauses(filters))
        .group_by(col, row, c.type)
    )
    grid: dict[tuple[int, int], dict[str, Any]] = {}
    for r in conn.execute(query):
        if r.col is None or r.row is None:
            # Unlocated events fall in a NULL cell; filtering them here rather than in SQL
            # lets the database read a covering index instead of every row.
            continue
        cell = grid.setdefault(
            (r.col, r.row), {"n": 0, "lat": 0.0, "lon": 0.0, "fatalities": 0, "quad": Counter()}
        )
        cell["n"] += r.n
        cell["lat"] += r.lat * r.n
        cell["lon"] += r.lon * r.n
        cell["fatalities"] += r.fatalities or 0
        cell["quad"][QUAD_CLASS.get(r.type, "other")] += r.n
    out = [
        {
            "lat": round(cell["lat"] / cell["n"], 5),
            "lon": round(cell["lon"] / cell["n"], 5),
            "count": cell["n"],
            "fatalities": cell["fatalities"],
            "quad_classes": dict(cell["quad"]),
        }
        for cell in grid.values()
    ]
    out.sort(key=lambda x: -x["count"])
    return {"cell_degrees": size, "total": sum(x["count"] for x in out), "cells": out}


def bucket_start(day: dt.date, bucket: str) -> dt.date:
    if bucket == "week":
        return day - dt.timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    if bucket == "year":
        return day.replace(month=1, day=1)
    return day


@router.get("/events/histogram")
def event_histogram(
    conn: Conn,
    filters: Filters,
    bucket: Literal["auto", "day", "week", "month", "year"] = "auto",
) -> dict[str, Any]:
    """Events counted per time bucket and quad class: a timeline of any size in one answer.

    ``auto`` picks the finest bucket that gives at most about 200 bars.
    """
    query = (
        select(events.c.date, events.c.type, func.count().label("n"))
        .where(*where_clauses(filters), events.c.date.is_not(None))
        .group_by(events.c.date, events.c.type)
    )
    rows = conn.execute(query).all()
    if bucket == "auto":
        span = (max(r.date for r in rows) - min(r.date for r in rows)).days if rows else 0
        bucket = next(
            (b for b, days in zip(BUCKETS, (1, 7, 31, 366), strict=True) if span / days <= 200),
            "year",
        )
    counts: dict[dt.date, Counter[str]] = defaultdict(Counter)
    for r in rows:
        counts[bucket_start(r.date, bucket)][QUAD_CLASS.get(r.type, "other")] += r.n
    return {
        "bucket": bucket,
        "buckets": [
            {"start": start.isoformat(), "count": sum(c.values()), "quad_classes": dict(c)}
            for start, c in sorted(counts.items())
        ],
    }
