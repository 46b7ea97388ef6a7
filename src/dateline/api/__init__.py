"""The HTTP API and dashboard over a ledger: ``create_app`` for tests and embedding,
``serve`` for ``dateline serve``."""

from dateline.api.app import create_app
from dateline.api.errors import ApiError, error_body
from dateline.api.server import serve

__all__ = ["ApiError", "create_app", "error_body", "serve"]
