"""When and where an event happened: the date expression and the place in its clause.

Dates resolve with :func:`polybius.events.dates.resolve` against the publication date (an
event with no date words of its own takes the publication day); places resolve with the
gazetteer (:mod:`polybius.events.places`, settings in ``data/events/places.txt``).
"""
from __future__ import annotations

import logging

from ..model import EventDate
from . import dates as _dates
from .lexicon import EventLexicon
from .places import gazetteer, settings as place_settings
from .tokens import in_modifier_clause

log = logging.getLogger("polybius.events")


class WhenWhere:
    def __init__(self, lex: EventLexicon):
        self.lex = lex
        ps = place_settings()
        self.place_preps = frozenset(ps["place_preps"])
        self.place_labels = frozenset(ps["place_labels"])

    def date(self, ctx, c) -> EventDate | None:
        pub = ctx.doc.published
        chosen = self._date_entity(ctx, c)
        if chosen is not None:
            rng = _dates.resolve(chosen.text, pub)
            if rng is not None:
                return EventDate(rng[0].isoformat(), rng[1].isoformat(), chosen.text)
        if pub is not None:
            return EventDate(pub.isoformat(), pub.isoformat(), None)
        return None

    def _date_entity(self, ctx, c):
        """The DATE/TIME entity of the sentence that dates the event, or None."""
        ents = [e for e in ctx.ents if e.label_ in ("DATE", "TIME")]
        if not ents:
            return None
        limits = self.lex.limits
        anchors = {c.head.i, c.tok.i}
        for e in ents:
            cur, hops = e.root, 0
            while cur.head.i != cur.i and hops < limits.date_hops:
                if cur.dep_ in ("relcl", "acl", "appos") and cur.i not in anchors:
                    break  # "Boluarte, who took office in 2022, rejected ...": the clause's date
                cur, hops = cur.head, hops + 1
                if cur.i in anchors:
                    return e
        dates = [e for e in ents if e.label_ == "DATE"
                 and not in_modifier_clause(e.root, anchors, limits.modifier_clause_hops)]
        return dates[0] if len(dates) == 1 else None

    def place(self, ctx, c, args=()):
        anchors = {c.head.i, c.tok.i} | {a.i for a in args if a is not None}
        # "US strikes in Iraq, including those that killed X": the place of the antecedent
        h = c.head
        if h.dep_ == "relcl":
            ante = h.head
            anchors.add(ante.i)
            if ante.dep_ == "pobj" and ante.head.lemma_.lower() in self.lex.inclusion_words:
                anchors.add(ante.head.head.i)
        for e in ctx.ents:
            if e.label_ not in self.place_labels:
                continue
            r = e.root
            if r.dep_ != "pobj" or r.head.lower_ not in self.place_preps:
                continue
            if r.head.head.i in anchors:
                try:
                    return gazetteer().lookup(e.text)
                except Exception as exc:  # a gazetteer problem never loses the event
                    log.debug("gazetteer failed on %r: %s", e.text, exc)
                    return None
        return None
