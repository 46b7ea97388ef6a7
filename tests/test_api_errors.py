"""One JSON error shape for every error; ingest guarded by token and size; a read-only API."""

from __future__ import annotations

import hashlib
import json
import sys
import types

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, text
from sqlalchemy.exc import OperationalError
from test_api_fixtures import build_ledger

from dateline.api import create_app, error_body, limits
from dateline.records import Document
from dateline.store import Ledger
from dateline.store.schema import sources

TOKEN = "s3cret-token"
MAX_BYTES = 2000


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory):
    return build_ledger(tmp_path_factory.mktemp("errors") / "ledger.db", sample_events=5)


@pytest.fixture(scope="module")
def client(ledger_path):
    with TestClient(create_app(str(ledger_path))) as c:
        yield c


@pytest.fixture
def writable(tmp_path):
    """An app with ingest enabled, over its own ledger (posts write to it)."""
    path = build_ledger(tmp_path / "ledger.db", sample_events=0)
    app = create_app(str(path), token=TOKEN, max_upload_bytes=MAX_BYTES)
    with TestClient(app) as c:
        yield c, path


def assert_error_shape(response, status, code):
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) <= {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


def test_error_body_is_the_pinned_shape():
    assert error_body("not_found", "no such thing") == {
        "error": {"code": "not_found", "message": "no such thing"}
    }
    assert error_body("invalid_request", "bad", [{"loc": ["q"], "msg": "x"}]) == {
        "error": {
            "code": "invalid_request",
            "message": "bad",
            "details": [{"loc": ["q"], "msg": "x"}],
        }
    }


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/no/such/route", 404, "not_found"),
        ("GET", "/events/missing", 404, "not_found"),
        ("GET", "/actors/missing", 404, "not_found"),
        ("GET", "/documents/missing", 404, "not_found"),
        ("GET", "/events?limit=5000", 422, "invalid_request"),
        ("GET", "/events?cursor=!!!", 400, "invalid_cursor"),
        ("DELETE", "/events", 405, "method_not_allowed"),
        ("POST", "/documents", 403, "forbidden"),
    ],
)
def test_every_error_has_the_same_shape(client, method, path, status, code):
    assert_error_shape(client.request(method, path), status, code)


def test_validation_errors_say_where(client):
    error = assert_error_shape(client.get("/events?limit=abc"), 422, "invalid_request")
    assert error["details"][0]["loc"] == ["query", "limit"]
    assert "limit" in error["message"]


# -- ingest -------------------------------------------------------------------------


def post(c, body, *, token=TOKEN, content_type="application/json"):
    headers = {"Content-Type": content_type}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return c.post("/documents", content=data, headers=headers)


def test_ingest_is_forbidden_without_a_configured_token(client):
    error = assert_error_shape(post(client, {"id": "x", "text": "t"}), 403, "forbidden")
    assert "token" in error["message"]


@pytest.mark.parametrize("token", [None, "wrong-token", TOKEN + "x"])
def test_ingest_needs_the_right_bearer_token(writable, token):
    c, _ = writable
    response = post(c, {"id": "x", "text": "Jets bombed Mosul."}, token=token)
    assert_error_shape(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


def test_ingest_refuses_a_body_over_the_size_limit(writable):
    c, _ = writable
    big = {"id": "big", "text": "Jets bombed Mosul. " * 200}
    assert_error_shape(post(c, big), 413, "payload_too_large")

    def chunks():  # no Content-Length: the limit holds while reading
        for _ in range(10):
            yield b" " * 500

    response = c.post(
        "/documents",
        content=chunks(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert_error_shape(response, 413, "payload_too_large")


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code"),
    [
        (b"{not json", "application/json", 400, "invalid_json"),
        ({"id": "x"}, "application/json", 422, "invalid_request"),
        ({"text": "no id"}, "application/json", 422, "invalid_request"),
        ({"id": "x", "text": "t", "evil": 1}, "application/json", 422, "invalid_request"),
        ({"id": "x", "text": "t", "published": "June"}, "application/json", 422, "invalid_request"),
        ([], "application/json", 422, "invalid_request"),
        ({"id": "x", "text": "t"}, "text/plain", 415, "unsupported_media_type"),
    ],
)
def test_ingest_refuses_bad_bodies_in_the_error_shape(writable, body, content_type, status, code):
    c, path = writable
    before = Ledger(path, read_only=True).counts()
    assert_error_shape(post(c, body, content_type=content_type), status, code)
    assert Ledger(path, read_only=True).counts() == before


@pytest.fixture
def fake_pipeline(monkeypatch):
    """Stands in for dateline.pipeline (the NLP stack) and records what the API hands it."""
    calls = []

    def ingest_documents(ledger, docs, *, workers=None):
        docs = list(docs)
        calls.append((ledger, docs, workers))
        for doc in docs:
            ledger.add_document(doc, [])
        return types.SimpleNamespace(new=len(docs), unchanged=0, events=0)

    module = types.ModuleType("dateline.pipeline")
    module.ingest_documents = ingest_documents
    monkeypatch.setitem(sys.modules, "dateline.pipeline", module)
    return calls


def test_ingest_hands_documents_to_the_pipeline(writable, fake_pipeline):
    c, path = writable
    page = "Jets bombed a bridge near Baiji on Monday.\n\n12 Comments\n\nReader1 says:\nAwful."
    body = [
        {"id": "new-1", "text": page, "published": "2014-06-23", "source": "Wire", "title": "T"},
        {"id": "new-2", "html": "<html><body><p>Troops entered Tikrit at dawn.</p></body></html>"},
    ]
    response = post(c, body)
    assert response.status_code == 201, response.text
    ((_, docs, workers),) = fake_pipeline
    assert workers == 1
    first, second = docs
    assert isinstance(first, Document) and first.name == "new-1" and first.outlet == "Wire"
    assert first.text.startswith("Jets bombed") and "Awful" not in first.text
    assert str(first.published) == "2014-06-23"
    assert "Troops entered Tikrit" in second.text
    answer = response.json()
    assert answer["new"] == 2 and answer["failures"] == []
    assert [d["id"] for d in answer["documents"]] == ["new-1", "new-2"]
    stored = Ledger(path, read_only=True).document(first.id)
    assert stored is not None and stored.text == first.text


def test_ingest_reports_html_with_no_text_as_for_a_file(writable, fake_pipeline):
    c, _ = writable
    response = post(c, {"id": "empty", "html": "<html><body><script>x()</script></body></html>"})
    assert response.status_code == 201
    assert [f["code"] for f in response.json()["failures"]] == ["E005"]
    assert fake_pipeline == []


# -- read-only, CORS, headers, OpenAPI -------------------------------------------------


def test_the_api_connection_cannot_write(ledger_path):
    app = create_app(str(ledger_path))
    with app.state.engine.connect() as conn, pytest.raises(OperationalError, match="readonly"):
        conn.execute(insert(sources).values(name="intruder"))


def test_requests_leave_the_ledger_file_unchanged(client, ledger_path):
    before = hashlib.sha256(ledger_path.read_bytes()).hexdigest()
    for path in ("/events", "/events/ev-mosul", "/actors", "/network", "/places", "/stats",
                 "/events.csv", "/events/summary", "/documents/doc-a"):  # fmt: skip
        assert client.get(path).status_code == 200
    assert hashlib.sha256(ledger_path.read_bytes()).hexdigest() == before


def test_text_filters_are_data_not_sql(client, ledger_path):
    injection = client.get("/events", params={"q": "'; DROP TABLE events; --"})
    assert injection.status_code == 200 and injection.json()["items"] == []
    records = list(Ledger(ledger_path, read_only=True).event_records())
    for wildcard in ("%", "_", "\\", "Fiji"):  # LIKE wildcards match only themselves
        response = client.get("/events", params={"actor": wildcard, "limit": 1000})
        expected = {
            r["id"]
            for r in records
            if any(wildcard in (r[k] or {}).get("name", "") for k in ("actor1", "actor2"))
        }
        assert {i["id"] for i in response.json()["items"]} == expected
        assert len(expected) < len(records)
    ledger = Ledger(ledger_path, read_only=True)
    with ledger.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() > 0


def test_cors_is_off_unless_configured(ledger_path, client):
    origin = {"Origin": "https://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/events", headers=origin).headers
    allowed = create_app(str(ledger_path), cors_origins=["https://elsewhere.example"])
    with TestClient(allowed) as c:
        headers = c.get("/events", headers=origin).headers
        assert headers["access-control-allow-origin"] == "https://elsewhere.example"
        other = c.get("/events", headers={"Origin": "https://evil.example"}).headers
        assert "access-control-allow-origin" not in other


def test_dashboard_and_api_send_a_strict_content_security_policy(client):
    for path in ("/", "/events", "/static/app.js"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert client.get("/").headers["content-type"].startswith("text/html")


def test_openapi_lists_the_endpoints(client):
    spec = client.get("/openapi.json").json()
    for path in ("/events", "/events/{event_id}", "/events.csv", "/events.geojson",
                 "/events.jsonl", "/actors", "/actors/{actor_id}", "/network", "/places",
                 "/documents/{doc_id}", "/stats", "/documents"):  # fmt: skip
        assert path in spec["paths"], path
    page = spec["paths"]["/events"]["get"]["responses"]["200"]["content"]["application/json"]
    assert page["schema"]["$ref"].endswith("EventPage")


def test_a_statement_past_the_time_limit_is_interrupted_with_503(ledger_path, monkeypatch):
    monkeypatch.setattr(limits, "PROGRESS_STEPS", 1)  # check the clock at every step
    with TestClient(create_app(str(ledger_path), query_time_limit=-1)) as slow:
        error = assert_error_shape(slow.get("/events"), 503, "query_timeout")
        assert "narrow the filters" in error["message"]
    with TestClient(create_app(str(ledger_path), query_time_limit=60)) as fine:
        assert fine.get("/events").status_code == 200


def test_a_posted_document_goes_through_the_pipeline_into_the_ledger(writable):
    c, _ = writable
    text = (
        "Government warplanes bombed a crowded market in Mosul on Tuesday, killing 12 "
        "people, police said."
    )
    body = {"id": "posted-1", "text": text, "published": "2014-06-24", "source": "Test Wire"}
    response = post(c, body)
    assert response.status_code == 201, response.text
    answer = response.json()
    assert answer["new"] == 1 and answer["failures"] == []
    doc_id = answer["documents"][0]["document"]
    assert c.get(f"/documents/{doc_id}").json()["text"] == text
    found = [
        m
        for item in c.get("/events", params={"q": "posted-1", "limit": 1000}).json()["items"]
        for m in item["mentions"]
        if m["doc"] == "posted-1"
    ]
    assert found and all(m["text"] in text for m in found)
    assert post(c, body).json()["unchanged"] == 1  # posting it again changes nothing


def test_posted_html_keeps_its_comment_thread_out_of_the_article(writable, fake_pipeline):
    c, _ = writable
    html = (
        "<html><body><article><p>Rebels shelled the town of Douma on Monday, residents "
        "said, and the army answered with air strikes on the outskirts.</p></article>"
        '<div class="comments"><div class="comment"><p>You people never learn!</p></div>'
        "</div></body></html>"
    )
    assert post(c, {"id": "thread", "html": html}).status_code == 201
    ((_ledger, (doc,), _workers),) = fake_pipeline
    assert "Douma" in doc.text and "never learn" not in doc.text
    assert any("never learn" in comment.text for comment in doc.comments)
