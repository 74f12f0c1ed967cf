"""The stage contract (requires/assigns checked when a pipeline is built) and the
pipeline cache key (the whole frozen settings object)."""
from __future__ import annotations

import pickle

import pytest

from polybius.config import Settings, load_settings
from polybius.stages import PipelineError, Stage, check_order, describe


class _Needs(Stage):
    name = "needs"
    requires = ("nlp", "events")
    assigns = ("extras.needs",)


class _Makes(Stage):
    name = "makes"
    requires = ("nlp",)
    assigns = ("events",)


def test_order_is_checked_when_built():
    s = load_settings(env={})
    check_order([("makes", _Makes(s, None)), ("needs", _Needs(s, None))])
    with pytest.raises(PipelineError, match=r"stage 'needs' requires 'events'.*assigned by makes"):
        check_order([("needs", _Needs(s, None)), ("makes", _Makes(s, None))])
    with pytest.raises(PipelineError, match="no configured stage"):
        check_order([("needs", _Needs(s, None))])


def test_plugin_callables_without_a_contract_need_nothing():
    check_order([("plain", lambda doc: None)])
    assert describe([("plain", lambda doc: None)]) == [{"name": "plain", "requires": [], "assigns": []}]


def test_builtin_stages_declare_their_layers(nlp):
    from polybius.pipeline import Pipeline

    p = Pipeline(load_settings(env={}), nlp=nlp)
    rows = {r["name"]: r for r in p.describe()}
    assert rows["actors"]["assigns"][0] == "actors"
    assert "actors" in rows["events"]["requires"] and rows["events"]["assigns"] == ["events"]
    assert set(rows["speech"]["assigns"]) == {"quotes", "stances"}


def test_a_misordered_pipeline_is_refused(nlp):
    from polybius.pipeline import Pipeline

    with pytest.raises(PipelineError, match="stage 'events' requires 'actors'"):
        Pipeline(load_settings(env={}, stages=["events", "actors"]), nlp=nlp)


def test_settings_are_frozen_and_hashable():
    s = load_settings(env={})
    with pytest.raises(Exception):
        s.db = "other.duckdb"
    with pytest.raises(TypeError, match="frozen"):
        s.stages.append("x")
    assert s == Settings() and hash(s) == hash(Settings())
    assert pickle.loads(pickle.dumps(s)) == s
    with pytest.raises(TypeError, match="list of strings"):
        Settings(stages="actors")


@pytest.mark.parametrize("change", [
    {"use_default_actors": False}, {"discards_files": ["x.txt"]}, {"event_modalities": ["asserted"]},
    {"actors_story_country": False}, {"batch_size": 7},
])
def test_every_setting_is_part_of_the_pipeline_key(monkeypatch, change):
    import polybius.pipeline as pl

    built = []
    monkeypatch.setattr(pl, "_DEFAULT", {})
    monkeypatch.setattr(pl, "Pipeline", lambda settings: built.append(settings) or object())
    base = load_settings(env={})
    first = pl.default_pipeline(base)
    assert pl.default_pipeline(base.replace()) is first  # equal settings share one pipeline
    assert pl.default_pipeline(base.replace(**change)) is not first
    assert len(built) == 2
