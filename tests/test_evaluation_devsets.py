"""The development-set scorers on tiny inputs written in each set's format."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from dateline.evaluation import plover, ucdp, wikievents
from dateline.evaluation.metrics import PRF, Tally
from dateline.evaluation.quality import RUNS_MARKER, format_value, write_quality_md
from dateline.evaluation.runner import main_mention
from dateline.records import Actor, Count, Mention, Place, Span


def mention(text: str, trigger: str, *, type: str = "ASSAULT", **kw) -> Mention:
    start = text.index(trigger)
    return Mention(
        doc_id="d",
        doc_name="d.txt",
        sentence=Span(text, 0, len(text)),
        trigger=Span(trigger, start, start + len(trigger)),
        type=type,
        **kw,
    )


def span_of(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(part, start, start + len(part))


# --- metrics -------------------------------------------------------------------------------


def test_prf_arithmetic_and_sums():
    prf = PRF(matched=3, predicted=4, gold=6)
    assert (prf.precision, prf.recall, prf.f1) == (0.75, 0.5, 0.6)
    prf += PRF(matched=1, predicted=1, gold=4)
    assert (prf.matched, prf.predicted, prf.gold) == (4, 5, 10)
    assert PRF().as_dict()["f1"] is None


def test_tally_accuracy():
    tally = Tally()
    for hit in (True, False, True, True):
        tally.add(hit)
    assert tally.as_dict() == {"accuracy": 0.75, "correct": 3, "total": 4}
    assert Tally().as_dict()["accuracy"] is None


# --- PLOVER GSR ----------------------------------------------------------------------------

PLOVER_RECORDS = [
    {"id": "X-DOCUMENT-1", "event": "DOCUMENT", "eventText": "notes on the file"},
    {
        "id": "X-FIGHT-1",
        "event": "FIGHT",
        "mode": "heavy-weapons",
        "text": "Northland artillery shelled Southland villages overnight.",
        "source": [{"actorText": "Northland", "code": "FRA"}],
        "target": [{"actorText": "Southland", "code": "JAP"}, {"code": "IGO"}],
    },
    {
        "id": "X-DEMAND-1",
        "event": "DEMAND",
        "mode": "",
        "text": "Aid agencies called on the ministry to open the border.",
        "source": [{"actorText": "Aid agencies", "code": "NGO"}],
        "target": "",
    },
]


def test_plover_gold_maps_old_types_modes_and_codes():
    gold = plover.gold_from_records(PLOVER_RECORDS, plover.load_mapping())
    assert [g.id for g in gold] == ["X-FIGHT-1", "X-DEMAND-1"]
    fight, demand = gold
    assert (fight.event, fight.mode) == ("ASSAULT", "artillery")
    assert fight.source == {"FRA"}
    assert fight.target == {"JPN"}  # JAP is CAMEO's code; IGO is no country
    assert (demand.event, demand.mode, demand.source, demand.target) == (
        "REQUEST",
        None,
        frozenset(),
        frozenset(),
    )


def test_plover_read_gold_from_file(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(PLOVER_RECORDS), encoding="utf-8")
    assert len(plover.read_gold(path)) == 2


def test_plover_scores_type_countries_and_mode():
    gold = plover.gold_from_records(PLOVER_RECORDS, plover.load_mapping())
    text = gold[0].text
    right = mention(
        text,
        "shelled",
        mode="artillery",
        actor1_entity=Actor("FRA-MIL", "French military", "FRA", "MIL"),
        actor2_entity=Actor("DEU-CVL", "German civilians", "DEU", "CVL"),
    )
    said = mention(text, "overnight", type="REQUEST")
    report = plover.score(gold, [right, None], [[right], [said]]).as_dict()
    assert report["type"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    # The second sentence's only mention has the right type but was not chosen.
    assert report["type_any_mention"]["correct"] == 2
    assert report["source_country"] == {"accuracy": 1.0, "correct": 1, "total": 1}
    assert report["target_country"] == {"accuracy": 0.0, "correct": 0, "total": 1}
    assert report["mode"] == {"accuracy": 1.0, "correct": 1, "total": 1}
    assert report["no_mention"] == 1
    assert report["confusions"] == [{"gold": "REQUEST", "predicted": "-", "count": 1}]


def test_main_mention_is_the_root_most_trigger_then_the_first():
    text = "Rebels said they attacked the base."
    said = mention(text, "said", type="ACCUSE")
    attacked = mention(text, "attacked")
    depths = {0: 1, text.index("said"): 0, text.index("attacked"): 1}
    assert main_mention([attacked, said], depths) is said
    flat = {text.index("said"): 1, text.index("attacked"): 1}
    assert main_mention([attacked, said], flat) is said  # tie: earlier in the text
    assert main_mention([], depths) is None


# --- WikiEvents ----------------------------------------------------------------------------


def wikievents_row() -> dict:
    """Two sentences; original offsets run on across the sentence break, as in the data."""
    first = ["Gunmen", "attacked", "a", "checkpoint", "in", "Arlen", "."]
    second = ["Two", "guards", "died", "after", "the", "blast", "."]
    offsets, cursor = [], 0
    for words in (first, second):
        sentence_tokens = []
        for i, word in enumerate(words):
            gap = 0 if word == "." or i == 0 else 1
            cursor += gap
            sentence_tokens.append([word, cursor, cursor + len(word)])
            cursor += len(word)
        offsets.append(sentence_tokens)
        cursor += 1
    sentences = [
        [offsets[0], "Gunmen attacked a checkpoint in Arlen."],
        [offsets[1], "Two guards died after the blast."],
    ]
    return {
        "doc_id": "tiny-1",
        "tokens": first + second,
        "sentences": sentences,
        "entity_mentions": [
            {"id": "E1", "sent_idx": 0, "start": 0, "end": 1, "text": "Gunmen"},
            {"id": "E2", "sent_idx": 0, "start": 3, "end": 4, "text": "checkpoint"},
            {"id": "E3", "sent_idx": 0, "start": 5, "end": 6, "text": "Arlen"},
            {"id": "E4", "sent_idx": 1, "start": 8, "end": 9, "text": "guards"},
        ],
        "event_mentions": [
            {
                "id": "V1",
                "event_type": "Conflict.Attack.Unspecified",
                "trigger": {"start": 1, "end": 2, "text": "attacked", "sent_idx": 0},
                "arguments": [
                    {"entity_id": "E1", "role": "Attacker", "text": "Gunmen"},
                    {"entity_id": "E2", "role": "Target", "text": "checkpoint"},
                    {"entity_id": "E3", "role": "Place", "text": "Arlen"},
                ],
            },
            {
                "id": "V2",
                "event_type": "Life.Die.Unspecified",
                "trigger": {"start": 9, "end": 10, "text": "died", "sent_idx": 1},
                "arguments": [{"entity_id": "E4", "role": "Victim", "text": "guards"}],
            },
            {
                "id": "V3",
                "event_type": "Conflict.Attack.DetonateExplode",
                "trigger": {"start": 12, "end": 13, "text": "blast", "sent_idx": 1},
                "arguments": [],
            },
        ],
    }


def test_wikievents_rebuilds_text_with_token_offsets():
    article = wikievents.article_from_row(wikievents_row())
    assert (
        article.text == "Gunmen attacked a checkpoint in Arlen.\nTwo guards died after the blast."
    )
    first, second = article.attacks
    assert article.text[first.trigger.start : first.trigger.end] == "attacked"
    assert second.trigger.text == "blast"
    assert second.sentence.text == "Two guards died after the blast."
    assert [(slot, span.text) for slot, span in first.arguments] == [
        ("actor1", "Gunmen"),
        ("actor2", "checkpoint"),
        ("place", "Arlen"),
    ]
    assert article.other_triggers[0][0] == "Life.Die.Unspecified"


def test_wikievents_read_articles(tmp_path):
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(wikievents_row()) + "\n", encoding="utf-8")
    assert [a.id for a in wikievents.read_articles(path)] == ["tiny-1"]


def test_wikievents_detection_and_roles():
    article = wikievents.article_from_row(wikievents_row())
    text = article.text
    attack = mention(
        text,
        "attacked",
        actor1=span_of(text, "Gunmen"),
        actor2=span_of(text, "a checkpoint"),  # overlapping the gold argument is enough
        places=(span_of(text, "Arlen"),),
    )
    on_death = mention(text, "died", actor2=span_of(text, "Two guards"))
    not_violent = mention(text, "after", type="CONSULT")
    result = wikievents.score_article(article, [attack, on_death, not_violent])
    # Two predictions, two gold attacks, one trigger overlap.
    assert (result.strict.matched, result.strict.predicted, result.strict.gold) == (1, 2, 2)
    assert result.strict.f1 == 0.5
    # "died" sits in the blast's sentence: a lenient match.
    assert result.lenient.matched == 2
    assert (result.roles.matched, result.roles.predicted, result.roles.gold) == (3, 3, 3)
    assert result.false_on == {"Life.Die": 1}
    assert result.missed == {"blast": 1}
    # Target and Victim share actor2: each is scored by the recall of its own arguments.
    assert result.role_recall["Target"].as_dict()["accuracy"] == 1.0
    assert result.role_recall["Victim"].total == 0  # the dead belong to the Life.Die event


def test_wikievents_roles_count_wrong_and_missing_spans():
    article = wikievents.article_from_row(wikievents_row())
    text = article.text
    attack = mention(text, "attacked", actor1=span_of(text, "checkpoint"))
    result = wikievents.score_article(article, [attack])
    assert (result.roles.matched, result.roles.predicted, result.roles.gold) == (0, 1, 3)
    assert (result.role_recall["Target"].correct, result.role_recall["Target"].total) == (0, 1)
    assert result.by_slot["actor1"].predicted == 1
    assert result.by_slot["place"].gold == 1


def test_wikievents_one_trigger_split_by_place_is_one_prediction():
    article = wikievents.article_from_row(wikievents_row())
    text = article.text
    twice = [mention(text, "attacked", places=(span_of(text, place),)) for place in ("Arlen", "a")]
    predicted = wikievents.predicted_attacks(twice)
    assert len(predicted) == 1
    assert len(predicted[0].slots["place"]) == 2


# --- UCDP GED Syria ------------------------------------------------------------------------


def ucdp_row(id: str, headline: str, best: int, **kw) -> dict[str, str]:
    row = {
        "id": id,
        "source_headline": headline,
        "best": str(best),
        "side_a": "Government of Syria",
        "side_b": "Syrian insurgents",
        "latitude": "35.95",
        "longitude": "39.01",
        "date_start": "2017-03-02 00:00:00.000",
        "where_coordinates": "Ar Raqqah town",
        "adm_1": "Ar Raqqah Governorate",
        "adm_2": "<NA>",
    }
    row.update({k: str(v) for k, v in kw.items()})
    return row


UCDP_ROWS = [
    ucdp_row("1", "Shelling kills 7 in a village near Raqqa", 7),
    ucdp_row("2", "Four fighters die in clashes; Shelling kills 7 in a village near Raqqa", 4),
    ucdp_row("3", "Four fighters die in clashes", 4, date_start="2017-03-01"),
    ucdp_row("4", "Jets strike market, killing 1,200 over a month", 1200),
    ucdp_row("5", "June 14th 2017: (S855) a house in Raqqa city", 14),
    ucdp_row("6", "Twelve soldiers killed by IS", 11),
]


def test_ucdp_headlines_split_and_group_per_citing_event():
    groups = {g.headline: g for g in ucdp.group_headlines(UCDP_ROWS)}
    assert len(groups) == 5
    assert [e.id for e in groups["Four fighters die in clashes"].events] == ["2", "3"]
    assert groups["Four fighters die in clashes"].published == dt.date(2017, 3, 1)
    # Place, district and governorate names without their kind, each once.
    event = groups["Jets strike market, killing 1,200 over a month"].events[0]
    assert event.place_names == ("Ar Raqqah",)


def test_ucdp_toll_selection_rule():
    chosen = {g.headline for g in ucdp.group_headlines(UCDP_ROWS) if ucdp.states_toll(g)}
    # Cited by two events: out, whatever its numbers. "14th" is not a number in the
    # headline; "Twelve" is, but the event's best is 11.
    assert chosen == {"Jets strike market, killing 1,200 over a month"}
    assert ucdp.numbers_in("Eighteen dead and 3 hurt in 2017") == {18, 3, 2017}


def test_ucdp_reads_gzipped_csv(tmp_path):
    path = tmp_path / "ged.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(UCDP_ROWS[0]))
        writer.writeheader()
        writer.writerows(UCDP_ROWS)
    assert [r["id"] for r in ucdp.read_rows(path)] == ["1", "2", "3", "4", "5", "6"]


@pytest.mark.parametrize(
    ("headline", "name", "named"),
    [
        ("Shelling kills 7 near Raqqa", "Ar Raqqah", True),
        ("Clashes in Deir Ezzor countryside", "Deir ez Zor", True),
        ("Clashes in the northern countryside", "Ar Raqqah", False),
        ("Raids on Ula hills", "Ula", False),  # too short to trust a fuzzy match
    ],
)
def test_ucdp_place_named_in_headline(headline, name, named):
    assert ucdp.names_place(headline, name) is named


def test_ucdp_side_rules():
    rules = ucdp.load_side_rules()
    syr_army = Actor("SYR-MIL", "Syrian military", "SYR", "MIL")
    isis = Actor("ISIS", "Islamic State (ISIS)", None, "REB", group="ISIS")
    rebels = Actor("SYR-REB", "Syrian rebels", "SYR", "REB")
    assert ucdp.side_matches("Government of Syria", syr_army, rules)
    assert not ucdp.side_matches("Government of Syria", rebels, rules)
    assert ucdp.side_matches("IS", isis, rules)
    assert not ucdp.side_matches("IS", rebels, rules)
    # An unlisted faction is a Syrian armed group; a list matches through any member.
    assert ucdp.side_matches("Ahrar al-Sham, HTS, Southern Front", rebels, rules)
    assert not ucdp.side_matches("Syrian insurgents", isis, rules)
    assert not ucdp.side_matches("Government of Syria", None, rules)


def test_ucdp_fatalities_exact_and_missing():
    groups = [g for g in ucdp.group_headlines(UCDP_ROWS) if ucdp.states_toll(g)]
    text = groups[0].headline
    count = Count(span_of(text, "1,200"), 1200, 1200, 1200, "exact")
    exact, missing = ucdp.score_fatalities(groups, [[mention(text, "strike", killed=count)]])
    assert exact.as_dict() == {"accuracy": 1.0, "correct": 1, "total": 1}
    assert missing == 0
    exact, missing = ucdp.score_fatalities(groups, [[mention(text, "strike")]])
    assert (exact.correct, missing) == (0, 1)


def test_ucdp_sides_and_places():
    groups = ucdp.group_headlines(UCDP_ROWS[:1])
    text = groups[0].headline
    near = Place("Raqqa", "SYR", 35.95, 39.0, "town")
    far = Place("Aleppo", "SYR", 36.2, 37.16, "town")
    army = Actor("SYR-MIL", "Syrian military", "SYR", "MIL")
    rebels = Actor("SYR-REB", "Syrian rebels", "SYR", "REB")
    depths = [{text.index("kills"): 0}]
    swapped = mention(text, "kills", actor1_entity=rebels, actor2_entity=army, place=near)
    report = ucdp.score_sides_and_places(groups, [[swapped]], depths, rules=ucdp.load_side_rules())
    tallies = (report.side_a, report.side_b, report.either_order, report.place)
    assert [t.correct for t in tallies] == [0, 0, 1, 1]
    placed_far = mention(text, "kills", actor1_entity=army, actor2_entity=rebels, place=far)
    # The same headline twice: once with the far place, once giving no mention.
    report = ucdp.score_sides_and_places(
        groups * 2, [[placed_far], []], depths * 2, rules=ucdp.load_side_rules()
    )
    tallies = (report.side_a, report.side_b, report.either_order, report.place)
    assert [t.correct for t in tallies] == [1, 1, 1, 0]  # sides right, place 170 km off
    assert [t.total for t in tallies] == [2, 2, 2, 2]
    assert report.no_mention == 1
    assert (report.place_given_mention.correct, report.place_given_mention.total) == (0, 1)


def test_ucdp_sample_is_deterministic_and_bounded():
    groups = ucdp.group_headlines(UCDP_ROWS)
    first = ucdp.sample(groups, 3)
    assert len(first) == 3
    assert first == ucdp.sample(list(reversed(groups)), 3)
    assert ucdp.sample(groups, None) == groups


# --- docs/quality.md -----------------------------------------------------------------------


def figures(accuracy: float, started: str) -> dict:
    return {
        "plover_gsr": {
            "type": {"accuracy": accuracy, "correct": 3, "total": 4},
            "sentences": 4,
            "seconds": 1.0,
            "sentences_per_second": 4.0,
        },
        "run": {"started": started, "limit": 4},
    }


def test_write_quality_md_keeps_history_newest_first(tmp_path):
    path = tmp_path / "docs" / "quality.md"
    write_quality_md(figures(0.75, "2026-01-02T10:00:00+00:00"), path)
    path.write_text(path.read_text().replace("# Extraction quality", "# Our quality"))
    write_quality_md(figures(0.5, "2026-01-03T11:30:00+00:00"), path)
    text = path.read_text()
    assert text.startswith("# Our quality")  # the hand-kept header survives
    assert text.count(RUNS_MARKER) == 1
    newer, older = text.index("## 2026-01-03 11:30 UTC"), text.index("## 2026-01-02 10:00 UTC")
    assert RUNS_MARKER in text[:newer] and newer < older
    assert "| PLOVER GSR | event type accuracy | 0.500 (3/4) | >= 0.80 |" in text
    assert "commit unknown" in text  # tmp_path is no git checkout


def test_format_value_shows_counts():
    prf = PRF(3, 4, 6).as_dict()
    assert format_value(prf) == "0.600 (P 0.750, R 0.500; 3 of 4 predicted, 6 gold)"
    assert format_value(None) == "n/a"
    assert format_value(Path("x")) == "x"


# --- each set's runner, end to end on tiny files ----------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    from dateline.extract import load_nlp

    return load_nlp()  # cached per process: the suite loads the model once


def test_set_runners_on_tiny_files(tmp_path, nlp):
    from dateline.evaluation import devsets

    gsr = tmp_path / "gsr.json"
    gsr.write_text(json.dumps(PLOVER_RECORDS), encoding="utf-8")
    figures = devsets.plover_gsr(gsr, nlp=nlp)
    assert figures["type"]["total"] == 2
    assert figures["source_country"]["total"] == 1
    assert devsets.plover_gsr(gsr, nlp=nlp, limit=1)["type"]["total"] == 1

    dev = tmp_path / "dev.jsonl"
    dev.write_text(json.dumps(wikievents_row()) + "\n", encoding="utf-8")
    figures = devsets.wikievents_dev(dev, nlp=nlp)
    assert (figures["articles"], figures["attack"]["gold"]) == (1, 2)

    ged = tmp_path / "ged.csv.gz"
    with gzip.open(ged, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(UCDP_ROWS[0]))
        writer.writeheader()
        writer.writerows(UCDP_ROWS)
    figures = devsets.ucdp_syria(ged, nlp=nlp)
    assert (figures["headlines"], figures["toll_headlines"]) == (5, 1)
    assert figures["fatalities_exact"]["total"] == 1
    assert figures["side_a"]["total"] == 5
    sampled = devsets.ucdp_syria(ged, nlp=nlp, limit=2)
    assert sampled["side_a"]["total"] == 2
