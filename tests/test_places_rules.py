"""Where events are placed: the words that make a name the event's place or something else.

Sentences written for these tests; each runs the extractor and the resolver end to end.
"""

from __future__ import annotations

import pytest

from dateline.extract import extract_mentions, load_nlp
from dateline.records import Document, Mention, Span
from dateline.resolve import resolve_mentions
from dateline.resolve.mentions import FALLBACK_OWN_MEETING
from dateline.resolve.place_cues import distance_before, in_other_role


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def resolved(nlp, text: str, event_type: str):
    doc = Document(id="p" + str(abs(hash(text)) % 10**8), name="p.txt", source="p.txt",
                   text=text, outlet="Test Wire")  # fmt: skip
    found = [m for m in resolve_mentions(doc, extract_mentions(doc, nlp)) if m.type == event_type]
    assert found, f"no {event_type} mention in {text!r}"
    return found


def one(nlp, text: str, event_type: str):
    (mention,) = resolved(nlp, text, event_type)
    return mention


def test_the_goal_of_a_motion_verb_outranks_a_country_elsewhere(nlp):
    text = (
        "Turkey is offering refuge, while reports say that Jordan has sent fighter jets "
        "into Syria to strike the militants."
    )
    # Jets sent to strike fly the strike, which happens where they were sent.
    assert one(nlp, text, "ASSAULT").place.country == "SYR"
    moved = text.replace("fighter jets into Syria to strike the militants", "troops into Syria")
    assert one(nlp, moved, "MOBILIZE").place.country == "SYR"


def test_a_place_the_forces_came_from_does_not_refine_where_they_went(nlp):
    text = (
        "Two brigades moved to Syria on Monday were shifted from the Turkish provinces "
        "of Hatay and Kilis."
    )
    mention = one(nlp, text, "MOBILIZE")
    assert (mention.place.country, mention.place.precision) == ("SYR", "country")


def test_the_agent_of_a_by_phrase_is_not_the_place(nlp):
    text = (
        "Lebanon Lebanon. Jordan struck using intelligence provided by Israel, officials believe."
    )
    place = one(nlp, text, "ASSAULT").place
    assert place.country == "LBN" and place.fallback


def test_a_topic_phrase_names_no_venue_and_an_own_body_meets_at_home(nlp):
    text = (
        "Syria Syria Syria. Turkey's president said he had to attend an emergency meeting "
        "of the country's security council about events in Syria."
    )
    place = one(nlp, text, "CONSULT").place
    assert (place.country, place.fallback) == ("TUR", FALLBACK_OWN_MEETING)


def test_the_neighbour_across_a_border_is_not_the_place(nlp):
    text = "Turkish troops have been deployed along the country's long border with Syria."
    assert one(nlp, text, "MOBILIZE").place.country != "SYR"


def test_a_capital_addressed_or_speaking_is_the_government_not_the_place(nlp):
    asked = "The Kurdish government said it would allow airstrikes and asked Washington to help."
    for mention in resolved(nlp, asked, "AGREE"):
        assert "Washington" not in [p.text for p in mention.places]
        assert mention.place.precision == "country"
    sees = "Jordan will send advisers to help its ally counter what Amman sees as a grave threat."
    assert all(m.place.name != "Amman" for m in resolved(nlp, sees, "AGREE"))


def test_a_title_case_headline_finds_the_town_taken_inside_the_recipient(nlp):
    text = (
        "Kurdish Fighters Helped Iraqi Troops Take Back Control of Most of Sinjar, Officials Said"
    )
    place = one(nlp, text, "ASSAULT").place
    assert (place.country, place.precision) == ("IRQ", "town")
    assert place.lat == pytest.approx(36.32, abs=0.1)


def test_the_place_taken_is_a_place_though_it_is_also_the_recipient():
    text = "Iraq Iraq. The militants took control of Ramadi on Friday."
    doc = Document(id="r1", name="r.txt", source="r.txt", text=text, outlet="Test Wire")
    start = text.index("Ramadi")
    ramadi = Span("Ramadi", start, start + len("Ramadi"))
    sentence_start = text.index("The militants")
    mention = Mention(
        doc_id=doc.id, doc_name=doc.name, type="ASSAULT",
        sentence=Span(text[sentence_start:], sentence_start, len(text)),
        trigger=Span("took", text.index("took"), text.index("took") + 4),
        actor2=ramadi, places=(ramadi,),
    )  # fmt: skip
    (found,) = resolve_mentions(doc, [mention])
    assert (found.place.name, found.place.precision) == ("Ramadi", "town")


def test_a_distance_from_a_town_places_the_event_in_its_country_unless_near(nlp):
    far = one(nlp, "Rebels Seize Two More Towns; Now 40 Miles From Damascus", "ASSAULT").place
    assert (far.country, far.precision) == ("SYR", "country")
    near = one(nlp, "Rebels shelled a checkpoint 5 km from Homs on Monday.", "ASSAULT").place
    assert (near.name, near.precision) == ("Homs", "near")


def test_a_sweep_towards_the_capital_is_not_in_the_capital(nlp):
    text = "Syria Syria. The rebels captured two more towns overnight in a sweep towards Damascus."
    place = one(nlp, text, "ASSAULT").place
    assert (place.country, place.precision) == ("SYR", "country")


@pytest.mark.parametrize("joined", ["along with several", "together with"])
def test_a_comitative_adds_a_place_to_a_list_of_places_taken(nlp, joined):
    text = (
        f"Baiji and Tuz Khurmatu fell to the militants, {joined} villages around the "
        "Hamrin mountains."
    )
    places = {m.place.name: m.place.precision for m in resolved(nlp, text, "ASSAULT")}
    assert places.get("Hamrin Mountains") == "region"
    assert len(places) == 3


def test_cue_words_around_a_name():
    def cue(text: str, name: str) -> bool:
        start = text.index(name)
        return in_other_role(text, Span(name, start, start + len(name)))

    assert cue("arms provided by Iran", "Iran")
    assert cue("talks on Yemen resumed", "Yemen")
    assert cue("a summit about the crisis in Libya", "Libya")
    assert cue("what Tehran sees as a threat", "Tehran")
    assert not cue("fighting in Tehran said to be fierce", "Tehran")
    assert not cue("bombs fell on Aleppo", "Aleppo")


def test_distances_are_read_in_kilometres():
    text = "some 30 miles from Baghdad, and 12km north of Mosul"
    assert distance_before(text, Span("Baghdad", text.index("Baghdad"), text.index(","))) == (
        pytest.approx(48.3, abs=0.1)
    )
    mosul = text.index("Mosul")
    assert distance_before(text, Span("Mosul", mosul, mosul + 5)) == 12.0
    assert distance_before("forces in Mosul", Span("Mosul", 10, 15)) is None
