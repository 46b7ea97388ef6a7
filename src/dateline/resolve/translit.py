"""Transliteration-aware keys for place names (Arabic, Persian, Kurdish spellings in English).

Two keys per name. ``name_key`` folds the spelling variants that never change meaning
(articles, apostrophes for ayn and hamza, q/k, ou/u, ee/i, doubled letters, -iyah endings):
"Tal Afar" and "Talafar", "Falluja" and "Fallujah", "Saadiyah" and "As Sa'diyah" share one.
``skeleton_key`` keeps the first letter and the consonants only, so vowel-only variants meet
("Kerbala"/"Karbala", "Urumieh"/"Urmia", "Al-Qa'm"/"Al-Qa'im"); it is loose, so callers
confirm a skeleton match with a string similarity and the document's context.
Hand-written: no library transliterates romanised Arabic variants into one another.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Definite articles and their sun-letter forms, dropped wherever they stand as a word.
ARTICLES = frozenset({"al", "el", "as", "ad", "an", "ar", "at", "az", "ash", "ath", "adh", "the"})
# Apostrophe-like marks standing for ayn and hamza, or plain apostrophes: all dropped.
_MARKS = str.maketrans("", "", "'’‘`´ʿʾʼʻ")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Feminine and adjectival endings: -iyyah, -iyah, -iyeh, -iya, -ieh, -ia all end "ia".
_IA_ENDING = re.compile(r"(?:iyyah|iyyeh|iyah|iyeh|iyya|iya|ieh)$")
_AH_ENDING = re.compile(r"(?<=[a-z])(?:ah|eh)$")
_LETTER_RULES = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"), ("ph", "f"))
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Names and words recur within and across articles (the matcher keys each word many times):
# their keys are remembered. Longer texts (whole articles) are folded once, not kept.
KEY_CACHE_SIZE = 65536
MAX_CACHED_LENGTH = 256


def fold(text: str) -> str:
    """Lower case, accents and ayn/hamza marks removed (keeps spaces and hyphens)."""
    if len(text) > MAX_CACHED_LENGTH:
        return _fold(text)
    return _cached_fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    # Combining marks are never ASCII: only the other characters need looking at.
    bare = _NON_ASCII.sub(_unless_combining, decomposed)
    return bare.lower().translate(_MARKS)


def _unless_combining(match: re.Match[str]) -> str:
    return "" if unicodedata.combining(match.group(0)) else match.group(0)


_cached_fold = lru_cache(maxsize=KEY_CACHE_SIZE)(_fold)


def words(text: str) -> list[str]:
    """The folded words of ``text``, articles dropped unless nothing else is left."""
    parts = [part for part in _NON_WORD.split(fold(text)) if part]
    kept = [part for part in parts if part not in ARTICLES]
    return kept or parts


@lru_cache(maxsize=KEY_CACHE_SIZE)
def name_key(text: str) -> str:
    """The spelling-variant-proof key of a place name ("" when it has no Latin letters)."""
    key = "".join(words(text))
    key = _IA_ENDING.sub("ia", key)
    key = _AH_ENDING.sub("a", key)
    for old, new in _LETTER_RULES:
        key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key)


def skeleton_key(key: str) -> str:
    """First letter plus consonants of a ``name_key``: vowel variants share it."""
    if not key:
        return ""
    return _DOUBLED.sub(r"\1", key[0] + _VOWELS.sub("", key[1:]))
