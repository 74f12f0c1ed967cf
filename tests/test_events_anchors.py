"""Event time by reference: "During the talks, X accused Y" takes the talks' date."""
from __future__ import annotations

import datetime as dt

import pytest

PUB = dt.date(2021, 3, 12)  # a Friday


@pytest.fixture(scope="module")
def run(code_text):
    return lambda text, published=PUB: code_text(text, published)


def _by_code(doc, prefix):
    return [e for e in doc.events if e.cameo.startswith(prefix)]


def test_during_the_talks_takes_the_talks_date(run):
    doc = run("Greek and Turkish diplomats held talks in Athens on Monday. "
              "During the talks, Greece accused Turkey of violating its airspace.")
    talks = [e for e in doc.events if e.root == "04"]
    accuse = _by_code(doc, "112")
    assert talks and accuse
    assert talks[0].date.text == "Monday"
    assert (accuse[0].date.start, accuse[0].date.end) == (talks[0].date.start, talks[0].date.end)
    assert accuse[0].date.text == "During the talks"
    assert "date from E" in accuse[0].rule


def test_after_the_vote_runs_to_publication(run):
    doc = run("The Kenyan parliament voted last Tuesday to impose sanctions on Uganda. "
              "After the vote, Uganda recalled its ambassador from Kenya.")
    recall = [e for e in doc.events if e.cameo.startswith("16") or e.cameo.startswith("08")
              or e.cameo.startswith("17")]
    vote = [e for e in doc.events if e.date is not None and e.date.text == "last Tuesday"]
    assert vote and recall
    r = [e for e in recall if e.date.text == "After the vote"]
    assert r, [(e.cameo, e.date) for e in doc.events]
    assert r[0].date.start == vote[0].date.start and r[0].date.end == PUB.isoformat()


def test_own_date_words_win_and_indefinite_nouns_do_not_anchor(run):
    doc = run("Greek and Turkish diplomats held talks in Athens on Monday. "
              "On Wednesday, during talks with Cyprus, Greece accused Turkey of violating its airspace.")
    accuse = _by_code(doc, "112")
    assert accuse and accuse[0].date.text == "Wednesday"


def test_no_earlier_event_no_anchor(run):
    doc = run("During the conference, Greece accused Turkey of violating its airspace.")
    accuse = _by_code(doc, "112")
    assert accuse and accuse[0].date.text is None
    assert accuse[0].date.start == PUB.isoformat()
