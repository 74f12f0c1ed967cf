"""Merge: one event once.  Statements of the same event (same code family, compatible
actors) in a document become one event with all their evidence spans; an orphan (a passive
without agent) that no other statement explains is dropped."""
from __future__ import annotations

from ..model import Event
from .tokens import trigger_span


def dedup(doc, events: list[Event]) -> list[Event]:
    """Merge statements of the same event (same code family, compatible actors)."""
    kept: list[Event] = []
    for ev in events:
        match = next((k for k in kept if _compatible(k, ev) and not _coordinated_acts(doc, k, ev)), None)
        if match is None:
            if ev.source is None and ev.target is None:
                continue  # an orphan (passive without agent) that no other statement explains
            kept.append(ev)
            continue
        _merge(match, ev)
    return [k for k in kept if k.source is not None or k.target is not None]


def _coordinated_acts(doc, a: Event, b: Event) -> bool:
    """Two verbs joined by "and" with different codes are two acts ("attacked Iraq and taken
    Mosul"), not one event stated twice."""
    if a.sentence != b.sentence or a.cameo == b.cameo or doc.nlp is None:
        return False
    sa = trigger_span(doc.nlp, a.trigger)
    sb = trigger_span(doc.nlp, b.trigger)
    if sa is None or sb is None:
        return False
    ta, tb = sa.root, sb.root
    return ta.i != tb.i and (tb in ta.conjuncts or ta in tb.conjuncts)


def _compatible(a: Event, b: Event) -> bool:
    if a.root != b.root or a.negated != b.negated:
        return False
    if a.root is None:  # codes outside CAMEO (a user's dictionary): no families, the same code
        if a.cameo != b.cameo:
            return False
    elif not (a.cameo == b.cameo or a.cameo in (a.root, a.root + "0") or b.cameo in (b.root, b.root + "0")
              or a.cameo.startswith(b.cameo) or b.cameo.startswith(a.cameo)):
        return False
    for x, y in ((a.source, b.source), (a.target, b.target)):
        if x is not None and y is not None and x != y:
            return False
    if (a.source is None and b.target is None) or (a.target is None and b.source is None):
        return not (a.source or a.target) or not (b.source or b.target)
    return True


def _merge(k: Event, ev: Event) -> None:
    if len(ev.cameo) > len(k.cameo) or (k.cameo.endswith("0") and not ev.cameo.endswith("0")
                                        and len(ev.cameo) == len(k.cameo)):
        k.cameo, k.goldstein, k.quad_class, k.plover, k.rule = ev.cameo, ev.goldstein, ev.quad_class, ev.plover, ev.rule
    k.source = k.source or ev.source
    k.target = k.target or ev.target
    for sp in ev.evidence:
        if all((sp.start, sp.end) != (x.start, x.end) for x in k.evidence):
            k.evidence.append(sp)
    if k.date is None or (k.date.text is None and ev.date is not None and ev.date.text):
        k.date = ev.date
    k.place = k.place or ev.place
    if k.modality != ev.modality and "asserted" in (k.modality, ev.modality):
        k.modality = "asserted"
    k.confidence = max(k.confidence, ev.confidence)
