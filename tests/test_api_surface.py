"""Issue 14 items 9, 13 and 20 in the API: repeated posts, bad input as 4xx with a reason, the
security headers on 500s, totals, Location encoding, hostile ids, CORS, read keys, allowed hosts."""
from __future__ import annotations

import warnings

import pytest

from api_memstore import MemoryStore
from test_api_security import key, writer  # noqa: F401  (fixtures: a write key, a client that accepts it)
from web_docs import sample_documents

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ARTICLE = ("Envoys meet in Oslo\n\n"
           "The foreign minister of Norway met her Swedish counterpart in Oslo on Tuesday. "
           "They discussed fishing rights and the northern border for two hours.")


def _reader(**settings):
    from polybius.api import create_app
    from polybius.config import Settings

    store = MemoryStore()
    for d in sample_documents():
        store.add(d)
    return TestClient(create_app(store=store, settings=Settings().replace(**settings), pipeline=object()))


@pytest.fixture(scope="module")
def reader():
    with _reader() as c:
        yield c


# -- item 9: repeated posts ------------------------------------------------------------------

def test_same_text_under_a_new_id_answers_with_the_stored_document(writer, key):
    first = writer.post("/documents", json={"text": ARTICLE, "id": "oslo-1"}, headers={"X-API-Key": key})
    assert first.status_code == 201 and first.headers["location"] == "/documents/oslo-1"
    again = writer.post("/documents", json={"text": ARTICLE, "id": "oslo-2"}, headers={"X-API-Key": key})
    assert again.status_code == 200 and again.json()["id"] == "oslo-1"
    assert again.headers["location"] == "/documents/oslo-1"
    assert writer.get(again.headers["location"]).status_code == 200
    assert writer.get("/documents/oslo-2").status_code == 404  # nothing was stored under the new id


def test_a_stored_id_with_a_new_text_is_a_conflict(writer, key):
    r = writer.post("/documents", json={"text": ARTICLE, "id": "oslo-3"}, headers={"X-API-Key": key})
    assert r.status_code in (200, 201)
    stored_id = r.json()["id"]
    other = ARTICLE.replace("two hours", "three hours")
    r = writer.post("/documents", json={"text": other, "id": stored_id}, headers={"X-API-Key": key})
    assert r.status_code == 409 and "different text" in r.json()["detail"]
    assert "two hours" in writer.get(f"/documents/{stored_id}").json()["text"]  # unchanged


# -- item 13: 4xx with a reason; 500s with the security headers ---------------------------------

@pytest.mark.parametrize("path", ["/events", "/documents", "/quotes", "/actors", "/actors/FRA", "/dyads/FRA/DEU/events"])
def test_a_huge_offset_is_refused_with_a_reason(reader, path):
    r = reader.get(path, params={"offset": 10**20})
    assert r.status_code == 422 and "offset" in r.text


def test_a_lone_surrogate_in_the_body_is_refused_with_a_reason(writer, key):
    body = b'{"text": "Talks end\\n\\nThe envoy left \\ud800 Vienna on Sunday after the talks failed."}'
    r = writer.post("/documents", content=body, headers={"X-API-Key": key, "Content-Type": "application/json"})
    assert r.status_code == 422 and "unicode" in r.text and r.json()["detail"][0]["loc"] == ["body", "text"]


def test_a_500_carries_the_security_headers():
    from polybius.api import create_app
    from polybius.config import Settings

    class Broken(MemoryStore):
        def stances(self, **kw):
            raise RuntimeError("disk on fire: /secret/path")

    with TestClient(create_app(store=Broken(), settings=Settings(), pipeline=object()),
                    raise_server_exceptions=False) as c:
        r = c.get("/stances")
    assert r.status_code == 500 and r.json() == {"detail": "internal error"} and "secret" not in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"


# -- item 20: totals, ids, CORS, read keys, hosts ----------------------------------------------

def test_quotes_and_actors_report_a_total(reader):
    all_quotes = reader.get("/quotes").json()
    assert all_quotes["total"] == len(all_quotes["items"]) >= 1
    all_actors = reader.get("/actors").json()
    assert all_actors["total"] == len(all_actors["items"]) > 2
    page = reader.get("/actors", params={"limit": 2}).json()
    assert page["total"] == all_actors["total"] and len(page["items"]) == 2 and page["next"]
    assert reader.get("/actors", params={"limit": 2, "offset": 10**6}).json()["total"] == all_actors["total"]


@pytest.mark.parametrize("bad_id", ["abc\u202edef", "x\u200fy", "a\u2066b", "a\x85b", "a\u061cb"])
def test_ids_with_bidi_or_control_characters_are_refused(writer, key, bad_id):
    r = writer.post("/documents", json={"text": ARTICLE + " Once more.", "id": bad_id}, headers={"X-API-Key": key})
    assert r.status_code == 422 and "id" in r.text


def test_cors_is_off_by_default_and_preflight_works_when_configured(reader):
    ask = {"Origin": "https://dash.example.org", "Access-Control-Request-Method": "GET"}
    r = reader.options("/events", headers=ask)
    assert "access-control-allow-origin" not in r.headers
    with _reader(api_cors_origins=["https://dash.example.org"]) as c:
        r = c.options("/events", headers={**ask, "Access-Control-Request-Headers": "X-API-Key"})
        assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "https://dash.example.org"
        assert "x-api-key" in r.headers["access-control-allow-headers"].lower()
        got = c.get("/events", headers={"Origin": "https://dash.example.org"})
        assert got.headers["access-control-allow-origin"] == "https://dash.example.org"
        other = c.options("/events", headers={**ask, "Origin": "https://evil.example.com"})
        assert other.status_code == 400


def test_reads_can_require_a_key(key):
    from polybius.api.security import hash_key

    with _reader(api_read_requires_key=True, api_key_hashes=[hash_key(key)]) as c:
        for path in ("/events", "/documents", "/quotes", "/actors", "/stances", "/network", "/dyads/FRA/DEU/timeline"):
            assert c.get(path).status_code == 401, path
            assert c.get(path, headers={"X-API-Key": key + "x"}).status_code == 403, path
            assert c.get(path, headers={"X-API-Key": key}).status_code == 200, path
        assert c.get("/documents", headers={"Authorization": f"Bearer {key}"}).status_code == 200
        assert c.get("/health").status_code == 200  # liveness stays open
    with _reader(api_read_requires_key=True) as c:  # no key configured: nothing can be read
        assert c.get("/events").status_code == 403


def test_allowed_hosts(reader):
    assert reader.get("/health", headers={"Host": "anything.example"}).status_code == 200
    with _reader(api_allowed_hosts=["api.example.org", "*.example.net"]) as c:
        assert c.get("/health", headers={"Host": "api.example.org"}).status_code == 200
        assert c.get("/health", headers={"Host": "x.example.net"}).status_code == 200
        bad = c.get("/health", headers={"Host": "evil.example.com"})
        assert bad.status_code == 400 and bad.headers["x-content-type-options"] == "nosniff"
