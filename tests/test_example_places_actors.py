"""Stop-listed words ("Hit") are places only where the text names them as one.

Sentences written for these tests: the gazetteer matcher alone, then end to end.
"""

from __future__ import annotations

import pytest

from dateline.extract import extract_mentions, load_nlp
from dateline.records import Document
from dateline.resolve import resolve_mentions
from dateline.resolve.actors import rank_groups, resolve_actor
from dateline.resolve.context import ResolveContext, build_context
from dateline.resolve.matcher import find_places

IRAQ = ResolveContext(focus=(("IRQ", 1.0),))


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def places(text: str) -> list[tuple[str, str]]:
    return [(span.text, place.name) for span, place in find_places(text, context=IRAQ)]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen overran the town of Hit after a night of fighting.",
        "The army shelled the city of Hit in Iraq's Anbar province on Monday.",
        "Three soldiers died in Hit, Anbar, when their patrol struck a mine.",
        "Militants seize Iraqi town of Hit",
    ],
)
def test_a_stop_word_named_as_a_town_is_looked_up(text):
    found = dict(places(text))
    assert "Hit" in found
    assert found["Hit"] == "Hīt"


@pytest.mark.parametrize(
    "text",
    [
        "Protesters hit the streets of the capital on Friday.",
        "Officials said a hit on the convoy killed two guards.",
        "Hit by mortar fire, the garrison withdrew to the river.",
        "A roadside bomb hit a patrol in Hit Street yesterday.",
    ],
)
def test_a_stop_word_elsewhere_stays_placeless(text):
    assert "Hit" not in dict(places(text))


def mentions_of(nlp, text: str):
    doc = Document(id="e" + str(abs(hash(text)) % 10**8), name="e.txt", source="e.txt",
                   text=text, outlet="Test Wire")  # fmt: skip
    return resolve_mentions(doc, extract_mentions(doc, nlp))


def test_an_attack_on_the_town_of_hit_is_placed_there(nlp):
    text = (
        "Insurgents captured the town of Hit in western Iraq on Sunday after the army "
        "pulled out, police said."
    )
    found = [m for m in mentions_of(nlp, text) if m.place is not None]
    assert found
    assert any(m.place.name == "Hīt" and m.place.precision == "town" for m in found)


def test_protesters_hitting_the_streets_are_not_placed_at_hit(nlp):
    text = "Protesters hit the streets of Baghdad on Friday to demand jobs, police said."
    for mention in mentions_of(nlp, text):
        assert mention.place is None or mention.place.name != "Hīt"


# Bare "rebels" and "government forces" in a story datelined abroad.

TALKS_ABROAD = (
    "BEIRUT, Lebanon — Commanders of Syrian rebel brigades and Syrian government delegates "
    "held talks in Lebanon on Monday, Lebanese officials said. Lebanon has urged both sides "
    "to agree a truce; Lebanese mediators said Lebanon would host a third round."
)


def test_bare_rebels_are_those_of_the_country_the_story_names():
    context = build_context(TALKS_ABROAD)
    assert context.country == "LBN"  # the place focus is the host country
    assert resolve_actor("the rebels", context=context).id == "SYR-REB"


def test_government_forces_are_the_government_the_rebels_fight():
    context = build_context(TALKS_ABROAD)
    actor = resolve_actor("government forces", context=context, default_sector="MIL")
    assert actor.country == "SYR"


def test_without_named_rebels_the_place_focus_still_decides():
    context = build_context("Lebanese officials said Lebanon would host talks next week.")
    assert resolve_actor("the rebels", context=context).id == "LBN-REB"
    assert resolve_actor("government forces", context=context).country == "LBN"


def test_a_named_armed_group_still_outranks_a_country_s_rebels():
    text = "Syrian rebels said Islamic State fighters attacked Kobani; Islamic State denied it."
    context = build_context(text, groups=rank_groups(text))
    assert resolve_actor("the militants", context=context).id == "ISIS"


def test_a_headline_with_bare_rebels_takes_the_rebels_country(nlp):
    text = "Rebels and government envoys meet for truce talks\n\n" + TALKS_ABROAD
    found = [m for m in mentions_of(nlp, text) if m.actor1 is not None]
    first = min(found, key=lambda m: m.actor1.start)
    assert first.actor1.text == "Rebels"
    assert first.actor1_entity.id == "SYR-REB"


# "the X capital", "the capital of X": the country's capital city, from countryinfo.


@pytest.mark.parametrize(
    ("text", "country", "capital"),
    [
        ("Envoys met in the Jordanian capital on Wednesday.", "JOR", "Amman"),
        ("A car bomb exploded in the Syrian capital city at dawn.", "SYR", "Damascus"),
        ("Talks resumed in the capital of Lebanon after a pause.", "LBN", "Beirut"),
    ],
)
def test_a_country_s_capital_is_its_capital_city(text, country, capital):
    found = [place for _, place in find_places(text, context=IRAQ)]
    assert [(p.country, p.name, p.precision) for p in found if p.country == country] == [
        (country, capital, "town")
    ]


def test_a_capital_written_without_a_country_is_no_place():
    assert find_places("Investors moved capital out of the banks.", context=IRAQ) == []
    assert find_places("The capital was calm on Sunday.", context=IRAQ) == []


def test_an_event_in_the_x_capital_is_placed_at_that_city(nlp):
    text = "Gunmen attacked a police checkpoint in the Iraqi capital on Monday, killing four."
    (mention,) = [m for m in mentions_of(nlp, text) if m.type == "ASSAULT"]
    assert (mention.place.name, mention.place.precision) == ("Baghdad", "town")


def test_a_model_tagged_country_after_capital_of_is_the_capital(nlp):
    text = "A car bomb exploded in the capital of Syria on Monday, killing six people."
    found = [m for m in mentions_of(nlp, text) if m.place is not None]
    assert found
    assert {m.place.name for m in found} == {"Damascus"}


def test_a_foreign_militia_does_not_make_bare_rebels_foreign():
    text = "Iraqi officials said Iranian militias guard the shrine; Iraq has asked for calm."
    assert resolve_actor("the rebels", context=build_context(text)).id == "IRQ-REB"
