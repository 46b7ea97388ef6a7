"""Near-duplicate documents, re-posts in comment threads, and dates flowing between copies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.ingest import read_paths
from dateline.ingest.duplicates import find_near_duplicates, link_reposts, propagate_dates
from dateline.records import Comment, Document

ARTICLE = (
    "Rebel fighters took control of the river crossing at Kelvar early on Monday after a "
    "night of shelling, residents of the town said. The garrison withdrew south towards the "
    "provincial capital, leaving behind two armoured vehicles and a depot of fuel. A hospital "
    "doctor said nine wounded soldiers had been brought in before dawn, and that the road to "
    "the capital remained closed to civilian traffic. The interior ministry did not answer "
    "calls. The crossing is the last bridge over the river still open to trucks carrying "
    "grain from the northern farms, and traders fear prices will rise within days."
)
SYNDICATED = "Wire report. " + ARTICLE.replace("early on Monday", "on Monday morning")
OWN_WORDS = (
    "Insurgents captured the Kelvar bridge on Monday, according to the regional governor, "
    "who said government troops had pulled back after hours of artillery fire. Nine soldiers "
    "were wounded. Grain merchants warned that the loss of the bridge would raise prices."
)


def doc(doc_id: str, text: str, *, published=None, comments=()) -> Document:
    return Document(
        id=doc_id,
        name=f"{doc_id}.txt",
        source=f"/in/{doc_id}.txt",
        text=text,
        published=published,
        comments=comments,
    )


def test_a_syndicated_copy_maps_to_the_earlier_original():
    docs = [
        doc("b-copy", SYNDICATED, published=dt.date(2020, 3, 3)),
        doc("a-orig", ARTICLE, published=dt.date(2020, 3, 2)),
        doc("c-other", OWN_WORDS, published=dt.date(2020, 3, 2)),
    ]
    assert find_near_duplicates(docs) == {"b-copy": "a-orig"}


def test_undated_copies_name_the_smallest_id_as_original_whatever_the_order():
    docs = [doc("zz", SYNDICATED), doc("aa", ARTICLE), doc("mm", ARTICLE + " Updated.")]
    expected = {"zz": "aa", "mm": "aa"}
    assert find_near_duplicates(docs) == expected
    assert find_near_duplicates(docs[::-1]) == expected


def test_reports_of_one_event_in_their_own_words_are_not_copies():
    assert find_near_duplicates([doc("a", ARTICLE), doc("c", OWN_WORDS)]) == {}


def host_with_repost(date: dt.date | None) -> Document:
    repost = Comment(
        text="Saw this elsewhere:\nPosted on 03/04/2020\n" + ARTICLE,
        start=5000,
        end=6000,
        is_repost=True,
        published=date,
    )
    chatter = Comment(text="Prices are already up here.", start=4000, end=4030)
    return doc("host", OWN_WORDS, published=dt.date(2020, 3, 5), comments=(chatter, repost))


def test_a_repost_in_another_pages_comments_is_linked_to_its_article():
    links = link_reposts([doc("article", ARTICLE), host_with_repost(dt.date(2020, 3, 4))])
    assert set(links) == {"article"}
    assert links["article"].start == 5000


def test_an_undated_article_takes_the_date_of_its_repost():
    docs = [doc("article", ARTICLE), host_with_repost(dt.date(2020, 3, 4))]
    article, host = propagate_dates(docs)
    assert (article.published, article.published_from) == (dt.date(2020, 3, 4), "repost")
    assert host == docs[1]


def test_an_undated_copy_takes_the_date_of_its_original():
    docs = [doc("orig", ARTICLE, published=dt.date(2020, 3, 2)), doc("copy", SYNDICATED)]
    _, copy = propagate_dates(docs)
    assert copy.published == dt.date(2020, 3, 2)


def test_an_undated_repost_leaves_the_article_undated():
    (article, _) = propagate_dates([doc("article", ARTICLE), host_with_repost(None)])
    assert article.published is None


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_the_seed_page_without_a_date_takes_it_from_its_repost_in_another_thread():
    docs = [d for d in read_paths([SEEDS]) if isinstance(d, Document)]
    by_name = {d.name[:3]: d for d in propagate_dates(docs)}
    assert by_name["004"].published == dt.date(2014, 6, 13)
    assert by_name["004"].published_from == "repost"
    assert link_reposts(docs)[by_name["004"].id] in by_name["002"].comments
    assert find_near_duplicates(docs) == {}  # five different pages, no copies among them
