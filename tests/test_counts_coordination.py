"""Tolls over coordinated victims ("19 policemen and tribal fighters") and counts of
"others", people besides those the sentence already counts ("the bodies of eight others")."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.extract.counts import find_counts

EXAMPLE_PAGE = Path(__file__).resolve().parents[1] / "src/dateline/examples/corpus/hit-seized.txt"


def _values(count):
    return None if count is None else (count.best, count.low, count.high, count.qualifier)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # A number before a coordinated noun phrase counts the whole phrase.
        (
            "Officials said 12 soldiers and militiamen were killed in the attack.",
            (12, 12, 12, "exact"),
            None,
        ),
        ("Seven police and armed volunteers were wounded.", None, (7, 7, 7, "exact")),
        # Two numbers, each on its own noun, add up.
        (
            "Five civilians and two children were killed when the shell hit.",
            (7, 7, 7, "exact"),
            None,
        ),
        # The coordinated phrase is the killers here, not the victims.
        ("Rebels said 20 soldiers and the militia killed 3 villagers.", (3, 3, 3, "exact"), None),
        # "others" with nothing else counted is just its own number.
        (
            "Medics said the bodies of three others were found in the river.",
            (3, 3, 3, "exact"),
            None,
        ),
        # Bodies of others found add to the sentence's own killing count.
        (
            "At least 6 soldiers and allied tribesmen died and the bodies of two others were "
            "recovered.",
            (8, 8, None, "at_least"),
            None,
        ),
        (
            "Three soldiers were killed and two other soldiers died of their wounds.",
            (5, 5, 5, "exact"),
            None,
        ),
        # The others are the wounded: no addition across killed and wounded.
        (
            "Gunmen killed 4 people and wounded 10 others.",
            (4, 4, 4, "exact"),
            (10, 10, 10, "exact"),
        ),
        (
            "About 10 soldiers were killed and 5 others were wounded.",
            (10, 10, 10, "about"),
            (5, 5, 5, "exact"),
        ),
        # After "including", the others are one more part of the total.
        ("Nine were killed, including 4 soldiers and 5 other people.", (9, 9, 9, "exact"), None),
    ],
)
def test_coordination_and_others(sentence, killed, injured):
    found_killed, found_injured = find_counts(sentence, 0)
    assert (_values(found_killed), _values(found_injured)) == (killed, injured)


def test_example_page_toll_adds_bodies_of_others():
    """The shipped example page: 19 killed, and the bodies of eight others found, is 27."""
    text = EXAMPLE_PAGE.read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if "bodies of eight others" in line)
    offset = text.index(sentence)
    killed, injured = find_counts(sentence, offset)
    assert _values(killed) == (27, 27, 27, "exact")
    assert injured is None
    # The evidence runs from the first count to the last, at the page's offsets.
    assert text[killed.span.start : killed.span.end] == killed.span.text
    assert killed.span.text.startswith("19 policemen")
    assert killed.span.text.endswith("eight")
