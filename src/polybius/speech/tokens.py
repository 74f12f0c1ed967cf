"""Token helpers shared by quotes and stances (a leaf module: it knows no finder).

* :func:`actor_for`: the actor a (head) token stands for, through ``Document.actors_at``;
* :func:`subject_of`: the subject of a (speech) verb, climbing xcomp/conj/advcl chains;
* :func:`phrase`: the words of a noun phrase up to its head, as written.
"""
from __future__ import annotations

from ..model import Document

SUBJ = {"nsubj", "nsubjpass", "csubj"}
_CLIMB = {"xcomp", "conj", "advcl", "pcomp", "prep", "acomp"}
_REPRESENTS = {"for", "of", "at", "from", "with"}  # "a spokesman for the ministry"
_MODIFIERS = {"amod", "compound", "poss", "nmod", "det", "nummod", "case"}


def actor_for(doc: Document, tok) -> str | None:
    """The actor a (head) token stands for: the actor whose mention covers the token,
    else the syntactically highest actor mentioned in its noun phrase; ``None`` if none."""
    if tok.pos_ != "PROPN":
        for ap in tok.children:  # "its director, Paulo Mendes": the named apposition first
            if ap.dep_ == "appos" and ap.pos_ == "PROPN":
                hits = doc.actors_at(ap.idx, ap.idx + len(ap.text))
                if hits:
                    return hits[0].id
    hits = doc.actors_at(tok.idx, tok.idx + len(tok.text))
    if hits:
        return hits[0].id
    for ap in tok.children:
        if ap.dep_ == "appos":
            hits = doc.actors_at(ap.idx, ap.idx + len(ap.text))
            if hits:
                return hits[0].id
    # The noun phrase without clauses hanging off it.
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("relcl", "acl", "punct", "cc", "conj", "advcl"):
            break
        right = c.right_edge.i
    sdoc = tok.doc
    best, best_depth = None, 99
    for t in sdoc[left : right + 1]:
        found = doc.actors_at(t.idx, t.idx + len(t.text))
        if not found:
            continue
        depth, h, via_modifier = 0, t, False
        while h.i != tok.i and h.head.i != h.i and depth < 20:
            via_modifier |= h.dep_ in _MODIFIERS and h.head.i == tok.i
            h, depth = h.head, depth + 1
        if via_modifier:
            continue  # "a Japanese virus expert" is not Japan: no guess from a modifier
        if any(x.dep_ == "prep" and x.lower_ not in _REPRESENTS and x.head.i == tok.i for x in t.ancestors):
            continue  # "an expert on Myanmar" does not speak for Myanmar
        if depth < best_depth:
            best, best_depth = found[0].id, depth
    return best


def subject_of(verb, speech=()):
    """The subject token of a speech verb, climbing xcomp/conj/advcl chains; or None.

    ``speech``: token indices of speech verbs.  A speech verb that the parse hangs inside
    another speech verb's reported clause ("said the cap was fair, adding that …",
    "said that X happened and denied that …") belongs to the reporting clause: its
    subject is the reporting verb's."""
    t = verb
    for _ in range(6):
        if t is not verb and t.dep_ == "ccomp" and t.head.i in speech:
            t = t.head
            continue
        subs = sorted((c for c in t.children if c.dep_ in SUBJ), key=lambda c: c.dep_ == "csubj")
        if subs:
            s = subs[0]
            if s.tag_ in ("WP", "WDT") and t.dep_ == "relcl":
                return t.head  # "Smith, who said …" -> Smith
            return s
        if t.dep_ == "relcl" and t.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return t.head
        if t.dep_ not in _CLIMB or t.head.i == t.i:
            return None
        t = t.head
    return None


def phrase(tok) -> str:
    """The words of a noun phrase up to its head, as written, without a leading determiner."""
    left = [t for t in tok.subtree if t.i <= tok.i]
    while left and (left[0].dep_ == "det" or left[0].is_punct):
        left = left[1:]
    if not left:
        return tok.text
    return tok.doc.text[left[0].idx : tok.idx + len(tok.text)]


def entry_for(entries: list, tok):
    """Of a lemma's entries (speech verbs, stance cues), the one whose particle is among the
    token's children ("call for"), else the one without a particle; None if neither."""
    kids = {c.lower_ for c in tok.children}
    for e in entries:
        if e.particle and e.particle in kids:
            return e
    return next((e for e in entries if e.particle is None), None)
