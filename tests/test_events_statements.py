"""Statements coded from their speech verb (issue 12, class 8): a reported statement is an
event of its speaker, typed by its own cue words; sentences written for these tests, actors
built by hand."""
from __future__ import annotations

import datetime as dt

import pytest

from event_helpers import triple_coder

PUB = dt.date(2022, 3, 9)


@pytest.fixture(scope="module")
def code(nlp):
    return triple_coder(nlp, PUB)


def test_a_quote_with_a_criticism_cue_is_the_speakers_criticism(code):
    got = code('"This is simply intolerable," the Norway foreign minister said on Monday.',
               {"Norway foreign minister": "NORGOV"})
    assert ("NORGOV", "111", None) in got


def test_praise_of_an_accord_and_its_subject_as_target(code):
    got = code("Chile said the accord with Peru was a historic breakthrough.", {"Chile": "CHL", "Peru": "PER"})
    assert any(s == "CHL" and c == "051" for s, c, _ in got)
    got = code("Chile said Peru was a constructive partner.", {"Chile": "CHL", "Peru": "PER"})
    assert ("CHL", "051", "PER") in got


def test_a_statement_with_no_cue_is_a_plain_statement(code):
    assert ("KEN", "010", None) in code("Kenya said the talks would continue next month.", {"Kenya": "KEN"})


def test_a_threat_cue_and_a_denial_cue(code):
    assert ("CHN", "130", None) in code("China said there would be strong countermeasures.", {"China": "CHN"})
    assert ("IND", "016", None) in code("India said the reports were baseless and fabricated.", {"India": "IND"})


def test_a_description_with_a_cue_is_a_statement_about_the_object(code):
    got = code("Brazil described the decision of Argentina as catastrophic.", {"Brazil": "BRA", "Argentina": "ARG"})
    assert any(s == "BRA" and c == "111" for s, c, _ in got)
    # a name given with no stance word is no event
    assert not code("Brazil described Argentina as a neighbour.", {"Brazil": "BRA", "Argentina": "ARG"})


def test_a_reported_act_is_not_also_the_speakers_statement(code):
    got = code("Ghana said Togo attacked Benin on Monday.", {"Ghana": "GHA", "Togo": "TGO", "Benin": "BEN"})
    assert ("TGO", "190", "BEN") in got
    assert not any(s == "GHA" and c.startswith("01") for s, c, _ in got)
    # nor is a cue word that is the reported act itself the speaker's stance
    got = code("Togo violated the ceasefire with Benin, Ghana said.", {"Ghana": "GHA", "Togo": "TGO", "Benin": "BEN"})
    assert not any(s == "GHA" for s, _, _ in got)


def test_the_speakers_own_coded_act_is_not_doubled(code):
    got = code("Japan warned that it would retaliate against any attack by Korea.", {"Japan": "JPN", "Korea": "KOR"})
    assert sum(1 for s, _, _ in got if s == "JPN") == 1


def test_a_newspaper_reporting_is_attribution(code):
    assert not code("The Daily Courier reported that the talks were positive.", {"Daily Courier": "GBRMED"})


def test_a_commentator_is_no_speaker_of_statements(code):
    got = code("Smith Institute argues that the war will change the region. The Smith Institute said the talks "
               "were a historic breakthrough.", {"Smith Institute": "USANGO"})
    assert not any(s == "USANGO" for s, _, _ in got)


def test_a_hyphenated_cue_word(code):
    got = code('Austria described the killings as "cold-blooded" on Tuesday.', {"Austria": "AUT"})
    assert ("AUT", "111", None) in got
