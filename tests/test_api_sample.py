"""The synthetic ledger behind the API benchmark and demos, and the serve entry point."""

from __future__ import annotations

from dateline.api import server
from dateline.api.sample import write_sample_ledger
from dateline.store import Ledger


def test_sample_ledger_has_the_events_asked_for_with_true_offsets(tmp_path):
    ledger = write_sample_ledger(tmp_path / "sample.db", 30, seed=3)
    records = list(ledger.event_records())
    assert len(records) == 30
    texts = {d.id: d.text for d in ledger.documents()}
    for record in records:
        for mention in record["mentions"]:
            text = texts[mention["doc_id"]]
            assert text[mention["start"] : mention["end"]] == mention["text"]
            trigger = mention["trigger"]
            assert text[trigger["start"] : trigger["end"]] == trigger["text"]
            if mention["killed"]:
                count = mention["killed"]
                assert text[count["start"] : count["end"]] == str(count["best"])
        tolls = {m["killed"]["best"] for m in record["mentions"] if m["killed"]}
        assert bool(record["contradictions"]) == (len(tolls) > 1)


def test_sample_ledger_is_the_same_for_the_same_seed(tmp_path):
    first = write_sample_ledger(tmp_path / "a.db", 12, seed=5)
    second = write_sample_ledger(tmp_path / "b.db", 12, seed=5)
    other = write_sample_ledger(tmp_path / "c.db", 12, seed=6)
    assert list(first.event_records()) == list(second.event_records())
    assert list(first.event_records()) != list(other.event_records())


def test_serve_runs_the_app_on_loopback_by_default(tmp_path, monkeypatch):
    path = tmp_path / "ledger.db"
    Ledger(path).engine.dispose()
    calls = []
    monkeypatch.setattr(server.uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    server.serve(str(path), port=8123, token="t")
    ((app, options),) = calls
    assert options["host"] == "127.0.0.1" and options["port"] == 8123
    assert app.state.token == "t" and app.state.db == str(path)
