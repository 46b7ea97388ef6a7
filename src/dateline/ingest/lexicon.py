"""Comment-signal lexicons: versioned JSON Lines files of regular expressions.

Tables ``comments/markers`` and ``comments/voice`` (read through
:mod:`dateline.datafiles`): every row is ``{"id", "kind", "pattern"}`` with optional
``flags`` ("i" for case-insensitive), ``weight`` and ``note``. Users add their own
rows through ``DATELINE_DATA_PATH`` or pass files to :func:`load_lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from dateline.datafiles import read_rows, read_table

TABLES = ("markers", "voice")
_FLAGS = {"i": re.IGNORECASE}


@dataclass(frozen=True)
class Signal:
    """One pattern of a lexicon."""

    id: str
    kind: str
    regex: re.Pattern[str]
    weight: float = 1.0


@dataclass(frozen=True)
class Lexicon:
    """All signals, looked up by kind."""

    signals: tuple[Signal, ...]

    @cached_property
    def _by_kind(self) -> dict[str, tuple[Signal, ...]]:
        kinds: dict[str, list[Signal]] = {}
        for signal in self.signals:
            kinds.setdefault(signal.kind, []).append(signal)
        return {kind: tuple(signals) for kind, signals in kinds.items()}

    def of_kind(self, kind: str) -> tuple[Signal, ...]:
        return self._by_kind.get(kind, ())

    def first_match(self, kind: str, line: str) -> re.Match[str] | None:
        """The first signal of ``kind`` that matches ``line`` (searched), or None."""
        for signal in self.of_kind(kind):
            match = signal.regex.search(line)
            if match:
                return match
        return None


def _signals(rows: Iterable[dict]) -> list[Signal]:
    signals = []
    for row in rows:
        flags = 0
        for letter in row.get("flags", ""):
            flags |= _FLAGS[letter]
        regex = re.compile(row["pattern"], flags)
        signals.append(Signal(row["id"], row["kind"], regex, float(row.get("weight", 1.0))))
    return signals


@cache
def default_lexicon() -> Lexicon:
    """The packaged comment lexicons, plus the user's from ``DATELINE_DATA_PATH``."""
    rows = [row for kind in TABLES for row in read_table("comments", kind)]
    return Lexicon(tuple(_signals(rows)))


def load_lexicon(paths: Iterable[str | Path] = (), *, with_defaults: bool = True) -> Lexicon:
    """The packaged lexicons (unless ``with_defaults`` is False) plus the user's ``paths``."""
    signals = list(default_lexicon().signals) if with_defaults else []
    for path in paths:
        signals.extend(_signals(read_rows(Path(path))))
    return Lexicon(tuple(signals))
