"""Events read off other structures than a coded trigger.

* obligations: "X said Y must withdraw" with nothing coded under "must": X demands (10) that Y
  act;
* charges: "X noted that the US strikes were an illegal breach of ..." -> X accuses the US;
* claims: "The rebels claimed that they had attacked the base" -> the rebels claim
  responsibility (015) for the attack, whose own modality becomes ``reported``.
"""
from __future__ import annotations

from ..model import Event, Span
from .arguments import Arguments, phrase_span
from .coding import Coder, Coding
from .emit import Emitter
from .frames import Frames
from .lexicon import EventLexicon
from .make import EventMaker
from .modality import Modality
from .tokens import code_has_prefix, lem, pos_of, trigger_span, verb_of
from .when_where import WhenWhere


CLAIMED = "; claimed by its agent"


class Derived:
    def __init__(self, lex: EventLexicon, verbs, coder: Coder, frames: Frames, matcher, args: Arguments,
                 modality: Modality, emitter: Emitter, when_where: WhenWhere, maker: EventMaker,
                 keep: tuple[str, ...]):
        self.lex, self.coder, self.frames, self.matcher, self.args = lex, coder, frames, matcher, args
        self.modality, self.emitter, self.when_where, self.maker, self.keep = modality, emitter, when_where, maker, keep
        self.speech = {t.lemma for e in verbs.entries if e.kind == "speech" for t in e.triggers}
        self.charges = [e for e in verbs.entries if e.kind == "charge"]

    def obligations(self, ctx, si, consumed) -> list[Event]:
        """'X said Y must do Z' with nothing coded under the obligation: X demands it of Y."""
        entry = self.coder.demand
        if entry is None:
            return []
        out = []
        for t in ctx.oblig:
            if t.dep_ == "aux" and t.lower_ in self.lex.obligation_aux and t.head.i not in consumed:
                v = t.head
                sp = self.coder.under_speech_obligation(v, ctx)
                if sp is None or sp.i in consumed:
                    continue
                inner = Coding(entry.code, entry, v, self.frames.frame(v, ctx), "", v)
                c = Coding(entry.code, entry, v, self.frames.frame(sp, ctx), f"{entry.rule} family=demand "
                           f"(obligation under {sp.lemma_})", sp, complement=inner)
                consumed.add(v.i)
                out.extend(self.maker.events(ctx, si, c))
        return out

    def charges_in(self, ctx, si, consumed, trigs) -> list[Event]:
        """'X noted that the US strikes were an illegal breach of ...' -> X accuses the US."""
        if not self.charges:
            return []
        out = []
        for tok in trigs:
            if tok.i in consumed or pos_of(tok) != "NOUN" or tok.dep_ not in ("attr", "oprd", "appos"):
                continue
            found = self._charge(ctx, tok)
            if found is not None:
                out.extend(self._charge_events(ctx, si, tok, *found))
        return out

    def _charge(self, ctx, tok):
        cands = [e for e, _ in self.coder.triggers.candidates(tok, ctx) if e.kind == "charge"]
        if not cands:
            return None
        f = self.frames.frame(tok, ctx)
        ok = [e for e in cands if self.matcher.holds(e, f, ctx)]
        if not ok:
            return None
        entry = max(ok, key=lambda e: e.specificity)
        cop = tok.head
        speech = cop.head if cop.dep_ == "ccomp" else None
        if speech is None or lem(speech) not in self.speech:
            return None
        speaker = [c for c in speech.children if c.dep_ in ("nsubj",)]
        accused = [c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass")]
        sources = [a for s in speaker for a in self.args.actors_of(ctx, s)]
        targets = [a for t in accused for a in self.args.actors_of(ctx, t) if a not in sources]
        if not sources or not targets:
            return None
        return entry, f, cop, speech, speaker, accused, sources, targets

    def _charge_events(self, ctx, si, tok, entry, f, cop, speech, speaker, accused, sources, targets) -> list[Event]:
        doc = ctx.doc
        c = Coding(entry.code, entry, tok, f, f"{entry.rule} charge under {speech.lemma_}", speech)
        cb = self.emitter.codebook.get(entry.code)
        modality = self.modality.modality(speech, ctx)
        if modality not in self.keep or cb is None:
            return []
        date = self.when_where.date(ctx, c)
        sent = doc.sentences[si]
        out = []
        for s in sources:
            for t in targets:
                ev = self.emitter.event(
                    cb, entry.code, sentence=si, source=s.id, target=t.id, trigger=Span(tok.idx, tok.idx + len(tok.text)),
                    rule=c.rule, confidence=round(entry.confidence - self.lex.confidence.charge, 2),
                    negated=self.modality.negated(speech, cop), modality=modality, date=date, place=None,
                    evidence=[Span(sent.start, sent.end)], source_span=phrase_span(speaker[0]),
                    target_span=phrase_span(accused[0]))
                out.append(ev)
        return out

    def claims(self, ctx, si, events) -> list[Event]:
        """'The rebels claimed that they had attacked the base': the rebels claim responsibility
        (015) for the attack, whose own modality becomes `reported` (their word for it)."""
        verbs = self.lex.claim_verbs
        cb = self.emitter.codebook.get("015")
        if not verbs or cb is None:
            return []
        out = []
        for ev in events:
            claim = self._claim_verb(ctx, ev)
            if claim is None:
                continue
            modality = self.modality.modality(claim, ctx)
            if modality not in self.keep:
                continue
            if ev.modality == "asserted":
                ev.modality = "reported"
            ev.rule = f"{ev.rule}{CLAIMED}"  # its doer says it did it: reported, never an allegation
            claim_ev = self.emitter.event(
                cb, "015", sentence=si, source=ev.source, target=ev.target,
                trigger=Span(claim.idx, claim.idx + len(claim.text)),
                rule=f"claim_verbs:{claim.lemma_} of {ev.cameo} ({ev.rule})",
                confidence=round(ev.confidence - self.lex.confidence.claim, 2),
                negated=self.modality.negated(claim), modality=modality, date=ev.date, place=ev.place,
                evidence=list(ev.evidence), source_span=ev.source_span, target_span=ev.target_span)
            out.append(claim_ev)
        return out

    def _claim_verb(self, ctx, ev):
        """The claim verb whose that-clause holds ``ev`` and whose subject is its source."""
        if ev.source is None or ev.root is None or not code_has_prefix(ev.cameo, self.lex.claimable_codes):
            return None
        t = trigger_span(ctx.sp, ev.trigger)
        if t is None:
            return None
        v = t.root if pos_of(t.root) != "NOUN" else verb_of(t.root, self.lex.limits.claim_verb_hops)
        while v is not None and v.dep_ in ("conj", "xcomp") and v.head.i != v.i:
            v = v.head
        if v is None or v.dep_ != "ccomp" or lem(v.head) not in self.lex.claim_verbs:
            return None
        claim = v.head
        speaker = [a.id for c in claim.children if c.dep_ == "nsubj" for a in self.args.actors_of(ctx, c)]
        if ev.source not in speaker:
            return None
        return claim
