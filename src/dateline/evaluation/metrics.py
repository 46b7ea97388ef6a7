"""Counting helpers shared by the development-set scorers: accuracy and P/R/F1."""

from __future__ import annotations

from dataclasses import dataclass

DIGITS = 4  # figures are rounded to this many decimals in reports


def ratio(part: int, whole: int) -> float | None:
    """``part / whole`` rounded for a report, or None when nothing was counted."""
    return round(part / whole, DIGITS) if whole else None


@dataclass
class Tally:
    """Right answers out of the items scored."""

    correct: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.correct += int(hit)
        self.total += 1

    def __iadd__(self, other: Tally) -> Tally:
        self.correct += other.correct
        self.total += other.total
        return self

    def as_dict(self) -> dict[str, float | int | None]:
        return {"accuracy": ratio(self.correct, self.total), "correct": self.correct,
                "total": self.total}  # fmt: skip


@dataclass
class PRF:
    """Matches against predicted and gold counts: precision, recall, F1."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def __iadd__(self, other: PRF) -> PRF:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold
        return self

    @property
    def precision(self) -> float | None:
        return ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float | None:
        return ratio(self.matched, self.gold)

    @property
    def f1(self) -> float | None:
        both = self.predicted + self.gold
        return ratio(2 * self.matched, both)

    def as_dict(self) -> dict[str, float | int | None]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "matched": self.matched, "predicted": self.predicted,
                "gold": self.gold}  # fmt: skip
