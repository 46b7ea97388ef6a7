"""Merging measured on UCDP GED Syria rows (a slice, to stay fast)."""

from __future__ import annotations

from pathlib import Path

from dateline.reconcile.ucdp_eval import evaluate, read_rows, row_mention

GED = Path(__file__).resolve().parents[2] / "shared" / "data" / "ucdp_syria"
GED_FILE = GED / "ged_syria_v19.1.csv.gz"
ROWS = 3000


def test_rows_become_resolved_mentions():
    row = read_rows(GED_FILE, limit=1)[0]
    mention = row_mention(row)
    assert mention.place.lat == float(row["latitude"])
    assert mention.date.isoformat() == row["date_start"]
    assert mention.actor1_entity.name == row["side_a"]
    assert mention.sentence.text == ""  # the shared headline must not give the answer away


def test_pairwise_scores_on_a_slice():
    scores = evaluate(GED_FILE, limit=ROWS)
    assert scores["rows"] == ROWS and scores["gold_pairs"] > 0
    assert 0 < scores["precision"] <= 1 and 0 < scores["recall"] <= 1
    # Rows of one report coded at one point on one day are the merges that must happen.
    assert scores["recall_same_place_day"] >= 0.5


def test_an_unreachable_threshold_merges_nothing():
    scores = evaluate(GED_FILE, limit=ROWS, threshold=1000.0)
    assert scores["predicted_pairs"] == 0 and scores["events"] == ROWS
