"""Count rules for conflict-monitor headlines: killing nouns and their objects, relative
clauses, suicide bombers, bodies found, "casualties" against the wounded, opening clauses."""

from __future__ import annotations

import pytest

from dateline.extract.counts import find_counts


def _values(count):
    return None if count is None else (count.best, count.low, count.high, count.qualifier)


def _killed(sentence: str):
    return _values(find_counts(sentence, 0)[0])


def _exact(n: int):
    return (n, n, n, "exact")


VAGUE_ONE = (1, 1, None, "vague")


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # A killing noun takes the number of what it "targets" or is "against".
        ("An assassination targets 3 officers of the police in Homs", _exact(3)),
        ("A beheading targets 2 shepherds near the old fort", _exact(2)),
        ("Mass executions against 9 prisoners in the desert", _exact(9)),
        ("Tension in the town after the execution by the militia for four men accused of spying",
         _exact(4)),
        # Verbs of killing beyond "kill".
        ("Gunmen slay 4 farmers in the north", _exact(4)),
        ("Militants crucify two men in the main square", _exact(2)),
        ("Unknown gunmen assassinating 3 council members at dawn", _exact(3)),
        # Suicide bombers die: their number is a toll, one bomber is at least one.
        ("Five militants blow themselves up at the checkpoint", _exact(5)),
        ("A bomber blew himself up at the gate of the ministry", VAGUE_ONE),
        # Mourned, bodies and corpses count the dead.
        ("Seven fighters mourned in their home town", _exact(7)),
        ("The bodies of 12 farmers were found in a well", _exact(12)),
        ("Police found 8 corpses on the road to the airport", _exact(8)),
        # A number inside an aside of the subject does not hide the subject's number.
        ("12 soldiers including 4 officers of the elite mountain brigade and others were killed "
         "in the attack", _exact(12)),
        # A running total late in the headline: "the death toll of ... to 9".
        ("Fresh deaths lift the death toll of the weekend air raids on the old river town in the "
         "north to 9", _exact(9)),
    ],
)  # fmt: skip
def test_headline_tolls(sentence, killed):
    assert _killed(sentence) == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # The antecedent of "who were killed" / "who died" is the dead.
        ("The identity of 3 soldiers who were killed in the ambush is unknown", _exact(3)),
        ("Relatives buried 4 children who died in the fire", _exact(4)),
        # "who killed" makes them the killers.
        ("Police arrested 3 men who killed a guard", VAGUE_ONE),
        # A relative clause tells of earlier deaths: the event's own toll wins.
        (
            "A funeral for 3 men who were killed on Friday came under fire, killing 2 mourners",
            _exact(2),
        ),
        # "lives" as a verb after "that" is no toll.
        ("The oil-rich nation is one that lives within its means", None),
        # A part after "including" does not beat the running total it belongs to.
        ("The death toll rose to 124, including 62 who were executed", _exact(124)),
    ],
)
def test_relative_clauses(sentence, killed):
    assert _killed(sentence) == killed


def test_count_of_bodies_yields_to_a_killing_count():
    sentence = "Reporters were shown the bodies of two men among 9 people killed in the raid"
    assert _killed(sentence) == _exact(9)


def test_killing_noun_fillers_are_the_nouns_own():
    # "death" is no killing act: its threats against 5 people kill nobody.
    assert find_counts("Death threats against 5 journalists in the capital", 0) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # Set against the wounded in the same list, "casualties" are the dead.
        ("6 casualties at least and a large number of wounded in the shelling of the market",
         (6, 6, None, "at_least"), None),
        # Wounds mentioned apart from the count do not make the casualties dead.
        ("Twenty casualties were taken to hospital, where doctors treated light wounds", None,
         _exact(20)),
        # One number for casualties and injuries (or the wounded and missing) counts both:
        # at least one dead.
        ("14 casualties and injuries in an air strike on the market", VAGUE_ONE, _exact(14)),
        ("About 40 casualties, wounded and missing after the raid on the camp", VAGUE_ONE,
         (40, 40, 40, "about")),
    ],
)  # fmt: skip
def test_casualties_and_the_wounded(sentence, killed, injured):
    found = find_counts(sentence, 0)
    assert (_values(found[0]), _values(found[1])) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("As revenge for its losses and after executing 5 prisoners… the group kills 6 men",
         _exact(6)),
        ("More than two months after a massacre that killed 60 villagers… the militia executes "
         "a shepherd", VAGUE_ONE),
    ],
)  # fmt: skip
def test_opening_clause_about_what_came_before_is_background(sentence, killed):
    assert _killed(sentence) == killed


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # Dates never give the toll, before or after it.
        ("Syria: 12 civilians killed on 5 March", _exact(12), None),
        ("On 22 March, 4 fighters were killed near the dam", _exact(4), None),
        ("Seven killed, 20 wounded as car bomb hits market", _exact(7), _exact(20)),
        ("Dozens killed in raids on the town", (24, 24, None, "vague"), None),
        ("A dozen fighters were killed overnight", _exact(12), None),
    ],
)
def test_dates_and_number_words_in_headlines(sentence, killed, injured):
    found = find_counts(sentence, 0)
    assert (_values(found[0]), _values(found[1])) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # "a" before a word for a person is one victim, added to the numbers joined to it.
        ("Gunmen kill a farmer and 3 children and injure others in the market",
         (4, 4, None, "vague")),
        ("Warplanes kill a mother and 2 of her sons in the village", (3, 3, None, "vague")),
        ("Jets killed a father, a mother and their 5 children", (7, 7, None, "vague")),
        # Not the head of its phrase: "a rebel spokesman" is no victim.
        ("Shelling killed at least 12 rebels, a rebel spokesman said", (12, 12, None, "at_least")),
        # An object pronoun or a quoted title is a victim too.
        ("The family said the soldiers killed him at the door", VAGUE_ONE),
        ("Gunmen kill the “chief of the village council” near the mosque", VAGUE_ONE),
    ],
)  # fmt: skip
def test_victims_named_without_a_numeral(sentence, killed):
    assert _killed(sentence) == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # Intentions, futures and negations report no death.
        ("They vowed to kill 20 hostages if the army advanced", None),
        ("An attempt to assassinate a commander failed in the south", None),
        ("The famine will kill thousands unless aid arrives", None),
        ("Nobody has the right to kill civilians", None),
        # "managed to" and a purpose "to" report deaths.
        ("Rebels managed to kill 9 soldiers near the bridge", _exact(9)),
        ("The militia used a car bomb to kill 12 people at the gate", _exact(12)),
    ],
)
def test_killing_verbs_that_report_no_death(sentence, killed):
    assert _killed(sentence) == killed


@pytest.mark.parametrize(
    "sentence",
    [
        "15 killed including 6 fighters in raids on Idlib",
        "Air strikes kill 15 including 6 fighters in Idlib",
        "Six fighters among 15 killed in raids on the town",
        "15 were killed yesterday including 6 members of the regime forces and 9 other people",
        "Air strikes kill 15, among them 6 fighters, in Idlib",
    ],
)
def test_a_toll_with_its_parts_is_the_total(sentence):
    assert _killed(sentence) == _exact(15)
