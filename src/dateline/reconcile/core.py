"""reconcile(): mentions in, merged events out; deterministic and order-free."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from dateline.antecedents import antecedent, first_tellings
from dateline.reconcile.attribution import attribution_strength
from dateline.reconcile.cluster import cluster
from dateline.reconcile.features import build_view
from dateline.reconcile.fields import Member
from dateline.reconcile.keys import mention_key
from dateline.reconcile.lexicon import Lexicon, default_lexicon
from dateline.reconcile.merge import build_event
from dateline.reconcile.score import MERGE_THRESHOLD
from dateline.reconcile.summaries import unfounded_summaries
from dateline.records import Event, Mention

_NO_DUPLICATES: Mapping[str, str] = {}


def reconcile(
    mentions: Iterable[Mention],
    *,
    duplicates: Mapping[str, str] | None = None,
    threshold: float = MERGE_THRESHOLD,
    lexicon: Lexicon | None = None,
) -> list[Event]:
    """Merge mentions of one real event into one Event each.

    ``duplicates`` maps a copy's document id to its original's (from
    :func:`dateline.ingest.duplicates.find_near_duplicates`): a copy is not an
    independent source. The same mentions in any order give the same events, ids
    included; events come sorted by id. Mentions that only say what might be
    (hypothetical, uncertain, denied, generic) join events others report but never
    make one on their own, nor do reports summing up places taken that the same report
    tells one by one (see :mod:`dateline.reconcile.summaries`). A back-reference
    (``Mention.refers_to``) joins the event of the mention it points back at; its toll
    counts like any report's (tolls are ranged, never added; a follow-up that says it
    adds, "two more died", was summed with its document's figure at extraction).
    Identical mentions count once, so re-running over a ledger that already holds a
    document changes nothing.
    """
    with _no_cyclic_gc():
        return _reconcile(
            mentions,
            duplicates=_NO_DUPLICATES if duplicates is None else duplicates,
            threshold=threshold,
            lexicon=lexicon or default_lexicon(),
        )


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector (restored on exit, also on error).

    Reconciling allocates millions of small acyclic objects; the collector's repeated
    traversals of them cost a quarter of the run time and find nothing to free.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _reconcile(
    mentions: Iterable[Mention],
    *,
    duplicates: Mapping[str, str],
    threshold: float,
    lexicon: Lexicon,
) -> list[Event]:
    ordered = canonical(mentions)
    views = [
        build_view(i, m, lexicon=lexicon, duplicates=duplicates) for i, m in enumerate(ordered)
    ]
    events = []
    groups = cluster(views, threshold=threshold, follows=antecedents(ordered))
    summed_up = unfounded_summaries(groups, views)
    for position, group in enumerate(groups):
        if all(ordered[i].modality in lexicon.unfounded_modalities for i in group):
            continue  # only "might be": kept as mentions (evidence), not a ledger event
        if position in summed_up:
            continue  # sums up places taken that its report tells one by one
        members = [
            Member(ordered[i], views[i], attribution_strength(ordered[i], lexicon=lexicon))
            for i in group
        ]
        events.append(build_event(members, lexicon=lexicon))
    return sorted(events, key=lambda e: e.id)


def antecedents(ordered: Sequence[Mention]) -> dict[int, int]:
    """Back-references -> the mention of their document they point back at (positions in
    ``ordered``); one whose antecedent is not among the mentions stands on its own."""
    told = first_tellings(ordered)
    return {
        i: found
        for i, mention in enumerate(ordered)
        if (found := antecedent(mention, told)) is not None
    }


def canonical(mentions: Iterable[Mention]) -> list[Mention]:
    """Distinct mentions in canonical order (by key; equal keys by their full text)."""
    unique = list(dict.fromkeys(mentions))
    unique.sort(key=mention_key)
    for start, end in _equal_key_runs(unique):
        unique[start:end] = sorted(unique[start:end], key=repr)
    return unique


def _equal_key_runs(ordered: list[Mention]) -> Iterable[tuple[int, int]]:
    """Stretches of mentions with equal keys (rare: only these need the costly tie-break)."""
    start = 0
    for i in range(1, len(ordered) + 1):
        if i == len(ordered) or mention_key(ordered[i]) != mention_key(ordered[start]):
            if i - start > 1:
                yield start, i
            start = i
