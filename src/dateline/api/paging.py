"""Keyset (cursor) pagination over the events table, stable and fast at any depth.

A page continues after the last row of the previous one, compared on (sort key, id),
so deep pages cost what the first one does (OFFSET would rescan every skipped row).
Rows whose sort key is NULL come last, in a second phase ordered by id: keeping them
out of the (key, id) comparison lets the database walk its index on the key.
The cursor is opaque to clients: base64 of the sort, the phase and the last key.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query
from sqlalchemy import ColumnElement, Connection, Select, literal, select, tuple_

from dateline.api.errors import ApiError
from dateline.store.schema import events

# sort name -> (column, descending)
SORTS = {
    "date": (events.c.date, False),
    "-date": (events.c.date, True),
    "fatalities": (events.c.fatalities_best, False),
    "-fatalities": (events.c.fatalities_best, True),
    "confidence": (events.c.confidence, False),
    "-confidence": (events.c.confidence, True),
    "id": (events.c.id, False),
    "-id": (events.c.id, True),
}
DEFAULT_SORT = "date"
Sort = Annotated[str, Query(description="date, -date, fatalities, -fatalities, confidence, ...")]
PHASE_KEYED, PHASE_NULL = 0, 1


@dataclass(frozen=True)
class Position:
    """Where a page starts: after (key, id) in a phase; ``last_id`` None is the start."""

    phase: int = PHASE_KEYED
    key: Any = None
    last_id: str | None = None


def encode_cursor(sort: str, position: Position) -> str:
    key = position.key.isoformat() if isinstance(position.key, dt.date) else position.key
    raw = json.dumps([sort, position.phase, key, position.last_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, sort: str) -> Position:
    if not cursor:
        return Position()
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        found_sort, phase, key, last_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError) as e:
        raise ApiError(400, "cursor is not one this API gave", code="invalid_cursor") from e
    if found_sort != sort or phase not in (PHASE_KEYED, PHASE_NULL) or not isinstance(last_id, str):
        raise ApiError(400, "cursor does not belong to this sort", code="invalid_cursor")
    return Position(phase, _decode_key(SORTS[sort][0], key), last_id)


def _decode_key(column: Any, key: Any) -> Any:
    """The cursor's sort key as the column's Python type (a tampered key is refused)."""
    if key is None:
        return None
    if column is events.c.date and isinstance(key, str):
        try:
            return dt.date.fromisoformat(key)
        except ValueError as e:
            raise ApiError(400, "cursor is not one this API gave", code="invalid_cursor") from e
    expected = {"fatalities_best": int, "confidence": (int, float), "id": str}.get(column.name)
    if expected is None or isinstance(key, bool) or not isinstance(key, expected):
        raise ApiError(400, "cursor is not one this API gave", code="invalid_cursor")
    return key


def check_sort(sort: str) -> str:
    if sort not in SORTS:
        raise ApiError(422, f"sort must be one of {', '.join(SORTS)}")
    return sort


def _phase_query(
    base: Select[Any], sort: str, position: Position, phase: int, limit: int
) -> Select[Any]:
    column, desc = SORTS[sort]
    id_col = events.c.id
    after = position.last_id if position.phase == phase else None
    if phase == PHASE_KEYED:
        query = base.where(column.is_not(None))
        order = [column.desc(), id_col.desc()] if desc else [column, id_col]
        if after is not None:
            pair = tuple_(column, id_col)
            last = tuple_(literal(position.key, column.type), literal(after, id_col.type))
            query = query.where(pair < last if desc else pair > last)
    else:
        query = base.where(column.is_(None))
        order = [id_col.desc() if desc else id_col]
        if after is not None:
            query = query.where(id_col < after if desc else id_col > after)
    return query.order_by(*order).limit(limit)


def fetch_page(
    conn: Connection,
    clauses: Sequence[ColumnElement[bool]],
    *,
    sort: str,
    position: Position,
    limit: int,
) -> tuple[list[str], Position | None]:
    """Ids of up to ``limit`` events after ``position``, and where the next page starts.

    Only the sort key and id go through the sort: carrying wide columns (the JSON
    record) through the database's sorter costs more than fetching them by id after.
    """
    column, _ = SORTS[sort]
    base = select(column.label("key"), events.c.id).where(*clauses)
    rows: list[Any] = []
    phases = (PHASE_KEYED, PHASE_NULL) if position.phase == PHASE_KEYED else (PHASE_NULL,)
    if not column.nullable:
        phases = (PHASE_KEYED,)
    for phase in phases:
        want = limit + 1 - len(rows)  # one more than asked tells whether a next page exists
        rows.extend(conn.execute(_phase_query(base, sort, position, phase, want)).all())
        if len(rows) > limit:
            break
    if len(rows) <= limit:
        return [r.id for r in rows], None
    rows = rows[:limit]
    last = rows[-1]
    phase = PHASE_NULL if last.key is None else PHASE_KEYED
    return [r.id for r in rows], Position(phase, last.key, last.id)


def load_rows(conn: Connection, columns: Sequence[Any], ids: Sequence[str]) -> list[Any]:
    """Rows of ``columns`` for the events ``ids``, in the order of ``ids``."""
    if not ids:
        return []
    query = select(events.c.id.label("_id"), *columns).where(events.c.id.in_(ids))
    found = {r._id: r for r in conn.execute(query)}
    return [found[i] for i in ids if i in found]


def iterate_rows(
    conn: Connection,
    columns: Sequence[Any],
    clauses: Sequence[ColumnElement[bool]],
    *,
    sort: str,
    batch: int,
    limit: int | None = None,
) -> Iterator[Any]:
    """Every matching row in ``batch``-sized pages (downloads stream this, in bounded memory)."""
    position: Position | None = Position()
    sent = 0
    while position is not None and (limit is None or sent < limit):
        size = batch if limit is None else min(batch, limit - sent)
        ids, position = fetch_page(conn, clauses, sort=sort, position=position, limit=size)
        yield from load_rows(conn, columns, ids)
        sent += len(ids)
