"""Tolls of one event from all its reports, as UCDP keeps them: low / best / high.

UCDP's practice: ``low`` and ``high`` are the lowest and highest credible figures,
``best`` the figure from the most reliable report. Counts of one event are never added:
two reports of 57 and 71 dead mean 57 to 71, not 128. Only one report telling more
("killing four. A passer-by was also killed") adds, and that sum is made where the
report is read (``extract.mentions.fold_additive``), so it arrives here as one figure.
Qualifiers bound the figures:
"up to 30" reaches down to ``low`` 0; an open figure ("at least 57", "more than 120")
bounds the range at the figure as stated, as UCDP codes "more than 120" as 120, and
the range says ``open_ended`` when its high is such a floor.

Rule for ``best``: each stated figure gets a credibility score, the sum of how it is
sourced (a named source over an anonymous one over the outlet's own voice over hearsay),
how exact it is (an exact figure over a bounded one; "dozens" only when nothing better
exists), and one point per further independent report that gives the same figure. The
highest score wins; a tie goes to the lower figure, UCDP's conservative choice. So CNN's
"at least 57, according to local officials" beats an unsourced headline's "71".
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.reconcile.attribution import ANONYMOUS, NAMED, NONE, WEAK
from dateline.records import Count, Range

SOURCING_POINTS = {NAMED: 2.0, ANONYMOUS: 1.5, NONE: 0.5, WEAK: 0.0}
EXACTNESS_POINTS = {
    "exact": 1.0,
    "range": 0.5,
    "about": 0.5,
    "at_least": 0.5,
    "more_than": 0.5,
    "up_to": 0.5,
    "vague": -2.0,
}
CORROBORATION_POINTS = 1.0
# Figures that bound the toll from below only: the range's high may be exceeded.
OPEN_QUALIFIERS = frozenset({"at_least", "more_than", "vague"})


def toll_range(claims: Sequence[tuple[Count, str, str]]) -> Range | None:
    """Low / best / high from ``(count, attribution strength, independent source)`` claims."""
    if not claims:
        return None
    low = min(min(count.low, count.best) for count, _, _ in claims)
    high = max(count.best if count.high is None else count.high for count, _, _ in claims)
    best = min(min(_credibility(claims).items(), key=lambda kv: (-kv[1], kv[0]))[0], high)
    open_ended = any(
        count.high is None and count.qualifier in OPEN_QUALIFIERS and count.best == high
        for count, _, _ in claims
    )
    return Range(low=low, best=max(best, low), high=high, open_ended=open_ended)


def _credibility(claims: Sequence[tuple[Count, str, str]]) -> dict[int, float]:
    """Each stated figure's credibility: its best-sourced claim plus corroboration."""
    points: dict[int, float] = {}
    sources: dict[int, set[str]] = {}
    for count, strength, source in claims:
        own = SOURCING_POINTS[strength] + EXACTNESS_POINTS.get(count.qualifier, 0.0)
        points[count.best] = max(points.get(count.best, own), own)
        sources.setdefault(count.best, set()).add(source)
    return {
        figure: score + CORROBORATION_POINTS * (len(sources[figure]) - 1)
        for figure, score in points.items()
    }
