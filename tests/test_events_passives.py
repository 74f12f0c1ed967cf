"""Passive state acts with no agent take the state of their targets as source, when the article
names that state (issue 12, class 3).  Sentences made up."""
from __future__ import annotations

import datetime as dt


PUB = dt.date(2024, 3, 16)


def _events(pipeline, text):
    from polybius.ingest import read_text

    doc = pipeline.code_document(read_text(text, pipeline.settings, published=PUB))
    return doc, [(doc.actor(e.source).code if e.source else None, doc.actor(e.target).code if e.target else None,
                  e.cameo, e.rule) for e in doc.events]


def test_sentenced_opponent_by_the_named_state(pipeline):
    doc, ev = _events(pipeline, "Russia's most prominent opposition leader was sentenced on Friday to nine more "
                                "years in prison. Russia rejected Western criticism of the verdict.")
    sentenced = [e for e in ev if e[2].startswith("17")]
    assert sentenced and sentenced[0][0] == "RUS" and "source=target state" in sentenced[0][3], ev


def test_no_named_state_no_source(pipeline):
    _, ev = _events(pipeline, "A prominent opposition leader was sentenced on Friday to nine more years in prison.")
    assert all(s is None for s, _, c, _ in ev if c.startswith("17")), ev


def test_came_under_attack_is_an_attack_on_the_subject(pipeline):
    _, ev = _events(pipeline, "Ukraine's capital came under heavy Russian missile attack on Tuesday.")
    attacks = [e for e in ev if e[2].startswith("19")]
    assert attacks and attacks[0][0] == "RUS" and attacks[0][1].startswith("UKR"), ev


def test_exchange_of_fire_is_fighting(pipeline):
    _, ev = _events(pipeline, "Indian troops exchanged fire with Pakistani troops on Monday.")
    assert ("INDMIL", "PAKMIL") in {(s, t) for s, t, c, _ in ev if c.startswith("19")}, ev
    _, ev = _events(pipeline, "Indian troops had an exchange of fire with Pakistani troops on Monday.")
    assert ("INDMIL", "PAKMIL") in {(s, t) for s, t, c, _ in ev if c.startswith("19")}, ev
