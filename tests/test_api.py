"""The HTTP API against a real SQLite ledger: filters, pagination, evidence, downloads."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest
from fastapi.testclient import TestClient
from test_api_fixtures import build_ledger

from dateline.api import create_app
from dateline.api.paging import Position, encode_cursor
from dateline.contract import event_record
from dateline.export.acled import ACLED_COLUMNS
from dateline.records import PLOVER_TYPES, QUAD_CLASS
from dateline.store import Ledger


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory):
    return build_ledger(tmp_path_factory.mktemp("api") / "ledger.db")


@pytest.fixture(scope="module")
def records(ledger_path):
    return {r["id"]: r for r in Ledger(ledger_path, read_only=True).event_records()}


@pytest.fixture(scope="module")
def client(ledger_path):
    with TestClient(create_app(str(ledger_path))) as c:
        yield c


def walk(client, path, **params):
    """Every item of a paginated listing, following next_cursor."""
    items, cursor, pages = [], None, 0
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        body = client.get(path, params=query).json()
        items += body["items"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return items, pages


def ids(items):
    return [i["id"] for i in items]


# -- the list and its shape --------------------------------------------------


def test_events_answer_items_in_the_export_contract_shape(client, records):
    body = client.get("/events", params={"limit": 5}).json()
    assert set(body) == {"items", "next_cursor"}
    assert len(body["items"]) == 5 and body["next_cursor"]
    for item in body["items"]:
        assert item == records[item["id"]]
    contract_keys = set(next(iter(records.values())))
    assert all(set(i) == contract_keys for i in body["items"])


def _matches(record, **f):
    loc = record.get("location") or {}
    names = [(record.get(k) or {}).get("name") or "" for k in ("actor1", "actor2")]
    checks = {
        "since": lambda v: record["date"] is not None and record["date"] >= v,
        "until": lambda v: record["date"] is not None and record["date"] <= v,
        "type": lambda v: record["type"] in v.split(","),
        "quad_class": lambda v: QUAD_CLASS[record["type"]] == v,
        "acled_event_type": lambda v: record["acled_event_type"] == v,
        "actor": lambda v: any(v.lower() in n.lower() for n in names),
        "country": lambda v: loc.get("country") in v.split(","),
        "min_confidence": lambda v: record["confidence"] >= v,
        "q": lambda v: v.lower() in json.dumps(record, ensure_ascii=False).lower(),
    }
    return all(checks[k](v) for k, v in f.items())


FILTERS = [
    {"since": "2014-06-10", "until": "2014-06-20"},
    {"type": "ASSAULT"},
    {"type": "AID,COERCE"},
    {"quad_class": "material_conflict"},
    {"quad_class": "verbal_conflict", "country": "FJI"},
    {"acled_event_type": "Battles"},
    {"actor": "iraq CIV"},
    {"country": "IRQ,SYR"},
    {"min_confidence": 0.8},
    {"q": "market"},
    {"type": "ASSAULT", "country": "IRQ", "min_confidence": 0.5, "since": "2014-06-05"},
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f))
def test_each_filter_selects_exactly_the_matching_events(client, records, filters):
    expected = {i for i, r in records.items() if _matches(r, **filters)}
    assert expected, "the fixture ledger should have events for every filter"
    found, _ = walk(client, "/events", limit=7, **filters)
    assert sorted(ids(found)) == sorted(expected)


def test_bbox_selects_events_inside_it(client, records):
    found, _ = walk(client, "/events", bbox="43,36,44.5,37")
    expected = {
        i
        for i, r in records.items()
        if r["location"] and 36 <= r["location"]["lat"] <= 37 and 43 <= r["location"]["lon"] <= 44.5
    }
    assert "ev-mosul" in expected and "ev-tikrit" not in expected
    assert set(ids(found)) == expected


def test_a_bbox_across_the_date_line_keeps_both_sides(client):
    found, _ = walk(client, "/events", bbox="178,-20,-178,-10")
    assert set(ids(found)) == {"ev-labasa", "ev-lau"}


@pytest.mark.parametrize(
    "bad",
    [{"bbox": "1,2,3"}, {"bbox": "a,b,c,d"}, {"bbox": "0,80,10,95"}, {"type": "BOMBING"},
     {"quad_class": "war"}, {"since": "2014-07-01", "until": "2014-06-01"}, {"limit": 1001},
     {"limit": 0}, {"min_confidence": 2}, {"sort": "name"}, {"since": "June"}],
    ids=lambda b: json.dumps(b),
)  # fmt: skip
def test_bad_parameters_answer_422_in_the_error_shape(client, bad):
    response = client.get("/events", params=bad)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


# -- pagination -----------------------------------------------------------------

SORT_KEYS = {
    "date": lambda r: r["date"],
    "fatalities": lambda r: (r["fatalities"] or {}).get("best"),
    "confidence": lambda r: r["confidence"],
}


@pytest.mark.parametrize("sort", ["date", "-date", "fatalities", "-fatalities", "-confidence"])
def test_pagination_walks_every_event_once_in_sort_order(client, records, sort):
    found, pages = walk(client, "/events", limit=7, sort=sort)
    assert len(found) == len(set(ids(found))) == len(records)
    assert pages == -(-len(records) // 7)
    key = SORT_KEYS[sort.lstrip("-")]
    keyed = [key(r) for r in found if key(r) is not None]
    assert keyed == sorted(keyed, reverse=sort.startswith("-"))
    # Events without the sort key come after all the others.
    first_missing = next((n for n, r in enumerate(found) if key(r) is None), len(found))
    assert all(key(r) is None for r in found[first_missing:])


def test_pagination_with_a_filter_and_the_largest_page(client, records):
    found, pages = walk(client, "/events", limit=1000, country="IRQ")
    assert pages == 1
    assert set(ids(found)) == {i for i, r in records.items() if _matches(r, country="IRQ")}


def test_a_cursor_from_another_sort_or_garbage_is_refused(client):
    cursor = client.get("/events", params={"limit": 2, "sort": "date"}).json()["next_cursor"]
    tampered = encode_cursor("fatalities", Position(0, "12; DROP", "ev-mosul"))
    for params in (
        {"cursor": cursor, "sort": "-date"},
        {"cursor": "bm90IGEgY3Vyc29y"},
        {"cursor": tampered, "sort": "fatalities"},
    ):
        response = client.get("/events", params={"limit": 2, **params})
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "invalid_cursor"


# -- one event and its evidence -------------------------------------------------


def test_one_event_has_every_mention_with_its_evidence_and_contradictions(client, ledger_path):
    body = client.get("/events/ev-mosul").json()
    assert [m["source"] for m in body["mentions"]] == ["Example Wire", "Daily Dispatch"]
    assert [m["attributed_to"] for m in body["mentions"]] == ["local officials", "medics"]
    docs = {d.id: d for d in Ledger(ledger_path, read_only=True).documents()}
    for mention in body["mentions"]:
        text = docs[mention["doc_id"]].text
        assert text[mention["start"] : mention["end"]] == mention["text"]
        trigger = mention["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"] == "bombed"
    assert body["contradictions"] == [
        {"field": "fatalities", "values": [12, 15], "sources": [["a.txt"], ["b.txt"]]}
    ]
    assert body["documents"]["doc-a"]["title"] == "Market bombed in Mosul"


def test_an_unknown_event_is_a_404_in_the_error_shape(client):
    response = client.get("/events/no-such-event")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "no event with id 'no-such-event'"}
    }


# -- aggregates for the dashboard ---------------------------------------------------


def test_points_are_light_rows_of_the_same_events(client, records):
    body = client.get("/events/points", params={"limit": 1000, "type": "ASSAULT"}).json()
    expected = {i for i, r in records.items() if r["type"] == "ASSAULT"}
    assert {p["id"] for p in body["items"]} == expected
    mosul = next(p for p in body["items"] if p["id"] == "ev-mosul")
    assert mosul["quad_class"] == "material_conflict" and mosul["fatalities"] == 12
    assert "mentions" not in mosul


def test_summary_grid_counts_every_located_event_once(client, records):
    located = [r for r in records.values() if r["location"] and r["location"]["lat"] is not None]
    body = client.get("/events/summary", params={"cells": 8}).json()
    assert body["total"] == sum(c["count"] for c in body["cells"]) == len(located)
    assert sum(sum(c["quad_classes"].values()) for c in body["cells"]) == len(located)
    boxed = client.get("/events/summary", params={"bbox": "43,36,44.5,37"}).json()
    assert boxed["total"] == len(walk(client, "/events", bbox="43,36,44.5,37")[0])


def test_histogram_counts_dated_events_per_bucket(client, records):
    dated = [r for r in records.values() if r["date"]]
    body = client.get("/events/histogram", params={"bucket": "month"}).json()
    per_month = Counter(r["date"][:7] + "-01" for r in dated)
    assert {b["start"]: b["count"] for b in body["buckets"]} == dict(per_month)
    assert client.get("/events/histogram").json()["bucket"] in ("day", "week")


# -- actors, network, places, documents, stats --------------------------------------


def test_actors_list_counts_both_roles(client, records):
    body = client.get("/actors", params={"limit": 5000}).json()
    by_name = {a["name"]: a for a in body["items"]}
    expected = Counter(r[k]["name"] for r in records.values() for k in ("actor1", "actor2") if r[k])
    assert {n: a["events"] for n, a in by_name.items()} == dict(expected)
    assert by_name["Syria military"]["id"] == "SYR-MIL"
    assert by_name["Syria military"]["country"] == "SYR"


def test_one_actor_with_counterparts_and_404(client):
    body = client.get("/actors/FJI-REB").json()
    assert body["name"] == "Fiji rebels" and body["events"] == 2
    assert body["counterparts"] == [
        {
            "name": "Fiji police",
            "events": 2,
            "quad_classes": {"material_conflict": 1, "verbal_conflict": 1},
        }
    ]
    assert {e["id"] for e in body["recent_events"]} == {"ev-labasa", "ev-lau"}
    assert client.get("/actors/nobody").status_code == 404


def test_network_edges_follow_actor1_to_actor2_per_quad_class(client, records):
    body = client.get("/network", params={"limit": 5000}).json()
    expected = Counter(
        (r["actor1"]["name"], r["actor2"]["name"], QUAD_CLASS[r["type"]])
        for r in records.values()
        if r["actor1"] and r["actor2"]
    )
    got = {(e["source"], e["target"], e["quad_class"]): e for e in body["edges"]}
    assert {k: e["count"] for k, e in got.items()} == dict(expected)
    fiji = got[("Fiji rebels", "Fiji police", "verbal_conflict")]
    assert fiji["event_ids"] == ["ev-lau"] and fiji["conflict"] is True
    names = {n["name"] for n in body["nodes"]}
    assert names == {e["source"] for e in body["edges"]} | {e["target"] for e in body["edges"]}


def test_network_windows_and_quad_class(client):
    body = client.get(
        "/network", params={"window": "month", "quad_class": "verbal_conflict", "country": "FJI"}
    ).json()
    assert [(e["window"], e["event_ids"]) for e in body["edges"]] == [("2014-07-01", ["ev-lau"])]
    since = client.get("/network", params={"since": "2014-07-01", "country": "FJI"}).json()
    assert [e["event_ids"] for e in since["edges"]] == [["ev-lau"]]


def test_places_group_events_by_point(client, records):
    body = client.get("/places", params={"limit": 10000}).json()
    located = [r for r in records.values() if r["location"]]
    assert sum(p["events"] for p in body["items"]) == len(located)
    mosul = next(p for p in body["items"] if p["name"] == "Mosul" and p["lat"] == 36.34)
    assert mosul["events"] == 1 and mosul["admin1"] == "Nineveh"


def test_document_has_its_text_with_comments_kept_apart(client):
    body = client.get("/documents/doc-a").json()
    assert body["text"].startswith("Syrian jets bombed")
    assert [c["text"] for c in body["comments"]] == ["Terrible news, praying for Mosul."]
    assert "praying" not in body["text"]
    spans = {(m["event_id"], body["text"][m["start"] : m["end"]][:11]) for m in body["mentions"]}
    assert spans == {("ev-mosul", "Syrian jets"), ("ev-tikrit", "Later that ")}
    assert client.get("/documents/nope").status_code == 404


def test_stats_count_the_ledger_and_the_matching_events(client, records):
    body = client.get("/stats").json()
    assert body["ledger"]["events"] == body["events"] == len(records)
    assert body["ledger"]["documents"] == 7 and body["ledger"]["comments"] == 2
    assert body["by_country"]["FJI"] == 2
    assert body["vocabulary"]["types"] == list(PLOVER_TYPES)
    filtered = client.get("/stats", params={"country": "FJI"}).json()
    assert filtered["events"] == 2 and filtered["fatalities"] == 1
    assert filtered["by_quad_class"] == {"material_conflict": 1, "verbal_conflict": 1}


# -- downloads ------------------------------------------------------------------------


def test_csv_download_has_acled_columns_and_every_matching_event(client, records):
    response = client.get("/events.csv", params={"country": "IRQ"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == ACLED_COLUMNS
    expected = {i for i, r in records.items() if _matches(r, country="IRQ")}
    assert {r["event_id_cnty"] for r in rows} == expected
    mosul = next(r for r in rows if r["event_id_cnty"] == "ev-mosul")
    assert mosul["event_type"] == "Explosions/Remote violence" and mosul["fatalities"] == "12"
    assert client.get("/events", params={"country": "IRQ", "format": "csv"}).text == response.text


def test_jsonl_download_is_the_records_in_order(client):
    lines = client.get("/events.jsonl", params={"sort": "-date"}).text.splitlines()
    paged, _ = walk(client, "/events", sort="-date", limit=1000)
    assert [json.loads(line) for line in lines] == paged


def test_geojson_download_has_a_point_per_located_event(client, records):
    body = client.get("/events.geojson", params={"type": "THREATEN,ASSAULT"}).json()
    assert body["type"] == "FeatureCollection"
    expected = {
        i for i, r in records.items() if r["type"] in ("THREATEN", "ASSAULT") and r["location"]
    }
    assert {f["id"] for f in body["features"]} == expected
    lau = next(f for f in body["features"] if f["id"] == "ev-lau")
    assert lau["geometry"]["coordinates"] == [-179.10, -17.20]


def test_download_limit_caps_the_rows(client):
    lines = client.get("/events.jsonl", params={"limit": 3}).text.splitlines()
    assert len(lines) == 3


def test_record_shape_matches_the_contract_function(records):
    # The API serves what the store wrote: the contract's own keys, no more, no less.
    from conftest import make_document, make_event, make_mention

    reference = event_record(make_event((make_mention(make_document()),)))
    assert set(records["ev-mosul"]) == set(reference)
