"""Run extract + resolve over development-set texts, and measure trigger depth.

The development sets give bare texts (a sentence, a headline, an article
rebuilt from tokens), so documents are built here and mapped by the
pipeline's own ``map_documents`` (extract, then resolve).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc

from dateline.extract import COMPONENTS
from dateline.ingest.document import document_id
from dateline.records import Document, Mention, Span

BATCH_SIZE = 64


def make_doc(text: str, *, name: str, published: dt.date | None = None) -> Document:
    return Document(id=document_id(text), name=name, source=name, text=text, published=published)


def _depths(spacy_doc: SpacyDoc) -> dict[int, int]:
    """Arcs from each token (keyed by its start offset) to its sentence root."""
    return {token.idx: sum(1 for _ in token.ancestors) for token in spacy_doc}


def token_depths(texts: Sequence[str], nlp: Language) -> list[dict[int, int]]:
    """Dependency depth per token of each text, with the model's parser only."""
    skip = [name for name in nlp.pipe_names if name in COMPONENTS or name == "ner"]
    return [_depths(d) for d in nlp.pipe(texts, disable=skip, batch_size=BATCH_SIZE)]


def span_depth(span: Span, depths: dict[int, int]) -> int:
    """The depth of the root-most token inside ``span`` (0 when none is known)."""
    inside = [d for start, d in depths.items() if span.start <= start < span.end]
    return min(inside, default=0)


def main_mention(mentions: Sequence[Mention], depths: dict[int, int]) -> Mention | None:
    """The mention whose trigger is root-most (``depths``: token start -> arcs to its root).

    A sentence can yield several mentions; its main event is the one nearest the
    root of the parse (a lede's main verb), the first in text order on a tie.
    """
    if not mentions:
        return None
    return min(mentions, key=lambda m: (span_depth(m.trigger, depths), m.trigger.start))
