"""Throughput of the whole pipeline against spaCy's full pipeline alone, in one run.

Absolute speeds vary from machine to machine and run to run (±15–30% here), so
the figure to compare over time is the ratio measured within one run.
"""

from __future__ import annotations

import json
import resource
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SPACY_BATCH_SIZE = 8


@dataclass(frozen=True)
class BenchResult:
    articles: int
    words: int
    workers: int
    pipeline_seconds: float
    spacy_seconds: float
    peak_memory_mb: float
    events: int

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.pipeline_seconds

    @property
    def words_per_s(self) -> float:
        return self.words / self.pipeline_seconds

    @property
    def spacy_words_per_s(self) -> float:
        return self.words / self.spacy_seconds

    @property
    def ratio(self) -> float:
        """Whole pipeline's throughput as a share of spaCy's alone (1.0 = no overhead)."""
        return self.spacy_seconds / self.pipeline_seconds

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "words": self.words,
            "workers": self.workers,
            "articles_per_s": round(self.articles_per_s, 2),
            "words_per_s": round(self.words_per_s),
            "spacy_words_per_s": round(self.spacy_words_per_s),
            "pipeline_to_spacy_ratio": round(self.ratio, 3),
            "peak_memory_mb": round(self.peak_memory_mb),
            "events": self.events,
        }


def timeline17_articles(root: str | Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Timeline17's articles (id, time, text) from every topic folder, in a fixed order."""
    rows: list[dict[str, Any]] = []
    for path in sorted(Path(root).glob("*/articles.jsonl")):
        with path.open(encoding="utf-8") as lines:
            rows.extend(
                {**json.loads(line), "topic": path.parent.name} for line in lines if line.strip()
            )
    return rows[:limit] if limit else rows


def _as_input(articles: Iterable[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            row = {"id": f"{a['topic']}-{a['id']}", "text": a["text"], "published": a["time"]}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _peak_memory_mb() -> float:
    """Peak resident memory of this process and its (finished) workers, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def time_spacy(texts: list[str], *, workers: int) -> float:
    """Seconds for spaCy's full English pipeline alone over ``texts``."""
    import spacy

    from dateline.extract import MODEL

    nlp = spacy.load(MODEL)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=SPACY_BATCH_SIZE, n_process=workers):
        pass
    return time.perf_counter() - start


def run_bench(
    root: str | Path,
    *,
    workers: int = 2,
    limit: int | None = None,
    log: Callable[[str], None] = lambda _m: None,
) -> BenchResult:
    from dateline.pipeline import run

    articles = timeline17_articles(root, limit=limit)
    words = sum(len(a["text"].split()) for a in articles)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "timeline17.jsonl"
        _as_input(articles, source)
        log(f"pipeline over {len(articles)} articles, {words} words, {workers} workers")
        start = time.perf_counter()
        summary = run([source], db=Path(tmp) / "bench.db", workers=workers)
        pipeline_seconds = time.perf_counter() - start
    log("spaCy's full pipeline alone over the same text")
    spacy_seconds = time_spacy([a["text"] for a in articles], workers=workers)
    return BenchResult(
        articles=len(articles),
        words=words,
        workers=workers,
        pipeline_seconds=pipeline_seconds,
        spacy_seconds=spacy_seconds,
        peak_memory_mb=_peak_memory_mb(),
        events=summary.events,
    )
