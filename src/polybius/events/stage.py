"""The events stage: who did what to whom, when and where.

Built once per pipeline (``EventStage(settings, nlp)``): the verb dictionary and the events
lexicon are read, the trigger index compiled and the parts wired together.  Each document is
then coded sentence by sentence with a fresh :class:`~polybius.events.context.EventContext`;
nothing is written on the stage or its parts while a document is coded.

Order for one sentence: triggers (:mod:`.triggers`) -> coding of each trigger, deepest last
(:mod:`.coding`: frames, matching, reframing) -> events of each coding (:mod:`.make`:
arguments by dialect, confidence, modality, emit) -> obligations, charges and claims
(:mod:`.derived`); for the document: merge (:mod:`.merge`) and dates by reference
(:mod:`.anchors`).
"""
from __future__ import annotations

from ..config import Settings
from ..dictionaries.verbs import load_verb_dictionaries
from ..model import Event
from ..stages import Stage
from . import calibration
from .anchors import anchors as _anchors, inherit_dates, paragraph_days
from .arguments import Arguments, actor_index
from .codebook import default_codebook
from .coding import Coder
from .context import EventContext
from .derived import Derived
from .dialects import strategies
from .emit import Emitter
from .factual import NON_FACTUAL, FactualityCheck
from .frames import Frames
from .lexicon import event_lexicon
from .make import EventMaker
from .matching import Matcher
from .merge import dedup
from .modality import Modality
from .tokens import LazyDepths, verb_phrase
from .triggers import TriggerIndex
from .when_where import WhenWhere


class EventStage(Stage):
    name = "events"
    requires = ("nlp", "sentences", "published", "actors")
    assigns = ("events",)

    def __init__(self, settings, nlp):
        super().__init__(settings, nlp)
        self.verbs = verbs = load_verb_dictionaries(settings.verbs_files, use_defaults=settings.use_default_verbs)
        self.lex = lex = event_lexicon()
        keep = tuple(settings.event_modalities or Settings().event_modalities)
        # what the article does not assert is set aside after merging (rules and the trained model)
        self.keep = keep = keep + (NON_FACTUAL if settings.keep_background else ())
        # a TABARI/PETRARCH-1 dictionary: patterns are word sequences, verb phrases coded in text order
        self.tabari = any(e.sequence is not None for e in verbs.entries)
        self.triggers = triggers = TriggerIndex(verbs, nlp.vocab)
        frames = Frames(lex, triggers)
        self.matcher = matcher = Matcher(lex, triggers)
        modality = Modality(lex, triggers)
        self.coder = coder = Coder(verbs, lex, triggers, frames, matcher, modality)
        when_where = WhenWhere(lex)
        forces = frozenset().union(*(verbs.synsets.get(n, frozenset()) for n in ("FORCES", "PEACEKEEPERS", "DIPLOMATS")))
        args = Arguments(lex, triggers, coder, forces, when_where.place_preps)
        emitter = Emitter(default_codebook())
        self.maker = maker = EventMaker(lex, coder, args, strategies(verbs.entries, args, matcher), modality,
                                        emitter, when_where, keep)
        self.derived = Derived(lex, verbs, coder, frames, matcher, args, modality, emitter, when_where, maker, keep)
        self.anchor_preps = _anchors()
        self.factual = FactualityCheck(lex)
        self.calibration = calibration.load() if settings.calibrated_confidence else None
        self.min_confidence = settings.min_confidence

    # ------------------------------------------------------------------ document
    def __call__(self, doc) -> None:
        ctx = self.context(doc)
        raw: list[Event] = []
        for si, span, trigs in self.sentences(ctx):
            raw.extend(self.code_sentence(ctx, si, trigs))
        events = [e for e in self.factual.apply(doc, dedup(doc, raw), self.keep, self.calibration)
                  if e.confidence >= self.min_confidence]
        for n, e in enumerate(events, 1):
            e.id = f"E{n}"
        inherit_dates(doc, events, self.anchor_preps)
        paragraph_days(doc, events)
        doc.events = events

    def context(self, doc) -> EventContext:
        """The document's context: trigger candidates, actors by token, tree depths."""
        sp = doc.nlp
        ctx = EventContext(doc=doc, sp=sp)
        trig_idx, ctx.lower = self.triggers.find(sp)
        ctx.triggers = trig_idx
        if trig_idx:
            import numpy as np
            from spacy.attrs import HEAD

            ctx.tok_actors, ctx.tok_spans = actor_index(doc, sp)
            rel = sp.to_array([HEAD]).astype("int64").reshape(-1)
            heads = (rel + np.arange(len(sp))).tolist()
        else:
            heads = []
        ctx.depths = LazyDepths(heads, self.lex.limits.tree_depth)
        ctx.trig_set = set(trig_idx)
        return ctx

    def sentences(self, ctx):
        """``(index, span, triggers)`` of every sentence that may hold an event, with the
        context's sentence state set for it."""
        sp, trig_idx, lex = ctx.sp, ctx.triggers, self.lex
        if not trig_idx:
            return
        oblig_idx = self.triggers.word_indices(sp, ctx.lower, lex.obligation_aux) if lex.obligation_aux else []
        ents = list(sp.ents)
        for si, s in enumerate(ctx.doc.sentences):
            span = sp.char_span(s.start, s.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            trigs = [sp[i] for i in trig_idx if span.start <= i < span.end]
            if not trigs:
                continue
            if not any(i in ctx.tok_actors for i in range(span.start, span.end)):
                continue  # no actor in the sentence: nothing can be coded
            ctx.ents = [e for e in ents if span.start <= e.start < span.end]
            ctx.oblig = [sp[i] for i in oblig_idx if span.start <= i < span.end]
            ctx.sentence_reported = any(c.dep_ == "prep" and c.lower_ in lex.reported_preps
                                        for c in span.root.children)
            yield si, span, trigs

    def code_sentence(self, ctx, si: int, trigs) -> list[Event]:
        depths = ctx.depths
        if self.tabari:
            trigs.sort(key=lambda t: t.i)  # TABARI codes verb phrases in the order of the text
        else:
            trigs.sort(key=lambda t: (depths[t.i], t.i))
        consumed: set[int] = set()
        out: list[Event] = []
        for t in trigs:
            if t.i in consumed or self._skipped(ctx, t):
                continue
            c = self.coder.code(t, ctx)
            if c is None or (c.entry.kind == "content" and not c.enacted):
                continue
            consumed.update(_consumed(c))
            c = self.coder.obligation(c, ctx) or c
            out.extend(self.maker.events(ctx, si, c))
        out.extend(self.derived.obligations(ctx, si, consumed))
        out.extend(self.derived.charges_in(ctx, si, consumed, trigs))
        out.extend(self.derived.claims(ctx, si, out))
        out.extend(self.derived.statements(ctx, si, out, trigs))
        return out

    def _skipped(self, ctx, t) -> bool:
        if self.triggers.only_grammar(t, ctx) and not any(c.i in ctx.trig_set for c in t.children):
            return True  # a light, pass-through or speech verb with nothing codeable under it
        # "Russia-backed rebels", "the internationally recognised government": a description
        return t.tag_ == "VBN" and t.dep_ in ("amod", "acl") and t.lemma_.lower() in self.lex.descriptive_participles


def _consumed(c) -> set[int]:
    """Tokens a coding used up: its trigger and head, what it consumed, an event noun that is
    an argument of it or of its complement ("agreed to lift the sanctions": no sanctions event
    of its own), and for a TABARI pattern the verb phrase."""
    out = {x.i for x in c.consumed} | {c.tok.i, c.head.i}
    sub = c
    while sub is not None:
        out.update(o.i for o in sub.frame.obj)
        out.update((sub.tok.i, sub.head.i))
        sub = sub.complement
    if c.entry.sequence is not None:
        # TABARI: a verb phrase that codes is done; the verbs inside it are not coded apart
        out.update(verb_phrase(c.tok))
        if c.head.i != c.tok.i:
            out.update(verb_phrase(c.head))
    return out
