"""Exports: JSON Lines, ACLED-style CSV, GeoJSON and Parquet, through one registry."""

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from dateline.export import formats as _formats  # noqa: F401 - registers the built-ins
from dateline.registry import exporters

FORMATS = exporters.names()


def export_records(records: Iterable[dict[str, Any]], fmt: str, out: IO[bytes]) -> int:
    """Write event records in ``fmt`` to a binary stream; returns how many were written."""
    return exporters.get(fmt)(records, out)


def export_file(records: Iterable[dict[str, Any]], fmt: str, path: str | Path) -> int:
    """Write to ``path`` through a temporary file, so a failed export leaves no half file."""
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    with partial.open("wb") as out:
        n = export_records(records, fmt, out)
    partial.replace(target)
    return n


__all__ = ["FORMATS", "export_file", "export_records", "exporters"]
