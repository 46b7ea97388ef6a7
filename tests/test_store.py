from __future__ import annotations

import sqlite3

import pytest
from conftest import make_document, make_event, make_mention

from dateline.errors import LedgerError
from dateline.store import Ledger


def test_document_round_trip_and_idempotent_add(tmp_path):
    ledger = Ledger(tmp_path / "l.db")
    doc = make_document()
    mention = make_mention(doc)
    assert ledger.add_document(doc, [mention]) is True
    assert ledger.add_document(doc, [mention]) is False
    assert ledger.documents() == [doc]
    assert ledger.mentions() == [mention]
    assert ledger.counts() == {"documents": 1, "comments": 1, "mentions": 1, "events": 0}


def test_replace_events_is_atomic_swap(tmp_path):
    ledger = Ledger(tmp_path / "l.db")
    doc = make_document()
    mention = make_mention(doc)
    ledger.add_document(doc, [mention])
    ledger.replace_events([make_event((mention,), id="e1")])
    ledger.replace_events([make_event((mention,), id="e2")])
    records = list(ledger.event_records())
    assert [r["id"] for r in records] == ["e2"]
    assert records[0]["mentions"][0]["doc"] == "report.txt"
    assert records[0]["contradictions"][0]["values"] == [12, 15]


def test_replace_document_swaps_mentions(tmp_path):
    ledger = Ledger(tmp_path / "l.db")
    doc = make_document()
    ledger.add_document(doc, [make_mention(doc)])
    ledger.replace_events([make_event((make_mention(doc),))])
    newer = make_mention(doc, type="COERCE")
    ledger.replace_document(doc, [newer])
    assert ledger.mentions() == [newer]


def test_ledger_uses_wal(tmp_path):
    path = tmp_path / "l.db"
    Ledger(path).add_document(make_document(), [])
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_read_only_ledger_that_does_not_exist_is_a_clear_error(tmp_path):
    with pytest.raises(LedgerError, match="E030"):
        Ledger(tmp_path / "missing.db", read_only=True)


def test_a_failure_while_writing_leaves_no_half_document(tmp_path, monkeypatch):
    from dateline.store import ledger as ledger_module

    ledger = Ledger(tmp_path / "l.db")
    doc = make_document()

    def broken_row(key, mention):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ledger_module, "_mention_row", broken_row)
    with pytest.raises(RuntimeError):
        ledger.add_document(doc, [make_mention(doc)])
    assert ledger.counts() == {"documents": 0, "comments": 0, "mentions": 0, "events": 0}


def test_one_document_is_read_by_id(tmp_path):
    ledger = Ledger(tmp_path / "l.db")
    first, second = make_document(id="a"), make_document("Shelling hit Douma.", id="b")
    ledger.add_document(first, [])
    ledger.add_document(second, [])
    assert ledger.document("b") == second
    assert ledger.document("missing") is None
    assert ledger.documents(ids=["a"]) == [first]
