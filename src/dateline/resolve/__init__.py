"""Resolve: actor spans to Actors, place spans to Places, date expressions to dates.

Public API (the pipeline and CLI call these): ``resolve_mentions``, ``geoparse``,
``resolve_actor``, ``resolve_place``, ``import_geonames_dump``.
"""

from dateline.resolve.actors import resolve_actor
from dateline.resolve.context import ResolveContext, build_context
from dateline.resolve.gazetteer import import_geonames_dump
from dateline.resolve.geoparse import geoparse
from dateline.resolve.mentions import document_context, resolve_mentions
from dateline.resolve.places import resolve_place

__all__ = [
    "ResolveContext",
    "build_context",
    "document_context",
    "geoparse",
    "import_geonames_dump",
    "resolve_actor",
    "resolve_mentions",
    "resolve_place",
]
