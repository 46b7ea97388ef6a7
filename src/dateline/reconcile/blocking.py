"""Candidate pairs without comparing every mention with every other.

Multi-pass sorted neighbourhood (Hernández & Stolfo's method for merge/purge): within
blocks of one type family (and country), the views are sorted by one key per pass and
each is compared with the next few only. Every pass costs n log n for the sort plus
n * window comparisons, so a million mentions stay tractable however dense one day or
one country is. The passes cover how reports of one event resemble each other: the same
report, the same spot, the same actors, the same days.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Sequence

from dateline.reconcile.features import View

# Mentions of one report are few; compare each with this many that follow it.
DOC_WINDOW = 64
# Across reports, each view meets this many neighbours per pass.
NEIGHBOUR_WINDOW = 8
# Grid cell for sorting by place: about 55 km, twice the merge radius.
CELL_DEGREES = 0.5
_NO_DATE = -1
_NO_CELL = (1000, 1000)


def candidate_pairs(views: Sequence[View]) -> Iterator[tuple[int, int]]:
    """Pairs of view indices (lower first) worth scoring; a pair may come more than once."""
    yield from _pass(views, _by_doc, lambda v: v.index, DOC_WINDOW)
    yield from _pass(views, _by_country, _place_order, NEIGHBOUR_WINDOW)
    yield from _pass(views, _by_family, _actor_order, NEIGHBOUR_WINDOW)
    yield from _pass(views, _by_country, _date_order, NEIGHBOUR_WINDOW)


def _pass(
    views: Sequence[View],
    block: Callable[[View], Hashable],
    order: Callable[[View], tuple],
    window: int,
) -> Iterator[tuple[int, int]]:
    blocks: dict[Hashable, list[View]] = defaultdict(list)
    for view in views:
        blocks[block(view)].append(view)
    for members in blocks.values():
        members.sort(key=order)
        for i, left in enumerate(members):
            for right in members[i + 1 : i + 1 + window]:
                yield min(left.index, right.index), max(left.index, right.index)


def _by_doc(view: View) -> Hashable:
    # Not split by realis: within one sentence a deed may be part of a plan (score.part_of).
    return view.doc, view.family


def _by_country(view: View) -> Hashable:
    return view.family, view.realis, view.country or ""


def _by_family(view: View) -> Hashable:
    return view.family, view.realis


def _place_order(view: View) -> tuple:
    cell = _NO_CELL
    if view.point is not None:
        cell = (int(view.point[0] // CELL_DEGREES), int(view.point[1] // CELL_DEGREES))
    return cell, _day(view), view.index


def _actor_order(view: View) -> tuple:
    return _actor_id(view.actor1), _actor_id(view.actor2), _day(view), view.index


def _date_order(view: View) -> tuple:
    return _day(view), view.index


def _day(view: View) -> int:
    return _NO_DATE if view.lo is None else view.lo


def _actor_id(actor) -> str:
    return "" if actor is None else actor.id
