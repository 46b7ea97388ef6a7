"""Killed and injured counts: shapes of news tolls, hedges, and numbers that are not people."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.extract.counts import find_counts, load_lexicon

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _values(count):
    return None if count is None else (count.best, count.low, count.high, count.qualifier)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        (
            "A jet struck a crowded market in the town, killing 64 villagers and injuring 38.",
            (64, 64, 64, "exact"),
            (38, 38, 38, "exact"),
        ),
        (
            "Police said at least 45 Kurdish civilians were killed and more than 110 wounded.",
            (45, 45, None, "at_least"),
            (110, 111, None, "more_than"),
        ),
        ("Up to 30 people died in the stampede.", (30, 1, 30, "up_to"), None),
        ("Dozens were killed in the clashes near the dam.", (24, 24, None, "vague"), None),
        ("Scores of worshippers were hurt.", None, (40, 40, None, "vague")),
        ("Hundreds of people have died since the siege began.", (200, 200, None, "vague"), None),
        ("A few guards were wounded.", None, (3, 3, None, "vague")),
        ("Several soldiers were killed on the road.", (3, 3, None, "vague"), None),
        ("Two were killed at the gate.", (2, 2, 2, "exact"), None),
        ("Twenty-five people were killed and two hundred were hurt.", (25, 25, 25, "exact"),
         (200, 200, 200, "exact")),
        ("One hundred and fifty died in the fire.", (150, 150, 150, "exact"), None),
        ("Between 10 and 15 people were killed.", (10, 10, 15, "range"), None),
        ("Medics said 30 to 35 people were wounded.", None, (30, 30, 35, "range")),
        ("Medics said 30-35 people were wounded.", None, (30, 30, 35, "range")),
        ("The death toll rose to 40 on Sunday.", (40, 40, 40, "exact"), None),
        ("The death toll has now risen to forty-two.", (42, 42, 42, "exact"), None),
        ("40 dead in bus blast.", (40, 40, 40, "exact"), None),
        ("The blast left 12 people dead and 20 wounded.", (12, 12, 12, "exact"),
         (20, 20, 20, "exact")),
        ("A suicide bomber killed himself and 5 others at a checkpoint.", (6, 6, 6, "exact"),
         None),
        ("Three soldiers and two civilians were killed in the ambush.", (5, 5, 5, "exact"), None),
        ("Four police, two guards and one driver were killed.", (7, 7, 7, "exact"), None),
        ("The raid killed two soldiers and three policemen.", (5, 5, 5, "exact"), None),
        ("The raid killed 12 and wounded 30 others.", (12, 12, 12, "exact"),
         (30, 30, 30, "exact")),
        ("More than 2,000 people have been killed since January.", (2000, 2001, None,
                                                                     "more_than"), None),
        ("Nearly 40 people were killed in the shelling.", (40, 40, 40, "about"), None),
        ("Fewer than 10 were hurt.", None, (10, 1, 9, "up_to")),
        ("As many as 300 were slain.", (300, 1, 300, "up_to"), None),
        ("Some 15 insurgents were killed and several soldiers were wounded.",
         (15, 15, 15, "about"), (3, 3, None, "vague")),
        ("More than a dozen were hurt.", None, (12, 13, None, "more_than")),
        ("Rescuers pulled 17 bodies from the rubble.", (17, 17, 17, "exact"), None),
        ("The clashes claimed 23 lives.", (23, 23, 23, "exact"), None),
        ("Troops shot dead at least eight marchers.", (8, 8, None, "at_least"), None),
        ("Five people were shot dead in the square.", (5, 5, 5, "exact"), None),
        ("At least 20 people, including seven defectors, were killed.", (20, 20, None,
                                                                        "at_least"), None),
        ("Officials say 500 soldiers and police have been killed.", (500, 500, 500, "exact"),
         None),
        ("The death toll in the northern province now stands at 1,300.", (1300, 1300, 1300,
                                                                          "exact"), None),
        ("He ordered the killing of up to 3,000 prisoners.", (3000, 1, 3000, "up_to"), None),
        ("The ship carried 321 injured Libyans.", None, (321, 321, 321, "exact")),
        ("The plane crashed, killing all 145 aboard.", (145, 145, 145, "exact"), None),
        ("The raid killed many thousands.", (2000, 2000, None, "vague"), None),
        ("Some 40 people were said to have died.", (40, 40, 40, "about"), None),
        # Headline style: present tense, a hedge after the number, "martyrs".
        ("Shells kill 8 civilians in the old city", (8, 8, 8, "exact"), None),
        ("Rockets kill 5 persons at least in the suburbs", (5, 5, None, "at_least"), None),
        ("Airstrikes left 4 martyrs in the village", (4, 4, 4, "exact"), None),
        ("Mortars kill and injure 9 people", (1, 1, None, "vague"), (9, 9, 9, "exact")),
        ("The rebels said dozens of ``traitors'' had been killed.", (24, 24, None, "vague"),
         None),
        # A killing verb with a victim but no number: at least one, vaguely.
        ("Two more jets bombed a village, killing and injuring more Kurdish civilians.",
         (1, 1, None, "vague"), None),
        ("A soldier was killed.", (1, 1, None, "vague"), None),
        # "casualties" alone are the dead, as conflict monitors write it; beside a killed
        # count they are the wounded too; set against the wounded, the dead.
        ("Officials reported 20 casualties.", (20, 20, 20, "exact"), None),
        ("The blast killed 5 and caused 20 casualties.", (5, 5, 5, "exact"),
         (20, 20, 20, "exact")),
        ("6 casualties and dozens of wounded in shelling on the market", (6, 6, 6, "exact"),
         (24, 24, None, "vague")),
        # Executions and slaughter are killings.
        ("The group executes 7 prisoners in the square", (7, 7, 7, "exact"), None),
        ("Gunmen slaughtered four shepherds.", (4, 4, 4, "exact"), None),
        # The passive subject's number, however long its noun phrase.
        ("9 of the army troops and militiamen loyal to them were killed in the hills",
         (9, 9, 9, "exact"), None),
        # The event's own toll wins over a running total, wherever it stands.
        ("The death toll rose to 60 after the strike killed 12 people.", (12, 12, 12, "exact"),
         None),
        ("Shelling kills 3, and 140 have been killed since the start of the month",
         (3, 3, 3, "exact"), None),
        # A running total told late: "the number of ... to N", "rises to N".
        ("Rescuers raise the number of those killed in the flood to 17 persons",
         (17, 17, 17, "exact"), None),
        ("The number of victims of the siege rises to 21", (21, 21, 21, "exact"), None),
        ("The death toll of the two blasts at the camp rises to 15", (15, 15, 15, "exact"),
         None),
        # An opening clause of what came before gives way to the news.
        ("After killing 40 in the valley, the jets kill 6 shepherds", (6, 6, 6, "exact"), None),
        ("Hours after beheading 3 guards, the cell executes 2 others", (2, 2, 2, "exact"),
         None),
        ("After months of raids left about 90 dead, at least 7 of the militia are killed",
         (7, 7, None, "at_least"), None),
        ("14 guards including 2 officers of the border unit were killed in the ambush",
         (14, 14, 14, "exact"), None),
        # The subject of a later headline clause.
        ("Heavy shelling on the city…and 9 members of the militia were killed in the hills",
         (9, 9, 9, "exact"), None),
        # The event's casualties before a running total.
        ("At least 7 casualties, raising the death toll to 80", (7, 7, None, "at_least"),
         None),
        ("12 causalities in raids on the market", (12, 12, 12, "exact"), None),
        ("Air strikes claim the lives of the 6 guards at the gate", (6, 6, 6, "exact"), None),
        ("11 members of the militia and their allies killed in clashes near the dam",
         (11, 11, 11, "exact"), None),
        # A group's size: "a family of seven".
        ("Jets kill a family of seven in the village", (7, 7, 7, "exact"), None),
        # One number for "killed and wounded" is casualties; someone surely died.
        ("More than 46 were killed or wounded in the raids.", (1, 1, None, "vague"),
         (46, 47, None, "more_than")),
        ("The shelling killed and wounded 40 people.", (1, 1, None, "vague"),
         (40, 40, 40, "exact")),
        # "including" names a part: the total is the toll.
        ("Six guards including two officers were killed.", (6, 6, 6, "exact"), None),
        ("Eight were killed and 20 injured, among 28 casualties.", (8, 8, 8, "exact"),
         (20, 20, 20, "exact")),
    ],
)  # fmt: skip
def test_tolls(sentence, killed, injured):
    found_killed, found_injured = find_counts(sentence, 0)
    assert _values(found_killed) == killed
    assert _values(found_injured) == injured


@pytest.mark.parametrize(
    "sentence",
    [
        "They vowed to strike if rebels came within 100 kilometers, or 62 miles, of the border.",
        "Government forces retook 85% of the town after the clashes that killed residents.",
        "The US army entered the country in 2003 and many were killed.",
        "Washington sent 300 military advisers to the capital.",
        "Tehran sends two daily flights of 70 tons of equipment.",
        "Two battalions of the guard came to the aid of the government.",
        "A 25-year-old man was killed on June 24.",
        "The attack killed a man aged 25.",
        "The strike destroyed $5 million of equipment and killed a guard.",
        "Police said 13 June was the day the soldier was killed.",
        "The army raised the number of checkpoints on the road to 12.",
        "Sales rose to 40 in March.",
        "The bombing killed a driver 3 miles from the base.",
    ],
)
def test_numbers_that_are_not_people_never_count(sentence):
    killed, injured = find_counts(sentence, 0)
    assert injured is None
    assert killed is None or (killed.best, killed.qualifier) == (1, "vague")


@pytest.mark.parametrize(
    "sentence",
    [
        "Five gunmen killed a policeman in the city.",
        "5 gunmen stormed the bank and killed a guard.",
        "Those killed fighting the militants would be martyrs, the cleric said.",
        "We are witnessing violence, killing, terror and displacement.",
        "The two sides met for talks on Tuesday.",
        "It was one of the happiest days of our lives.",
    ],
)
def test_no_number_is_taken_from_attackers_or_bystanders(sentence):
    killed, injured = find_counts(sentence, 0)
    assert injured is None
    assert killed is None or killed.best == 1


def test_first_toll_wins_over_a_later_cumulative_one():
    killed, _ = find_counts("The blast killed 5 people, bringing the death toll to 40.", 0)
    assert killed.best == 5


def test_spans_are_document_offsets():
    sentence = "Police said at least 45 civilians were killed and more than 110 wounded."
    offset = 1000
    killed, injured = find_counts(sentence, offset)
    document = " " * offset + sentence
    assert document[killed.span.start : killed.span.end] == killed.span.text == "at least 45"
    assert document[injured.span.start : injured.span.end] == "more than 110"


def test_sentence_without_casualty_words_is_skipped():
    assert find_counts("The minister flew to the capital with 40 aides.", 7) == (None, None)


def test_user_lexicon_extends_the_packaged_one(tmp_path):
    rows = [
        {"_meta": {"schema_version": 1, "source": "test"}},
        {"term": "perished", "label": "killed", "attach": "left", "verb": False, "bare": True},
    ]
    (tmp_path / "counts").mkdir()
    extra = tmp_path / "counts" / "terms.mine.jsonl"
    extra.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    sentence = "At least 9 sailors perished at sea."
    assert find_counts(sentence, 0) == (None, None)
    killed, _ = find_counts(sentence, 0, lexicon=load_lexicon(extra_dirs=[tmp_path]))
    assert (killed.best, killed.qualifier) == (9, "at_least")


def _gold_rows():
    with (SHARED / "gold" / "seed-events.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_seed_gold_evidence_tolls():
    """Evidence with a gold toll gives a figure inside it; evidence without one gives none."""
    for row in _gold_rows():
        killed, injured = find_counts(row["evidence"], 0)
        gold = row["fatalities"]
        if gold is None:
            assert killed is None, row["id"]
            continue
        assert killed is not None, row["id"]
        assert killed.low >= gold["low"], row["id"]
        assert gold["high"] is None or killed.best <= gold["high"], row["id"]
        if row["injuries"] is None:
            assert injured is None, row["id"]
