"""Passive state acts with no agent: whose authorities did it (issue 12, class 3).

"The opposition leader was sentenced on Friday to 19 more years", "almost 1,500 people have been
detained": an act only a state's authorities do (``[state_act_codes]``), in the passive, with no
``by`` agent and no place naming the state, was done by the state of its targets — when the
article names that state as an actor (the text supports it).  Targets of different states, or a
state the article never names, give no source.
"""
from __future__ import annotations


def target_state(doc, targets) -> list:
    """The document's country actor of the targets' one state, as a one-element list (or [])."""
    states = {t.country for t in targets if t is not None}
    if len(states) != 1 or None in states:
        return []
    state = states.pop()
    for a in doc.actors:
        if a.kind == "country" and (a.country == state or a.code == state) and a not in targets:
            return [a]
    return []
