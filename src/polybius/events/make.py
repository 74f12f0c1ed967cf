"""From a coding to its events: arguments, confidence, modality and reframing, emit.

For one :class:`~polybius.events.coding.Coding`: the dialect's strategy finds source and
target; a compound subject with no target may act on its own members; the confidence is
lowered by the named adjustments of ``[confidence]`` in ``rules.txt``; an agentless passive
may take its source from an accompanying clause or the state where it happened; modality and
negation are read and CAMEO's reframings applied (intent, threat, refusal); then one event per
source-target pair is emitted (and PETRARCH's paired code "[032:033]" the other way round).
"""
from __future__ import annotations

from ..model import Event, Span
from .arguments import Arguments, Found, arg_span
from .coding import Coder, Coding
from .emit import Emitter
from .lexicon import EventLexicon
from .modality import Modality
from .passives import target_state
from .tokens import char_span_of, code_has_prefix, lem, pos_of
from .when_where import WhenWhere


class EventMaker:
    def __init__(self, lex: EventLexicon, coder: Coder, args: Arguments, dialects: dict, modality: Modality,
                 emitter: Emitter, when_where: WhenWhere, keep: tuple[str, ...]):
        self.lex, self.coder, self.args, self.dialects = lex, coder, args, dialects
        self.modality, self.emitter, self.when_where, self.keep = modality, emitter, when_where, keep

    def events(self, ctx, si: int, c: Coding) -> list[Event]:
        dialect = self.dialects[id(c.entry)]
        found = dialect.find(ctx, c)
        if found is None:
            return []
        pairs = self._pairs(ctx, c, found, dialect)
        conf = self._confidence(ctx, c, found, pairs)
        if conf is None:
            return []
        passive_orphan = not found.sources and c.frame.passive
        if not found.sources and not found.targets and not passive_orphan:
            return []
        got = self._qualified(ctx, c, found, dialect)
        if got is None:
            return []
        c, modality, negated = got
        plain = [(s_, t_) for s_ in found.sources or [None] for t_ in found.targets or [None]]
        codings = [(c.code, pairs or plain)]
        if c.entry.reciprocal and c.code == c.entry.code:
            # PETRARCH's paired code "[032:033]": the target does the second action to the source
            codings.append((c.entry.reciprocal, [(t_, s_) for s_, t_ in pairs or plain
                                                 if s_ is not None and t_ is not None]))
        out, swapped = [], set()
        for k, (code, dyads) in enumerate(codings):
            evs = self._emit(ctx, si, c, code, dyads, modality, negated, conf, passive_orphan, found)
            out.extend(evs)
            swapped.update(id(ev) for ev in evs if k)
        self._argument_spans(ctx, si, c, found, out, swapped)
        return out

    def _pairs(self, ctx, c: Coding, found: Found, dialect) -> list | None:
        """"Gondor and Osgiliath renewed ties": each member of a compound subject acts on the
        others (in a TABARI dictionary, only where a "%" pattern says so); never over a plain
        object ("the UN and the AU welcomed reports" welcome the reports), never for actors
        distributed from one phrase ("lawmakers in France and Germany" act together)."""
        sources, stok, lex = found.sources, found.stok, self.lex
        if found.targets or len(sources) < 2 or c.entry.target == ["none"] or not dialect.pairs_allowed(found):
            return None
        # "X and Y clashed", "Indian and Chinese troops exchanged fire", "X and Y accused each other"
        mutual = lem(c.tok) in lex.reciprocal_verbs or any(lem(o) in lex.reciprocal_pronouns for o in c.frame.obj)
        if not mutual and (c.code in lex.third_party_codes
                           or (stok is not None and {a.id for a in sources} <= {a.id for a in self.args.at_token(ctx, stok)})
                           or not all(lem(o) in lex.reciprocal_objects for o in c.frame.obj)):
            return None
        return [(a, b) for a in sources for b in sources if a.id != b.id]

    def _confidence(self, ctx, c: Coding, found: Found, pairs) -> float | None:
        """The event's confidence after the named adjustments (None: no event), and the
        sources an agentless passive takes from its clause or place."""
        f, adjust = c.frame, self.lex.confidence
        conf = c.entry.confidence
        if found.fallback:
            conf -= adjust.phrase_target
            c.rule = f"{c.rule} target=phrase"
        if f.inherited_subj or (c.source_frame and c.source_frame.inherited_subj):
            conf -= adjust.inherited_subject
        if pos_of(c.head) == "NOUN" and f.light is None:
            conf -= adjust.bare_noun
            if not (found.sources and (found.targets or pairs)):
                return None  # a nominal mention without both actors ("talks between X and Y" has them)
        dies = c.entry.source == ["none"]  # "three people died when ...": the victims' verb
        if not found.sources and (f.passive or dies) and code_has_prefix(c.code, self.lex.violent_codes):
            # "23 civilians were killed as government forces launched air strikes": the actor of
            # the attack in the accompanying clause did it (a conflict act, never its victim)
            found.sources, found.stok = self.args.clause_agent(ctx, c, found.targets)
            if found.sources:
                conf -= adjust.clause_source
                c.rule = f"{c.rule} source=clause"
        if not found.sources and f.passive and code_has_prefix(c.code, self.lex.state_act_codes):
            # "was arrested in Rwanda", "were expelled from North Korea": with no agent, the
            # state where it happened did it (`source=place`)
            got, gtok = self.args.resolve_roles(ctx, self.lex.place_sources, c, f)
            got = [a for a in got if a.kind == "country"]
            if got:
                found.sources, found.stok = got, gtok
                conf -= adjust.place_source
                c.rule = f"{c.rule} source=place"
                if any(t in got for t in found.targets):
                    found.targets, found.ttok = self.args.resolve_roles(ctx, ["obj"], c, f, exclude=found.sources)
        if not found.sources and f.passive and code_has_prefix(c.code, self.lex.state_act_codes):
            found.sources = target_state(ctx.doc, found.targets)  # "was sentenced": by the target's state
            if found.sources:
                conf -= adjust.place_source
                c.rule = f"{c.rule} source=target state"
        return conf

    def _qualified(self, ctx, c: Coding, found: Found, dialect) -> tuple[Coding, str, bool] | None:
        """Modality and negation, and the coding CAMEO gives them (None: a modality not kept)."""
        modality = self.modality.modality(c.head, ctx)
        if modality == "hypothetical" and self.modality.conditional_threat(c.head, ctx):
            modality = "future"  # "will halt X unless Y": a conditional threat
        negated = self.modality.negated(c.head, c.tok if c.tok.i != c.head.i else None)
        if negated and dialect.pattern_negation(c, found):
            negated = False  # the pattern itself spells out the negation ("&NEG * OVER EFFORTS" [904])
        if negated and found.seq is None:
            c = self.coder.refusal(c, modality)
            if c.rule.endswith("refusal)"):
                negated = False  # "will not accept refugees" is a refusal, not a negated acceptance
        if modality == "future":
            c = self.coder.intent_or_threat(c, modality, negated)
            if c.rule.endswith("refusal)"):
                negated = False  # "will not lift the embargo" is a refusal, not a negated event
        if modality not in self.keep:
            return None
        return c, modality, negated

    def _emit(self, ctx, si, c, code, dyads, modality, negated, conf, passive_orphan, found) -> list[Event]:
        doc = ctx.doc
        cb, cameo = self.emitter.lookup(code, c.entry.rule)
        date = self.when_where.date(ctx, c)
        place = self.when_where.place(ctx, c, [found.stok, found.ttok])
        sent = doc.sentences[si]
        evidence = [Span(sent.start, sent.end)]
        adjust = self.lex.confidence
        out = []
        for s, t in dyads:
            if s is not None and t is not None and s.id == t.id:
                continue
            out.append(self.emitter.event(
                cb, cameo, sentence=si, source=s.id if s else None, target=t.id if t else None,
                trigger=Span(*char_span_of(c.tok)), rule=c.rule,
                confidence=round(max(adjust.floor, conf - (adjust.passive_orphan if passive_orphan else 0.0)), 2),
                negated=negated, modality=modality, date=date, place=place, evidence=list(evidence)))
        return out

    def _argument_spans(self, ctx, si, c, found: Found, out, swapped) -> None:
        """Where source and target are in the text (an argument that is no actor included)."""
        stok, ttok = found.stok, found.ttok
        if stok is None:
            stok = self.args.first_argument(self.args.source_roles(c), c, c.source_frame or c.frame)
        if ttok is None:  # a place that was no target is still where the act was aimed ("fired on Kamara")
            ttok = found.place_tok or self.args.first_argument(self.args.target_roles(c), c, c.frame)
        for ev in out:
            a, b = (ttok, stok) if id(ev) in swapped else (stok, ttok)
            ev.source_span = arg_span(ctx.doc, si, a, ev.source)
            ev.target_span = arg_span(ctx.doc, si, b, ev.target)
