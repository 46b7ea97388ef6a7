"""JSON Lines inputs: one document a line, ``id`` and ``text`` or ``html`` required.

Optional fields: ``published`` (ISO date), ``title``, ``url``, ``source`` (the
outlet). A bad line is reported by its number and the rest of the file goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from dateline.ingest.comments import split_comments
from dateline.ingest.document import make_document
from dateline.ingest.html import document_from_html
from dateline.ingest.lexicon import Lexicon
from dateline.records import Document, Failure


def _text_field(row: Mapping[str, Any], key: str) -> str | None:
    value = row.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _published(value: Any) -> dt.date | None:
    """An ISO date (or date-time) string, or a date, as a date; anything else as None."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:  # not an ISO date: the text's own date line is used instead
        return None


def document_from_row(
    row: Mapping[str, Any], *, source: str, lexicon: Lexicon | None = None
) -> Document | Failure:
    """The Document of one input row (a JSON Lines line, or a document posted to the API).

    ``source`` is where the row came from, used when it gives no ``url``. A Failure
    is named by the row's ``id`` (or ``source`` when it has none).
    """
    doc_id = row.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        return Failure(name=source, code="E007", reason="row has no 'id'")
    text, html = _text_field(row, "text"), _text_field(row, "html")
    if text is None and html is None:
        return Failure(name=doc_id, code="E007", reason="row has no 'text' or 'html'")
    url = _text_field(row, "url")
    published = _published(row.get("published"))
    if text is not None:
        article, comments = split_comments(text, lexicon=lexicon)
        result = make_document(article, name=doc_id, source=url or source, comments=comments)
    else:
        result = document_from_html(html, name=doc_id, source=url or source, lexicon=lexicon)
    if isinstance(result, Failure):
        return result
    return dataclasses.replace(
        result,
        title=_text_field(row, "title") or result.title,
        outlet=_text_field(row, "source") or result.outlet,
        url=url or result.url,
        published=published or result.published,
        published_from="metadata" if published else result.published_from,
    )


def document_from_line(
    line: str, *, name: str, number: int, path: str, lexicon: Lexicon | None = None
) -> Document | Failure:
    """The Document of line ``number`` of the JSON Lines file ``name`` at ``path``.

    A Failure names the file and the line.
    """
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return Failure(name=name, code="E006", reason=f"invalid JSON: {error.msg}", row=number)
    if not isinstance(row, dict):
        return Failure(name=name, code="E006", reason="row is not a JSON object", row=number)
    result = document_from_row(row, source=path, lexicon=lexicon)
    if isinstance(result, Failure):
        reason = result.reason if result.name == path else f"{result.name}: {result.reason}"
        return dataclasses.replace(result, name=name, row=number, reason=reason)
    return result
