"""Choose each field of a merged event from its mentions.

Every chooser takes the members in canonical order and breaks ties by that order, so
the same mentions always give the same event.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.reconcile.features import View
from dateline.reconcile.score import actor_side
from dateline.records import MODALITIES, PRECISIONS, Actor, Mention, Place

DATE_PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Member:
    """One mention of an event with what reconciliation learnt about it."""

    mention: Mention
    view: View
    strength: str  # attribution strength


def choose_type(members: Sequence[Member], ranks: dict[str, int]) -> str:
    """The most reported type; a tie goes to the more specific (lower rank)."""
    counts = Counter(m.mention.type for m in members)
    return min(counts, key=lambda t: (-counts[t], ranks.get(t, len(ranks)), t))


def majority(values: Sequence[object]) -> object | None:
    """The most frequent non-``None`` value; a tie goes to the one seen first."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(present)
    return max(counts, key=lambda v: (counts[v], -present.index(v)))


def choose_date(members: Sequence[Member]) -> tuple[dt.date | None, str | None]:
    """The most precise date, a date told by the text before one guessed, then the earliest."""
    dated = [m.mention for m in members if m.mention.date is not None]
    if not dated:
        return None, None
    best = min(
        dated,
        key=lambda m: (
            _rank(DATE_PRECISIONS, m.date_precision or "day"),
            m.date_from == "published",
            m.date,
        ),
    )
    return best.date, best.date_precision


def choose_modality(members: Sequence[Member]) -> str:
    """``asserted`` if any report asserts it, else the most frequent modality."""
    modalities = [m.mention.modality for m in members]
    if "asserted" in modalities:
        return "asserted"
    counts = Counter(modalities)
    return min(counts, key=lambda x: (-counts[x], _rank(MODALITIES, x)))


def choose_actor(members: Sequence[Member], role: str) -> Actor | None:
    """The side most independent sources name, then its most specific actor."""
    named = [(m, getattr(m.mention, role)) for m in members if getattr(m.mention, role)]
    if not named:
        return None
    sources: dict[str | None, set[str]] = {}
    for member, actor in named:
        sources.setdefault(actor_side(actor), set()).add(member.view.root)
    order = [actor_side(actor) for _, actor in named]
    side = min(sources, key=lambda s: (-len(sources[s]), order.index(s)))
    actors = [actor for _, actor in named if actor_side(actor) == side]
    counts = Counter(actors)
    return min(counts, key=lambda a: (-_specificity(a), -counts[a], actors.index(a)))


def choose_place(members: Sequence[Member]) -> Place | None:
    """The finest place; among equally fine ones the most reported, then the first."""
    places = [m.mention.place for m in members if m.mention.place is not None]
    if not places:
        return None
    counts = Counter(places)
    return min(counts, key=lambda p: (_rank(PRECISIONS, p.precision), -counts[p], places.index(p)))


def _specificity(actor: Actor) -> int:
    return sum(x is not None for x in (actor.group, actor.sector, actor.country))


def _rank(order: Sequence[str], value: str) -> int:
    return order.index(value) if value in order else len(order)
