"""PLOVER 2.0 event types of verb senses added for the PLOVER gold-standard work (issue #4), on
sentences written for these tests with actors built by hand (as in test_events_coding.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from event_helpers import hand_coder

PUB = dt.date(2020, 1, 11)


@pytest.fixture(scope="module")
def code(nlp):
    return hand_coder(nlp, PUB)


def events(doc):
    """(source code, target code, CAMEO, PLOVER event, modality) of every event."""
    def c(aid):
        a = doc.actor(aid)
        return a.code if a else None
    return [(c(e.source), c(e.target), e.cameo, e.plover.event if e.plover else None, e.modality) for e in doc.events]


def plovers(doc):
    return {e.plover.event for e in doc.events if e.plover}


# ---------------------------------------------------------------- the 2.0 manual's categories
def test_codebook_follows_the_plover_2_manual():
    from polybius.events.codebook import default_codebook

    cb = default_codebook().codes
    assert (cb["163"].plover_event, cb["163"].plover_mode) == ("SANCTION", "discontinue")   # sanctions
    assert (cb["0831"].plover_event, cb["0831"].plover_mode) == ("RETREAT", "resign")       # resignations
    assert cb["0813"].plover_event == cb["0814"].plover_event == "CONCEDE"                  # lifting curfews
    assert (cb["1712"].plover_event, cb["1712"].plover_mode) == ("ASSAULT", "destroy")
    assert cb["191"].plover_event == "COERCE" and cb["181"].plover_event == "ASSAULT"


def test_sanctions_blockades_resignations_curfews(code):
    doc = code("The Freedonian government imposed sanctions on Ruritania on Monday.",
               {"The Freedonian government": "FREGOV", "Ruritania": "RUR"})
    assert events(doc) == [("FREGOV", "RUR", "163", "SANCTION", "asserted")]
    doc = code("The Ruritanian navy reimposed its blockade on the port of Zenda.", {"The Ruritanian navy": "RURMIL"})
    assert [e[2:4] for e in events(doc)] == [("191", "COERCE")]
    doc = code("The Freedonian defence minister resigned on Tuesday.", {"The Freedonian defence minister": "FREGOV"})
    assert [e[2:4] for e in events(doc)] == [("0831", "RETREAT")]
    doc = code("The Ruritanian army lifted the curfew in the capital.", {"The Ruritanian army": "RURMIL"})
    assert [e[2:4] for e in events(doc)] == [("0813", "CONCEDE")]


# ---------------------------------------------------------------- cyber attacks
def test_hacking_and_defacing_websites_are_coercion(code):
    doc = code("Freedonian hackers defaced dozens of Ruritanian government web sites last week.",
               {"Freedonian hackers": "FRE", "Ruritanian government": "RURGOV"})
    assert events(doc) == [("FRE", "RURGOV", "170", "COERCE", "asserted")]
    doc = code("Freedonia tried to hack into the Ruritanian central bank's computers.",
               {"Freedonia": "FRE", "the Ruritanian central bank": "RURBUS"})
    assert [e[:4] for e in events(doc)] == [("FRE", "RURBUS", "170", "COERCE")]
    doc = code("Vandals defaced the Freedonian war memorial overnight.", {"Vandals": None, "Freedonian": "FRE"})
    assert "COERCE" not in plovers(doc)  # a monument is property, not a computer system


# ---------------------------------------------------------------- material acts
def test_strikes_and_obstruction(code):
    doc = code("Ruritanian dockers shunned work on Monday to protest against the new port law.",
               {"Ruritanian dockers": "RURLAB"})
    assert ("RURLAB", None, "143", "PROTEST", "asserted") in events(doc)
    doc = code("Freedonian farmers blocked traffic into the capital with their tractors.",
               {"Freedonian farmers": "FREAGR"})
    assert [e[2:4] for e in events(doc)] == [("144", "PROTEST")]
    doc = code("Freedonian students threw stones at Ruritanian police officers.",
               {"Freedonian students": "FREEDU", "Ruritanian police officers": "RURCOP"})
    assert events(doc) == [("FREEDU", "RURCOP", "145", "PROTEST", "asserted")]


def test_rally_under_a_light_verb_with_for(code):
    doc = code("Thousands of Freedonians gathered on Sunday for a rally against the Ruritanian occupation.",
               {"Freedonians": "FRE", "Ruritanian": "RUR"})
    assert ("FRE", "RUR", "141", "PROTEST", "asserted") in events(doc)


def test_travel_for_talks_is_consultation(code):
    doc = code("Freedonian and Ruritanian negotiators return to Zenda this week for talks on the border.",
               {"Freedonian": "FRE", "Ruritanian": "RUR"})
    assert {e[2:4] for e in events(doc)} == {("040", "CONSULT")}


def test_observers_received_and_peacekeepers_arriving(code):
    doc = code("The Freedonian president received a team of observers from the Northern League.",
               {"The Freedonian president": "FREGOV", "the Northern League": "IGO"})
    assert events(doc) == [("FREGOV", "IGO", "0862", "RETREAT", "asserted")]
    doc = code("The first contingent of Ruritanian peacekeeping troops arrived in Freedonia on Friday.",
               {"Ruritanian": "RURMIL", "Freedonia": "FRE"})
    assert [e[2:4] for e in events(doc)] == [("074", "AID")]


def test_war_games_and_patrols(code):
    doc = code("Freedonian and Ruritanian warships launched ten days of war games in the gulf.",
               {"Freedonian": "FREMIL", "Ruritanian": "RURMIL"})
    assert {e[2:4] for e in events(doc)} == {("062", "COOPERATE")}  # not an attack
    doc = code("The Freedonian interior minister ordered patrols by riot police in the capital.",
               {"The Freedonian interior minister": "FREGOV", "riot police": "FRECOP"})
    assert [e[2:4] for e in events(doc)] == [("150", "MOBILIZE")]


def test_compensation_paid_is_aid(code):
    doc = code("Freedonia said it had paid compensation to Ruritanian fishermen for boats its navy sank.",
               {"Freedonia": "FRE", "Ruritanian fishermen": "RUR"})
    assert ("FRE", "RUR", "071", "AID", "asserted") in events(doc)


def test_steps_to_enhance_freedoms(code):
    doc = code("The Freedonian president has taken steps to enhance political freedoms.",
               {"The Freedonian president": "FREGOV"})
    assert [e[:4] for e in events(doc)] == [("FREGOV", None, "0811", "CONCEDE")]


def test_ordering_a_newspaper_to_close_is_censorship(code):
    doc = code("The Freedonian junta ordered the newspaper Zenda Courier to suspend publication.",
               {"The Freedonian junta": "FREGOV", "Zenda Courier": "FREMED"})
    assert events(doc) == [("FREGOV", "FREMED", "1721", "COERCE", "asserted")]
    doc = code("The Freedonian junta ordered the rebels to lay down their arms.",
               {"The Freedonian junta": "FREGOV", "the rebels": "FREREB"})
    assert [e[3] for e in events(doc)] == ["REQUEST"]  # an order to anyone else stays a demand


def test_captured_stronghold_is_occupation_not_arrest(code):
    doc = code("Freedonian troops captured a Ruritanian rebel stronghold near the border.",
               {"Freedonian troops": "FREMIL", "Ruritanian rebel": "RURREB"})
    assert [e[2] for e in events(doc)] == ["192"]


def test_handing_over_a_letter_is_no_extradition(code):
    doc = code("In a letter handed over to the Northern League on Monday, Freedonia said it would allow the "
               "return of weapons inspectors.", {"the Northern League": "IGO", "Freedonia": "FRE"})
    assert "063" not in [e[2] for e in events(doc)]
    assert any(e[0] == "FRE" and e[3] == "AGREE" for e in events(doc))


# ---------------------------------------------------------------- grammar
def test_committed_to_is_intent(code):
    doc = code("The Freedonian minister said Freedonia is committed to opening its economy.",
               {"The Freedonian minister": "FREGOV", "Freedonia": "FRE"})
    assert [e[:4] for e in events(doc)] == [("FRE", None, "030", "AGREE")]


def test_must_agree_under_speech_is_a_demand(code):
    doc = code("The Ruritanian rebels announced that the Freedonian government must agree to new talks.",
               {"The Ruritanian rebels": "RURREB", "the Freedonian government": "FREGOV"})
    assert [e[:4] for e in events(doc)] == [("RURREB", "FREGOV", "108", "REQUEST")]


def test_reminder_that_y_must_is_a_demand(code):
    doc = code("The Freedonian president issued a stern reminder to Ruritania that it must withdraw its troops.",
               {"The Freedonian president": "FREGOV", "Ruritania": "RUR"})
    assert [e[:4] for e in events(doc)] == [("FREGOV", "RUR", "1056", "REQUEST")]


def test_second_would_under_a_speech_verb_is_future(code):
    doc = code("Freedonia announced it would halt all aid to Ruritania and would expel its ambassador.",
               {"Freedonia": "FRE", "Ruritania": "RUR"})
    mods = {e[4] for e in events(doc)}
    assert mods == {"future"}, events(doc)


def test_told_reporters_that_is_speech_not_an_order(code):
    doc = code("Half of the militia fighters have been disarmed since the accord, two Freedonian commanders "
               "told reporters on Sunday.", {"two Freedonian commanders": "FREMIL", "the militia fighters": "FREREB"})
    assert all(e[3] != "REQUEST" for e in events(doc)), events(doc)


def test_guilty_of_violating_a_ceasefire(code):
    doc = code("The Freedonian army is guilty of violating the ceasefire agreement with Ruritania.",
               {"The Freedonian army": "FREMIL", "Ruritania": "RUR"})
    assert [(e[0], e[2], e[3]) for e in events(doc)] == [("FREMIL", "196", "ASSAULT")]
    doc = code("The Freedonian air force is capable of bombing the Ruritanian capital.",
               {"The Freedonian air force": "FREMIL", "Ruritanian": "RUR"})
    assert events(doc) == []  # an ability is not an event (hypothetical, not emitted)


def test_recognizing_the_opposition_victory_is_a_concession(code):
    doc = code("The Freedonian election board recognized the victory of the Ruritanian party.",
               {"The Freedonian election board": "FREGOV", "the Ruritanian party": "RURPTY"})
    assert [e[:4] for e in events(doc)] == [("FREGOV", "RURPTY", "0834", "CONCEDE")]
    doc = code("Freedonia recognized the Republic of Zenda on Monday.", {"Freedonia": "FRE", "the Republic of Zenda": "ZEN"})
    assert [e[2:4] for e in events(doc)] == [("054", "SUPPORT")]  # a state: diplomatic recognition


def test_collecting_signatures_is_dissent(code):
    doc = code("The Freedonian opposition began collecting signatures against the new press law.",
               {"The Freedonian opposition": "FREOPP"})
    assert [e[:4] for e in events(doc)] == [("FREOPP", None, "140", "PROTEST")]


def test_sworn_to_fight_is_a_threat(code):
    doc = code("Ruritanian rebels have sworn to fight until they drive Freedonian troops out of the valley.",
               {"Ruritanian rebels": "RURREB", "Freedonian troops": "FREMIL"})
    assert [e[2:4] for e in events(doc)][:1] == [("138", "THREATEN")]
