"""Dates of events (issue 12, class 9): a duration is no date; an undated sentence takes its
paragraph's day.  Sentences made up."""
from __future__ import annotations

import datetime as dt

from polybius.events.dates import resolve

PUB = dt.date(2024, 3, 16)  # a Saturday


def test_a_duration_is_not_a_date():
    for text in ("30 days", "the next 30 days", "60 days", "two weeks", "three months"):
        assert resolve(text, PUB) is None, text
    assert resolve("two weeks ago", PUB) == (dt.date(2024, 3, 2), dt.date(2024, 3, 2))
    assert resolve("last week", PUB) == (dt.date(2024, 3, 4), dt.date(2024, 3, 10))


def test_undated_sentence_takes_its_paragraph_day(pipeline):
    from polybius.ingest import read_text

    text = ("Clashes in Ruritania\n\n"
            "Ruritanian police arrested twelve opposition activists in the capital on Tuesday. "
            "The police also detained four foreign journalists.\n\n"
            "Ruritania's president criticised the opposition.")
    doc = pipeline.code_document(read_text(text, pipeline.settings, published=PUB))
    days = {e.sentence: (e.date.start if e.date else None) for e in doc.events}
    assert days.get(1) == "2024-03-12" and days.get(2) == "2024-03-12", [(e.sentence, e.cameo, e.date) for e in doc.events]
    assert days.get(3) in (None, "2024-03-16")  # another paragraph: the publication day
