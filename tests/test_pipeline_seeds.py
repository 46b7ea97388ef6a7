"""End to end on the seed pages: the evaluation gate, provenance, idempotence, order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dateline.evaluation.gold import read_gold, score
from dateline.pipeline import run
from dateline.store import Ledger

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text())


@pytest.fixture(scope="module")
def seeds(shared) -> Path:
    return shared / "seeds"


@pytest.fixture(scope="module")
def seed_ledger(seeds, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    summary = run([seeds], db=db, workers=1)
    assert summary.failed == 0 and summary.new == 5
    return db


@pytest.fixture(scope="module")
def report(seed_ledger, shared):
    events = list(Ledger(seed_ledger).event_records())
    return score(events, read_gold(shared / "gold" / "seed-events.jsonl"))


def test_gate_recall_and_precision(report):
    assert report.recall >= FLOORS["seed"]["recall_required"], report.missed
    assert report.precision >= FLOORS["seed"]["precision"], report.unmatched
    assert report.precision_any_match >= FLOORS["seed"]["precision_any_match"]


def test_gate_distinct_gold_events_stay_apart(report):
    assert len(report.wrong_merges) <= FLOORS["seed"]["max_wrong_merges"], report.wrong_merges


def test_quds_deployment_reported_twice_is_one_event(report):
    events = {e for g, e in report.pairs if g in ("s002-01", "s004-05")}
    assert len(events) == 1


@pytest.mark.parametrize(
    "field", ["actor1", "actor2", "date", "fatalities", "location", "acled", "modality"]
)
def test_gate_field_accuracy(report, field):
    accuracy = report.fields[field].accuracy or 0.0
    assert accuracy >= FLOORS["seed"]["fields"][field]


def test_al_qaim_strike_is_one_event_with_ranged_tolls(seed_ledger):
    events = [
        e
        for e in Ledger(seed_ledger).event_records()
        if e["type"] == "ASSAULT"
        and any(m["doc"].startswith("000_") and "71" in m["text"] for m in e["mentions"])
    ]
    assert len(events) == 1
    event = events[0]
    assert event["fatalities"]["low"] == 57 and event["fatalities"]["high"] == 71
    assert event["injuries"]["low"] == 37 and event["injuries"]["high"] == 120
    assert event["injuries"]["open_ended"]  # "more than 120 wounded"
    assert any(c["field"] == "fatalities" for c in event["contradictions"])


def test_every_mention_is_article_text_never_a_comment(seed_ledger):
    ledger = Ledger(seed_ledger)
    docs = {d.id: d for d in ledger.documents()}
    for mention in ledger.mentions():
        doc = docs[mention.doc_id]
        span = mention.sentence
        assert doc.text[span.start : span.end] == span.text
        assert mention.trigger.start >= span.start and mention.trigger.end <= span.end


def test_second_run_changes_nothing(seed_ledger, seeds):
    ledger = Ledger(seed_ledger)
    before = (ledger.counts(), list(ledger.event_records()))
    summary = run([seeds], db=seed_ledger, workers=1)
    assert summary.new == 0 and summary.unchanged == 5
    assert (ledger.counts(), list(ledger.event_records())) == before


def test_order_and_batches_do_not_change_the_ledger(seed_ledger, seeds, tmp_path):
    files = sorted(seeds.glob("*.txt"), reverse=True)
    folder_a, folder_b = tmp_path / "a", tmp_path / "b"
    folder_a.mkdir()
    folder_b.mkdir()
    for f in files[:2]:
        shutil.copy(f, folder_a)
    for f in files[2:]:
        shutil.copy(f, folder_b)
    db = tmp_path / "batched.db"
    run([folder_a], db=db, workers=1)
    run([folder_b], db=db, workers=1)
    assert list(Ledger(db).event_records()) == list(Ledger(seed_ledger).event_records())
