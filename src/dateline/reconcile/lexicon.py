"""The reconciliation tables: type families, territorial markers, attribution, sequence and
inclusion cues.

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
_NEVER = re.compile(r"(?!)")
# Words a counted plural may put between its count and its noun ("two more Iraqi towns");
# a few auxiliaries between the plural and the event word ("towns have fallen").
MAX_MODIFIERS = 2
MAX_AUXILIARIES = 2
_NUMBER = r"\d[\d,]*"


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
    # Types whose doer may be named as a state's government or as its armed forces.
    state_doer_types: frozenset[str] = frozenset()
    # Connectives that, between two event words of one sentence, tell two events; matched
    # against lower-case text.
    sequence_cues: re.Pattern[str] = _NEVER
    # Connectives that, between two event words of one sentence, make the first a part
    # of the second ("arrived as part of the force he would deploy"); lower-case text.
    inclusion_cues: re.Pattern[str] = _NEVER
    # A counted plural of places just after an event word (its object: "seized two more
    # towns") and just before it (its subject: "several villages fell"); lower-case text.
    summary_after: re.Pattern[str] = _NEVER
    summary_before: re.Pattern[str] = _NEVER

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
    summaries = read_table(TOPIC, "summaries")
    summary_after, summary_before = counted_places(
        [r["quantifier"] for r in summaries if "quantifier" in r],
        [r["place"] for r in summaries if "place" in r],
    )
    return Lexicon(
        families=families,
        ranks=ranks,
        mode_groups={row["mode"]: row["group"] for row in read_table(TOPIC, "modes")},
        territorial_modes=frozenset(r["value"] for r in territorial if r["field"] == "mode"),
        counted_types=frozenset(
            row["type"] for row in read_table(TOPIC, "families") if row.get("counted")
        ),
        state_doer_types=frozenset(
            row["type"] for row in read_table(TOPIC, "families") if row.get("state_doer")
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
        inclusion_cues=_cue_pattern(r["cue"] for r in read_table(TOPIC, "inclusion")),
        summary_after=summary_after,
        summary_before=summary_before,
    )


def counted_places(
    quantifiers: list[str], places: list[str]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns of a counted plural of places right after and right before an event word."""
    counts = "|".join([_NUMBER, *_escaped(quantifiers)])
    plural = (
        rf"(?:{counts})\s+(?:more\s+)?(?:[\w'\u2019-]+\s+){{0,{MAX_MODIFIERS}}}?"
        rf"(?:{'|'.join(_escaped(places))})\b"
    )
    after = re.compile(rf"^\W*(?:(?:control|possession) of\s+)?{plural}")
    before = re.compile(rf"\b{plural}\s+(?:\w+\s+){{0,{MAX_AUXILIARIES}}}$")
    return after, before


def _escaped(words: list[str]) -> list[str]:
    return [re.escape(w.lower()) for w in sorted(set(words), key=len, reverse=True)]


def _cue_pattern(cues) -> re.Pattern[str]:
    words = sorted({re.escape(c.lower()) for c in cues}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b") if words else _NEVER
