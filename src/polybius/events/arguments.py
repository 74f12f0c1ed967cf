"""Arguments: the actors an event's roles hold, and where they are in the text.

A role (``subj``, ``obj``, ``prep:against``, ``comp_subj``, ``phrase_tree``...) names tokens of
the frame; a token names actors through ``Document``'s mentions (indexed once per document in
the context), its possessor or modifier ("US strikes"), an antecedent, the speaker of a
reported clause, the group an "of"/"from" phrase names.  How a dictionary dialect finds its
source and target on top of this is a strategy (:mod:`polybius.events.dialects`).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Span
from .lexicon import EventLexicon
from .tokens import NON_ARGUMENT_ENTS, PLACE_ENTS, clause_subtree, code_has_prefix, lem, own_pronoun_possessor, pos_of, tok_span


@dataclass
class Found:
    """The source and target side of one coding: actors and the token each was read at."""

    sources: list
    stok: object
    targets: list
    ttok: object
    seq: tuple | None = None  # a TABARI pattern match: (words, marks)
    fallback: bool = False  # the target is the first actor of the event's own phrases
    place_tok: object = None  # with no target: the uncoded place the roles named instead ("the village of K")


def phrase_span(tok) -> Span | None:
    """The character span of the phrase a token ends (None for no token)."""
    return _span(tok_span(tok))


def actor_index(doc, sp) -> tuple[dict[int, list], dict[int, list]]:
    """Token index -> actors with a mention over it, innermost mention first (what
    ``Document.actors_at`` answers for one token), and token index -> the (start, end)
    of each of those mentions; built once per document."""
    hits: dict[int, list] = {}
    for a in doc.actors:
        if a.kind == "outlet":  # an outlet named as a source of information is never a participant
            continue
        for m in a.mentions:
            span = sp.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start, span.end):
                hits.setdefault(i, []).append((m.end - m.start, a, (m.start, m.end)))
    out, spans = {}, {}
    for i, lst in hits.items():
        lst.sort(key=lambda x: x[0])
        seen, acts, sp_ = set(), [], []
        for ln, a, m in lst:
            if a.id not in seen:
                seen.add(a.id)
                acts.append(a)
                sp_.append(m)
        out[i] = acts
        spans[i] = sp_
    return out, spans


def arg_span(doc, si, tok, actor_id) -> Span | None:
    """Where an argument is in the text: a pronoun's actor is shown by its named mention in
    the sentence ("the Pentagon said *it* hit ..." -> "the Pentagon"), else the word's phrase."""
    if tok is not None and actor_id:
        sent = doc.sentences[si]
        actor = doc.actor(actor_id)
        ms = sorted((m for m in (actor.mentions if actor else []) if sent.start <= m.start and m.end <= sent.end
                     and not m.start <= tok.idx < m.end and m.rule != "pronoun"), key=lambda m: m.start)
        covered = actor is not None and any(m.start <= tok.idx < m.end for m in actor.mentions)
        if ms and (tok.pos_ == "PRON" or not covered):
            before = [m for m in ms if m.end <= tok.idx]
            m = before[-1] if before else ms[0]
            return Span(m.start, m.end)
    return phrase_span(tok)


class Arguments:
    """Roles to tokens to actors (shared by every dialect)."""

    def __init__(self, lex: EventLexicon, triggers, coder, forces: frozenset, place_preps: frozenset):
        self.lex, self.triggers, self.coder = lex, triggers, coder
        self.forces = forces  # the source's own people: troops, peacekeepers, diplomats
        self.place_preps = place_preps

    # ------------------------------------------------------------------ tokens to actors
    @staticmethod
    def at_token(ctx, t) -> list:
        if t.doc is ctx.sp:
            return list(ctx.tok_actors.get(t.i, ()))
        return [a for a in ctx.doc.actors_at(t.idx, t.idx + len(t.text)) if a.kind != "outlet"]

    def actors_of(self, ctx, tok, depth: int = 0) -> list:
        if tok is None or depth > self.lex.limits.argument_depth:
            return []
        if tok.lower_ in ("that", "which", "who") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
            tok = tok.head.head  # the antecedent, with its conjuncts ("Egypt and Saudi Arabia, which mediated")
        heads = [tok] + [c for c in tok.conjuncts if c.pos_ in ("PROPN", "NOUN", "PRON")]
        found = []
        for h in heads:
            for a in self._head_actors(ctx, h, depth):
                if a not in found and not (a.code is None and self.names_place(h)):
                    found.append(a)
        return found

    def place_token(self, ctx, roles, c, f):
        """The first word of the roles that names an uncoded place (no actor, but where the act was aimed)."""
        for role in roles:
            for tok in (self.role_tokens(role, c, f) if role not in ("none", "comp_target") else ()):
                if self.names_place(tok) and any(a.code is None for a in self._head_actors(ctx, tok, 0)):
                    return tok
        return None

    def names_place(self, h) -> bool:
        """Does the word name a place or building ("the village of Kamara", "the Dorvat base", "towns
        such as Laramir")?  An uncoded name there is where the event happened, not a party to it."""
        if h.ent_type_ in PLACE_ENTS and not (h.ent_type_ == "GPE" and h.dep_ in ("nsubj", "nsubjpass")):
            return True  # (a city acting, "Pittsburgh is considering", is its government)
        t = h
        for _ in range(self.lex.limits.argument_depth + 1):
            if t.lemma_.lower() in self.lex.place_nouns and t.pos_ in ("NOUN", "PROPN"):
                return True
            if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in ("of", "as"):
                t = t.head.head  # "the village of Kamara", "towns such as Laramir"
            elif t.dep_ in ("compound", "appos", "conj") and t.head.i != t.i:
                t = t.head
            elif t.dep_ == "prep" or t.lower_ == "such":
                t = t.head
            else:
                return False
        return False

    def _head_actors(self, ctx, h, depth: int) -> list:
        hits = self.at_token(ctx, h)
        if not hits:
            for c in h.children:  # "Iraqi forces", "the newspaper La Prensa"
                if c.dep_ in ("poss", "compound", "amod", "nmod", "appos"):
                    # "Eriadori and Calenardhon leaders": the modifier and its conjuncts
                    for m in [c, *c.conjuncts] if c.dep_ != "appos" else [c]:
                        hits.extend(a for a in self.at_token(ctx, m) if a not in hits)
        if not hits and h.lemma_.lower() in self.lex.quantity_heads:
            for x in _prep_objects(h, "of"):
                hits = self.actors_of(ctx, x, depth + 1)
        if not hits and h.pos_ == "NOUN":
            # "activists from Fatah", "soldiers from Gondor": the group they come from
            for x in _prep_objects(h, "from"):
                hits.extend(a for a in self.at_token(ctx, x) if a not in hits)
        if not hits and h.dep_ == "pobj" and h.head.lemma_.lower() in self.lex.inclusion_words:
            hits = self.actors_of(ctx, h.head.head, depth + 1)
        if not hits and h.pos_ == "PRON" and h.lower_ in self.lex.speaker_pronouns and h.dep_ in ("nsubj", "nsubjpass"):
            hits = self._speaker(ctx, h, depth)
        if not hits and h.pos_ == "NOUN":
            # an event noun as argument ("the US strikes ... were a breach"): its own agent
            for p in _prep_objects(h, "by", "prep", None):
                hits.extend(self.actors_of(ctx, p, depth + 1))
        return hits

    def _speaker(self, ctx, h, depth: int) -> list:
        """"X said it will ...": a pronoun subject of a reported clause is the speaker."""
        hits: list = []
        v = h.head
        while v.dep_ in ("xcomp", "conj") and v.head.i != v.i:
            v = v.head
        if v.dep_ == "ccomp" and self.triggers.is_speech(v.head, ctx):
            for sj in v.head.children:
                if sj.dep_ == "nsubj" and sj is not h:
                    hits = self.actors_of(ctx, sj, depth + 1)
        return hits

    def _own_speaker(self, ctx, sources, stok) -> tuple[list, object]:
        """"Prime Minister X announced that the government will extend the curfew", "Y said his
        country will not lift the ban": a reported clause whose subject is the speaker's own body
        (the same code, or the speaker's possession) has the speaker, named first, for source; not
        "the minister said Freedonia is committed" (the state itself acts)."""
        v = stok.head
        if stok.dep_ not in ("nsubj", "nsubjpass") or v.dep_ != "ccomp" or not self.triggers.is_speech(v.head, ctx):
            return sources, stok
        for sj in v.head.children:
            if sj.dep_ != "nsubj" or sj.i > stok.i:
                continue  # "X will meet Y, X's office said": an attribution after the act names no actor of it
            said = [a for a in self.actors_of(ctx, sj) if a.code]
            own = own_pronoun_possessor(stok)  # "his country": the speaker's own (a prefix of the code)
            if said and all(a.code and any(b.code == a.code or (own and b.code.startswith(a.code)) for b in said)
                            for a in sources):
                return said, sj
        return sources, stok

    # ------------------------------------------------------------------ roles to tokens
    def role_tokens(self, role: str, c, f) -> list:
        if role == "subj":
            # "the missiles fired by X struck Y": an instrument's agent stands behind the subject
            return f.subj + [x for s in f.subj for a in s.children if a.dep_ == "acl" and a.tag_ == "VBN"
                             for b in a.children if b.dep_ == "agent" for x in b.children if x.dep_ == "pobj"]
        simple = {"obj": f.obj, "dative": f.dative, "poss": f.poss}
        if role in simple:
            return simple[role]
        if role == "mod":
            return [m for m in f.mod_toks if m.dep_ != "poss"]
        if role.startswith("prep:"):
            return f.preps.get(role[5:], [])
        if role == "comp_subj":
            return _complement_subject(c, f)
        if role == "obj_pp":
            return [x for o in f.obj for p in o.children if p.dep_ == "prep" and p.lower_ != "of"
                    for x in p.children if x.dep_ == "pobj"]
        if role == "obj_tree":
            # the first actor phrase inside the object ("a resumption of ties with Osgiliath")
            return [t for o in f.obj for t in o.subtree if t is not o and t.dep_ in (
                "pobj", "dobj", "conj", "appos", "poss", "compound") and t.pos_ in ("PROPN", "NOUN", "PRON")]
        if role == "pp":
            return [x for objs in f.preps.values() for x in objs]
        if role == "phrase_tree":
            return self._phrase_tree(c, f)
        if role == "obj_owner":
            out = []
            for o in f.obj:
                out.extend(x for x in o.children if x.dep_ in ("poss", "compound", "amod", "nmod"))
                out.extend(x for p in o.children if p.dep_ == "prep" and p.lower_ in ("by", "from", "of")
                           for x in p.children if x.dep_ == "pobj")
            return out
        return []

    def _phrase_tree(self, c, f) -> list:
        """Nouns inside the event's object and prepositional phrases and its purpose clause
        ("to assist Ethiopia"), in text order after the trigger; never the subject's side."""
        lex = self.lex
        venue = code_has_prefix(c.code, lex.venue_codes)  # "will meet in Zurich": a venue, no party
        heads = [*f.obj, *f.dative, *(x for p, objs in f.preps.items()
                                      if not (venue and p in self.place_preps) and p not in lex.circumstance_preps
                                      for x in objs)]
        for h in (c.head, c.tok):
            heads.extend(x for x in h.children if x.dep_ == "advcl" and x.lemma_.lower() in lex.purpose_verbs
                         and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children))
        # then the complement ("considering sending aid to X", "willing to withdraw from X")
        comps = [f.comp] if f.comp is not None and not f.comp_finite else []
        comps += [x for h in (c.head, c.tok) for x in h.children if x.dep_ in ("xcomp", "ccomp")
                  and not any(y.dep_ in ("nsubj", "nsubjpass") for y in x.children)]  # never a that-clause's content
        out, seen = [], set()
        for group in (heads, comps):
            found = []
            for h in group:
                for t in clause_subtree(h):
                    if t.i in seen or t.pos_ not in ("PROPN", "NOUN") or t.ent_type_ in NON_ARGUMENT_ENTS:
                        continue
                    if t.dep_ in ("nsubj", "nsubjpass", "csubj"):
                        continue  # a clause's own subject inside the phrase acts, it is not acted on
                    if own_pronoun_possessor(t) or self.own_forces(t, c):
                        continue  # "for not inviting *its* representatives": the source's own people
                    seen.add(t.i)
                    found.append(t)
            out.extend(sorted(found, key=lambda t: t.i))
        return out

    def own_forces(self, tok, c=None) -> bool:
        """The source's own troops or diplomats: "its troops", or the object of "recall"."""
        if tok.lemma_.lower() not in self.forces:
            return False
        if own_pronoun_possessor(tok):
            return True
        return (c is not None and lem(c.tok) in self.lex.own_object_verbs
                and any(o.i == tok.i for o in c.frame.obj))

    # ------------------------------------------------------------------ roles to actors
    def first_argument(self, roles, c, f):
        """The first syntactic argument the roles name, actor or not (for its span)."""
        for role in roles:
            if role in ("none",):
                return None
            if role == "comp_target":
                continue
            toks = self.role_tokens(role, c, f)
            if toks:
                return toks[0]
        return None

    def resolve_roles(self, ctx, roles, c, f, exclude=()) -> tuple[list, object]:
        for role in roles:
            if role == "none":
                return [], None
            if role == "comp_target" and c.complement is not None:
                sub = c.complement
                acts, tok = self.resolve_roles(ctx, self.target_roles(sub), sub, sub.frame, exclude)
                if acts:
                    return acts, tok
                continue
            for tok in self.role_tokens(role, c, f):
                if exclude and self.own_forces(tok, c):
                    continue  # "withdraw its troops from X": the source's own forces are not acted on
                acts = [a for a in self.actors_of(ctx, tok) if a not in exclude]
                if acts:
                    return acts, tok
        return [], None

    def target_roles(self, c) -> list[str]:
        if c.entry.target is not None:
            return c.entry.target
        defaults = self.lex.default_targets
        if c.entry.dialect == "petrarch":
            return defaults["petrarch"]
        return defaults["noun"] if pos_of(c.tok) == "NOUN" else defaults["verb"]

    def source_roles(self, c) -> list[str]:
        if c.source_frame:
            return ["subj"]
        if pos_of(c.tok) == "NOUN":
            base = c.entry.source or self.lex.default_sources["noun"]
            return ["subj", *[r for r in base if r != "subj"]]
        return c.entry.source or self.lex.default_sources["verb"]

    def clause_agent(self, ctx, c, targets) -> tuple[list, object]:
        """"23 civilians were killed as government forces launched air strikes": the actor of
        the violent act in the accompanying clause."""
        marks = self.lex.cause_marks
        for h in (c.head, c.tok):
            for adv in h.children:
                if adv.dep_ != "advcl" or not any(m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in adv.children):
                    continue
                sub = self.coder.code(adv, ctx)
                if sub is None or not code_has_prefix(sub.code, self.lex.violent_codes):
                    continue
                for s in adv.children:
                    if s.dep_ != "nsubj":
                        continue
                    acts = [a for a in self.actors_of(ctx, s) if a not in targets]
                    if acts:
                        return acts, s
        return [], None

    # ------------------------------------------------------------------ the common first pass
    def find(self, ctx, c) -> Found:
        f = c.frame
        sf = c.source_frame or f
        sources, stok = self.resolve_roles(ctx, self.source_roles(c), c, sf)
        if sf.passive and sf.inherited_subj and stok is not None and any(stok.i == x.i for x in sf.subj):
            sources, stok = [], None  # "a woman died and 41 were wounded": a passive's borrowed subject is no agent
        if sources and stok is not None:
            sources, stok = self._own_speaker(ctx, sources, stok)
        targets, ttok = self.resolve_roles(ctx, self.target_roles(c), c, f, exclude=sources)
        if not targets and c.complement is not None and "comp_target" not in (c.entry.target or []):
            targets, ttok = self.resolve_roles(ctx, ["comp_target"], c, f, exclude=sources)
        found = Found(sources, stok, targets, ttok)
        if not targets:
            found.place_tok = self.place_token(ctx, self.target_roles(c), c, f)
        return found


def _span(pair) -> Span | None:
    return Span(*pair) if pair is not None else None


def _prep_objects(h, word: str, dep: str = "prep", obj_dep: str | None = "pobj") -> list:
    """The objects of ``h``'s prepositional phrases with ``word`` (any child with ``obj_dep``
    None)."""
    return [x for p in h.children if p.dep_ == dep and p.lower_ == word
            for x in p.children if obj_dep is None or x.dep_ == obj_dep]


def _complement_subject(c, f) -> list:
    if c.complement is not None:
        return c.complement.frame.subj
    # "called for Britain to stay": the complement's subject even when its verb codes nothing
    if f.comp is None or not (any(x.dep_ == "aux" and x.lower_ == "to" for x in f.comp.children)
                              or f.comp.pos_ == "ADJ"):  # or a small clause: "found X guilty"
        return []
    return [x for x in f.comp.children if x.dep_ in ("nsubj", "nsubjpass")]
