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
        # The stance holder is not its own recipient.
        ("Chile is firmly opposed to Peruvian mediation in the dispute.", "REJECT", "Peruvian"),
        # Offered to whom: the first of two objects.
        ("The government offered Chile everything it asked for.", "AGREE", "Chile"),
        # A visit's recipient is its host.
        ("The Chilean foreign minister traveled to Argentina last week.", "CONSULT",
         "Argentina"),
        ("The envoy started a mediation effort between Ecuador and Peru.", "CONSULT",
         "Ecuador"),
        # Forces sent into a country, or sent to fight someone.
        ("Chile deployed two battalions in Bolivia on Friday.", "MOBILIZE", "Bolivia"),
        ("Chile sent warplanes to the border to fight the rebel militia.", "MOBILIZE",
         "rebel militia"),
        # The actor behind a condemned act, the possessive written with a curly apostrophe.
        ("The league condemned ISIS’ attacks on Friday.", "ACCUSE", "ISIS"),
        # Troops after "to" receive, they are not what is sent.
        ("Kenya granted political asylum to twelve Somali soldiers.", "AID",
         "Somali soldiers"),
        # Whose positions were hit.
        ("Army helicopters shelled positions of the rebel militia near the river.", "ASSAULT",
         "rebel militia"),
        ("Soldiers demolished Bedouin villages in the valley.", "COERCE", "Bedouin"),
        # A threat is pressed on whoever must meet its condition.
        ("The union threatened to strike unless the ministry raises wages.", "THREATEN",
         "ministry"),
        # A protest is aimed at what its purpose clause opposes.
        ("Nurses began a hunger strike to protest against the ministry's pay freeze.",
         "PROTEST", "ministry"),
        ("The workers began a hunger strike on Friday in protest at the company's layoffs.",
         "PROTEST", "company"),
        # Down an of-chain, and whom something was taken from.
        ("Japan suspended part of its economic aid to Laos.", "SANCTION", "Laos"),
        ("Police confiscated weapons from the clan militia.", "COERCE", "clan militia"),
        # A measure is not its own recipient: whom it binds, or who laid it, is.
        ("Police imposed a curfew on the striking miners.", "COERCE", "striking miners"),
        ("The newspaper defied a ban by the military governor.", "REJECT", "military governor"),
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
        ("The militia leaders are willing to hand over their weapons.", "AGREE"),
    ],
)  # fmt: skip
def test_a_commitment_and_its_act_are_one_event(nlp, text, event_type):
    only(nlp, text, event_type)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The king gave a warm welcome to the visiting president.", "CONSULT"),
        ("The supreme court opened a hearing into the abuses.", "ACCUSE"),
        ("The authorities will not accept any more refugees.", "REJECT"),
        ("The newspaper violated a ban on foreign reporting.", "REJECT"),
        ("Truckers said they would blockade the port.", "THREATEN"),
        ("Thousands took part in demonstrations against the new tax.", "PROTEST"),
        ("Workers across the country stopped work on Monday.", "PROTEST"),
        ("Police prevented the rally near the university.", "COERCE"),
        ("Hackers managed to hack into the ministry's servers.", "COERCE"),
        ("The governor ordered patrols in the old city.", "MOBILIZE"),
        ("The cabinet outlawed the student union on Monday.", "COERCE"),
        ("Red Cross helicopters evacuated the wounded from the valley.", "AID"),
    ],
)  # fmt: skip
def test_verbal_and_material_acts_without_a_verb_of_violence(nlp, text, event_type):
    found = mentions(nlp, text)
    assert event_type in [m.type for m in found], [(m.type, m.trigger.text) for m in found]


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


@pytest.mark.parametrize(
    ("text", "event_type", "agent"),
    [
        ("Rebel attacks killed ten soldiers near the dam on Monday.", "ASSAULT", "Rebel"),
        ("Kurdish riots against the new law continued in the city.", "PROTEST", "Kurdish"),
    ],
)  # fmt: skip
def test_the_agent_an_event_noun_names(nlp, text, event_type, agent):
    found = [m for m in mentions(nlp, text) if m.type == event_type]
    assert found and found[0].actor1 is not None
    assert found[0].actor1.text == agent


def test_a_measure_imposed_is_not_the_recipient(nlp):
    m = only(nlp, "The authorities imposed a curfew in the capital on Sunday.", "COERCE")
    assert m.actor2 is None


def test_mobilising_supporters_is_no_military_mobilisation(nlp):
    assert "MOBILIZE" in [m.type for m in mentions(nlp, "The army mobilized its reservists.")]
    found = mentions(nlp, "The party mobilized its supporters for the vote.")
    assert "MOBILIZE" not in [m.type for m in found]


def test_insisting_that_something_happened_is_no_request(nlp):
    found = mentions(nlp, "The minister insisted that the troops had withdrawn from the town.")
    assert "REQUEST" not in [m.type for m in found]


@pytest.mark.parametrize(
    ("text", "event_type", "agent"),
    [
        ("The navy's ships were placed on high alert on Sunday.", "MOBILIZE", "navy's ships"),
        ("Hundreds of rebels were demobilized last month.", "RETREAT", "Hundreds of rebels"),
    ],
)  # fmt: skip
def test_forces_moved_with_no_agent_named_act_for_their_side(nlp, text, event_type, agent):
    m = only(nlp, text, event_type)
    assert m.actor1 is not None and m.actor1.text == agent


def test_a_named_place_hit_is_the_place_not_the_target(nlp):
    m = only(nlp, "Rebel artillery shelled Damascus overnight.", "ASSAULT")
    assert m.actor2 is None
    assert "Damascus" in [p.text for p in m.places]


def roles(nlp, text: str) -> tuple[str | None, str | None]:
    """(actor1, actor2) of the sentence's one ASSAULT mention."""
    m = only(nlp, text, "ASSAULT")
    return (m.actor1.text if m.actor1 is not None else None, recipient(m))


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        # Who launched, carried out or claimed the attack a noun names.
        ("The separatists launched a wave of attacks across the province.", "separatists"),
        ("The Red Brigades claimed responsibility for the bombing in the capital.",
         "Red Brigades"),
        ("The militia's decision to carry out the attacks was widely criticised.", "militia"),
        ("The bombing by the rebels destroyed the bridge.", "rebels"),
        ("The town has suffered a spate of bombings carried out by the separatists.",
         "separatists"),
        ("The raids carried out by the air force destroyed the bridge.", "air force"),
        # A denied claimant, the event itself, a weapon or a victim is not the attacker.
        ("No group has claimed responsibility for the explosion.", None),
        ("The shop window was damaged by the blast.", None),
        ("Dozens died in the raids on the village.", None),
        ("A car bomb killed four soldiers at the checkpoint.", None),
    ],
)  # fmt: skip
def test_the_attacker_of_an_attack_noun(nlp, text, attacker):
    assert roles(nlp, text)[0] == attacker


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # The bearer of the lives claimed, not "lives".
        ("The bombs claimed the lives of six soldiers.", "soldiers"),
        # What an explosion, as the agent of a passive, acted on beats the victims.
        ("The City Hall in Denver was wrecked by an explosion, killing nine people.",
         "City Hall"),
        ("A bomber on a motorbike crashed into an army patrol.", "army patrol"),
        # Whom an attack is blamed on is its alleged author, not its target.
        ("Some blamed the attack on the separatists.", None),
        # Whom a participle or relative clause says the attack was aimed at.
        ("The province has seen many bombings targeted at the federal police.",
         "federal police"),
        ("The separatists claimed the bombings, which seemed to be aimed at tourists.",
         "tourists"),
        # The of-object of an attack noun is its target, unless a town (the place).
        ("The assassination of the mayor shocked the town.", "mayor"),
        ("The shelling of the city continued for a week.", None),
        # A killing the attack answers is not its outcome.
        ("They said the bombings were revenge for the army's killing of farmers.", None),
        # The fire opened is the act, not its target.
        ("Gunmen opened fire on a patrol near the bridge.", "patrol"),
    ],
)  # fmt: skip
def test_the_target_of_an_attack(nlp, text, target):
    assert roles(nlp, text)[1] == target


def test_a_fight_between_two_sides(nlp):
    assert roles(nlp, "A boy was hurt in a battle between police and rioters.") == (
        "police",
        "rioters",
    )


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # Every place of a coordination after a place preposition.
        ("Gunmen opened fire on a patrol near Kafr Nabl and Maarat Misrin.",
         ["Kafr Nabl", "Maarat Misrin"]),
        # Where the target was is where it was hit.
        ("The Grand Hotel in Sousse was wrecked by an explosion.", ["Sousse"]),
        # With no place named, the place noun the event is located at.
        ("By evening the brigade had detonated twenty bombs across the city.", ["city"]),
        ("The bombing of the town caused chaos.", ["town"]),
        ("The deadliest explosion was at the crowded bus station.", ["crowded bus station"]),
        ("Late at night a wave of shooting broke out in the eastern districts.",
         ["eastern districts"]),
    ],
)  # fmt: skip
def test_the_places_of_an_attack(nlp, text, places):
    assert [p.text for p in only(nlp, text, "ASSAULT").places] == places


def test_war_planes_sent_to_fight_someone_are_an_air_attack_on_them(nlp):
    m = only(nlp, "The president has sent fighter jets into Yemen to fight the rebels.", "ASSAULT")
    assert m.mode == "aerial"
    assert recipient(m) == "rebels"
    # the purpose verb, itself an attack word, tells the same attack: one event
    one = only(nlp, "Moscow sent bombers into Syria to strike rebel positions.", "ASSAULT")
    assert one.trigger.text == "sent"


def test_aircraft_sent_for_another_purpose_and_troops_sent_to_fight_stay_deployments(nlp):
    only(nlp, "The United States sent fighter jets to Jordan to reassure its ally.", "MOBILIZE")
    only(nlp, "The government sent troops to fight the rebels in the east.", "MOBILIZE")
