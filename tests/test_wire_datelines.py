"""Wire datelines ("KIRKUK, Iraq, June 12, 2014 (Reuters) - ...") date a page, name its outlet."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.ingest.datelines import find_dateline, wire_dateline
from dateline.ingest.document import make_document


@pytest.mark.parametrize(
    ("line", "date", "outlet"),
    [
        ("KIRKUK, Iraq, June 12, 2014 (Wire) - Gunmen struck.", dt.date(2014, 6, 12), "Wire"),
        ("NEW YORK, Oct. 4, 2013 (AP) -- Talks resumed.", dt.date(2013, 10, 4), "AP"),
        ("BEIRUT, 3 March 2016 \u2013 Shelling went on.", dt.date(2016, 3, 3), None),
        ("WASHINGTON \u2014 June 5, 2014 \u2014 The envoy left.", dt.date(2014, 6, 5), None),
    ],
)
def test_a_wire_dateline_gives_date_outlet_and_where_the_story_starts(line, date, outlet):
    wire = wire_dateline(line)
    assert (wire.date, wire.outlet) == (date, outlet)
    assert line[wire.story_start :][0].isupper()


@pytest.mark.parametrize(
    "line",
    [
        "BAGHDAD, June 12 (Reuters) - No year, so no date.",
        "The talks, June 5, 2014 - a sentence, not a dateline.",
        "DAMASCUS, Syria, Smarch 12, 2014 - not a month.",
    ],
)
def test_lines_that_are_not_wire_datelines(line):
    assert wire_dateline(line) is None


def test_the_page_takes_the_wire_date_and_outlet_unless_metadata_says_otherwise():
    text = "Headline here\nMOSUL, Iraq, 9 June 2014 (Example Wire) - Fighters took the airport.\n"
    page = make_document(text, name="p.txt", source="p.txt")
    assert (page.published, page.published_from, page.outlet) == (
        dt.date(2014, 6, 9), "dateline", "Example Wire")  # fmt: skip
    given = make_document(text, name="p.txt", source="p.txt", outlet="Given")
    assert given.outlet == "Given"
    assert find_dateline("Fighters took the airport on June 9, 2014 after a long siege.") is None
