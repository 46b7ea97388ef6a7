"""One way to find what a back-reference points at, shared by extract, resolve, reconcile."""

from __future__ import annotations

from dataclasses import replace

from conftest import make_document, make_mention

from dateline.antecedents import antecedent, first_tellings, trigger_key
from dateline.records import Span


def test_the_first_mention_of_a_trigger_tells_it_and_back_references_find_it():
    doc = make_document("Jets bombed the market in Mosul on Tuesday. Six people were killed.")
    first = make_mention(doc)
    second_town = replace(first, places=(Span("Mosul", 26, 31),))  # a capture split by place
    back = replace(first, trigger=Span("killed", 59, 65), refers_to=first.trigger)
    told = first_tellings([first, second_town, back])
    assert told == {trigger_key(first): 0}
    assert antecedent(back, told) == 0
    assert antecedent(first, told) is None


def test_a_back_reference_never_finds_a_mention_of_another_document():
    here = make_document("Jets bombed the market in Mosul on Tuesday.", id="here")
    there = make_document("Jets bombed the market in Mosul on Tuesday.", id="there")
    told = first_tellings([make_mention(here)])
    back = replace(make_mention(there), refers_to=make_mention(here).trigger)
    assert antecedent(back, told) is None
