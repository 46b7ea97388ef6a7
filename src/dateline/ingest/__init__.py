"""Ingest: files, folders, HTML and JSON Lines in; Documents (comments kept apart) out."""

from dateline.ingest.comments import split_comments
from dateline.ingest.jsonl import document_from_row
from dateline.ingest.lexicon import Lexicon, load_lexicon
from dateline.ingest.readers import DEFAULT_MAX_BYTES, example_corpus, read_paths

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Lexicon",
    "document_from_row",
    "example_corpus",
    "load_lexicon",
    "read_paths",
    "split_comments",
]
