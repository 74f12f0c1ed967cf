"""Owners of titles through possessive pronouns: "its secretary general" is the organisation's."""
from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="module")
def run(code_text):
    return lambda text: code_text(text, dt.date(2024, 5, 2))


def test_its_officer_belongs_to_the_organisation_subject(run):
    doc = run("The African Union will send a mission to Bamako next week, its chairman said on Monday.")
    chair = [a for a in doc.actors if "chairman" in a.name.lower()]
    assert chair and chair[0].code == "IGOAFRAFU", [(a.name, a.code) for a in doc.actors]


def test_a_subject_spelled_over_several_words_is_the_subject(run):
    # the head of "the Organization of American States" is its first noun, not "States"
    doc = run("The Organization of American States criticised Caracas, and its secretary general "
              "called for new elections.")
    sg = [a for a in doc.actors if "secretary" in a.name.lower()]
    assert sg and sg[0].code == "IGOOAS", [(a.name, a.code) for a in doc.actors]


def test_a_name_of_our_tables_keeps_its_capitals(run):
    doc = run("The rebels fight for a strict Islamic state in the north of Mali.")
    assert not any(a.code and a.code.startswith("IMG") for a in doc.actors), [(a.name, a.code) for a in doc.actors]
    doc = run("The Islamic State claimed the bombing in Mali.")
    assert any(a.code == "IMGMUSISI" for a in doc.actors)
