"""Killed and injured counts in a sentence, with their hedges (placeholder: being written)."""

from __future__ import annotations

from dateline.records import Count


def find_counts(sentence: str, offset: int) -> tuple[Count | None, Count | None]:
    """(killed, injured) reported in ``sentence``; spans are shifted by ``offset``."""
    raise NotImplementedError
