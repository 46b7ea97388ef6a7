"""Actors told by reference ("the planes", "the council", "it") and shows of force, on
sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.extract import extract_mentions, load_nlp
from dateline.records import Document


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()  # cached: the same pipeline as the other extraction tests


def mentions(nlp, text: str):
    doc = Document(id="s" + str(abs(hash(text)) % 10**8), name="s.txt", source="s.txt", text=text)
    return extract_mentions(doc, nlp)


def told_by(nlp, text: str, trigger: str, *, within: str = ""):
    """The one mention ``trigger`` tells in a sentence containing ``within``."""
    (found,) = [
        m for m in mentions(nlp, text) if m.trigger.text == trigger and within in m.sentence.text
    ]
    return found


def actor1(mention) -> str | None:
    return mention.actor1.text if mention.actor1 is not None else None


def test_a_definite_description_repeats_the_earlier_mention_that_says_whose(nlp):
    text = (
        "Two Ruritanian air planes bombed a market in Eastville on Monday. Dozens of "
        "people were wounded, the mayor said. Officials said the planes also attacked "
        "a fuel depot."
    )
    assert actor1(told_by(nlp, text, "attacked")) == "Ruritanian air planes"


def test_a_compound_head_is_repeated_by_its_last_word(nlp):
    text = (
        "Freedonian warplanes struck the border town on Sunday. Witnesses said the planes "
        "attacked a convoy."
    )
    assert actor1(told_by(nlp, text, "attacked")) == "Freedonian warplanes"


def test_machines_whose_owner_was_never_named_are_nobodys_we_know(nlp):
    # Not the article's country: the planes could be anyone's.
    text = "Fighting spread across Iraq. Officials said the planes attacked a fuel depot."
    assert told_by(nlp, text, "attacked").actor1 is None


def test_the_council_is_the_council_named_before(nlp):
    text = (
        "The envoy briefed the Security Council in New York on Monday. The council "
        "condemned the bombing of the pipeline."
    )
    assert actor1(told_by(nlp, text, "condemned")) == "Security Council"


def test_a_pronoun_skips_the_subject_of_a_relative_clause(nlp):
    text = (
        "As the Front has advanced through the valley, capturing towns from which "
        "government soldiers have fled, it has begun to promote the atrocities committed "
        "under its rule."
    )
    assert actor1(told_by(nlp, text, "capturing")) == "Front"


def test_an_actor_never_runs_across_a_headline_separator(nlp):
    text = "Syria Update: Jihadists Capture 3 More Syrian Villages; Army Flees"
    assert actor1(told_by(nlp, text, "Capture")) == "Jihadists"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("In the port, the militia staged a parade of captured armoured vehicles.", "parade"),
        ("The junta held a military parade in the capital on Sunday.", "parade"),
        ("The rebels paraded their tanks through the streets of the town.", "paraded"),
        ("The navy staged a show of force off the coast on Friday.", "show"),
    ],
)
def test_a_show_of_force_is_a_mobilisation(nlp, text, trigger):
    found = told_by(nlp, text, trigger)
    assert (found.type, found.mode) == ("MOBILIZE", "show-of-force")


@pytest.mark.parametrize(
    "text",
    [
        "Residents held a parade to celebrate the harvest festival.",
        "The guerrillas paraded captured soldiers through the village.",
    ],
)
def test_parades_of_revellers_or_captives_are_no_show_of_force(nlp, text):
    assert all(m.mode != "show-of-force" for m in mentions(nlp, text))


def test_the_government_is_the_storys_not_the_last_one_named(nlp):
    # A role noun names the one of the country in focus: no repetition of "the Ruritanian
    # government" two sentences back.
    text = (
        "The Ruritanian government offered Freedonia more weapons. Officials in Freedonia "
        "welcomed the offer. Ruritania has also sent troops and offered unconditional "
        "support to the government."
    )
    support = told_by(nlp, text, "offered", within="support")
    assert support.actor2.text == "government"
