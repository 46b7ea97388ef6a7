"""Turn records into JSON-ready dicts and back, driven by their type hints.

Written by hand because the records are frozen dataclasses with nested records,
tuples and dates; a schema library would mean defining every record twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from functools import cache
from typing import Any

from dateline import records


def to_data(value: Any) -> Any:
    """A record (or anything inside one) as plain JSON-compatible data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def from_data(cls: type, data: Any) -> Any:
    """Rebuild a record of type ``cls`` from what :func:`to_data` produced."""
    return _build(cls, data)


def _build(hint: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _build(inner[0], data) if len(inner) == 1 else data
    if origin is tuple:
        args = typing.get_args(hint)
        item = args[0] if args else Any
        return tuple(_build(item, v) for v in data)
    if dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        known = {f.name for f in dataclasses.fields(hint)}
        return hint(**{k: _build(hints[k], v) for k, v in data.items() if k in known})
    if hint is dt.date and isinstance(data, str):
        return dt.date.fromisoformat(data)
    return data
