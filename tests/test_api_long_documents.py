"""A long article posted to the API does not hold up short ones (issue 14): the coder thread codes
it one window at a time and codes the articles that arrive meanwhile between two windows."""
from __future__ import annotations

import threading
import time
import warnings

import pytest

from api_memstore import MemoryStore
from polybius.api.coder import Coder
from polybius.model import Document

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


class WindowedPipeline:
    """Stands in for :class:`polybius.pipeline.Pipeline`: a "long" document takes 40 windows of
    50 ms, a short one no time."""

    windows = 40

    def is_long(self, doc):
        return doc.title == "long"

    def code_in_windows(self, doc):
        for _ in range(self.windows):
            time.sleep(0.05)
            yield None
        yield doc

    def code_documents(self, docs):
        for d in docs:
            if self.is_long(d):
                *_, d = self.code_in_windows(d)
            yield d

    def code_document(self, doc):
        return next(self.code_documents([doc]))


def test_a_short_post_is_coded_between_the_windows_of_a_long_one():
    stored = []
    coder = Coder(WindowedPipeline, lambda docs: [stored.append(d.title) is None for d in docs])
    try:
        long = coder.submit(Document(text="many words", title="long"))
        time.sleep(0.2)  # the long article is under way
        t0 = time.monotonic()
        short = coder.submit(Document(text="a few words", title="short"))
        doc, new = short.result(timeout=1.5)
        waited = time.monotonic() - t0
        assert doc.title == "short" and new and not long.done()
        assert waited < 1.0, waited
        assert long.result(timeout=10)[0].title == "long"
        assert stored == ["short", "long"]
    finally:
        coder.close()


def test_closing_finishes_a_long_article_under_way():
    coder = Coder(WindowedPipeline, lambda docs: [True] * len(docs))
    long = coder.submit(Document(text="many words", title="long"))
    time.sleep(0.1)
    threading.Thread(target=coder.close).start()
    assert long.result(timeout=10)[0].title == "long"


def test_a_long_article_that_fails_fails_its_post_alone():
    class Failing(WindowedPipeline):
        def code_in_windows(self, doc):
            yield None
            raise RuntimeError("window broke")

    coder = Coder(Failing, lambda docs: [True] * len(docs))
    try:
        long = coder.submit(Document(text="many words", title="long"))
        short = coder.submit(Document(text="a few words", title="short"))
        assert short.result(timeout=5)[0].title == "short"
        with pytest.raises(RuntimeError, match="window broke"):
            long.result(timeout=5)
    finally:
        coder.close()


def test_a_long_article_posted_to_the_api_is_coded_in_windows_and_stored(pipeline):
    from polybius.api import create_app
    from polybius.api.security import hash_key, new_key
    from polybius.pipeline import Pipeline

    key = new_key()
    settings = pipeline.settings.replace(api_key_hashes=[hash_key(key)], window_words=60,
                                         min_words_for_language_check=10**6)
    windowed = Pipeline(settings, nlp=pipeline.nlp)
    text = "\n\n".join(f"Egypt's foreign minister met his Jordanian counterpart in Amman on day {i}, "
                       f"officials said. Kenyan police arrested {i + 2} protesters in Nairobi." for i in range(12))
    with TestClient(create_app(store=MemoryStore(), settings=settings, pipeline=windowed)) as client:
        r = client.post("/documents", json={"title": "Talks in Amman", "text": text}, headers={"X-API-Key": key})
        assert r.status_code == 201, r.text
        body = r.json()
        assert windowed.is_long(Document(text=body["text"]))
        assert [a["name"] for a in body["actors"]].count("Kenyan police") == 1
        for a in body["actors"]:
            for m in a["mentions"]:
                assert body["text"][m["start"]:m["end"]] == m["text"]
        assert client.get(r.headers["Location"]).json() == body
