"""The factuality model (polybius.factuality): the shipped model, its data and its training."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from polybius.factuality import FACTUAL, LABELS, Factuality, ModelError
from polybius.factuality.features import load_cues, trigger_features
from polybius.factuality.train import EXAMPLES_PATH, ExampleError, load_examples
from polybius.factuality.train import main as train_main


def trigger(nlp, text: str, word: str):
    """The token of ``word`` (its first occurrence) in ``text`` parsed."""
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


# Sentences written for this test (not in examples.jsonl): trigger word, labels accepted.
CASES = [
    ("Soldiers detained 30 protesters in the port city on Saturday.", "detained", {"asserted"}),
    ("The governor said militants torched two schools overnight.", "torched", {"reported", "asserted"}),
    ("The interior ministry denied that its officers beat the detainees.", "beat", {"denied"}),
    ("The opposition accused the ruling party of intimidating voters.", "intimidating", {"alleged"}),
    ("If the talks collapse, the rebels will resume their offensive.", "resume", {"conditional", "future"}),
    ("The foreign minister will travel to Lima next week.", "travel", {"future"}),
    ("The two kingdoms fought a long war in 1812.", "fought", {"background"}),
]


@pytest.mark.parametrize("text,word,labels", CASES)
def test_shipped_model_labels_written_sentences(nlp, text, word, labels):
    model = Factuality.load()
    label, p = model.predict(trigger(nlp, text, word), published=None)
    assert label in labels, (label, p, model.probabilities(trigger(nlp, text, word)))
    assert 0.0 < p <= 1.0
    fact = model.factual(trigger(nlp, text, word))
    assert (fact >= 0.5) == bool(labels & FACTUAL)


def test_probabilities_cover_every_label_and_accept_a_span(nlp):
    doc = nlp("Police arrested the editor on Tuesday.")
    probs = Factuality.load().probabilities(doc[1:2])  # a Span: its root is the trigger
    assert set(probs) == set(LABELS)
    assert sum(probs.values()) == pytest.approx(1.0)


def test_publication_date_places_years(nlp):
    tok = trigger(nlp, "The army seized the town in 2023.", "seized")
    assert "own_year_past" in trigger_features(tok, published=dt.date(2025, 1, 1))
    assert "own_year_this" in trigger_features(tok, published=dt.date(2023, 5, 1))


def test_model_is_the_default_one_loaded_once():
    assert Factuality.load() is Factuality.load()
    meta = Factuality.load().meta
    assert meta["examples"] >= 400 and meta["cv"]["folds"] == 5


def test_bad_model_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps({"labels": ["asserted"], "features": ["bias"], "coef": [[1.0, 2.0]], "intercept": [0.0]}))
    with pytest.raises(ModelError, match="do not fit"):
        Factuality.load(bad)
    bad.write_text(json.dumps({"labels": ["maybe"], "features": ["bias"], "coef": [[1.0]], "intercept": [0.0]}))
    with pytest.raises(ModelError, match="unknown label"):
        Factuality.load(bad)
    bad.write_text("{}")
    with pytest.raises(ModelError, match="no 'labels'"):
        Factuality.load(bad)


def test_examples_are_valid_and_cover_every_label():
    rows = load_examples()
    assert len(rows) >= 400
    assert {r["label"] for r in rows} == set(LABELS)
    assert all(r["source"] == "written for Polybius" for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_bad_example_row_names_file_and_line(tmp_path):
    f = tmp_path / "ex.jsonl"
    good = EXAMPLES_PATH.read_text(encoding="utf-8").splitlines()[0]
    f.write_text(good + "\n" + json.dumps({"text": "X hit Y.", "trigger": {"start": 2, "end": 5}, "label": "maybe"}) + "\n")
    with pytest.raises(ExampleError, match=r"ex.jsonl:2: unknown label"):
        load_examples(f)
    f.write_text(json.dumps({"text": "X hit Y.", "trigger": {"start": 2, "end": 7, "text": "hit"}, "label": "asserted"}))
    with pytest.raises(ExampleError, match=r"ex.jsonl:1: trigger offsets"):
        load_examples(f)


def test_cue_file_is_validated(tmp_path):
    from polybius.dictionaries.sections import SectionError

    assert "deny" in load_cues()["deny"]
    f = tmp_path / "cues.txt"
    f.write_text("[negation]\nnot\n[hedges]\nallegedly\n")
    with pytest.raises(SectionError, match="missing section"):
        load_cues(str(f))


def test_training_runs_on_a_small_subset(tmp_path, capsys):
    out = tmp_path / "model.json"
    assert train_main(["--limit", "80", "--folds", "2", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2-fold CV: label accuracy" in printed and f"wrote {out}" in printed
    model = Factuality.load(out)
    assert model.meta["examples"] == 80 and len(model.labels) >= 6
    assert model.meta["cv"]["n"] == 80
