"""Additive follow-ups: "a passer-by was also killed" adds to the toll told, in one report only."""

from __future__ import annotations

import pytest
from conftest import make_document

from dateline.extract import load_nlp
from dateline.extract.mentions import extract_mentions
from dateline.pipeline import run
from dateline.records import Event
from dateline.store import Ledger

OPENING = (
    "Bomber hits Baiji checkpoint\n"
    "BAIJI, Iraq, June 17, 2014 (Wire) - A suicide bomber struck a police checkpoint in "
    "Baiji on Monday, killing four officers."
)
PASSER_BY = OPENING + " A passer-by was also killed.\n"
MORE_DIED = OPENING + " Two more soldiers died of their wounds later.\n"
TOLD_AFTER = (
    "Blast in Tikrit\n"
    "TIKRIT, Iraq, June 19, 2014 (Wire) - A bomb exploded near a bus station in Tikrit on "
    "Wednesday. Six people were killed, officials said.\n"
)
# Another outlet's report: its "two more" adds to nothing it told itself.
OTHER_OUTLET = (
    "Checkpoint attack in Baiji\n"
    "BAIJI, Iraq, June 17, 2014 (Other Wire) - A suicide bomber struck a police checkpoint "
    "in Baiji on Monday. Two more officers were killed, police said.\n"
)


def ledger_events(folder, texts: dict[str, str]) -> list[Event]:
    paths = []
    for name, text in texts.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    db = folder / "ledger.db"
    run(paths, db=db, workers=1)
    return Ledger(db).events()


def only_event(events: list[Event]) -> Event:
    (event,) = [e for e in events if e.fatalities is not None]
    return event


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_an_also_killed_follow_up_adds_one_to_the_toll(tmp_path):
    event = only_event(ledger_events(tmp_path, {"baiji.txt": PASSER_BY}))
    assert event.fatalities.best == 5
    assert event.fatalities.low >= 4
    assert event.fatalities.high >= 5


def test_two_more_died_adds_two_to_the_toll(tmp_path):
    event = only_event(ledger_events(tmp_path, {"baiji.txt": MORE_DIED}))
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (6, 6, 6)
    assert "died" in {m.trigger.text for m in event.mentions}  # the sentence is evidence


def test_a_follow_up_with_no_additive_word_just_supplies_the_toll(tmp_path):
    event = only_event(ledger_events(tmp_path, {"tikrit.txt": TOLD_AFTER}))
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (6, 6, 6)


def test_figures_of_two_documents_are_ranged_never_added(tmp_path):
    events = ledger_events(tmp_path, {"a.txt": PASSER_BY, "b.txt": OTHER_OUTLET})
    event = only_event(events)
    assert len({m.doc_id for m in event.mentions}) == 2
    assert (event.fatalities.low, event.fatalities.high) == (2, 5)


def test_the_sum_keeps_the_first_figure_as_its_evidence(nlp):
    text = "Gunmen attacked a bus in Mosul on Monday, killing nine people. Three more were killed."
    found = extract_mentions(make_document(text), nlp)
    (told,) = [m for m in found if m.refers_to is None and m.killed is not None]
    assert (told.killed.best, told.killed.low, told.killed.span.text) == (12, 12, "nine")
    assert all(m.killed is None for m in found if m.refers_to is not None)


@pytest.mark.parametrize(
    "follow_up",
    [
        "More than 20 people were killed, officials said.",  # a hedge, not an addition
        "In Samarra, two more people were killed.",  # another place: another report
        "More people have been killed since January.",  # a running total
    ],
)
def test_follow_ups_that_add_nothing_leave_the_toll_alone(nlp, follow_up):
    text = "Gunmen attacked a bus in Mosul on Monday, killing nine people. " + follow_up
    found = extract_mentions(make_document(text), nlp)
    assert [m.killed.best for m in found if m.trigger.text == "attacked"] == [9]


def test_an_added_wounded_count_adds_to_the_wounded(nlp):
    text = (
        "A car bomb exploded in Kirkuk on Monday, killing three people and wounding ten. "
        "Four more people were wounded."
    )
    found = extract_mentions(make_document(text), nlp)
    (told,) = [m for m in found if m.refers_to is None and m.injured is not None]
    assert (told.killed.best, told.injured.best) == (3, 14)


def test_more_leaning_on_its_own_sentence_adds_nothing_told_before(nlp):
    text = (
        "A car bomb exploded in Kirkuk on Monday, killing three people and wounding ten. "
        "Two people were killed and dozens more were wounded."
    )
    found = extract_mentions(make_document(text), nlp)
    assert [m.injured.best for m in found if m.trigger.text == "exploded"] == [10]
