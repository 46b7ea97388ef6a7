"""Ingest: walking paths, bad input as Failures, JSON Lines, HTML, dates, ids."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

import dateline.ingest
from dateline.errors import CATALOGUE
from dateline.ingest import DEFAULT_MAX_BYTES, document_from_row, example_corpus, read_paths
from dateline.ingest.datelines import find_dateline
from dateline.ingest.document import document_id, headline
from dateline.records import Document, Failure

ARTICLE = (
    "Militants shell the northern town of Tal Afar\n"
    "April 2, 2015\n\n"
    "Mortar fire hit a school and a bakery in Tal Afar on Thursday, killing six people, "
    "a local official said. Police said the rounds came from villages to the south.\n"
)


def read_one(path: Path, **options) -> Document | Failure:
    (result,) = read_paths([path], **options)
    return result


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_docs(shared) -> dict[str, Document]:
    return {d.name[:3]: d for d in read_paths([shared / "seeds"])}


# Bad input: one Failure each, with its catalogue code, never an exception.


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "E001"),
        ("blank.txt", "  \n\n\t \n", "E001"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "E002"),
        ("controls.txt", "".join(chr(c) for c in range(1, 9)) * 10, "E002"),
        ("latin1.txt", "Caf\xe9 bombed in Aleppo".encode("latin-1"), "E003"),
        ("utf16.txt", "Shelling in Homs".encode("utf-16"), "E003"),
        ("scripts.html", "<html><head><script>var a = 1;</script></head></html>", "E005"),
        ("nothing.html", "<html><body><div></div></body></html>", "E005"),
        ("notes.md", "# Shelling in Homs\n", "E008"),
        ("comments-only.txt", "12 responses to “Shelling”\n\nWhat a shame!\n", "E010"),
    ],
)
def test_bad_files_become_failures(tmp_path, name, content, code):
    failure = read_one(write(tmp_path, name, content))
    assert isinstance(failure, Failure)
    assert (failure.code, failure.name) == (code, name)
    assert code in CATALOGUE
    assert name in str(failure)


def test_size_limit(tmp_path):
    path = write(tmp_path, "long.txt", ARTICLE)
    failure = read_one(path, max_bytes=100)
    assert isinstance(failure, Failure) and failure.code == "E004"
    assert isinstance(read_one(path, max_bytes=len(ARTICLE.encode())), Document)
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_missing_path_is_reported_and_the_rest_goes_on(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    results = list(read_paths([tmp_path / "gone.txt", tmp_path]))
    assert [type(r) for r in results] == [Failure, Document]
    assert results[0].code == "E009" and results[0].name.endswith("gone.txt")


def test_folders_are_walked_in_sorted_order(tmp_path):
    for name in ("b.txt", "a/z.txt", "a/c.html", ".hidden.txt", "a/.cache/x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        write(tmp_path, name, ARTICLE.replace("six", name))
    names = [r.name for r in read_paths([tmp_path])]
    assert names == ["c.html", "z.txt", "b.txt"]


def test_jsonl_bad_rows_are_reported_by_line_and_good_rows_kept(tmp_path):
    rows = [
        json.dumps({"id": "a1", "text": ARTICLE, "published": "2015-04-03", "source": "Wire"}),
        "{not json",
        json.dumps({"text": ARTICLE}),
        "",
        json.dumps({"id": "b2", "title": "no body"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "html": "<html><body><p>" + ARTICLE.replace("\n", "</p><p>")}),
        json.dumps({"id": "c3", "text": "   "}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(rows) + "\n")
    results = list(read_paths([path]))
    failures = [(r.code, r.row) for r in results if isinstance(r, Failure)]
    assert failures == [("E006", 2), ("E007", 3), ("E007", 5), ("E006", 6), ("E007", 8)]
    assert all(r.name == "batch.jsonl" for r in results if isinstance(r, Failure))
    good = [r for r in results if isinstance(r, Document)]
    assert [d.name for d in good] == ["a1", "7"]
    first = good[0]
    assert (first.published, first.published_from, first.outlet) == (
        dt.date(2015, 4, 3),
        "metadata",
        "Wire",
    )
    assert good[1].published == dt.date(2015, 4, 2) and good[1].published_from == "dateline"


def test_rows_from_elsewhere_share_the_jsonl_rules():
    row = {
        "id": "api-1",
        "html": "<p>" + ARTICLE.replace("\n", "</p><p>"),
        "published": dt.date(2015, 4, 5),
    }
    doc = document_from_row(row, source="api")
    assert (doc.name, doc.source, doc.published, doc.published_from) == (
        "api-1",
        "api",
        dt.date(2015, 4, 5),
        "metadata",
    )
    failure = document_from_row({"id": "api-2"}, source="api")
    assert (failure.code, failure.name) == ("E007", "api-2")


def test_jsonl_size_limit_and_encoding_are_per_row(tmp_path):
    small = json.dumps({"id": "s", "text": ARTICLE}).encode()
    large = json.dumps({"id": "l", "text": ARTICLE * 3}).encode()
    broken = b'{"id": "b", "text": "Caf\xe9"}'
    path = write(tmp_path, "rows.jsonl", b"\n".join([large, broken, small]))
    results = list(read_paths([path], max_bytes=len(small) + 1))
    assert [(r.code, r.row) for r in results if isinstance(r, Failure)] == [
        ("E004", 1),
        ("E003", 2),
    ]
    assert [r.name for r in results if isinstance(r, Document)] == ["s"]


def test_jsonl_of_blank_lines_is_empty(tmp_path):
    failure = read_one(write(tmp_path, "blank.jsonl", "\n  \n\n"))
    assert (failure.code, failure.row) == ("E001", None)


def test_jsonl_row_of_comments_only_fails_with_its_row(tmp_path):
    row = json.dumps({"id": "x", "text": "3 comments\n\nYou are all wrong!\n"})
    failure = read_one(write(tmp_path, "c.jsonl", row))
    assert (failure.code, failure.row) == ("E010", 1)


# Documents: ids, titles, dates.


def test_ids_are_content_hashes(tmp_path):
    first = read_one(write(tmp_path, "one.txt", ARTICLE))
    again = read_one(write(tmp_path, "copy.txt", ARTICLE.replace("\n\n", "\n  \n") + "\n\n"))
    other = read_one(write(tmp_path, "other.txt", ARTICLE.replace("six", "seven")))
    assert first.id == again.id == document_id(first.text)
    assert len(first.id) == 16 and int(first.id, 16) >= 0
    assert other.id != first.id
    assert first.name == "one.txt" and first.source.endswith("one.txt")


def test_plain_text_body_is_a_prefix_of_the_file(shared):
    for path in sorted((shared / "seeds").glob("*.txt")):
        (doc,) = read_paths([path])
        raw = path.read_text(encoding="utf-8")
        assert raw.startswith(doc.text) and doc.text == doc.text.rstrip()
        for comment in doc.comments:
            assert raw[comment.start : comment.end] == comment.text


def test_seed_publication_dates(seed_docs):
    dates = {key: (d.published, d.published_from) for key, d in seed_docs.items()}
    assert dates == {
        "000": (dt.date(2014, 6, 24), "dateline"),
        "001": (None, None),
        "002": (dt.date(2014, 6, 12), "dateline"),
        "003": (None, None),
        "004": (None, None),
    }


def test_seed_titles(seed_docs):
    assert (
        seed_docs["002"].title == "Iran Deploys Forces to Fight al Qaeda-Inspired Militants in Iraq"
    )
    assert seed_docs["004"].title.startswith("Iraq Update: Jihadists Seize 2 More Iraqi Towns")
    assert seed_docs["003"].title is None  # it opens with a paragraph, not a headline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline here    June 24, 2014\nBody.", dt.date(2014, 6, 24)),
        ("Headline\n\nJune 12, 2014 1:05 p.m. ET\nBody.", dt.date(2014, 6, 12)),
        ("Headline\nSubmitted by Desk on 06/13/2014 08:09 -0400\nBody.", dt.date(2014, 6, 13)),
        ("Headline\n3 March 2015\nBody.", dt.date(2015, 3, 3)),
        ("Headline\n2015-03-03\nBody.", dt.date(2015, 3, 3)),
        ("Headline\nBy Staff | Sept. 9, 2015\nBody.", dt.date(2015, 9, 9)),
        ("The army retook the town on June 5, 2014, after a week of fighting there.", None),
        ("Headline\nFebruary 30, 2015\nBody.", None),
        ("No date at all.\nJust text.", None),
    ],
)
def test_date_lines(text, expected):
    assert find_dateline(text) == expected


def test_date_line_far_down_the_page_is_not_a_publication_date():
    text = "Headline\n" + "A paragraph.\n" * 10 + "June 24, 2014\n"
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels seize Hit\nBody.", "Rebels seize Hit"),
        ("Rebels seize Hit    October 4, 2014\nBody.", "Rebels seize Hit"),
        ("June 24, 2014\nBody.", None),
        ("Rebels seized the town of Hit on Saturday.\nBody.", None),
        ("Only one line", None),
    ],
)
def test_headlines(text, expected):
    assert headline(text) == expected


# HTML.


def test_html_metadata_and_markup_comments():
    (doc,) = read_paths([example_corpus() / "alqaim-market-strike-observer.html"])
    assert doc.outlet == "Euphrates Observer"
    assert doc.title == "Market strike in Al-Qa'im kills 51, hospital says"
    assert (doc.published, doc.published_from) == (dt.date(2015, 3, 3), "metadata")
    assert doc.url.startswith("https://euphrates-observer.example/")
    assert "51 people had been killed" in doc.text
    assert [c.author for c in doc.comments] == ["Abu Yasir", "northern_reader", "Observer desk"]
    for word in ("tomatoes", "print numbers", "update as officials", "Home", "2015 Euphrates"):
        assert word not in doc.text
    # The nested reply is its own comment, not part of the one it answers.
    assert "update as officials" not in doc.comments[1].text
    assert all(c.start >= len(doc.text) and c.end > c.start for c in doc.comments)


def test_html_comment_containers_by_id_and_class(tmp_path):
    page = (
        "<html><head><title>Clashes in Ramadi</title></head><body>"
        "<h1>Clashes in Ramadi</h1>"
        "<p>Fighting between the army and militants went on in Ramadi for a third day on "
        "Friday, officials said, and hundreds of families left the city.</p>"
        "<p>A police officer said 12 members of the security forces were killed.</p>"
        "<div id='user-comments'><p>Pray for Ramadi, we are with you!</p></div>"
        "<aside class='discussion comment-box'><p>Where is the air force?</p></aside>"
        "<ul class='replies'><li class='comment'><b class='username'>Omar</b> Stay "
        "<i>safe</i>, Ramadi.</li></ul>"
        "</body></html>"
    )
    doc = read_one(write(tmp_path, "ramadi.html", page))
    assert "12 members" in doc.text
    assert "Pray" not in doc.text and "air force" not in doc.text and "Omar" not in doc.text
    assert [(c.author, c.text) for c in doc.comments] == [
        (None, "Pray for Ramadi, we are with you!"),
        (None, "Where is the air force?"),
        ("Omar", "Stay safe, Ramadi."),
    ]


def test_example_corpus_reads_cleanly():
    results = list(read_paths([example_corpus()]))
    assert results and all(isinstance(r, Document) for r in results)
    assert {r.name for r in results} >= {"erbil-trainers.html", "hit-seized.txt"}
    assert all(r.comments and r.published for r in results)
    assert len({r.id for r in results}) == len(results)
    # Reader voice never leaks into the reporting.
    for doc in results:
        for comment in doc.comments:
            assert comment.text not in doc.text


def test_reruns_are_identical(tmp_path, shared):
    first = list(read_paths([shared / "seeds", example_corpus()]))
    second = list(read_paths([shared / "seeds", example_corpus()]))
    assert first == second
    assert [dataclasses.asdict(d) for d in first] == [dataclasses.asdict(d) for d in second]


def test_public_api_is_pinned():
    assert sorted(dateline.ingest.__all__) == [
        "DEFAULT_MAX_BYTES",
        "Lexicon",
        "document_from_row",
        "example_corpus",
        "load_lexicon",
        "read_paths",
        "split_comments",
    ]
