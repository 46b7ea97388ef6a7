"""Reconciliation rules for a deed that is part of a plan, for reports that sum up
places taken and for modes of one build-up of forces, on mentions built from sentences
written for these tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from dateline.reconcile import reconcile
from dateline.reconcile.build import make_mention
from dateline.reconcile.features import build_view, counts_places
from dateline.reconcile.lexicon import default_lexicon
from dateline.reconcile.score import score
from dateline.records import Actor, Place

US_MIL = Actor("USA-MIL", "U.S. military", country="USA", sector="MIL")
FRONT = Actor("FRONT", "The Front", sector="REB", group="FRONT")
ARMY = Actor("RUR-MIL", "Ruritanian military", country="RUR", sector="MIL")
CAPITAL = Place("Capital", "RUR", 33.30, 44.40, "town", geonameid=1)
NORTH = Place("Northtown", "RUR", 34.20, 45.10, "town", geonameid=2)
SOUTH = Place("Southtown", "RUR", 34.45, 45.40, "town", geonameid=3)
COUNTRY = Place("Ruritania", "RUR", 34.0, 45.0, "country")
DAY = dt.date(2014, 6, 24)


def deployment(sentence: str):
    """The arrival told in ``sentence`` and the deployment it says was promised."""
    common = dict(doc_id="d", sentence=sentence, type="MOBILIZE", mode="deploy", place=CAPITAL)
    arrived = make_mention(**common, trigger="arrived", actor1=US_MIL, date=DAY)
    promised = make_mention(**common, trigger="deploy", modality="promised", date=DAY)
    return [arrived, promised]


def test_a_deed_told_as_part_of_a_plan_is_the_plan_carried_out():
    told = (
        "The first 40 advisers arrived in the capital on Tuesday as part of the 300 the "
        "president said he would deploy."
    )
    (event,) = reconcile(deployment(told))
    assert event.modality == "asserted"
    assert len(event.mentions) == 2


def test_a_deed_and_a_promise_of_more_stay_two_events():
    told = (
        "The first 40 advisers arrived in the capital on Tuesday, and the president said "
        "he would deploy 300 more."
    )
    assert len(reconcile(deployment(told))) == 2


HEADLINE = "Front Fighters Seize Two More Towns Near The Capital"


def seizure(sentence: str, trigger: str, place: Place, actor: Actor, offset: int):
    return make_mention(
        doc_id="report",
        sentence=sentence,
        trigger=trigger,
        offset=offset,
        type="ASSAULT",
        mode="seize",
        acled=("Battles", "Non-state actor overtakes territory"),
        actor1=actor,
        place=place,
        date=DAY,
    )


def summary(actor: Actor = FRONT):
    return seizure(HEADLINE, "Seize", CAPITAL, actor, 0)


def parts():
    body = "Northtown and Southtown fell to the Front overnight."
    offset = len(HEADLINE) + 2
    return [
        seizure(body, "fell", NORTH, FRONT, offset),
        seizure(body.replace("Northtown and ", ""), "fell", SOUTH, FRONT, offset + 100),
    ]


def test_a_report_summing_up_places_it_tells_one_by_one_founds_no_event():
    events = reconcile([summary(), *parts()])
    assert sorted(e.location.name for e in events) == ["Northtown", "Southtown"]


def test_a_summary_placed_only_in_the_country_joins_no_one_place_taken():
    vague = replace(summary(), place=COUNTRY)
    events = reconcile([vague, *parts()])
    assert all(m.trigger.text == "fell" for e in events for m in e.mentions)


def test_a_summary_is_the_only_record_when_its_report_names_no_place_taken():
    (event,) = reconcile([summary()])
    assert event.actor1 == FRONT


def test_a_summary_by_the_other_side_is_not_summed_up_by_these_places():
    assert len(reconcile([summary(ARMY), *parts()])) == 3


@pytest.mark.parametrize(
    ("sentence", "trigger", "counted"),
    [
        ("Rebel fighters captured two more towns overnight.", "captured", True),
        ("The militants took control of several villages in the valley.", "took", True),
        ("Three border towns have fallen to the rebels.", "fallen", True),
        ("Insurgents seized 12 oil fields in the east.", "seized", True),
        ("Rebel fighters captured the town of Northtown overnight.", "captured", False),
        ("Two rebel commanders captured the town overnight.", "captured", False),
        ("The rebels captured two towns, Northtown and Southtown, overnight.", "captured", False),
        ("The rebels captured two towns including Northtown.", "captured", False),
    ],
)
def test_a_counted_plural_of_places_makes_a_summary(sentence, trigger, counted):
    mention = seizure(sentence, trigger, NORTH, FRONT, 0)
    assert counts_places(mention, lexicon=default_lexicon()) is counted


def test_forces_placed_on_alert_and_positioned_troops_do_not_disagree_in_mode():
    # One build-up on a border: "positioned troops" to one outlet, "placed on alert" to
    # another. The mode must not count against the merge as air against ground would.
    def view(index: int, mode: str):
        mention = make_mention(
            doc_id="d",
            sentence="Ruritania has positioned troops along its border with Freedonia.",
            trigger="positioned",
            type="MOBILIZE",
            mode=mode,
            actor1=ARMY,
            offset=index * 100,
        )
        return build_view(index, mention, lexicon=default_lexicon(), duplicates={})

    assert score(view(0, "deploy"), view(1, "alert")) == score(view(0, "deploy"), view(1, "deploy"))
    assert score(view(0, "deploy"), view(1, "aerial")) < score(view(0, "deploy"), view(1, "alert"))
