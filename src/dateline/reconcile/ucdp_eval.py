"""Pairwise precision and recall of merging, measured on UCDP GED rows.

Each GED row becomes one mention of its own document: sides as actors, the coded point
as place, ``date_start`` with its precision, ``best`` as the killed count. The headline
is not used as the sentence, so the words of a shared report cannot give the answer
away. Two rows belong together (the gold) when they cite a common headline; the
prediction is that they end up in one event. Caveat: GED rows are distinct events by
design and one headline often covers several ("bombardment targets Idlib and Hama"),
so recall against this gold is bounded well below 1 for any merger that keeps distinct
places apart; ``recall_same_place_day`` scores only the gold pairs coded at the same
point on the same day, the ones a merger should join.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import time
from collections.abc import Iterable, Sequence
from itertools import combinations, islice
from pathlib import Path

from dateline.reconcile.build import count, make_mention
from dateline.reconcile.core import reconcile
from dateline.reconcile.score import MERGE_THRESHOLD
from dateline.records import Actor, Event, Mention, Place

GOVERNMENT_PREFIX = "Government of "
# GED's where_prec and date_prec codes (UCDP GED codebook) as dateline precisions.
WHERE_PRECISION = {
    "1": "town",
    "2": "near",
    "3": "district",
    "4": "admin1",
    "5": "region",
    "6": "country",
    "7": "region",
}
DATE_PRECISION = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}
HEADLINE_SEPARATOR = ";"


def evaluate(
    path: str | Path, *, threshold: float = MERGE_THRESHOLD, limit: int | None = None
) -> dict:
    """Reconcile the GED rows at ``path`` (a .csv or .csv.gz) and score the merges."""
    rows = read_rows(path, limit=limit)
    mentions = [row_mention(row) for row in rows]
    started = time.perf_counter()
    events = reconcile(mentions, threshold=threshold)
    seconds = time.perf_counter() - started
    predicted = predicted_pairs(events)
    gold = gold_pairs(rows)
    by_id = {f"ged-{row['id']}": row for row in rows}
    close = {p for p in gold if _same_place_day(by_id[p[0]], by_id[p[1]])}
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(gold) if gold else 1.0
    return {
        "rows": len(rows),
        "events": len(events),
        "gold_pairs": len(gold),
        "predicted_pairs": len(predicted),
        "true_pairs": hits,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if hits else 0.0,
        "gold_pairs_same_place_day": len(close),
        "recall_same_place_day": round(len(predicted & close) / len(close), 4) if close else 1.0,
        "seconds": round(seconds, 2),
    }


def read_rows(path: str | Path, *, limit: int | None = None) -> list[dict[str, str]]:
    """GED rows in file order (the first ``limit`` when given)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        return list(islice(csv.DictReader(handle), limit))


def row_mention(row: dict[str, str]) -> Mention:
    """One GED row as a resolved mention of its own one-row document."""
    precision = WHERE_PRECISION.get(row["where_prec"], "region")
    place = Place(
        name=row["where_coordinates"],
        country=row["country"] or None,
        lat=float(row["latitude"]),
        lon=float(row["longitude"]),
        precision=precision,
        admin1=row["adm_1"] or None,
    )
    deaths = int(row["best"] or 0)
    return make_mention(
        doc_id=f"ged-{row['id']}",
        sentence="",
        trigger="",
        type="ASSAULT",
        actor1=side_actor(row["side_a_new_id"], row["side_a"]),
        actor2=side_actor(row["side_b_new_id"], row["side_b"]),
        place=place,
        date=dt.date.fromisoformat(row["date_start"]),
        date_precision=DATE_PRECISION.get(row["date_prec"], "year"),
        killed=count(deaths) if deaths else None,
        source=row["source_office"].split(HEADLINE_SEPARATOR)[0] or None,
    )


def side_actor(side_id: str, name: str) -> Actor:
    """A GED side: a government is a state's forces; anything else an organisation."""
    if name.startswith(GOVERNMENT_PREFIX):
        return Actor(id=f"ged-{side_id}", name=name, country=name[len(GOVERNMENT_PREFIX) :])
    return Actor(id=f"ged-{side_id}", name=name, group=name)


def gold_pairs(rows: Sequence[dict[str, str]]) -> set[tuple[str, str]]:
    """Pairs of row ids (ordered) that cite at least one common headline."""
    by_headline: dict[str, list[str]] = {}
    for row in rows:
        for headline in {h.strip() for h in row["source_headline"].split(HEADLINE_SEPARATOR)}:
            if headline:
                by_headline.setdefault(headline, []).append(f"ged-{row['id']}")
    return {pair for ids in by_headline.values() for pair in _pairs(ids)}


def predicted_pairs(events: Iterable[Event]) -> set[tuple[str, str]]:
    """Pairs of document ids (ordered) merged into one event."""
    return {pair for e in events for pair in _pairs(m.doc_id for m in e.mentions)}


def _pairs(ids: Iterable[str]) -> Iterable[tuple[str, str]]:
    return combinations(sorted(set(ids)), 2)


def _same_place_day(a: dict[str, str], b: dict[str, str]) -> bool:
    return all(a[k] == b[k] for k in ("latitude", "longitude", "date_start"))
