"""Verb coverage and word sense by argument type (issue 12, classes 5 and 10): sentences
written for these tests, actors built by hand so that a failure points at the dictionary."""
from __future__ import annotations

import datetime as dt

import pytest

from event_helpers import triple_coder

PUB = dt.date(2021, 6, 12)


@pytest.fixture(scope="module")
def code(nlp):
    return triple_coder(nlp, PUB)


@pytest.mark.parametrize("text, actors, expected, wrong", [
    # a protest lodged is an official complaint (114), not a demonstration (14)
    ("Portugal lodged a strong protest with Spain over the fishing dispute.", {"Portugal": "PRT", "Spain": "ESP"},
     ("PRT", "114", "ESP"), "14"),
    # phone calls to someone are consultations (04), not appeals (02)
    ("Brazil held phone calls to Argentina on Monday.", {"Brazil": "BRA", "Argentina": "ARG"}, ("BRA", "041", "ARG"), "02"),
    # tear gas is repression (175), not small-arms fire (193)
    ("Ecuador police fired tear gas at the students.", {"Ecuador police": "ECUCOP", "students": "ECUEDU"},
     ("ECUCOP", "175", "ECUEDU"), "193"),
])
def test_sense_by_object(code, text, actors, expected, wrong):
    got = code(text, actors)
    assert expected in got
    assert not any(c.startswith(wrong) for _, c, _ in got)


def test_surgical_strikes_are_military_force_not_a_labour_strike(code):
    got = code("Chile carried out surgical strikes on rebel camps in Peru.", {"Chile": "CHL", "Peru": "PER"})
    assert any(s == "CHL" and c.startswith("19") for s, c, _ in got)
    assert not any(c == "143" for _, c, _ in got)


def test_armies_clashing_fight_and_crowds_clashing_riot(code):
    got = code("Soldiers from Chile clashed with Peru on the frontier.", {"Soldiers from Chile": "CHLMIL", "Peru": "PER"})
    assert ("CHLMIL", "190", "PER") in got
    got = code("Students clashed with Peru on Friday.", {"Students": "CHLEDU", "Peru": "PER"})
    assert ("CHLEDU", "145", "PER") in got


def test_released_documents_are_no_release_of_prisoners(code):
    got = code("Mexico released a transcript of the call with Belize.", {"Mexico": "MEX", "Belize": "BLZ"})
    assert not any(c.startswith("084") for _, c, _ in got)


def test_charged_with_a_duty_is_no_arrest(code):
    got = code("The Mexico commission was charged with overseeing the vote.", {"Mexico commission": "MEXGOV"})
    assert not any(c.startswith("17") for _, c, _ in got)
    got = code("Mexico charged Pedro Gomez with fraud.", {"Mexico": "MEX", "Pedro Gomez": "MEXCVL"})
    assert any(c.startswith("17") or c.startswith("11") for _, c, _ in got)


def test_a_court_challenge_vowed_is_a_legal_act_not_cooperation(code):
    got = code("The opposition vowed to challenge the result in court.", {"opposition": "KENOPP"})
    assert any(s == "KENOPP" and c.startswith("11") for s, c, _ in got)
    assert not any(c.startswith("03") for _, c, _ in got)


def test_missile_launched_into_the_sea_is_a_show_of_force(code):
    got = code("Norway test-fired a cruise missile into the sea on Tuesday.", {"Norway": "NOR"})
    assert ("NOR", "150", None) in got
    got = code("Norway fired rockets at Sweden on Tuesday.", {"Norway": "NOR", "Sweden": "SWE"})
    assert ("NOR", "195", "SWE") in got


def test_motions_anger_stones_gatherings_and_removal(code):
    assert ("NZLOPP", "111", "NZLGOV") in code("Labour tabled a motion of no confidence in the government.",
                                                {"Labour": "NZLOPP", "government": "NZLGOV"})
    assert ("CHN", "111", "USA") in code("China expressed anger at the United States.", {"China": "CHN", "United States": "USA"})
    assert any(s == "FRAOPP" and c.startswith("14") for s, c, _ in code(
        "Demonstrators threw stones at the police.", {"Demonstrators": "FRAOPP", "police": "FRACOP"}))
    assert any(s == "FRAOPP" and c == "141" for s, c, _ in code(
        "Thousands of protesters gathered outside parliament on Sunday.", {"protesters": "FRAOPP"}))
    assert ("PERLEG", "172", "PERGOV") in code("Congress voted to remove President Gomez from office.",
                                               {"Congress": "PERLEG", "President Gomez": "PERGOV"})
    assert ("KENGOV", "120", None) in code("Four election commissioners disowned the results.",
                                           {"election commissioners": "KENGOV"})
    assert ("GRC", "020", "IGOEUREEC") in code("Greece invoked an emergency clause of the EU treaty.",
                                               {"Greece": "GRC", "EU": "IGOEUREEC"})


def test_dissolving_parliament_is_an_administrative_sanction(code):
    got = code("The president of Peru dissolved Congress on Monday.", {"president of Peru": "PERGOV", "Congress": "PERLEG"})
    assert ("PERGOV", "172", "PERLEG") in got
