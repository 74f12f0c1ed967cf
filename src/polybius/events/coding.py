"""Coding: the CAMEO code of a trigger, and the reframings CAMEO asks for.

:meth:`Coder.code` gives the coding of a token as an event head: the entry its frame meets
most specifically; through a light verb the object noun ("held talks"); for a complement
family (appeal, intent, demand, reject, threaten) the code of the family's concept of what it
embeds ("request ... withdrawal" -> appeal + de-escalate -> 0256); through a pass-through
verb its complement.  The reframings turn a statement about an act into the act CAMEO codes:
a future act is an intent (03) or threat (13), a negated one or a negated acceptance a
refusal (12), "X said Y must ..." a demand (10).  The tables are data (``rules.txt``).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..dictionaries.verbs import VerbDictionary, VerbEntry
from .context import EventContext
from .frames import Frame, Frames
from .lexicon import EventLexicon, event_lexicon
from .matching import Matcher
from .modality import Modality
from .tokens import lem, of_objects, pos_of
from .triggers import TriggerIndex


@dataclass
class Coding:
    code: str
    entry: VerbEntry
    tok: object  # the token whose entry decided the code (trigger)
    frame: Frame
    rule: str
    head: object  # the token the event hangs on (family/light/pass verb or the trigger)
    concept: str | None = None
    consumed: list = field(default_factory=list)
    complement: "Coding | None" = None
    source_frame: Frame | None = None  # frame whose subject is the source (pass verbs)
    enacted: bool = False  # a content noun reported as done ("announced the release of X")


class Coder:
    def __init__(self, verbs: VerbDictionary, lex: EventLexicon, triggers: TriggerIndex, frames: Frames,
                 matcher: Matcher, modality: Modality):
        self.verbs, self.lex, self.triggers = verbs, lex, triggers
        self.frames, self.matcher, self.modality = frames, matcher, modality
        self.demand = next((e for e in verbs.entries if e.family == "demand" and e.kind == "event"
                            and "comp_subj" in (e.target or [])), None)

    def code(self, tok, ctx, depth: int = 0) -> Coding | None:
        """The coding of ``tok`` as an event head, or None."""
        if depth > self.lex.limits.coding_depth or not self.triggers.candidates(tok, ctx):
            return None
        f = self.frames.frame(tok, ctx)
        entry, score = self.matcher.best(tok, f, ctx, kinds=("event", "content"))
        # light verb: the object noun is the event ("held talks", "sent a request"), unless
        # an entry with conditions says more ("hold prisoners")
        if self.triggers.is_light(tok, ctx) and (entry is None or score <= 0 or entry.family is not None):
            sub = self._light(tok, f, entry, ctx, depth)
            if sub is not None:
                return sub
        if entry is not None and entry.family is None:
            return Coding(entry.code, entry, tok, f, entry.rule, tok)
        if entry is not None:
            c = self._family(tok, f, entry, ctx, depth)
            if c is not None:
                return c
        # pass-through: the complement is the event
        if self.triggers.has_kind(tok, ctx, "pass") and f.comp is not None and not f.comp_finite:
            sub = self.code(f.comp, ctx, depth + 1)
            if sub is not None and sub.entry.kind != "content":
                sub.head = tok
                sub.source_frame = f
                sub.consumed.append(f.comp)
                sub.rule = f"{sub.rule} via {tok.lemma_} + complement"
                return sub
        return None

    def _light(self, tok, f: Frame, entry, ctx, depth: int) -> Coding | None:
        objs = []
        # "held talks"; "joined X for talks" (a for-object only when no complement family claims it)
        for o in [*f.obj, *(f.preps.get("for", []) if entry is None else [])]:
            objs.append(o)
            # "launched air and artillery strikes": the conjuncts of the object too
            objs.extend(x for x in o.conjuncts if x.pos_ in ("NOUN", "PROPN") and x.i > o.i)
            if o.lemma_.lower() in self.lex.partitive_nouns:
                objs.extend(of_objects(o))
        enacting = lem(tok) in self.lex.enacting_verbs
        for o in objs:
            sub = self.code(o, ctx, depth + 1)
            if sub is not None and (sub.entry.kind != "content" or (enacting and sub.code.strip("0"))):
                sub.enacted = sub.entry.kind == "content"
                sub.head = tok
                sub.consumed.append(o)
                sub.rule = f"{sub.rule} via light verb {tok.lemma_}"
                return sub
        return None

    def _family(self, tok, f: Frame, fam: VerbEntry, ctx, depth: int) -> Coding | None:
        family = fam.family
        if family == "threaten" and f.comp is not None and f.comp_finite and self.modality.forecast(f.comp):
            return None  # "analysts warned that the dispute could disrupt trade": a forecast, no threat
        comp_tokens = []
        if f.comp is not None:
            comp_tokens.append(f.comp)
        for p in ("for", "to", "on"):
            comp_tokens.extend(o for o in f.preps.get(p, []) if o.pos_ in ("NOUN", "PROPN"))
        comp_tokens.extend(o for o in f.obj if o.pos_ in ("NOUN", "PROPN"))
        for ct in comp_tokens:
            sub = self.code(ct, ctx, depth + 1)
            if sub is None:
                continue
            concept = sub.concept or (self.verbs.concept_of(sub.code).name if self.verbs.concept_of(sub.code) else None)
            code = None
            if concept is not None:
                code = self.verbs.concepts[concept].codes.get(family)
            elif family == "intent" and sub.entry.family is None:
                code = sub.code  # "offered condolences": the offered act itself
            code = code or fam.code
            c = Coding(code, fam, tok, f, f"{fam.rule} family={family}" + (f" concept={concept}" if concept else "")
                       + f" <- {sub.rule}", tok, concept=concept, complement=sub)
            c.consumed = [ct, sub.tok, sub.head, *sub.consumed]
            return c
        if f.comp is not None and f.comp_finite and family == "appeal" and self.triggers.is_speech(tok, ctx):
            return None  # "suggested that the plan is an attempt": a statement, not an appeal
        if family == "intent" and not fam.conditions:
            return None  # "plans to", "intends to" with nothing codeable: no event
        if family in ("appeal",) and f.comp is None and not (f.obj or f.dative or f.preps):
            return None
        # "Iraq's request", "the demand" with no content: an appeal / demand all the same
        return Coding(fam.code, fam, tok, f, f"{fam.rule} family={family}", tok)

    # ------------------------------------------------------------------ reframing
    def _reframed(self, c: Coding, code: str, concept, how: str) -> Coding:
        return replace(c, code=code, rule=f"{c.rule} as {how}", concept=concept.name if concept else None,
                       enacted=False)

    def intent_or_threat(self, c: Coding, modality: str, negated: bool = False) -> Coding:
        """A future (or conditional) action is coded as the statement of it: an intent to
        cooperate (03) or a threat (13), with the action's concept ("will boycott" -> 130);
        a negated one ("will not lift the embargo") as a refusal (12)."""
        lex = self.lex
        if (c.entry.family is not None or c.entry.dialect != "polybius" or not c.code.isdigit()
                or c.code[:2] in lex.statement_roots):
            return c
        family = "threaten" if c.code[:2] in lex.threat_roots else "intent"
        concept = self.verbs.concept_of(c.code)
        if negated:
            code = (concept.codes.get("reject") if concept else None) or lex.fallback_codes["reject"]
            return self._reframed(c, code, concept, f"reject ({modality}, refusal)")
        code = (concept.codes.get(family) if concept else None) or lex.fallback_codes[family]
        return self._reframed(c, code, concept, f"{family} ({modality})")

    def refusal(self, c: Coding, modality: str) -> Coding:
        """A negated acceptance ("will not accept refugees", "did not approve the plan",
        `[acceptance_verbs]` in qualifiers.txt) is a refusal: the reject code (12) of what was
        not accepted."""
        lex = self.lex
        if (c.entry.family not in (None, "intent") or c.entry.dialect != "polybius" or not c.code.isdigit()
                or c.code[:2] not in lex.acceptance_roots or c.tok.lemma_.lower() not in lex.acceptance_verbs):
            return c
        concept = c.concept and self.verbs.concepts.get(c.concept) or self.verbs.concept_of(c.code)
        code = (concept.codes.get("reject") if concept else None) or lex.fallback_codes["reject"]
        return self._reframed(c, code, concept, f"reject ({modality}, refusal)")

    def _speech_head(self, h, ctx) -> bool:
        """A speech verb, or a light verb whose object is a speech noun ("issued a reminder that")."""
        is_speech = self.triggers.is_speech
        if is_speech(h, ctx):
            return True
        return self.triggers.is_light(h, ctx) and any(c.dep_ == "dobj" and is_speech(c, ctx) for c in h.children)

    def under_speech_obligation(self, v, ctx):
        """The speech verb when ``v`` is 'Y must/should do' reported by a speaker."""
        if v is None:
            return None
        if v.dep_ == "acl" and pos_of(v.head) == "NOUN" and self.triggers.is_speech(v.head, ctx) and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in v.children):
            pass  # "a reminder to X that Y must ...": the speech noun's content clause
        elif v.dep_ != "ccomp" or not self._speech_head(v.head, ctx):
            return None
        if any(c.dep_ == "aux" and c.lower_ in self.lex.obligation_aux for c in v.children):
            return v.head
        return None

    def obligation(self, c: Coding, ctx) -> Coding | None:
        """'X said Y must withdraw' -> X demands that Y withdraw (CAMEO 10 + concept); 'X said Y
        must agree to talks' -> X demands that Y agree (the concept of what Y is to agree to)."""
        if c.entry.family not in (None, "intent") or c.head.i != c.tok.i and pos_of(c.head) == "NOUN":
            return None
        sp = self.under_speech_obligation(c.head, ctx)
        entry = self.demand
        if sp is None or entry is None:
            return None
        if c.entry.family == "intent":
            concept = self.verbs.concepts.get(c.concept) if c.concept else None
        else:
            concept = self.verbs.concept_of(c.code)
        code = (concept.codes.get("demand") if concept else None) or entry.code
        return Coding(code, entry, c.head, self.frames.frame(sp, ctx), f"{entry.rule} family=demand (obligation "
                      f"under {sp.lemma_})" + (f" concept={concept.name}" if concept else "") + f" <- {c.rule}", sp,
                      concept=concept.name if concept else None, complement=c)


class EventCoder:
    """The coder on its own, for coding single tokens (tests, tools): ``code(tok)``."""

    def __init__(self, verbs: VerbDictionary, vocab, lex: EventLexicon | None = None):
        lex = lex or event_lexicon()
        triggers = TriggerIndex(verbs, vocab)
        frames = Frames(lex, triggers)
        self.coder = Coder(verbs, lex, triggers, frames, Matcher(lex, triggers), Modality(lex, triggers))

    def code(self, tok) -> Coding | None:
        return self.coder.code(tok, EventContext.for_tokens(tok.doc))
