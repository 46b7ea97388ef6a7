"""A time limit on every SQL statement the API runs, so one costly query cannot hog it.

SQLite has no statement timeout; as datasette does, a progress handler checks the
clock every few thousand virtual-machine steps and interrupts a statement that ran
past its deadline (the client gets a 503 ``query_timeout``). The deadline is reset
before each statement and lifted when the connection returns to the pool.
"""

from __future__ import annotations

import math
import time
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError

from dateline.api.errors import ApiError, api_error_response, internal_error_response

DEFAULT_QUERY_TIME_LIMIT_S = 2.0
PROGRESS_STEPS = 5000  # SQLite VM steps between clock checks (a few microseconds each)
_DEADLINE = "dateline_deadline"


def install_time_limit(engine: Engine, seconds: float) -> None:
    """Interrupt any statement on ``engine`` that runs longer than ``seconds`` (SQLite)."""
    if engine.dialect.name != "sqlite":
        return  # PostgreSQL: set statement_timeout on the server or in the URL

    @event.listens_for(engine, "connect")
    def _watch(dbapi_connection: Any, record: Any) -> None:
        deadline = [math.inf]
        record.info[_DEADLINE] = deadline
        dbapi_connection.set_progress_handler(
            lambda: time.monotonic() > deadline[0], PROGRESS_STEPS
        )

    @event.listens_for(engine, "before_cursor_execute")
    def _start(conn: Any, *_args: Any) -> None:
        conn.connection.info[_DEADLINE][0] = time.monotonic() + seconds

    @event.listens_for(engine, "checkin")
    def _lift(_dbapi_connection: Any, record: Any) -> None:
        if _DEADLINE in record.info:
            record.info[_DEADLINE][0] = math.inf


def install_timeout_handler(app: FastAPI, seconds: float) -> None:
    """Answer an interrupted statement as a 503 ``query_timeout`` in the error shape."""

    async def database_error(_request: Request, exc: OperationalError) -> JSONResponse:
        if "interrupted" not in str(exc.orig):
            return internal_error_response(exc)
        message = f"the query took longer than {seconds:g} s: narrow the filters"
        return api_error_response(ApiError(503, message, code="query_timeout"))

    app.add_exception_handler(OperationalError, database_error)
