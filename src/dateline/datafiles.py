"""Read the versioned JSONL tables under ``dateline/data/<topic>/`` plus the user's own.

Every lexicon, trigger table, actor dictionary and gazetteer alias list is such a
table. Each file opens with a ``{"_meta": {...}}`` row (schema version, source
note, optionally the ``kind`` of table it extends); every other row is one entry.
Users extend a table without code by putting their own ``*.jsonl`` files in
``<dir>/<topic>/`` for any directory listed in the ``DATELINE_DATA_PATH``
environment variable (``os.pathsep``-separated) or passed as ``extra_dirs``; their
rows are read after the packaged ones. A file's kind is its ``_meta.kind``, else
its name up to the first dot, so ``triggers/events.mine.jsonl`` extends
``triggers/events.jsonl``.

This module imports nothing heavy, so every stage (the reduce step included) can
read its tables without loading the NLP stack.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

USER_DATA_ENV = "DATELINE_DATA_PATH"
SUPPORTED_SCHEMA = 1


class DataFileError(ValueError):
    """A data table row is not valid JSON or has an unsupported schema version."""


def user_dirs() -> tuple[str, ...]:
    """The folders named in ``DATELINE_DATA_PATH``, in order."""
    return tuple(d for d in os.environ.get(USER_DATA_ENV, "").split(os.pathsep) if d)


def table_files(topic: str, *, extra_dirs: Sequence[str | Path] = ()) -> list[Path]:
    """Packaged then user files of one topic, each folder's files in name order."""
    packaged = Path(str(resources.files("dateline") / "data" / topic))
    dirs = [packaged, *(Path(d) / topic for d in (*extra_dirs, *user_dirs()))]
    return [path for folder in dirs if folder.is_dir() for path in sorted(folder.glob("*.jsonl"))]


def read_rows(path: Path) -> Iterator[dict]:
    """The entry rows of one table file; its first row must be the ``_meta`` header."""
    header_seen = False
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise DataFileError(f"{path}:{number}: not valid JSON") from e
            if not isinstance(row, dict):
                raise DataFileError(f"{path}:{number}: a row must be a JSON object")
            if not header_seen:
                version = row.get("_meta", {}).get("schema_version")
                if version != SUPPORTED_SCHEMA:
                    raise DataFileError(
                        f"{path}: the first row must be a _meta header with schema_version "
                        f"{SUPPORTED_SCHEMA} (found {version})"
                    )
                header_seen = True
                continue
            yield row


def read_table(topic: str, kind: str, *, extra_dirs: Sequence[str | Path] = ()) -> list[dict]:
    """Every row of the ``topic`` files of this ``kind``, packaged rows first."""
    rows = _cached_table(topic, kind, tuple(str(d) for d in extra_dirs), user_dirs())
    return list(rows)


@lru_cache(maxsize=128)
def _cached_table(
    topic: str, kind: str, extra_dirs: tuple[str, ...], _env: tuple[str, ...]
) -> tuple[dict, ...]:
    # _env is part of the key so that changing DATELINE_DATA_PATH is seen.
    files = table_files(topic, extra_dirs=extra_dirs)
    return tuple(row for path in files if file_kind(path) == kind for row in read_rows(path))


def file_kind(path: Path) -> str:
    """The table a file belongs to: its ``_meta.kind``, else its name up to the first dot."""
    with path.open(encoding="utf-8") as handle:
        first = handle.readline()
    if first.strip():
        head = json.loads(first)
        if isinstance(head, dict) and "kind" in head.get("_meta", {}):
            return head["_meta"]["kind"]
    return path.name.split(".", 1)[0]
