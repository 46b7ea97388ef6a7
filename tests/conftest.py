"""Shared fixtures: paths to the shared data beside the checkout, hand-built records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.records import (
    Actor,
    Comment,
    Contradiction,
    Count,
    Document,
    Event,
    Mention,
    Place,
    Range,
    Span,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    assert SHARED.is_dir(), f"the shared data folder is expected at {SHARED}"
    return SHARED


def make_document(text: str = "Jets bombed the market in Mosul on Tuesday.", **kw) -> Document:
    fields = {
        "id": kw.pop("id", "d" + str(abs(hash(text)) % 10**8)),
        "name": "report.txt",
        "source": "/tmp/report.txt",
        "text": text,
        "published": dt.date(2014, 6, 24),
        "outlet": "Example Wire",
        "comments": (Comment("What a shame!", len(text) + 2, len(text) + 15),),
    }
    fields.update(kw)
    return Document(**fields)


def make_mention(doc: Document, **kw) -> Mention:
    text = doc.text
    start = text.index("bombed") if "bombed" in text else 0
    fields = {
        "doc_id": doc.id,
        "doc_name": doc.name,
        "sentence": Span(text, 0, len(text)),
        "trigger": Span(text[start : start + 6], start, start + 6),
        "type": "ASSAULT",
        "mode": "aerial",
        "acled_event_type": "Explosions/Remote violence",
        "acled_sub_event_type": "Air/drone strike",
        "source": doc.outlet,
        "actor1_entity": Actor("SYR-MIL", "Syria military", "SYR", "MIL", acled_inter=8),
        "actor2_entity": Actor("IRQ-CVL", "Iraq civilians", "IRQ", "CVL", acled_inter=7),
        "place": Place("Mosul", "IRQ", 36.34, 43.12, "town", admin1="Nineveh", geonameid=99072),
        "date": dt.date(2014, 6, 24),
        "date_precision": "day",
        "killed": Count(Span("12", 0, 2), 12, 12, 12, "exact"),
    }
    fields.update(kw)
    return Mention(**fields)


def make_event(mentions: tuple[Mention, ...], **kw) -> Event:
    first = mentions[0]
    fields = {
        "id": kw.pop("id", "ev" + first.doc_id),
        "type": first.type,
        "mentions": mentions,
        "mode": first.mode,
        "acled_event_type": first.acled_event_type,
        "acled_sub_event_type": first.acled_sub_event_type,
        "date": first.date,
        "date_precision": first.date_precision,
        "actor1": first.actor1_entity,
        "actor2": first.actor2_entity,
        "location": first.place,
        "fatalities": Range(10, 12, 15),
        "injuries": None,
        "confidence": 0.8,
        "contradictions": (Contradiction("fatalities", (12, 15), (("a.txt",), ("b.txt",))),),
    }
    fields.update(kw)
    return Event(**fields)
