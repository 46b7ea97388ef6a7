"""The dashboard in a real browser: Playwright drives Debian's chromium against uvicorn.

These tests fail (never skip) when chromium is missing: `.ci/run` installs it with
apt. Deselect them locally with `-m "not browser"`.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn
from test_api_fixtures import XSS_IMG, XSS_SCRIPT, XSS_URL, build_ledger

from dateline.api import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
VIEWPORT = {"width": 1500, "height": 950}
WAIT_MS = 15000
SERVER_START_S = 10


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    path = build_ledger(tmp_path_factory.mktemp("dashboard") / "ledger.db")
    port = _free_port()
    config = uvicorn.Config(create_app(str(path)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_S
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(SERVER_START_S)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); "
            "to skip browser tests locally, deselect them with -m 'not browser'"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # Playwright's waits evaluate script, which the page's CSP forbids; bypassing it
    # also proves the escaping holds on its own, without the CSP's backing.
    context = browser.new_context(viewport=VIEWPORT, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.dialogs = []
    page.errors = []

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def load(page, url):
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", state="attached")


def test_dashboard_shows_an_events_sources_and_contradictions(page, server_url):
    load(page, server_url + "/")
    page.wait_for_selector(".event-row")
    page.wait_for_selector(".leaflet-marker-icon.cluster, path.event-marker")
    page.wait_for_selector(".vis-item")
    page.wait_for_function("document.getElementById('network-status').textContent.length > 0")
    # One filter drives the map, the timeline, the network and the list.
    page.fill("input[name=q]", "market")
    marker = page.wait_for_selector('path.event-marker[data-event-id="ev-mosul"]')
    page.wait_for_function("document.querySelectorAll('#timeline [data-event-id]').length === 1")
    page.wait_for_function("document.querySelectorAll('.event-row').length === 1")
    assert "1 of 1 actor links" in page.text_content("#network-status")
    assert page.get_attribute("#download-csv", "href") == "/events.csv?q=market"

    marker.click()
    page.wait_for_function("document.querySelectorAll('.mention').length === 2")
    assert page.text_content("#event-title") == "Syria military → Iraq civilians"
    names = [n.text_content() for n in page.query_selector_all(".source-name")]
    assert names == ["Example Wire", "Daily Dispatch"]
    assert [m.text_content() for m in page.query_selector_all("mark.trigger")] == ["bombed"] * 2
    flagged = page.text_content(".contradictions")
    assert "Sources disagree" in flagged and "fatalities: 12 (a.txt) vs 15 (b.txt)" in flagged
    claims = page.text_content(".mentions")
    assert "according to local officials" in claims and "according to medics" in claims
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"))

    page.click(".doc-link >> nth=0")
    page.wait_for_selector("#document-view:not([hidden])")
    assert page.text_content("#document-title") == "Market bombed in Mosul"
    link = page.get_attribute("#document-meta a", "href")
    assert link == "https://news.example/mosul-market"
    assert page.text_content("#document-text").startswith("Syrian jets bombed")
    assert "praying for Mosul" not in page.text_content("#document-text")
    assert "praying for Mosul" in page.text_content("#document-comments")
    assert len(page.query_selector_all("#document-text mark.evidence")) == 2
    current = page.text_content("#document-text mark.evidence.current")
    assert current.startswith("Syrian jets bombed")  # the event's own sentence stands out
    page.screenshot(path=str(ARTIFACTS / "dashboard-document.png"))
    page.keyboard.press("Escape")
    page.wait_for_selector("#document-view", state="hidden")

    # The timeline's window becomes the date filter of every view.
    page.fill("input[name=q]", "")
    page.wait_for_function("document.querySelectorAll('#timeline [data-event-id]').length > 1")
    page.evaluate("state.timeline.setWindow('2014-06-09', '2014-06-12', {animation: false})")
    page.click("#timeline-window")
    assert page.input_value("input[name=since]") == "2014-06-09"
    assert page.input_value("input[name=until]") == "2014-06-12"
    window = {"since": "2014-06-09", "until": "2014-06-12", "limit": 1000}
    expected = len(httpx.get(server_url + "/events", params=window).json()["items"])
    assert expected >= 2  # the Mosul and Tikrit events at least
    page.wait_for_function(
        f"document.querySelectorAll('#timeline [data-event-id]').length === {expected}"
    )
    assert f"{expected} events matching" in page.text_content("#stats")
    assert page.errors == []


def test_untrusted_text_is_shown_as_inert_text(page, server_url):
    load(page, server_url + "/#event/ev-xss")
    page.wait_for_selector(".mention .sentence")
    sentence = page.text_content(".mention .sentence")
    assert XSS_SCRIPT in sentence and XSS_IMG in sentence
    assert page.text_content("#event-title") == f"Gunmen {XSS_IMG} → Iraq civilians"
    assert XSS_IMG in page.text_content(".contradictions")
    assert XSS_SCRIPT in page.text_content(".facts")  # the place name

    page.click(".doc-link")
    page.wait_for_selector("#document-view:not([hidden])")
    assert page.text_content("#document-title") == f"Title {XSS_IMG}"
    assert XSS_SCRIPT in page.text_content("#document-meta")
    assert XSS_URL in page.text_content("#document-meta")
    assert page.query_selector("#document-meta a") is None  # a javascript: URL is no link
    assert XSS_SCRIPT in page.text_content("#document-text")
    comments = page.text_content("#document-comments")
    assert XSS_SCRIPT in comments and XSS_IMG in comments
    page.keyboard.press("Escape")
    page.wait_for_selector("#document-view", state="hidden")
    page.click(".back")  # from the event back to the list of events

    page.fill("input[name=actor]", "Gunmen")
    page.hover('path.event-marker[data-event-id="ev-xss"]')
    assert XSS_IMG in page.text_content(".leaflet-tooltip")
    page.wait_for_function("document.querySelectorAll('.event-row').length === 1")
    assert XSS_IMG in page.text_content(".event-row")

    injected = page.evaluate(
        "document.querySelectorAll('main img, main script, #document-view img,"
        " #document-view script').length"
    )
    assert injected == 0
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    assert page.errors == []
