"""Where reports of one event disagree: each value with the documents that give it.

Fields follow the export contract's names: ``fatalities``, ``injuries``, ``actor1``
(the perpetrator, compared by side: Syrian jets against U.S. drones, not "Syrian Air
Force" against "Syrian regime"), ``date`` (days told by the text) and ``location``
(spots further apart than one place).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dateline.reconcile.fields import Member
from dateline.reconcile.score import SAME_PLACE_KM, actor_side, distance_km
from dateline.records import Actor, Contradiction


def contradictions(members: Sequence[Member]) -> tuple[Contradiction, ...]:
    """Every disagreement among ``members`` (realis reports only), in field order."""
    reports = [m for m in members if m.view.realis and m.mention.modality != "denied"]
    found = [
        _disagreement("fatalities", reports, lambda m: _figure(m.mention.killed)),
        _disagreement("injuries", reports, lambda m: _figure(m.mention.injured)),
        _perpetrator_disagreement(reports),
        _disagreement("date", reports, _told_day),
        _location_disagreement(reports),
    ]
    return tuple(c for c in found if c is not None)


def _disagreement(
    name: str, members: Sequence[Member], value_of: Callable[[Member], object]
) -> Contradiction | None:
    """A contradiction when members give two or more values; values in order of first report."""
    sources: dict[object, set[str]] = {}
    for member in members:
        value = value_of(member)
        if value is not None:
            sources.setdefault(value, set()).add(member.mention.doc_name)
    if len(sources) < 2:
        return None
    return Contradiction(
        field=name,
        values=tuple(sources),
        sources=tuple(tuple(sorted(docs)) for docs in sources.values()),
    )


def _perpetrator_disagreement(members: Sequence[Member]) -> Contradiction | None:
    """Sides compared, each labelled as its first report names it."""
    labels: dict[str, str] = {}
    for member in members:
        actor = member.mention.actor1_entity
        if actor is not None and actor_side(actor) is not None:
            labels.setdefault(actor_side(actor), _side_label(actor))

    def label(member: Member) -> str | None:
        actor = member.mention.actor1_entity
        return None if actor is None else labels.get(actor_side(actor))

    return _disagreement("actor1", members, label)


def _location_disagreement(members: Sequence[Member]) -> Contradiction | None:
    spots = [m for m in members if m.view.point is not None]
    points = {m.view.point for m in spots}
    far = any(distance_km(a, b) > SAME_PLACE_KM for a in points for b in points)
    return _disagreement("location", spots, lambda m: m.mention.place.name) if far else None


def _figure(count) -> int | None:
    return None if count is None else count.best


def _side_label(actor: Actor) -> str:
    """A side as the ledger shows it: "SYR MIL", "USA MIL", or a group's name ("ISIS")."""
    if actor.group:
        return actor.group
    return f"{actor.country} {actor.sector}" if actor.sector else actor.country


def _told_day(member: Member) -> str | None:
    date = member.mention.date
    return date.isoformat() if member.view.day is not None else None
