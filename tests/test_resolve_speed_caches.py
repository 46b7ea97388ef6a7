"""The resolve step's shortcuts give the answers of the plain computations they replace."""

from __future__ import annotations

import re

import pytest
from conftest import make_document

from dateline.records import Mention, Span
from dateline.resolve import context as context_module
from dateline.resolve import matcher, mentions, places
from dateline.resolve.context import ResolveContext, build_context, country_mentions, trie_pattern

STORY = (
    "BAGHDAD — Iraqi forces retook Tikrit from ISIS, the U.S. and Iran said on Sunday. "
    "Americans in New Mexico and the Iraqis of Mosul watched; Iraq's army moved north "
    "of Samarra toward Bayji. Talafar and Jalawla fell, and Damascus and Tehran spoke.\n"
    "Kerry flew to Amman, Jordan, and then to Erbil in Kurdistan. Syria's war went on "
    "in Aleppo and Raqqa, 30 km from the Turkish border."
)


def _alternation(terms) -> re.Pattern[str]:
    """The plain longest-first alternation the trie stands for."""
    body = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{body})(?!\w)")


@pytest.mark.parametrize(
    "text",
    [
        "South Sudan and Sudan, not Southern or South-Sudanese; Sudanese South.",
        "U.S. troops, US planes, USA, U.S.A. and the US-led strikes.",
        "Guinea-Bissau, Guinea, Papua New Guinea and Equatorial Guinean people.",
    ],
)
def test_trie_matches_like_the_plain_alternation(text):
    terms = ["Sudan", "South Sudan", "South", "Sudanese", "US", "U.S.", "U.S.A", "USA",
             "Guinea", "Guinea-Bissau", "Papua New Guinea", "Equatorial Guinea"]  # fmt: skip
    trie = re.compile(rf"(?<![\w.])(?:{trie_pattern(terms)})(?!\w)")
    expected = [m.group(0) for m in _alternation(terms).finditer(text)]
    assert [m.group(0) for m in trie.finditer(text)] == expected
    assert expected  # the sentences do name some of the terms


def test_country_mentions_read_as_with_the_plain_alternation():
    terms = context_module._country_terms()
    plain = [
        (m.start(), m.end(), *terms[m.group(0)])
        for m in _alternation(terms).finditer(STORY)
        if terms[m.group(0)][1] != context_module.NOT_COUNTRY
    ]
    found = [(m.start, m.end, m.code, m.kind) for m in country_mentions(STORY)]
    assert found == plain
    assert {"IRQ", "USA", "IRN", "SYR"} <= {code for _, _, code, _ in found}


def test_country_mentions_are_a_fresh_list_each_time():
    first = country_mentions(STORY)
    first.clear()
    assert country_mentions(STORY)


@pytest.mark.parametrize("word", ["Iraq's", "U.S.", "Falluja’s", "al-", "towns", "Mosul"])
def test_tokens_trim_like_the_possessive_pattern(word):
    text = f"in {word} today"
    expected = re.sub(r"(?:['’]s|['’.-])+$", "", word)
    assert [token.text for token in matcher.tokens(text)] == ["in", expected, "today"]


def test_remembered_candidates_equal_fresh_ones():
    context = build_context(STORY)
    names = ["Tikrit", "Samarra", "Talafar", "Bayji", "Amman", "Kurdistan", "Jalawla"]
    remembered = [places.candidates(name, context=context) for name in names]
    places._ranked.cache_clear()
    fresh = [places.candidates(name, context=context) for name in names]
    assert remembered == fresh
    assert all(fresh[:-1])  # every one of these is known (Jalawla by its loose spelling)
    fresh[0].clear()  # callers get their own list
    assert places.candidates("Tikrit", context=context)


def test_remembered_scans_equal_fresh_ones():
    context = mentions.document_context(make_document(STORY))
    end = STORY.index("\n")
    scan = {"context": context, "start": 0, "end": end, "blocked": mentions.not_place_keys()}
    remembered = matcher.find_places(STORY, **scan)
    remembered.clear()  # callers get their own list
    remembered = matcher.find_places(STORY, **scan)
    matcher._scan.cache_clear()
    assert matcher.find_places(STORY, **scan) == remembered
    assert {"Tikrit", "Samarra"} <= {span.text for span, _ in remembered}
    assert all(span.end <= end for span, _ in remembered)


def test_a_mention_reads_the_places_of_its_sentence():
    context = mentions.document_context(make_document(STORY))
    end = STORY.index("\n")
    sentence = Span(STORY[:end], 0, end)
    mention = Mention(doc_id="d", doc_name="d", sentence=sentence, trigger=sentence, type="ASSAULT")
    found = mentions._stand_ins(STORY, mention, context, [])
    assert mentions._stand_ins(STORY, mention, context, []) == found
    assert {"Tikrit", "Samarra"} <= {span.text for span, _ in found}


def test_contexts_built_twice_are_equal():
    assert build_context(STORY) == build_context(STORY)
    assert ResolveContext() == ResolveContext()


NAME_TEXT = (
    "Fighters crossed the Hamrin mountains into Salah ad Din, then took al-Qaim and the "
    "Bay of Pigs road. Kentucky State Police said the Baghdad police chief fled to "
    "Trinidad and Tobago; CTV Edmonton reported on the town of Tal Afar, east of Mosul."
)


@pytest.mark.parametrize("embedded", [False, True])
def test_scanning_name_words_only_changes_no_match(monkeypatch, embedded):
    context = build_context(NAME_TEXT)
    blocked = mentions.not_place_keys()
    scan = {"context": context, "blocked": blocked, "embedded": embedded, "strict": False}
    fast = matcher.find_places(NAME_TEXT, **scan)
    every_word = matcher.tokens

    def all_tokens(text, start=0, end=None, *, name_words_only=False):
        return every_word(text, start, end)

    monkeypatch.setattr(matcher, "tokens", all_tokens)
    assert matcher.find_places(NAME_TEXT, **scan) == fast
    assert {"Hamrin mountains", "Salah ad Din", "Mosul"} <= {span.text for span, _ in fast}


def test_name_words_are_a_subsequence_of_all_words():
    every = matcher.tokens(NAME_TEXT)
    names = matcher.tokens(NAME_TEXT, name_words_only=True)
    assert [t for t in every if t in set(names)] == names
    kept = {t.text for t in names}
    assert {"mountains", "ad", "al-Qaim", "of", "Tal", "Afar"} <= kept
    assert not {"crossed", "fled", "reported", "road"} & kept
