"""Modality and factuality of an event: asserted, reported, future or hypothetical; negated.

Read from the clause the event hangs on (its auxiliaries, subordinators and governors) and
the clauses above it (a clause under a prediction or a condition did not happen).  The word
lists are sections of ``data/events/qualifiers.txt`` (:class:`~polybius.events.lexicon.EventLexicon`).
"""
from __future__ import annotations

from .lexicon import EventLexicon
from .tokens import SUBJ_DEPS, clause_verb, lem, pos_of
from .triggers import TriggerIndex

# the attachments through which a clause inherits the modality of the one above it
_INHERITING = ("advcl", "ccomp", "xcomp", "conj", "relcl", "acl", "pcomp", "pobj", "prep", "nsubj", "csubj",
               "dobj", "attr")


class Modality:
    def __init__(self, lex: EventLexicon, triggers: TriggerIndex):
        self.lex = lex
        self.triggers = triggers

    def negated(self, *toks) -> bool:
        neg = self.lex.negation
        for t in toks:
            if t is None:
                continue
            for c in t.children:
                if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in neg):
                    return True
        return False

    def forecast(self, v) -> bool:
        """A finite clause that only may happen, about someone other than the speaker."""
        if not any(c.dep_ == "aux" and c.lower_ in self.lex.hypothetical_aux for c in v.children):
            return False
        subj = [c for c in v.children if c.dep_ in SUBJ_DEPS]
        return bool(subj) and not any(s.lower_ in self.lex.speaker_pronouns for s in subj)

    def modality(self, head, ctx) -> str:
        """asserted | reported | future | hypothetical for an event hanging on ``head``."""
        lex = self.lex
        v = head if pos_of(head) != "NOUN" else clause_verb(head, lex.limits.verb_ancestor_hops)
        definite = pos_of(head) == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no")
                                                  for c in head.children)
        mod = "asserted"
        if v is not None and lem(v) in lex.desire_verbs:
            comp = next((c for c in v.children if c.dep_ in ("xcomp", "ccomp")), None)
            if comp is not None:  # "wants to attack" (pass-through): the wanted act's modality
                return self.modality(comp, ctx)
        if v is not None and not definite:
            own = self._own(v)
            if own:
                mod = own
            inherited = self._inherited(v, own)
            if inherited:
                return inherited
        if mod == "asserted" and self._reported(head, v, ctx):
            mod = "reported"
        return mod

    def _inherited(self, v, own) -> str | None:
        """A clause under a prediction or condition did not happen."""
        lex = self.lex
        cur, hops = v, 0
        while cur.head.i != cur.i and hops < lex.limits.modality_hops:
            hops += 1
            h = cur.head
            if cur.dep_ not in _INHERITING:
                break
            if lem(h) in lex.hypothetical_heads:
                return "hypothetical"
            hm = self._own(h) if pos_of(h) != "NOUN" else None
            if hm == "future" and cur.dep_ == "conj" and own in (None, "future") and not any(
                    x.dep_ in SUBJ_DEPS for x in cur.children):
                return "future"  # "said it would X and would Y", "will meet and sign" (one subject)
            if hm in ("hypothetical", "future") and cur.dep_ in ("advcl", "conj", "ccomp", "nsubj"):
                return "hypothetical"
            cur = h
        return None

    def conditional_threat(self, v, ctx) -> bool:
        """A clause with a condition attached ("... unless Y agrees", "... if Z")."""
        if v is None or pos_of(v) == "NOUN" or v.dep_ != "ccomp" or not self.triggers.is_speech(v.head, ctx):
            return False  # only a stated condition is a threat; an analyst's "could ... if" is not
        marks = self.lex.conditional_marks
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
                   for c in v.children)

    def _own(self, v) -> str | None:
        lex = self.lex
        aux_result = None
        for c in v.children:
            d = c.dep_
            if d == "mark" and c.lower_ in lex.conditional_marks:
                return "hypothetical"
            if aux_result is None and d in ("aux", "auxpass"):
                lw = c.lower_
                if lw in lex.hypothetical_aux:
                    w = v
                    while w.dep_ == "conj" and w.head.i != w.i:  # "said it would X and would Y"
                        w = w.head
                    if lw == "would" and w.dep_ == "ccomp" and w.head.tag_ == "VBD":
                        aux_result = "future"  # future in the past: "said it would withdraw"
                    else:
                        aux_result = "hypothetical"
                elif lw in lex.future_aux or c.lemma_.lower() in lex.future_aux:
                    aux_result = "future"
        if aux_result is not None:
            return aux_result
        return self._governed(v)

    def _governed(self, v) -> str | None:
        """The modality a governing verb gives a complement ("wants to", "plans to", "about to")."""
        lex = self.lex
        if v.dep_ in ("xcomp", "ccomp") and lem(v.head) in lex.desire_verbs:
            # "X wants to attack Y": X's intent (future); "X wants Y to attack Z": nobody's act yet
            return "hypothetical" if any(c.dep_ in ("dobj", "nsubj") and c.i > v.head.i for c in v.head.children) \
                or any(c.dep_ == "nsubj" for c in v.children) else "future"
        gov = lex.future_governors
        if v.dep_ == "xcomp" and (lem(v.head) in gov or v.head.lower_ in gov):
            return "future"
        if v.dep_ == "xcomp" and v.head.dep_ in ("acomp", "prep") and v.head.lower_ in gov:
            return "future"
        if v.head.i != v.i and v.dep_ == "pcomp" and v.head.lower_ in gov:
            return "future"
        return None

    def _reported(self, head, v, ctx) -> bool:
        lex = self.lex
        for t in (head, v, v.head if v is not None else None):
            if t is None:
                continue
            for c in t.children:
                if c.dep_ == "advmod" and c.lower_ in lex.reported_adverbs:
                    return True
                if c.dep_ == "prep" and c.lower_ in lex.reported_preps:
                    return True
        if v is not None and v.dep_ == "xcomp" and lem(v.head) in lex.reported_verbs and any(
                c.dep_ == "auxpass" for c in v.head.children):
            return True
        return ctx.sentence_reported
