"""A synthetic ledger of any size, for the API's benchmark, demos and the dashboard screenshot.

Every sentence is generated from templates here (no real reporting is copied); the
places are real towns so the map looks like a map. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.ingest.document import document_id
from dateline.records import (
    Actor,
    Contradiction,
    Count,
    Document,
    Event,
    Mention,
    Place,
    Range,
    Span,
)
from dateline.store import Ledger

START = dt.date(2014, 6, 1)
MENTIONS_PER_DOCUMENT = 40  # few, long documents keep a 100k-event build quick

PLACES = (
    ("Mosul", "IRQ", "Nineveh", 36.34, 43.13),
    ("Tikrit", "IRQ", "Salah ad Din", 34.60, 43.68),
    ("Baiji", "IRQ", "Salah ad Din", 34.93, 43.49),
    ("Tal Afar", "IRQ", "Nineveh", 36.37, 42.45),
    ("Samarra", "IRQ", "Salah ad Din", 34.20, 43.87),
    ("Baqubah", "IRQ", "Diyala", 33.75, 44.64),
    ("Fallujah", "IRQ", "Anbar", 33.35, 43.78),
    ("Ramadi", "IRQ", "Anbar", 33.43, 43.30),
    ("Al-Qa'im", "IRQ", "Anbar", 34.37, 41.09),
    ("Baghdad", "IRQ", "Baghdad", 33.34, 44.40),
    ("Kirkuk", "IRQ", "Kirkuk", 35.47, 44.39),
    ("Erbil", "IRQ", "Erbil", 36.19, 44.01),
    ("Aleppo", "SYR", "Aleppo", 36.20, 37.16),
    ("Raqqa", "SYR", "Raqqa", 35.95, 39.01),
    ("Deir ez-Zor", "SYR", "Deir ez-Zor", 35.34, 40.14),
    ("Homs", "SYR", "Homs", 34.73, 36.71),
    ("Damascus", "SYR", "Damascus", 33.51, 36.29),
    ("Tehran", "IRN", "Tehran", 35.69, 51.42),
    ("Gaza", "PSE", "Gaza", 31.50, 34.47),
    ("Donetsk", "UKR", "Donetsk", 48.02, 37.80),
    ("Tripoli", "LBY", "Tripoli", 32.89, 13.19),
    ("Sanaa", "YEM", "Sanaa", 15.35, 44.21),
    ("Maiduguri", "NGA", "Borno", 11.85, 13.16),
    ("Mogadishu", "SOM", "Banaadir", 2.04, 45.34),
    ("Kabul", "AFG", "Kabul", 34.53, 69.17),
)
ACTORS = (
    Actor("ISIS", "Islamic State", None, "REB", group="ISIS", acled_inter=2),
    Actor("IRQ-MIL", "Iraq military", "IRQ", "MIL", acled_inter=1),
    Actor("IRQ-GOV", "Iraq government", "IRQ", "GOV", acled_inter=1),
    Actor("KRD-MIL", "Peshmerga", "IRQ", "MIL", group="Peshmerga", acled_inter=3),
    Actor("SYR-MIL", "Syria military", "SYR", "MIL", acled_inter=8),
    Actor("USA-GOV", "United States government", "USA", "GOV", acled_inter=8),
    Actor("USA-MIL", "United States military", "USA", "MIL", acled_inter=8),
    Actor("IRN-MIL", "Iran military", "IRN", "MIL", acled_inter=8),
    Actor("IRQ-CVL", "Iraq civilians", "IRQ", "CVL", acled_inter=7),
    Actor("SYR-CVL", "Syria civilians", "SYR", "CVL", acled_inter=7),
    Actor("UN", "United Nations", None, "IGO", acled_inter=8),
    Actor("IRQ-SHIA", "Shiite militias", "IRQ", "REB", acled_inter=3),
)
# type, mode, ACLED type, ACLED sub-type, trigger word, sentence template
KINDS = (
    ("ASSAULT", "aerial", "Explosions/Remote violence", "Air/drone strike", "bombed",
     "{a1} bombed {place} on {day}, killing {n} people, {attr} said."),
    ("ASSAULT", "firearms", "Battles", "Armed clash", "clashed",
     "{a1} clashed with {a2} near {place} on {day}; {n} fighters died, {attr} said."),
    ("ASSAULT", "explosives", "Explosions/Remote violence", "Remote explosive/landmine/IED",
     "exploded", "A car bomb exploded in {place} on {day}, killing {n}, {attr} said."),
    ("COERCE", "seize", "Battles", "Non-state actor overtakes territory", "seized",
     "{a1} seized {place} from {a2} on {day}, {attr} said."),
    ("MOBILIZE", None, "Strategic developments", "Change to group/activity", "deployed",
     "{a1} deployed troops to {place} on {day}, {attr} said."),
    ("THREATEN", None, None, None, "threatened",
     "{a1} threatened to attack {place}, {attr} said on {day}."),
    ("ACCUSE", None, None, None, "accused",
     "{a1} accused {a2} of atrocities in {place} on {day}, {attr} said."),
    ("AID", None, None, None, "delivered",
     "{a1} delivered food and medicine to {place} on {day}, {attr} said."),
    ("CONSULT", None, None, None, "met",
     "{a1} met {a2} in {place} on {day} to discuss the crisis, {attr} said."),
    ("COOPERATE", None, None, None, "agreed",
     "{a1} agreed with {a2} to share intelligence on {day} in {place}, {attr} said."),
    ("RETREAT", None, "Strategic developments", "Non-violent transfer of territory", "withdrew",
     "{a1} withdrew from {place} on {day}, {attr} said."),
)  # fmt: skip
ATTRIBUTIONS = ("local officials", "a police spokesman", "witnesses", "the ministry", "medics")
OUTLETS = ("Example Wire", "Daily Dispatch", "Frontline Report", "Regional Times", "Evening Post")


@dataclass(frozen=True)
class _Draft:
    """One source's telling of one event, before it is placed in a document."""

    kind: tuple
    a1: Actor
    a2: Actor
    place: tuple
    day: dt.date
    killed: int
    attribution: str


def _drafts_for_event(rng: random.Random, day_span: int) -> list[_Draft]:
    kind = rng.choice(KINDS)
    a1, a2 = rng.sample(ACTORS, 2)
    name, country, admin1, lat, lon = rng.choice(PLACES)
    # Scatter events around the town, as villages and districts around it would be.
    place = (
        name,
        country,
        admin1,
        round(lat + rng.gauss(0, 0.08), 4),
        round(lon + rng.gauss(0, 0.08), 4),
    )
    day = START + dt.timedelta(days=rng.randrange(day_span))
    killed = rng.choice((0, 0, 1, 3, 5, 8, 12, 20, 40, 57)) if kind[0] == "ASSAULT" else 0
    tellings = rng.choice((1, 1, 2, 3))
    return [
        _Draft(
            kind, a1, a2, place, day, killed + (rng.choice((0, 0, 4)) if i and killed else 0), attr
        )
        for i, attr in enumerate(rng.sample(ATTRIBUTIONS, tellings))
    ]


def _sentence(draft: _Draft) -> str:
    kind, a1, a2 = draft.kind, draft.a1, draft.a2
    return kind[5].format(
        a1=a1.name, a2=a2.name, place=draft.place[0], day=f"{draft.day:%B} {draft.day.day}",
        n=draft.killed, attr=draft.attribution,
    )  # fmt: skip


def _mention(doc_id: str, name: str, outlet: str, draft: _Draft, sentence: Span) -> Mention:
    kind, text = draft.kind, sentence.text
    trigger_at = sentence.start + text.index(kind[4])
    attr_at = sentence.start + text.index(draft.attribution)
    count = None
    if draft.killed:
        at = sentence.start + text.rindex(str(draft.killed))  # the toll follows the date
        span = Span(str(draft.killed), at, at + len(str(draft.killed)))
        count = Count(span, draft.killed, draft.killed, draft.killed, "exact")
    name_, country, admin1, lat, lon = draft.place
    return Mention(
        doc_id=doc_id,
        doc_name=name,
        sentence=sentence,
        trigger=Span(kind[4], trigger_at, trigger_at + len(kind[4])),
        type=kind[0],
        mode=kind[1],
        acled_event_type=kind[2],
        acled_sub_event_type=kind[3],
        attribution=Span(draft.attribution, attr_at, attr_at + len(draft.attribution)),
        source=outlet,
        actor1_entity=draft.a1,
        actor2_entity=draft.a2,
        place=Place(name_, country, lat, lon, "town", admin1=admin1),
        date=draft.day,
        date_precision="day",
        killed=count,
    )


def _event(event_id: str, mentions: list[Mention]) -> Event:
    first = mentions[0]
    tolls = sorted({m.killed.best for m in mentions if m.killed})
    contradictions = ()
    if len(tolls) > 1:
        sources = tuple(
            tuple(sorted({m.doc_name for m in mentions if m.killed and m.killed.best == t}))
            for t in tolls
        )
        contradictions = (Contradiction("fatalities", tuple(tolls), sources),)
    return Event(
        id=event_id,
        type=first.type,
        mentions=tuple(mentions),
        mode=first.mode,
        acled_event_type=first.acled_event_type,
        acled_sub_event_type=first.acled_sub_event_type,
        date=first.date,
        date_precision="day",
        modality="asserted",
        actor1=first.actor1_entity,
        actor2=first.actor2_entity,
        location=first.place,
        fatalities=Range(tolls[0], tolls[0], tolls[-1]) if tolls else None,
        confidence=round(min(0.95, 0.4 + 0.2 * len(mentions)), 2),
        contradictions=contradictions,
    )


def sample_ledger(
    n_events: int, *, seed: int = 0, day_span: int = 60
) -> Iterator[tuple[Document, list[Mention], list[tuple[str, int]]]]:
    """Documents with their mentions, and which event each mention belongs to."""
    rng = random.Random(seed)
    pending: list[tuple[str, _Draft]] = []
    for i in range(n_events):
        pending.extend((f"ev{i:07d}", d) for d in _drafts_for_event(rng, day_span))
    rng.shuffle(pending)
    for k in range(0, len(pending), MENTIONS_PER_DOCUMENT):
        chunk = pending[k : k + MENTIONS_PER_DOCUMENT]
        sentences = [_sentence(d) for _, d in chunk]
        text = "\n".join(sentences)
        number = k // MENTIONS_PER_DOCUMENT
        name, outlet = f"sample_{number:06d}.txt", OUTLETS[number % len(OUTLETS)]
        doc = Document(
            id=document_id(text), name=name, source=f"sample/{name}", text=text,
            title=f"Conflict report {k // MENTIONS_PER_DOCUMENT}", outlet=outlet,
            published=max(d.day for _, d in chunk), published_from="metadata",
        )  # fmt: skip
        mentions, owners, at = [], [], 0
        for (event_id, draft), sentence in zip(chunk, sentences, strict=True):
            span = Span(sentence, at, at + len(sentence))
            mentions.append(_mention(doc.id, name, outlet, draft, span))
            owners.append((event_id, len(mentions) - 1))
            at += len(sentence) + 1
        yield doc, mentions, owners


def add_sample_documents(ledger: Ledger, n_events: int, *, seed: int = 0) -> list[Event]:
    """Store the documents of ``n_events`` synthetic events; returns the events to store."""
    by_event: dict[str, list[Mention]] = {}
    for doc, mentions, owners in sample_ledger(n_events, seed=seed):
        ledger.add_document(doc, mentions)
        for event_id, index in owners:
            by_event.setdefault(event_id, []).append(mentions[index])
    return [_event(event_id, found) for event_id, found in sorted(by_event.items())]


def write_sample_ledger(path: str | Path, n_events: int, *, seed: int = 0) -> Ledger:
    """Build a ledger of ``n_events`` synthetic events (documents, mentions, events)."""
    ledger = Ledger(path)
    ledger.replace_events(add_sample_documents(ledger, n_events, seed=seed))
    return ledger
