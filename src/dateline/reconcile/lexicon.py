"""The reconciliation tables: type families, territorial markers, attribution cues.

Read once per process from ``dateline/data/reconcile/<kind>.jsonl`` and then from
``<dir>/reconcile/<kind>*.jsonl`` for each directory in ``DATELINE_DATA_PATH``
(``os.pathsep``-separated), the same layout and ``_meta`` header as every dateline
table. Read here rather than through ``dateline.resolve.datafiles`` because importing
that package loads the whole NLP stack, which the reduce step must not need.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from dateline.records import PLOVER_TYPES

TOPIC = "reconcile"
USER_DATA_ENV = "DATELINE_DATA_PATH"
SCHEMA_VERSION = 1


class LexiconError(ValueError):
    """A reconciliation table is not valid JSON Lines or has another schema version."""


@dataclass(frozen=True)
class Lexicon:
    """What reconciliation looks up; build one by hand to test or to override."""

    families: dict[str, str]  # PLOVER type -> family
    ranks: dict[str, int]  # PLOVER type -> specificity rank, 0 = most specific
    mode_groups: dict[str, str]  # mode -> group of modes reports use for one another
    territorial_modes: frozenset[str]
    territorial_sub_events: frozenset[str]
    weak_cues: re.Pattern[str]
    anonymous_cues: re.Pattern[str]

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
        territorial_sub_events=frozenset(
            r["value"] for r in territorial if r["field"] == "acled_sub_event_type"
        ),
        weak_cues=_cue_pattern(r["cue"] for r in cues if r["strength"] == "weak"),
        anonymous_cues=_cue_pattern(r["cue"] for r in cues if r["strength"] == "anonymous"),
    )


def read_table(topic: str, kind: str) -> list[dict]:
    """Rows of the packaged ``<kind>.jsonl`` then of the user's ``<kind>*.jsonl`` files."""
    packaged = Path(str(resources.files("dateline") / "data" / topic / f"{kind}.jsonl"))
    paths = [packaged] if packaged.is_file() else []
    for entry in os.environ.get(USER_DATA_ENV, "").split(os.pathsep):
        if entry and (Path(entry) / topic).is_dir():
            paths.extend(sorted((Path(entry) / topic).glob(f"{kind}*.jsonl")))
    return [row for path in paths for row in _rows(path)]


def _rows(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise LexiconError(f"{path}:{number}: not valid JSON") from e
        if "_meta" not in row:
            rows.append(row)
        elif row["_meta"].get("schema_version") != SCHEMA_VERSION:
            raise LexiconError(f"{path}: schema_version is not {SCHEMA_VERSION}")
    return rows


def _cue_pattern(cues) -> re.Pattern[str]:
    words = sorted({re.escape(c.lower()) for c in cues}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b") if words else re.compile(r"(?!)")
