"""How PETRARCH-format actor and agent phrases meet the text: disconnected phrases, words
joined by underscores, possessors, distributed modifiers and stacked agents.

Every dictionary and sentence here is invented for the test (fictional countries), so the
mechanisms are checked apart from any benchmark's records."""
from __future__ import annotations

import datetime as dt

import pytest

ACTORS = """\
VELMORA [VLM]
+VELMORAN
+ORSK_TALBANE
VELMORA TELEVISION [VLMTV]
KARDOSIA [KRD]
+KARDOSIAN
TRELAND [TRL]
PRINCE OF VEL HARN [VHN]
NORTH_VELMORAN [NVLGOV]
"""
AGENTS = """\
GOVERNMENT [~GOV]
MINISTER [~GOV]
LAWMAKER [~LEG]
OFFICIAL [~GOV]
MEDIA {} [~MED]
ISLAMIST [~MUS]
PEACE_COUNCIL {} [~PCE]
"""


@pytest.fixture(scope="module")
def code(nlp, tmp_path_factory):
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    d = tmp_path_factory.mktemp("dicts")
    (d / "actors.txt").write_text(ACTORS, encoding="utf-8")
    (d / "agents.txt").write_text(AGENTS, encoding="utf-8")
    settings = load_settings(env={}).replace(stages=["actors"], use_default_actors=False,
                                             actors_files=[str(d / "actors.txt")],
                                             agents_files=[str(d / "agents.txt")],
                                             min_words_for_language_check=10**6)
    pipe = Pipeline(settings, nlp=nlp)

    def run(text):
        return pipe.code_document(read_text(text, settings, published=dt.date(2020, 5, 1)))

    return run


def at(doc, surface):
    """Codes of the actors with a mention over the first occurrence of ``surface``."""
    i = doc.text.index(surface)
    return sorted(a.code or "" for a in doc.actors_at(i, i + len(surface)))


def test_disconnected_phrase_takes_modifiers_between_its_words(code):
    doc = code("The minister spoke on Velmora state-run television on Monday.")
    assert at(doc, "television") == ["VLMTV"]
    assert "VLM" not in {a.code for a in doc.actors}  # the country word is part of the phrase
    # only modifiers inside the noun phrase may come between: a verb may not
    doc = code("Velmora said television would cover the vote.")
    assert at(doc, "Velmora") == ["VLM"] and at(doc, "television") == []
    # nor another name
    doc = code("The minister spoke on Velmora French television on Monday.")
    assert "VLMTV" not in {a.code for a in doc.actors}


def test_words_joined_by_underscores_in_the_text(code):
    doc = code("Kardosia warned the Prince of Vel_Harn on Friday.")
    assert at(doc, "Vel_Harn") == ["VHN"]
    assert at(doc, "Kardosia") == ["KRD"]


def test_possessive_country_owns_the_title_over_a_country_level_name(code):
    # the name is listed only under another country's entry: the possessor says whose minister
    doc = code("Kardosia's outspoken minister Orsk Talbane warned Treland on Friday.")
    assert at(doc, "Orsk Talbane") == ["KRDGOV"]
    assert at(doc, "Kardosia") == ["KRDGOV"]  # the possessor is part of the title, not an actor beside it
    assert "VLMGOV" not in {a.code for a in doc.actors}


def test_conjoined_prep_objects_are_parts_of_the_distributed_actors(code):
    doc = code("Lawmakers and officials in Kardosia and Treland welcomed the plan.")
    codes = sorted(a.code for a in doc.actors)
    assert codes == ["KRDGOV", "KRDLEG", "TRLGOV", "TRLLEG"]
    assert at(doc, "Treland") == ["TRLGOV", "TRLLEG"]
    leg = next(a for a in doc.actors if a.code == "KRDLEG")
    assert [(m.text, m.rule) for m in leg.mentions][-1] == ("Kardosia", "prep-object")
    # one country: it stays an actor of its own beside the lawmakers
    doc = code("Lawmakers in Kardosia welcomed the plan.")
    assert sorted(a.code for a in doc.actors) == ["KRD", "KRDLEG"]


def test_dictionary_actor_and_agent_before_an_unknown_head_stack(code):
    # "envoys" is in no dictionary: the coded words before it are an actor of their own,
    # the entry's full code followed by the agent's
    doc = code("North Velmoran peace council envoys arrived in Treland on Monday.")
    assert at(doc, "North Velmoran peace council") == ["NVLGOVPCE"]


def test_one_word_title_decides_the_kind_of_a_petrarch_agent(code):
    # "government" is a body in our agents table, though "head of government" is a person's title
    doc = code("The Kardosian government condemned the attack.")
    gov = next(a for a in doc.actors if a.code == "KRDGOV")
    assert gov.kind == "organization"


def test_two_dictionary_actors_joined_by_of_stay_two_actors(code):
    # the tagger may read "Treland of the Prince of Vel Harn" as one name; the dictionary
    # knows both sides, so each is its own actor
    doc = code("The Danish media warned the population of Treland of the Prince of Vel Harn.")
    assert at(doc, "Treland") == ["TRL"]
    assert at(doc, "Prince of Vel Harn") == ["VHN"]


def test_countries_before_an_unknown_noun_of_persons_are_its_people(code):
    doc = code("The envoy met Kardosian and Treland herders on Monday.")
    assert at(doc, "herders") == ["KRD", "TRL"]
    assert {a.kind for a in doc.actors if a.code in ("KRD", "TRL")} == {"group"}
    # a noun of things stays a thing: the country is only its modifier
    doc = code("Kardosian strikes hit the port.")
    assert at(doc, "strikes") == [] and at(doc, "Kardosian") == ["KRD"]


def test_unknown_possessor_is_part_of_the_title_holders_phrase(code):
    doc = code("Gryffinmoor's head Anna Korvath left for Treland on Monday, Ilsa Varn's news agency reported.")
    korvath = next(a for a in doc.actors if a.name == "Anna Korvath")
    assert korvath.code is None  # nobody's dictionary knows her: an actor without a code
    assert korvath.mentions[0].text.startswith("Gryffinmoor's head")
    # a possessive marker is not part of a person's name
    assert any(a.name == "Ilsa Varn" for a in doc.actors)


def test_readers_mark_where_a_phrase_may_have_words_between(tmp_path):
    from polybius.dictionaries.agents import read_agent_dictionary
    from polybius.dictionaries.petrarch_actors import read_actor_dictionary

    a = tmp_path / "a.txt"
    a.write_text("VELMORA TELEVISION [VLMTV]\nRADAGAR THE_GREY [RDG]\nNORTH_VELMORAN [NVL]\n", encoding="utf-8")
    gaps = {" ".join(w): w.gaps for w, _, _ in read_actor_dictionary(str(a))}
    assert gaps == {"VELMORA TELEVISION": (1,), "RADAGAR THE GREY": (1,), "NORTH VELMORAN": ()}
    g = tmp_path / "g.txt"
    g.write_text("SECURITY SERVICE [~GOV]\n", encoding="utf-8")
    rows = {" ".join(w).lower(): w.gaps for w, _ in read_agent_dictionary(str(g))}
    assert rows == {"security service": (1,), "security services": (1,)}
