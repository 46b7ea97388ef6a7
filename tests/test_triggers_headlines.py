"""Conflict headlines whose toll needs an attack to carry it: weapons or killings that
"target" someone, discovered bodies, rising tolls, counts a step from their participle."""

from __future__ import annotations

import pytest

from dateline.extract import extract_mentions, load_nlp
from dateline.records import Document, Mention


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def mentions(nlp, text: str) -> list[Mention]:
    doc = Document(id="h" + str(abs(hash(text)) % 10**8), name="h.txt", source="h.txt", text=text,
                   outlet="Test Wire")  # fmt: skip
    return extract_mentions(doc, nlp)


def attacks(nlp, text: str) -> list[Mention]:
    return [m for m in mentions(nlp, text) if m.type == "ASSAULT"]


def toll(nlp, text: str) -> int | None:
    counts = [m.killed.best for m in attacks(nlp, text) if m.killed is not None]
    return counts[0] if counts else None


@pytest.mark.parametrize(
    ("headline", "killed"),
    [
        ("85 rockets target southern Idlib and 6 killed in Maarat al-Numan", 6),
        ("Missiles target a market in Douma, killing 9 civilians", 9),
        ("Regime warplanes target a convoy near Palmyra, leaving 12 fighters dead", 12),
        ("An assassination targets 2 officers of the police in Daraa city", 2),
        ("7 killed in shelling on the town of Ariha", 7),
        ("12 members of the militia of the tribes killed near Deir Ezzor", 12),
        ("Activists identified 5 fighters who were killed by a landmine near Tadef", 5),
        ("Two women are among the 6 people killed in Zabadani", 6),
        ("3 Martyrs in Inkhil and the army shells the western countryside", 3),
        ("Shells fall on residential neighbourhoods of Damascus killing 4 civilians", 4),
    ],
)
def test_the_toll_of_a_headline_rides_on_an_attack(nlp, headline, killed):
    assert toll(nlp, headline) == killed


@pytest.mark.parametrize(
    ("headline", "killed"),
    [
        ("14 bodies found in a well near Manbij", 14),
        ("The bodies of 4 men were discovered on the outskirts of Homs", 4),
        ("3 mutilated corpses dumped near the river in Raqqa", 3),
    ],
)
def test_discovered_bodies_are_killings_by_someone_unknown(nlp, headline, killed):
    found = attacks(nlp, headline)
    assert found and all(m.actor1 is None for m in found)
    assert toll(nlp, headline) == killed


def test_a_body_found_in_a_headline_whose_participle_hangs_low(nlp):
    found = attacks(nlp, "Body of a young man found shot dead in Daraa countryside")
    assert found and all(m.actor1 is None for m in found)


def test_whoever_finds_the_bodies_is_not_their_killer(nlp):
    found = attacks(nlp, "Villagers found 6 bodies near the river on Tuesday")
    assert all(m.actor1 is None or m.actor1.text != "Villagers" for m in found)


def test_bodies_found_after_an_attack_are_its_toll(nlp):
    found = attacks(nlp, "The bodies of 5 victims were recovered after the airstrike on Ariha")
    assert [m.trigger.text for m in found] == ["airstrike"]


@pytest.mark.parametrize(
    ("headline", "killed"),
    [("Death toll in Homs rises to 14", 14), ("Casualties' number in Hama climbs to 23", 23)],
)
def test_a_rising_toll_reports_killings_with_no_killer_named(nlp, headline, killed):
    found = attacks(nlp, headline)
    assert found and all(m.actor1 is None for m in found)
    assert toll(nlp, headline) == killed


def test_a_weapon_targeting_a_place_is_an_attack_by_no_one_named(nlp):
    found = attacks(nlp, "Shells target residential areas of Harasta")
    assert [m.trigger.text for m in found] == ["target"]
    assert found[0].actor1 is None


def test_forces_targeting_a_convoy_are_its_attackers(nlp):
    found = attacks(nlp, "Regime warplanes target a convoy near Palmyra")
    assert [(m.trigger.text, m.actor1.text if m.actor1 else None) for m in found] == [
        ("target", "Regime warplanes")
    ]


def test_shells_falling_on_a_place_are_an_attack_by_no_one_named(nlp):
    found = attacks(nlp, "A mortar shell fell near a school in Harasta")
    assert [(m.trigger.text, m.actor1) for m in found] == [("fell", None)]


def test_helicopters_dropping_barrel_bombs_attack(nlp):
    found = attacks(nlp, "Regime helicopters drop 12 barrel bombs on Daraya")
    assert [(m.trigger.text, m.actor1.text if m.actor1 else None) for m in found] == [
        ("drop", "Regime helicopters")
    ]


def test_an_assassination_attempt_targeting_someone(nlp):
    found = attacks(nlp, "Assassination attempt targets a local commander in Jasim")
    assert [m.trigger.text for m in found] == ["targets"]


def test_the_event_noun_that_targeted_something_tells_the_attack(nlp):
    found = attacks(nlp, "The explosion targeted a bakery on the main street")
    assert [m.trigger.text for m in found] == ["explosion"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The campaign targets young voters in Ohio.",
        "Officials say the new tax will target wealthy families.",
        "The agency targets an inflation rate of 2 percent.",
        "Militants planted a bomb at the roadside to target the army convoy.",
        "Archaeologists found the remains of a Roman villa near the coast.",
        "The number of visitors rises to 8 million.",
        "The death toll from the floods rises to 40.",
        "The rockets fell into the sea.",
        "Stock prices fell sharply on Monday.",
        "The prosecutor dropped the bomb charges.",
        "Miners use dynamite every day.",
    ],
)
def test_no_attack_is_targeted_found_or_counted(nlp, sentence):
    assert attacks(nlp, sentence) == []


def test_a_date_before_an_event_noun_names_it(nlp):
    found = attacks(nlp, "Two days after the March 3, 2015, bombing, police arrested a student.")
    assert [m.trigger.text for m in found] == ["bombing"]


def test_a_participle_with_a_by_agent_is_a_passive_whatever_its_tag(nlp):
    found = attacks(nlp, "The gunman, shot dead by soldiers, had fired at a bus.")
    shot = [m for m in found if m.trigger.text == "shot"]
    assert shot and shot[0].actor1 is not None and shot[0].actor1.text == "soldiers"


def test_a_pronoun_victim_takes_the_class_of_its_referent(nlp):
    text = "Rebels captured 11 soldiers near the dam. Their commander said they were executed."
    assert "executed" in [m.trigger.text for m in attacks(nlp, text)]


def test_a_pronoun_that_may_be_the_speaker_gives_no_victim(nlp):
    text = "The plans were drafted in May. Officials said they were executed well."
    assert attacks(nlp, text) == []
