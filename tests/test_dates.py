"""Date expressions in sentences, and their resolution against the publication date."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dateline.extract.dates import find_date_expressions, load_date_lexicon
from dateline.resolve.dates import explain_date, resolve_date

TUESDAY = dt.date(2014, 6, 24)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The envoy met the prime minister Tuesday in the capital.", ["Tuesday"]),
        ("Rebels reached the base late Tuesday and attacked on Wednesday.",
         ["late Tuesday", "Wednesday"]),
        ("Shelling began Monday night and went on overnight.", ["Monday night", "overnight"]),
        ("The ambassador is in the capital today after talks yesterday.", ["today", "yesterday"]),
        ("He said earlier today that advisers arrived this week.", ["earlier today", "this week"]),
        ("The general flew in last week and again last month.", ["last week", "last month"]),
        ("The rebels took the city at the start of the year.", ["at the start of the year"]),
        ("The raid was on June 24; the report is dated 24 June 2014.",
         ["June 24", "24 June 2014"]),
        ("The letter is dated 06/13/2014, the memo 2014-06-13.", ["06/13/2014", "2014-06-13"]),
        ("The army invaded in 2003 and sent 2000 troops.", ["2003"]),
        ("In the past few days the front moved north.", ["In the past few days"]),
        ("The Long March began in March; it may end in May 2015.", ["March", "May 2015"]),
        ("Fighting since mid-June has displaced thousands; two days ago a dam broke.",
         ["mid-June", "two days ago"]),
        ("On Tuesday, June 24, 2014, the jets struck.", ["Tuesday, June 24, 2014"]),
        ("A spokesman gave no figures.", []),
    ],
)  # fmt: skip
def test_find_date_expressions(sentence, expected):
    assert [span.text for span in find_date_expressions(sentence, 0)] == expected


def test_date_spans_are_document_offsets_in_order():
    sentence = "Talks ended Friday and resume on June 30."
    spans = find_date_expressions(sentence, 500)
    document = " " * 500 + sentence
    assert [document[span.start : span.end] for span in spans] == ["Friday", "June 30"]
    assert spans[0].start < spans[1].start


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        # The news rule: a bare weekday is the latest such day on or before publication.
        ("Tuesday", TUESDAY, (dt.date(2014, 6, 24), "day")),
        # ...except the day right after it: an updated page, not six days back.
        ("Wednesday", TUESDAY, (dt.date(2014, 6, 25), "day")),
        ("Monday", TUESDAY, (dt.date(2014, 6, 23), "day")),
        ("Thursday", TUESDAY, (dt.date(2014, 6, 19), "day")),
        ("Monday night", TUESDAY, (dt.date(2014, 6, 23), "day")),
        ("late Tuesday", TUESDAY, (dt.date(2014, 6, 24), "day")),
        ("on Sunday", TUESDAY, (dt.date(2014, 6, 22), "day")),
        ("last Tuesday", TUESDAY, (dt.date(2014, 6, 17), "day")),
        ("next Tuesday", TUESDAY, (dt.date(2014, 7, 1), "day")),
        # Across week, month and year boundaries.
        ("Sunday", dt.date(2014, 6, 30), (dt.date(2014, 6, 29), "day")),
        ("Monday", dt.date(2014, 6, 30), (dt.date(2014, 6, 30), "day")),
        ("Tuesday", dt.date(2014, 6, 30), (dt.date(2014, 7, 1), "day")),
        ("Wednesday", dt.date(2014, 6, 30), (dt.date(2014, 6, 25), "day")),
        ("Friday", dt.date(2015, 1, 1), (dt.date(2015, 1, 2), "day")),
        ("Saturday", dt.date(2015, 1, 1), (dt.date(2014, 12, 27), "day")),
        ("Wednesday", dt.date(2015, 1, 1), (dt.date(2014, 12, 31), "day")),
        ("Saturday", dt.date(2016, 3, 1), (dt.date(2016, 2, 27), "day")),
        # Relative phrases.
        ("yesterday", TUESDAY, (dt.date(2014, 6, 23), "day")),
        ("overnight", TUESDAY, (dt.date(2014, 6, 23), "day")),
        ("today", TUESDAY, (TUESDAY, "day")),
        ("earlier today", TUESDAY, (TUESDAY, "day")),
        ("this week", TUESDAY, (TUESDAY, "week")),
        ("last week", TUESDAY, (dt.date(2014, 6, 17), "week")),
        ("in the past few days", TUESDAY, (TUESDAY, "week")),
        ("last month", dt.date(2015, 1, 10), (dt.date(2014, 12, 1), "month")),
        ("at the start of the year", TUESDAY, (dt.date(2014, 1, 1), "month")),
        ("three days ago", dt.date(2014, 3, 2), (dt.date(2014, 2, 27), "day")),
        # Calendar dates, with the year taken from publication where missing.
        ("June 24", TUESDAY, (dt.date(2014, 6, 24), "day")),
        ("June 25", TUESDAY, (dt.date(2014, 6, 25), "day")),
        ("December 28", dt.date(2015, 1, 3), (dt.date(2014, 12, 28), "day")),
        ("January 5", dt.date(2014, 12, 28), (dt.date(2015, 1, 5), "day")),
        ("24 June 2014", None, (dt.date(2014, 6, 24), "day")),
        ("Tuesday, June 24, 2014", None, (dt.date(2014, 6, 24), "day")),
        ("06/13/2014", None, (dt.date(2014, 6, 13), "day")),
        ("13/06/2014", None, (dt.date(2014, 6, 13), "day")),
        ("2014-06-13", None, (dt.date(2014, 6, 13), "day")),
        ("2003", TUESDAY, (dt.date(2003, 1, 1), "year")),
        ("mid-June", TUESDAY, (dt.date(2014, 6, 1), "month")),
        ("May 2015", None, (dt.date(2015, 5, 1), "month")),
        ("last March", dt.date(2012, 2, 10), (dt.date(2011, 3, 1), "month")),
        ("last March", dt.date(2012, 3, 20), (dt.date(2011, 3, 1), "month")),
        ("last November", dt.date(2012, 2, 10), (dt.date(2011, 11, 1), "month")),
        ("next March", dt.date(2012, 2, 10), (dt.date(2012, 3, 1), "month")),
        # Relative expressions need a publication date.
        ("Tuesday", None, (None, None)),
        ("yesterday", None, (None, None)),
        ("June 24", None, (None, None)),
        ("02/30/2014", None, (None, None)),
    ],
)
def test_resolve_date(expression, published, expected):
    assert resolve_date(expression, published) == expected


@pytest.mark.parametrize(
    ("expression", "step"),
    [
        ("2014-06-13", "numeric"),
        ("yesterday", "relative"),
        ("two weeks ago", "ago"),
        ("Friday", "weekday"),
        ("June 2", "calendar"),
    ],
)
def test_cascade_reports_the_step_that_answered(expression, step):
    assert explain_date(expression, TUESDAY).step == step


@pytest.mark.parametrize(
    ("expression", "date_from"),
    [("2014-06-13", "text"), ("June 2, 2014", "text"), ("June 2", "relative"),
     ("Friday", "relative"), ("nonsense words", None)],
)  # fmt: skip
def test_resolution_says_whether_the_publication_date_was_needed(expression, date_from):
    assert explain_date(expression, TUESDAY).date_from == date_from


def test_every_extracted_expression_resolves():
    sentence = (
        "Rebels struck late Tuesday, two days after the June 22 raid; last week and "
        "at the start of the year they held the town, taken in 2013."
    )
    spans = find_date_expressions(sentence, 0)
    assert len(spans) == 5
    for span in spans:
        date, precision = resolve_date(span.text, TUESDAY)
        assert date is not None and date <= TUESDAY, span.text
        assert precision in ("day", "week", "month", "year")


def test_user_lexicon_adds_a_relative_phrase(tmp_path):
    rows = [
        {"_meta": {"schema_version": 1, "source": "test"}},
        {"phrase": "last fortnight", "anchor": "week", "shift": -2, "precision": "week"},
    ]
    (tmp_path / "dates").mkdir()
    path = tmp_path / "dates" / "relative.mine.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    lexicon = load_date_lexicon(extra_dirs=[tmp_path])
    sentence = "Talks stalled last fortnight."
    assert find_date_expressions(sentence, 0) == []
    [span] = find_date_expressions(sentence, 0, lexicon=lexicon)
    resolution = explain_date(span.text, TUESDAY, lexicon=lexicon)
    assert (resolution.date, resolution.precision) == (dt.date(2014, 6, 10), "week")
