"""One registry pattern for pluggable parts (exporters, input readers).

Built-in parts register through the same decorator a third party would use,
so a user's plug-in is a first-class citizen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Registry:
    """Named functions of one kind, e.g. ``exporters.get("csv")``."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, Callable[..., Any]] = {}

    def register(self, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
            self._items[name] = func
            return func

        return decorate

    def get(self, name: str) -> Callable[..., Any]:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items))
            raise KeyError(f"unknown {self.kind} {name!r}; known: {known}") from None

    def names(self) -> list[str]:
        return sorted(self._items)


exporters = Registry("export format")
