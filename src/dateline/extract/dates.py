"""Date expressions in a sentence (placeholder: being written)."""

from __future__ import annotations

from dateline.records import Span


def find_date_expressions(sentence: str, offset: int) -> list[Span]:
    """Date expressions ("Tuesday", "late Tuesday", "June 24", "overnight") in ``sentence``."""
    raise NotImplementedError
