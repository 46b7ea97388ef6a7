"""Events: the filtered, paginated list, its downloads, and one event with its evidence."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel
from sqlalchemy import select

from dateline.api.deps import Conn, EngineDep
from dateline.api.downloads import download
from dateline.api.errors import ApiError
from dateline.api.filters import Filters, where_clauses
from dateline.api.paging import (
    DEFAULT_SORT,
    Sort,
    check_sort,
    decode_cursor,
    encode_cursor,
    fetch_page,
    load_rows,
)
from dateline.store.schema import documents, events

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000

router = APIRouter(tags=["events"])
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Format = Literal["json", "csv", "geojson", "jsonl"]


class EventPage(BaseModel):
    """A page of events in the export contract's shape (see design.md)."""

    items: list[dict[str, Any]]
    next_cursor: str | None


def _page_body(texts: list[str], next_cursor: str | None) -> bytes:
    # The stored records are already contract JSON: splice them, don't re-encode
    # (decoding and encoding 1000 records would dominate the response time).
    items = ",".join(texts)
    return f'{{"items":[{items}],"next_cursor":{json.dumps(next_cursor)}}}'.encode()


@router.get("/events", response_model=None, responses={200: {"model": EventPage}})
def list_events(
    conn: Conn,
    engine: EngineDep,
    filters: Filters,
    sort: Sort = DEFAULT_SORT,
    limit: Limit = DEFAULT_LIMIT,
    cursor: str | None = None,
    format: Format = "json",
) -> Response:
    """Events matching the filters, a page at a time; ``next_cursor`` fetches the next page."""
    sort = check_sort(sort)
    clauses = where_clauses(filters)
    if format != "json":
        return download(engine, format, clauses, sort=sort)
    ids, after = fetch_page(
        conn, clauses, sort=sort, position=decode_cursor(cursor, sort), limit=limit
    )
    rows = load_rows(conn, [events.c.data], ids)
    next_cursor = encode_cursor(sort, after) if after else None
    return Response(_page_body([r.data for r in rows], next_cursor), media_type="application/json")


def _download_route(fmt: str) -> Any:
    def route(
        engine: EngineDep,
        filters: Filters,
        sort: Sort = DEFAULT_SORT,
        limit: Annotated[int | None, Query(ge=1)] = None,
    ) -> Response:
        return download(engine, fmt, where_clauses(filters), sort=check_sort(sort), limit=limit)

    route.__doc__ = f"The filtered events as a streamed {fmt} download."
    return route


for _fmt in ("csv", "geojson", "jsonl"):
    router.add_api_route(
        f"/events.{_fmt}", _download_route(_fmt), methods=["GET"], name=f"events_{_fmt}"
    )


def _documents_of(conn: Conn, record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    ids = sorted({m["doc_id"] for m in record.get("mentions") or [] if m.get("doc_id")})
    if not ids:
        return {}
    d = documents.c
    query = select(d.id, d.name, d.title, d.outlet, d.url, d.published).where(d.id.in_(ids))
    return {
        r.id: {
            "name": r.name,
            "title": r.title,
            "outlet": r.outlet,
            "url": r.url,
            "published": r.published.isoformat() if r.published else None,
        }
        for r in conn.execute(query)
    }


@router.get("/events/{event_id}")
def get_event(conn: Conn, event_id: str) -> dict[str, Any]:
    """One event with every mention (sentence, offsets, source, attribution), its
    contradictions, and the documents its mentions come from."""
    data = conn.execute(select(events.c.data).where(events.c.id == event_id)).scalar()
    if data is None:
        raise ApiError(404, f"no event with id {event_id!r}")
    record = json.loads(data)
    record["documents"] = _documents_of(conn, record)
    return record
