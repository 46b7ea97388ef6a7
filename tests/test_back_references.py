"""Back-references: later words about an event already told add to it, never make another."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

import pytest
from conftest import make_document, make_mention

from dateline.codec import from_data, to_data
from dateline.contract import mention_record
from dateline.evaluation.wikievents import predicted_attacks
from dateline.pipeline import run
from dateline.reconcile import reconcile
from dateline.records import Count, Event, Mention, Place, Span
from dateline.store import Ledger

# Published on a Thursday: "Wednesday" is June 18, "Tuesday" June 17.
STORY = (
    "Blast in Tikrit\n"
    "TIKRIT, Iraq, June 19, 2014 (Wire) - A roadside bomb exploded near a bus station in "
    "Tikrit on Wednesday. Nine people were killed and 14 wounded, officials said.\n\n"
    "Militants attacked an army post near Samarra on Tuesday. The attack killed three "
    "soldiers.\n"
)
ANOTHER_PLACE = (
    "Bombs in Iraq\n"
    "KIRKUK, Iraq, June 19, 2014 (Wire) - A car bomb exploded in a crowded market in Kirkuk "
    "on Wednesday, killing five people. Another bomb killed three people in Mosul.\n"
)


def ledger_events(tmp_path, text: str) -> list[Event]:
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    db = tmp_path / "ledger.db"
    run([story], db=db, workers=1)
    return Ledger(db).events()


def event_at(events: list[Event], town: str) -> Event:
    """The one event placed in ``town`` (gazetteer names carry diacritics: "Tikrīt")."""
    (found,) = [e for e in events if e.location is not None and town == plain(e.location.name)]
    return found


def plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if c.isalpha() and not unicodedata.combining(c))


@pytest.fixture(scope="module")
def story_events(tmp_path_factory) -> list[Event]:
    return ledger_events(tmp_path_factory.mktemp("story"), STORY)


def test_a_story_and_its_follow_ups_are_two_events(story_events):
    assert len(story_events) == 2
    bombing, raid = event_at(story_events, "Tikrit"), event_at(story_events, "Samarra")
    assert (bombing.fatalities.low, bombing.fatalities.best, bombing.fatalities.high) == (9, 9, 9)
    assert (bombing.injuries.low, bombing.injuries.best, bombing.injuries.high) == (14, 14, 14)
    assert bombing.date == dt.date(2014, 6, 18)
    assert (raid.fatalities.best, raid.date) == (3, dt.date(2014, 6, 17))


@pytest.mark.parametrize(("town", "word"), [("Tikrit", "killed"), ("Samarra", "attack")])
def test_a_back_reference_takes_its_antecedents_place_and_date(story_events, town, word):
    event = event_at(story_events, town)
    (back,) = [m for m in event.mentions if m.refers_to is not None]
    (first,) = [m for m in event.mentions if m.trigger == back.refers_to]
    assert back.trigger.text == word
    assert (back.place, back.date, back.date_from) == (first.place, first.date, first.date_from)
    assert back.killed is not None and first.killed is None


def test_the_toll_keeps_its_source(story_events):
    bombing = event_at(story_events, "Tikrit")
    (back,) = [m for m in bombing.mentions if m.refers_to is not None]
    assert back.attribution is not None and back.attribution.text == "officials"


def test_a_follow_up_with_a_new_place_is_another_event(tmp_path):
    events = ledger_events(tmp_path, ANOTHER_PLACE)
    kirkuk, mosul = event_at(events, "Kirkuk"), event_at(events, "Mosul")
    assert kirkuk is not mosul
    assert (kirkuk.fatalities.best, mosul.fatalities.best) == (5, 3)
    assert all(m.refers_to is None for m in mosul.mentions)


def back_reference(first: Mention, **kw) -> Mention:
    """A later sentence of ``first``'s document pointing back at it."""
    doc_text = "Nine were killed."
    start = first.sentence.end + 1
    fields = {
        "sentence": Span(doc_text, start, start + len(doc_text)),
        "trigger": Span("killed", start + 10, start + 16),
        "refers_to": first.trigger,
        "actor1_entity": None,
        "actor2_entity": None,
        "killed": Count(Span("Nine", start, start + 4), 9, 9, 9, "exact"),
    }
    fields.update(kw)
    return dataclasses.replace(first, **fields)


def test_a_back_reference_joins_its_antecedent_wherever_it_is_placed():
    first = make_mention(make_document())
    elsewhere = Place("Basra", "IRQ", 30.5, 47.8, "town")
    back = back_reference(first, place=elsewhere, date=dt.date(2014, 5, 1))
    (event,) = reconcile([back, first])
    assert set(event.mentions) == {first, back}
    assert reconcile([first, back]) == [event]
    # Two figures of one event make a range, never a sum.
    assert (event.fatalities.low, event.fatalities.high) == (9, 12)


def test_a_back_reference_whose_antecedent_is_missing_is_reconciled_as_any_mention():
    first = make_mention(make_document())
    elsewhere = Place("Basra", "IRQ", 30.5, 47.8, "town")
    back = back_reference(first, refers_to=Span("bombed", 500, 506), place=elsewhere)
    assert len(reconcile([back, first])) == 2
    assert len(reconcile([back])) == 1


def test_refers_to_round_trips_and_old_records_still_decode():
    first = make_mention(make_document())
    back = back_reference(first)
    assert from_data(Mention, to_data(back)) == back
    stored = to_data(first)
    del stored["refers_to"]
    assert from_data(Mention, stored).refers_to is None


def test_the_export_contract_names_the_antecedent():
    first = make_mention(make_document())
    record = mention_record(back_reference(first))
    assert record["refers_to"] == {"text": "bombed", "start": 5, "end": 11}
    assert mention_record(first)["refers_to"] is None


def test_wikievents_counts_no_back_reference_as_an_attack():
    first = make_mention(make_document())
    predicted = predicted_attacks([first, back_reference(first)])
    assert [p.trigger for p in predicted] == [first.trigger]
