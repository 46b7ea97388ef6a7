"""reconcile(): within- and cross-report merging, tolls, contradictions, order-freedom."""

from __future__ import annotations

import datetime as dt
import gc
import random
from dataclasses import replace

from dateline.reconcile import reconcile
from dateline.reconcile.build import count, make_mention
from dateline.records import Actor, Place

DAY = dt.date(2014, 6, 24)
SYRIA_AIR = Actor("SYR-MIL", "Syrian military", country="SYR", sector="MIL")
SYRIA_GOV = Actor("SYR-GOV", "Syrian government", country="SYR", sector="GOV")
USA_MIL = Actor("USA-MIL", "U.S. military", country="USA", sector="MIL")
IRAQI_CIVILIANS = Actor("IRQ-CVL", "Iraqi civilians", country="IRQ", sector="CVL")
IRAQ_GOV = Actor("IRQ-GOV", "Iraqi government", country="IRQ", sector="GOV")
IRAQ_MIL = Actor("IRQ-MIL", "Iraqi military", country="IRQ", sector="MIL")
QUDS = Actor("IRN-QUDS", "Quds Force", country="IRN", sector="MIL")
ISIS = Actor("ISIS", "Islamic State", sector="REB", group="ISIS")
QAIM = Place("Qaim", "IRQ", 34.38, 41.10, "town", admin1="Anbar", geonameid=1)
TALAFAR = Place("Tel Afar", "IRQ", 36.38, 42.45, "town", admin1="Nineveh", geonameid=2)
IRAQ = Place("Iraq", "IRQ", 33.0, 44.0, "country")
JALAWLA = Place("Jalula", "IRQ", 34.27, 45.17, "town", admin1="Diyala", geonameid=3)
SAADIYAH = Place("Sadiyah", "IRQ", 34.19, 45.12, "town", admin1="Diyala", geonameid=4)
SEIZED = ("Battles", "Non-state actor overtakes territory")


def strike_reports():
    """One air strike told twice in one report (headline figure, then a sourced one)."""
    headline = "A Syrian jet hit a market in Qaim, killing 71 people and injuring 37."
    body = (
        "At least 57 civilians died and more than 120 were hurt when regime aircraft "
        "bombed the market on Tuesday, local officials told the Daily Planet."
    )
    return [
        make_mention(
            doc_id="d1",
            doc_name="one.txt",
            sentence=headline,
            trigger="hit",
            type="ASSAULT",
            mode="aerial",
            actor1=SYRIA_AIR,
            actor2=IRAQI_CIVILIANS,
            place=QAIM,
            date=DAY,
            killed=count(71),
            injured=count(37),
        ),
        make_mention(
            doc_id="d1",
            doc_name="one.txt",
            sentence=body,
            offset=300,
            trigger="bombed",
            type="ASSAULT",
            mode="aerial",
            actor1=SYRIA_GOV,
            actor2=IRAQI_CIVILIANS,
            date=DAY,
            killed=count(57, "at_least"),
            injured=count(120, "more_than"),
            attribution="local officials told the Daily Planet",
        ),
    ]


def test_one_report_telling_a_strike_twice_gives_one_event_with_ranged_tolls():
    (event,) = reconcile(strike_reports())
    assert len(event.mentions) == 2
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (57, 57, 71)
    assert (event.injuries.low, event.injuries.high) == (37, 120)
    assert event.location == QAIM
    assert event.actor2 == IRAQI_CIVILIANS


def test_conflicting_tolls_are_a_contradiction_naming_sources():
    (event,) = reconcile(strike_reports())
    fields = {c.field: c for c in event.contradictions}
    assert fields["fatalities"].values == (71, 57)
    assert fields["fatalities"].sources == (("one.txt",), ("one.txt",))
    assert fields["injuries"].values == (37, 120)
    assert "actor1" not in fields  # regime and its air force are one side


def test_perpetrator_disagreement_across_reports_lists_each_side_with_its_sources():
    drones = make_mention(
        doc_id="d2",
        doc_name="two.txt",
        trigger="struck",
        type="ASSAULT",
        mode="aerial",
        sentence="U.S. drones struck a market in Qaim on Tuesday, killing dozens.",
        actor1=USA_MIL,
        actor2=IRAQI_CIVILIANS,
        place=QAIM,
        date=DAY,
        killed=count(24, "vague"),
    )
    (event,) = reconcile([*strike_reports(), drones])
    fields = {c.field: c for c in event.contradictions}
    assert fields["actor1"].values == ("SYR MIL", "USA MIL")
    assert fields["actor1"].sources == (("one.txt",), ("two.txt",))
    assert event.actor1.country == "SYR"  # one report against one: the first side named
    assert event.fatalities.low == 24 and event.fatalities.high == 71


def test_strikes_on_distant_towns_stay_apart_even_through_a_placeless_report():
    other = make_mention(
        doc_id="d1",
        doc_name="one.txt",
        offset=900,
        trigger="bombed",
        type="ASSAULT",
        sentence="Two more jets bombed an area east of Tel Afar, killing more civilians.",
        mode="aerial",
        actor1=SYRIA_AIR,
        actor2=IRAQI_CIVILIANS,
        place=TALAFAR,
        date=DAY,
    )
    events = reconcile([*strike_reports(), other])
    assert sorted(len(e.mentions) for e in events) == [1, 2]
    assert {e.location.name for e in events} == {"Qaim", "Tel Afar"}


def towns_taken(doc_id: str, name: str):
    sentence = "Sadiyah and Jalula had fallen to the insurgents after the army fled overnight."
    return [
        make_mention(
            doc_id=doc_id,
            doc_name=name,
            sentence=sentence,
            trigger="fallen",
            type="ASSAULT",
            mode="seize",
            acled=SEIZED,
            actor1=ISIS,
            actor2=IRAQ_MIL,
            place=town,
            date=dt.date(2014, 6, 13),
        )
        for town in (SAADIYAH, JALAWLA)
    ]


def test_two_towns_taken_the_same_night_are_two_events():
    events = reconcile(towns_taken("d4", "four.txt"))
    assert len(events) == 2
    assert {e.location.name for e in events} == {"Jalula", "Sadiyah"}


def test_the_same_towns_reported_by_two_outlets_merge_per_town():
    events = reconcile([*towns_taken("d4", "four.txt"), *towns_taken("d5", "five.txt")])
    assert len(events) == 2
    assert all({m.doc_id for m in e.mentions} == {"d4", "d5"} for e in events)


def quds_reports():
    first = (
        "Two battalions of the Quds Force, the overseas arm of the Revolutionary Guard, "
        "came to the aid of the government in Iraq on Wednesday."
    )
    second = (
        "Security sources say two battalions of Quds Force troops from the Revolutionary "
        "Guard have deployed into Iraq to guard holy sites."
    )
    return [
        make_mention(
            doc_id="d2",
            doc_name="two.txt",
            sentence=first,
            trigger="came to the aid",
            type="AID",
            actor1=QUDS,
            actor2=IRAQ_GOV,
            place=IRAQ,
            date=dt.date(2014, 6, 11),
        ),
        make_mention(
            doc_id="d4",
            doc_name="four.txt",
            sentence=second,
            trigger="deployed",
            type="MOBILIZE",
            actor1=QUDS,
            place=IRAQ,
            date=dt.date(2014, 6, 13),
            date_from="published",
            attribution="Security sources say",
        ),
    ]


def test_one_deployment_told_by_two_outlets_merges_across_documents():
    (event,) = reconcile(quds_reports())
    assert {m.doc_name for m in event.mentions} == {"two.txt", "four.txt"}
    assert event.date == dt.date(2014, 6, 11)  # told by the text, not the publication date
    assert event.actor2 == IRAQ_GOV


def test_a_copy_does_not_count_as_a_second_source():
    (independent,) = reconcile(quds_reports())
    (copied,) = reconcile(quds_reports(), duplicates={"d4": "d2"})
    alone = [reconcile([m])[0].confidence for m in quds_reports()]
    assert copied.confidence == max(alone)  # the copy's best telling, not a second vote
    assert independent.confidence > copied.confidence


def test_a_plan_never_merges_with_the_deed():
    plan = make_mention(
        doc_id="d2",
        doc_name="two.txt",
        offset=500,
        trigger="considering",
        type="MOBILIZE",
        sentence="Iran is considering sending Quds Force battalions to Iraq on Wednesday.",
        actor1=QUDS,
        actor2=IRAQ_GOV,
        place=IRAQ,
        date=dt.date(2014, 6, 11),
        modality="hypothetical",
    )
    events = reconcile([*quds_reports(), plan])
    assert len(events) == 1  # the deed; the plan neither joins it nor stands alone
    assert plan not in events[0].mentions


def test_what_only_might_be_founds_no_event():
    maybe = [replace(m, modality="uncertain") for m in strike_reports()]
    assert reconcile(maybe) == []
    denied = replace(strike_reports()[0], modality="denied")
    events = reconcile([*strike_reports(), denied])
    assert len(events) == 1 and denied in events[0].mentions


def test_any_input_order_gives_the_identical_ledger():
    mentions = [*strike_reports(), *quds_reports(), *towns_taken("d4", "four.txt")]
    expected = reconcile(mentions)
    for seed in range(5):
        shuffled = mentions[:]
        random.Random(seed).shuffle(shuffled)
        assert reconcile(shuffled) == expected


def test_rerunning_with_a_document_already_in_the_ledger_changes_nothing():
    mentions = [*strike_reports(), *quds_reports()]
    assert reconcile(mentions + mentions) == reconcile(mentions)


def test_event_ids_survive_adding_unrelated_documents():
    before = {e.id for e in reconcile(strike_reports())}
    after = {e.id for e in reconcile([*strike_reports(), *towns_taken("d9", "nine.txt")])}
    assert before <= after


def test_the_garbage_collector_is_left_as_it_was():
    assert gc.isenabled()
    reconcile(strike_reports())
    assert gc.isenabled()
    gc.disable()
    try:
        reconcile(strike_reports())
        assert not gc.isenabled()
    finally:
        gc.enable()
