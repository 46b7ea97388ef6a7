"""The reconciliation tables: type families, territorial markers, attribution and sequence cues.

Read once per process through :mod:`dateline.datafiles` (packaged tables under
``dateline/data/reconcile/`` plus the user's, see there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dateline.datafiles import read_table
from dateline.records import PLOVER_TYPES

TOPIC = "reconcile"


@dataclass(frozen=True)
class Lexicon:
    """What reconciliation looks up; build one by hand to test or to override."""

    families: dict[str, str]  # PLOVER type -> family
    ranks: dict[str, int]  # PLOVER type -> specificity rank, 0 = most specific
    mode_groups: dict[str, str]  # mode -> group of modes reports use for one another
    territorial_modes: frozenset[str]
    counted_types: frozenset[str]  # types whose reports state how many (troops, flights)
    territorial_sub_events: frozenset[str]
    weak_cues: re.Pattern[str]
    anonymous_cues: re.Pattern[str]
    # Modalities that speak only of what might be ("would consider", "may have",
    # "denied"): such mentions join an event others report, never found one alone.
    unfounded_modalities: frozenset[str] = frozenset()
    # Connectives that, between two event words of one sentence, tell two events; matched
    # against lower-case text.
    sequence_cues: re.Pattern[str] = re.compile(r"(?!)")

    def family(self, event_type: str) -> str:
        """The family of ``event_type``; an unknown type is a family of its own."""
        return self.families.get(event_type, event_type)

    def mode_group(self, mode: str | None) -> str | None:
        """The group of ``mode``; an ungrouped mode is a group of its own."""
        return None if mode is None else self.mode_groups.get(mode, mode)


@cache
def default_lexicon() -> Lexicon:
    """The packaged tables plus the user's, read once."""
    families = {row["type"]: row["family"] for row in read_table(TOPIC, "families")}
    ranks = {row["type"]: int(row.get("rank", 0)) for row in read_table(TOPIC, "families")}
    for event_type in PLOVER_TYPES:
        families.setdefault(event_type, event_type)
    territorial = read_table(TOPIC, "territorial")
    cues = read_table(TOPIC, "attribution")
    return Lexicon(
        families=families,
        ranks=ranks,
        mode_groups={row["mode"]: row["group"] for row in read_table(TOPIC, "modes")},
        territorial_modes=frozenset(r["value"] for r in territorial if r["field"] == "mode"),
        counted_types=frozenset(
            row["type"] for row in read_table(TOPIC, "families") if row.get("counted")
        ),
        territorial_sub_events=frozenset(
            r["value"] for r in territorial if r["field"] == "acled_sub_event_type"
        ),
        weak_cues=_cue_pattern(r["cue"] for r in cues if r["strength"] == "weak"),
        anonymous_cues=_cue_pattern(r["cue"] for r in cues if r["strength"] == "anonymous"),
        unfounded_modalities=frozenset(
            r["modality"] for r in read_table(TOPIC, "modalities") if not r["founds_event"]
        ),
        sequence_cues=_cue_pattern(r["cue"] for r in read_table(TOPIC, "sequence")),
    )


def _cue_pattern(cues) -> re.Pattern[str]:
    words = sorted({re.escape(c.lower()) for c in cues}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b") if words else re.compile(r"(?!)")
