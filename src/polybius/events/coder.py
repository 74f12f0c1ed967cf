"""Event coding on the dependency parse: triggers, argument frames, codes, qualifiers.

Triggers are found by a spaCy ``Matcher`` compiled once from the verb dictionary's lemmas.
For each trigger a *frame* collects its syntactic arguments (subject, object, dative,
prepositional objects, modifiers, complement), with control, passive, relative-clause and
light-verb inheritance.  The dictionary entry whose conditions the frame satisfies most
specifically gives the code; complement-taking families (appeal, intent, demand, reject,
threaten) take the code from the concept of what they embed ("request ... withdrawal"
-> appeal + de-escalate -> 0256).  Arguments become actors through
``Document.actors_at``; this module never codes actors itself.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..dictionaries.sections import read_sections
from ..dictionaries.verbs import VerbDictionary, VerbEntry

QUALIFIERS = Path(__file__).resolve().parents[1] / "data" / "events" / "qualifiers.txt"

SUBJ_DEPS = {"nsubj", "csubj"}
MOD_DEPS = {"compound", "amod", "nmod", "advmod", "npadvmod", "acomp", "oprd", "nummod"}
PARTICLE_DEPS = {"prt", "advmod", "acomp", "oprd", "prep", "compound:prt", "dobj"}
ACTOR_MOD_DEPS = {"compound", "amod", "nmod", "poss"}
REL_PRONOUNS = {"that", "which", "who", "whom", "whose"}
INCLUDE_WORDS = {"include", "including", "like", "such", "among"}
CONTEXT_PREPS = {"during", "at", "in", "amid"}
# entity types that name a time or a quantity, never a participant ("called on Friday for
# Britain to stay": Friday is when, not whom)
NON_ARGUMENT_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}
AMOUNT_ENTS = {"MONEY", "QUANTITY", "CARDINAL"}
PARTICLE_PREPS = ("over", "up", "off", "out", "down", "back")


@lru_cache(maxsize=None)
def qualifiers(path: str = str(QUALIFIERS)) -> dict[str, frozenset]:
    f = read_sections(path)
    return {name: f.words(name) for name in f}


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


class EventCoder:
    def __init__(self, verbs: VerbDictionary, vocab):
        self.verbs = verbs
        self.q = qualifiers()
        self.index: dict[tuple[str, str], list[tuple[VerbEntry, object]]] = defaultdict(list)
        lemmas_by_pos: dict[str, set] = defaultdict(set)
        for e in verbs.entries:
            for t in e.triggers:
                for pos in t.pos:
                    self.index[(t.lemma, pos)].append((e, t))
                    lemmas_by_pos[pos].add(t.lemma)
        # PETRARCH-1/TABARI list verbs by word form ("LEFT", "MET"): a block for the exact form
        # a token has is more specific than the block for its lemma ("LEAVE", "MEET")
        self.word_forms = {k for k, v in self.index.items() if any(e.dialect == "petrarch" for e, _ in v)}
        # Trigger lookup, compiled once: the hashes of every trigger lemma per coarse POS.
        # One vectorised pass over the document's (LEMMA, LOWER, POS) array finds them all
        # (a spaCy Matcher with LEMMA-IN patterns does the same, several times slower).
        import numpy as np

        self._np = np
        strings = vocab.strings
        pos_ids = {p: strings.add(p) for p in ("VERB", "AUX", "NOUN", "PROPN", "ADJ")}
        self._pos_groups = []
        # regular inflections of every trigger lemma, for when the lemmatizer errs ("staged" -> "stag")
        self.inflections: dict[tuple[str, str], str] = {}
        for pos, lemmas in lemmas_by_pos.items():
            for lem in lemmas:
                for form in _inflect(lem, pos):
                    if (form, pos) not in self.index:
                        self.inflections.setdefault((form, pos), lem)
        self.verb_forms = frozenset(lemmas_by_pos.get("VERB", set())) | {f for (f, p) in self.inflections if p == "VERB"}
        for pos, lemmas in lemmas_by_pos.items():
            tags = [pos] + (["PROPN"] if pos == "NOUN" else []) + (["AUX"] if pos == "VERB" else [])
            forms = set(lemmas) | {f for (f, p) in self.inflections if p == pos}
            hashes = np.array(sorted(strings.add(l) for l in forms), dtype="uint64")
            self._pos_groups.append((np.array([pos_ids[t] for t in tags], dtype="uint64"), hashes))

    # ------------------------------------------------------------------ triggers
    def trigger_indices(self, doc) -> list[int]:
        """Token indices of every possible trigger in a spaCy Doc."""
        from spacy.attrs import LEMMA, LOWER, POS

        np = self._np
        if len(doc) == 0:
            return []
        arr = doc.to_array([LEMMA, LOWER, POS]).astype("uint64")
        self._last_lower = arr[:, 1]
        hit = np.zeros(len(doc), dtype=bool)
        for tags, hashes in self._pos_groups:
            ok_pos = (arr[:, 2][:, None] == tags[None, :]).any(axis=1)
            hit |= ok_pos & (_member(arr[:, 0], hashes) | _member(arr[:, 1], hashes))
        out = np.nonzero(hit)[0].tolist()
        # a headline verb tagged as a noun ("EU and UN hand over supplies to X"): a noun root
        # with a subject is a verb (one check per sentence)
        extra = [s.root.i for s in doc.sents if not hit[s.root.i] and _verbal_noun(s.root)
                 and (s.root.lemma_.lower() in self.verb_forms or s.root.lower_ in self.verb_forms)]
        return sorted(out + extra) if extra else out

    def word_indices(self, doc, words) -> list[int]:
        """Indices of tokens whose lower form is one of ``words`` (after trigger_indices)."""
        np = self._np
        strings = doc.vocab.strings
        hashes = np.array(sorted(strings.add(w) for w in words), dtype="uint64")
        return np.nonzero(_member(self._last_lower, hashes))[0].tolist()

    def triggers(self, span) -> list:
        doc = span.doc
        return [doc[i] for i in self.trigger_indices(doc) if span.start <= i < span.end]

    @staticmethod
    def _pos(tok) -> str:
        if tok.pos_ in ("NOUN", "PROPN"):
            return "VERB" if _verbal_noun(tok) else "NOUN"
        if tok.pos_ == "ADJ":
            return "ADJ"
        return "VERB"

    def _lemma(self, tok) -> str:
        lem = tok.lemma_.lower()
        pos = self._pos(tok)
        if lem != tok.lower_ and (tok.lower_, pos) in self.word_forms:
            return tok.lower_
        if (lem, pos) not in self.index:
            if (tok.lower_, pos) in self.index:
                return tok.lower_
            return self.inflections.get((tok.lower_, pos), lem)
        return lem

    def candidates(self, tok) -> list[tuple[VerbEntry, object]]:
        cache = getattr(self, "_cands", None)
        if cache is not None and self._frames_doc is tok.doc:
            got = cache.get(tok.i)
            if got is None:
                got = cache[tok.i] = self.index.get((self._lemma(tok), self._pos(tok)), [])
            return got
        return self.index.get((self._lemma(tok), self._pos(tok)), [])

    def only_grammar(self, tok) -> bool:
        """True when every entry of ``tok`` is a light, pass-through or speech verb."""
        return all(e.kind in ("light", "pass", "speech") for e, _ in self.candidates(tok))

    # ------------------------------------------------------------------ frames
    def reset(self, doc) -> None:
        """Per-document caches (frames are pure functions of the parse)."""
        self._frames = {}
        self._cands = {}
        self._seq_cache = {}
        self._frames_doc = doc

    def frame(self, tok) -> Frame:
        cache = getattr(self, "_frames", None)
        if cache is not None and self._frames_doc is tok.doc:
            f = cache.get(tok.i)
            if f is None:
                f = cache[tok.i] = self._frame(tok)
            return f
        return self._frame(tok)

    def _frame(self, tok) -> Frame:
        f = Frame(tok)
        is_noun = self._pos(tok) == "NOUN"
        for c in tok.children:
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
            elif d in ("xcomp", "ccomp") and f.comp is None:
                f.comp = c
                f.comp_finite = d == "ccomp" and (
                    any(x.dep_ in SUBJ_DEPS or x.dep_ in ("nsubjpass", "expl") for x in c.children)
                    or any(x.dep_ == "mark" and x.lower_ in ("that", "whether") for x in c.children))  # "told that there's"
            elif d == "advcl" and f.comp is None and any(x.dep_ == "mark" and x.lower_ == "for" for x in c.children) \
                    and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
                f.comp = c  # "called for Britain to stay": a for-to clause is the complement
                f.comp_finite = True
            elif d == "advcl" and f.comp is None and not is_noun and any(
                    x.dep_ == "aux" and x.lower_ == "to" for x in c.children) and not any(
                    x.dep_ == "dobj" for x in tok.children) and self._has_family(tok):
                f.comp = c  # "have sworn to fight" parsed as a purpose clause: the vow's complement
            elif d in ("acl", "ccomp") and is_noun and f.comp is None and any(
                    (x.dep_ == "aux" and x.lower_ == "to") or (x.dep_ == "mark" and x.lower_ == "that") for x in c.children):
                f.comp = c
            if d in MOD_DEPS:
                f.mods.add(c.lemma_.lower())
                if d in ACTOR_MOD_DEPS:
                    f.mod_toks.append(c)
            if d in PARTICLE_DEPS or d == "prt":
                f.particles.add(c.lemma_.lower())
            if d == "auxpass":
                f.passive = True
        if not is_noun and not f.obj:
            # "hand over supplies", "give up arms" with the object parsed under the particle
            for p in PARTICLE_PREPS:
                if f.preps.get(p):
                    f.obj = list(f.preps[p])
                    break
        if not is_noun:
            # a PP the parser hung on the object ("accused X of war crimes") counts for the verb
            objs = list(f.obj)
            for o in f.obj:  # "returned dozens of artifacts to X": the of-object's PPs too
                if o.lemma_.lower() in PARTITIVES:
                    objs.extend(x for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                                for x in p.children if x.dep_ == "pobj")
            for o in objs:
                for c in o.children:
                    # after the verb's own ("imposed sanctions on X on Monday": both on-objects)
                    if c.dep_ == "prep":
                        f.preps[c.lemma_.lower()].extend(x for x in c.children if x.dep_ in ("pobj", "pcomp"))
        if is_noun:
            if "of" in f.preps and not f.obj:
                f.obj = list(f.preps["of"])
            if "by" in f.preps:
                f.subj.extend(f.preps["by"])
            # a noun under a light verb takes the verb's subject, dative and prepositions
            h = tok.head
            lv = None
            if tok.dep_ in ("dobj", "nsubjpass") and h.i != tok.i and self._is_light(h):
                lv = h
            elif tok.dep_ == "pobj" and h.lower_ == "for" and h.dep_ == "prep" and self._is_light(h.head):
                lv = h.head  # "converged for a rally", "joined X for talks": the light verb's noun too
            elif (tok.dep_ == "pobj" and h.lower_ == "for" and h.dep_ == "prep" and h.head.dep_ == "dobj"
                  and self._is_light(h.head.head)):
                lv = h.head.head  # "joined X for dinner" with the PP hung on X
            if lv is not None:
                hf = self.frame(lv)
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
            elif (att := _role_attribute(tok, self.q.get("role_nouns", ()))) is not None and not f.subj:
                # "X is the largest donor of aid", "X remains one of the main donors": X gives
                f.subj = [c for c in att.head.children if c.dep_ in SUBJ_DEPS]
                f.inherited_subj = True
                f.light = att.head
                for p, objs in self.frame(att.head).preps.items():  # "is one of the donors *to Y*"
                    if p not in f.preps:
                        f.preps[p] = objs
            elif (tok.dep_ == "pobj" and h.lower_ in ("for", "of") and not f.subj and not f.poss
                  and h.head.lemma_.lower() in self.q.get("responsibility_heads", ())):
                # "Russia was responsible for the shelling of Kharkiv", "blamed X for the attack":
                # the one held responsible did it
                r = h.head
                holder = [c for c in r.children if c.dep_ == "dobj"] or [c for c in r.children if c.dep_ in SUBJ_DEPS]
                if not holder and r.dep_ in ("acomp", "oprd", "amod"):
                    holder = [c for c in r.head.children if c.dep_ in SUBJ_DEPS] if r.dep_ != "amod" else [r.head]
                if holder:
                    f.subj = holder
                    f.inherited_subj = True
                    f.light = r  # predicated of the holder: an event, not a bare nominal mention
            elif tok.dep_ == "pobj" and h.lemma_.lower() in CONTEXT_PREPS and not f.subj and not f.poss:
                v = _verb_ancestor(h)
                if v is not None:
                    hf = self.frame(v)
                    f.subj = hf.subj
                    f.inherited_subj = True
                    f.dative = f.dative or hf.dative
                    f.preps.setdefault("with", [])
                    if not f.preps["with"]:
                        f.preps["with"] = hf.dative or [o for o in hf.obj if o.pos_ == "PROPN"]
        elif not f.subj:
            self._inherit_subject(tok, f)
        return f

    def is_speech(self, tok) -> bool:
        return any(e.kind == "speech" for e, _ in self.candidates(tok))

    def _has_family(self, tok) -> bool:
        return any(e.family is not None for e, _ in self.candidates(tok))

    def _is_light(self, tok) -> bool:
        return any(e.kind == "light" for e, _ in self.candidates(tok))

    def _inherit_subject(self, tok, f: Frame) -> None:
        cur, hops = tok, 0
        while hops < 4:
            hops += 1
            d, h = cur.dep_, cur.head
            if h.i == cur.i:
                return
            if d == "xcomp" or (d == "advcl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in cur.children)):
                hobj = [c for c in h.children if c.dep_ in ("dobj",)]
                if h.lemma_.lower() in self.q.get("instrument_verbs", ()):
                    hobj = []  # "police used tear gas to disperse": the user acts, not the gas
                if hobj and d == "xcomp":
                    f.subj = hobj
                else:
                    f.subj = [c for c in h.children if c.dep_ in SUBJ_DEPS] or [
                        c for c in h.children if c.dep_ == "nsubjpass"]
                    if not f.subj and h.dep_ in ("acomp", "oprd"):
                        f.subj = [c for c in h.head.children if c.dep_ in SUBJ_DEPS]
                        if not f.subj:
                            cur = h.head
                            f.inherited_subj = True
                            continue
                    if not f.subj and h.dep_ in ("xcomp", "conj", "advcl"):
                        cur = h
                        f.inherited_subj = True
                        continue
                f.inherited_subj = True
                return
            if (d == "advcl" and cur.tag_ in ("VBG", "VBN")) or (d == "pcomp" and h.dep_ == "prep"):
                # "..., contributing $46 million", "by donating supplies": the main clause's subject
                v = h if d == "advcl" else h.head
                if d == "pcomp" and v.dep_ in ("acomp", "oprd") and v.head.i != v.i:
                    v = v.head  # "X are guilty of violating", "X is responsible for shelling"
                f.subj = [c for c in v.children if c.dep_ in SUBJ_DEPS] or _misparsed_subject(v)
                if f.subj:
                    f.inherited_subj = True
                    return
                if v.dep_ in ("xcomp", "conj", "advcl") and v.head.i != v.i:
                    cur = v
                    continue
                return
            if d == "relcl":
                rel = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in REL_PRONOUNS]
                if rel and rel[0].dep_ == "nsubj":
                    f.subj = [h]
                elif rel:
                    f.obj = f.obj or [h]
                return
            if d == "acl" and cur.tag_ != "VBN" and h.lemma_.lower() in self.q.get("document_nouns", ()) \
                    and h.dep_ in ("dobj", "pobj", "appos"):
                # "X issued a statement calling on Y": the statement's issuer calls
                v = h.head.head if h.dep_ == "pobj" else h.head
                subj = [c for c in v.children if c.dep_ in SUBJ_DEPS] or _misparsed_subject(v)
                if subj:
                    f.subj = subj
                    f.inherited_subj = True
                    return
            if d == "acl" and _misparsed_subject(cur):
                f.subj = _misparsed_subject(cur)
                f.obj = f.obj or [c for c in cur.children if c.dep_ in ("dobj", "oprd")]
                f.inherited_subj = True
                return
            if d == "acl":
                named = [c for c in cur.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]
                if cur.tag_ == "VBN" and named and h.pos_ == "PROPN" and h.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                    # "Trump called Erdogan on Wednesday" misparsed as "a man called John": a
                    # name is not named, so the head is the caller and the oprd the called
                    f.subj = [h]
                    f.obj = f.obj or named
                    f.inherited_subj = True
                elif cur.tag_ == "VBN":
                    f.obj = f.obj or [h]
                else:
                    f.subj = [h]
                return
            if d in ("acomp", "oprd"):  # "seems willing to", "is ready to"
                f.subj = [c for c in h.children if c.dep_ in SUBJ_DEPS]
                f.inherited_subj = bool(f.subj)
                return
            if d == "conj":
                f.subj = [c for c in h.children if c.dep_ in SUBJ_DEPS]
                if f.subj:
                    f.inherited_subj = True
                    return
                cur = h
                continue
            return

    # ------------------------------------------------------------------ matching
    def _holds(self, e: VerbEntry, f: Frame) -> bool:
        return self._score(e, f) is not None

    def _score(self, e: VerbEntry, f: Frame) -> int | None:
        """None when a condition fails; else how specifically the frame matched
        (a condition met by a two-word form such as "war crime" counts double)."""
        if e.sequence is not None:
            got = self.sequence_match(e, f.tok)
            if got is not None:
                return got[0]
            return None  # a TABARI pattern is its words in order: no match without them
        score = 0
        for key, vals in e.conditions.items():
            if key in ("obj",) or key.startswith("prep:"):
                if key == "obj":
                    heads = f.obj or ([f.comp] if f.comp is not None and f.comp.pos_ in ("NOUN", "PROPN") else [])
                    # "sent ambulances, experts and medical supplies": every conjunct of the object
                    heads = [*heads, *(x for o in f.obj for x in o.conjuncts if x.pos_ in ("NOUN", "PROPN"))]
                    if vals == {"none"}:
                        if heads:
                            return None
                        score += 1
                        continue
                    if not heads:
                        return None
                else:
                    if key[5:] not in f.preps:
                        return None
                    heads = (f.preps.get(key[5:]) or []) + (f.amounts.get(key[5:]) or [])
                    if not heads:
                        return None  # "called X on Tuesday": a PP holding only a date is no argument
                if vals:
                    hit = [x for o in heads for x in (_forms(o) & vals)]
                    if not hit:
                        return None
                    score += 2 if any(" " in x for x in hit) else 1
                else:
                    score += 1
            elif key.startswith(("objmod", "pmod")):
                # a modifier of the object (or prepositional object) head: "DIPLOMATIC ties"
                heads = f.obj if key.startswith("objmod") else [x for xs in f.preps.values() for x in xs]
                mods = {c.lemma_.lower() for o in heads for c in o.children if c.dep_ in (
                    "compound", "amod", "nmod", "nummod", "poss")} | {c.lower_ for o in heads for c in o.children}
                if not mods & vals:
                    return None
                score += 1
            elif key == "subj":
                if not any(_forms(x) & vals for x in f.subj) and not any(_forms(x) & vals for x in f.mod_toks):
                    return None
                score += 1
            elif key == "mod":
                if not (f.mods & vals or f.particles & vals):
                    return None
                score += 1
            elif key == "purpose":  # "sent troops to help X", "made supplies available to fight Y"
                purposes = [c for t in (f.tok, *f.obj, *([f.light] if f.light is not None else [])) for c in t.children
                            if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ in ("VERB", "AUX")
                            and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)]
                if not any(not vals or _lem(c) in vals for c in purposes):
                    return None
                score += 1
            elif key == "ccomp":  # a finite complement: "agreed with X *that* ..."
                if f.comp is None or not f.comp_finite:
                    return None
                score += 1
            elif key == "oprd":  # "called X nasty", "named X envoy": a predicate of the object
                if not any(c.dep_ == "oprd" and (not vals or _lem(c) in vals) for c in f.tok.children):
                    return None
                score += 1
            elif key in ("comp", "xcomp"):
                if f.comp is None or (vals and _lem(f.comp) not in vals):
                    return None
                if key == "xcomp" and f.comp_finite:
                    return None  # "told X to leave", not "told that ..."
                score += 1
        return score

    def sequence_match(self, e: VerbEntry, tok) -> tuple[int, dict] | None:
        """Match a TABARI word-order pattern around ``tok`` within its sentence (the words
        before the verb back to its clause start): units in order, other words allowed between units, the words of a unit adjacent, a unit glued
        to the verb ("RECENTLY_*") right next to it, "^" over one noun phrase.  Returns
        (words matched, marks) where marks maps "$"/"+"/"%" to (side, lo, hi): the actor of
        that mark lies in tokens lo..hi-1, between the pattern words around the mark (the
        first one after the verb, the nearest one before it); None when the pattern is not there."""
        key = (id(e), tok.i)
        cache = self._seq_cache if getattr(self, "_frames_doc", None) is tok.doc else {}
        if key in cache:
            return cache[key]
        doc = tok.doc
        sent = tok.sent
        low = [t.lower_ for t in doc[sent.start:sent.end]]
        lem = [t.lemma_.lower() for t in doc[sent.start:sent.end]]
        base = sent.start

        def at(j, alt):
            if j < 0 or j + len(alt) > len(low):
                return False
            return all(low[j + k] == w
                       for k, w in enumerate(alt))

        def fail():
            cache[key] = None
            return None

        before, after = e.sequence
        marks: dict = {}
        n = 0
        upper_lo, lower_hi = self.upper_start(tok), self.lower_end(tok)
        pos = tok.i - base + 1
        pending: list = []  # marks still waiting for the next pattern word to bound them
        for kind, val, adj in after:
            if kind == "mark":
                if val == "%":  # a compound ("X and Y") after the verb
                    if not any(t.conjuncts and t.pos_ in ("NOUN", "PROPN") for t in doc[pos + base:sent.end]):
                        return fail()
                    n += 1
                if val not in marks:
                    marks[val] = ["after", pos + base, lower_hi]
                    pending.append(val)
                continue
            if kind == "skip":
                ch = self._chunk_after(sent, pos + base)
                if ch is None:
                    return fail()
                for m in pending:
                    marks[m][2] = max(marks[m][1], ch[0])
                pending = []
                pos, n = ch[1] - base, n + 1
                continue
            hit = None
            for j in ([pos] if adj else range(pos, len(low))):
                alt = next((a for a in val if at(j, a)), None)
                if alt is not None:
                    hit = (j, alt)
                    break
            if hit is None:
                return fail()
            for m in pending:
                marks[m][2] = hit[0] + base
            pending = []
            pos, n = hit[0] + len(hit[1]), n + len(hit[1])
        pos = tok.i - base  # exclusive end, moving left
        pending = []
        for kind, val, adj in reversed(before):
            if kind == "mark":
                if val == "%":  # a compound subject ("X and Y agree")
                    if not any(c.conjuncts for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
                        return fail()
                    n += 1
                if val not in marks:
                    marks[val] = ["before", upper_lo, pos + base]
                    pending.append(val)
                continue
            if kind == "skip":
                ch = self._chunk_before(sent, pos + base)
                if ch is None:
                    return fail()
                for m in pending:
                    marks[m][1] = min(marks[m][2], ch[1])
                pending = []
                pos, n = ch[0] - base, n + 1
                continue
            hit = None
            for j in range(pos - 1, upper_lo - base - 1, -1):
                alt = next((a for a in val if j + len(a) <= pos and (not adj or j + len(a) == pos) and at(j, a)), None)
                if alt is not None:
                    hit = (j, alt)
                    break
                if adj and j < pos - 4:
                    break
            if hit is None:
                return fail()
            for m in pending:
                marks[m][1] = hit[0] + len(hit[1]) + base
            pending = []
            pos, n = hit[0], n + len(hit[1])
        cache[key] = (n, {k: tuple(v) for k, v in marks.items()})
        return cache[key]

    def _chunks(self, sent) -> list[tuple[int, int]]:
        """The sentence's base noun phrases as (start, end) token indices, once per sentence."""
        cache = getattr(self, "_chunk_cache", None)
        if cache is None or getattr(self, "_chunk_doc", None) is not sent.doc:
            cache = self._chunk_cache = {}
            self._chunk_doc = sent.doc
        got = cache.get(sent.start)
        if got is None:
            try:
                got = [(c.start, c.end) for c in sent.noun_chunks]
            except (ValueError, NotImplementedError):  # no parse: every noun is its own phrase
                got = [(t.i, t.i + 1) for t in sent if t.pos_ in ("NOUN", "PROPN", "PRON")]
            cache[sent.start] = got
        return got

    def _chunk_after(self, sent, i):
        """The noun phrase that holds token ``i`` or is the first after it."""
        return next((c for c in self._chunks(sent) if c[1] > i), None)

    def _chunk_before(self, sent, i):
        """The noun phrase that ends at ``i`` (exclusive) or is the last before it."""
        return next((c for c in reversed(self._chunks(sent)) if c[0] < i), None)

    @staticmethod
    def upper_start(tok) -> int:
        """Where the words before the verb begin for TABARI: the sentence start, or the last
        clause-separating comma (one attached to a verb, not one inside a noun phrase)."""
        sent = tok.sent
        for j in range(tok.i - 1, sent.start - 1, -1):
            t = tok.doc[j]
            if t.text in (",", ";", ":") and t.head.pos_ in ("VERB", "AUX") and t.head.i != tok.i:
                return j + 1
        return sent.start

    @staticmethod
    def lower_end(tok) -> int:
        """Where the words after the verb end for TABARI: the end of the verb phrase, taken as
        the subtree of the verb (or of the verb it complements, "seen to break into ...")."""
        v = tok
        while v.dep_ == "xcomp" and v.head.i != v.i:
            v = v.head
        return max(tok.right_edge.i, v.right_edge.i) + 1

    def _best(self, tok, f: Frame, kinds=("event", "content")) -> VerbEntry | None:
        return self._best_scored(tok, f, kinds)[0]

    def _best_scored(self, tok, f: Frame, kinds=("event", "content")) -> tuple[VerbEntry | None, int]:
        best, best_spec = None, -1
        for e, trig in self.candidates(tok):
            if e.kind not in kinds:
                continue
            if trig.particle and trig.particle not in f.particles:
                continue
            if trig.prefix and not _has_prefix(tok, trig.prefix):
                continue
            spec = self._score(e, f)
            if spec is None:
                continue
            spec += (1 if trig.particle else 0) + (1 if trig.prefix else 0)
            if spec > best_spec or (spec == best_spec and best is not None and best.kind == "content"
                                    and e.kind == "event"):
                best, best_spec = e, spec
        return best, best_spec

    def code(self, tok, depth: int = 0) -> Coding | None:
        """The coding of ``tok`` as an event head, or None."""
        if depth > 3 or not self.candidates(tok):
            return None
        f = self.frame(tok)
        entry, score = self._best_scored(tok, f, kinds=("event", "content"))
        # light verb: the object noun is the event ("held talks", "sent a request"), unless
        # an entry with conditions says more ("hold prisoners")
        if self._is_light(tok) and (entry is None or score <= 0 or entry.family is not None):
            objs = []
            # "held talks"; "joined X for talks" (a for-object only when no complement family claims it)
            for o in [*f.obj, *(f.preps.get("for", []) if entry is None else [])]:
                objs.append(o)
                # "launched air and artillery strikes": the conjuncts of the object too
                objs.extend(x for x in o.conjuncts if x.pos_ in ("NOUN", "PROPN") and x.i > o.i)
                if o.lemma_.lower() in self.q.get("partitive_nouns", ()):
                    objs.extend(x for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                                for x in p.children if x.dep_ == "pobj")
            enacting = _lem(tok) in self.q.get("enacting_verbs", ())
            for o in objs:
                sub = self.code(o, depth + 1)
                if sub is not None and (sub.entry.kind != "content" or (enacting and sub.code.strip("0"))):
                    sub.enacted = sub.entry.kind == "content"
                    sub.head = tok
                    sub.consumed.append(o)
                    sub.rule = f"{sub.rule} via light verb {tok.lemma_}"
                    return sub
        if entry is not None and entry.family is None:
            return Coding(entry.code, entry, tok, f, entry.rule, tok)
        fam = entry if entry is not None else None
        if fam is not None:
            c = self._family(tok, f, fam, depth)
            if c is not None:
                return c
        # pass-through: the complement is the event
        if any(e.kind == "pass" for e, _ in self.candidates(tok)) and f.comp is not None and not f.comp_finite:
            sub = self.code(f.comp, depth + 1)
            if sub is not None and sub.entry.kind != "content":
                sub.head = tok
                sub.source_frame = f
                sub.consumed.append(f.comp)
                sub.rule = f"{sub.rule} via {tok.lemma_} + complement"
                return sub
        return None

    def _family(self, tok, f: Frame, fam: VerbEntry, depth: int) -> Coding | None:
        family = fam.family
        if family == "threaten" and f.comp is not None and f.comp_finite and self._forecast(f.comp):
            return None  # "analysts warned that the dispute could disrupt trade": a forecast, no threat
        comp_tokens = []
        if f.comp is not None:
            comp_tokens.append(f.comp)
        for p in ("for", "to", "on"):
            comp_tokens.extend(o for o in f.preps.get(p, []) if o.pos_ in ("NOUN", "PROPN"))
        comp_tokens.extend(o for o in f.obj if o.pos_ in ("NOUN", "PROPN"))
        for ct in comp_tokens:
            sub = self.code(ct, depth + 1)
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
        if f.comp is not None and f.comp_finite and family == "appeal" and self.is_speech(tok):
            return None  # "suggested that the plan is an attempt": a statement, not an appeal
        if family == "intent" and not fam.conditions:
            return None  # "plans to", "intends to" with nothing codeable: no event
        if family in ("appeal",) and f.comp is None and not (f.obj or f.dative or f.preps):
            return None
        if self._pos(tok) == "NOUN" and family in ("appeal", "demand") and f.comp is None:
            # "Iraq's request", "the demand" with no content: an appeal / demand all the same
            return Coding(fam.code, fam, tok, f, f"{fam.rule} family={family}", tok)
        return Coding(fam.code, fam, tok, f, f"{fam.rule} family={family}", tok)

    # ------------------------------------------------------------------ qualifiers
    def _forecast(self, v) -> bool:
        """A finite clause that only may happen, about someone other than the speaker."""
        if not any(c.dep_ == "aux" and c.lower_ in self.q.get("hypothetical_aux", ()) for c in v.children):
            return False
        subj = [c for c in v.children if c.dep_ in SUBJ_DEPS]
        return bool(subj) and not any(s.lower_ in self.q.get("speaker_pronouns", ()) for s in subj)

    def negated(self, *toks) -> bool:
        neg = self.q.get("negation", frozenset())
        for t in toks:
            if t is None:
                continue
            for c in t.children:
                if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in neg):
                    return True
        return False

    def modality(self, head, doc_sentence_root=None) -> str:
        """asserted | reported | future | hypothetical for an event hanging on ``head``."""
        q = self.q
        v = head if self._pos(head) != "NOUN" else _clause_verb(head)
        definite = self._pos(head) == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no")
                                                     for c in head.children)
        mod = "asserted"
        if v is not None and _lem(v) in q.get("desire_verbs", ()):
            comp = next((c for c in v.children if c.dep_ in ("xcomp", "ccomp")), None)
            if comp is not None:  # "wants to attack" (pass-through): the wanted act's modality
                return self.modality(comp, doc_sentence_root)
        if v is not None and not definite:
            own = self._own_modality(v)
            if own:
                mod = own
            # inherited: a clause under a prediction or condition did not happen
            cur, hops = v, 0
            while cur.head.i != cur.i and hops < 6:
                hops += 1
                h = cur.head
                if cur.dep_ in ("advcl", "ccomp", "xcomp", "conj", "relcl", "acl", "pcomp", "pobj", "prep", "nsubj",
                                "csubj", "dobj", "attr"):
                    if _lem(h) in q["hypothetical_heads"]:
                        return "hypothetical"
                    hm = self._own_modality(h) if self._pos(h) != "NOUN" else None
                    if hm == "future" and cur.dep_ == "conj" and own in (None, "future") and not any(
                            x.dep_ in SUBJ_DEPS for x in cur.children):
                        return "future"  # "said it would X and would Y", "will meet and sign" (one subject)
                    if hm in ("hypothetical", "future") and cur.dep_ in ("advcl", "conj", "ccomp", "nsubj"):
                        return "hypothetical"
                    cur = h
                else:
                    break
        if mod == "asserted" and self._reported(head, v):
            mod = "reported"
        return mod

    def conditional_threat(self, v) -> bool:
        """A clause with a condition attached ("... unless Y agrees", "... if Z")."""
        if v is None or self._pos(v) == "NOUN" or v.dep_ != "ccomp" or not self.is_speech(v.head):
            return False  # only a stated condition is a threat; an analyst's "could ... if" is not
        marks = self.q["conditional_marks"]
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
                   for c in v.children)

    def _own_modality(self, v) -> str | None:
        q = self.q
        aux_result = None
        for c in v.children:
            d = c.dep_
            if d == "mark" and c.lower_ in q["conditional_marks"]:
                return "hypothetical"
            if aux_result is None and d in ("aux", "auxpass"):
                lw = c.lower_
                if lw in q["hypothetical_aux"]:
                    w = v
                    while w.dep_ == "conj" and w.head.i != w.i:  # "said it would X and would Y"
                        w = w.head
                    if lw == "would" and w.dep_ == "ccomp" and w.head.tag_ == "VBD":
                        aux_result = "future"  # future in the past: "said it would withdraw"
                    else:
                        aux_result = "hypothetical"
                elif lw in q["future_aux"] or c.lemma_.lower() in q["future_aux"]:
                    aux_result = "future"
        if aux_result is not None:
            return aux_result
        if v.dep_ in ("xcomp", "ccomp") and _lem(v.head) in q.get("desire_verbs", ()):
            # "X wants to attack Y": X's intent (future); "X wants Y to attack Z": nobody's act yet
            return "hypothetical" if any(c.dep_ in ("dobj", "nsubj") and c.i > v.head.i for c in v.head.children) \
                or any(c.dep_ == "nsubj" for c in v.children) else "future"
        if v.dep_ == "xcomp" and (_lem(v.head) in q["future_governors"] or v.head.lower_ in q["future_governors"]):
            return "future"
        if v.dep_ == "xcomp" and v.head.dep_ in ("acomp", "prep") and v.head.lower_ in q["future_governors"]:
            return "future"
        if v.head.i != v.i and v.dep_ == "pcomp" and v.head.lower_ in q["future_governors"]:
            return "future"
        return None

    def _reported(self, head, v) -> bool:
        q = self.q
        for t in (head, v, v.head if v is not None else None):
            if t is None:
                continue
            for c in t.children:
                if c.dep_ == "advmod" and c.lower_ in q["reported_adverbs"]:
                    return True
                if c.dep_ == "prep" and c.lower_ in q["reported_preps"]:
                    return True
        if v is not None and v.dep_ == "xcomp" and _lem(v.head) in q["reported_verbs"] and any(
                c.dep_ == "auxpass" for c in v.head.children):
            return True
        return self.sentence_reported

    sentence_reported = False  # set per sentence by the stage: "According to reports, ..."


IRREGULAR = Path(__file__).resolve().parents[1] / "data" / "events" / "irregular_verbs.txt"


@lru_cache(maxsize=None)
def _irregular(path: str = str(IRREGULAR)) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Irregular verbs (base -> past forms) and the prefixes built on them, from data."""
    f = read_sections(path, expected=("verbs", "prefixes"))
    forms: dict[str, tuple[str, ...]] = {}
    for e in f["verbs"]:
        words = e.text.split()
        if len(words) != 3:
            raise f.error("verbs", e, "expected BASE PAST PARTICIPLE")
        forms[words[0]] = tuple(words[1:])
    prefixes = [w for _, words in f.fields("prefixes") for w in words]
    return forms, tuple(sorted(prefixes, key=len, reverse=True))


def _irregular_forms(lemma: str) -> set[str]:
    """Past forms of an irregular verb, prefixed ones included ("overrun" -> overran)."""
    forms, prefixes = _irregular()
    if lemma in forms:
        return set(forms[lemma])
    for p in prefixes:
        base = lemma[len(p):]
        if lemma.startswith(p) and base in forms:
            return {p + f for f in forms[base]}
    return set()


def _inflect(lemma: str, pos: str) -> set[str]:
    """English inflections of a lemma (verbs: -s -ed -ing and irregular pasts; nouns: plural)."""
    out = set()
    if pos == "NOUN":
        out |= {lemma + "s", lemma + "es"}
        if lemma.endswith("y"):
            out.add(lemma[:-1] + "ies")
    elif pos == "VERB":
        out |= {lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"} | _irregular_forms(lemma)
        if lemma.endswith("e"):
            out |= {lemma + "d", lemma[:-1] + "ing"}
        if lemma.endswith("y"):
            out |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
        if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


def _member(values, sorted_hashes):
    """Vectorised membership of ``values`` in a sorted hash array (no sorting per call)."""
    import numpy as np

    if len(sorted_hashes) == 0:
        return np.zeros(len(values), dtype=bool)
    idx = np.searchsorted(sorted_hashes, values)
    idx[idx >= len(sorted_hashes)] = 0
    return sorted_hashes[idx] == values


PARTITIVES = qualifiers().get("partitive_nouns", frozenset()) | qualifiers().get("quantity_heads", frozenset())


def _forms(tok) -> set:
    """Lemma, lower form and 'modifier lemma' pairs ("war crime") of a head token; for a
    partitive or measure noun ("700 kg of medicine"), the forms of its of-object too."""
    out = {tok.lemma_.lower(), tok.lower_}
    amount = tok.ent_type_ in AMOUNT_ENTS  # "$50 million in aid", "$50 million of aid"
    if tok.lemma_.lower() in PARTITIVES or amount:
        for p in tok.children:
            if p.dep_ == "prep" and (p.lower_ == "of" or (amount and p.lower_ == "in")):
                for x in p.children:
                    if x.dep_ == "pobj":
                        out |= _forms(x)
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i < tok.i:
            out.add(f"{c.lemma_.lower()} {tok.lemma_.lower()}")
            if c.dep_ == "compound":
                out.add(c.lemma_.lower())  # "aid deliveries", "ceasefire agreement"
    return out


def _has_prefix(tok, words) -> bool:
    """The words right before ``tok`` are ``words`` ("wire" before "tapped")."""
    i = tok.i - len(words)
    return i >= 0 and all(tok.doc[i + k].lower_ == w for k, w in enumerate(words))


def _role_attribute(tok, nouns):
    """The predicate noun of a copula that ``tok`` (a role noun such as "donor") is or is one
    of ("X is the largest donor", "X is one of the largest donors"), or None."""
    if tok.lemma_.lower() not in nouns:
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one":
        tok = tok.head.head
    if tok.dep_ == "attr" and tok.head.lemma_.lower() in ("be", "remain", "become", "stay"):
        return tok
    return None


def _verbal_noun(tok) -> bool:
    """A noun the parser made the root of its sentence with a subject: a misparsed verb."""
    return tok.dep_ == "ROOT" and tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nsubj" for c in tok.children)


def _lem(tok) -> str:
    return tok.lemma_.lower()


def _misparsed_subject(v) -> list:
    """The subject of a main verb the parser hung as a participle on a root noun: in "The air
    force carried out strikes" (ROOT "force", acl "carried" with an object) the noun acts."""
    h = v.head
    if (v.dep_ == "acl" and v.tag_ in ("VBN", "VBD") and h.dep_ == "ROOT" and h.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "dobj" for c in v.children)):
        return [h]
    return []


def _verb_ancestor(tok):
    cur, hops = tok, 0
    while hops < 8:
        hops += 1
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod",):
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


def _clause_verb(tok):
    """The verb of the clause a noun stands in."""
    return _verb_ancestor(tok)
