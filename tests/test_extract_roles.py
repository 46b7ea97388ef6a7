"""Recipients (actor2), commitments and PLOVER typing on sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.extract import extract_mentions, load_nlp
from dateline.records import Document


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()  # cached: the same pipeline as the other extraction tests


def mentions(nlp, text: str):
    doc = Document(id="r" + str(abs(hash(text)) % 10**8), name="r.txt", source="r.txt", text=text)
    return extract_mentions(doc, nlp)


def only(nlp, text: str, event_type: str):
    found = mentions(nlp, text)
    assert [m.type for m in found] == [event_type], [(m.type, m.trigger.text) for m in found]
    return found[0]


def recipient(mention) -> str | None:
    return mention.actor2.text if mention.actor2 is not None else None


@pytest.mark.parametrize(
    ("text", "event_type", "expected"),
    [
        # Who is asked: the subject of the that-clause, or the one asked it from.
        ("The opposition demanded that the government hold new elections.", "REQUEST",
         "government"),
        ("Farmers in the south are demanding compensation from the provincial authorities.",
         "REQUEST", "provincial authorities"),
        # A threat, refusal or promise is addressed to the recipient of the act it names.
        ("Ruritania threatened on Monday to cut off diplomatic relations with Freedonia.",
         "THREATEN", "Freedonia"),
        ("The prime minister refused to meet the Chilean ambassador in the capital.", "REJECT",
         "Chilean ambassador"),
        # The author of a rejected act: its nationality or its from/by phrase.
        ("The rebels rejected a Kenyan peace plan on Sunday.", "REJECT", "Kenyan"),
        ("The council rejected an offer from the union leaders.", "REJECT", "union leaders"),
        # A visit's recipient is its host.
        ("The Chilean foreign minister visited Argentina last week.", "CONSULT", "Argentina"),
        ("The envoy started a mediation effort between Ecuador and Peru.", "CONSULT",
         "Ecuador"),
        # Forces sent into a country, or sent to fight someone.
        ("Chile deployed two battalions in Bolivia on Friday.", "MOBILIZE", "Bolivia"),
        # Troops after "to" receive, they are not what is sent.
        ("Kenya granted political asylum to twelve Somali soldiers.", "AID",
         "Somali soldiers"),
        # Whose positions were hit.
        ("Army helicopters shelled positions of the rebel militia near the river.", "ASSAULT",
         "rebel militia"),
        ("Soldiers demolished Bedouin villages in the valley.", "COERCE", "Bedouin"),
    ],
)  # fmt: skip
def test_the_recipient(nlp, text, event_type, expected):
    found = [m for m in mentions(nlp, text) if m.type == event_type]
    assert found, [(m.type, m.trigger.text) for m in mentions(nlp, text)]
    assert recipient(found[0]) == expected


def test_a_weapon_is_not_the_actor_behind_an_act(nlp):
    m = only(nlp, "Lebanon complained to the United Nations about rocket fire.", "ACCUSE")
    assert recipient(m) != "rocket"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The government offered to hand over the two suspects.", "AGREE"),
        ("The president promised to hold elections next year.", "AGREE"),
        ("The ministers agreed to lift the embargo on medicine.", "AGREE"),
        ("The authorities will allow the refugees to return home.", "AGREE"),
        ("The court decided on Tuesday to allow the candidate to run.", "CONCEDE"),
        ("The cabinet refused to deploy peacekeepers in the region.", "REJECT"),
        ("Chile is firmly opposed to foreign mediation in the dispute.", "REJECT"),
        ("The minister threatened to impose tariffs on imported steel.", "THREATEN"),
        ("The senator defended the president against the charges.", "SUPPORT"),
        ("The navy has strengthened its forces in the gulf.", "MOBILIZE"),
        ("The agency dispatched inspectors to the plant on Monday.", "ACCUSE"),
    ],
)  # fmt: skip
def test_a_commitment_and_its_act_are_one_event(nlp, text, event_type):
    only(nlp, text, event_type)


def test_a_promise_to_attack_keeps_the_threat(nlp):
    m = only(nlp, "The rebels vowed to attack the capital.", "THREATEN")
    assert m.trigger.text == "attack"


def test_a_demanded_act_is_the_request(nlp):
    m = only(nlp, "The party issued a statement demanding that the government release "
                  "the detained activists.", "REQUEST")  # fmt: skip
    assert recipient(m) == "government"


def test_a_statement_continued_in_a_participle_is_one_event(nlp):
    found = mentions(nlp, "The minister condemned the decision, calling for new talks.")
    assert [m.type for m in found] == ["ACCUSE"]


def test_an_offer_of_equipment_stays_aid(nlp):
    m = only(nlp, "Norway offered military equipment to the government.", "AID")
    assert m.modality == "promised"


def test_looking_to_do_something_is_an_intention(nlp):
    found = mentions(nlp, "The ministry is looking to strengthen its forces in the north.")
    assert [m.modality for m in found] == ["hypothetical"]
