"""POST /documents: the only write, allowed only with the configured bearer token.

Order of checks: ingest enabled (403), token (401), media type (415), size (413, read
in chunks so an oversized body is never held whole), JSON (400), fields (422).
The body is one document or a list of them, in the JSON Lines input's shape
(design.md): ``id``, ``text`` or ``html``, optional ``published``, ``title``, ``url``,
``source``.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from dateline.api.errors import ApiError
from dateline.ingest import document_from_row
from dateline.records import Document, Failure
from dateline.store import Ledger

DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_DOCUMENTS_PER_REQUEST = 100
API_SOURCE = "api"  # Document.source of a posted document with no URL


class DocumentIn(BaseModel):
    """One document to ingest, as a JSON Lines input row gives it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    text: str | None = Field(default=None, min_length=1)
    html: str | None = Field(default=None, min_length=1)
    published: dt.date | None = None
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)

    @model_validator(mode="after")
    def _has_body(self) -> DocumentIn:
        if not self.text and not self.html:
            raise ValueError("one of text or html is required")
        return self


BODY = TypeAdapter(DocumentIn | list[DocumentIn])

router = APIRouter(tags=["ingest"])


def _authorise(request: Request) -> None:
    token: str | None = request.app.state.token
    if not token:
        raise ApiError(403, "ingest is disabled: the server has no token configured")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(
            401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )


async def _read_limited(request: Request, max_bytes: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise ApiError(413, f"body is larger than {max_bytes} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise ApiError(413, f"body is larger than {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _parse(body: bytes) -> list[DocumentIn]:
    try:
        payload = json.loads(body)
    except ValueError as e:
        raise ApiError(400, f"body is not valid JSON: {e}", code="invalid_json") from e
    try:
        parsed = BODY.validate_python(payload)
    except ValidationError as e:
        raise RequestValidationError(e.errors()) from e
    docs = parsed if isinstance(parsed, list) else [parsed]
    if not docs or len(docs) > MAX_DOCUMENTS_PER_REQUEST:
        raise ApiError(422, f"send 1 to {MAX_DOCUMENTS_PER_REQUEST} documents per request")
    return docs


def to_document(row: DocumentIn) -> Document | Failure:
    """The posted row as a Document, by the same rules as a JSON Lines input row
    (reader comments split off by markup in HTML, by their signals in text)."""
    return document_from_row(row.model_dump(), source=row.url or API_SOURCE)


def _ingest(db: str, rows: list[DocumentIn]) -> dict[str, Any]:
    built = [(row, to_document(row)) for row in rows]
    docs = [doc for _, doc in built if isinstance(doc, Document)]
    failures = [
        {"id": row.id, "code": doc.code, "reason": doc.reason}
        for row, doc in built
        if isinstance(doc, Failure)
    ]
    # Imported here: the pipeline loads the NLP stack, which a read-only server never needs.
    from dateline.pipeline import ingest_documents

    # One process: the server must not fork a worker pool per request.
    summary = ingest_documents(Ledger(db), docs, workers=1) if docs else None
    return {
        "documents": [{"id": row.id, "document": doc.id} for row, doc in built if doc in docs],
        "new": summary.new if summary else 0,
        "unchanged": summary.unchanged if summary else 0,
        "events": summary.events if summary else None,
        "failures": failures,
    }


@router.post("/documents", status_code=201)
async def post_documents(request: Request) -> Any:
    """Ingest documents into the ledger (bearer token required; size-limited)."""
    _authorise(request)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise ApiError(415, "send the documents as application/json")
    docs = _parse(await _read_limited(request, request.app.state.max_upload_bytes))
    return await run_in_threadpool(_ingest, request.app.state.db, docs)
