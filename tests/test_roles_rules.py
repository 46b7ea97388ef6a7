"""Who did it and to whom: event nouns, occasions, weapons and times are no actors.

Sentences written for these tests. Each case names the rule it checks; the spans asserted
are the ones a reader would pick.
"""

from __future__ import annotations

import pytest

from dateline.extract import extract_mentions, load_nlp
from dateline.records import Document


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()  # cached: the same pipeline as the other extraction tests


def assault(nlp, text: str):
    doc = Document(id="rr" + str(abs(hash(text)) % 10**8), name="r.txt", source="r.txt", text=text)
    found = [m for m in extract_mentions(doc, nlp) if m.type == "ASSAULT"]
    assert found, text
    return found[0]


def text_of(span) -> str | None:
    return span.text if span is not None else None


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # An event noun or a gerund in the subject's slot names its agent in a by-phrase.
        ("Shelling by the army killed four farmers near the river.", "army"),
        ("Intense shelling by government troops killed a boy in the village.", "government troops"),
        ("A series of bombings by the separatists killed eleven people.", "separatists"),
        # Who fought: the between-phrase on the event, on its quantifier or on its verb.
        ("Fierce clashes broke out between the police and armed smugglers.", "police"),
        (
            "An exchange of gunfire between the soldiers and the bandits killed two passers-by.",
            "soldiers",
        ),
    ],
)
def test_the_event_names_its_agent(nlp, text, actor1):
    assert text_of(assault(nlp, text).actor1) == actor1


@pytest.mark.parametrize(
    "text",
    [
        # A time, a toll or a bare number (a headline's reduced passive) is nobody.
        "Three weeks of fighting have left hundreds of people dead.",
        "Seventy killed in the northern province on Sunday.",
        "Two days of heavy clashes left dozens of fighters dead in the valley.",
        # With no one named, the event itself is not the actor.
        "Heavy fighting killed nine villagers on Friday.",
        # A name or noun naming the occasion or the venue is where, not who.
        "Two men were charged over the Riverside Festival bombing.",
        "Police questioned witnesses of the Eastgate Market attack.",
        # A person's name on an event noun is mostly whom it befell, not who did it.
        "Police reopened the investigation into the Harrison bombing.",
    ],
)
def test_no_one_named_no_actor(nlp, text):
    assert assault(nlp, text).actor1 is None


def test_a_named_group_on_the_event_acts(nlp):
    assert text_of(assault(nlp, "Two men were jailed over the Hezbollah bombing.").actor1) == (
        "Hezbollah"
    )


def test_a_quantified_group_still_acts(nlp):
    mention = assault(nlp, "Dozens of gunmen stormed the police station at dawn.")
    assert "gunmen" in text_of(mention.actor1)


@pytest.mark.parametrize(
    "text",
    [
        # The object (or passive subject) of detonating is the weapon, not the target.
        "Insurgents detonated a truck bomb outside the ministry on Monday.",
        "Several powerful devices were detonated in the city centre.",
        "The two men carried the bombs into the square before detonating them.",
    ],
)
def test_the_weapon_is_not_the_target(nlp, text):
    assert assault(nlp, text).actor2 is None


def test_aimed_at_is_the_target(nlp):
    mention = assault(nlp, "The militia fired mortars at the army barracks.")
    assert text_of(mention.actor1) == "militia"
    assert "barracks" in text_of(mention.actor2)


def test_an_attack_without_weapons_keeps_its_object(nlp):
    mention = assault(nlp, "Rebels ambushed an army convoy near the border.")
    assert "convoy" in text_of(mention.actor2)


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # The subject of dying undergoes the event a gerund under it names.
        ("A teacher died in shelling by the militia on the market.", "militia"),
        ("A farmer died in heavy shelling on the town.", None),
        # Munitions act for no one unless the phrase names their owner.
        ("Explosive barrels hit the eastern suburbs of the city.", None),
        # Counted people alone are a violent headline's victims, not its doers.
        ("Dozens killed and wounded in clashes near the airport.", None),
    ],
)
def test_undergoers_and_weapons_are_not_actors(nlp, text, actor1):
    assert text_of(assault(nlp, text).actor1) == actor1


def test_counted_marchers_still_protest(nlp):
    doc = Document(
        id="rr-march",
        name="r.txt",
        source="r.txt",
        text="Thousands marched through the capital on Saturday.",
    )
    found = [m for m in extract_mentions(doc, nlp) if m.type == "PROTEST"]
    assert found and text_of(found[0].actor1) == "Thousands"


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        # A building hit, with no owner and no victims named, is the target...
        ("A bomb hit the central market on Friday.", "central market"),
        (
            "He rented the van used in the bombing of the county courthouse building.",
            "county courthouse building",
        ),
        # ... but named victims come first, and a district is only where it happened.
        ("Gunmen attacked a busy market in the north, killing nine shoppers.", "shoppers"),
        ("Warplanes shelled the district overnight.", None),
    ],
)
def test_a_building_hit_is_the_target(nlp, text, actor2):
    assert text_of(assault(nlp, text).actor2) == actor2


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # Initials on an event noun spell the organisation behind it, even when the parser
        # reads "IS" as a verb; a weapon's initials do not.
        ("Two soldiers died in an IS ambush on the road.", "IS"),
        ("Soldiers were killed in PKK attacks in the southeast.", "PKK"),
        ("Dozens of soldiers were killed in IS attacks near the oil field.", "IS"),
        ("Three soldiers were wounded in IED attacks near the base.", None),
    ],
)
def test_initials_name_the_group(nlp, text, actor1):
    assert text_of(assault(nlp, text).actor1) == actor1


def test_object_pronoun_is_not_the_subject(nlp):
    # An object pronoun is not its own clause's subject (that would be "themselves").
    text = "The insurgents captured two journalists on Friday and released them on Sunday."
    doc = Document(id="rr-bind", name="r.txt", source="r.txt", text=text)
    released = [m for m in extract_mentions(doc, nlp) if m.trigger.text == "released"]
    assert released and text_of(released[0].actor1) == "insurgents"
    assert text_of(released[0].actor2) != "insurgents"


def test_subject_pronoun_still_finds_its_group(nlp):
    mention = assault(nlp, "The separatists said they bombed the pipeline on Sunday.")
    assert text_of(mention.actor1) == "separatists"


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        # A harm verb with a subject and no object or auxiliary is a headline's passive:
        # its subject is the victim, and no one is the doer.
        ("Teacher killed and pupils wounded in mortar shelling on the school.", "Teacher"),
        ("Two aid workers kidnapped near the river crossing.", "aid workers"),
        # A bare toll names no one.
        ("Forty killed yesterday in the eastern province.", None),
    ],
)
def test_headline_passive(nlp, text, actor2):
    found = [
        m
        for m in extract_mentions(
            Document(id="rr" + str(abs(hash(text)) % 10**8), name="r", source="r", text=text), nlp
        )
        if m.type in {"ASSAULT", "COERCE"}
    ]
    assert found and found[0].actor1 is None
    assert text_of(found[0].actor2) == actor2


def test_an_active_harm_verb_keeps_its_doer(nlp):
    mention = assault(nlp, "Gunmen killed two engineers near the dam on Tuesday.")
    assert (text_of(mention.actor1), text_of(mention.actor2)) == ("Gunmen", "engineers")
