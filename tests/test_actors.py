"""The actor knowledge base: groups, people by date, countries, demonyms, capitals, sectors."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.resolve import build_context, resolve_actor
from dateline.resolve.actors import knowledge_base, people_named, rank_groups, role_on

IRAQ_STORY = build_context(
    "Iraq's army fought ISIS near Mosul. Iraqi officials said the Islamic State fighters "
    "advanced. Iraq asked for help.",
    published=dt.date(2014, 6, 24),
    groups=("ISIS",),
)


def coded(text: str, **options) -> tuple:
    actor = resolve_actor(text, **options)
    return (actor.country, actor.sector, actor.group) if actor else None


@pytest.mark.parametrize(
    "text",
    [
        "ISIS",
        "ISIL fighters",
        "the Islamic State of Iraq and the Levant",
        "Islamic State in Iraq and al-Sham",
        "Daesh",
        "an al Qaeda offshoot",
        "militants of the Islamic State in Iraq and Syria (ISIS)",
        "IS",
    ],
)
def test_every_name_of_isis_is_one_group(text):
    assert coded(text) == (None, "REB", "ISIS")


def test_lower_case_is_is_a_verb_not_a_group():
    assert coded("the army is ready", context=IRAQ_STORY) == ("IRQ", "MIL", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two battalions of the Quds Force", ("IRN", "MIL", None)),
        ("Iran's Revolutionary Guard Corps", ("IRN", "MIL", None)),
        ("the IRGC", ("IRN", "MIL", None)),
        ("Hezbollah fighters", ("LBN", "REB", "Hezbollah")),
        ("Kurdish Peshmerga forces", ("IRQ", "MIL", "Peshmerga")),
        ("the Free Syrian Army", ("SYR", "REB", "Free Syrian Army")),
        ("Jabhat al-Nusra", ("SYR", "REB", "Nusra Front")),
        ("the Badr Brigade", ("IRQ", "REB", "Badr Organization")),
        ("Houthi rebels", ("YEM", "REB", "Houthis")),
        ("Popular Mobilization Forces", ("IRQ", "REB", "Popular Mobilization Forces")),
        ("the Arab League", (None, "IGO", "Arab League")),
        ("the U.N. Security Council", (None, "IGO", "UN Security Council")),
        ("the Syrian National Coalition", ("SYR", "POL", "Syrian National Coalition")),
        ("the Pentagon", ("USA", "MIL", None)),
    ],
)
def test_named_groups_and_state_bodies(text, expected):
    assert coded(text) == expected


def test_group_actors_carry_acled_inter_and_wikidata():
    isis = resolve_actor("ISIL")
    assert (isis.id, isis.acled_inter, isis.wikidata) == ("ISIS", 2, "Q2429253")
    assert resolve_actor("the Arab League").acled_inter == 8
    assert resolve_actor("Iraqi civilians").acled_inter == 7
    assert resolve_actor("Shiite militias").acled_inter == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syrian Army warplanes", ("SYR", "MIL", None)),
        ("Iraqi civilians", ("IRQ", "CVL", None)),
        ("the Iranian government", ("IRN", "GOV", None)),
        ("U.S. Special Forces", ("USA", "MIL", None)),
        ("Jordanian border guards", ("JOR", "MIL", None)),
        ("Turkish police", ("TUR", "MIL", None)),  # police: state forces, as ACLED codes them
        ("the Syrian regime", ("SYR", "GOV", None)),
        ("Iraq's foreign ministry spokesman", ("IRQ", "GOV", None)),
        ("Lebanese worshippers", ("LBN", "CVL", None)),
        ("an Iraqi cleric", ("IRQ", "REL", None)),
        ("Egyptian state media", ("EGY", "MED", None)),
        ("Syrian rebel forces", ("SYR", "REB", None)),  # a rebel word beats "forces"
        ("Iraqi Shi'ite militias", ("IRQ", "REB", None)),
    ],
)
def test_country_plus_head_noun_sector(text, expected):
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran", ("IRN", "GOV", None)),
        ("Tehran", ("IRN", "GOV", None)),
        ("Washington", ("USA", "GOV", None)),
        ("the Kremlin", ("RUS", "GOV", None)),
        ("71 Iraqis", ("IRQ", "CVL", None)),
        ("the Syrians", ("SYR", "CVL", None)),
    ],
)
def test_countries_capitals_and_demonyms_alone(text, expected):
    assert coded(text) == expected


def test_a_country_doing_an_attack_is_its_military():
    assert coded("Iran", default_sector="MIL") == ("IRN", "MIL", None)
    assert coded("Iranian officials", default_sector="MIL") == ("IRN", "GOV", None)


def test_capitals_of_other_countries_are_not_metonyms_unless_curated():
    assert resolve_actor("Victoria") is None  # countryinfo's capital of the Seychelles


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("Iraqi Prime Minister Nouri al-Maliki", dt.date(2014, 6, 24), ("IRQ", "GOV", None)),
        ("Nuri al-Maliki", dt.date(2010, 1, 1), ("IRQ", "GOV", None)),
        ("Bashar al-Assad", dt.date(2014, 6, 24), ("SYR", "GOV", None)),
        ("Hasan Rouhani", dt.date(2014, 6, 24), ("IRN", "GOV", None)),
        ("Gen. Qasem Sulaimani", dt.date(2014, 6, 24), ("IRN", "MIL", None)),
        ("Qassem Soleimani", dt.date(2019, 1, 1), ("IRN", "MIL", None)),
        ("ISIS spokesman Abu Mohamad al-Adnani", dt.date(2014, 6, 24), (None, "REB", "ISIS")),
        ("Grand Ayatollah Ali al-Sistani", dt.date(2014, 6, 24), ("IRQ", "REL", None)),
        ("Faleh al-Fayad", dt.date(2014, 6, 24), ("IRQ", "GOV", None)),
        ("Laurent Fabius", dt.date(2014, 6, 24), ("FRA", "GOV", None)),
        ("John Kerry", dt.date(2014, 6, 24), ("USA", "GOV", None)),
        ("President Putin", dt.date(2014, 6, 24), ("RUS", "GOV", None)),
        ("Obama", dt.date(2014, 6, 24), ("USA", "GOV", None)),
    ],
)
def test_people_resolve_to_the_body_they_act_for(text, on, expected):
    assert coded(text, on=on) == expected


def test_roles_are_chosen_by_date():
    roles = knowledge_base().people["joe-biden"]["roles"]
    assert role_on(roles, dt.date(2014, 6, 24))["title"].startswith("Vice President")
    assert role_on(roles, dt.date(2022, 6, 24))["title"].startswith("President")
    assert role_on(roles, dt.date(2018, 6, 24))["to"] == "2017-01-20"  # nearest term
    assert role_on(roles, None) is roles[-1]


def test_a_sector_alone_takes_the_article_country_and_rebels_its_main_group():
    assert coded("government troops", context=IRAQ_STORY) == ("IRQ", "MIL", None)
    assert coded("the Sunni insurgents", context=IRAQ_STORY) == (None, "REB", "ISIS")
    assert coded("local residents", context=IRAQ_STORY) == ("IRQ", "CVL", None)
    no_group = build_context("Iraq Iraq")
    assert coded("the Sunni insurgents", context=no_group) == ("IRQ", "REB", None)


def test_a_state_body_without_its_state_takes_the_nearest_country():
    assert coded("the country's National Security Council", context=IRAQ_STORY) == (
        "IRQ",
        "GOV",
        None,
    )
    assert coded("Iran's Supreme National Security Council") == ("IRN", "GOV", None)


def test_groups_are_ranked_by_how_often_the_article_names_them():
    text = "ISIS and ISIL fighters met Hezbollah. The Islamic State advanced."
    assert rank_groups(text)[:2] == ("ISIS", "HEZBOLLAH")


def test_phrases_that_name_no_actor():
    assert resolve_actor("the weather") is None
    assert resolve_actor("") is None


# --- bare titles ---------------------------------------------------------------------------


def titled_story(text: str) -> tuple:
    from dateline.resolve.actors import people_named

    return build_context(text, published=dt.date(2014, 6, 24), people=people_named(text))


def test_people_named_are_listed_with_their_offsets():
    text = "Obama called Nouri al-Maliki. Later Maliki spoke."
    assert people_named(text) == ((0, "barack-obama"), (13, "nouri-al-maliki"),
                                  (36, "nouri-al-maliki"))  # fmt: skip


def test_a_bare_title_is_the_holder_named_last_before_it():
    text = (
        "Syria's Bashar al-Assad sent jets, and the Obama administration weighed its options. "
        "On Monday the President announced 275 advisers."
    )
    context = titled_story(text)
    at = text.index("the President")
    assert coded("the President", context=context, at=at) == ("USA", "GOV", None)
    assert coded("President", context=context, at=at) == ("USA", "GOV", None)
    assert coded("the President", context=context, at=0) == ("SYR", "GOV", None)  # first after


def test_a_bare_title_never_takes_a_deputy():
    text = (
        "Vice President Joe Biden flew to Baghdad. Iraq's prime minister, Nouri al-Maliki, met him."
    )
    context = titled_story(text)
    assert coded("the prime minister", context=context, at=len(text)) == ("IRQ", "GOV", None)
    assert resolve_actor("the President", context=context, at=len(text)).country != "USA"


def test_plural_demonyms_are_the_countrys_people():
    assert coded("Nigerians") == ("NGA", "CVL", None)
    assert coded("Kenyan police") == ("KEN", "MIL", None)
    from dateline.resolve.countries import plural

    assert plural("Chinese") is None and plural("British") is None and plural("U.S.") is None


def test_a_big_capital_stands_for_its_government_a_small_one_does_not():
    assert coded("Algiers") == ("DZA", "GOV", None)
    assert resolve_actor("Victoria") is None


def test_palestinian_territories_are_palestine_as_actors():
    assert coded("the Gaza Strip") == ("PSE", "GOV", None)
    assert coded("West Bank") == ("PSE", "GOV", None)


def test_one_actor_id_has_one_name_whichever_way_it_is_named():
    from dateline.datafiles import read_table
    from dateline.resolve.actors import country_sector_actor

    for row in read_table("actors", "groups"):
        code, _, sector = str(row.get("id", "")).partition("-")
        if len(code) == 3 and code.isupper() and sector in ("GOV", "MIL", "CVL", "REB", "POL"):
            assert row["name"] == country_sector_actor(code, sector).name, row["id"]
