"""Streamed downloads of the filtered events: CSV (ACLED columns), GeoJSON, JSON Lines.

Rows are read in keyset pages on a connection the stream owns, so memory stays
bounded whatever the ledger's size. The formats are the exporters' own
(dateline.export.formats), so the CLI and the API write the same files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from fastapi.responses import StreamingResponse
from sqlalchemy import ColumnElement, Engine

from dateline.api.paging import iterate_rows
from dateline.export.formats import csv_lines, geojson_feature
from dateline.store.schema import events

DOWNLOAD_BATCH = 1000  # rows per database round trip while streaming
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
}


def _stored_records(
    engine: Engine, clauses: Sequence[ColumnElement[bool]], sort: str, limit: int | None
) -> Iterator[str]:
    with engine.connect() as conn:
        rows = iterate_rows(
            conn, [events.c.data], clauses, sort=sort, batch=DOWNLOAD_BATCH, limit=limit
        )
        for row in rows:
            yield row.data


def _jsonl(texts: Iterator[str]) -> Iterator[str]:
    for text in texts:
        yield text + "\n"


def _csv(texts: Iterator[str]) -> Iterator[str]:
    yield from csv_lines(json.loads(text) for text in texts)


def _geojson(texts: Iterator[str]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for text in texts:
        feature = geojson_feature(json.loads(text))
        if feature is None:
            continue  # no coordinates, no point
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}\n"


WRITERS = {"csv": _csv, "geojson": _geojson, "jsonl": _jsonl}


def download(
    engine: Engine,
    fmt: str,
    clauses: Sequence[ColumnElement[bool]],
    *,
    sort: str,
    limit: int | None = None,
) -> StreamingResponse:
    body: Iterator[Any] = WRITERS[fmt](_stored_records(engine, clauses, sort, limit))
    return StreamingResponse(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'},
    )
