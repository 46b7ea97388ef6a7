"""Which words report an attack: pronoun devices, copulas, list entries, background clauses."""

from __future__ import annotations

import pytest

from dateline.extract import extract_mentions, load_nlp
from dateline.records import Document


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def assault_triggers(nlp, text: str) -> list[str]:
    doc = Document(id="a" + str(abs(hash(text)) % 10**8), name="a.txt", source="a.txt", text=text,
                   outlet="Test Wire")  # fmt: skip
    return [m.trigger.text for m in extract_mentions(doc, nlp) if m.type == "ASSAULT"]


def test_it_exploded_when_it_is_the_bomb(nlp):
    text = "A bomb had been hidden under a bench. At noon it exploded, killing two guards."
    assert assault_triggers(nlp, text) == ["exploded"]


def test_it_exploded_when_it_is_no_device(nlp):
    text = "The company reported record sales. Then it exploded in popularity."
    assert assault_triggers(nlp, text) == []


def test_they_exploded_for_plural_bombs(nlp):
    text = "The bombs were left in three cars. Minutes later they exploded."
    assert assault_triggers(nlp, text) == ["exploded"]


def test_a_copula_joins_two_event_nouns_into_one_attack(nlp):
    text = "The Harbour Street bombing was an attack on 3 May 1981 at a bar in Derry."
    assert assault_triggers(nlp, text) == ["attack"]


def test_a_bulleted_list_of_titles_reports_nothing(nlp):
    text = "See also:\n* 2009 Peshawar market bombing\n* 2011 Quetta mosque bombing"
    assert assault_triggers(nlp, text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The hills are full of militants who continue to ambush travellers.",
        "Capturing drones with nets is one of the options under study.",
        "Doctors need more money to attack the disease.",
    ],
)
def test_no_attack_is_reported(nlp, sentence):
    assert assault_triggers(nlp, sentence) == []


def test_an_ambush_reported_in_a_main_clause(nlp):
    assert assault_triggers(nlp, "Militants ambushed travellers near the pass on Sunday.") == [
        "ambushed"
    ]


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Their posts near the border came under heavy gunfire overnight.", "gunfire"),
        ("The convoy came under mortar fire outside Ramadi.", "fire"),
    ],
)
def test_coming_under_fire_is_being_attacked(nlp, sentence, trigger):
    assert assault_triggers(nlp, sentence) == [trigger]


def test_coming_under_fire_from_critics_is_no_attack(nlp):
    assert assault_triggers(nlp, "The minister came under fire for his remarks.") == []


def test_a_measured_interval_dates_an_event_rather_than_causing_a_death(nlp):
    text = "He died in a car crash two weeks after the bombing of the embassy."
    assert assault_triggers(nlp, text) == ["bombing"]


def test_a_capitalised_plural_opening_a_sentence_is_still_a_noun(nlp):
    assert assault_triggers(nlp, "Shootings in Basra had continued overnight.") == ["Shootings"]


def test_a_named_event_before_suspect(nlp):
    text = "A court has convicted a friend of Oslo Marathon bombing suspect Karl Berg."
    assert assault_triggers(nlp, text) == ["bombing"]


@pytest.mark.parametrize(
    "text",
    [
        "Five militants were killed in two accidental explosions in Helmand on Friday.",
        "The device detonated prematurely, killing the two men who were planting it.",
    ],
)
def test_an_accidental_blast_is_no_attack(nlp, text):
    assert assault_triggers(nlp, text) == []


def test_a_deliberate_blast_is_an_attack(nlp):
    text = "Five soldiers were killed in two explosions in Helmand on Friday."
    assert assault_triggers(nlp, text) == ["explosions"]


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("A soldier was stabbed in the neck at a checkpoint in Hebron.", "stabbed"),
        ("An attacker stabbed three people at a station in Lille.", "stabbed"),
        ("Police said a gunman murdered four people at a school.", "murdered"),
        ("Assailants hacked two villagers to death with machetes.", "hacked"),
        ("Troops were hit by a roadside bomb near Kandahar.", "hit"),
        ("A missile hit a residential building in Kharkiv.", "hit"),
        ("Jets pounded rebel positions in Idlib on Sunday.", "pounded"),
        ("A grenade was thrown at a police patrol in Srinagar.", "thrown"),
        ("Mortar rounds landed near the embassy.", "landed"),
        ("Two brothers detonated bombs near the finish line.", "detonated"),
    ],
)
def test_violent_verbs(nlp, sentence, trigger):
    assert assault_triggers(nlp, sentence) == [trigger]


@pytest.mark.parametrize(
    "sentence",
    [
        "The storm pounded the coast overnight.",
        "Sanctions have hit the economy hard.",
        "The plane landed safely in Erbil.",
        "He threw a stone at the car.",
        "The striker stabbed the ball into the net.",
    ],
)
def test_the_same_verbs_used_otherwise(nlp, sentence):
    assert assault_triggers(nlp, sentence) == []


def test_police_shooting_a_suspect_is_an_attack(nlp):
    assert assault_triggers(nlp, "Police shot the suspect outside the station.") == ["shot"]


def test_a_participle_that_reports_a_killing_and_its_killer(nlp):
    text = "The attacker, later shot dead by officers, was a local man."
    assert assault_triggers(nlp, text) == ["shot"]


def test_a_participle_that_only_describes_someone(nlp):
    assert assault_triggers(nlp, "The attacker, later arrested by officers, was a local man.") == []


def test_hitting_fighters_is_an_attack(nlp):
    assert assault_triggers(nlp, "The army said it had hit three gunmen.") == ["hit"]
