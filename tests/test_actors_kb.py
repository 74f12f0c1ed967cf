"""The actors stage resolving names in the knowledge base (issue 13, part 2).

Made-up sentences and a small knowledge-base fixture (tests/data/kb/stage.tsv) swapped in for
the shipped tables."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import ROOT

from polybius.kb import KnowledgeBase

FIXTURE = ROOT / "tests" / "data" / "kb" / "stage.tsv"


@pytest.fixture(scope="module")
def code(pipeline, code_text):
    stage = dict(pipeline.stages)["actors"]
    saved = stage.kb._kb
    stage.kb._kb = KnowledgeBase.load([FIXTURE])

    def run(text, published=None):
        doc = code_text(text, published)
        assert not doc.skipped, doc.errors
        return doc

    yield run
    stage.kb._kb = saved


def with_mention(doc, text):
    return next((a for a in doc.actors if any(m.text == text for m in a.mentions)), None)


def test_name_without_accents_gets_dated_role_and_reason(code):
    doc = code("Zarko Velimirovic met the visiting delegation on Monday.", dt.date(2017, 5, 2))
    a = with_mention(doc, "Zarko Velimirovic")
    assert a is not None and a.code == "SRBGOV" and a.kind == "person"
    assert "knowledge base" in a.reason and "test:stage.tsv:3" in a.reason
    later = with_mention(code("Zarko Velimirovic met the visiting delegation on Monday.", dt.date(2022, 5, 2)),
                         "Zarko Velimirovic")
    assert later.code == "SRBELI"


def test_transliteration_variant(code):
    doc = code("Dmytro Kovalenkyy criticised the new tariffs on Tuesday.", dt.date(2021, 3, 1))
    a = with_mention(doc, "Dmytro Kovalenkyy")
    assert a is not None and a.code == "UKRGOV" and "test:stage.tsv:9" in a.reason


def test_surname_after_full_mention_joins_and_keeps_code(code):
    doc = code("Zarko Velimirovic arrived in the capital on Monday. Velimirovic later met the opposition leaders.",
               dt.date(2017, 5, 2))
    a = with_mention(doc, "Zarko Velimirovic")
    assert a is not None and a.code == "SRBGOV"
    assert any(m.text == "Velimirovic" for m in a.mentions)


def test_same_name_settled_by_date(code):
    a = with_mention(code("Amara Osei visited the flooded districts on Friday.", dt.date(2012, 6, 1)), "Amara Osei")
    assert a is not None and a.code == "GHAGOV" and "2 entries match" in a.reason


def test_same_name_unsettled_gets_no_code_and_says_why(code):
    a = with_mention(code("Amara Osei visited the flooded districts on Friday.", dt.date(2005, 6, 1)), "Amara Osei")
    assert a is not None and a.code is None
    assert "ambiguous" in a.reason and "neither" in a.reason


def test_outlet_as_source_of_information_is_no_participant(code):
    doc = code("Rebels attacked a police station in the north, a local official told Meridian News Agency.",
               dt.date(2020, 1, 5))
    a = with_mention(doc, "Meridian News Agency")
    assert a is not None and a.kind == "outlet" and a.code == "FRAMED"
    assert all(a.id not in (e.source, e.target) for e in doc.events)


def test_outlet_according_to_is_outlet(code):
    doc = code("According to Meridian, troops shelled the village overnight.", dt.date(2020, 1, 5))
    a = with_mention(doc, "Meridian")
    assert a is not None and a.kind == "outlet"


def test_outlet_acted_upon_stays_organization(code):
    doc = code("The government banned Meridian News Agency on Thursday.", dt.date(2020, 1, 5))
    a = with_mention(doc, "Meridian News Agency")
    assert a is not None and a.kind == "organization" and a.code == "FRAMED"


def test_place_as_object_is_no_actor_and_is_recorded(code):
    doc = code("The rebels attacked Port Velden, officials said.", dt.date(2020, 1, 5))
    assert with_mention(doc, "Port Velden") is None
    places = doc.extras.get("places") or []
    assert any(p["text"] == "Port Velden" and p["country"] == "KEN" and "place" in p["reason"] for p in places)


def test_place_acting_is_coded_as_its_country(code):
    a = with_mention(code("Port Velden welcomed the decision of the regional court.", dt.date(2020, 1, 5)), "Port Velden")
    assert a is not None and a.code == "KEN" and "place acting" in a.reason


def test_place_after_preposition_stays_uncoded_with_hook(code):
    doc = code("The army imposed a curfew in Port Velden after the clashes.", dt.date(2020, 1, 5))
    a = with_mention(doc, "Port Velden")
    assert a is None or a.code is None
    assert any(p["text"] == "Port Velden" for p in doc.extras.get("places") or [])


def test_platform_and_operation_are_no_actors(code):
    doc = code("Telegram blocked the channels after Operation Silver Dawn began.", dt.date(2020, 1, 5))
    assert with_mention(doc, "Telegram") is None
    assert not any("Silver Dawn" in m.text for a in doc.actors for m in a.mentions)


def test_armed_group_by_acronym(code):
    doc = code("The Front for Coastal Liberation claimed the attack on the pipeline.", dt.date(2020, 1, 5))
    a = with_mention(doc, "The Front for Coastal Liberation")
    assert a is not None and a.code == "NGAREB"


def test_knowledge_base_off_with_users_dictionaries_alone(nlp, tmp_path):
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    table = tmp_path / "actors.txt"
    table.write_text("VANDOR_PLASKETT [GHAGOV]\n", encoding="utf-8")
    settings = load_settings(env={}).replace(use_default_actors=False, actors_files=[str(table)],
                                             min_words_for_language_check=10**6)
    pipe = Pipeline(settings, nlp=nlp)
    stage = dict(pipe.stages)["actors"]
    assert stage.kb.enabled is False
    doc = pipe.code_document(read_text("Vladimir Putin met Vandor Plaskett in Accra.", settings))
    putin = with_mention(doc, "Vladimir Putin")
    assert putin is not None and putin.code is None
    assert stage.kb._kb is None  # never even read


def test_laws_and_treaties_are_no_actors(code):
    doc = code("The Harbour Safety Act took effect on Monday after the Coastal Fisheries Agreement expired.",
               dt.date(2020, 1, 5))
    assert not any("Agreement" in m.text or "Act" in m.text for a in doc.actors for m in a.mentions)


def test_military_command_is_military(code):
    doc = code("Ukraine's Southern Command said its forces repelled the attack.", dt.date(2023, 1, 5))
    a = next((a for a in doc.actors if any("Southern Command" in m.text for m in a.mentions)), None)
    assert a is not None and a.code == "UKRMIL"


def test_acronym_is_not_the_town_of_that_name(code):
    doc = code("The VELDO said on Monday that it would appeal the ruling.", dt.date(2020, 1, 5))
    assert with_mention(doc, "The VELDO") is not None
    assert not any(p["text"] == "VELDO" for p in doc.extras.get("places") or [])


def test_outlet_credit_and_pronoun_after_told(code):
    doc = code("PORT LOUIS (Meridian) - Troops fired on protesters, the Coastal Rights Watch group told Meridian. "
               "It said two people were wounded.", dt.date(2020, 1, 5))
    a = with_mention(doc, "Meridian")
    assert a is not None and a.kind == "outlet"
    assert not any(m.text == "It" for m in a.mentions)




def test_acronym_of_a_name_before_joins_it_not_the_knowledge_base(code):
    doc = code("The Southern African Development Community (SADC) deployed monitors on Friday. "
               "SADC said the count was credible.", dt.date(2020, 1, 5))
    a = with_mention(doc, "The Southern African Development Community")
    assert a is not None and sum(m.text == "SADC" for m in a.mentions) == 2
    assert not any(x.code == "IGOZZZ" for x in doc.actors)
