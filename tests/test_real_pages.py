"""What real pages throw at the extractor, end to end (read, extract, resolve).

Each test is a short page written for it: a dateline and a weekday, speech in
quotes and quotes inside quotes, a report of a report, hedges, and a past event
mentioned in passing beside the news.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract import extract_documents, load_nlp
from dateline.ingest import read_paths
from dateline.records import Document
from dateline.resolve import resolve_mentions

PUBLISHED = dt.date(2014, 6, 12)  # a Thursday


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def resolved(nlp, text: str, *, published: dt.date | None = PUBLISHED):
    doc = Document(id="p" + str(abs(hash(text)) % 10**8), name="page.txt", source="page.txt",
                   text=text, published=published)  # fmt: skip
    [found] = extract_documents([doc], nlp)
    return resolve_mentions(doc, found)


def of_type(mentions, event_type: str):
    found = [m for m in mentions if m.type == event_type]
    assert len(found) == 1, [(m.type, m.trigger.text) for m in mentions]
    return found[0]


def test_a_dateline_dates_the_page_and_a_weekday_counts_back_from_it(nlp, tmp_path):
    page = tmp_path / "wire.txt"
    page.write_text("KIRKUK, Iraq, June 12, 2014 (Wire) - Gunmen stormed a police station in "
                    "Kirkuk on Tuesday, killing four officers.\n")  # fmt: skip
    [doc] = list(read_paths([page]))
    assert doc.published == PUBLISHED
    [found] = extract_documents([doc], nlp)
    m = of_type(resolve_mentions(doc, found), "ASSAULT")
    assert m.date == dt.date(2014, 6, 10)
    assert m.date_precision == "day"
    assert m.killed.best == 4


def test_we_in_direct_speech_is_the_speaker(nlp):
    m = of_type(resolved(nlp, '"We will storm Kirkuk," an ISIS commander said.'), "THREATEN")
    assert m.actor1.text == "ISIS commander"
    assert m.actor1_entity is not None and m.actor1_entity.group == "ISIS"
    assert m.modality == "promised"


def test_we_inside_a_quote_inside_a_quote_is_the_inner_speaker(nlp):
    text = "The general said: \"The rebels told us 'we will attack Kirkuk' and we believe them.\""
    m = of_type(resolved(nlp, text), "THREATEN")
    assert m.actor1.text == "rebels"
    assert m.attribution.text == "rebels"


def test_speech_by_nobody_we_can_name_is_no_event(nlp):
    assert not [m for m in resolved(nlp, '"We will storm Kirkuk."') if m.type == "THREATEN"]


def test_a_report_of_a_report_keeps_the_first_hand_source_and_the_outlet(nlp):
    text = ("Reuters reported that the Associated Press had been told by police that a car "
            "bomb killed twelve people in Kirkuk.")  # fmt: skip
    m = of_type(resolved(nlp, text), "ASSAULT")
    assert m.attribution.text == "police"
    assert m.source == "Reuters"
    assert m.killed.best == 12
    assert m.place is not None and m.place.name == "Kirkuk"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Insurgents reportedly seized the town of Baiji on Tuesday.", "claimed"),
        ("Army helicopters may have bombed a convoy near Baiji on Tuesday.", "uncertain"),
        ("Officials denied that soldiers had opened fire on protesters in Basra.", "denied"),
    ],
)
def test_hedges_set_the_modality(nlp, text, modality):
    m = of_type(resolved(nlp, text), "ASSAULT")
    assert m.modality == modality


def test_a_past_event_in_passing_is_past_and_dated_by_its_own_words(nlp):
    text = ("The group, which took control of Falluja at the start of the year, attacked "
            "Samarra on Wednesday.")  # fmt: skip
    mentions = sorted(resolved(nlp, text), key=lambda m: m.trigger.start)
    passing, news = mentions
    assert (passing.trigger.text, passing.modality) == ("took", "past")
    assert passing.date.year == 2014 and passing.date_precision != "day"
    assert (news.trigger.text, news.modality) == ("attacked", "asserted")
    assert news.date == dt.date(2014, 6, 11)


def test_how_the_reporter_reached_a_source_is_no_event(nlp):
    text = "Residents reached by telephone said gunmen set up checkpoints near Ramadi."
    assert not [m for m in resolved(nlp, text) if m.type == "CONSULT"]
    call = of_type(resolved(nlp, "Biden spoke to Maliki by telephone on Tuesday."), "CONSULT")
    assert call.date == dt.date(2014, 6, 10)


def test_a_force_sent_to_a_town_the_model_does_not_tag_is_placed_there(nlp):
    m = of_type(resolved(nlp, "Canada will send 250 troops to Erbil."), "MOBILIZE")
    assert m.place is not None and m.place.country == "IRQ" and m.place.precision == "town"
    assert m.modality == "promised"


def test_only_a_state_body_meeting_alone_is_placed_at_home(nlp):
    from dateline.resolve.mentions import FALLBACK_OWN_MEETING

    council = of_type(resolved(nlp, "Iran's National Security Council met on Thursday."), "CONSULT")
    assert council.place is not None and council.place.fallback == FALLBACK_OWN_MEETING
    rebels = of_type(resolved(nlp, "Syrian rebels met on Thursday."), "CONSULT")
    assert rebels.place is None or rebels.place.fallback != FALLBACK_OWN_MEETING


def test_a_question_about_who_did_it_refers_back_to_the_attack(nlp):
    text = ("A bomb exploded at a market in Mosul on Monday, killing nine people. "
            "It was not immediately clear who carried out the attack.")  # fmt: skip
    first, question = sorted(
        (m for m in resolved(nlp, text) if m.type == "ASSAULT"), key=lambda m: m.trigger.start
    )
    assert first.refers_to is None
    assert question.refers_to is not None and question.refers_to.text == "exploded"
    assert (question.place.name, question.date) == (first.place.name, first.date)


def test_a_quoted_toll_reads_like_an_unquoted_one(nlp):
    text = 'The group said in a statement that the strike had killed "dozens of fighters".'
    m = of_type(resolved(nlp, text), "ASSAULT")
    assert (m.killed.best, m.killed.span.text) == (24, "dozens")


def test_a_local_story_places_its_unplaced_sentences_in_its_only_town(nlp):
    from dateline.resolve.mentions import FALLBACK_STORY_TOWN

    text = ("An air strike hit a market in Tikrit on Tuesday, killing 12 people. "
            "The mayor said two jets circled for minutes before dropping their bombs.")  # fmt: skip
    dropping = [m for m in resolved(nlp, text) if m.trigger.text == "dropping"]
    assert dropping and dropping[0].place.name == "Tikrīt"
    assert dropping[0].place.fallback == FALLBACK_STORY_TOWN
    two_towns = text.replace("The mayor", "Another strike hit Mosul. The mayor")
    elsewhere = [m for m in resolved(nlp, two_towns) if m.trigger.text == "dropping"]
    assert elsewhere and elsewhere[0].place.precision == "country"
