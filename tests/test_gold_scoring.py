"""The scoring rule itself, on hand-built gold and output records."""

from __future__ import annotations

from dateline.evaluation.gold import score


def gold(gid, **kw):
    record = {
        "id": gid,
        "doc": "a.txt",
        "required": True,
        "type": ["ASSAULT"],
        "actor1": {"country": "SYR", "sector": "MIL", "group": None},
        "actor2": {"country": None, "sector": "REB", "group": "ISIS"},
        "location": {"country": "IRQ", "lat": 34.37, "lon": 41.09, "precision": "town"},
        "date": "2014-06-24",
        "date_tolerance_days": 1,
        "fatalities": {"low": 57, "high": 71},
        "injuries": None,
        "evidence": "planes struck the market",
        "cluster": gid,
    }
    record.update(kw)
    return record


def event(eid, **kw):
    record = {
        "id": eid,
        "type": "ASSAULT",
        "actor1": {"country": "SYR", "sector": "MIL", "group": None},
        "actor2": {"country": None, "sector": "REB", "group": "ISIS"},
        "location": {"country": "IRQ", "lat": 34.40, "lon": 41.00},
        "date": "2014-06-25",
        "fatalities": {"low": 57, "best": 60, "high": 71},
        "injuries": None,
        "mentions": [
            {
                "doc": "a.txt",
                "text": "planes struck the market",
                "start": 0,
                "trigger": {"start": 7},
            }
        ],
    }
    record.update(kw)
    return record


def test_match_needs_document_type_and_place():
    g = [gold("g1")]
    assert score([event("e1")], g).recall == 1.0
    assert score([event("e1", type="CONSULT")], g).recall == 0.0
    far = {"country": "IRQ", "lat": 33.34, "lon": 44.40}  # Baghdad: ~300 km away
    assert score([event("e1", location=far)], g).recall == 0.0
    other_doc = [{**event("x")["mentions"][0], "doc": "b.txt"}]
    assert score([event("e1", mentions=other_doc)], g).recall == 0.0


def test_country_level_gold_accepts_same_country():
    g = [gold("g1", location={"country": "IRQ", "lat": 33.0, "lon": 44.0, "precision": "country"})]
    assert score([event("e1")], g).recall == 1.0
    syria = {"country": "SYR", "lat": 35.0, "lon": 38.0}
    assert score([event("e1", location=syria)], g).recall == 0.0


def test_duplicates_count_against_precision():
    report = score([event("e1"), event("e2")], [gold("g1")])
    assert report.recall == 1.0
    assert report.precision == 0.5
    # Read event by event, design.md's rule counts both as matching; reported apart.
    assert report.precision_any_match == 1.0
    unmatched = event("e3", type="CONSULT")
    assert score([event("e1"), event("e2"), unmatched], [gold("g1")]).matching_events == 2


def test_field_accuracy():
    report = score([event("e1", actor1={"country": "USA", "sector": "MIL"})], [gold("g1")])
    fields = report.as_dict()["fields"]
    assert fields["actor1"]["accuracy"] == 0.0
    assert fields["actor2"]["accuracy"] == 1.0
    assert fields["date"]["accuracy"] == 1.0
    assert fields["fatalities"]["accuracy"] == 1.0
    assert fields["injuries"]["total"] == 0


def test_optional_gold_is_not_penalised_and_not_required():
    g = [gold("g1"), gold("g2", required=False, type=["CONSULT"])]
    report = score([event("e1"), event("e2", type="CONSULT")], g)
    assert report.recall == 1.0 and report.precision == 1.0 and report.optional_found == 1


def test_an_event_spanning_two_gold_events_evidence_is_a_wrong_merge():
    text = "planes struck the market and troops seized the bridge"
    mentions = [
        {"doc": "a.txt", "text": text, "start": 0, "trigger": {"start": 7}},
        {"doc": "a.txt", "text": text, "start": 0, "trigger": {"start": 35}},
    ]
    golds = [
        gold("g1", cluster="c1", evidence="planes struck the market"),
        gold("g2", cluster="c2", evidence="troops seized the bridge", required=False),
    ]
    report = score([event("e1", mentions=mentions)], golds)
    assert report.wrong_merges == [("e1", ("c1", "c2"))]
    alone = score([event("e1", mentions=mentions[:1])], golds)
    assert alone.wrong_merges == []
