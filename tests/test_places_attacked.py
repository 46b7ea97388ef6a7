"""The name an attack falls on is where it happened, even when the model tags nothing."""

from __future__ import annotations

import pytest

from dateline.extract import extract_documents, load_nlp
from dateline.records import Document
from dateline.resolve import resolve_mentions


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def attack(nlp, text: str):
    doc = Document(id="a" + str(abs(hash(text)) % 10**8), name="a.txt", source="a.txt", text=text)
    [found] = extract_documents([doc], nlp)
    [m] = [m for m in resolve_mentions(doc, found) if m.type == "ASSAULT"]
    return m


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Government forces shelled Aleppo on Monday.", "Aleppo"),
        ("Regime forces shell Idlib countryside, killing 5 civilians", "Idlib"),
        ("Airstrikes on Raqqa kill 7", "Ar Raqqah"),
    ],
)
def test_a_headline_attack_on_a_named_town_is_placed_there(nlp, text, place):
    m = attack(nlp, text)
    assert m.place is not None and m.place.name == place
    assert m.place.precision == "town"


def test_a_country_attacked_is_where_the_attack_fell(nlp):
    m = attack(nlp, "Israel attacked Iran.")
    assert m.place is not None and (m.place.country, m.place.precision) == ("IRN", "country")


def test_a_person_attacked_is_no_place(nlp):
    m = attack(nlp, "Gunmen attacked Ahmed Hassan outside his home on Monday.")
    assert m.place is None


def test_in_a_title_case_headline_a_capitalised_common_noun_is_no_place(nlp):
    m = attack(nlp, "Rebel Fighters Win Back Control of Most of Tikrit, Officials Said")
    assert m.place is None or m.place.name == "Tikrīt"
