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


def test_a_string_that_looks_like_a_missing_path_raises(tmp_path):
    """Issue 14, item 12: ``polybius.code("missing.txt")`` does not code the file name."""
    import pytest

    for name in ("missing.txt", str(tmp_path / "nope.html"), "news/2024/story", "data.jsonl"):
        with pytest.raises(FileNotFoundError, match="no such file") as info:
            polybius.code(name)
        assert "polybius.code(text=...)" in str(info.value)
    with pytest.raises(FileNotFoundError, match="no such file"):
        polybius.code(tmp_path / "missing")  # a Path is always a file
    with pytest.raises(TypeError):
        polybius.code("a", text="b")


def test_text_that_looks_like_a_path_is_coded_with_text(pipeline):
    doc = polybius.code(text="missing.txt")
    assert doc.text == "missing.txt" and not doc.skipped
    one_line = polybius.code("Egypt and Jordan agreed on Monday to resume the 24/7 border talks.")
    assert one_line.text.startswith("Egypt and Jordan")
