"""One JSON error shape for every error the API answers: ``{"error": {"code", "message"}}``.

Validation errors add ``details`` (where in the request, and what is wrong); the
shape is pinned by a test so clients can rely on it.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline.errors import DatelineError

log = logging.getLogger(__name__)

# HTTP status -> the code clients see when the error carries no code of its own.
STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An error answered as JSON with a status, a stable code and a message."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or STATUS_CODES.get(status, "error")
        self.message = message
        self.headers = headers


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    """The body of every error response."""
    error: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        error["details"] = details
    return {"error": error}


def _respond(
    status: int, code: str, message: str, *, details: Any = None, headers: Any = None
) -> JSONResponse:
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


def api_error_response(exc: ApiError) -> JSONResponse:
    return _respond(exc.status, exc.code, exc.message, headers=exc.headers)


async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
    return api_error_response(exc)


async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = STATUS_CODES.get(exc.status_code, "error")
    return _respond(exc.status_code, code, str(exc.detail), headers=exc.headers)


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    details = [
        {"loc": [str(part) for part in e.get("loc", ())], "msg": e.get("msg", "")}
        for e in exc.errors()
    ]
    first = details[0] if details else {"loc": [], "msg": "invalid request"}
    message = f"{'.'.join(first['loc'])}: {first['msg']}" if first["loc"] else first["msg"]
    return _respond(422, "invalid_request", message, details=details)


async def _dateline_error(_request: Request, exc: DatelineError) -> JSONResponse:
    return _respond(503, exc.code, str(exc))


def internal_error_response(exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return _respond(500, "internal_error", "internal server error")


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    # The one broad catch: the last boundary before the client, so the answer
    # keeps the error shape; the traceback goes to the log, never to the client.
    return internal_error_response(exc)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(DatelineError, _dateline_error)
    app.add_exception_handler(Exception, _unexpected)
