"""Read the versioned JSONL tables under ``dateline/data/<topic>/`` plus the user's own.

Each file opens with a ``{"_meta": {...}}`` row (schema version, source note); every other
row is one entry. Users extend a table without code by putting their own ``*.jsonl`` files
in ``<dir>/<topic>/`` for any directory listed in the ``DATELINE_DATA_PATH`` environment
variable (``os.pathsep``-separated); their rows are read after the packaged ones.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

USER_DATA_ENV = "DATELINE_DATA_PATH"
SUPPORTED_SCHEMA = 1


class DataFileError(ValueError):
    """A data table row is not valid JSON or has an unsupported schema version."""


def table_files(topic: str) -> list[Path]:
    """Packaged then user files of one topic, each group in name order."""
    packaged = Path(str(resources.files("dateline") / "data" / topic))
    dirs = [packaged]
    for entry in os.environ.get(USER_DATA_ENV, "").split(os.pathsep):
        if entry:
            dirs.append(Path(entry) / topic)
    return [path for folder in dirs if folder.is_dir() for path in sorted(folder.glob("*.jsonl"))]


def read_rows(path: Path) -> Iterator[dict]:
    """The entry rows of one table file (the ``_meta`` row checked and skipped)."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise DataFileError(f"{path}:{number}: not valid JSON") from e
            if "_meta" in row:
                version = row["_meta"].get("schema_version")
                if version != SUPPORTED_SCHEMA:
                    raise DataFileError(f"{path}: schema_version {version} is not supported")
                continue
            yield row


def read_table(topic: str, kind: str) -> list[dict]:
    """Every row of the ``topic`` files whose ``_meta.kind`` (or file stem) is ``kind``."""
    rows: list[dict] = []
    for path in table_files(topic):
        if _kind(path) == kind:
            rows.extend(read_rows(path))
    return rows


def _kind(path: Path) -> str:
    with path.open(encoding="utf-8") as handle:
        first = handle.readline()
    if first.strip():
        head = json.loads(first)
        if "_meta" in head and "kind" in head["_meta"]:
            return head["_meta"]["kind"]
    return path.stem
