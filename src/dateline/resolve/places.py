"""Resolve a place name to a Place: candidates by transliteration key, ranked by context.

Candidates come from three lookups: countries (pycountry/countryinfo), curated tables
(``data/gazetteer``: aliases, states and provinces, continents; plus users' files) and the
GeoNames index (``gazetteer``). Exact key matches are preferred; a skeleton (consonant)
match only counts when the spellings are close and the place lies in a country the article
is about, which is what keeps "Al-Qa'm" from becoming Amiens and "Urumieh" from becoming
Uruma. Ranking adds the article's country focus, the province named in the article or
written after the name ("Paris, Texas"), nearness to the other towns it names (``focus``),
and population.
"""

from __future__ import annotations

import math
import os
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from rapidfuzz import fuzz

from dateline.datafiles import read_table
from dateline.geo import haversine_km
from dateline.records import Place
from dateline.resolve import gazetteer
from dateline.resolve.context import ResolveContext
from dateline.resolve.countries import countries
from dateline.resolve.gazetteer import MIN_KEY_LENGTH, Entry, Gazetteer, open_gazetteer
from dateline.resolve.regions import (
    admin1_alias_entries,
    admin1_points,
    continent_entries,
    with_admin1_point,
)
from dateline.resolve.translit import fold, name_key, skeleton_key

# Ranking weights, set by hand on the seed articles and the GeoWebNews dev data.
EXACT_MATCH = 1.0
SKELETON_MATCH = 0.6  # times the spelling similarity of the two keys
MIN_SKELETON_SIMILARITY = 80  # rapidfuzz ratio of the two name keys, 0-100
CURATED_BONUS = 0.5  # alias table and countries: names someone checked
PRIMARY_BONUS = 0.2  # matched the place's own name rather than one of its alternates
FOCUS_WEIGHT = 2.0  # times the country's share of the article's country mentions
PROVINCE_BONUS = 0.8  # the article names the candidate's province
POPULATION_WEIGHT = 0.25  # per power of ten: Mecca (Saudi Arabia) over Mecca, California
HINT_BONUS = 1.0  # "Diyala province" asks for the province, "town of X" for the town
# "Springfield, Ill.": the state or country written after a town and a comma.
WITHIN_COUNTRY_BONUS = 1.0
WITHIN_ADMIN1_BONUS = 1.5
BARE_ADMIN1_PENALTY = 0.5  # a bare "Baghdad" is the city more often than the province
# A namesake within this distance of a town the article names is probably the one meant.
NEAR_ANCHOR_KM = 100.0
PROXIMITY_BONUS = 1.0
# A skeleton match must lie in a country with this share of the article's country mentions.
SKELETON_MIN_SHARE = 0.2
# Skeleton keys this short ("km", "sd") join too many names to trust without a long key.
MIN_SKELETON_LENGTH = 2


CURATED = frozenset({"alias", "country"})  # sources of names someone checked


@dataclass(frozen=True)
class Within:
    """The country and province a name is said to lie in ("Churchill, Manitoba")."""

    country: str | None
    admin1: str | None = None


@dataclass(frozen=True)
class Candidate:
    """One possible reading of a name, with its score."""

    entry: Entry
    score: float
    exact: bool


class _Index:
    """Countries and curated aliases in memory, GeoNames in SQLite (opened per process)."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.generation = gazetteer.generation()
        self.gazetteer: Gazetteer = open_gazetteer()
        # Lookups repeat within and across articles: the entries are immutable, keep them.
        self._exact: dict[str, list[Entry]] = {}
        self._skeleton: dict[str, list[Entry]] = {}
        self._loose: dict[str, list[Entry]] = {}
        self.curated: dict[str, list[Entry]] = defaultdict(list)
        for entry in _country_entries():
            self.curated[entry.key].append(entry)
        for entry in (*_alias_entries(), *admin1_alias_entries(), *continent_entries()):
            entry = entry if entry.lat is not None else self.located(entry)
            if entry is not None:
                self.curated[entry.key].append(entry)

    def located(self, alias: Entry) -> Entry | None:
        """A province's alias at the point of the gazetteer's province of that name."""
        for entry in self.gazetteer.by_key(name_key(alias.name)):
            if entry.precision == "admin1" and entry.country == alias.country:
                return replace(alias, lat=entry.lat, lon=entry.lon, population=entry.population)
        return None

    def exact(self, key: str) -> list[Entry]:
        if key not in self._exact:
            self._exact[key] = self._lookup_exact(key)
        return self._exact[key]

    def _lookup_exact(self, key: str) -> list[Entry]:
        curated = self.curated.get(key, [])
        if len(key) < MIN_KEY_LENGTH:  # "Eu" is a French town, "EU" is not
            return curated
        return curated + [with_admin1_point(entry) for entry in self.gazetteer.by_key(key)]

    def skeleton(self, key: str) -> list[Entry]:
        skel = skeleton_key(key)
        if len(skel) < MIN_SKELETON_LENGTH:
            return []
        if skel not in self._skeleton:
            self._skeleton[skel] = [with_admin1_point(e) for e in self.gazetteer.by_skeleton(skel)]
        return self._skeleton[skel]

    def knows(self, key: str) -> bool:
        """Whether a place bears ``key`` or a spelling close to it (else no candidates)."""
        return bool(self.exact(key) or self.loose(key))

    def loose(self, key: str) -> list[Entry]:
        """The skeleton matches spelt close to ``key`` but not as it (see ``candidates``)."""
        if key not in self._loose:
            self._loose[key] = [
                entry for entry in self.skeleton(key) if entry.key != key and _close(key, entry.key)
            ]
        return self._loose[key]


_INDEX: _Index | None = None


def index() -> _Index:
    """The process's index, opened on first use (and again after a fork)."""
    global _INDEX
    if _INDEX is None or _INDEX.pid != os.getpid() or _INDEX.generation != gazetteer.generation():
        _INDEX = _Index()
    return _INDEX


def located(entry: Entry) -> Entry:
    """A curated province with the gazetteer's point where its table row gives none."""
    if entry.lat is not None:
        return entry
    return index().located(entry) or entry


def _country_entries() -> list[Entry]:
    """Each country by each of its names, except the names of its own listed provinces:
    as a place, "England" is England, not the United Kingdom."""
    entries = []
    for country in countries().values():
        for name in country.names:
            if (country.code, name_key(name)) in admin1_points():
                continue
            entries.append(
                Entry(
                    name=country.name,
                    country=country.code,
                    admin1=None,
                    lat=country.lat,
                    lon=country.lon,
                    population=country.population,
                    precision="country",
                    geonameid=country.geonameid,
                    source="country",
                    key=name_key(name),
                    is_primary=name == country.name,
                )
            )
    return [entry for entry in entries if entry.key]


def _alias_entries() -> list[Entry]:
    entries = []
    for row in read_table("gazetteer", "aliases"):
        for alias in (row["name"], *row.get("aliases", ())):
            entries.append(
                Entry(
                    name=row["name"],
                    country=row.get("country"),
                    admin1=row.get("admin1"),
                    lat=row["lat"],
                    lon=row["lon"],
                    population=int(row.get("population") or 0),
                    precision=row["precision"],
                    geonameid=row.get("geonameid"),
                    source="alias",
                    key=name_key(alias),
                    is_primary=alias == row["name"],
                )
            )
    return entries


@cache
def stop_words() -> frozenset[str]:
    """Words never taken as a place on their own (folded to lower case)."""
    return frozenset(fold(word) for row in read_table("gazetteer", "stoplist")
                     for word in row["words"])  # fmt: skip


@cache
def name_continuations() -> frozenset[str]:
    """Words that, capitalised after a place name, make it an organisation's ("Post")."""
    return frozenset(fold(word) for row in read_table("gazetteer", "stoplist")
                     if row.get("continues_name") for word in row["words"])  # fmt: skip


@cache
def demonym_keys() -> frozenset[str]:
    """Name keys of demonyms ("Syrian", "Iraqis"): adjectives, never places themselves."""
    return frozenset(name_key(demonym) for country in countries().values()
                     for demonym in country.demonyms) - {name_key(n) for c in countries().values()
                     for n in c.names}  # fmt: skip


def candidates(
    name: str,
    *,
    context: ResolveContext | None = None,
    hint: str | None = None,
    within: Within | None = None,
) -> list[Candidate]:
    """Every reading of ``name``, best first."""
    key = name_key(name)
    if not key:
        return []
    return list(_ranked(key, context or ResolveContext(), hint, within, index()))


# Names recur within an article, and its document and sentence scans ask for them again.
RANKED_CACHE_SIZE = 4096


@lru_cache(maxsize=RANKED_CACHE_SIZE)
def _ranked(
    key: str, context: ResolveContext, hint: str | None, within: Within | None, places: _Index
) -> tuple[Candidate, ...]:
    # ``places`` is part of the cache key: a new index (after an import) forgets old answers.
    exact = places.exact(key)
    found = [_score(entry, True, key, context, hint, within) for entry in exact]
    # A loose spelling is a fallback for names no place bears as its own or as a curated
    # one: "Britain" is no Brighton, "Alberta" no Elberta, "Taichung" no Datong.
    known = any(entry.source in CURATED or entry.is_primary for entry in exact)
    loose = [] if known else places.loose(key)
    for entry in loose:
        if _in_focus(entry, context):
            found.append(_score(entry, False, key, context, hint, within))
    if hint is None:
        found = _bare_names_are_towns(found)
    return tuple(sorted(_unique(found), key=lambda candidate: -candidate.score))


def _bare_names_are_towns(found: list[Candidate]) -> list[Candidate]:
    """A bare "Baghdad" is the city more often than its province of the same name."""
    towns = {c.entry.country for c in found if c.entry.precision == "town" and c.exact}
    return [
        replace(c, score=c.score - BARE_ADMIN1_PENALTY)
        if c.entry.precision == "admin1" and c.entry.country in towns
        else c
        for c in found
    ]


def _in_focus(entry: Entry, context: ResolveContext) -> bool:
    return context.weight(entry.country) >= SKELETON_MIN_SHARE


def _close(key: str, other: str) -> bool:
    return fuzz.ratio(key, other) >= MIN_SKELETON_SIMILARITY


def _score(entry: Entry, exact: bool, key: str, context: ResolveContext, hint, within) -> Candidate:
    score = EXACT_MATCH if exact else SKELETON_MATCH * fuzz.ratio(key, entry.key) / 100
    if entry.source in CURATED:
        score += CURATED_BONUS
    if entry.is_primary:
        score += PRIMARY_BONUS
    score += FOCUS_WEIGHT * _focus_share(entry, context)
    if entry.admin1 and name_key(entry.admin1) in context.provinces:
        score += PROVINCE_BONUS
    score += POPULATION_WEIGHT * math.log10(1 + entry.population)
    if hint and entry.precision == hint:
        score += HINT_BONUS
    # Only a place's own name earns nearness: Mexico City is "Mexico" only as an alternate.
    if exact and entry.is_primary and _near_anchor(entry, key, context):
        score += PROXIMITY_BONUS
    if within is not None and within.country and entry.country == within.country:
        score += WITHIN_COUNTRY_BONUS
        if within.admin1 and entry.admin1 and name_key(entry.admin1) == name_key(within.admin1):
            score += WITHIN_ADMIN1_BONUS
    return Candidate(entry=entry, score=score, exact=exact)


def _focus_share(entry: Entry, context: ResolveContext) -> float:
    """The article's share for the entry's country; a curated place of no one country (an
    ocean, a continent) counts as in the article's main country: "the Atlantic" in an
    American story is the ocean, not Atlantic, Iowa."""
    if entry.country is None and entry.source in CURATED and context.focus:
        return context.focus[0][1]
    return context.weight(entry.country)


def _near_anchor(entry: Entry, key: str, context: ResolveContext) -> bool:
    """The place lies near a town the article names by another name."""
    if entry.lat is None or entry.lon is None:
        return False
    return any(
        other != key and haversine_km(entry.lat, entry.lon, lat, lon) <= NEAR_ANCHOR_KM
        for other, lat, lon in context.anchors
    )


def _unique(found: list[Candidate]) -> list[Candidate]:
    """One candidate per place (a place matched by several of its names keeps the best)."""
    best: dict[tuple, Candidate] = {}
    for candidate in found:
        entry = candidate.entry
        place_id = (entry.name, entry.country, entry.precision, entry.lat, entry.lon)
        if place_id not in best or candidate.score > best[place_id].score:
            best[place_id] = candidate
    return list(best.values())


def resolve_place(
    name: str, *, context: ResolveContext | None = None, hint: str | None = None
) -> Place | None:
    """The best reading of a place name, or None when no gazetteer knows it."""
    found = candidates(name, context=context, hint=hint)
    return to_place(found[0].entry) if found else None


def to_place(entry: Entry, *, precision: str | None = None, fallback: str | None = None) -> Place:
    """A record for a gazetteer entry, optionally at another precision."""
    return Place(
        name=entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        precision=precision or entry.precision,
        admin1=entry.admin1 if entry.precision != "country" else None,
        geonameid=entry.geonameid,
        fallback=fallback,
    )


def country_place(code: str, *, fallback: str | None = None) -> Place | None:
    """The country itself as a place (its centroid), for fallbacks."""
    country = countries().get(code)
    if country is None:
        return None
    return Place(
        name=country.name, country=code, lat=country.lat, lon=country.lon,
        precision="country", geonameid=country.geonameid, fallback=fallback,
    )  # fmt: skip
