"""Build one Event from the mentions that tell it."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.reconcile.confidence import confidence
from dateline.reconcile.contradictions import contradictions
from dateline.reconcile.fields import (
    Member,
    choose_actor,
    choose_date,
    choose_modality,
    choose_place,
    choose_type,
    majority,
)
from dateline.reconcile.keys import event_id
from dateline.reconcile.lexicon import Lexicon
from dateline.reconcile.tolls import toll_range
from dateline.records import Event


def build_event(members: Sequence[Member], *, lexicon: Lexicon) -> Event:
    """The merged event of ``members`` (given in canonical order)."""
    event_type = choose_type(members, lexicon.ranks)
    typed = [m.mention for m in members if m.mention.type == event_type]
    acled = majority(
        [(m.acled_event_type, m.acled_sub_event_type) for m in typed if m.acled_event_type]
    )
    date, precision = choose_date(members)
    return Event(
        id=event_id(members[0].mention),
        type=event_type,
        mentions=tuple(m.mention for m in members),
        mode=majority([m.mention.mode for m in members]),
        acled_event_type=acled[0] if acled else None,
        acled_sub_event_type=acled[1] if acled else None,
        date=date,
        date_precision=precision,
        modality=choose_modality(members),
        actor1=choose_actor(members, "actor1_entity"),
        actor2=choose_actor(members, "actor2_entity"),
        location=choose_place(members),
        fatalities=toll_range(_claims(members, "killed")),
        injuries=toll_range(_claims(members, "injured")),
        confidence=confidence((m.view.root, m.strength, m.mention.modality) for m in members),
        contradictions=contradictions(members),
    )


def _claims(members: Sequence[Member], field: str) -> list:
    """Counts of realis, undenied reports with how each is sourced and its source."""
    return [
        (getattr(m.mention, field), m.strength, m.view.root)
        for m in members
        if getattr(m.mention, field) is not None
        and m.view.realis
        and m.mention.modality != "denied"
    ]
