"""Resolve a date expression against the publication date (placeholder: being written)."""

from __future__ import annotations

import datetime as dt


def resolve_date(expression: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """(date, precision) for ``expression``; precision is day, week, month or year."""
    raise NotImplementedError
