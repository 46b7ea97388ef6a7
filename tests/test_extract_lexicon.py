"""Extraction lexicons: packaged tables, user extensions, schema checks."""

from __future__ import annotations

import json

import pytest

from dateline.datafiles import USER_DATA_ENV, DataFileError
from dateline.extract import load_nlp
from dateline.extract.extensions import TRIGGERS_KEY
from dateline.extract.lexicon import load_rows, word_classes
from dateline.extract.triggers import TriggerFinder
from dateline.records import PLOVER_TYPES

PILLAGE = {"id": "coerce.pillage", "lemma": "pillage", "type": "COERCE", "mode": "loot"}
HEADER = {"_meta": {"schema_version": 1, "source": "written for this test"}}


def write_table(path, rows, header=HEADER):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in [header, *rows]), encoding="utf-8")


def test_packaged_trigger_rows_are_well_formed():
    rows = load_rows("triggers", "events")
    classes = word_classes()
    assert len(rows) > 50
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["type"] in PLOVER_TYPES, row
        for key in ("object_in", "object_not_in", "subject_in", "prep_object_in", "governor_in"):
            names = [row[key]] if isinstance(row.get(key), str) else row.get(key, [])
            for name in names:
                assert name in classes, (row["id"], name)


def test_user_rows_come_after_packaged_ones(tmp_path):
    write_table(tmp_path / "triggers" / "events.mine.jsonl", [PILLAGE])
    packaged = load_rows("triggers", "events")
    merged = load_rows("triggers", "events", extra_dirs=[tmp_path])
    assert merged[: len(packaged)] == packaged
    assert merged[-1]["id"] == "coerce.pillage"


def test_user_folder_from_environment(tmp_path, monkeypatch):
    write_table(tmp_path / "extract" / "classes.jsonl", [{"class": "FORCES", "lemmas": ["Legion"]}])
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path))
    assert "legion" in word_classes()["FORCES"].lemmas


def test_wrong_schema_version_is_refused(tmp_path):
    write_table(
        tmp_path / "triggers" / "events.bad.jsonl", [], header={"_meta": {"schema_version": 99}}
    )
    with pytest.raises(DataFileError, match="schema_version"):
        load_rows("triggers", "events", extra_dirs=[tmp_path])


def test_a_user_trigger_is_found(tmp_path):
    write_table(tmp_path / "triggers" / "events.mine.jsonl", [PILLAGE])
    nlp = load_nlp()
    doc = nlp("Militiamen pillaged the houses of the village.")
    TriggerFinder(extra_dirs=[tmp_path])(doc)
    found = [(span.text, span.label_, span._.dl_entry["mode"]) for span in doc.spans[TRIGGERS_KEY]]
    assert found == [("pillaged", "COERCE", "loot")]
