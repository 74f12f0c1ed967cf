"""Calibrated confidence and its filter (issue 12).  Sentences made up."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from polybius.events.calibration import FEATURES, Calibration, features, load

PUB = dt.date(2024, 3, 16)
TEXT = ("Freedonian police arrested twelve opposition activists in the capital on Tuesday. "
        "Ruritania criticised Freedonia over the arrests.")


def test_calibration_is_shipped_and_monotone_in_evidence():
    cal = load()
    assert cal is not None and len(cal.coef) == len(FEATURES)
    full = cal.probability(features(0.9, 0.95, "A1", "A2", "verbs.txt:1", "asserted", False, False, 4))
    orphan = cal.probability(features(0.9, 0.95, None, "A2", "verbs.txt:1", "asserted", False, False, 4))
    doubtful = cal.probability(features(0.9, 0.05, "A1", "A2", "verbs.txt:1", "asserted", False, False, 4))
    assert 0 < orphan < full < 1 and doubtful < full


def test_bad_calibration_file_is_one_clear_error(tmp_path):
    p = tmp_path / "cal.json"
    p.write_text(json.dumps({"features": ["x"], "coef": [1.0], "intercept": 0.0}))
    with pytest.raises(ValueError, match="cal.json"):
        load(str(p))
    assert load(str(tmp_path / "absent.json")) is None
    with pytest.raises(ValueError):
        Calibration([1.0], 0.0)


def test_min_confidence_filters_and_confidence_is_a_probability():
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    s = load_settings(env={})
    doc = Pipeline(s).code_document(read_text(TEXT, s, published=PUB))
    assert doc.events and all(0.0 < e.confidence < 1.0 for e in doc.events)
    top = max(e.confidence for e in doc.events)
    s2 = load_settings(env={}, min_confidence=top)
    doc2 = Pipeline(s2).code_document(read_text(TEXT, s2, published=PUB))
    assert doc2.events and all(e.confidence >= top for e in doc2.events) and len(doc2.events) < len(doc.events)
    assert load_settings(env={"POLYBIUS_MIN_CONFIDENCE": "0.4"}).min_confidence == 0.4


def test_cli_min_confidence(tmp_path):
    from typer.testing import CliRunner

    from polybius.cli import app

    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = CliRunner().invoke(app, ["code", str(src), "--published", "2024-03-16", "--min-confidence", "0.99"])
    assert res.exit_code == 0, res.output
    doc = json.loads([x for x in res.stdout.splitlines() if x.startswith("{")][0])
    assert doc["events"] == []
