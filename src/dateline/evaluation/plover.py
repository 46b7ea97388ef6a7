"""PLOVER gold-standard records: sentence -> event type, actor countries and mode.

Each record is one news-style sentence with its PLOVER event type, mode, and
source and target actors (lists of ``{"code": ...}``). The gold was coded with
an older PLOVER; the ``plover_gsr`` table under ``data/evaluation`` maps its
retired types, its modes and a few CAMEO-era country codes to dateline's.

The mention scored is the sentence's main one (``runner.main_mention``: the
root-most trigger in the dependency parse).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

from dateline.datafiles import read_table
from dateline.evaluation.metrics import Tally
from dateline.records import Mention

SKIPPED_EVENT = "DOCUMENT"  # file documentation, not a coded sentence
TOP_CONFUSIONS = 10


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    event: str  # in dateline's PLOVER types
    mode: str | None  # in dateline's modes; None when the gold has none or no counterpart
    source: frozenset[str]  # ISO alpha-3 codes of the source actors
    target: frozenset[str]


@dataclass(frozen=True)
class GoldMapping:
    """Gold values -> dateline values, per field."""

    types: Mapping[str, str]
    modes: Mapping[str, str]
    countries: Mapping[str, str]


def load_mapping() -> GoldMapping:
    rows = read_table("evaluation", "plover_gsr")
    by_field: dict[str, dict[str, str]] = {"type": {}, "mode": {}, "country": {}}
    for row in rows:
        by_field[row["field"]][row["gold"]] = row["dateline"]
    return GoldMapping(by_field["type"], by_field["mode"], by_field["country"])


def _countries(actors: Any, mapping: GoldMapping) -> frozenset[str]:
    """ISO alpha-3 codes among the gold actors (IGO, NGO and other non-country codes dropped)."""
    if not isinstance(actors, list):
        return frozenset()
    codes = {mapping.countries.get(a.get("code"), a.get("code")) for a in actors}
    return frozenset(c for c in codes if c and pycountry.countries.get(alpha_3=c))


def gold_from_records(
    records: Sequence[dict[str, Any]], mapping: GoldMapping
) -> list[GoldSentence]:
    return [
        GoldSentence(
            id=r["id"],
            text=r["text"],
            event=mapping.types.get(r["event"], r["event"]),
            mode=mapping.modes.get(r.get("mode") or ""),
            source=_countries(r.get("source"), mapping),
            target=_countries(r.get("target"), mapping),
        )
        for r in records
        if r["event"] != SKIPPED_EVENT
    ]


def read_gold(path: Path, *, mapping: GoldMapping | None = None) -> list[GoldSentence]:
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    return gold_from_records(records, mapping or load_mapping())


@dataclass
class PloverReport:
    type: Tally
    type_any_mention: Tally  # some mention of the sentence has the gold type
    source_country: Tally
    target_country: Tally
    mode: Tally
    no_mention: int = 0
    confusions: Counter[tuple[str, str]] | None = None

    def as_dict(self) -> dict[str, Any]:
        confusions = self.confusions or Counter()
        return {
            "sentences": self.type.total,
            "type": self.type.as_dict(),
            "type_any_mention": self.type_any_mention.as_dict(),
            "source_country": self.source_country.as_dict(),
            "target_country": self.target_country.as_dict(),
            "mode": self.mode.as_dict(),
            "no_mention": self.no_mention,
            "confusions": [
                {"gold": gold, "predicted": predicted, "count": n}
                for (gold, predicted), n in confusions.most_common(TOP_CONFUSIONS)
            ],
        }


def _country(actor) -> str | None:
    return actor.country if actor is not None else None


def score(
    gold: Sequence[GoldSentence],
    predicted: Sequence[Mention | None],
    candidates: Sequence[Sequence[Mention]],
) -> PloverReport:
    """Score each sentence's main mention (None: the sentence gave no mention).

    ``candidates`` are all the mentions of each sentence: whether any has the
    gold type separates typing errors from choosing the wrong main mention.
    """
    report = PloverReport(Tally(), Tally(), Tally(), Tally(), Tally(), confusions=Counter())
    for sentence, mention, others in zip(gold, predicted, candidates, strict=True):
        guess = mention.type if mention else None
        report.type.add(guess == sentence.event)
        report.type_any_mention.add(any(m.type == sentence.event for m in others))
        report.no_mention += mention is None
        if guess != sentence.event:
            report.confusions[(sentence.event, guess or "-")] += 1
        if sentence.source:
            actor = mention.actor1_entity if mention else None
            report.source_country.add(_country(actor) in sentence.source)
        if sentence.target:
            actor = mention.actor2_entity if mention else None
            report.target_country.add(_country(actor) in sentence.target)
        if sentence.mode:
            report.mode.add(mention is not None and mention.mode == sentence.mode)
    return report
