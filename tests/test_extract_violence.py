"""Violent events as news tells them: verbless headlines, event nouns, one attack per toll."""

from __future__ import annotations

import pytest

from dateline.extract import extract_mentions, load_nlp
from dateline.records import Document


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def assaults(nlp, text: str):
    doc = Document(id="v" + str(abs(hash(text)) % 10**8), name="v.txt", source="v.txt", text=text,
                   outlet="Test Wire")  # fmt: skip
    return [m for m in extract_mentions(doc, nlp) if m.type == "ASSAULT"]


def one_assault(nlp, text: str):
    found = assaults(nlp, text)
    assert len(found) == 1, [(m.trigger.text, m.killed) for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("headline", "trigger", "killed"),
    [
        # A headline drops the auxiliary: the participle still reports the killing.
        ("12 soldiers killed in Hama", "killed", 12),
        ("Seven farmers killed by shelling in the western countryside", "shelling", 7),
        # The attack noun tells the event, the participle its toll.
        ("9 civilians killed in Aleppo air strike", "strike", 9),
        # Casualty nouns heading a headline: the attack they hang from, with its toll.
        ("6 casualties in raids on the eastern suburbs", "raids", 6),
        ("11 martyrs in the bombing of the old market", "bombing", 11),
        ("Mortar fire leaves 4 martyrs in the camp", "leaves", 4),
        ("The massacre in the valley claims the lives of 15 villagers", "massacre", 15),
        ("The militia executes 5 prisoners in the town square", "executes", 5),
        ("Gunmen execute 4 in the old quarter", "execute", 4),
        ("The night raid left 3 shepherds dead", "raid", 3),
        ("Sniper fire leaves 3 shepherds dead in the hills", "leaves", 3),
        ("A video shows the execution of 6 prisoners by the militia", "execution", 6),
        ("Armed cells assassinate 3 members of the council", "assassinate", 3),
        ("Jets carry out a massacre of 8 villagers near the river", "massacre", 8),
        ("Smoke over the city and 2 children killed in the southern suburbs", "killed", 2),
    ],
)
def test_headline_tolls(nlp, headline, trigger, killed):
    m = one_assault(nlp, headline)
    assert m.trigger.text == trigger
    assert m.killed is not None and m.killed.best == killed


def test_participle_of_a_headline_makes_its_noun_the_victim(nlp):
    m = one_assault(nlp, "14 guards killed by rebels near the dam")
    assert m.actor2 is not None and m.actor2.text.endswith("guards")
    assert m.actor1 is not None and m.actor1.text == "rebels"


def test_participle_modifier_without_a_count_is_no_event(nlp):
    assert assaults(nlp, "Families of those killed gathered at the court.") == []


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # An attack noun and an agentless toll in one sentence: one attack, toll included.
        ("The worst explosion was at the bus depot, where nine people were killed.", "explosion"),
        ("During the bombing of the port at least 8 dockers died.", "bombing"),
        ("Two passers-by were wounded in the blast.", "blast"),
    ],
)
def test_toll_folds_into_the_attack_noun(nlp, sentence, trigger):
    m = one_assault(nlp, sentence)
    assert m.trigger.text == trigger
    assert m.killed is not None or m.injured is not None


def test_died_alone_is_no_attack(nlp):
    assert assaults(nlp, "The former mayor died at his home last year.") == []


def test_deaths_from_the_weather_are_no_attack(nlp):
    assert assaults(nlp, "The cold snap leaves 3 shepherds dead in the hills") == []


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("There was an explosion near the stadium gates.", "explosion"),
        ("Police are still questioning witnesses of the Tuesday bombing.", "bombing"),
        ("Investigators said the attack on the checkpoint had been planned for weeks.", "attack"),
        ("The rebels claimed the raid.", "raid"),
        ("Trade suffered because of clashes between the army and the rebels.", "clashes"),
        ("Nine men are accused over the failed assassination attempt.", "assassination"),
        ("A minute later the explosion shattered the shop windows.", "explosion"),
        ("A suicide bomber on a motorcycle crashed into the convoy.", "crashed"),
    ],
)
def test_particular_attack_nouns(nlp, sentence, trigger):
    assert [m.trigger.text for m in assaults(nlp, sentence)] == [trigger]


@pytest.mark.parametrize(
    "sentence",
    [
        # A bare anaphor only points back at an attack already told.
        "The attack marks a turning point in the war.",
        # Attacks in general, or a campaign told whole, are no single event.
        "The council condemned the group's attacks.",
        "Experts discussed how to prevent attacks on shipping.",
        "He suffered a heart attack.",
        "The vote left the party divided.",
        "A truck crashed into a wall on the highway.",
        # Saying what something is like is no report of a battle.
        "The war is a proxy battle between the two powers.",
    ],
)
def test_attack_nouns_that_report_no_particular_event(nlp, sentence):
    assert assaults(nlp, sentence) == []


def test_a_device_that_explodes_is_no_attacker(nlp):
    m = one_assault(nlp, "A car bomb exploded near the market, killing 4 shoppers.")
    assert m.actor1 is None
    assert m.mode == "explosives"
    assert m.killed is not None and m.killed.best == 4


def test_a_toll_never_joins_attacks_told_in_general(nlp):
    found = assaults(
        nlp, "Despite frequent attacks on the road, 3 drivers were killed in the town."
    )
    tolls = [m for m in found if m.killed is not None]
    assert [m.trigger.text for m in tolls] == ["killed"]


def test_verbless_headline_told_by_its_event_noun(nlp):
    m = one_assault(nlp, "Violent clashes between the army and the rebels in the northern hills")
    assert m.trigger.text == "clashes"
    assert m.acled_event_type == "Battles"
    found = assaults(nlp, "Intense battles and air strikes on the outskirts of the town")
    assert [m.trigger.text for m in found] == ["battles", "strikes"]


def test_the_device_detonated_is_no_target(nlp):
    m = one_assault(nlp, "The brigade detonated 20 bombs across the city.")
    assert m.actor1 is not None and m.actor1.text.endswith("brigade")
    assert m.actor2 is None
