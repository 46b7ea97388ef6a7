"""The whole flow, composed: ingest -> extract -> resolve -> store -> reconcile.

The map step (extract + resolve) is per document and runs in a process pool
with the spaCy pipeline loaded once per worker; the reduce step (reconcile)
runs over every mention in the ledger, so the result does not depend on the
order or the batches in which documents arrived.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from dateline.extract import extract_documents, load_nlp
from dateline.ingest import read_paths
from dateline.ingest.duplicates import find_near_duplicates, propagate_dates
from dateline.ingest.readers import DEFAULT_MAX_BYTES
from dateline.reconcile import reconcile
from dateline.records import Document, Failure, Mention
from dateline.resolve import resolve_mentions
from dateline.store import Ledger

log = logging.getLogger(__name__)

# Below this many new documents, starting worker processes (each loading the
# model, ~1 s) costs more than it saves.
MIN_DOCS_FOR_POOL = 16
CHUNK_SIZE = 8

_worker_nlp = None


@dataclass
class RunSummary:
    read: int = 0
    new: int = 0
    unchanged: int = 0
    mentions: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def __str__(self) -> str:
        return (
            f"{self.read + self.failed} documents, {self.failed} failed "
            f"({self.new} new, {self.unchanged} unchanged); "
            f"{self.mentions} mentions, {self.events} events in the ledger"
        )


def map_documents(docs: Sequence[Document], nlp=None) -> list[list[Mention]]:
    """Extract and resolve the mentions of each document, in order."""
    nlp = nlp or load_nlp()
    found = extract_documents(docs, nlp)
    return [resolve_mentions(doc, mentions) for doc, mentions in zip(docs, found, strict=True)]


def _init_worker() -> None:
    global _worker_nlp
    _worker_nlp = load_nlp()


def _map_chunk(docs: list[Document]) -> list[list[Mention]]:
    return map_documents(docs, _worker_nlp)


def _chunks(docs: Sequence[Document], size: int) -> Iterator[list[Document]]:
    for i in range(0, len(docs), size):
        yield list(docs[i : i + size])


def run_map(
    docs: Sequence[Document], *, workers: int | None = None
) -> Iterator[tuple[Document, list[Mention]]]:
    """Yield each document with its resolved mentions; a pool when it pays off."""
    workers = workers if workers is not None else max(1, (os.cpu_count() or 1))
    chunks = list(_chunks(docs, CHUNK_SIZE))
    if workers <= 1 or len(docs) < MIN_DOCS_FOR_POOL:
        nlp = load_nlp()
        for chunk in chunks:
            yield from zip(chunk, map_documents(chunk, nlp), strict=True)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        for chunk, result in zip(chunks, pool.map(_map_chunk, chunks), strict=True):
            yield from zip(chunk, result, strict=True)


def ingest_documents(
    ledger: Ledger,
    docs: Iterable[Document],
    *,
    workers: int | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> RunSummary:
    """Add documents to the ledger and re-reconcile it; documents already there are skipped."""
    summary = RunSummary()
    known = ledger.document_ids()
    batch: dict[str, Document] = {}
    for doc in docs:
        summary.read += 1
        if doc.id in known or doc.id in batch:
            summary.unchanged += 1
            if on_document:
                on_document(doc)
        else:
            batch[doc.id] = doc
    stored = {d.id: d for d in ledger.documents()}
    dated = propagate_dates([*stored.values(), *batch.values()])
    # A stored document whose date was only now learned (from a copy re-posted
    # elsewhere) is mapped again, so the ledger does not depend on arrival order.
    redo = [d for d in dated if d.id in stored and d.published != stored[d.id].published]
    new_docs = [d for d in dated if d.id in batch]
    for doc, mentions in run_map([*redo, *new_docs], workers=workers):
        if doc.id in stored:
            ledger.replace_document(doc, mentions)
            continue
        ledger.add_document(doc, mentions)
        summary.new += 1
        if on_document:
            on_document(doc)
    duplicates = find_near_duplicates(dated)
    mentions = ledger.mentions()
    summary.events = ledger.replace_events(reconcile(mentions, duplicates=duplicates))
    summary.mentions = len(mentions)
    return summary


def run(
    paths: Iterable[str | Path],
    *,
    db: str | Path,
    workers: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_document: Callable[[Document], None] | None = None,
) -> RunSummary:
    """Ingest files and folders into the ledger at ``db``; bad inputs become failures."""
    failures: list[Failure] = []

    def documents() -> Iterator[Document]:
        for item in read_paths(paths, max_bytes=max_bytes):
            if isinstance(item, Failure):
                log.warning("%s", item)
                failures.append(item)
            else:
                yield item

    summary = ingest_documents(Ledger(db), documents(), workers=workers, on_document=on_document)
    summary.failures = failures
    return summary
