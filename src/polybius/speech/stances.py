"""Propositions and stances: who stands where on what.

A **proposition** is something actors take sides on (the withdrawal of a country's
forces, a ceasefire, sanctions, ...).  Concepts and the words that name them live in
``data/speech/propositions.json``; every mention of a concept in the document — "the
withdrawal of US forces", "expel American troops", "troop withdrawal", "US withdrawal" —
is read with its *theme* (whose forces; the actors stage's country code when there is
one) and *place*, and mentions with compatible themes and places merge into one
proposition with one normalised wording.

A **stance** is an actor's polarity on a proposition, found from cues
(``data/speech/stance_cues.tsv``) over the parse and the events stage's events:

* support: requesting, demanding, urging, voting for it ("voted to expel …",
  "X's request for …", "sent a request … for …");
* oppose: dismissing, rejecting, opposing it — or a *reference* to it ("opposed the
  parliament's resolution" → the proposition the parliament supports; "the request was
  dismissed" → the request's proposition, dismissed by whom the request was sent to);
* oppose by the inverse: the theme's side intending to "remain"; seeing the state the
  concept would end (a "presence") as a good thing ("as a barrier").

Predictions and analysis are not stances: cues under could/might/may/would/should, in
conditional clauses, or inside someone else's quoted words are skipped; a negated cue
flips polarity.  Holders are actors only (``Document.actors_at``); a cue with no actor
holder yields nothing.
"""
from __future__ import annotations

from ..model import Document, Span, Stance
from ..nlp.lookup import TokenLookup
from .context import Found, SpeechContext, StanceContext
from .cues import collect, flip, target
from .holders import actors_for, block_of
from .lexicon import Concept, Cue, Lexicon, StanceLexicon, load_propositions, load_stance_cues
from .propositions import PropMention, merge_mentions, read_mention
from .quotes import SpeechVerbFinder

__all__ = ["Concept", "Cue", "Found", "PropMention", "StanceFinder", "load_propositions", "load_stance_cues"]

_ROUNDS = 4  # references may need what other cues resolved first


class StanceFinder:
    """Built once per stage: the stance lexicon and its single-token lookups."""

    def __init__(self, nlp, lexicon: StanceLexicon | None = None, speech_verbs: SpeechVerbFinder | None = None):
        self.lex = lexicon or StanceLexicon()
        # the speech verbs tell reported clauses apart; the stage shares its quote finder's
        self.speech_verbs = speech_verbs or SpeechVerbFinder(Lexicon())
        concepts = self.lex.concepts
        # single-token patterns (lemma in a data list, coarse tag): matched over the Doc's arrays
        self.matcher = TokenLookup()
        self.matcher.add("CUE_VERB", {lemma for lemma, pos in self.lex.cues if pos == "VERB"}, "VERB")
        self.matcher.add("CUE_NOUN", {lemma for lemma, pos in self.lex.cues if pos == "NOUN"}, "NOUN")
        self.matcher.add("CONCEPT_NOUN", set().union(*(c.nouns for c in concepts)), ["NOUN", "PROPN"])
        self.matcher.add("CONCEPT_VERB", set().union(*(c.verbs_obj | c.verbs_subj for c in concepts)), "VERB")
        self.matcher.add("INVERSE", set().union(*(c.inverse_verbs for c in concepts)), "VERB")
        self.matcher.add("EVAL", self.lex.props["evaluation_verbs"], "VERB")
        self.matcher.add("POSADJ", self.lex.props["positive_adjectives"], "ADJ")

    def __call__(self, doc: Document, speech: SpeechContext | None = None) -> list[Stance]:
        """The document's stances; ``speech``: the stage's context for the document (made here
        when the finder runs alone)."""
        sdoc = doc.nlp
        if sdoc is None:
            return []
        if speech is None:
            speech = self.speech_verbs.context(doc)
        ctx = StanceContext(doc, sdoc, self.lex, set(speech.verbs), self.matcher(sdoc),
                            [q for q in doc.quotes if q.kind == "direct"])
        for i in ctx.hits.get("CONCEPT_NOUN", []) + ctx.hits.get("CONCEPT_VERB", []):
            m = read_mention(ctx, sdoc[i])
            if m is not None:
                ctx.mentions[i] = m
        collect(ctx)
        merge_mentions(ctx)
        return _merge(ctx, _resolve_all(ctx))


def _resolve_all(ctx: StanceContext) -> list[tuple[Found, int]]:
    """Each found stance with the index of its proposition (unresolved ones are dropped)."""
    done: list[tuple[Found, int]] = []
    pending = list(ctx.found)
    for rnd in range(_ROUNDS):
        left = []
        for fd in pending:
            r = _resolve(ctx, fd, done, final=rnd == _ROUNDS - 1)
            if r is None:
                left.append(fd)
                continue
            ci, mult, via = r
            if mult == -1:
                fd.polarity = flip(fd.polarity)
                fd.rule += ":negating-verb"
            if not fd.holders and via is not None and fd.cue_token is not None and fd.cue_token.pos_ == "VERB":
                # "the request was dismissed": the addressee of the request answered it
                if via.addressee:
                    fd.holders = list(via.addressee)
                    fd.rule += ":by-addressee"
            done.append((fd, ci))
        pending = left
    return done


def _merge(ctx: StanceContext, done: list[tuple[Found, int]]) -> list[Stance]:
    """One stance per (holder, proposition, polarity), with all its evidence and rules."""
    merged: dict[tuple[str, int, str], Stance] = {}
    for fd, ci in done:
        for h in fd.holders:
            key = (h, ci, fd.polarity)
            st = merged.get(key)
            if st is None:
                st = merged[key] = Stance(holder=h, proposition=ctx.labels[ci], polarity=fd.polarity,
                                          evidence=[], rule=fd.rule)
            sp = Span(*fd.evidence)
            if all((e.start, e.end) != (sp.start, sp.end) for e in st.evidence):
                st.evidence.append(sp)
            if fd.rule not in (st.rule or "").split(","):
                st.rule = f"{st.rule},{fd.rule}"
    out = list(merged.values())
    for st in out:
        st.evidence.sort(key=lambda e: e.start)
    out.sort(key=lambda s: (s.evidence[0].start if s.evidence else 0, s.holder))
    return out


def _resolve(ctx: StanceContext, fd: Found, done: list[tuple[Found, int]], final: bool = False):
    """-> (cluster index, polarity multiplier, extra holders) or None."""
    t = fd.target
    if isinstance(t, PropMention):
        return t.cluster, 1, None
    if t[0] == "neg":
        return t[1].cluster, -1, None
    if t[0] == "concept-theme":
        c, countries = t[1], t[2]
        same = [ci for ci, cl in enumerate(ctx.clusters) if cl[0].concept is c]
        for ci in same:
            if countries and any(m.theme_country in countries for m in ctx.clusters[ci]):
                return ci, 1, None
        if not countries and len(same) == 1 and fd.rule.startswith("evaluation"):
            return same[0], 1, None  # "views the presence as …": the one such proposition
        return None
    ref = t[1]
    # its own content: "request for the withdrawal", "resolution to expel …"
    inner = target(ctx, ref)
    if isinstance(inner, PropMention):
        return inner.cluster, 1, None
    # a possessor: the proposition that actor supports
    poss = [c for c in ref.children if c.dep_ == "poss"]
    if poss:
        owners = set(actors_for(ctx, poss[0]))
        for od, ci in done:
            if od.polarity == "support" and owners & set(od.holders):
                return ci, 1, None
    # the same word earlier: "the request" -> the request made before
    lemma = ref.lemma_.lower()
    for od, ci in reversed(done):
        if od.cue_token is not None and od.cue_token.lemma_.lower() == lemma and od.cue_token.i != ref.i:
            return ci, 1, od
    bare = all(c.dep_ in ("det", "poss", "amod", "compound", "case", "punct") for c in ref.children)
    if final and bare and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss"
                              for c in ref.children):
        # "opposed the bill": the proposition last put forward before it
        rb = block_of(ctx, ref)
        before = [(od, ci) for od, ci in done if od.polarity == "support" and od.cue_token is not None
                  and od.cue_token.i < ref.i and rb - block_of(ctx, od.cue_token) <= 2]
        if before:
            fd.rule += ":nearest"
            return before[-1][1], 1, None
    return None
