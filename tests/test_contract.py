"""Every output keeps the polybius/1 contract, and loads back."""
import datetime as dt
import json

import pytest
from conftest import ROOT

from polybius.contract import problems, validate
from polybius.ingest import iter_sources
from polybius.model import Document


@pytest.fixture(scope="module")
def sample_docs(pipeline):
    return list(pipeline.code_documents(iter_sources([str(ROOT / "samples" / "corpus")])))


def test_samples_keep_the_contract(sample_docs):
    assert len(sample_docs) == 6
    for d in sample_docs:
        validate(json.loads(d.to_json()))


def test_reference_keeps_the_contract(reference_doc):
    data = json.loads(reference_doc.to_json())
    validate(data)
    assert data["published"] == "2020-01-11"
    assert list(data)[:13] == ["schema", "id", "title", "outlet", "published", "url", "text", "sentences",
                               "actors", "events", "quotes", "stances", "errors"]


def test_round_trip(sample_docs, reference_doc):
    for d in [*sample_docs, reference_doc]:
        again = Document.from_json(d.to_json())
        assert again.to_dict() == d.to_dict()


def test_skipped_documents_keep_the_contract(tmp_path):
    (tmp_path / "e.txt").write_text("", encoding="utf-8")
    (d,) = list(iter_sources([str(tmp_path / "e.txt")]))
    validate(d.to_dict())


def test_validator_catches_broken_documents():
    d = Document(text="Short text.", published=dt.date(2020, 1, 1)).to_dict()
    assert problems(d) == []
    bad = json.loads(json.dumps(d))
    bad["sentences"] = [{"start": 0, "end": 99}]
    assert any("outside text" in p for p in problems(bad))
    bad = json.loads(json.dumps(d))
    bad["events"] = [{"id": "E1", "sentence": 0, "source": "A9", "target": None, "cameo": "0256", "root": "02",
                      "plover": None, "goldstein": 3.0, "quad_class": 1, "negated": False, "modality": "asserted",
                      "date": None, "place": None, "trigger": {"start": 0, "end": 5}, "rule": "x", "confidence": 1.0}]
    bad["sentences"] = [{"start": 0, "end": 11}]
    assert any("unknown actor A9" in p for p in problems(bad))
    bad["events"][0]["quad_class"] = 7
    assert problems(bad)
