"""Plain-text pages: the article is the page up to its comment thread."""

from __future__ import annotations

from dateline.ingest.comments import split_comments
from dateline.ingest.document import make_document
from dateline.ingest.lexicon import Lexicon
from dateline.records import Document, Failure


def document_from_text(
    text: str, *, name: str, source: str, lexicon: Lexicon | None = None
) -> Document | Failure:
    """The Document of one plain-text page; its text is a prefix of ``text``."""
    article, comments = split_comments(text, lexicon=lexicon)
    return make_document(article, name=name, source=source, comments=comments)
