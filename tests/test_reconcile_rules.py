"""The rules inside reconcile: tolls as UCDP keeps them, confidence, sourcing, contradictions."""

from __future__ import annotations

import datetime as dt

from dateline.reconcile import reconcile
from dateline.reconcile.attribution import ANONYMOUS, NAMED, NONE, WEAK, attribution_strength
from dateline.reconcile.build import count, make_mention
from dateline.reconcile.confidence import confidence
from dateline.reconcile.lexicon import default_lexicon
from dateline.reconcile.tolls import toll_range
from dateline.records import Actor, Place

MOSUL = Place("Mosul", "IRQ", 36.34, 43.12, "town", admin1="Nineveh", geonameid=10)
BADUSH = Place("Badush", "IRQ", 36.40, 42.96, "town", admin1="Nineveh", geonameid=11)
ARMY = Actor("IRQ-MIL", "Iraqi army", country="IRQ", sector="MIL")
ISIS = Actor("ISIS", "Islamic State", sector="REB", group="ISIS")


def test_best_toll_prefers_a_sourced_figure_and_never_adds_reports():
    claims = [(count(40), NONE, "a"), (count(30, "at_least"), NAMED, "b")]
    assert toll_range(claims) == toll_range(claims[::-1])
    low, best, high = (lambda r: (r.low, r.best, r.high))(toll_range(claims))
    assert (low, best, high) == (30, 30, 40)


def test_a_figure_two_independent_reports_give_outweighs_a_better_sourced_one():
    claims = [(count(12), ANONYMOUS, "a"), (count(12), ANONYMOUS, "b"), (count(15), NAMED, "c")]
    assert toll_range(claims).best == 12


def test_qualifiers_bound_the_range():
    more_than = toll_range([(count(120, "more_than"), NAMED, "a"), (count(37), NONE, "b")])
    assert (more_than.low, more_than.best, more_than.high) == (37, 120, 120)
    up_to = toll_range([(count(30, "up_to"), NAMED, "a"), (count(8), NAMED, "b")])
    assert (up_to.low, up_to.high) == (0, 30)
    dozens = toll_range([(count(24, "vague"), NAMED, "a"), (count(31), NONE, "b")])
    assert dozens.best == 31  # an exact figure over "dozens"
    assert toll_range([]) is None


def test_confidence_grows_with_independent_sources_and_falls_with_hearsay():
    one = confidence([("a", NAMED, "asserted")])
    two = confidence([("a", NAMED, "asserted"), ("b", NAMED, "asserted")])
    same_twice = confidence([("a", NAMED, "asserted"), ("a", NAMED, "asserted")])
    hearsay = confidence([("a", WEAK, "asserted")])
    claimed = confidence([("a", NAMED, "claimed")])
    assert hearsay < claimed < one == same_twice < two < 1.0


def mention(sentence: str, attribution: str | None = None, **fields):
    defaults = dict(
        doc_id="d",
        trigger=sentence.split()[0],
        type="ASSAULT",
        actor1=ISIS,
        actor2=ARMY,
        place=MOSUL,
        date=dt.date(2015, 3, 2),
    )
    return make_mention(sentence=sentence, attribution=attribution, **{**defaults, **fields})


def test_attribution_strength_from_cue_words():
    lexicon = default_lexicon()
    cases = {
        NAMED: mention(
            "Shelling hit the city, the governor Atheel Nujaifi said.",
            "the governor Atheel Nujaifi said",
        ),
        ANONYMOUS: mention(
            "Shelling hit the city, Iraqi security sources said.", "Iraqi security sources said"
        ),
        WEAK: mention("Sources claim shelling hit the city.", "Sources claim"),
        NONE: mention("Shelling hit the city."),
    }
    for expected, item in cases.items():
        assert attribution_strength(item, lexicon=lexicon) == expected


def test_reports_placing_one_event_at_two_spots_and_days_list_both():
    first = mention(
        "Militants stormed the prison in Badush, killing twelve guards, police said.",
        doc_id="p1",
        doc_name="p1.txt",
        place=BADUSH,
        killed=count(12),
    )
    second = mention(
        "Militants stormed the prison near Mosul, killing twelve guards, the army said.",
        doc_id="p2",
        doc_name="p2.txt",
        date=dt.date(2015, 3, 1),
        date_from="relative",
        killed=count(12),
    )
    (event,) = reconcile([first, second])
    fields = {c.field: c for c in event.contradictions}
    assert set(fields["location"].values) == {"Badush", "Mosul"}
    assert fields["date"].values == ("2015-03-02", "2015-03-01")
    assert fields["date"].sources == (("p1.txt",), ("p2.txt",))
    assert "fatalities" not in fields


def test_a_denied_report_joins_the_event_but_gives_no_toll():
    told = mention("Gunmen attacked a checkpoint in Mosul, killing 4 soldiers.", killed=count(4))
    denied = mention(
        "The army denied that gunmen attacked a checkpoint in Mosul or killed 40 soldiers.",
        doc_id="e",
        modality="denied",
        killed=count(40),
    )
    (event,) = reconcile([told, denied])
    assert (event.fatalities.low, event.fatalities.high) == (4, 4)
    assert event.modality == "asserted"
