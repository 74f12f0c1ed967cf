"""Propositions and stances on sentences written for the tests (actors built by hand)."""
import pytest

from speech_helpers import make_doc


@pytest.fixture(scope="module")
def speech(nlp):
    from polybius.config import load_settings
    from polybius.registry import get_stage

    return get_stage("speech")(load_settings(env={}), nlp)


ACTORS = {
    "Ruritanian government": (["The Ruritanian government", "Ruritania", "the country"], "RUR"),
    "Prime Minister Vela": (["Prime Minister Anton Vela", "Vela", "Ruritanian PM"], "RUR"),
    "British forces": (["British troops", "British soldiers", "British forces"], "GBR"),
    "Britain": (["Britain", "British"], "GBR"),
    "Foreign Office": (["The Foreign Office", "it"], "GBR"),
    "Defence Secretary Marsh": (["Defence Secretary Clara Marsh", "Marsh"], "GBR"),
    "assembly": (["the Ruritanian assembly", "the assembly"], "RUR"),
    "Green deputies": (["Green and Liberal deputies", "The Greens"], "RUR"),
    "Liberal deputies": (["Green and Liberal deputies", "the Liberals"], "RUR"),
    "analyst Roe": (["Ivo Roe", "Roe"], "USA"),
}


def coded(nlp, speech, text, actors=ACTORS):
    doc = make_doc(nlp, text, {k: v[0] for k, v in actors.items()})
    for a, (_k, v) in zip(doc.actors, actors.items()):
        a.country = v[1]
    speech(doc)
    return doc


def table(doc):
    return {(doc.actor(s.holder).name, s.polarity) for s in doc.stances}


STORY = (
    "Ruritania asks Britain to pull out troops\n\n"
    "Ruritanian PM's request for troop withdrawal rejected\n\n"
    "Prime Minister Anton Vela sent a request to Defence Secretary Clara Marsh for the withdrawal of British "
    "forces from the country on Friday. The request was rejected, according to officials.\n\n"
    "On Monday the Ruritanian assembly voted to expel British soldiers from the country. "
    "The Foreign Office has made it clear that it intends to stay in Ruritania.\n\n"
    "Green and Liberal deputies opposed the assembly's resolution. The Greens regard the British presence "
    "as a safeguard against their northern neighbour.\n\n"
    "Ivo Roe, a defence analyst, argues that a British withdrawal could leave a vacuum and that the "
    "partnership will end within a year."
)


def test_one_merged_proposition(nlp, speech):
    doc = coded(nlp, speech, STORY)
    props = {s.proposition for s in doc.stances}
    assert len(props) == 1
    assert props.pop().startswith("withdrawal of United Kingdom forces from")


def test_polarities_per_actor(nlp, speech):
    doc = coded(nlp, speech, STORY)
    t = table(doc)
    assert ("Prime Minister Vela", "support") in t
    assert ("assembly", "support") in t
    assert ("Defence Secretary Marsh", "oppose") in t  # the request was rejected by its addressee
    assert ("Foreign Office", "oppose") in t  # intends to stay
    assert ("Green deputies", "oppose") in t and ("Liberal deputies", "oppose") in t
    assert not any(name == "analyst Roe" for name, _ in t)  # predictions are not stances
    assert not any(p == "support" and name in ("Foreign Office", "Defence Secretary Marsh") for name, p in t)


def test_evidence_and_rules_are_traceable(nlp, speech):
    doc = coded(nlp, speech, STORY)
    for s in doc.stances:
        assert s.evidence and s.rule
        for e in s.evidence:
            assert 0 <= e.start < e.end <= len(doc.text)
    greens = [s for s in doc.stances if doc.actor(s.holder).name == "Green deputies"][0]
    assert any("safeguard" in doc.text[e.start:e.end] for e in greens.evidence)


def test_negation_flips_and_hypothetical_skipped(nlp, speech):
    actors = {"union": (["The union"], None), "council": (["The council"], None)}
    doc = coded(nlp, speech, "The union did not support the ceasefire. The council might back the ceasefire.", actors)
    assert table(doc) == {("union", "oppose")}
    assert doc.stances[0].proposition.startswith("ceasefire")


def test_first_person_inside_quote_is_the_speaker(nlp, speech):
    actors = {"Marsh": (["Defence Secretary Clara Marsh"], "GBR"), "rebels": (["the rebels"], None)}
    text = ('"We reject any ceasefire that leaves the rebels armed," Defence Secretary Clara Marsh said. '
            '"The rebels demand a truce only to rearm."')
    doc = coded(nlp, speech, text, actors)
    t = table(doc)
    assert ("Marsh", "oppose") in t
    assert ("rebels", "support") not in t  # someone else's claim about the rebels, inside a quote


def test_no_stances_without_cues(nlp, speech):
    doc = coded(nlp, speech, "British troops have been in Ruritania since 2003. The withdrawal could take a year.")
    assert doc.stances == []


def test_events_stage_events_are_cues(nlp, speech):
    from polybius.model import Event, Span

    actors = {"Vela": (["Prime Minister Anton Vela"], "RUR"), "UK": (["Britain"], "GBR")}
    text = "Prime Minister Anton Vela implored Britain to allow a ceasefire."
    doc = make_doc(nlp, text, {k: v[0] for k, v in actors.items()})
    i = text.index("implored")
    doc.events = [Event(id="E1", sentence=0, source="A1", target="A2", cameo="0256", root="02", goldstein=3.0,
                        quad_class=1, trigger=Span(i, i + len("implored")), rule="test")]
    speech(doc)
    assert [(s.holder, s.polarity, s.proposition, s.rule) for s in doc.stances] == [
        ("A1", "support", "ceasefire", "event:0256")]


def test_negating_verbs_flip_the_side(nlp, speech):
    actors = {"senate": (["The senate"], "USA"), "Lindqvist": (["Governor Eva Lindqvist"], None),
              "Narnia": (["Narnia"], "NAR")}
    text = ("The senate refused to lift sanctions on Narnia. "
            "Governor Eva Lindqvist urged the council to ease the sanctions.")
    doc = coded(nlp, speech, text, actors)
    t = {(doc.actor(s.holder).name, s.polarity, s.proposition) for s in doc.stances}
    assert ("senate", "support", "sanctions on Narnia") in t
    assert ("Lindqvist", "oppose", "sanctions on Narnia") in t
    assert not any(p.startswith("withdrawal") for _, _, p in t)  # "lift"/"remove" sanctions is no withdrawal


def test_no_theme_from_plain_modifiers_and_specific_places(nlp, speech):
    actors = {"envoy": (["The envoy"], None), "Ruritania": (["Ruritania"], "RUR")}
    text = "Ruritania signed the accord. The envoy called for an unconditional ceasefire in the northern hill region."
    doc = coded(nlp, speech, text, actors)
    [s] = doc.stances
    assert s.proposition == "ceasefire in northern hill region"


def test_speaker_is_not_the_topic_of_a_preposition(nlp):
    from polybius.speech import QuoteFinder

    doc = make_doc(nlp, "A UN expert on Narnia said the elections had been rigged.", {"Narnia": ["Narnia"]})
    [q] = QuoteFinder(nlp)(doc)
    assert q.speaker is None
    doc = make_doc(nlp, "A spokesman for the ministry said the elections had been fair.", {"ministry": ["the ministry"]})
    [q] = QuoteFinder(nlp)(doc)
    assert q.speaker == "A1"


def test_reported_praise_of_the_theme_opposes_its_withdrawal(nlp, speech):
    actors = {"assembly": (["The assembly"], "RUR"), "Marsh": (["Defence Secretary Clara Marsh"], "GBR"),
              "British forces": (["British troops"], "GBR")}
    text = ("The assembly voted to expel British troops. Defence Secretary Clara Marsh said the troops were "
            "essential for the region's stability. British troops are vital, some columnists argue.")
    doc = coded(nlp, speech, text, actors)
    t = table(doc)
    assert ("Marsh", "oppose") in t and ("assembly", "support") in t
    marsh = [s for s in doc.stances if doc.actor(s.holder).name == "Marsh"][0]
    assert marsh.rule.startswith("evaluation:troop-essential")


def test_withdrawal_needs_forces_and_sanctions_modifiers_are_imposers(nlp, speech):
    actors = {"Narnia": (["Narnia"], "NAR"), "minister": (["The minister"], None), "UN": (["United Nations"], None),
              "council": (["The council"], None)}
    text = ("Narnia refused to remove the ban on foreign films. The minister left the meeting early. "
            "The council backed United Nations sanctions.")
    doc = coded(nlp, speech, text, actors)
    assert [(doc.actor(s.holder).name, s.polarity, s.proposition) for s in doc.stances] == [
        ("council", "support", "sanctions")]


def test_object_control_theme(nlp, speech):
    actors = {"government": (["The government"], "COD"), "peacekeepers": (["UN peacekeepers"], None)}
    doc = coded(nlp, speech, "The government asked UN peacekeepers to leave the eastern provinces.", actors)
    assert [(doc.actor(s.holder).name, s.polarity, s.proposition) for s in doc.stances] == [
        ("government", "support", "withdrawal of peacekeepers")]


def test_agreements_and_the_more_specific_compound(nlp, speech):
    actors = {"senate": (["The senate"], None), "Narnia": (["Narnia"], "NAR"), "rebels": (["The rebels"], None)}
    text = "The senate rejected the trade agreement with Narnia. The rebels backed the ceasefire agreement."
    doc = coded(nlp, speech, text, actors)
    assert {(doc.actor(s.holder).name, s.polarity, s.proposition) for s in doc.stances} == {
        ("senate", "oppose", "agreement with Narnia"), ("rebels", "support", "ceasefire")}


def test_speech_verb_events_do_not_override_quoted_words(nlp, speech):
    from polybius.model import Event, Span

    actors = {"minister": (["the defence minister"], None)}
    text = '"We will not accept troop withdrawals," the defence minister told reporters on Monday.'
    doc = make_doc(nlp, text, {k: v[0] for k, v in actors.items()})
    i = text.index("told")
    doc.events = [Event(id="E1", sentence=0, source="A1", target=None, cameo="100", root="10", goldstein=-5.0,
                        quad_class=3, trigger=Span(i, i + 4), rule="test")]
    speech(doc)
    assert [(s.polarity, s.proposition) for s in doc.stances] == [("oppose", "withdrawal of forces")]
