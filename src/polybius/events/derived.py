"""Events read off other structures than a coded trigger.

* obligations: "X said Y must withdraw" with nothing coded under "must": X demands (10) that Y
  act;
* charges: "X noted that the US strikes were an illegal breach of ..." -> X accuses the US;
* claims: "The rebels claimed that they had attacked the base" -> the rebels claim
  responsibility (015) for the attack, whose own modality becomes ``reported``;
* statements: "X said the accord was historic", '"This is intolerable," the minister said',
  "X described the defeat as catastrophic" -> the saying is the speaker's event, typed by the
  statement's own cue words (``[statement_cues]`` in rules.txt), when nothing the speaker does
  is coded from it already.
"""
from __future__ import annotations

from ..dictionaries.verbs import VerbEntry
from ..model import Event, Span
from .arguments import Arguments, phrase_span
from .coding import Coder, Coding
from .emit import Emitter
from .frames import Frames
from .lexicon import EventLexicon
from .make import EventMaker
from .modality import Modality
from .tokens import code_has_prefix, lem, of_objects, pos_of, trigger_span, verb_of
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

    def statements(self, ctx, si, events, trigs) -> list[Event]:
        """The speaker's own event for each reported statement of the sentence (see the module)."""
        if not self.lex.statement_cues:
            return []
        sent = trigs[0].sent
        heads = [t for t in trigs if pos_of(t) == "VERB" and self.coder.triggers.is_speech(t, ctx)
                 and lem(t) not in self.lex.analysis_verbs]
        heads += [t for t in sent if t.lemma_.lower() in self.lex.evaluation_verbs and t not in heads]
        out = []
        for tok in heads:
            found = self._statement(ctx, tok, events)
            if found is not None:
                out.extend(self._statement_events(ctx, si, tok, *found))
        return out

    def _statement(self, ctx, tok, events):
        """(code, speaker token, sources, target token, targets) of a statement, or None."""
        speaker = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if tok.lemma_.lower() in self.lex.evaluation_verbs:
            # "described X as Y", "called X a parasite": the predicate is the statement, X its target
            about = next((c for c in tok.children if c.dep_ == "dobj"), None)
            comp = [c for c in tok.children if c.dep_ == "oprd"] + [  # "as Y" on the verb or its object
                o for h in (tok, about) if h is not None for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
                for o in c.children]
        else:
            comp = [c for c in tok.children if c.dep_ == "ccomp"]
            about = next((c for c in comp[0].children if c.dep_ in ("nsubj", "nsubjpass")), None) if comp else None
        if speaker is None or not comp:
            return None
        sources = self.args.actors_of(ctx, speaker)
        if not sources:
            return None
        analysts = self._analysts(ctx)
        sources = [a for a in sources if not _has_sector(a.code, self.lex.reporter_sectors) and a.id not in analysts]
        if not sources:
            return None  # a newspaper reporting (attribution) or a commentator: no statement
        ids = {a.id for a in sources}
        clause = tok
        while clause.dep_ == "conj" and clause.head.i != clause.i:  # "condemns X and calls it Y"
            clause = clause.head
        lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
        if any(ev.source in ids and lo <= ev.trigger.start < hi for ev in events):
            return None  # the speaker's act is coded already (a threat, a demand, a charge)
        words = [w for c in comp for w in c.subtree]
        clo, chi = words[0].idx, words[-1].idx + len(words[-1])
        inside = [ev for ev in events if clo <= ev.trigger.start < chi]
        if any(ev.source is not None for ev in inside):
            return None  # "Y attacked Z, X said": the reported act carries the news (attribution)
        coded = {ev.trigger.start for ev in inside}
        # a cue word that is itself a coded act ("X violated the truce, officials said") is the
        # content's act, not the speaker's stance
        code = self._cue_code([w for w in words if w.idx not in coded])
        attribution = bool(coded)
        if code == self.lex.statement_default and (attribution or tok.lemma_.lower() in self.lex.evaluation_verbs):
            return None  # "..., the ministry said" of a coded act; a name given with no stance
        targets = []
        for t in ([about] if about is not None else []):
            targets = [a for a in self.args.actors_of(ctx, t) if a.id not in ids]
            if not targets:  # "China's drills were a provocation", "the decision of X": its owner
                targets = [a for p in [*of_objects(t), *(p for p in t.children if p.dep_ == "poss")]
                           for a in self.args.actors_of(ctx, p) if a.id not in ids]
        return code, speaker, sources, about, targets

    def _analysts(self, ctx) -> set:
        """Actors who analyse somewhere in the document ("X argues that ..."), once per document."""
        if ctx.memo.analysts is None:
            ctx.memo.analysts = {a.id for t in ctx.sp if lem(t) in self.lex.analysis_verbs
                                 for c in t.children if c.dep_ == "nsubj" for a in self.args.actors_of(ctx, c)}
        return ctx.memo.analysts

    def _statement_events(self, ctx, si, tok, code, speaker, sources, about, targets) -> list[Event]:
        cb = self.emitter.codebook.get(code)
        modality = self.modality.modality(tok, ctx)
        if modality not in self.keep or cb is None:
            return []
        c = Coding(code, None, tok, self.frames.frame(tok, ctx), f"statement_cues:{code} under {tok.lemma_}", tok)
        date = self.when_where.date(ctx, c)
        sent = ctx.doc.sentences[si]
        conf = round(VerbEntry.confidence - self.lex.confidence.statement, 2)
        return [self.emitter.event(
            cb, code, sentence=si, source=s.id, target=t.id if t else None, trigger=Span(tok.idx, tok.idx + len(tok.text)),
            rule=c.rule, confidence=conf, negated=self.modality.negated(tok), modality=modality, date=date, place=None,
            evidence=[Span(sent.start, sent.end)], source_span=phrase_span(speaker),
            target_span=phrase_span(about) if t else None) for s in sources for t in (targets or [None])]

    def _cue_code(self, words) -> str:
        """The code of the first ``[statement_cues]`` line one of whose cues the words hold."""
        lemmas = [w.lemma_.lower() for w in words]
        lowers = [w.lower_ for w in words]
        for code, cues in self.lex.statement_cues.items():
            for cue in cues:
                parts = cue.replace("-", "_-_").split("_")  # "cold-blooded" is three tokens
                n = len(parts)
                if any(lemmas[i:i + n] == parts or lowers[i:i + n] == parts for i in range(len(words) - n + 1)):
                    return code
        return self.lex.statement_default

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


def _has_sector(code: str | None, sectors) -> bool:
    """Whether an actor code (country then three-letter sectors) holds one of ``sectors``."""
    return bool(code) and any(code[i:i + 3].lower() in sectors for i in range(3, len(code), 3))
