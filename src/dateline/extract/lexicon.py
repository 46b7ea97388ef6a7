"""Load the extraction lexicons: packaged JSONL tables merged with the user's own.

Each table is a JSON Lines file ``dateline/data/<topic>/<kind>.jsonl`` whose first
row is the header every dateline table has, ``{"_meta": {"schema_version": 1,
"kind": ..., "source": ..., "fields": ...}}``; every other row is one entry. Users
extend a table without code by putting ``<topic>/<kind>*.jsonl`` files (for example
``triggers/events.mine.jsonl``) in a folder listed in ``DATELINE_DATA_PATH``
(``os.pathsep``-separated) or passed as ``extra_dirs``; their rows are read after
the packaged ones. Read here rather than through ``dateline.resolve.datafiles``
so that extraction does not depend on the resolve stage.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

SCHEMA_VERSION = 1
ENV_VAR = "DATELINE_DATA_PATH"


class LexiconError(ValueError):
    """A lexicon file is malformed: no ``_meta`` header, another schema, a bad row."""


def load_rows(topic: str, kind: str, *, extra_dirs: Sequence[str | Path] = ()) -> list[dict]:
    """Every entry of table ``kind`` of ``topic``: packaged rows, then ``extra_dirs``',
    then those of the folders in ``DATELINE_DATA_PATH``."""
    return list(_cached_rows(topic, kind, tuple(str(d) for d in extra_dirs), _env_dirs()))


def _env_dirs() -> tuple[str, ...]:
    return tuple(d for d in os.environ.get(ENV_VAR, "").split(os.pathsep) if d)


@lru_cache(maxsize=64)
def _cached_rows(
    topic: str, kind: str, extra_dirs: tuple[str, ...], env_dirs: tuple[str, ...]
) -> tuple[dict, ...]:
    packaged = Path(str(resources.files("dateline") / "data" / topic / f"{kind}.jsonl"))
    paths = [packaged] if packaged.is_file() else []
    for folder in (*extra_dirs, *env_dirs):
        user = Path(folder) / topic
        if user.is_dir():
            paths.extend(sorted(user.glob(f"{kind}*.jsonl")))
    return tuple(row for path in paths for row in _read_table(path))


def _read_table(path: Path) -> Iterator[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines:
        return
    first = json.loads(lines[0])
    # The header is the project's {"_meta": {...}} row; a bare {"schema_version": ...}
    # header row, the first layout of these tables, is still read.
    header = first.get("_meta", first)
    if header.get("schema_version") != SCHEMA_VERSION:
        raise LexiconError(
            f"{path}: the first row must be a _meta header with schema_version {SCHEMA_VERSION}"
        )
    for number, line in enumerate(lines[1:], start=2):
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise LexiconError(f"{path}:{number}: not valid JSON") from e
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
