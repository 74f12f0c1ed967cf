"""User dictionaries: PETRARCH files and Polybius tables, with or without the embedded defaults."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import SHARED, needs_shared, run_cli


@pytest.fixture(scope="module")
def make_pipe(nlp):
    from polybius.config import load_settings
    from polybius.pipeline import Pipeline

    def make(**kw):
        settings = load_settings(env={}).replace(stages=["actors"], min_words_for_language_check=10**6, **kw)
        return settings, Pipeline(settings, nlp=nlp)

    return make


def code_with(settings, pipe, text, day=None):
    from polybius.ingest import read_text

    return pipe.code_document(read_text(text, settings, **({"published": day} if day else {})))


def test_user_tsv_tables_and_dated_roles(tmp_path, make_pipe):
    people = tmp_path / "people.tsv"
    people.write_text("[VLMGOV 20100101-20151231] [VLMELI]\tOrsolya Kvarn|Kvarn\n", encoding="utf-8")
    orgs = tmp_path / "orgs.tsv"
    orgs.write_text("VLMREB\torganization\tVelmoran Liberation Army|VLA\n", encoding="utf-8")
    settings, pipe = make_pipe(actors_files=[str(people), str(orgs)])
    text = "Orsolya Kvarn accused the Velmoran Liberation Army of the attack. Kvarn said the VLA must disarm."
    doc = code_with(settings, pipe, text, dt.date(2012, 5, 1))
    codes = {a.name: a.code for a in doc.actors}
    assert codes["Orsolya Kvarn"] == "VLMGOV" and codes["Velmoran Liberation Army"] == "VLMREB"
    kvarn = next(a for a in doc.actors if a.name == "Orsolya Kvarn")
    assert [m.text for m in kvarn.mentions] == ["Orsolya Kvarn", "Kvarn"]
    assert kvarn.roles and kvarn.roles[0]["code"] == "VLMGOV" and kvarn.roles[0]["start"] == "2010-01-01"
    later = code_with(settings, pipe, text, dt.date(2019, 5, 1))
    assert {a.name: a.code for a in later.actors}["Orsolya Kvarn"] == "VLMELI"


def test_without_defaults_only_user_entries_code(tmp_path, make_pipe):
    actors = tmp_path / "a.txt"
    actors.write_text("VELMORA_ [VLM]\n+VELMORAN_\n", encoding="utf-8")
    settings, pipe = make_pipe(actors_files=[str(actors)], use_default_actors=False)
    doc = code_with(settings, pipe, "Velmoran troops entered France on Monday.")
    codes = {a.code for a in doc.actors}
    assert "VLM" in codes or "VLMMIL" in codes
    assert not any(c and c.startswith("FRA") for c in codes)  # no embedded country table


def test_malformed_user_dictionary_is_refused(tmp_path):
    from polybius.config import load_settings
    from polybius.dictionaries import DictionaryError
    from polybius.registry import get_stage

    bad = tmp_path / "bad.txt"
    bad.write_text("VELMORA [VLM\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad.txt:1"):
        get_stage("actors")(load_settings(env={}).replace(actors_files=[str(bad)]), None)


def test_env_switch_for_defaults():
    from polybius.config import load_settings

    assert load_settings(env={"POLYBIUS_USE_DEFAULT_ACTORS": "0"}).use_default_actors is False
    assert load_settings(env={}).use_default_actors is True


@needs_shared
def test_cli_codes_with_petrarch_dictionaries(tmp_path):
    d = SHARED / "benchmarks" / "petrarch" / "dictionaries"
    art = tmp_path / "a.txt"
    art.write_text("Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds "
                   "trashed its embassy, a senior official said on Saturday.\n", encoding="utf-8")
    r = run_cli("code", str(art), "--actors", str(d / "PETR.Validate.actors.txt"), "--agents",
                str(d / "PETR.Validate.agents.txt"), env={"POLYBIUS_STAGES": "actors", "POLYBIUS_USE_DEFAULT_ACTORS": "0"})
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    out = r.stdout.decode()
    assert '"ARN"' in out and '"GON"' in out


def test_discards_reported_for_later_stages(tmp_path, make_pipe):
    d = tmp_path / "discards.txt"
    d.write_text("# discards\n+WORLD CUP FINAL\nBRONZE MEDAL\n", encoding="utf-8")
    settings, pipe = make_pipe(discards_files=[str(d)])
    doc = code_with(settings, pipe, "Kenya won the bronze medal on Sunday. The government praised the team.")
    disc = doc.extras["discards"]
    assert disc["story"] is False and disc["sentences"] == [0]
    doc = code_with(settings, pipe, "France beat Morocco before the World Cup final in Qatar.")
    assert doc.extras["discards"]["story"] is True
    assert doc.actors  # discards never remove actors; the events stage decides
