"""A seizure told as a campaign ("capturing cities") is generic; one told as a happening is not.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from dateline.extract import extract_mentions, load_nlp
from dateline.reconcile.lexicon import default_lexicon
from dateline.records import Document


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def modality_of(nlp, text: str, trigger: str) -> str:
    doc = Document(id="g" + str(abs(hash(text)) % 10**8), name="g.txt", source="g.txt",
                   text=text, outlet="Test Wire")  # fmt: skip
    found = {m.trigger.text: m.modality for m in extract_mentions(doc, nlp)}
    return found[trigger]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("As the militants have pushed south, capturing towns that the police had left, "
         "they have grown bolder.", "capturing"),
        ("The insurgents have seized villages across the north.", "seized"),
    ],
)  # fmt: skip
def test_campaign_of_bare_plural_seizures_is_generic_and_founds_no_event(nlp, text, trigger):
    modality = modality_of(nlp, text, trigger)
    assert modality == "generic"
    assert modality in default_lexicon().unfounded_modalities


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The insurgents have seized two towns in the north.", "seized"),  # counted
        ("The insurgents have seized several villages.", "seized"),  # quantified
        ("The insurgents have seized villages near Kirkuk.", "seized"),  # placed
        ("Rebels captured villages on Monday.", "captured"),  # simple past, dated
        ("The militants have captured villages since Monday.", "captured"),  # dated
    ],
)
def test_counted_placed_or_dated_seizure_stays_asserted(nlp, text, trigger):
    assert modality_of(nlp, text, trigger) == "asserted"
