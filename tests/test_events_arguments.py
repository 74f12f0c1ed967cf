"""Argument choice on real-news shapes (sentences written for these tests, full pipeline)."""
from __future__ import annotations

import datetime as dt

import pytest

PUB = dt.date(2022, 6, 10)


@pytest.fixture(scope="module")
def run(pipeline):
    from polybius.ingest import read_text

    def go(text):
        doc = pipeline.code_document(read_text(text, pipeline.settings, published=PUB))

        def code(aid):
            a = doc.actor(aid)
            return a.code if a else None

        return doc, [(code(e.source), code(e.target), e.cameo) for e in doc.events]

    return go


def test_a_date_is_never_a_target(run):
    doc, ev = run("The Kenyan president called on Monday for Uganda to reopen the border.")
    appeal = [e for e in ev if e[2].startswith("02")]
    assert appeal and appeal[0][:2] == ("KENGOV", "UGA"), ev


def test_date_in_a_pp_does_not_block_the_real_object(run):
    _, ev = run("The Greek foreign minister telephoned the Turkish ambassador on Tuesday.")
    assert any(s == "GRCGOV" and t and t.startswith("TUR") and c == "041" for s, t, c in ev), ev


def test_name_called_name_is_a_phone_call(run):
    # the parser reads "X called Y" like "a man called John": a name is not named
    _, ev = run("French President Emmanuel Macron called Chancellor Olaf Scholz of Germany on Wednesday "
                "and discussed energy prices.")
    assert ("FRAGOV", "DEUGOV", "041") in ev, ev


def test_instrument_subject_takes_its_agent(run):
    _, ev = run("Rockets fired by Hamas militants struck a military base of the Israeli army overnight.")
    attacks = [(s, t) for s, t, c in ev if c.startswith("19")]
    assert attacks, ev
    assert any(s and "HMS" in s for s, _ in attacks), ev
    assert any(t == "ISRMIL" for _, t in attacks), ev


def test_prefixed_irregular_verb_is_recognised(run):
    _, ev = run("Rebel fighters overran an army garrison in northern Mali.")
    assert any(c.startswith("19") for _, _, c in ev), ev


def test_host_a_dinner_for_a_guest(run):
    _, ev = run("The Japanese prime minister hosted a state banquet for the Indonesian president.")
    assert ("JPNGOV", "IDNGOV", "043") in ev, ev
