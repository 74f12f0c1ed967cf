"""Event time by reference: "During the conversation, the minister noted…".

An event whose own clause carries no date words may point back at an event already
coded in the document with a definite noun phrase ("during the conversation", "after
the vote", "at the talks"). The noun names the earlier event when its lemma is the
earlier event's trigger lemma or that of a verb the trigger hangs from ("voted to
impose sanctions" is named by "the vote"); the later event then takes the earlier one's date
range — the same one for ``during``/``at``, from its start to the publication date for
``after`` (the prepositions are data: ``[anchors]`` in ``data/events/dates.txt``).
The words are recorded: ``date.text`` is the phrase ("During the conversation") and the
rule says which event lent the date.
"""
from __future__ import annotations

from ..model import EventDate
from .dates import tables

DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def anchors() -> dict[str, str]:
    return {w: v[0] for w, v in tables()["anchors"].items()}


def _trigger_token(sp, ev):
    span = sp.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_tokens(tok):
    """The trigger and the verbs above it in its own sentence (where a time PP attaches)."""
    out = [tok]
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i or cur.dep_ in ("ROOT",):
            break
        cur = cur.head
        out.append(cur)
    return out


def _names(tok) -> set[str]:
    """Words that name an event: its trigger and the verbs it hangs from ("voted to impose")."""
    return {t.lemma_.lower() for t in _clause_tokens(tok)[:3]}


def _pointed_event(ev, t, preps, dated):
    """(kind, preposition, noun, earlier event) when ``ev``'s clause points back at a dated
    event with a definite noun ("during the conversation"); the latest such event wins."""
    for head in _clause_tokens(t):
        for prep in head.children:
            kind = preps.get(prep.lower_)
            if prep.dep_ != "prep" or kind is None:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.pos_ not in ("NOUN", "PROPN") or not any(
                        c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children):
                    continue
                named = [other for other, ot, names in dated
                         if other is not ev and ot.i < obj.i and obj.lemma_.lower() in names]
                if named:
                    return kind, prep, obj, named[-1]
    return None


def inherit_dates(doc, events, preps: dict[str, str] | None = None) -> None:
    """Give dateless events the date of the earlier event their sentence points back to."""
    sp = doc.nlp
    if sp is None or doc.published is None or len(events) < 2:
        return
    preps = anchors() if preps is None else preps
    if not preps:
        return
    trig = {id(ev): _trigger_token(sp, ev) for ev in events}
    dated = [(ev, trig[id(ev)], _names(trig[id(ev)])) for ev in events
             if ev.date is not None and ev.date.text and trig[id(ev)] is not None]
    if not dated:
        return
    for ev in events:
        if ev.date is not None and ev.date.text:
            continue
        t = trig[id(ev)]
        if t is None:
            continue
        found = _pointed_event(ev, t, preps, dated)
        if not found:
            continue
        kind, prep, obj, other = found
        start, end = other.date.start, other.date.end
        pub = doc.published.isoformat()
        if kind == "after":
            end = max(end, pub)
        words = sp.text[prep.idx:obj.idx + len(obj.text)]
        ev.date = EventDate(start, end, words)
        ev.rule = f"{ev.rule}; date from {other.id} ({words!r})"


def paragraph_days(doc, events) -> None:
    """An undated event takes the day of the last event before it in its paragraph whose own
    words date it to one day ("On Tuesday, troops fired on protesters. Police arrested 40."):
    a paragraph reports one day unless it says otherwise.  Ranges ("last week") and days after
    publication are not passed on."""
    if doc.published is None or len(events) < 2:
        return
    pub = doc.published.isoformat()
    day: dict[int, object] = {}  # block -> the last single-day dated event seen in it
    for ev in sorted(events, key=lambda e: (e.sentence, e.trigger.start)):
        if ev.sentence >= len(doc.sentences):
            continue
        block = doc.sentences[ev.sentence].block
        if block is None:
            continue
        d = ev.date
        if d is not None and d.text:
            if d.start == d.end and d.start <= pub:
                day[block] = ev
            continue
        donor = day.get(block)
        if donor is None or donor.sentence == ev.sentence:
            continue
        ev.date = EventDate(donor.date.start, donor.date.end, donor.date.text)
        ev.rule = f"{ev.rule}; date of the paragraph from {donor.id}"
