"""Issue 14, item 10: a JSON Lines ``published`` that is not a date is refused with file and
line; a relative one is resolved only against a date the record gives."""
from __future__ import annotations

import datetime as dt
import json

from polybius.config import load_settings
from polybius.ingest.jsonl import iter_jsonl

TEXT = "Officials in Lima said on Monday that the harbour talks with Quito would resume next week."


def _read(tmp_path, *records):
    f = tmp_path / "c.jsonl"
    f.write_text("".join(json.dumps({"text": TEXT, **r}) + "\n" for r in records), encoding="utf-8")
    return f, list(iter_jsonl(str(f), load_settings(env={})))


def test_an_invalid_date_is_refused_with_file_and_line(tmp_path):
    f, docs = _read(tmp_path, {"id": "ok", "published": "2024-03-01"}, {"id": "bad", "published": "2024-13-45"},
                    {"id": "junk", "published": "not a date at all"})
    assert [d.skipped for d in docs] == [False, True, True]
    assert docs[0].published == dt.date(2024, 3, 1)
    assert docs[1].errors == [f"{f}:2: 'published' is not a valid date: '2024-13-45'"] and docs[1].id == "bad"
    assert docs[2].errors[0].startswith(f"{f}:3: 'published' is not a valid date")


def test_a_relative_date_needs_a_date_the_record_gives(tmp_path):
    f, docs = _read(tmp_path, {"id": "a", "published": "yesterday"},
                    {"id": "b", "published": "yesterday", "retrieved": "2024-03-05T08:00:00Z"},
                    {"id": "c", "published": "March 3"},
                    {"id": "d", "published": "Mon, 04 Mar 2024 10:00:00 GMT"})
    assert docs[0].skipped and docs[0].errors[0].startswith(f"{f}:1: 'published' is a relative date ('yesterday')")
    assert not docs[1].skipped and docs[1].published == dt.date(2024, 3, 4)
    assert docs[2].skipped and "relative date ('March 3')" in docs[2].errors[0]
    assert not docs[3].skipped and docs[3].published == dt.date(2024, 3, 4)


def test_the_published_option_still_fills_what_a_record_lacks(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    (doc,) = iter_jsonl(str(f), load_settings(env={}), published=dt.date(2020, 1, 2))
    assert doc.published == dt.date(2020, 1, 2)
