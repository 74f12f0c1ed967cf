"""The Python API: polybius.code, code_many, events_frame."""
import datetime as dt

from conftest import ROOT

import polybius
from polybius.frames import EVENT_COLUMNS

TEXT = "Ministers meet in Cairo\n\nEgypt's foreign minister met his Jordanian counterpart in Cairo on Monday."


def test_code_text_and_path(pipeline):
    a = polybius.code(TEXT, published="2022-05-02")
    assert a.title == "Ministers meet in Cairo" and a.published == dt.date(2022, 5, 2)
    assert a.sentences and a.nlp is not None
    b = polybius.code(ROOT / "samples" / "corpus" / "border-talks.txt")
    assert b.outlet == "Caucasus Wire"
    assert polybius.Document.from_json(b.to_json()).title == b.title


def test_model_is_reused():
    from polybius.pipeline import default_pipeline

    assert default_pipeline() is default_pipeline()


def test_code_many_and_events_frame():
    docs = list(polybius.code_many([ROOT / "samples" / "corpus"]))
    assert len(docs) == 6
    frame = polybius.events_frame(docs)
    assert list(frame.columns) == EVENT_COLUMNS
    assert len(frame) == sum(len(d.events) for d in docs)
