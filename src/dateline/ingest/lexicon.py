"""Comment-signal lexicons: versioned JSON Lines files of regular expressions.

The first line of a file is a header with ``schema_version`` and a ``source``
note; every other line is ``{"id", "kind", "pattern"}`` with optional ``flags``
("i" for case-insensitive), ``weight`` and ``note``. The packaged files live in
``dateline/data/comments/``; users add their own with :func:`load_lexicon`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

SCHEMA_VERSION = 1
PACKAGED_FILES = ("markers.jsonl", "voice.jsonl")
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


def _parse_lines(lines: Iterable[str], origin: str) -> list[Signal]:
    rows = [json.loads(line) for line in lines if line.strip()]
    if not rows or rows[0].get("schema_version") != SCHEMA_VERSION:
        raise ValueError(f"{origin}: first line must be a header with schema_version 1")
    signals = []
    for row in rows[1:]:
        flags = 0
        for letter in row.get("flags", ""):
            flags |= _FLAGS[letter]
        regex = re.compile(row["pattern"], flags)
        signals.append(Signal(row["id"], row["kind"], regex, float(row.get("weight", 1.0))))
    return signals


@cache
def default_lexicon() -> Lexicon:
    """The packaged comment lexicons."""
    folder = resources.files("dateline") / "data" / "comments"
    signals: list[Signal] = []
    for name in PACKAGED_FILES:
        text = (folder / name).read_text(encoding="utf-8")
        signals.extend(_parse_lines(text.splitlines(), name))
    return Lexicon(tuple(signals))


def load_lexicon(paths: Iterable[str | Path] = (), *, with_defaults: bool = True) -> Lexicon:
    """The packaged lexicons (unless ``with_defaults`` is False) plus the user's ``paths``."""
    signals = list(default_lexicon().signals) if with_defaults else []
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        signals.extend(_parse_lines(text.splitlines(), str(path)))
    return Lexicon(tuple(signals))
