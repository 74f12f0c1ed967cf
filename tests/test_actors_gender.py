"""He/she agree with what the text says of a person's gender (sentences written for these tests)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(code_text):
    return code_text


def mentions_of(doc, name):
    for a in doc.actors:
        if a.name == name:
            return [m.text for m in a.mentions]
    raise AssertionError(f"no actor {name!r}: {[a.name for a in doc.actors]}")


def test_she_skips_a_man_named_with_mr(code):
    doc = code("Lena Borg chaired the hearing on Monday. \"Mr Dahl has ignored the auditors,\" she said.")
    assert "she" in mentions_of(doc, "Lena Borg")
    assert "she" not in mentions_of(doc, "Dahl")


def test_linked_pronoun_fixes_gender(code):
    doc = code("Tomas Ek met Karin Lund in Oslo. He thanked the mayor. Later Mr Ek said he would return.")
    assert mentions_of(doc, "Tomas Ek").count("he") + mentions_of(doc, "Tomas Ek").count("He") == 2


def test_relative_noun_takes_the_pronoun(code):
    doc = code("Ines Mora, whose son was arrested, spoke outside the court. \"My son wrote to us. He was afraid.\"")
    assert "He" not in mentions_of(doc, "Ines Mora")


def test_apposition_relative_does_not_block(code):
    doc = code("Pablo Serra, a father of two, waited at the gate. \"I will wait,\" he said.")
    assert "he" in mentions_of(doc, "Pablo Serra")
