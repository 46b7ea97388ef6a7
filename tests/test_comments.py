"""Reader comments split off plain-text pages: by marker, by voice; re-posts kept apart."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.ingest import load_lexicon, split_comments
from dateline.ingest.lexicon import default_lexicon
from dateline.ingest.voice import outside_quotes, voice_cut

REPORT = (
    "Troops retake the village of Bashir\n\n"
    "Iraqi troops and Shiite volunteers retook the village of Bashir, south of Kirkuk, on "
    "Sunday after a week of fighting, a police colonel said.\n\n"
    "The colonel said 14 militants and three soldiers were killed and that engineers were "
    "clearing the roads of bombs. Residents who fled in June have not yet returned, "
    "according to a local council member.\n\n"
    "“We will not let them come back,” a commander of the volunteers told reporters.\n"
)


@pytest.fixture(scope="module")
def seeds(shared) -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in (shared / "seeds").glob("*.txt")}


@pytest.fixture(scope="module")
def splits(seeds) -> dict[str, tuple]:
    return {key: split_comments(text) for key, text in seeds.items()}


# The five seeds.


def test_seed_000_thread_starts_at_responses_header(seeds, splits):
    body, comments = splits["000"]
    assert body.endswith("voiced desires to see fresh leadership in Iraq.")
    assert "33 responses" not in body and "Avatar" not in body
    assert body == seeds["000"][: len(body)]
    assert len(comments) >= 10
    assert {"Btru2u", "Humptygibtip", "man-o-war", "5thDrawer"} <= {c.author for c in comments}


def test_seed_001_boilerplate_is_stripped_and_no_comments(splits):
    body, comments = splits["001"]
    assert body.endswith("while their neighbors continue to eye the situation.")
    assert "commenting" not in body and comments == ()


def test_seed_002_thread_and_reposts(splits):
    body, comments = splits["002"]
    assert body.endswith(
        "IRGC commanders dispatched to Syria also often hail from those provinces."
    )
    for word in ("thoughts on", "Obummer", "Tyler Durden", "MarketWatch"):
        assert word not in body
    reposts = [c for c in comments if c.is_repost]
    by_start = {c.text.split("\n")[0]: c for c in reposts}
    update = next(c for c in reposts if c.text.startswith("Iraq Update: Jihadists Seize 2"))
    assert "Submitted by Tyler Durden on 06/13/2014 08:09" in update.text
    assert update.published == dt.date(2014, 6, 13)
    assert any("LONDON (MarketWatch)" in c.text for c in reposts)
    norad = next(c for c in reposts if c.text.startswith("Norad Admits"))
    assert norad.published == dt.date(2014, 6, 12)
    # The reader's own words before a pasted report stay an ordinary comment.
    assert not any(c.text.startswith("With an insane") for c in reposts)
    assert len(by_start) == len(reposts) == 3
    rants = [c for c in comments if "Obummer" in c.text or "Just how fucked up" in c.text]
    assert rants and not any(c.is_repost for c in rants)


def test_seed_003_unmarked_thread_cut_by_change_of_voice(splits):
    body, comments = splits["003"]
    assert body.endswith("particularly in this increasingly sectarian war.")
    assert body.count("\n") == 3  # the article is the first four paragraphs
    assert comments[0].text == "We can’t have that. ISIS would be gone if we would just butt out."
    assert comments[-1].text == "Great comment."
    assert not any(c.is_repost for c in comments)


def test_seed_004_thread_starts_at_first_picture_handle(splits):
    body, comments = splits["004"]
    assert body.endswith("And to think: this is only the beginning.")
    assert "picture" not in body and "Fuckbama" not in body
    assert comments[0].author == "IridiumRebel"
    assert comments[-1].author == "Loose Caboose"
    assert "Gaius Frakkin' Baltar" in {c.author for c in comments}
    assert all("'s picture" not in c.text for c in comments)


def test_comment_offsets_index_the_page(seeds, splits):
    for key, (body, comments) in splits.items():
        page = seeds[key]
        starts = [c.start for c in comments]
        assert starts == sorted(starts)
        for comment in comments:
            assert comment.start >= len(body)
            assert page[comment.start : comment.end] == comment.text


# Markers and numbering on pages written here.


def test_numbered_replies_and_handles():
    page = REPORT + (
        "\n3 comments\n\n"
        "  1. They said the same about Amerli.\n\n"
        "    2. Good news at last!\n\n"
        "Kirkuk Reader's picture\n\nThanks for the report.\n"
    )
    body, comments = split_comments(page)
    assert body == REPORT.rstrip()
    assert [c.text for c in comments] == [
        "They said the same about Amerli.",
        "Good news at last!",
        "Thanks for the report.",
    ]
    assert comments[-1].author == "Kirkuk Reader"


def test_numbered_list_inside_a_comment_stays_in_it():
    page = REPORT + "\n2 responses to “Bashir”\n\n  1. Who to blame:\n\n    1. A\n    2. B\n"
    _, comments = split_comments(page)
    assert [c.text for c in comments] == ["Who to blame:", "A\n    2. B"]


def test_a_news_report_is_left_whole():
    assert split_comments(REPORT) == (REPORT.rstrip(), ())


def test_quoted_first_person_is_not_a_reader_voice():
    assert "We" not in outside_quotes("“We will not let them,” he said.")
    assert "we" not in outside_quotes('He said "we will stay," and left.')
    assert "we" not in outside_quotes("“Open quote that runs on, we said")
    assert "told" in outside_quotes("“Ours,” she told them.")


def test_quotation_over_several_lines_is_still_quoted():
    page = REPORT + (
        '"We have lost everything.\n'
        "We will go back when the roads are clear.\n"
        "We need water and we need schools.\n"
        'Our children are waiting, " said a farmer from Bashir.\n'
        "Engineers said the main road would reopen next week.\n"
    )
    assert split_comments(page) == (page.rstrip(), ())


def test_one_reader_voiced_line_does_not_cut_a_report():
    page = REPORT + "If you drive north of Kirkuk, expect checkpoints every few kilometres.\n"
    assert split_comments(page) == (page.rstrip(), ())


def test_boilerplate_after_a_last_sentence_on_the_same_line():
    page = REPORT + "(Reporting by a stringer) We welcome comments on this story.\nFirst!\n"
    body, comments = split_comments(page)
    assert body == REPORT + "(Reporting by a stringer)"
    assert [c.text for c in comments] == ["First!"]


def test_opinion_piece_is_not_cut():
    column = "\n".join(
        [
            "I have covered this war for ten years and I have never seen our leaders so lost.",
            "We were promised a plan. You will not find one in the budget.",
            "My colleagues in Baghdad say the same, and I believe them.",
            "Our readers deserve better than this! Where is the plan?",
        ]
    )
    assert voice_cut(column, default_lexicon()) is None


def test_unmarked_thread_after_a_report():
    page = REPORT + (
        "You people never report the real numbers!\n"
        "We all know who is behind this. Shame on them.\n"
        "Great comment, I agree with you.\n"
    )
    body, comments = split_comments(page)
    assert body == REPORT.rstrip()
    assert len(comments) == 3


def test_pasted_report_in_a_thread_is_a_repost():
    pasted = (
        "Militants attack checkpoint near Baiji\n\n"
        "    BAGHDAD, Iraq — Gunmen attacked an army checkpoint near the Baiji refinery on "
        "Monday, killing five soldiers, security officials said. The attackers fled north "
        "toward Tikrit, a police officer said. A ministry spokesman said reinforcements had "
        "been sent to the area and that the refinery was working normally. Residents said "
        "they heard clashes for about an hour before helicopters arrived over the town."
    )
    page = REPORT + "\n5 thoughts on “Bashir”\n\n  1. Nice work, troops!\n\n  2. " + pasted
    _, comments = split_comments(page)
    assert [c.is_repost for c in comments] == [False, True]
    assert comments[1].published is None


# Lexicons are data.


def test_lexicons_are_versioned_and_extensible(tmp_path: Path):
    rows = [
        {"_meta": {"schema_version": 1, "name": "site", "source": "test"}},
        {"id": "site-thread", "kind": "thread_start", "flags": "i", "pattern": "^talk back$"},
    ]
    path = tmp_path / "site.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    page = REPORT + "\nTalk back\n\nThe volunteers did the real work there.\n"
    assert split_comments(page)[1] == ()  # the packaged signals don't know this header
    body, comments = split_comments(page, lexicon=load_lexicon([path]))
    assert body == REPORT.rstrip() and len(comments) == 1


def test_lexicon_without_header_is_refused(tmp_path: Path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "kind": "handle", "pattern": "x"}), encoding="utf-8")
    with pytest.raises(ValueError, match="schema_version"):
        load_lexicon([path])


def test_packaged_lexicon_rows_are_well_formed():
    lexicon = default_lexicon()
    kinds = {s.kind for s in lexicon.signals}
    assert kinds >= {"thread_start", "handle", "boilerplate", "repost", "comment", "news"}
    ids = [s.id for s in lexicon.signals]
    assert len(ids) == len(set(ids))
