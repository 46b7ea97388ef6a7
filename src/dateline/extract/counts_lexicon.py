"""The count lexicon: data/counts/*.jsonl read into typed tables.

Four kinds of rows, told apart by their keys: casualty terms (``terms.jsonl``), number
words and vague quantities (``quantities.jsonl``), hedges (``qualifiers.jsonl``) and
words by role (``words.jsonl``). Users extend them with their own files
(see ``dateline.extract.lexicon``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from dateline.extract.lexicon import load_rows

TABLES = ("terms", "quantities", "qualifiers", "words")  # data/counts/<name>.jsonl

# How far apart a number and its term on the left may be, in tokens. Five words cover
# "at least 57 Iraqi civilians were killed" and "57 people in a market were killed";
# eight also "some 2,000 members of the security forces have been killed". Beyond that
# the number usually belongs to another clause.
MAX_LEFT_GAP = 8


@dataclass(frozen=True)
class Term:
    """A casualty word or phrase and how it takes its number."""

    words: tuple[str, ...]
    label: str  # killed | injured | casualties
    attach: str  # left | right | both
    verb: bool
    bare: bool
    right_filler: bool
    max_left_gap: int = MAX_LEFT_GAP
    cumulative: bool = False  # a running total ("the death toll rose to 40")
    alone_killed: bool = False  # "casualties" as the dead when nothing else is counted
    to_within: int = 0  # the number follows a "to" up to this many words on ("rose ... to 9")
    needs_toll: bool = False  # counts only where another word tells of deaths
    fillers: frozenset[str] = frozenset()  # this term's own fillers ("an assassination targets 3")
    secondary: bool = False  # yields to a killing count ("shown the bodies of 5 ... killed 7")


@dataclass(frozen=True)
class CountLexicon:
    """Everything find_counts knows about words, from JSONL rows."""

    terms: Mapping[str, tuple[Term, ...]]  # first word -> terms, longest first
    numbers: Mapping[tuple[str, ...], tuple[str, int]]  # words -> (kind, value)
    qualifiers: Mapping[tuple[str, ...], tuple[str, bool]]  # words -> (qualifier, exclusive)
    roles: Mapping[str, frozenset[str]]  # role -> words
    trigger: re.Pattern[str]  # any term: sentences without one are skipped at once

    def has(self, role: str, word: str) -> bool:
        return word in self.roles.get(role, frozenset())

    def kind(self, word: str) -> str | None:
        """unit, ten, scale, number or vague for a one-word number; None otherwise."""
        entry = self.numbers.get((word,))
        return entry[0] if entry else None


def _term(row: dict) -> Term:
    return Term(
        words=tuple(row["term"].lower().split()),
        label=row["label"],
        attach=row["attach"],
        verb=bool(row.get("verb")),
        bare=bool(row.get("bare")),
        right_filler=bool(row.get("right_filler")),
        max_left_gap=int(row.get("max_left_gap", MAX_LEFT_GAP)),
        cumulative=bool(row.get("cumulative")),
        alone_killed=bool(row.get("alone_killed")),
        to_within=int(row.get("to_within", 0)),
        needs_toll=bool(row.get("needs_toll")),
        fillers=frozenset(row.get("fillers", ())),
        secondary=bool(row.get("secondary")),
    )


def lexicon_from_rows(rows: Iterable[dict]) -> CountLexicon:
    """Build a lexicon from rows of any of the four kinds, told apart by their keys."""
    terms: list[Term] = []
    numbers: dict[tuple[str, ...], tuple[str, int]] = {}
    qualifiers: dict[tuple[str, ...], tuple[str, bool]] = {}
    roles: dict[str, set[str]] = {}
    for row in rows:
        if "term" in row:
            terms.append(_term(row))
        elif "kind" in row:
            numbers[tuple(row["word"].lower().split())] = (row["kind"], int(row["value"]))
        elif "qualifier" in row:
            key = tuple(row["phrase"].lower().split())
            qualifiers[key] = (row["qualifier"], bool(row.get("exclusive")))
        else:
            roles.setdefault(row["role"], set()).add(row["word"].lower())
    # Longest terms first, so "death toll" wins over "toll".
    terms.sort(key=lambda term: -len(term.words))
    by_first: dict[str, list[Term]] = {}
    for term in terms:
        by_first.setdefault(term.words[0], []).append(term)
    words = sorted({re.escape(" ".join(term.words)) for term in terms}, key=len, reverse=True)
    return CountLexicon(
        terms=MappingProxyType({word: tuple(group) for word, group in by_first.items()}),
        numbers=MappingProxyType(numbers),
        qualifiers=MappingProxyType(qualifiers),
        roles=MappingProxyType({role: frozenset(words) for role, words in roles.items()}),
        trigger=re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE),
    )


def load_lexicon(*, extra_dirs: Sequence[str | Path] = ()) -> CountLexicon:
    """The packaged count tables plus the user's own (see ``dateline.extract.lexicon``)."""
    rows = [row for name in TABLES for row in load_rows("counts", name, extra_dirs=extra_dirs)]
    return lexicon_from_rows(rows)


@cache
def default_lexicon() -> CountLexicon:
    return load_lexicon()
