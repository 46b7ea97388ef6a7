"""Take a screenshot of the dashboard over a ledger (for the README and for reviews).

    python -m dateline.web.screenshot LEDGER OUT.png [--event ID]

Serves the ledger on loopback, drives Debian's chromium through Playwright (the
``playwright`` package from the test extra; never ``playwright install``) and saves
the page, optionally with one event opened in the side panel.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn

from dateline.api import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
)  # fmt: skip
VIEWPORT = {"width": 1600, "height": 1000}
SETTLE_S = 2.0  # layouts (network, timeline, map clusters) finish after the data arrives
START_TIMEOUT_S = 10


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def capture(db: str, out: str | Path, *, event_id: str | None = None) -> Path:
    """Save a PNG of the dashboard over ``db`` at ``out``; returns the path."""
    from playwright.sync_api import sync_playwright  # test extra: only this tool needs it

    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    target = Path(out)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS)
            )
            page = browser.new_page(viewport=VIEWPORT)
            fragment = f"#event/{event_id}" if event_id else ""
            page.goto(f"http://127.0.0.1:{port}/{fragment}")
            page.wait_for_selector("body[data-ready=true]", state="attached")
            page.wait_for_selector(".mention" if event_id else ".event-row")
            time.sleep(SETTLE_S)
            target.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(target))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(START_TIMEOUT_S)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="the ledger (path or SQLAlchemy URL)")
    parser.add_argument("out", help="where to save the PNG")
    parser.add_argument("--event", help="open this event's sources in the side panel")
    args = parser.parse_args()
    capture(args.db, args.out, event_id=args.event)


if __name__ == "__main__":
    main()
