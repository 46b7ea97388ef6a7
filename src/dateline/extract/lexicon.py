"""The extraction lexicons: packaged JSONL tables merged with the user's own.

Tables are read through :mod:`dateline.datafiles` (one reader for every table of
the project; see there how users add their own rows). ``load_rows`` is the name
the extract components use for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dateline.datafiles import read_table

load_rows = read_table


@dataclass(frozen=True)
class WordClass:
    """A named set of lemmas, plus NER labels whose entities also belong to it."""

    lemmas: frozenset[str]
    entity_labels: frozenset[str] = frozenset()


def word_classes(*, extra_dirs: Sequence[str | Path] = ()) -> dict[str, WordClass]:
    """Named word classes (``FORCES``, ``AIRCRAFT``...) shared by the other tables.

    Rows are ``{"class": NAME, "lemmas": [...], "entity_labels": [...]}``; rows naming
    the same class merge, so a user file can add words to a packaged class.
    """
    lemmas: dict[str, set[str]] = {}
    labels: dict[str, set[str]] = {}
    for row in load_rows("extract", "classes", extra_dirs=extra_dirs):
        lemmas.setdefault(row["class"], set()).update(w.lower() for w in row["lemmas"])
        labels.setdefault(row["class"], set()).update(row.get("entity_labels", ()))
    return {
        name: WordClass(frozenset(words), frozenset(labels[name])) for name, words in lemmas.items()
    }
