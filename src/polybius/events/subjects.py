"""Subject inheritance of a verb frame: control ("voted *to expel*", "urged X *to withdraw*"),
adjectives ("seems *willing to* negotiate"), relative clauses ("strikes *that killed* X"),
participles and coordination.  Part of building a frame (:mod:`polybius.events.frames`).

Each step looks at the verb's attachment and either sets the subject (and stops) or moves
up to the governing verb; at most ``[limits] subject_hops`` steps.
"""
from __future__ import annotations

from .tokens import REL_PRONOUNS, SUBJ_DEPS, has_to, misparsed_subject


def _subjects(t) -> list:
    return [c for c in t.children if c.dep_ in SUBJ_DEPS]


def inherit_subject(tok, f, lex) -> None:
    """Give the frame ``f`` of verb ``tok`` (which has no subject of its own) a subject."""
    cur = tok
    for _ in range(lex.limits.subject_hops):
        if cur.head.i == cur.i:
            return
        cur = _step(cur, f, lex)
        if cur is None:
            return


def _step(cur, f, lex):
    """One step: the token to go on from, or None when done."""
    d, h = cur.dep_, cur.head
    if d == "xcomp" or (d == "advcl" and has_to(cur)):
        return _control(cur, d, h, f, lex)
    if (d == "advcl" and cur.tag_ in ("VBG", "VBN")) or (d == "pcomp" and h.dep_ == "prep"):
        return _participle(d, h, f)
    if d == "relcl":
        rel = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in REL_PRONOUNS]
        if rel and rel[0].dep_ == "nsubj":
            f.subj = [h]
        elif rel:
            f.obj = f.obj or [h]
        return None
    if d == "acl" and cur.tag_ != "VBN" and h.lemma_.lower() in lex.document_nouns \
            and h.dep_ in ("dobj", "pobj", "appos"):
        # "X issued a statement calling on Y": the statement's issuer calls
        v = h.head.head if h.dep_ == "pobj" else h.head
        subj = _subjects(v) or misparsed_subject(v)
        if subj:
            f.subj = subj
            f.inherited_subj = True
            return None
    if d == "acl":
        _participle_of_noun(cur, h, f)
        return None
    if d in ("acomp", "oprd"):  # "seems willing to", "is ready to"
        f.subj = _subjects(h)
        f.inherited_subj = bool(f.subj)
        return None
    if d == "conj":
        f.subj = _subjects(h)
        if f.subj:
            f.inherited_subj = True
            return None
        return h
    return None


def _control(cur, d, h, f, lex):
    """"voted to expel", "urged X to withdraw": the controller is the subject."""
    hobj = [c for c in h.children if c.dep_ in ("dobj",)]
    if h.lemma_.lower() in lex.instrument_verbs:
        hobj = []  # "police used tear gas to disperse": the user acts, not the gas
    if hobj and d == "xcomp":
        f.subj = hobj
    else:
        f.subj = _subjects(h) or [c for c in h.children if c.dep_ == "nsubjpass"]
        if not f.subj and h.dep_ in ("acomp", "oprd"):
            f.subj = _subjects(h.head)
            if not f.subj:
                f.inherited_subj = True
                return h.head
        if not f.subj and h.dep_ in ("xcomp", "conj", "advcl"):
            f.inherited_subj = True
            return h
    f.inherited_subj = True
    return None


def _participle(d, h, f):
    """"..., contributing $46 million", "by donating supplies": the main clause's subject."""
    v = h if d == "advcl" else h.head
    if d == "pcomp" and v.dep_ in ("acomp", "oprd") and v.head.i != v.i:
        v = v.head  # "X are guilty of violating", "X is responsible for shelling"
    f.subj = _subjects(v) or misparsed_subject(v)
    if f.subj:
        f.inherited_subj = True
        return None
    if v.dep_ in ("xcomp", "conj", "advcl") and v.head.i != v.i:
        return v
    return None


def _participle_of_noun(cur, h, f) -> None:
    if misparsed_subject(cur):
        f.subj = misparsed_subject(cur)
        f.obj = f.obj or [c for c in cur.children if c.dep_ in ("dobj", "oprd")]
        f.inherited_subj = True
        return
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
