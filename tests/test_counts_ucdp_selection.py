"""Which UCDP headlines state their event's toll: reading the source list and the numbers."""

from __future__ import annotations

from pathlib import Path

from dateline.evaluation import ucdp

SHARED = Path(__file__).resolve().parents[2] / "shared"
GED = SHARED / "data" / "ucdp_syria" / "ged_syria_v19.1.csv.gz"
ISSUE_TOLL_HEADLINES = 782  # issue 6: headlines cited once whose text states the toll


def _row(id: str, headline: str, best: int) -> dict[str, str]:
    return {
        "id": id,
        "source_headline": headline,
        "best": str(best),
        "side_a": "Government of Syria",
        "side_b": "IS",
        "latitude": "36.2",
        "longitude": "37.1",
        "date_start": "2018-05-04 00:00:00.000",
        "where_coordinates": "Halab city",
        "adm_1": "Halab governorate",
        "adm_2": "<NA>",
    }


def test_semicolons_inside_a_headline_do_not_split_it():
    row = _row("1", "The &#8220;Army&#8221; kills 5 near the dam;Shells fall on the city", 5)
    assert ucdp.headlines_of(row) == ["The “Army” kills 5 near the dam", "Shells fall on the city"]
    row = _row("2", "A blast kills 6 at least; many are hurt;Another headline", 6)
    assert ucdp.headlines_of(row) == ["A blast kills 6 at least; many are hurt", "Another headline"]


def test_numbers_stand_alone_and_one_is_a_number():
    assert ucdp.numbers_in("May 14th: (S855) near T4, an 11-year-old and 1,200 others") == {
        11,
        1200,
    }
    assert ucdp.numbers_in("Gunmen kill one of them and two guards") == {1, 2}


def test_a_headline_listed_twice_is_not_cited_once():
    rows = [
        _row("1", "Jets kill 4 in a market;Jets kill 4 in a market", 4),
        _row("2", "A drone kills one man", 1),
        _row("3", "Shelling on the 4th day of the siege", 4),
    ]
    groups = {g.headline: g for g in ucdp.group_headlines(rows)}
    assert [e.id for e in groups["Jets kill 4 in a market"].events] == ["1"]
    assert groups["Jets kill 4 in a market"].citations == 2
    chosen = {h for h, g in groups.items() if ucdp.states_toll(g)}
    assert chosen == {"A drone kills one man"}


def test_selection_on_the_ged_file_matches_the_issue():
    groups = ucdp.group_headlines(ucdp.read_rows(GED))
    assert sum(ucdp.states_toll(g) for g in groups) == ISSUE_TOLL_HEADLINES
