"""Run the app with uvicorn (the CLI's ``dateline serve`` calls this)."""

from __future__ import annotations

from collections.abc import Sequence

import uvicorn

from dateline.api.app import create_app


def serve(
    db: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    cors_origins: Sequence[str] = (),
) -> None:
    """Serve the API and dashboard over ``db`` until interrupted (loopback by default)."""
    app = create_app(db, token=token, cors_origins=cors_origins)
    uvicorn.run(app, host=host, port=port, log_level="info")
