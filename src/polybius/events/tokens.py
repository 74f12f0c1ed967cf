"""Token helpers of the events stage: small pure functions over spaCy tokens.

A leaf module: it imports nothing of Polybius.  Walks up the parse tree take their limit as
an argument (the limits are data: ``[limits]`` in ``data/events/rules.txt``).
"""
from __future__ import annotations

SUBJ_DEPS = {"nsubj", "csubj"}
MOD_DEPS = {"compound", "amod", "nmod", "advmod", "npadvmod", "acomp", "oprd", "nummod"}
PARTICLE_DEPS = {"prt", "advmod", "acomp", "oprd", "prep", "compound:prt", "dobj"}
ACTOR_MOD_DEPS = {"compound", "amod", "nmod", "poss"}
REL_PRONOUNS = {"that", "which", "who", "whom", "whose"}
CONTEXT_PREPS = {"during", "at", "in", "amid"}
# entity types that name a time or a quantity, never a participant ("called on Friday for
# Britain to stay": Friday is when, not whom)
NON_ARGUMENT_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}  # an uncoded name of these is a place, not an actor
AMOUNT_ENTS = {"MONEY", "QUANTITY", "CARDINAL"}
PARTICLE_PREPS = ("over", "up", "off", "out", "down", "back")


def lem(tok) -> str:
    return tok.lemma_.lower()


def verbal_noun(tok) -> bool:
    """A noun the parser made the root of its sentence with a subject: a misparsed verb."""
    return tok.dep_ == "ROOT" and tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nsubj" for c in tok.children)


def pos_of(tok) -> str:
    """The coarse part of speech the dictionary is indexed by: VERB, NOUN or ADJ."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return "VERB" if verbal_noun(tok) else "NOUN"
    if tok.pos_ == "ADJ":
        return "ADJ"
    return "VERB"


def has_to(tok) -> bool:
    """``tok`` has an infinitival "to" (a to-clause)."""
    return any(x.dep_ == "aux" and x.lower_ == "to" for x in tok.children)


def words_before(tok, words) -> bool:
    """The words right before ``tok`` are ``words`` ("wire" before "tapped")."""
    i = tok.i - len(words)
    return i >= 0 and all(tok.doc[i + k].lower_ == w for k, w in enumerate(words))


def code_has_prefix(code: str, prefixes) -> bool:
    """``code`` starts with one of the CAMEO code prefixes (a data list)."""
    return any(code.startswith(p) for p in prefixes)


def forms(tok, partitives) -> set:
    """Lemma, lower form and 'modifier lemma' pairs ("war crime") of a head token; for a
    partitive or measure noun ("700 kg of medicine"), the forms of its of-object too."""
    out = {tok.lemma_.lower(), tok.lower_}
    amount = tok.ent_type_ in AMOUNT_ENTS  # "$50 million in aid", "$50 million of aid"
    if tok.lemma_.lower() in partitives or amount:
        for p in tok.children:
            if p.dep_ == "prep" and (p.lower_ == "of" or (amount and p.lower_ == "in")):
                for x in p.children:
                    if x.dep_ == "pobj":
                        out |= forms(x, partitives)
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i < tok.i:
            out.add(f"{c.lemma_.lower()} {tok.lemma_.lower()}")
            if c.dep_ == "compound":
                out.add(c.lemma_.lower())  # "aid deliveries", "ceasefire agreement"
    return out


def of_objects(tok) -> list:
    """The objects of ``tok``'s of-phrases ("dozens *of artifacts*")."""
    return [x for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.children if x.dep_ == "pobj"]


def role_attribute(tok, nouns):
    """The predicate noun of a copula that ``tok`` (a role noun such as "donor") is or is one
    of ("X is the largest donor", "X is one of the largest donors"), or None."""
    if tok.lemma_.lower() not in nouns:
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one":
        tok = tok.head.head
    if tok.dep_ == "attr" and tok.head.lemma_.lower() in ("be", "remain", "become", "stay"):
        return tok
    return None


def misparsed_subject(v) -> list:
    """The subject of a main verb the parser hung as a participle on a root noun: in "The air
    force carried out strikes" (ROOT "force", acl "carried" with an object) the noun acts."""
    h = v.head
    if (v.dep_ == "acl" and v.tag_ in ("VBN", "VBD") and h.dep_ == "ROOT" and h.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "dobj" for c in v.children)):
        return [h]
    return []


def clause_verb(tok, limit: int):
    """The verb of the clause a noun stands in (at most ``limit`` steps up)."""
    cur, hops = tok, 0
    while hops < limit:
        hops += 1
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod",):
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


def verb_of(tok, limit: int):
    """The verb a noun hangs from (its clause), or None."""
    cur = tok
    for _ in range(limit):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def verb_phrase(v) -> set[int]:
    """Token indices of the verb phrase after a verb (its objects, complements and adjuncts,
    and those of the verbs it complements: "is about to restore ties ... after X burned ..."),
    without the verbs coordinated with it ("condemned ... and promised ...")."""
    chain = [v]
    while chain[-1].dep_ in ("xcomp", "acomp", "oprd") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    out: set[int] = set()
    stack = [c for h in chain for c in h.children if c.i > v.i and c.dep_ not in ("conj", "cc")
             and c not in chain]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(t.children)
    return out


def in_modifier_clause(tok, anchors, limit: int) -> bool:
    """True when ``tok`` sits in a relative/participle clause or apposition that does not hold
    the event ("Boluarte, who took office in 2022, rejected ...")."""
    cur, hops = tok, 0
    while cur.head.i != cur.i and hops < limit:
        if cur.i in anchors:
            return False
        if cur.dep_ in ("relcl", "acl", "appos"):
            return True
        cur, hops = cur.head, hops + 1
    return False


def clause_subtree(tok):
    """The subtree of ``tok`` without coordinated clauses ("... and accused X": another act)."""
    stack = [tok]
    while stack:
        t = stack.pop()
        yield t
        stack.extend(c for c in t.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))


def tok_span(tok):
    """Character span of the phrase a token ends (its left edge to the token)."""
    if tok is None:
        return None
    start = tok.left_edge.idx
    end = tok.idx + len(tok.text)
    return (min(start, tok.idx), end)


def char_span_of(tok) -> tuple[int, int]:
    return (tok.idx, tok.idx + len(tok.text))


def own_pronoun_possessor(tok) -> bool:
    """"*its* troops": a pronoun possessor (not the relative "whose")."""
    return any(ch.dep_ == "poss" and ch.pos_ == "PRON" and ch.lower_ != "whose" for ch in tok.children)


def upper_start(tok) -> int:
    """Where the words before the verb begin for TABARI: the sentence start, or the last
    clause-separating comma (one attached to a verb, not one inside a noun phrase)."""
    sent = tok.sent
    for j in range(tok.i - 1, sent.start - 1, -1):
        t = tok.doc[j]
        if t.text in (",", ";", ":") and t.head.pos_ in ("VERB", "AUX") and t.head.i != tok.i:
            return j + 1
    return sent.start


def lower_end(tok) -> int:
    """Where the words after the verb end for TABARI: the end of the verb phrase, taken as
    the subtree of the verb (or of the verb it complements, "seen to break into ...")."""
    v = tok
    while v.dep_ == "xcomp" and v.head.i != v.i:
        v = v.head
    return max(tok.right_edge.i, v.right_edge.i) + 1


def member(values, sorted_hashes):
    """Vectorised membership of ``values`` in a sorted hash array (no sorting per call)."""
    import numpy as np

    if len(sorted_hashes) == 0:
        return np.zeros(len(values), dtype=bool)
    idx = np.searchsorted(sorted_hashes, values)
    idx[idx >= len(sorted_hashes)] = 0
    return sorted_hashes[idx] == values


def trigger_span(sp, trigger):
    """The spaCy span of an event's trigger (None when it does not align)."""
    t = sp.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return t if t is not None and len(t) else None


class LazyDepths:
    """Tree depth of a token from the head indices, computed on demand and memoised."""

    def __init__(self, heads: list[int], limit: int):
        self.heads = heads
        self.limit = limit
        self.memo: dict[int, int] = {}

    def __getitem__(self, i: int) -> int:
        memo, heads = self.memo, self.heads
        path = []
        j = i
        while j not in memo and heads[j] != j and len(path) < self.limit:
            path.append(j)
            j = heads[j]
        d = memo.get(j, 0)
        memo[j] = d
        for k in reversed(path):
            d += 1
            memo[k] = d
        return memo[i]
