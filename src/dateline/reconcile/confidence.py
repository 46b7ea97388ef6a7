"""How sure the ledger is that an event happened as merged, from its independent sources.

Each independent source (a document and its copies count once) supports the event with
a reliability ``BASE_RELIABILITY * SOURCING[strength] * MODALITY[modality]`` (its best
mention counts), and the supports combine as independent evidence (noisy-OR):
``1 - prod(1 - r)``.

Calibration: there is no labelled data for event confidence yet, so the constants are a
stated prior, anchored on what analysts at ACLED and UCDP do by hand. One plainly
asserted report by a named source gives 0.6 (a single report is often right but is
exactly what a second source is sought for); two such independent reports give 0.84,
three 0.94. Hearsay halves a report's weight ("sources claim": 0.3), a report that
something was only claimed or only possible counts for less still, and a denial counts
little. Disagreement on details (tolls, perpetrator) is listed as contradictions and
does not lower the confidence that the event happened.
"""

from __future__ import annotations

from collections.abc import Iterable

from dateline.reconcile.attribution import ANONYMOUS, NAMED, NONE, WEAK

BASE_RELIABILITY = 0.6
MAX_CONFIDENCE = 0.99
SOURCING = {NAMED: 1.0, ANONYMOUS: 0.85, NONE: 0.8, WEAK: 0.5}
MODALITY = {
    "asserted": 1.0,
    "past": 1.0,
    "announced": 0.9,
    "claimed": 0.6,
    "promised": 0.6,
    "threatened": 0.6,
    "uncertain": 0.5,
    "conditional": 0.4,
    "hypothetical": 0.3,
    "generic": 0.3,
    "denied": 0.3,
}
UNKNOWN_MODALITY = 0.5
DECIMALS = 3


def confidence(supports: Iterable[tuple[str, str, str]]) -> float:
    """Confidence from ``(independent source, attribution strength, modality)`` per mention."""
    best: dict[str, float] = {}
    for source, strength, modality in supports:
        reliability = BASE_RELIABILITY * SOURCING[strength]
        reliability *= MODALITY.get(modality, UNKNOWN_MODALITY)
        best[source] = max(best.get(source, 0.0), reliability)
    doubt = 1.0
    for reliability in best.values():
        doubt *= 1.0 - reliability
    return round(min(MAX_CONFIDENCE, 1.0 - doubt), DECIMALS)
