"""Actor resolution on the PLOVER gold-standard sentences: source and target country accuracy.

Each record codes its source and target actors with the text that names them
(``actorText``) and a country code (``code``). The actor text is resolved in the context of
its sentence and the resolved country compared with the gold code. Codes that are not ISO
countries (``IGO``, ``NGO``) are scored as "no country"; CAMEO spellings of a few codes are
mapped to ISO.
"""

from __future__ import annotations

import json
from pathlib import Path

from dateline.resolve.actors import resolve_actor
from dateline.resolve.context import build_context
from dateline.resolve.countries import countries

# CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "UKG": "GBR", "ROM": "ROU", "SAF": "ZAF", "ZAI": "COD"}


def evaluate_actor_countries(path: str | Path) -> dict:
    """Source and target country accuracy over a PLOVER GSR JSON file."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    tallies = {"source": [0, 0], "target": [0, 0]}
    for record in records:
        text = record.get("text")
        if not text:
            continue
        context = build_context(text)
        for role in tallies:
            for gold in _actors(record.get(role)):
                actor = resolve_actor(gold.get("actorText", ""), context=context)
                expected = _iso(gold.get("code"))
                tallies[role][1] += 1
                tallies[role][0] += int((actor.country if actor else None) == expected)
    return {
        f"{role}_country_accuracy": round(right / total, 4) if total else None
        for role, (right, total) in tallies.items()
    } | {f"{role}_actors": total for role, (_, total) in tallies.items()}


def _actors(value) -> list[dict]:
    """The coded actors of one role: a list, a single object, or nothing usable."""
    if isinstance(value, dict):
        return [value]
    return [item for item in value or [] if isinstance(item, dict)]


def _iso(code: str | None) -> str | None:
    code = CAMEO_TO_ISO.get(code or "", code)
    return code if code in countries() else None
