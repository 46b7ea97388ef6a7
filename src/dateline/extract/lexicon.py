"""Load the extraction lexicons: packaged JSONL tables merged with the user's own.

Each table is a JSON Lines file under ``dateline/data/<topic>/``. Its first row is a
header ``{"schema_version": 1, "source": "..."}``; every other row is one entry.
Users extend a topic by pointing ``DATELINE_LEXICONS`` (``os.pathsep``-separated
folders) at folders that hold ``<topic>/*.jsonl`` files in the same format, or by
passing ``extra_dirs``; their rows come after the packaged ones.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

SCHEMA_VERSION = 1
ENV_VAR = "DATELINE_LEXICONS"


class LexiconError(ValueError):
    """A lexicon file is malformed: wrong schema version or a row that is not an object."""


def load_rows(topic: str, name: str, *, extra_dirs: Sequence[str | Path] = ()) -> list[dict]:
    """Every entry of table ``name`` (file stem) of ``topic``, packaged rows first.

    User folders (from ``extra_dirs``, then ``DATELINE_LEXICONS``) may hold
    ``<topic>/<name>.jsonl`` or ``<topic>/<name>.*.jsonl`` files, so that a user file
    ``triggers/verbs.mine.jsonl`` extends the packaged ``triggers/verbs.jsonl``.
    """
    return list(_cached_rows(topic, name, tuple(str(d) for d in extra_dirs), _env_dirs()))


def _env_dirs() -> tuple[str, ...]:
    return tuple(d for d in os.environ.get(ENV_VAR, "").split(os.pathsep) if d)


@lru_cache(maxsize=64)
def _cached_rows(
    topic: str, name: str, extra_dirs: tuple[str, ...], env_dirs: tuple[str, ...]
) -> tuple[dict, ...]:
    packaged = resources.files("dateline") / "data" / topic / f"{name}.jsonl"
    paths: list = [packaged] if packaged.is_file() else []
    for folder in (*extra_dirs, *env_dirs):
        paths.extend(_user_files(Path(folder) / topic, name))
    return tuple(row for path in paths for row in _read_table(path))


def _user_files(folder: Path, name: str) -> Iterable[Path]:
    if not folder.is_dir():
        return ()
    return sorted({*folder.glob(f"{name}.jsonl"), *folder.glob(f"{name}.*.jsonl")})


def _read_table(path) -> Iterator[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines:
        return
    header = json.loads(lines[0])
    if header.get("schema_version") != SCHEMA_VERSION:
        raise LexiconError(f"{path}: schema_version must be {SCHEMA_VERSION} in the first row")
    for number, line in enumerate(lines[1:], start=2):
        row = json.loads(line)
        if not isinstance(row, dict):
            raise LexiconError(f"{path}:{number}: a row must be a JSON object")
        yield row


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
