"""A report that sums up places taken, where the same report tells them one by one.

"Jihadists Seize 2 More Iraqi Towns" heads a story that tells Saadiyah and Jalawla
falling: an analyst codes two towns taken, not three events (ACLED has one row per place
taken). A territorial mention whose own words count a plural of places ("captured two
more towns", "several villages fell to the rebels") is a *summary*. It reports no one of
those places, so it never joins the taking of one (a hard limit in ``score``), only other
summaries; a group of summaries founds no event when its report also tells, one by one,
places taken of the same family by a doer that does not conflict with the summary's: they
are what it sums up. Its mentions stay in the ledger as evidence. A summary whose report
names no single place taken is all there is, and founds an event.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.reconcile.features import View
from dateline.reconcile.score import actor_relation


def unfounded_summaries(groups: Sequence[Sequence[int]], views: Sequence[View]) -> set[int]:
    """Positions in ``groups`` of the groups of summaries whose report tells their parts."""
    by_doc: dict[str, list[View]] = {}
    for view in views:
        if view.territorial and not view.summary:
            by_doc.setdefault(view.doc, []).append(view)
    dropped = set()
    for position, group in enumerate(groups):
        members = [views[i] for i in group]
        if all(v.summary for v in members) and any(_told(v, by_doc) for v in members):
            dropped.add(position)
    return dropped


def _told(summary: View, by_doc: dict[str, list[View]]) -> bool:
    return any(
        part.family == summary.family
        and part.realis == summary.realis
        and actor_relation(summary.actor1, part.actor1) != "conflict"
        for part in by_doc.get(summary.doc, ())
    )
