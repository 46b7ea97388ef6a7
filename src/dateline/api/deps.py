"""Request-scoped access to the ledger: one read-only connection per request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Connection, Engine


async def get_engine(request: Request) -> Engine:
    # async: FastAPI runs a sync dependency in the thread pool, a hop this lookup needn't pay
    return request.app.state.engine


def connection(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Connection]:
    with engine.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]
EngineDep = Annotated[Engine, Depends(get_engine)]
