"""The events of the reference article (full default pipeline, actors from the actors stage).

The article is never special-cased: these are the events a careful analyst codes in it,
found by the general verb dictionary and rules."""
from __future__ import annotations




def _triples(doc):
    def code(aid):
        a = doc.actor(aid)
        return a.code if a else None

    return [(code(e.source), code(e.target), e.cameo, e) for e in doc.events]


def _find(doc, src, tgt, cameo):
    for s, t, c, e in _triples(doc):
        if s == src and (tgt is None or t == tgt) and c == cameo:
            return e
    raise AssertionError(f"no {src}->{tgt} {cameo} in {[(s, t, c) for s, t, c, _ in _triples(doc)]}")


def test_request_for_withdrawal_and_phone_talks(reference_doc):
    e = _find(reference_doc, "IRQGOV", "USAGOV", "0256")
    assert (e.date.start, e.date.end, e.date.text) == ("2020-01-03", "2020-01-05", "late last week")
    assert e.plover.event == "REQUEST" and e.quad_class == 1
    e = _find(reference_doc, "IRQGOV", "USAGOV", "041")
    assert e.plover.mode == "phone"


def test_dismissal_is_one_event_from_headline_and_body(reference_doc):
    e = _find(reference_doc, "USA", "IRQGOV", "1246")
    assert len(e.evidence) == 2  # the headline and "the request was dismissed"
    assert reference_doc.block_kind(e.sentence) == "headline"
    assert sum(1 for *_, x in _triples(reference_doc) if x.root == "12" and x.target and
               reference_doc.actor(x.target).code == "IRQGOV") == 1


def test_accusation_strikes_and_vote(reference_doc):
    e = _find(reference_doc, "IRQGOV", "USA", "112")
    assert "charge" in e.rule
    # "During the conversation, ... noted": the accusation is dated by the phone call
    assert (e.date.start, e.date.end, e.date.text) == ("2020-01-03", "2020-01-05", "During the conversation")
    e = _find(reference_doc, "USA", "IRNMIL", "190")
    assert e.place is not None and e.place.country == "IRQ"  # "the recent US strikes in Iraq, including those"
    e = _find(reference_doc, "IRQLEG", "USAMIL", "166")
    assert (e.date.start, e.date.text) == ("2020-01-05", "Last Sunday")


def test_suggestion_willingness_and_opposition(reference_doc):
    _find(reference_doc, "USAGOV", None, "020")
    _find(reference_doc, "USAGOV", None, "036")
    _find(reference_doc, "IRQLEGSUN", "IRQLEG", "120")
    _find(reference_doc, "IRQLEGKUR", "IRQLEG", "120")


def test_nothing_from_analysis_or_predictions(reference_doc):
    doc = reference_doc
    for e in doc.events:
        sent = doc.sentence_text(e.sentence)
        for words in ("vacuum", "Haass", "The result will be", "diplomatic & mil presence", "holds a significant",
                      "reconsidering", "This suggests"):
            assert words not in sent, (e.cameo, sent)
        assert e.cameo != "010"
        assert e.modality in ("asserted", "reported", "future")
