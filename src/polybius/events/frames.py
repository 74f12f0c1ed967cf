"""Frames: the syntactic arguments of a trigger on the dependency parse.

For each trigger a :class:`Frame` collects its subject (or the ``by`` agent of a passive),
object (or the passive subject, or a noun's of-object), dative, prepositional objects,
modifiers, possessor and complement clause, with control, passive, relative-clause and
light-verb inheritance.  Frames are pure functions of the parse, memoised per document in
the :class:`~polybius.events.context.EventContext`.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .lexicon import EventLexicon
from .tokens import (ACTOR_MOD_DEPS, AMOUNT_ENTS, CONTEXT_PREPS, MOD_DEPS, NON_ARGUMENT_ENTS, PARTICLE_DEPS,
                     PARTICLE_PREPS, SUBJ_DEPS, clause_verb, has_to, of_objects, pos_of, role_attribute)
from .subjects import inherit_subject
from .triggers import TriggerIndex


@dataclass
class Frame:
    tok: object
    subj: list = field(default_factory=list)
    obj: list = field(default_factory=list)
    dative: list = field(default_factory=list)
    preps: dict = field(default_factory=lambda: defaultdict(list))
    mods: set = field(default_factory=set)
    mod_toks: list = field(default_factory=list)
    poss: list = field(default_factory=list)
    particles: set = field(default_factory=set)
    comp: object = None
    comp_finite: bool = False
    passive: bool = False
    inherited_subj: bool = False
    light: object = None  # the light verb governing a noun trigger
    # amounts in a PP ("provided X with $5 million in aid"): never arguments, but what was given
    amounts: dict = field(default_factory=lambda: defaultdict(list))


class Frames:
    def __init__(self, lex: EventLexicon, triggers: TriggerIndex):
        self.lex = lex
        self.triggers = triggers

    def frame(self, tok, ctx) -> Frame:
        f = ctx.memo.frames.get(tok.i)
        if f is None:
            f = ctx.memo.frames[tok.i] = self._frame(tok, ctx)
        return f

    def _frame(self, tok, ctx) -> Frame:
        f = Frame(tok)
        is_noun = pos_of(tok) == "NOUN"
        for c in tok.children:
            self._child(tok, c, f, is_noun, ctx)
        if is_noun:
            self._noun_frame(tok, f, ctx)
        else:
            self._verb_objects(f)
            if not f.subj:
                inherit_subject(tok, f, self.lex)
        return f

    def _child(self, tok, c, f: Frame, is_noun: bool, ctx) -> None:
        d = c.dep_
        if d in SUBJ_DEPS:
            f.subj.append(c)
        elif d == "nsubjpass":
            f.obj.append(c)
            f.passive = True
        elif d == "agent":
            f.subj.extend(x for x in c.children if x.dep_ == "pobj")
        elif d == "dobj":
            f.obj.append(c)
            f.particles.add(c.lemma_.lower())
        elif d == "prt" and not is_noun:
            # "hand over medical supplies" parsed with the object under the particle
            f.obj.extend(x for x in c.children if x.dep_ == "pobj")
        elif d == "dative":
            if c.pos_ == "ADP":
                f.dative.extend(x for x in c.children if x.dep_ == "pobj")
            else:
                f.dative.append(c)
        elif d == "prep":
            pobjs = [x for x in c.children if x.dep_ in ("pobj", "pcomp") and x.ent_type_ not in NON_ARGUMENT_ENTS]
            pobjs += [y for x in pobjs for y in x.conjuncts]
            f.preps[c.lemma_.lower()].extend(pobjs)
            f.amounts[c.lemma_.lower()].extend(x for x in c.children if x.dep_ == "pobj" and x.ent_type_ in AMOUNT_ENTS)
            f.particles.add(c.lemma_.lower())
        elif d == "poss":
            if c.ent_type_ not in NON_ARGUMENT_ENTS:  # "Saturday's meeting": a date, not a party
                f.poss.append(c)
        elif f.comp is None:
            self._complement(tok, c, d, f, is_noun, ctx)
        if d in MOD_DEPS:
            f.mods.add(c.lemma_.lower())
            if d in ACTOR_MOD_DEPS:
                f.mod_toks.append(c)
        if d in PARTICLE_DEPS or d == "prt":
            f.particles.add(c.lemma_.lower())
        if d == "auxpass":
            f.passive = True

    def _complement(self, tok, c, d: str, f: Frame, is_noun: bool, ctx) -> None:
        if d in ("xcomp", "ccomp"):
            f.comp = c
            f.comp_finite = d == "ccomp" and (
                any(x.dep_ in SUBJ_DEPS or x.dep_ in ("nsubjpass", "expl") for x in c.children)
                or any(x.dep_ == "mark" and x.lower_ in ("that", "whether") for x in c.children))  # "told that there's"
        elif d == "advcl" and any(x.dep_ == "mark" and x.lower_ == "for" for x in c.children) and has_to(c):
            f.comp = c  # "called for Britain to stay": a for-to clause is the complement
            f.comp_finite = True
        elif d == "advcl" and not is_noun and has_to(c) and not any(
                x.dep_ == "dobj" for x in tok.children) and self.triggers.has_family(tok, ctx):
            f.comp = c  # "have sworn to fight" parsed as a purpose clause: the vow's complement
        elif d == "acl" and is_noun and any(
                (x.dep_ == "aux" and x.lower_ == "to") or (x.dep_ == "mark" and x.lower_ == "that") for x in c.children):
            f.comp = c

    def _verb_objects(self, f: Frame) -> None:
        if not f.obj:
            # "hand over supplies", "give up arms" with the object parsed under the particle
            for p in PARTICLE_PREPS:
                if f.preps.get(p):
                    f.obj = list(f.preps[p])
                    break
        # a PP the parser hung on the object ("accused X of war crimes") counts for the verb
        objs = list(f.obj)
        for o in f.obj:  # "returned dozens of artifacts to X": the of-object's PPs too
            if o.lemma_.lower() in self.lex.partitives:
                objs.extend(of_objects(o))
        for o in objs:
            for c in o.children:
                # after the verb's own ("imposed sanctions on X on Monday": both on-objects)
                if c.dep_ == "prep":
                    f.preps[c.lemma_.lower()].extend(x for x in c.children if x.dep_ in ("pobj", "pcomp"))

    def _noun_frame(self, tok, f: Frame, ctx) -> None:
        if "of" in f.preps and not f.obj:
            f.obj = list(f.preps["of"])
        if "by" in f.preps:
            f.subj.extend(f.preps["by"])
        h = tok.head
        lv = self._light_verb(tok, ctx)
        if tok.dep_ == "pobj" and h.lower_ == "under" and h.head.lemma_.lower() in self.lex.undergoing_verbs:
            _undergone(tok, f, h.head, self.frame(h.head, ctx))
        elif lv is not None:
            self._under_light_verb(tok, f, lv, ctx)
        elif (att := role_attribute(tok, self.lex.role_nouns)) is not None and not f.subj:
            # "X is the largest donor of aid", "X remains one of the main donors": X gives
            f.subj = [c for c in att.head.children if c.dep_ in SUBJ_DEPS]
            f.inherited_subj = True
            f.light = att.head
            for p, objs in self.frame(att.head, ctx).preps.items():  # "is one of the donors *to Y*"
                if p not in f.preps:
                    f.preps[p] = objs
        elif (tok.dep_ == "pobj" and h.lower_ in ("for", "of") and not f.subj and not f.poss
              and h.head.lemma_.lower() in self.lex.responsibility_heads):
            _held_responsible(f, h.head)
        elif tok.dep_ == "pobj" and h.lemma_.lower() in CONTEXT_PREPS and not f.subj and not f.poss:
            v = clause_verb(h, self.lex.limits.verb_ancestor_hops)
            if v is not None:
                hf = self.frame(v, ctx)
                f.subj = hf.subj
                f.inherited_subj = True
                f.dative = f.dative or hf.dative
                f.preps.setdefault("with", [])
                if not f.preps["with"]:
                    f.preps["with"] = hf.dative or [o for o in hf.obj if o.pos_ == "PROPN"]

    def _light_verb(self, tok, ctx):
        """The light verb a noun is the event of ("held talks", "joined X for talks"), or None."""
        h = tok.head
        is_light = self.triggers.is_light
        if tok.dep_ in ("dobj", "nsubjpass") and h.i != tok.i and is_light(h, ctx):
            return h
        if tok.dep_ == "pobj" and h.lower_ == "for" and h.dep_ == "prep" and is_light(h.head, ctx):
            return h.head  # "converged for a rally", "joined X for talks": the light verb's noun too
        if (tok.dep_ == "pobj" and h.lower_ == "for" and h.dep_ == "prep" and h.head.dep_ == "dobj"
                and is_light(h.head.head, ctx)):
            return h.head.head  # "joined X for dinner" with the PP hung on X
        return None

    def _under_light_verb(self, tok, f: Frame, lv, ctx) -> None:
        """A noun under a light verb takes the verb's subject, dative and prepositions."""
        hf = self.frame(lv, ctx)
        f.light = lv
        if not f.subj and not f.poss:
            f.subj = hf.subj
            f.inherited_subj = hf.inherited_subj
        f.dative = f.dative or hf.dative
        for p, objs in hf.preps.items():
            if p not in f.preps:
                f.preps[p] = objs
        if tok.dep_ == "pobj" and hf.obj and not f.preps.get("with"):
            f.preps["with"] = list(hf.obj)  # "joined X for talks / for dinner": with X


def _undergone(tok, f: Frame, verb, vf: Frame) -> None:
    """"Kyiv came under heavy missile attack from Russia": the verb's subject is the target
    (an attack *on* it), a from-phrase of either word the source (beside the noun's own
    possessor and adjective); predicated of the subject, so an event, not a bare mention."""
    f.light = verb
    f.preps["on"] = f.preps.get("on") or list(vf.subj)
    f.preps["by"] = list(f.preps.get("by") or ()) + list(f.preps.get("from") or vf.preps.get("from") or ())


def _held_responsible(f: Frame, r) -> None:
    """"Russia was responsible for the shelling of Kharkiv", "blamed X for the attack": the one
    held responsible did it."""
    holder = [c for c in r.children if c.dep_ == "dobj"] or [c for c in r.children if c.dep_ in SUBJ_DEPS]
    if not holder and r.dep_ in ("acomp", "oprd", "amod"):
        holder = [c for c in r.head.children if c.dep_ in SUBJ_DEPS] if r.dep_ != "amod" else [r.head]
    if holder:
        f.subj = holder
        f.inherited_subj = True
        f.light = r  # predicated of the holder: an event, not a bare nominal mention

