"""Extraction on sentences written for these tests: types, roles, places, attribution, modality."""

from __future__ import annotations

import pytest

from dateline.extract import extract_documents, extract_mentions, load_nlp
from dateline.records import PLOVER_TYPES, Comment, Document


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def document(text: str, **kw) -> Document:
    return Document(id="t" + str(abs(hash(text)) % 10**8), name="t.txt", source="t.txt", text=text,
                    outlet="Test Wire", **kw)  # fmt: skip


def mentions(nlp, text: str):
    return extract_mentions(document(text), nlp)


def only(nlp, text: str, event_type: str):
    found = [m for m in mentions(nlp, text) if m.type == event_type]
    assert len(found) == 1, [(m.type, m.trigger.text) for m in mentions(nlp, text)]
    return found[0]


def place_names(mention) -> list[str]:
    return [p.text for p in mention.places]


def test_air_strike_with_agent_victims_place_and_acled(nlp):
    m = only(nlp, "Syrian warplanes attacked a crowded market in Raqqa, killing 12 shoppers.",
             "ASSAULT")  # fmt: skip
    assert m.actor1.text == "Syrian warplanes"
    assert m.actor2.text == "shoppers"
    assert place_names(m) == ["Raqqa"]
    assert m.mode == "aerial"
    assert (m.acled_event_type, m.acled_sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert m.source == "Test Wire"


def test_passive_outcome_is_folded_into_the_attack_that_caused_it(nlp):
    text = "Nine farmers were killed on Monday after government helicopters bombed the valley."
    found = mentions(nlp, text)
    assert [m.type for m in found] == ["ASSAULT"]
    m = found[0]
    assert m.trigger.text == "bombed"
    assert m.actor1.text == "government helicopters"
    assert m.actor2.text == "farmers"


def test_passive_with_by_agent(nlp):
    m = only(nlp, "The convoy was ambushed by rebel fighters near Homs.", "ASSAULT")
    assert m.actor1.text == "rebel fighters"
    assert m.actor2.text == "convoy"
    assert place_names(m) == ["Homs"]


def test_capture_of_two_places_is_one_mention_per_place(nlp):
    found = mentions(nlp, "Kobani and Tal Abyad fell to the rebels on Sunday after the army fled.")
    captures = [m for m in found if m.mode == "seize"]
    assert sorted(place_names(m)[0] for m in captures) == ["Kobani", "Tal Abyad"]
    for m in captures:
        assert m.type == "ASSAULT"
        assert m.actor1.text == "rebels"
        assert m.actor2.text == "army"
        assert m.acled_sub_event_type == "Non-state actor overtakes territory"


def test_retaking_is_a_government_gain(nlp):
    m = only(nlp, "Army units retook control of the town of Baiji on Thursday.", "ASSAULT")
    assert m.acled_sub_event_type == "Government regains territory"
    assert "Baiji" in place_names(m)
    assert m.actor2 is None  # "control" is what was taken, not whom


def test_possessive_actor_is_not_a_place(nlp):
    m = only(nlp, "Iran's Revolutionary Guard deployed two battalions to Iraq.", "MOBILIZE")
    assert m.actor1.text == "Iran's Revolutionary Guard"
    assert place_names(m) == ["Iraq"]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Turkey sent 400 soldiers to the border on Friday.", "MOBILIZE"),
        ("Turkey sent rifles and ammunition to the Kurdish fighters.", "AID"),
        ("The two presidents met in Geneva on Monday.", "CONSULT"),
        ("The mayor asked the United Nations to send food.", "REQUEST"),
        ("The foreign minister condemned the raid on the embassy.", "ACCUSE"),
        ("The opposition refused to attend the conference.", "REJECT"),
        ("Thousands of students protested outside the parliament in Kiev.", "PROTEST"),
        ("Police arrested six journalists in Cairo.", "COERCE"),
        ("The rebels withdrew from the city after a week.", "RETREAT"),
        ("The two factions signed a ceasefire agreement in Doha.", "AGREE"),
    ],
)
def test_trigger_types(nlp, text, event_type):
    found = mentions(nlp, text)
    assert event_type in [m.type for m in found]
    assert all(m.type in PLOVER_TYPES for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "War is never the answer, and attacks on civilians are a crime.",
        "The attack marks a turning point for the whole region.",
        "The two sides struck a deal on oil exports.",
        "Analysts said the offensive showed the weakness of the army.",
    ],
)
def test_no_event_in_opinion_or_figurative_sentences(nlp, text):
    assert [(m.type, m.trigger.text) for m in mentions(nlp, text)] == []


def test_attribution_to_according_to_phrase_keeps_its_place_out(nlp):
    m = only(nlp, "According to police officials in Basra, gunmen attacked a checkpoint in Zubair.",
             "ASSAULT")  # fmt: skip
    assert m.attribution.text == "police officials in Basra"
    assert place_names(m) == ["Zubair"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Rebels shelled the airport in Aleppo, the monitoring group said.", "monitoring group"),
        ("The Daily Star reported that jets bombed a bridge in Hermel.", "Daily Star"),
        ("A senior Kurdish official told Reuters that militants stormed the town.",
         "senior Kurdish official"),
    ],
)  # fmt: skip
def test_attribution_to_reporting_verb_subject(nlp, text, source):
    found = [m for m in mentions(nlp, text) if m.type == "ASSAULT"]
    assert found and found[0].attribution.text == source


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Insurgents reportedly seized the dam near Haditha.", "claimed"),
        ("Sources claim that jets bombed the convoy.", "claimed"),
        ("The army did not bomb the hospital.", "denied"),
        ("The ministry announced the deployment of 500 troops to the border.", "announced"),
        ("The government promised to send medicine to the refugees.", "promised"),
        ("The militia threatened to attack the city.", "threatened"),
        ("The general vowed to bomb the rebels if they crossed the river.", "conditional"),
        ("The cabinet is considering sending troops to the region.", "hypothetical"),
        ("Government forces may have recaptured the town of Beiji.", "uncertain"),
        ("The rebels captured the town of Idlib at the start of the year.", "past"),
        ("The air force has often bombed villages in the north.", "generic"),
        ("Government forces recaptured the town of Beiji on Friday.", "asserted"),
    ],
)
def test_modality(nlp, text, modality):
    found = mentions(nlp, text)
    assert found, text
    assert found[0].modality == modality


def test_threat_to_attack_is_one_threaten_mention(nlp):
    found = mentions(nlp, "The militia threatened to attack the city.")
    assert [m.type for m in found] == ["THREATEN"]


def test_telephone_call_is_consult_call(nlp):
    m = only(nlp, "The president assured the prime minister by telephone that help was coming.",
             "CONSULT")  # fmt: skip
    assert m.mode == "call"
    assert m.actor1.text == "president"
    assert m.actor2.text == "prime minister"


def test_dates_and_tolls_attach_to_the_attack(nlp):
    m = only(nlp, "At least 12 people were killed on Friday when a car bomb exploded in Kirkuk.",
             "ASSAULT")  # fmt: skip
    assert m.killed is not None and m.killed.best == 12
    assert m.date_expr is not None and m.date_expr.text == "Friday"
    assert m.mode == "explosives"
    assert place_names(m) == ["Kirkuk"]


def test_offsets_index_the_document_text(nlp):
    text = "Quiet morning.\n\nJets bombed the bridge in Hama. Later, troops arrived in Homs."
    doc = document(text)
    found = extract_mentions(doc, nlp)
    assert len(found) == 2
    for m in found:
        for span in (m.trigger, m.sentence, m.actor1, *m.places):
            assert text[span.start : span.end] == span.text


def test_a_line_break_ends_a_sentence(nlp):
    found = mentions(nlp, "Rebels Seize Town\nThe army said jets bombed the town of Rastan.")
    bombing = [m for m in found if m.trigger.text == "bombed"]
    assert bombing and bombing[0].sentence.text.startswith("The army")


def test_documents_are_coded_without_their_comments(nlp):
    text = "Jets bombed the market in Mosul on Tuesday."
    comment = Comment("They should have bombed Raqqa instead.", 50, 88)
    docs = [document(text, comments=(comment,)), document("Nothing happened today.")]
    per_doc = extract_documents(docs, nlp, batch_size=2)
    assert [len(found) for found in per_doc] == [1, 0]
    assert place_names(per_doc[0][0]) == ["Mosul"]


def test_load_nlp_is_cached(nlp):
    assert load_nlp() is nlp
    assert "dateline_triggers" in nlp.pipe_names


def test_pronoun_and_the_group_take_a_named_antecedent(nlp):
    text = (
        "Al-Shabaab issued a statement on Monday. The group said it attacked a base near Kismayo."
    )
    m = only(nlp, text, "ASSAULT")
    assert m.actor1.text == "Al-Shabaab"
    assert m.attribution.text == "Al-Shabaab"
    assert text[m.actor1.start : m.actor1.end] == "Al-Shabaab"


def test_person_pronoun_resolves_within_the_sentence(nlp):
    m = only(nlp, "President Hollande cut short a trip and said he had met the defence minister.",
             "CONSULT")  # fmt: skip
    assert m.actor1.text == "President Hollande"
    assert m.actor2.text == "defence minister"


def test_unresolvable_pronoun_leaves_the_actor_empty(nlp):
    m = only(nlp, "He attacked the convoy.", "ASSAULT")
    assert m.actor1 is None


def test_the_actor_behind_a_condemned_attack_is_its_named_modifier(nlp):
    m = only(nlp, "The council condemned Taliban attacks on schools.", "ACCUSE")
    assert m.actor1.text == "council"
    assert m.actor2.text == "Taliban"


def test_discourse_phrase_names_no_place(nlp):
    m = only(nlp, "In addition to Turkey, the league condemned the shelling in Kobani.", "ACCUSE")
    assert "Turkey" not in place_names(m)


def test_a_blast_that_kills_is_one_explosion_event(nlp):
    found = mentions(nlp, "A blast killed four soldiers at a checkpoint in Kandahar.")
    assert [m.type for m in found] == ["ASSAULT"]
    m = found[0]
    assert m.trigger.text == "blast"
    assert m.actor1 is None
    assert m.actor2.text == "soldiers"
    assert m.acled_sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The government said it will release forty prisoners next week.", "AGREE"),
        ("Ankara will impose sanctions on the company unless it pays the fine.", "THREATEN"),
        ("The minister said he is ready to meet the rebel leaders in Nairobi.", "AGREE"),
    ],
)
def test_promised_acts_are_agreements_or_threats(nlp, text, event_type):
    assert [m.type for m in mentions(nlp, text)] == [event_type]


def test_a_hunger_strike_is_a_protest_not_an_attack(nlp):
    found = mentions(nlp, "Forty detainees began a hunger strike on Monday in Ankara.")
    assert [m.type for m in found] == ["PROTEST"]


def test_purpose_clause_is_not_a_support_event(nlp):
    found = mentions(nlp, "The army moved two brigades north to support the police.")
    assert "SUPPORT" not in [m.type for m in found]


def test_pronoun_takes_the_nearest_subject_of_its_number(nlp):
    m = only(nlp, "The army said it had shelled rebel positions near Idlib.", "ASSAULT")
    assert m.actor1.text == "army"
    m = only(nlp, "The rebels said he had attacked the convoy.", "ASSAULT")
    assert m.actor1 is None  # "he" cannot be "the rebels"


def test_a_finite_second_verb_keeps_its_own_modality(nlp):
    text = "The government said it would allow flights and asked Turkey to close the border."
    m = only(nlp, text, "REQUEST")
    assert m.modality == "asserted"
    assert m.actor1.text == "government"


def test_would_in_reported_speech_is_a_promise_not_a_hypothesis(nlp):
    m = only(nlp, "The ministry said it would send 300 troops to the border.", "MOBILIZE")
    assert m.modality == "promised"
    m = only(nlp, "Such troops would be sent to the border in a war.", "MOBILIZE")
    assert m.modality == "hypothetical"


def test_a_dateline_is_not_the_event_place(nlp):
    m = only(nlp, "KABUL, Afghanistan\u2014Gunmen attacked a police post in Kunduz on Monday.",
             "ASSAULT")  # fmt: skip
    assert m.sentence.text.startswith("Gunmen")
    assert place_names(m) == ["Kunduz"]


def test_saying_someone_must_act_is_a_request_of_them(nlp):
    m = only(nlp, "Moscow said on Monday that Kiev must return the captured helicopter.", "REQUEST")
    assert m.actor1.text == "Moscow"
    assert m.actor2.text == "Kiev"


def test_an_act_promised_unless_something_happens_is_a_threat(nlp):
    text = "Nigeria said it will withdraw its troops from the mission unless the fighting stops."
    m = only(nlp, text, "THREATEN")
    assert m.modality == "threatened"


def test_deaths_in_an_accident_are_no_attack(nlp):
    text = "Forty people were killed when their bus plunged into a ravine near Kabul."
    assert [m.type for m in mentions(nlp, text)] == []


def test_killed_in_an_air_strike_is_one_air_strike(nlp):
    m = only(nlp, "Nine fighters were killed in an air strike near Sirte on Sunday.", "ASSAULT")
    assert m.trigger.text == "strike"
    assert m.acled_sub_event_type == "Air/drone strike"
    assert place_names(m) == ["Sirte"]


def test_failing_to_agree_is_a_rejection(nlp):
    found = mentions(nlp, "The two delegations failed to reach an agreement in Geneva.")
    assert [m.type for m in found] == ["REJECT"]


def test_the_owner_of_a_place_attacked_is_the_recipient(nlp):
    m = only(nlp, "Rebels surrounded one of Syria's largest air bases on Monday.", "COERCE")
    assert m.actor2.text == "Syria"


def test_to_whose_aid_forces_came_is_the_recipient(nlp):
    text = "Two brigades came to the aid of the government of President Hadi on Monday."
    m = only(nlp, text, "AID")
    assert m.actor2.text.endswith("President Hadi")


def test_they_said_is_not_credited_to_the_agent_of_the_report(nlp):
    m = only(nlp, "Two brigades arrived in Aden on Monday, they said.", "MOBILIZE")
    assert m.attribution is None


def test_troops_sent_to_help_someone_are_aid_to_them(nlp):
    m = only(nlp, "Chad sent 2,000 soldiers to help the government of Mali.", "AID")
    assert m.actor1.text == "Chad"
    assert m.actor2.text.startswith("government")
    assert [m.type for m in mentions(nlp, "Chad sent 2,000 soldiers to the border.")] == [
        "MOBILIZE"
    ]


def test_a_cooperative_act_one_will_not_do_is_a_stated_refusal(nlp):
    m = only(nlp, "The rebels said they would not attend the talks in Geneva.", "REJECT")
    assert m.modality == "asserted"
    m = only(nlp, "The army did not bomb the hospital.", "ASSAULT")
    assert m.modality == "denied"


def test_committing_an_attack_is_the_deed_not_a_promise(nlp):
    from conftest import make_document

    from dateline.extract import extract_mentions

    doc = make_document("Gunmen committed a massacre in the village of Tel Hamis on Sunday.")
    kinds = {(m.type, m.modality) for m in extract_mentions(doc, nlp)}
    assert ("ASSAULT", "asserted") in kinds
    assert not any(modality == "promised" for _, modality in kinds)


def test_the_reporting_outlet_is_kept_apart_from_the_source_it_cites(nlp):
    from conftest import make_document

    from dateline.extract import extract_mentions

    doc = make_document(
        "According to doctors in the town, at least 14 people were killed when shells hit "
        "the bus station in Azaz, CNN reports.",
        outlet=None,
    )
    (strike, *_) = [m for m in extract_mentions(doc, nlp) if m.type == "ASSAULT"]
    assert strike.attribution.text == "doctors in the town"
    assert strike.source == "CNN"
    plain = make_document(
        "Government jets bombed a market in Azaz on Monday, killing 9 people.",
        outlet="Example Wire",
    )
    assert {m.source for m in extract_mentions(plain, nlp)} == {"Example Wire"}
