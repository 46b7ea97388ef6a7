"""SQL functions the dialects spell differently, as SQLAlchemy constructs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class floor_nonneg(FunctionElement[int]):  # noqa: N801 - reads like the SQL function it is
    """FLOOR of a non-negative number, as an integer.

    SQLite has FLOOR only when built with its math functions; for x >= 0 a cast to
    INTEGER truncates to the same value, so SQLite gets the cast.
    """

    type = Integer()
    inherit_cache = True
    name = "floor_nonneg"


@compiles(floor_nonneg)
def _floor_default(element: floor_nonneg, compiler: Any, **kw: Any) -> str:
    return f"FLOOR({compiler.process(element.clauses, **kw)})"


@compiles(floor_nonneg, "sqlite")
def _floor_sqlite(element: floor_nonneg, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS INTEGER)"
