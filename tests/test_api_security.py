"""Writes: API keys (hashed at rest), POST /documents coding and storing, size limits."""
from __future__ import annotations

import warnings

import pytest

from api_memstore import MemoryStore

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ARTICLE = ("Ministers meet in Geneva\n\n"
           "The foreign minister of France met his German counterpart in Geneva on Monday. "
           "They discussed trade and the war in the region for three hours.")


@pytest.fixture(scope="module")
def key():
    from polybius.api.security import new_key

    return new_key()


@pytest.fixture(scope="module")
def writer(pipeline, key):
    from polybius.api import create_app
    from polybius.api.security import hash_key

    store = MemoryStore()
    settings = pipeline.settings.replace(api_key_hashes=[hash_key(key)], max_bytes=20_000)
    app = create_app(store=store, settings=settings, pipeline=pipeline)
    with TestClient(app) as c:
        c.store = store
        yield c


def test_key_hashing_round_trip():
    from polybius.api.security import KeyChecker, KeyFormatError, hash_key, new_key, verify_key

    k = new_key()
    h = hash_key(k)
    assert k not in h and h.startswith("scrypt:")
    assert verify_key(k, h) and not verify_key(k + "x", h)
    assert hash_key(k) != h  # salted
    checker = KeyChecker([h])
    assert checker.check(k) and checker.check(k)  # second time from the in-memory cache
    assert not checker.check("") and not checker.check(None) and not checker.check("x" * 600)
    with pytest.raises(KeyFormatError):
        KeyChecker(["sha256:abc"])
    with pytest.raises(KeyFormatError):
        KeyChecker(["scrypt:3:8:1:00:00"])


def test_settings_read_key_hashes_from_the_environment():
    from polybius.api.security import hash_key
    from polybius.config import load_settings

    a, b = hash_key("one"), hash_key("two")
    s = load_settings(env={"POLYBIUS_API_KEY_HASHES": f"{a},{b}"})
    assert s.api_key_hashes == [a, b]


def test_post_needs_a_valid_key(writer, key):
    assert writer.post("/documents", json={"text": ARTICLE}).status_code == 401
    r = writer.post("/documents", json={"text": ARTICLE}, headers={"X-API-Key": key + "nope"})
    assert r.status_code == 403 and r.json()["detail"] == "invalid API key"
    assert writer.store.documents() == []


def test_post_codes_stores_and_is_idempotent(writer, key):
    r = writer.post("/documents", json={"text": ARTICLE, "published": "2024-05-06", "outlet": "Example Wire"},
                    headers={"X-API-Key": key})
    assert r.status_code == 201, r.text
    doc = r.json()
    assert doc["schema"] == "polybius/1" and doc["title"] == "Ministers meet in Geneva"
    assert doc["published"] == "2024-05-06" and doc["outlet"] == "Example Wire"
    assert len(doc["sentences"]) == 3 and doc["text"].startswith("Ministers meet in Geneva")
    assert r.headers["location"] == f"/documents/{doc['id']}"
    assert writer.get(f"/documents/{doc['id']}").json()["text"] == doc["text"]
    # The same article again: stored once, answered with the stored document.
    again = writer.post("/documents", json={"text": ARTICLE, "published": "2024-05-06", "outlet": "Example Wire"},
                        headers={"Authorization": f"Bearer {key}"})
    assert again.status_code == 200 and again.json()["id"] == doc["id"]
    assert len(writer.store.documents()) == 1


def test_post_html(writer, key):
    html = ("<html><head><title>Summit ends</title></head><body><article><h1>Summit ends</h1>"
            "<p>The leaders of Kenya and Uganda agreed on Friday to reopen the border crossing at Busia.</p>"
            "<p>Officials said trucks would cross again from next week after months of delays.</p>"
            "</article></body></html>")
    r = writer.post("/documents", json={"text": html, "format": "html"}, headers={"X-API-Key": key})
    assert r.status_code == 201, r.text
    assert "Busia" in r.json()["text"] and "<p>" not in r.json()["text"]


def test_post_markup_is_stored_as_text(writer, key):
    text = "Talks end <script>alert(1)</script>\n\nThe envoy left Vienna on Sunday <img src=x onerror=alert(2)> after the talks failed."
    r = writer.post("/documents", json={"text": text}, headers={"X-API-Key": key})
    assert r.status_code == 201
    assert "<img src=x onerror=alert(2)>" in writer.get(f"/documents/{r.json()['id']}").json()["text"]


@pytest.mark.parametrize("body, status", [
    ({}, 422), ({"text": ""}, 422), ({"text": 5}, 422), ({"text": "x", "published": "soon"}, 422),
    ({"text": "x", "unknown": 1}, 422), ({"text": "x", "format": "pdf"}, 422),
])
def test_post_bad_bodies(writer, key, body, status):
    r = writer.post("/documents", json=body, headers={"X-API-Key": key})
    assert r.status_code == status and r.json()["detail"]


def test_post_article_that_cannot_be_coded_says_why(writer, key):
    r = writer.post("/documents", json={"text": "\n\n   \n"}, headers={"X-API-Key": key})
    assert r.status_code == 422
    assert r.json()["detail"]["errors"]
    r = writer.post("/documents", content=b"{not json", headers={"X-API-Key": key, "Content-Type": "application/json"})
    assert r.status_code == 422


def test_size_limits(writer, key):
    # The text limit (max_bytes) ...
    big = "Word " * 5000  # 25,000 bytes > 20,000
    r = writer.post("/documents", json={"text": big}, headers={"X-API-Key": key})
    assert r.status_code == 413 and "max_bytes" in r.json()["detail"]
    # ... and the body limit, announced by Content-Length or streamed without one.
    huge = b'{"text": "' + b"a" * 200_000 + b'"}'
    r = writer.post("/documents", content=huge, headers={"X-API-Key": key, "Content-Type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["detail"]

    def chunks():
        for _ in range(50):
            yield b"a" * 10_000

    r = writer.post("/documents", content=chunks(), headers={"X-API-Key": key, "Content-Type": "application/json"})
    assert r.status_code == 413
    assert len(writer.store.documents()) >= 1  # earlier documents untouched


def test_writes_disabled_without_configured_keys(pipeline):
    from polybius.api import create_app

    app = create_app(store=MemoryStore(), settings=pipeline.settings.replace(api_key_hashes=[]), pipeline=pipeline)
    with TestClient(app) as c:
        r = c.post("/documents", json={"text": ARTICLE}, headers={"X-API-Key": "anything"})
        assert r.status_code == 403 and "no API key is configured" in r.json()["detail"]
        assert c.get("/health").json()["writes"] is False


def test_store_failure_is_a_clean_500(pipeline):
    from polybius.api import create_app

    class Broken(MemoryStore):
        def events(self, flt):
            raise RuntimeError("disk on fire: /secret/path")

        def count_events(self, flt):
            raise RuntimeError("disk on fire: /secret/path")

    app = create_app(store=Broken(), settings=pipeline.settings, pipeline=pipeline)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/events")
        assert r.status_code == 500 and r.json() == {"detail": "internal error"}
        assert "secret" not in r.text


def test_concurrent_posts_are_coded_together_and_each_gets_its_own_document(writer, key):
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Report number {i}\n\nThe mayor of a northern town opened {i} new schools on Tuesday, officials said."
             for i in range(2, 14)]

    def post(text):
        return writer.post("/documents", json={"text": text}, headers={"X-API-Key": key})

    with ThreadPoolExecutor(12) as pool:
        results = list(pool.map(post, texts))
    assert [r.status_code for r in results] == [201] * len(texts)
    for text, r in zip(texts, results):
        doc = r.json()
        assert doc["text"].split("\n\n")[1] == text.split("\n\n")[1]
        assert writer.store.has(doc["id"])


def test_a_document_the_store_refuses_fails_alone(pipeline, key):
    """When storing a batch fails, the documents are stored one by one and only the bad one errs."""
    from polybius.api import create_app
    from polybius.api.security import hash_key

    class Picky(MemoryStore):
        def add_many(self, docs):
            docs = list(docs)
            if any("refuse" in d.text for d in docs):
                raise RuntimeError("refused")
            return super().add_many(docs)

        def add(self, doc):
            if "refuse" in doc.text:
                raise RuntimeError("refused")
            return super().add(doc)

    store = Picky()
    app = create_app(store=store, settings=pipeline.settings.replace(api_key_hashes=[hash_key(key)]), pipeline=pipeline)
    with TestClient(app, raise_server_exceptions=False) as c:
        ok = c.post("/documents", json={"text": ARTICLE}, headers={"X-API-Key": key})
        bad = c.post("/documents", json={"text": ARTICLE + " They refuse to talk again."}, headers={"X-API-Key": key})
        assert ok.status_code == 201 and bad.status_code == 500
        assert [d["id"] for d in store.documents()] == [ok.json()["id"]]


def test_ids_with_control_characters_are_refused(writer, key):
    r = writer.post("/documents", json={"text": ARTICLE, "id": "a\r\nSet-Cookie: x=1"}, headers={"X-API-Key": key})
    assert r.status_code == 422
    r = writer.post("/documents", json={"text": ARTICLE + " Again.", "id": "wire/2024/05/06#1"}, headers={"X-API-Key": key})
    # issue 14 item 20: "/" in an id is percent-encoded in Location too; the URL leads to the document.
    assert r.status_code == 201 and r.headers["location"] == "/documents/wire%2F2024%2F05%2F06%231"
    assert writer.get(r.headers["location"]).json()["id"] == "wire/2024/05/06#1"
    assert writer.get("/documents/wire/2024/05/06%231").json()["id"] == "wire/2024/05/06#1"


def test_a_flood_of_wrong_keys_is_bounded(writer):
    from concurrent.futures import ThreadPoolExecutor

    def attempt(i):
        return writer.post("/documents", json={"text": ARTICLE}, headers={"X-API-Key": f"guess-{i}"}).status_code

    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(attempt, range(16)))
    assert set(codes) <= {403, 429} and 403 in codes


def test_delete_needs_a_key_and_removes_every_layer(writer, key):
    text = ("Fishing talks end\n\nNorway and Iceland signed a new fishing agreement on Thursday, "
            "the Norwegian foreign ministry said in a statement.")
    r = writer.post("/documents", json={"text": text, "published": "2023-05-04"}, headers={"X-API-Key": key})
    assert r.status_code in (200, 201), r.text
    doc_id = r.json()["id"]
    assert writer.delete(f"/documents/{doc_id}").status_code == 401
    assert writer.delete(f"/documents/{doc_id}", headers={"X-API-Key": key + "x"}).status_code == 403
    assert writer.get(f"/documents/{doc_id}").status_code == 200
    assert writer.delete(f"/documents/{doc_id}", headers={"X-API-Key": key}).status_code == 204
    assert writer.get(f"/documents/{doc_id}").status_code == 404
    assert writer.get("/events", params={"doc_id": doc_id}).json()["items"] == []
    assert writer.delete(f"/documents/{doc_id}", headers={"X-API-Key": key}).status_code == 404
