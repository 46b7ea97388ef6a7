"""Remembered transliteration keys, and the actor scans' shortcuts, give the plain answers."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from dateline.bench import timeline17_articles
from dateline.resolve import actors, translit
from dateline.resolve.translit import MAX_CACHED_LENGTH, fold, name_key

NAMES = ["Tal Afar", "Ba'qubah", "Sāmarrā’", "Al-Qa'im", "Iraq's", "Ḥalab", "Erdoğan", ""]
STORY = (
    "NOURI AL-MALIKI met Maliki's rivals; Nuri al-Maliki and obama spoke, "
    "Obamas and Malikis did not. Assad’s army and Bashar al-Assad's men, Hollande, "
    "François Hollande, Recep Tayyip Erdoğan and Erdogan, Abu Bakr al-Baghdadi of ISIS "
    "and the Islamic State, Jabhat al-Nusra, the Nusra Front, al-Qaeda and al Qaeda in "
    "Iraq, Hezbollah and the Houthis, all named twice: ISIS, Islamic State, Nusra."
)


def _plain_fold(text: str) -> str:
    """The per-character definition of ``fold``."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.lower().translate(str.maketrans("", "", "'’‘`´ʿʾʼʻ"))


@pytest.mark.parametrize("name", NAMES)
def test_remembered_keys_are_the_computed_ones(name):
    first = name_key(name)
    assert name_key(name) == first == name_key.__wrapped__(name)
    assert fold(name) == fold(name) == _plain_fold(name)


def test_a_repeated_name_is_keyed_once():
    name_key.cache_clear()
    for _ in range(3):
        name_key("Jurf al-Sakhar")
    info = name_key.cache_info()
    assert (info.misses, info.hits) == (1, 2)


def test_long_texts_fold_alike_but_are_not_kept():
    text = " ".join(NAMES + ["Mosul — “Kirkuk”"]) * 20
    assert len(text) > MAX_CACHED_LENGTH
    before = translit._cached_fold.cache_info().currsize
    assert fold(text) == _plain_fold(text)
    assert translit._cached_fold.cache_info().currsize == before
    assert fold(text[:MAX_CACHED_LENGTH]) == _plain_fold(text[:MAX_CACHED_LENGTH])


def _plain_people_named(text: str) -> tuple[tuple[int, str], ...]:
    """People named, by the plain longest-first alternation the trie stands for."""
    _, refs = actors._people_pattern()
    body = "|".join(re.escape(alias) for alias in sorted(refs, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    return tuple((m.start(), refs[m.group(0).lower()]) for m in pattern.finditer(text))


def _plain_rank_groups(text: str) -> tuple[str, ...]:
    """Groups named, searching the article for every rebel name in turn."""
    kb = actors.knowledge_base()
    norm = actors.normalise(text)
    counts: Counter[str] = Counter()
    for alias, _, ref in kb.rebel_names:
        if alias in norm:
            counts[ref] += norm.count(alias)
            norm = norm.replace(alias, " ")
    for match in kb.acronym_pattern.finditer(text):
        ref = kb.acronyms[match.group(1)]
        if kb.groups[ref]["sector"] == "REB":
            counts[ref] += 1
    return tuple(ref for ref, count in counts.most_common() if count)


def test_people_and_groups_read_as_with_plain_scans():
    found = actors.people_named(STORY)
    assert found == _plain_people_named(STORY)
    assert {"nouri-al-maliki", "barack-obama"} <= {person for _, person in found}
    groups = actors.rank_groups(STORY)
    assert groups == _plain_rank_groups(STORY)
    assert {"ISIS", "NUSRA"} <= set(groups)


def test_timeline17_people_and_groups_read_as_with_plain_scans(shared):
    articles = timeline17_articles(shared / "data" / "timeline17")[::40]
    assert articles
    for article in articles:
        text = article["text"]
        assert actors.people_named(text) == _plain_people_named(text)
        assert actors.rank_groups(text) == _plain_rank_groups(text)
