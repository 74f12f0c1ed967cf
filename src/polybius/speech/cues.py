"""Stance cues: the rules that find who stands where, over the parse and the events.

Each rule appends :class:`~polybius.speech.context.Found` stances to the per-document
:class:`~polybius.speech.context.StanceContext`, in order:

* cue words (``data/speech/stance_cues.tsv``): "called for the withdrawal", "X's request for …";
* the events stage's events whose CAMEO code says a side (``event_polarity``);
* the inverse: the theme's side intending to "remain";
* evaluation: seeing the state a concept would end as a good thing ("the presence as a barrier");
* reported praise of the theme ("said the troops were essential").

Predictions and conditions are skipped, a negated cue flips polarity, and inside someone
else's quoted words only the speaker's own "we"/"I" hold a stance.
"""
from __future__ import annotations

from .context import Found, StanceContext
from .holders import actors_for, addressee, country_of, event_at, left_actor, quote_holder, sentence_span
from .tokens import entry_for, subject_of

_RELATIVE = ("who", "which", "that")
_PHRASE_MODIFIERS = ("amod", "compound", "poss", "nmod")


def flip(polarity: str) -> str:
    return "oppose" if polarity == "support" else "support"


def collect(ctx: StanceContext) -> None:
    """Run every rule over the document, appending to ``ctx.found``."""
    for kind, pos in (("CUE_VERB", "VERB"), ("CUE_NOUN", "NOUN")):
        for i in ctx.hits.get(kind, []):
            _cue_word(ctx, ctx.sdoc[i], pos)
    _event_cues(ctx)
    _inverse_cues(ctx)
    _evaluation_cues(ctx)
    _praise_cues(ctx)


def _holders(ctx: StanceContext, tok, subj) -> list[str]:
    """The holders of a cue with subject ``subj``: inside a quote, the speaker or no one."""
    qh, inq = quote_holder(ctx, tok, subj)
    return qh if inq else actors_for(ctx, subj)


def _cue_word(ctx: StanceContext, tok, pos: str) -> None:
    entry = entry_for(ctx.lex.cues.get((tok.lemma_.lower(), pos), []), tok)
    if entry is None or hypothetical(ctx, tok):
        return
    pol = flip(entry.polarity) if negated(tok) else entry.polarity
    rule = f"cue:{entry.lemma}"
    if pos == "VERB":
        heads = []
        subj, rule = _verb_holder(ctx, tok, rule)
    else:
        heads, subj = _noun_holder(ctx, tok)
    tgt = target(ctx, tok, heads)
    if tgt is None:
        return
    qh, inq = quote_holder(ctx, tok, subj)
    if inq:
        holders = qh
    else:
        holders = actors_for(ctx, subj) if subj is not None else []
    ev = event_at(ctx, tok)
    if not holders and ev is not None and ev.source and not inq and pos == "VERB" and subj is not None:
        holders = [ev.source]
    addr = addressee(ctx, tok, heads)
    if not addr and ev is not None and ev.target:
        addr = [ev.target]
    ctx.found.append(Found(holders, pol, tgt, sentence_span(ctx, tok), rule, tok, addr))


def _verb_holder(ctx: StanceContext, tok, rule: str):
    """(holder token, rule) of a cue verb: its subject or passive agent, else the actor
    opening a subjectless sentence (``:left-actor``)."""
    subj = subject_of(tok, ctx.speech)
    if subj is not None and subj.dep_ == "nsubjpass":
        subj = None  # the thing acted on, not the holder
    for c in tok.children:
        if c.dep_ == "agent":
            subj = next((o for o in c.children if o.dep_ == "pobj"), subj)
    if subj is not None and subj.dep_ == "nsubj" and subj.head.i == tok.i and any(
            c.dep_ == "auxpass" for c in tok.children):
        subj = None
    if subj is None and not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        subj = left_actor(ctx, tok)
        if subj is not None:
            rule += ":left-actor"
    return subj, rule


def _noun_holder(ctx: StanceContext, tok):
    """(extra heads, holder token) of a cue noun: its possessor ("X's request"), or the
    subject of a light verb it is the object of ("sent a request")."""
    heads, subj = [], None
    poss = [c for c in tok.children if c.dep_ == "poss"] or [
        c for c in tok.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
        and ctx.doc.actors_at(c.idx, c.idx + len(c.text))]
    if poss:
        subj = poss[0]
    elif tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in ctx.lex.props["light_verbs"]:
        heads = [tok.head]
        subj = subject_of(tok.head, ctx.speech)
        if tok.dep_ == "nsubjpass":
            subj = next((o for c in tok.head.children if c.dep_ == "agent"
                         for o in c.children if o.dep_ == "pobj"), None)
    if subj is not None and subj.lower_ in _RELATIVE:
        subj = None
    return heads, subj


def _event_cues(ctx: StanceContext) -> None:
    """Events coded by the events stage whose trigger is not a cue word of ours."""
    cue_toks = {fd.cue_token.i for fd in ctx.found if fd.cue_token is not None}
    ev_pol = ctx.lex.props.get("event_polarity", {})
    for e in ctx.doc.events:
        if not e.source or e.modality == "hypothetical":
            continue
        pol = next((ev_pol[k] for k in sorted(ev_pol, key=len, reverse=True) if e.cameo.startswith(k)), None)
        if pol is None:
            continue
        span = ctx.sdoc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        tok = span.root
        if tok.i in cue_toks or tok.i in ctx.speech or hypothetical(ctx, tok):
            continue  # a speech verb's event: its words' own cues decide (inside quotes: 'we' only)
        if e.negated:
            pol = flip(pol)
        tgt = target(ctx, tok)
        if tgt is None:
            continue
        _, inq = quote_holder(ctx, tok, None)
        if inq:
            continue
        ctx.found.append(Found([e.source], pol, tgt, sentence_span(ctx, tok), f"event:{e.cameo}",
                               tok, [e.target] if e.target else []))


def _inverse_cues(ctx: StanceContext) -> None:
    """The inverse: the theme's side intends to remain / stay."""
    for i in ctx.hits.get("INVERSE", []):
        tok = ctx.sdoc[i]
        if hypothetical(ctx, tok):
            continue
        rep = reporting_verb(ctx, tok)
        subj = subject_of(rep if rep is not None else tok, ctx.speech)
        if subj is None:
            continue
        holders = _holders(ctx, tok, subj)
        themes = {a.id for m in ctx.mentions.values() if m.theme_tok is not None
                  for a in _actors_at(ctx, m.theme_tok)}
        holders = [h for h in holders if h not in themes]  # the forces themselves hold no stance
        pol = "support" if negated(tok) else "oppose"
        for c in ctx.lex.concepts:
            if tok.lemma_.lower() in c.inverse_verbs:
                countries = {ctx.doc.actor(h).country for h in holders if ctx.doc.actor(h)}
                ctx.found.append(Found(holders, pol, ("concept-theme", c, countries),
                                       sentence_span(ctx, tok), f"inverse:{tok.lemma_.lower()}", tok))


def _evaluation_cues(ctx: StanceContext) -> None:
    """Evaluation: seeing the state a concept ends as a good thing ("the presence as a barrier")."""
    for i in ctx.hits.get("EVAL", []):
        tok = ctx.sdoc[i]
        if hypothetical(ctx, tok) or negated(tok):
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        roles = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                 for o in c.children if o.dep_ == "pobj"]
        if not objs or not roles or roles[0].lemma_.lower() not in ctx.lex.props["positive_roles"]:
            continue
        rule = f"evaluation:{tok.lemma_.lower()}-as-{roles[0].lemma_.lower()}"
        _opposes_ending(ctx, tok, objs[0], tok, rule)


def _praise_cues(ctx: StanceContext) -> None:
    """Reported praise: "the minister said the troops were essential" (the reporter's own is no stance)."""
    for i in ctx.hits.get("POSADJ", []):
        adj = ctx.sdoc[i]
        if adj.dep_ != "acomp" or hypothetical(ctx, adj.head) or negated(adj.head):
            continue
        subj = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
        rep = reporting_verb(ctx, adj.head)
        if subj is None or rep is None:
            continue
        _opposes_ending(ctx, adj, subj, rep, f"evaluation:{subj.lemma_.lower()}-{adj.lemma_.lower()}")


def _opposes_ending(ctx: StanceContext, cue, theme, speech_verb, rule: str) -> None:
    """``cue`` speaks well of ``theme``, what a concept would end (its inverse noun, or its
    mentions' theme): the subject of ``speech_verb`` opposes that concept."""
    theme_actors = {a.id for a in _actors_at(ctx, theme)}
    for c in ctx.lex.concepts:
        if not _names_theme(ctx, c, theme, theme_actors):
            continue
        countries = _countries(ctx, theme, theme_actors)
        speaker = subject_of(speech_verb, ctx.speech)
        if speaker is None:
            continue
        ctx.found.append(Found(_holders(ctx, cue, speaker), "oppose", ("concept-theme", c, countries),
                               sentence_span(ctx, cue), rule, cue))


def _actors_at(ctx: StanceContext, tok):
    return ctx.doc.actors_at(tok.idx, tok.idx + len(tok.text))


def _names_theme(ctx: StanceContext, c, tok, tok_actors: set[str]) -> bool:
    """``tok`` names what concept ``c`` would end (an inverse noun: "presence") or the theme
    of one of its mentions (the same word, or the same actor)."""
    return tok.lemma_.lower() in c.inverse_nouns or any(
        m.concept is c and m.theme_tok is not None and (
            m.theme_tok.lemma_.lower() == tok.lemma_.lower()
            or tok_actors & {a.id for a in _actors_at(ctx, m.theme_tok)})
        for m in ctx.mentions.values())


def _countries(ctx: StanceContext, tok, tok_actors: set[str]) -> set[str]:
    """The countries of a phrase: its actors' and its country modifiers' ("US troops")."""
    countries = {ctx.doc.actor(a).country for a in tok_actors if ctx.doc.actor(a).country}
    for x in tok.children:
        if x.dep_ in _PHRASE_MODIFIERS:
            code, _ = country_of(ctx, x)
            if code:
                countries.add(code)
    return countries


def reporting_verb(ctx: StanceContext, tok):
    """The speech verb whose reported clause holds ``tok`` ("said the base would stay"), or None."""
    t = tok
    for _ in range(4):
        if t.dep_ == "ccomp" and t.head.i in ctx.speech:
            return t.head
        if t.dep_ not in ("xcomp", "conj", "advcl") or t.head.i == t.i:
            return None
        t = t.head
    return None


def hypothetical(ctx: StanceContext, tok) -> bool:
    """A prediction or condition, not a stance: could/might/may/... ("would" is reported
    speech's tense inside a reported clause), or an if/unless/whether clause."""
    reported = reporting_verb(ctx, tok) is not None
    t = tok
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in ctx.hyp and not (reported and c.lower_ == "would")
               for c in t.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
            return True
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            break
        t = t.head
    return False


def negated(tok) -> bool:
    """A negated cue (or a negated verb governing it: "did not want to leave")."""
    return any(c.dep_ == "neg" for c in tok.children) or (
        tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in tok.head.children))


def target(ctx: StanceContext, tok, extra_heads=()):
    """What a cue governs: a concept mention, or a reference noun to resolve later."""
    cands = []
    for h in (tok, *extra_heads):
        for c in h.children:
            if c.dep_ in ("dobj", "xcomp", "nsubjpass", "attr", "acl", "relcl", "compound"):
                cands.append(c)
            elif c.dep_ in ("prep", "dative") and c.lower_ in ("for", "against", "to", "on", "of"):
                cands.extend(o for o in c.children if o.dep_ == "pobj" or o.pos_ == "VERB")
            elif c.dep_ == "ccomp" and tok.pos_ == "VERB":
                cands.append(c)
            elif c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                cands.append(c)  # "voted on Tuesday to expel …"
    for c in cands:
        if c.i in ctx.mentions and c.i != tok.i:
            for k in c.children:  # "the ceasefire agreement": the more specific concept
                if k.dep_ == "compound" and k.i in ctx.mentions:
                    return ctx.mentions[k.i]
            return ctx.mentions[c.i]
    neg = ctx.lex.props.get("negating_verbs", set())
    for c in cands:
        if c.pos_ == "VERB" and c.lemma_.lower() in neg:
            for d in c.children:  # "refused to lift sanctions": the opposite side on sanctions
                if d.dep_ in ("dobj", "nsubjpass") and d.i in ctx.mentions:
                    return ("neg", ctx.mentions[d.i])
    for c in cands:
        if c.pos_ == "VERB":
            for d in c.children:  # "urged X to allow the withdrawal", "… to return to talks"
                if d.i in ctx.mentions:
                    return ctx.mentions[d.i]
                if d.dep_ == "prep":
                    for o in d.children:
                        if o.dep_ == "pobj" and o.i in ctx.mentions:
                            return ctx.mentions[o.i]
        if c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() in ctx.lex.props["reference_nouns"]:
            return ("ref", c)
        for d in c.children:  # "support for the withdrawal"
            if d.dep_ == "prep" and d.lower_ in ("for", "of"):
                for o in d.children:
                    if o.i in ctx.mentions:
                        return ctx.mentions[o.i]
    return None
