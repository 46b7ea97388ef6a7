from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
from conftest import make_document, make_event, make_mention

from dateline.contract import event_record
from dateline.export import FORMATS, export_file, export_records
from dateline.export.acled import ACLED_COLUMNS

CONTRACT_FIELDS = {
    "id", "type", "mode", "acled_event_type", "acled_sub_event_type", "date", "date_precision",
    "modality", "actor1", "actor2", "location", "fatalities", "injuries", "confidence",
    "mentions", "contradictions",
}  # fmt: skip


def _record():
    doc = make_document()
    return event_record(make_event((make_mention(doc),)))


def test_contract_fields_are_all_there():
    record = _record()
    assert set(record) >= CONTRACT_FIELDS
    assert set(record["mentions"][0]) >= {"doc", "source", "attributed_to", "text", "start", "end"}
    assert set(record["location"]) >= {"name", "country", "admin1", "lat", "lon", "geonameid"}
    assert record["fatalities"] == {"low": 10, "best": 12, "high": 15, "open_ended": False}


def test_formats_registered():
    assert {"jsonl", "csv", "geojson", "parquet"} <= set(FORMATS)


def test_jsonl_round_trips():
    buffer = io.BytesIO()
    assert export_records([_record(), _record()], "jsonl", buffer) == 2
    lines = buffer.getvalue().decode().splitlines()
    assert json.loads(lines[0]) == _record()


def test_csv_uses_acled_columns_and_values():
    buffer = io.BytesIO()
    export_records([_record()], "csv", buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue().decode())))
    assert list(rows[0]) == ACLED_COLUMNS
    row = rows[0]
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Air/drone strike"
    assert row["country"] == "Iraq" and row["iso"] == "368"
    assert row["fatalities"] == "12" and row["interaction"] == "78"
    assert row["civilian_targeting"] == "Civilian targeting"


def test_every_writer_reports_the_events_it_wrote():
    for fmt, expected in (("jsonl", 3), ("csv", 3), ("parquet", 3)):
        buffer = io.BytesIO()
        assert export_records([_record(), _record(), _record()], fmt, buffer) == expected, fmt
        assert export_records([], fmt, io.BytesIO()) == 0, fmt
    rows = list(csv.DictReader(io.StringIO(_csv([_record(), _record()]))))
    assert len(rows) == 2


def _csv(records) -> str:
    buffer = io.BytesIO()
    export_records(records, "csv", buffer)
    return buffer.getvalue().decode()


def test_geojson_points_and_skips_events_without_coordinates():
    record = _record()
    placeless = {**_record(), "id": "nowhere", "location": None}
    buffer = io.BytesIO()
    assert export_records([record, placeless], "geojson", buffer) == 1
    collection = json.loads(buffer.getvalue())
    feature = collection["features"][0]
    assert feature["geometry"]["coordinates"] == [43.12, 36.34]
    assert feature["properties"]["type"] == "ASSAULT"


def test_parquet_file_written_atomically(tmp_path):
    path = tmp_path / "events.parquet"
    assert export_file([_record()], "parquet", path) == 1
    table = pq.read_table(path)
    assert table.num_rows == 1
    assert table.column("fatalities").to_pylist() == [12]
    assert not (tmp_path / "events.parquet.partial").exists()


def test_empty_parquet_still_has_columns(tmp_path):
    path = tmp_path / "none.parquet"
    assert export_file([], "parquet", path) == 0
    assert "event_type" in pq.read_table(path).column_names
