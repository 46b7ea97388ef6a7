"""Build a Document from an article body: content-hash id, headline, publication date."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from dateline.ingest.datelines import find_dateline, find_wire_outlet, strip_dateline
from dateline.records import Comment, Document, Failure

ID_HEX_DIGITS = 16
# A first line longer than this, or ending like a sentence, is a lede, not a headline.
TITLE_MAX_CHARS = 200
_SENTENCE_END = ".,;:"
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """``text`` in NFKC form with runs of whitespace made one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def document_id(text: str) -> str:
    """The first hex digits of the sha256 of the normalised ``text``: same article, same id."""
    digest = hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()
    return digest[:ID_HEX_DIGITS]


def headline(text: str) -> str | None:
    """The first line of ``text`` if it reads as a headline, else None."""
    lines = text.strip().splitlines()
    if len(lines) < 2:
        return None
    first = lines[0].strip()
    first = strip_dateline(first)  # "Headline    June 24, 2014": the date is not the title
    if not first or len(first) > TITLE_MAX_CHARS or first[-1] in _SENTENCE_END:
        return None
    return first


def make_document(
    text: str,
    *,
    name: str,
    source: str,
    comments: tuple[Comment, ...] = (),
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
) -> Document | Failure:
    """A Document for the article ``text``; metadata given wins over what the text says.

    Fails with E010 when no article text is left.
    """
    if not text.strip():
        return Failure(name=name, code="E010", reason="no article text before the comments")
    published_from = "metadata" if published else None
    if published is None:
        published = find_dateline(text)
        published_from = "dateline" if published else None
    return Document(
        id=document_id(text),
        name=name,
        source=source,
        text=text,
        title=title or headline(text),
        outlet=outlet or find_wire_outlet(text),
        url=url or None,
        published=published,
        published_from=published_from,
        comments=comments,
    )
