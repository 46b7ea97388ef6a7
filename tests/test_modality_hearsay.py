"""What reports that name no source tell is claimed; a named source asserts. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from dateline.extract import extract_mentions, load_nlp
from dateline.records import Document


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def modality_of(nlp, text: str, trigger: str) -> str:
    doc = Document(id="h" + str(abs(hash(text)) % 10**8), name="h.txt", source="h.txt",
                   text=text, outlet="Test Wire")  # fmt: skip
    found = {m.trigger.text: m.modality for m in extract_mentions(doc, nlp)}
    return found[trigger]


@pytest.mark.parametrize(
    "text",
    [
        "Reports say militants shelled the village overnight.",
        "Aid workers left, while reports surfaced that militants had shelled the village.",
        "The report notes that militants shelled the village.",
        "Rumours spread that militants shelled the village.",
    ],
)
def test_reports_naming_no_source_make_a_claim(nlp, text):
    assert modality_of(nlp, text, "shelled") == "claimed"


@pytest.mark.parametrize(
    "text",
    [
        "A UN report said militants shelled the village overnight.",
        "Reuters reported that militants shelled the village.",
        "Militants shelled the village overnight.",
    ],
)
def test_a_named_source_or_the_writer_asserts(nlp, text):
    assert modality_of(nlp, text, "shelled") == "asserted"
