"""The built-in export formats, each registered like a plug-in would be.

Every writer takes event records in the export contract's shape (see
dateline.contract) and a binary stream, so the CLI and the API share them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from dateline.export.acled import ACLED_COLUMNS, acled_row
from dateline.registry import exporters


@exporters.register("jsonl")
def write_jsonl(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    n = 0
    for n, record in enumerate(records, 1):  # noqa: B007 - n is the count written
        out.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
    return n


def csv_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """ACLED-style CSV, a line at a time (the API streams it)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(acled_row(record))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()


@exporters.register("csv")
def write_csv(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    written = 0

    def counted() -> Iterator[dict[str, Any]]:
        # The header and the first row leave csv_lines as one chunk: count records, not chunks.
        nonlocal written
        for record in records:
            written += 1
            yield record

    for line in csv_lines(counted()):
        out.write(line.encode())
    return written


def geojson_feature(record: dict[str, Any]) -> dict[str, Any] | None:
    loc = record.get("location") or {}
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    properties = {k: v for k, v in record.items() if k != "location"}
    properties["location"] = {k: v for k, v in loc.items() if k not in ("lat", "lon")}
    return {
        "type": "Feature",
        "id": record["id"],
        "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
        "properties": properties,
    }


@exporters.register("geojson")
def write_geojson(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """A FeatureCollection; events with no coordinates are left out (they have no point)."""
    out.write(b'{"type": "FeatureCollection", "features": [')
    n = 0
    for record in records:
        feature = geojson_feature(record)
        if feature is None:
            continue
        out.write((b", " if n else b"") + json.dumps(feature, ensure_ascii=False).encode())
        n += 1
    out.write(b"]}\n")
    return n


@exporters.register("parquet")
def write_parquet(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """ACLED-style flat columns plus the full record as JSON, for analysts' dataframes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{**acled_row(r), "record_json": json.dumps(r, ensure_ascii=False)} for r in records]
    columns = [*ACLED_COLUMNS, "record_json"]
    table = pa.Table.from_pylist(rows, schema=_parquet_schema(columns)) if rows else None
    pq.write_table(table if table is not None else _empty_table(columns), out)
    return len(rows)


def _parquet_schema(columns: list[str]) -> Any:
    import pyarrow as pa

    numeric = {"latitude": pa.float64(), "longitude": pa.float64(), "confidence": pa.float64()}
    ints = {"year", "inter1", "inter2", "fatalities", "fatalities_low", "fatalities_high",
            "injuries_low", "injuries_best", "injuries_high", "time_precision", "geo_precision",
            "iso", "mentions", "sources", "interaction"}  # fmt: skip
    return pa.schema(
        [(c, numeric.get(c, pa.int64() if c in ints else pa.string())) for c in columns]
    )


def _empty_table(columns: list[str]) -> Any:
    import pyarrow as pa

    schema = _parquet_schema(columns)
    return pa.table({f.name: pa.array([], type=f.type) for f in schema}, schema=schema)
