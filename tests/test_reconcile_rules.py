"""The rules inside reconcile: tolls as UCDP keeps them, confidence, sourcing, contradictions."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

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
    assert more_than.open_ended  # "more than 120": the toll may exceed the high figure
    exact_high = toll_range([(count(120, "more_than"), NAMED, "a"), (count(150), NONE, "b")])
    assert exact_high.high == 150 and not exact_high.open_ended
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


IRAN_GOV = Actor("IRN-GOV", "Iranian government", country="IRN", sector="GOV")
IRAN_MIL = Actor("IRN-MIL", "Iranian military", country="IRN", sector="MIL")
SYRIA_GOV = Actor("SYR-GOV", "Syrian government", country="SYR", sector="GOV")
USA_MIL = Actor("USA-MIL", "U.S. military", country="USA", sector="MIL")
QAIM = Place("Qaim", "IRQ", 34.38, 41.10, "town", admin1="Anbar", geonameid=12)
IRAQ = Place("Iraq", "IRQ", 33.0, 44.0, "country")


def deliveries(sentence: str):
    """One actor's flights and drones, told in ``sentence`` on one official's word."""
    common = dict(actor1=IRAN_MIL, actor2=None, place=IRAQ)
    return [
        mention(sentence, "officials said", trigger="flying", type="AID", **common),
        mention(sentence, "officials said", trigger="sending", type="MOBILIZE", **common),
    ]


def test_a_sentence_telling_one_deed_in_addition_to_another_gives_two_events():
    told = "Tehran has been flying weapons to Baghdad every night, officials said, {} drones."
    assert len(reconcile(deliveries(told.format("in addition to sending")))) == 2
    # Without the connective, one sentence telling one actor's deployment twice is one event.
    assert len(reconcile(deliveries(told.format("sending")))) == 1


def competing_claims(*, attributed: bool):
    sentence = (
        "The Herald reported that government jets bombed the market in Qaim, while "
        "local media said the attack was carried out by foreign drones."
    )
    common = dict(sentence=sentence, type="ASSAULT", actor2=None, date=dt.date(2014, 6, 24))
    jets = mention(
        **common,
        trigger="bombed",
        mode="aerial",
        actor1=SYRIA_GOV,
        place=QAIM,
        attribution="The Herald reported" if attributed else None,
    )
    drones = mention(
        **common,
        trigger="attack",
        mode="drone",
        actor1=USA_MIL,
        place=None,
        attribution="local media said" if attributed else None,
    )
    return [jets, drones]


def test_one_sentence_setting_two_sources_against_each_other_tells_one_event():
    (event,) = reconcile(competing_claims(attributed=True))
    fields = {c.field: c for c in event.contradictions}
    assert set(fields["actor1"].values) == {"SYR GOV", "USA MIL"}


def test_the_words_two_mentions_share_with_their_own_sentence_are_no_evidence():
    # With no sources set against each other, conflicting perpetrators in one sentence
    # are two strikes: the words the two mentions share are their sentence's, not evidence.
    assert len(reconcile(competing_claims(attributed=False))) == 2


def offer(sentence: str, trigger: str, doc_offset: int):
    return mention(
        sentence,
        trigger=trigger,
        type="AGREE",
        modality="promised",
        offset=doc_offset,
        actor1=IRAN_GOV,
        actor2=None,
        place=IRAQ,
        date=None,
    )


def test_an_offer_quoted_twice_in_one_report_is_one_event():
    first = offer('Tehran is offering "whatever it takes to win," an adviser said.', "offering", 0)
    quoted = (
        'A weekly writes that the Iranian leadership offered Baghdad "whatever it takes to win".'
    )
    second = offer(quoted, "offered", 400)
    assert len(reconcile([first, second])) == 1
    other = quoted.replace("whatever it takes to win", "support of every kind")
    assert len(reconcile([first, offer(other, "offered", 400)])) == 2


def test_deployments_stating_different_figures_count_against_one_event():
    from dateline.reconcile.features import build_view
    from dateline.reconcile.score import W_FIGURE_CLASH, W_SHARED_FIGURE, figure_score

    def view(sentence: str, trigger: str, kind: str = "MOBILIZE"):
        mention = make_mention(doc_id="d", sentence=sentence, trigger=trigger, type=kind)
        return build_view(0, mention, lexicon=default_lexicon(), duplicates={})

    forty = view("Forty marines arrived in Erbil on Monday.", "arrived")
    ninety = view("About 90 soldiers were assigned to the Erbil base.", "assigned")
    again = view("The forty marines who arrived in Erbil trained.", "arrived")
    unnumbered = view("Marines were assigned to the Erbil base.", "assigned")
    assert figure_score(forty, ninety) == W_FIGURE_CLASH < 0
    assert figure_score(forty, again) == W_SHARED_FIGURE > 0
    assert figure_score(forty, unnumbered) == 0.0
    # Tolls are weighed apart: for attacks, figures in the sentence are not contingents.
    raid = view("Forty people died when jets struck Erbil.", "struck", "ASSAULT")
    other_raid = view("Jets struck Erbil again, killing 90 people.", "struck", "ASSAULT")
    assert figure_score(raid, other_raid) == 0.0


def test_in_an_attack_a_state_and_its_armed_forces_are_one_doer():
    from dateline.reconcile.score import actor_relation

    syria_mil = Actor("SYR-MIL", "Syrian military", country="SYR", sector="MIL")
    assert actor_relation(SYRIA_GOV, syria_mil, state_as_one=True) == "close"
    assert actor_relation(SYRIA_GOV, syria_mil) == "side"  # a meeting: two bodies
    assert actor_relation(IRAN_GOV, syria_mil, state_as_one=True) == "conflict"
    lexicon = default_lexicon()
    assert {"ASSAULT", "MOBILIZE"} <= lexicon.state_doer_types
    assert "CONSULT" not in lexicon.state_doer_types


def test_a_leader_sending_war_planes_and_the_planes_striking_are_one_event():
    sent = mention(
        "Reports say Assad has sent war planes into Iraq to fight ISIS.",
        trigger="sent", mode="aerial", actor1=SYRIA_GOV, actor2=ISIS, place=IRAQ, date=None,
    )  # fmt: skip
    struck = mention(
        "Sources claim Syrian war planes entered Iraq and struck two ISIS convoys.",
        trigger="struck", mode="aerial", offset=900, place=IRAQ, date=None, modality="claimed",
        actor1=Actor("SYR-MIL", "Syrian military", country="SYR", sector="MIL"), actor2=ISIS,
    )  # fmt: skip
    assert len(reconcile([sent, struck])) == 1
    jordan = Actor("JOR-MIL", "Jordanian military", country="JOR", sector="MIL")
    assert len(reconcile([sent, replace(struck, actor1_entity=jordan)])) == 2
