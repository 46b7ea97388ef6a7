"""Group mentions into events: best-scoring pairs first, hard limits kept for whole groups.

Greedy agglomeration over the accepted pairs, in order of falling score (ties by
canonical index, so the outcome never depends on input order). A back-reference ("six
people were killed" after a bombing) always joins its antecedent's group. Two groups join
only if
every hard limit holds between all their members, not just the linking pair: a report
with no place can link to the Al-Qa'im strike or to the Tal Afar one, never to both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dateline.reconcile.blocking import candidate_pairs
from dateline.reconcile.features import View
from dateline.reconcile.score import (
    DATE_WINDOW_DAYS,
    MERGE_THRESHOLD,
    PLACE_RADIUS_KM,
    TERRITORY_RADIUS_KM,
    compatible,
    distance_km,
    same_or_unknown,
    score,
)

# Points closer than this many decimal degrees (about 1 km) count once in a group's
# hard-limit checks.
POINT_DECIMALS = 2


@dataclass
class _Group:
    """What the hard limits need to know about a group of mentions."""

    members: list[int]
    lo: int | None  # latest earliest-date among members
    hi: int | None  # earliest latest-date among members
    country: str | None
    admin1: str | None
    territorial: bool
    points: set[tuple[float, float]] = field(default_factory=set)


def cluster(
    views: Sequence[View],
    *,
    threshold: float = MERGE_THRESHOLD,
    follows: Mapping[int, int] | None = None,
) -> list[list[int]]:
    """Indices of ``views`` grouped into events, each group and the list sorted.

    ``follows`` maps back-references to their antecedents (indices): a back-reference
    links to nothing by itself; it joins whatever group its antecedent ends in.
    """
    follows = follows or {}
    links = sorted(
        {
            (-s, i, j)
            for i, j in candidate_pairs(views)
            if i not in follows
            and j not in follows
            and (s := _link(views[i], views[j])) >= threshold
        }
    )
    parent = list(range(len(views)))
    groups = {v.index: _group_of(v) for v in views}
    for _, i, j in links:
        a, b = _find(parent, i), _find(parent, j)
        if a != b and _groups_compatible(groups[a], groups[b]):
            a, b = (a, b) if len(groups[a].members) >= len(groups[b].members) else (b, a)
            parent[b] = a
            _absorb(groups[a], groups.pop(b))
    for back, antecedent in sorted(follows.items()):
        groups[_find(parent, antecedent)].members.append(groups.pop(back).members[0])
    return sorted(sorted(g.members) for g in groups.values())


def _link(a: View, b: View) -> float:
    """The pair's score when it may merge, else minus infinity (never a link)."""
    return score(a, b) if compatible(a, b) else float("-inf")


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _group_of(view: View) -> _Group:
    points = set()
    if view.point is not None:
        points.add(tuple(round(c, POINT_DECIMALS) for c in view.point))
    return _Group(
        members=[view.index],
        lo=view.lo,
        hi=view.hi,
        country=view.country,
        admin1=view.admin1,
        territorial=view.territorial,
        points=points,
    )


def _groups_compatible(a: _Group, b: _Group) -> bool:
    dated = a.lo is not None and b.lo is not None
    if dated and max(a.lo, b.lo) - min(a.hi, b.hi) > DATE_WINDOW_DAYS:
        return False
    if not same_or_unknown(a.country, b.country) or not same_or_unknown(a.admin1, b.admin1):
        return False
    radius = TERRITORY_RADIUS_KM if a.territorial or b.territorial else PLACE_RADIUS_KM
    return all(distance_km(p, q) <= radius for p in a.points for q in b.points)


def _absorb(into: _Group, other: _Group) -> None:
    into.members.extend(other.members)
    if other.lo is not None:
        into.lo = other.lo if into.lo is None else max(into.lo, other.lo)
        into.hi = other.hi if into.hi is None else min(into.hi, other.hi)
    into.country = into.country or other.country
    into.admin1 = into.admin1 or other.admin1
    into.territorial = into.territorial or other.territorial
    into.points |= other.points
