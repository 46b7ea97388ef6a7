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


def fold(text: str) -> str:
    """Lower case, accents and ayn/hamza marks removed (keeps spaces and hyphens)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.lower().translate(_MARKS)


def words(text: str) -> list[str]:
    """The folded words of ``text``, articles dropped unless nothing else is left."""
    parts = [part for part in _NON_WORD.split(fold(text)) if part]
    kept = [part for part in parts if part not in ARTICLES]
    return kept or parts


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
