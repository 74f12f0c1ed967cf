"""Factuality of coded events (issue 12): background, denied, alleged and conditional content is
set aside by the rules and the trained model together; asserted acts stay.  Sentences made up."""
from __future__ import annotations

import datetime as dt

import pytest

from event_helpers import hand_coder

PUB = dt.date(2024, 3, 16)
ACTORS = {"Ruritania": "RUR", "Freedonia": "FRE", "Ruritanian troops": "RURMIL", "Freedonian police": "FREPOL",
          "journalists": "MED"}


@pytest.fixture(scope="module")
def coded(nlp):
    return hand_coder(nlp, PUB)


@pytest.fixture(scope="module")
def coded_all(nlp):
    return hand_coder(nlp, PUB, keep_background=True)


def _codes(doc):
    return [(e.cameo, e.modality) for e in doc.events]


def test_background_war_is_not_news(coded, coded_all):
    text = "Ruritania and Freedonia fought a border war in 1962."
    assert coded(text, ACTORS).events == []
    kept = coded_all(text, ACTORS).events
    assert kept and {e.modality for e in kept} == {"background"}
    assert all("factuality=background" in e.rule for e in kept)


def test_recent_act_is_kept(coded):
    doc = coded("Freedonian police arrested 12 journalists on Thursday.", ACTORS)
    assert ("173", "asserted") in _codes(doc) or any(e.cameo.startswith("17") for e in doc.events)


def test_dated_act_before_the_window_is_background(coded, coded_all):
    text = "Freedonian police arrested 12 journalists in January 2021."
    assert coded(text, ACTORS).events == []
    assert {e.modality for e in coded_all(text, ACTORS).events} == {"background"}


def test_denied_content_is_not_coded(coded):
    doc = coded("Ruritania denied that Ruritanian troops had attacked Freedonia.", ACTORS)
    assert not any(e.cameo.startswith(("18", "19")) for e in doc.events)


def test_alleged_content_is_not_coded_but_the_accusation_is(coded):
    doc = coded("Freedonia accused Ruritania on Friday of allegedly shelling villages.", ACTORS)
    assert not any(e.cameo.startswith(("18", "19")) for e in doc.events)


def test_settings_and_rules_are_data():
    from polybius.config import Settings
    from polybius.events.lexicon import event_lexicon

    lex = event_lexicon()
    assert 0 < lex.factuality.hard < lex.factuality.soft < 1 and lex.factuality.window_days == 14
    assert "ccomp<deny" in lex.factuality_cues
    assert Settings().keep_background is False
