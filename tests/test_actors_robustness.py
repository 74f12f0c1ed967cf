"""Bad or odd input never breaks the actors stage; the document keeps its actors and no error."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(pipeline):
    from polybius.ingest import read_text

    settings = pipeline.settings.replace(min_words_for_language_check=10**6)

    def run(text):
        doc = pipeline.code_document(read_text(text, settings))
        assert not any("stage actors failed" in e for e in doc.errors), doc.errors
        return doc

    return run


@pytest.mark.parametrize("text", [
    "(ABC) (DEF) ( ) ()",
    "He said it. They said he did. She, it, they.",
    "UNITED NATIONS WARNS IRAN OVER NUCLEAR PROGRAM AS US AND EU DIPLOMATS MEET IN VIENNA",
    "the the the of of of and and and 's 's",
    "Президент России Владимир Путин встретился с лидерами.",
    "President President President Prime Minister Minister General General.",
    "Iraq " * 400,
    "Minister of Silly Walks (MSW), the MSW, MSW's MSW and the M.S.W. said so.",
])
def test_odd_texts(code, text):
    doc = code(text)
    for a in doc.actors:
        assert a.mentions and a.id.startswith("A")
        for m in a.mentions:
            assert 0 <= m.start < m.end <= len(doc.text) and doc.text[m.start:m.end] == m.text


def test_all_caps_headline_still_finds_countries(code):
    doc = code("UNITED NATIONS WARNS IRAN OVER NUCLEAR PROGRAM\n\nThe United Nations warned Iran on Monday.")
    codes = {a.code for a in doc.actors}
    assert {"IGOUNO", "IRN"} <= codes


def test_many_sentences_one_actor_per_entity(code):
    text = " ".join(f"Iraqi Prime Minister Haider al-Abadi met Turkish officials in round {i}." for i in range(30))
    doc = code(text)
    assert len([a for a in doc.actors if a.kind == "person"]) == 1
    assert len([a for a in doc.actors if a.code == "TURGOV"]) == 1


def test_contract_kinds_and_ids_on_a_long_mixed_article(code):
    text = ("Kremlin rejects Kyiv peace plan\n\nMOSCOW — Russia on Tuesday rejected a plan put forward by Ukrainian "
            "President Volodymyr Zelensky. Kremlin spokesman Dmitry Peskov said Moscow remained open to talks. "
            "The country's defence ministry said its air defences shot down eight drones. Thousands of Castillo "
            "supporters, the rights group Hengaw and the Velmoran Liberation Army (VLA) were also named. The VLA "
            "said they would respond, and the country would not bow.")
    doc = code(text)
    ids = [a.id for a in doc.actors]
    assert len(ids) == len(set(ids))
    for a in doc.actors:
        assert a.kind in ("person", "organization", "country", "group")
        assert a.code is None or (len(a.code) >= 3 and a.code.replace("-", "").isalnum())
        assert a.reason
