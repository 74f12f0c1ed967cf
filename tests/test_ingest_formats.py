"""HTML pages (trafilatura), JSON Lines corpora, directories and stdin."""
import datetime as dt
import json

from conftest import ROOT

from polybius.ingest import iter_sources

SAMPLES = ROOT / "samples" / "corpus"


def test_html_page_title_date_outlet_body():
    (doc,) = list(iter_sources([str(SAMPLES / "aid-pledge.html")]))
    assert not doc.skipped, doc.errors
    assert doc.title == "Germany pledges humanitarian aid to Sudan"
    assert doc.published == dt.date(2024, 4, 15)
    assert doc.outlet == "World Desk"
    assert "Germany pledged 244 million euros" in doc.text
    assert "Home" not in doc.text and "All rights reserved" not in doc.text
    assert doc.blocks[0].kind == "headline"


def test_jsonl_fields(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(
        json.dumps({"id": "a1", "title": "T one", "text": "Body one. More.", "published": "2022-02-03",
                    "outlet": "O", "url": "http://x.invalid/1"}) + "\n\n"
        + json.dumps({"text": "Only a body here."}) + "\n", encoding="utf-8")
    docs = list(iter_sources([str(p)]))
    assert [d.id for d in docs][0] == "a1"
    a, b = docs
    assert (a.title, a.outlet, a.url, a.published) == ("T one", "O", "http://x.invalid/1", dt.date(2022, 2, 3))
    assert a.text.startswith("T one\n\nBody one.")
    assert b.title is None and b.id.startswith("sha256:") and b.text == "Only a body here."
    assert a.origin.endswith("c.jsonl:1") and b.origin.endswith("c.jsonl:3")


def test_jsonl_body_repeating_title_is_not_doubled(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"title": "Same", "text": "Same\n\nThe body."}) + "\n", encoding="utf-8")
    (doc,) = list(iter_sources([str(p)]))
    assert doc.text == "Same\n\nThe body."


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Headline B\n\nBody b.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("Headline A\n\nBody a.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("nope", encoding="utf-8")
    titles = [d.title for d in iter_sources([str(tmp_path)])]
    assert titles == ["Headline B", "Headline A"]


def test_several_paths_and_stdin(tmp_path):
    import io

    (tmp_path / "x.txt").write_text("Headline X\n\nBody x.", encoding="utf-8")
    stdin = io.BytesIO("Headline S\n\nBody from stdin.".encode())
    docs = list(iter_sources([str(tmp_path / "x.txt"), "-"], stdin=stdin))
    assert [d.title for d in docs] == ["Headline X", "Headline S"]


def test_published_and_outlet_options_fill_missing(tmp_path):
    (tmp_path / "x.txt").write_text("Headline X\n\nBody x.", encoding="utf-8")
    (doc,) = list(iter_sources([str(tmp_path)], published=dt.date(2020, 1, 11), outlet="Wire"))
    assert doc.published == dt.date(2020, 1, 11) and doc.outlet == "Wire"
