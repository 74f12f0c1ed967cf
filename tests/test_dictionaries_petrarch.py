"""Readers of PETRARCH actor, agent and discard dictionaries, and the dated-role logic."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from conftest import SHARED, needs_shared
from polybius.dictionaries import DictionaryError, build_lexicon
from polybius.dictionaries.agents import read_agent_dictionary
from polybius.dictionaries.discards import read_discard_dictionary
from polybius.dictionaries.petrarch_actors import read_actor_dictionary

DICTS = SHARED / "benchmarks" / "petrarch" / "dictionaries"


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return str(p)


def test_actor_file_synonyms_and_dated_roles(tmp_path):
    path = write(tmp_path, "a.txt", """# comment
<!-- a comment block
spanning lines -->
VELMORA_  [VLM]
+VELMORAN
+THE_VELMORA_REPUBLIC_
JANE_QUORB_  # a person
\t[VLMELI 780101-000101]
\t[VLMGOV >090120]
OTTO_PRELL_ [VLMGOV 19950601 - 19990815] [VLMREB > 990816]
""")
    rows = read_actor_dictionary(path)
    names = {" ".join(w).lower(): (stem, e) for w, stem, e in rows}
    assert names["velmora"][1].roles[0].code == "VLM"
    assert names["velmoran"][0] is True  # no final "_": a stem
    assert names["the velmora republic"][0] is False
    jane = names["jane quorb"][1]
    assert jane.role_on(dt.date(1990, 5, 1)).code == "VLMELI"
    assert jane.role_on(dt.date(2010, 1, 1)).code == "VLMGOV"
    otto = names["otto prell"][1]
    assert otto.role_on(dt.date(1999, 8, 15)).code == "VLMGOV"
    assert otto.role_on(dt.date(2001, 1, 1)).code == "VLMREB"


def test_default_role_and_before_restriction(tmp_path):
    path = write(tmp_path, "a.txt", "ZEMBLA\n\t[ZMO <790606]\n\t[ZMB]\n")
    e = read_actor_dictionary(path)[0][2]
    assert e.role_on(dt.date(1978, 12, 23)).code == "ZMO"
    assert e.role_on(dt.date(2001, 1, 1)).code == "ZMB"


@pytest.mark.parametrize("bad", ["ZEMBLA [ZMB\n", "+ORPHAN_SYNONYM\n", "ZEMBLA [Z*B]\n", "\t[ZMB]\n"])
def test_malformed_actor_line_names_file_and_line(tmp_path, bad):
    path = write(tmp_path, "bad.txt", "# header\n" + bad)
    with pytest.raises(DictionaryError) as ei:
        read_actor_dictionary(path)
    assert "bad.txt:2" in str(ei.value)


def test_binary_or_wrong_encoding_refused(tmp_path):
    path = write(tmp_path, "u16.txt", "ZEMBLA [ZMB]\n", encoding="utf-16")
    with pytest.raises(DictionaryError):
        read_actor_dictionary(path)


def test_agents_substitution_prefix_and_plurals(tmp_path):
    path = write(tmp_path, "ag.txt", """!PERSON! = MAN, MEN, WOMAN, WOMEN
CONGRESS!PERSON! [~LEG]
PEACE_MONITOR [NGO~]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
DIPLOMAT [~GOV]
""")
    rows = {" ".join(w).lower(): e for w, e in read_agent_dictionary(path)}
    assert rows["congresswomen"].code == "LEG"
    assert rows["peace monitor"].prefix is True and rows["peace monitor"].code == "NGO"
    assert rows["police"].lemma_ok is False and "polices" not in rows
    assert "attorneys general" in rows
    assert "diplomats" in rows


def test_malformed_agent_line(tmp_path):
    path = write(tmp_path, "ag.txt", "DIPLOMAT [GOV]\n")
    with pytest.raises(DictionaryError, match="ag.txt:1"):
        read_agent_dictionary(path)


def test_discards(tmp_path):
    path = write(tmp_path, "d.txt", "# c\n+WORLD CUP FINAL\nBRONZE MEDAL  # sentence\n")
    ds = read_discard_dictionary(path)
    assert [(d.words, d.story) for d in ds] == [(["WORLD", "CUP", "FINAL"], True), (["BRONZE", "MEDAL"], False)]


def test_conflicting_entries_warn_with_both_sources(tmp_path):
    a = write(tmp_path, "a.txt", "ZEMBLA_ [ZMB]\n")
    b = write(tmp_path, "b.txt", "ZEMBLA_ [ZMX]\n")
    lex = build_lexicon([a, b], use_defaults=False)
    assert any("a.txt:1" in w and "b.txt:1" in w for w in lex.warnings)


@needs_shared
def test_phoenix_dictionaries_load_fast():
    t = time.process_time()  # CPU time: the machine is shared
    lex = build_lexicon([str(DICTS / f) for f in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                                                   "Phoenix.MilNonState.actors.txt")],
                        [str(DICTS / "Phoenix.agents.txt")], [str(DICTS / "Phoenix.discards.txt")])
    assert time.process_time() - t < 6  # benchmarks/actors_dictionary_load.py measures ~2 s wall
    assert len(lex.actors) > 30000 and len(lex.agents) > 2000


@needs_shared
def test_validation_dictionaries_code_like_petrarch(nlp):
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    settings = load_settings(env={}).replace(
        actors_files=[str(DICTS / "PETR.Validate.actors.txt")], agents_files=[str(DICTS / "PETR.Validate.agents.txt")],
        use_default_actors=False, stages=["actors"], min_words_for_language_check=10**6)
    pipe = Pipeline(settings, nlp=nlp)

    def codes(text, day):
        doc = pipe.code_document(read_text(text, settings, published=day))
        return {a.code for a in doc.actors}

    d = dt.date(1995, 1, 1)
    assert {"ARN", "GON"} <= codes("Arnor is about to restore full diplomatic ties with Gondor.", d)
    assert "ARNGOV" in codes("An Arnor diplomat is about to restore full diplomatic ties with Gondor.", d)
    assert "GONCOP" in codes("Arnor is about to restore full diplomatic ties with Gondor police.", d)
    assert "NGOARN" in codes("MSF Arnor is about to restore full diplomatic ties with Gondor.", d)
    assert "HOBGOV" in codes("Hamfast Gamgee has criticized the recent closure of guest houses in Bree.", dt.date(2012, 11, 9))
    assert "HOB" in codes("Hamfast Gamgee has rescheduled his annual trip.", dt.date(2014, 1, 4))
    assert "RHO" in codes("Zimbabwe is about to restore full diplomatic ties with Gondor.", dt.date(1978, 12, 23))
