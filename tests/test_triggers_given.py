"""Given or new: later words about an attack already reported are no new attack; they are
kept as back-references to it (``Mention.refers_to``)."""

from __future__ import annotations

import pytest

from dateline.extract import extract_mentions, load_nlp
from dateline.records import Document


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def mentions(nlp, text: str):
    doc = Document(id="g" + str(abs(hash(text)) % 10**8), name="g.txt", source="g.txt", text=text,
                   outlet="Test Wire")  # fmt: skip
    return extract_mentions(doc, nlp)


def assault_triggers(nlp, text: str) -> list[str]:
    """The triggers of the attacks reported (back-references left out)."""
    found = mentions(nlp, text)
    return [m.trigger.text for m in found if m.type == "ASSAULT" and m.refers_to is None]


def back_references(nlp, text: str) -> list[tuple[str, str]]:
    """(trigger, the trigger it points back at) of each back-reference."""
    found = mentions(nlp, text)
    return [(m.trigger.text, m.refers_to.text) for m in found if m.refers_to is not None]


REPORT = "A car bomb exploded outside a police station in Kirkuk on Monday, killing four officers."


@pytest.mark.parametrize(
    "follow_up",
    [
        "Police arrested two men suspected of involvement in the bombing.",
        "Three men involved in the attack were detained on Tuesday.",
        "The prime minister condemned the attack in a televised speech.",
        "A shopkeeper who witnessed the blast said the windows shook.",
        "Relatives of the officers reacted to the bombing with anger.",
    ],
)
def test_a_presupposed_back_reference_is_no_new_attack(nlp, follow_up):
    assert assault_triggers(nlp, f"{REPORT} {follow_up}") == ["exploded"]
    pointers = back_references(nlp, f"{REPORT} {follow_up}")
    assert [antecedent for _, antecedent in pointers] == ["exploded"]


@pytest.mark.parametrize(
    ("follow_up", "trigger"),
    [
        # The attack itself acts: the event is narrated again, with something new.
        ("The explosion shattered the windows of a nearby school.", "explosion"),
        # A new place makes it another attack.
        ("Police officers involved in the attack in Mosul were arrested.", "attack"),
        # An indefinite noun introduces an event.
        ("An hour later, an explosion hit a market in Tikrit.", "hit"),
    ],
)
def test_a_reference_that_tells_something_new_stays(nlp, follow_up, trigger):
    assert assault_triggers(nlp, f"{REPORT} {follow_up}") == ["exploded", trigger]


def test_a_later_toll_without_a_killer_is_the_outcome_of_the_attack(nlp):
    text = f"{REPORT} Two other officers were wounded. A passer-by was also killed."
    assert assault_triggers(nlp, text) == ["exploded"]
    assert back_references(nlp, text) == [("wounded", "exploded"), ("killed", "exploded")]


def test_a_told_attack_that_kills_is_a_back_reference_to_the_latest_one(nlp):
    text = (
        f"{REPORT} Gunmen attacked an army post near Baiji on Sunday. "
        "The attack killed two soldiers."
    )
    assert assault_triggers(nlp, text) == ["exploded", "attacked"]
    assert back_references(nlp, text) == [("attack", "attacked")]


def test_a_told_attack_that_kills_somewhere_new_is_a_new_attack(nlp):
    text = f"{REPORT} The attack killed two soldiers in Mosul."
    assert back_references(nlp, text) == []


def test_a_pronoun_killer_points_back_at_the_attackers(nlp):
    text = "Gunmen stormed a checkpoint near Baiji on Friday. They killed six soldiers."
    assert assault_triggers(nlp, text) == ["stormed"]


def test_a_toll_with_its_own_killer_is_a_new_attack(nlp):
    text = f"{REPORT} Later, the army killed five militants in a raid."
    assert "killed" in assault_triggers(nlp, text) or "raid" in assault_triggers(nlp, text)
    assert len(assault_triggers(nlp, text)) == 2


def test_a_toll_in_a_new_place_is_a_new_attack(nlp):
    text = f"{REPORT} In Samarra, nine civilians were killed."
    assert assault_triggers(nlp, text) == ["exploded", "killed"]


def test_a_lone_toll_is_still_reported(nlp):
    assert assault_triggers(nlp, "Nine civilians were killed in Samarra on Sunday.") == ["killed"]


def test_a_back_reference_takes_the_type_of_its_first_mention(nlp):
    text = (
        "Police officers launched raids in eastern Madrid on Monday. "
        "Neighbours heard shouting during the raids."
    )
    found = mentions(nlp, text)
    raids = [(m.type, m.mode) for m in found if m.trigger.text == "raids"]
    assert raids == [("COERCE", "arrest"), ("COERCE", "arrest")]


def test_a_police_raid_is_no_attack(nlp):
    found = mentions(nlp, "Police launched a raid on a flat in Leeds early on Monday.")
    assert [(m.trigger.text, m.type) for m in found] == [("raid", "COERCE")]


def test_a_militant_raid_is_an_attack(nlp):
    found = mentions(nlp, "Militants launched a raid on an army post in Diyala on Monday.")
    assert [(m.trigger.text, m.type) for m in found] == [("raid", "ASSAULT")]


def test_a_toll_by_the_weapon_already_reported_is_its_outcome(nlp):
    report = "A roadside bomb hit an army truck near Tal Afar on Sunday."
    alone = assault_triggers(nlp, report)
    assert alone
    assert assault_triggers(nlp, f"{report} A colonel was killed by the bomb.") == alone


def test_naming_the_victims_does_not_make_a_new_attack(nlp):
    text = f"{REPORT} A commander of the Kurdish Asayish was also killed."
    assert assault_triggers(nlp, text) == ["exploded"]


def test_a_toll_in_a_place_the_tagger_misreads_is_still_new(nlp):
    text = f"{REPORT} In Samarra, nine civilians were killed."
    found = mentions(nlp, text)
    assert [m.trigger.text for m in found if m.type == "ASSAULT"] == ["exploded", "killed"]


@pytest.mark.parametrize(
    ("follow_up", "trigger"),
    [
        ("Elsewhere, two soldiers were killed.", "killed"),
        ("In a separate incident, a policeman was wounded.", "wounded"),
        ("Meanwhile, three civilians were killed.", "killed"),
    ],
)
def test_a_toll_told_as_another_event_is_new(nlp, follow_up, trigger):
    assert assault_triggers(nlp, f"{REPORT} {follow_up}") == ["exploded", trigger]


def test_more_victims_of_the_same_attack_are_no_new_event(nlp):
    text = f"{REPORT} They also wounded another 15 people."
    assert assault_triggers(nlp, text) == ["exploded"]
