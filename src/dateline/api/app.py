"""The FastAPI application over one ledger: read-only API, optional ingest, the dashboard."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from dateline import __version__
from dateline.api import actors, aggregates, events, ingest, ledger_views, network
from dateline.api.errors import install_error_handlers
from dateline.api.limits import (
    DEFAULT_QUERY_TIME_LIMIT_S,
    install_time_limit,
    install_timeout_handler,
)
from dateline.store.ledger import open_engine
from dateline.web import INDEX_HTML, STATIC_DIR

# The dashboard loads nothing from elsewhere and runs no inline script; inline
# styles stay allowed because Leaflet and vis-timeline set them.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        b"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        b"frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """Pure ASGI middleware (no per-request task overhead, streams untouched)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(
    db: str,
    *,
    token: str | None = None,
    cors_origins: Sequence[str] = (),
    max_upload_bytes: int = ingest.DEFAULT_MAX_UPLOAD_BYTES,
    query_time_limit: float = DEFAULT_QUERY_TIME_LIMIT_S,
) -> Any:
    """The API and dashboard over the ledger at ``db`` (a path or SQLAlchemy URL).

    The API reads through a read-only connection; ``POST /documents`` writes only when
    ``token`` is set and given as a bearer token. CORS is off unless ``cors_origins``.
    A statement running past ``query_time_limit`` seconds is interrupted (503).
    """
    app = FastAPI(
        title="dateline",
        version=__version__,
        description="An evidence-backed ledger of conflict events from news reports.",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; /openapi.json is served
        redoc_url=None,
    )
    app.state.db = db
    app.state.engine = open_engine(db, read_only=True)
    install_time_limit(app.state.engine, query_time_limit)
    app.state.token = token
    app.state.max_upload_bytes = max_upload_bytes
    install_error_handlers(app)
    install_timeout_handler(app, query_time_limit)
    # aggregates before events: /events/summary must not be taken for /events/{event_id}
    for module in (aggregates, events, actors, network, ledger_views, ingest):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(INDEX_HTML)

    app.add_middleware(SecurityHeaders)
    if cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    return app
