"""Who takes part in an event (issue 12, ranks 1 and 7 of docs/realnews-analysis.md): reciprocal
acts give both directions; places, the source's own fighters and the borrowed subject of a
passive are never participants.  Sentences written for these tests, full pipeline."""
from __future__ import annotations

import datetime as dt

import pytest

PUB = dt.date(2023, 3, 14)


@pytest.fixture(scope="module")
def run(code_text):
    """``run(text) -> [(source code, target code, cameo, source name, target name)]``."""
    def names(doc, e):
        s, t = doc.actor(e.source), doc.actor(e.target)
        return (s.code if s else None, t.code if t else None, e.cameo, s.name if s else None, t.name if t else None)

    return lambda text: [names(doc, e) for doc in [code_text(text, PUB)] for e in doc.events]


def test_accused_each_other_gives_both_directions(run):
    ev = run("France and Germany accused each other of breaking the fishing agreement.")
    pairs = {(s, t) for s, t, c, *_ in ev if c.startswith("11")}
    assert {("FRA", "DEU"), ("DEU", "FRA")} <= pairs, ev


def test_exchanged_fire_between_two_armies_is_fighting_both_ways(run):
    ev = run("Pakistani and Afghan troops exchanged fire along the border on Tuesday.")
    pairs = {(s, t) for s, t, c, *_ in ev if c.startswith("19")}
    assert {("PAKMIL", "AFGMIL"), ("AFGMIL", "PAKMIL")} <= pairs, ev


def test_clashed_names_both_sides_from_one_phrase(run):
    ev = run("Indian and Chinese soldiers clashed in a mountain valley on Friday.")
    assert any(s == "INDMIL" and t == "CHNMIL" for s, t, *_ in ev), ev
    assert any(s == "CHNMIL" and t == "INDMIL" for s, t, *_ in ev), ev


def test_towns_where_troops_fired_are_places_not_targets(run):
    ev = run("Government forces opened fire in most of the towns where protests took place, "
             "such as Laramir, Tolvan and Kestrel, a rights group said.")
    assert ev and all(tn not in ("Laramir", "Tolvan", "Kestrel") for *_, tn in ev), ev
    assert len([e for e in ev if e[2].startswith("19")]) == 1, ev


def test_an_uncoded_village_attacked_is_no_target(run):
    ev = run("Armed men attacked the village of Kamara on Sunday.")
    assert ev and all(tn != "Kamara" for *_, tn in ev), ev


def test_the_wounded_never_attack(run):
    ev = run("Gunmen opened fire on a bus near the capital. A woman died and 41 were wounded.")
    assert all(sn is None or "woman" not in sn.lower() for *_, sn, _tn in ev), ev


def test_the_sources_own_fighters_are_no_target(run):
    ev = run("The militants said they launched an attack on the Dorvat base with a car bomb and fighters.")
    attack = [e for e in ev if e[2].startswith("19")]
    assert attack and all(t is None or t != s for s, t, *_ in attack), ev


def test_a_leader_announcing_what_his_government_will_do_is_the_source(run):
    ev = run("Prime Minister Andrew Holness has announced that the government will extend the nightly curfew.")
    assert ev and all(sn == "Andrew Holness" for _s, _t, _c, sn, _tn in ev), ev


def test_an_attribution_after_the_act_is_not_the_source(run):
    ev = run("Britain is deploying 300 troops to the peacekeeping mission in Mali, its defence ministry said on Thursday.")
    assert any(s == "GBR" for s, *_ in ev), ev
