"""Modality of events inside conditions and urged acts, on sentences written for these tests.

An event named only as the condition of a promise ("only if the army stops shelling"),
as what a pending act waits for ("until the minister meets them") or as what someone
is pressed to do is not reported as having happened: it must not found a ledger event.
"""

from __future__ import annotations

import pytest

from dateline.extract import extract_mentions, load_nlp
from dateline.reconcile.lexicon import default_lexicon
from dateline.records import Document


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def modalities(nlp, text: str) -> dict[str, str]:
    doc = Document(id="c" + str(abs(hash(text)) % 10**8), name="c.txt", source="c.txt",
                   text=text, outlet="Test Wire")  # fmt: skip
    return {m.trigger.text: m.modality for m in extract_mentions(doc, nlp)}


def unfounded(modality: str) -> bool:
    return modality in default_lexicon().unfounded_modalities


@pytest.mark.parametrize(
    ("text", "condition", "promise"),
    [
        ("The militia commander said his men would accept a ceasefire only if the army "
         "stopped bombing their villages.", "bombing", "accept"),
        ("Tribal leaders said they would join the talks if the militants withdrew from "
         "Falluja.", "withdrew", "talks"),
    ],
)  # fmt: skip
def test_event_in_an_if_clause_is_hypothetical_and_the_promise_conditional(
    nlp, text, condition, promise
):
    found = modalities(nlp, text)
    assert found.get(condition) == "hypothetical", found
    assert unfounded(found[condition])
    assert found.get(promise) == "conditional", found
    assert not unfounded(found[promise])


def test_negated_condition_is_still_only_a_condition(nlp):
    found = modalities(nlp, "Rebels said they would lay down their arms if the army did not "
                            "attack the camp again.")  # fmt: skip
    assert found.get("attack") == "hypothetical", found


def test_until_after_an_intended_act_is_unrealised(nlp):
    found = modalities(nlp, "Strikers said they would rally every morning until the minister "
                            "met their delegates.")  # fmt: skip
    assert found.get("met") == "hypothetical", found
    assert unfounded(found["met"])


def test_until_after_a_reported_fact_is_a_fact(nlp):
    found = modalities(nlp, "Insurgents held the bridge for a week until the army recaptured "
                            "it on Monday.")  # fmt: skip
    assert found.get("recaptured") == "asserted", found


def test_act_a_country_is_pressed_to_do_is_not_done(nlp):
    found = modalities(nlp, "Turkey has pressed both factions to sign a truce before the "
                            "winter.")  # fmt: skip
    assert found.get("sign") == "hypothetical", found
    assert found.get("pressed") == "asserted", found
