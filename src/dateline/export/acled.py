"""Flatten an event record into ACLED's column names, so output merges with ACLED data.

ACLED's own columns come first (names as in ACLED's codebook); dateline's extra
columns (PLOVER type, toll ranges, confidence) follow with names ACLED does not use.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pycountry

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
    # dateline's additions
    "dateline_id", "plover_type", "plover_mode", "modality", "fatalities_low", "fatalities_high",
    "injuries_low", "injuries_best", "injuries_high", "confidence", "mentions", "sources",
    "contradictions",
]  # fmt: skip

# ACLED's time_precision: 1 = day, 2 = week (or a few days), 3 = month or coarser.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# ACLED's geo_precision: 1 = the town itself, 2 = near it or a part of a region,
# 3 = only the province or region is known.
GEO_PRECISION = {"site": 1, "town": 1, "near": 2, "district": 2, "admin1": 3, "region": 3,
                 "country": 3}  # fmt: skip
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence",
    "Strategic developments": "Strategic developments",
}


@cache
def _country(alpha3: str | None) -> tuple[str | None, int | None]:
    if not alpha3:
        return None, None
    found = pycountry.countries.get(alpha_3=alpha3)
    return (found.name, int(found.numeric)) if found else (alpha3, None)


def _actor_name(actor: dict[str, Any] | None) -> str | None:
    return actor.get("name") if actor else None


def _inter(actor: dict[str, Any] | None) -> int | None:
    return actor.get("acled_inter") if actor else None


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first (1 and 2 -> 12)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def acled_row(record: dict[str, Any]) -> dict[str, Any]:
    loc = record.get("location") or {}
    country, iso = _country(loc.get("country"))
    date = record.get("date")
    a1, a2 = record.get("actor1"), record.get("actor2")
    fat = record.get("fatalities") or {}
    inj = record.get("injuries") or {}
    mentions = record.get("mentions") or []
    sources = sorted({m.get("source") or m.get("doc") for m in mentions if m})
    event_type = record.get("acled_event_type")
    return {
        "event_id_cnty": record["id"],
        "event_date": date,
        "year": int(date[:4]) if date else None,
        "time_precision": TIME_PRECISION.get(record.get("date_precision") or ""),
        "disorder_type": DISORDER.get(event_type or ""),
        "event_type": event_type,
        "sub_event_type": record.get("acled_sub_event_type"),
        "actor1": _actor_name(a1),
        "assoc_actor_1": None,
        "inter1": _inter(a1),
        "actor2": _actor_name(a2),
        "assoc_actor_2": None,
        "inter2": _inter(a2),
        "interaction": _interaction(_inter(a1), _inter(a2)),
        "civilian_targeting": "Civilian targeting" if (a2 or {}).get("sector") == "CVL" else None,
        "iso": iso,
        "region": None,
        "country": country,
        "admin1": loc.get("admin1"),
        "admin2": None,
        "admin3": None,
        "location": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": GEO_PRECISION.get(loc.get("precision") or ""),
        "source": "; ".join(s for s in sources if s),
        "source_scale": None,
        "notes": mentions[0]["text"] if mentions else None,
        "fatalities": fat.get("best"),
        "tags": None,
        "timestamp": None,
        "dateline_id": record["id"],
        "plover_type": record.get("type"),
        "plover_mode": record.get("mode"),
        "modality": record.get("modality"),
        "fatalities_low": fat.get("low"),
        "fatalities_high": fat.get("high"),
        "injuries_low": inj.get("low"),
        "injuries_best": inj.get("best"),
        "injuries_high": inj.get("high"),
        "confidence": record.get("confidence"),
        "mentions": len(mentions),
        "sources": len(sources),
        "contradictions": "; ".join(
            f"{c['field']}: {' / '.join(map(str, c['values']))}"
            for c in record.get("contradictions") or []
        )
        or None,
    }
