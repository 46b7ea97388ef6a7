"""The dashboard: static files (HTML, JS, CSS, vendored libraries) the API serves at /."""

from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"
INDEX_HTML = STATIC_DIR / "index.html"

__all__ = ["INDEX_HTML", "STATIC_DIR"]
