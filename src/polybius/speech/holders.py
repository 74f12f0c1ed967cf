"""Who holds a stance: the actors a token stands for, quoted speakers, addressees.

Functions of the stance finder's per-document :class:`~polybius.speech.context.StanceContext`.
"""
from __future__ import annotations

from .tokens import actor_for, subject_of

_FIRST_PERSON = {"we", "i", "us", "our"}


def actors_for(ctx, tok) -> list[str]:
    """Actors a holder token stands for: those whose mention covers it or a coordinated
    head or modifier ("Sunni and Kurdish lawmakers"); else the phrase's actor."""
    doc, ids = ctx.doc, []
    toks = [tok, *tok.conjuncts]
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts:
            toks.extend([c, *c.conjuncts])
    for t in toks:
        for a in doc.actors_at(t.idx, t.idx + len(t.text)):
            if a.id not in ids:
                ids.append(a.id)
    if not ids:
        one = actor_for(doc, tok)
        if one:
            ids.append(one)
    return ids


def country_of(ctx, tok) -> tuple[str | None, str | None]:
    """(country code, actor name) of the actor a token stands for."""
    for a in ctx.doc.actors_at(tok.idx, tok.idx + len(tok.text)):
        return a.country, a.name
    return None, None


def country_before(ctx, tok, exclude=None) -> tuple[str | None, str | None]:
    """The country actor mentioned last before ``tok`` ("from the country" -> Iraq)."""
    best, best_start = (None, None), -1
    for a in ctx.doc.actors:
        if a.kind != "country" or not a.country or a.country == exclude:
            continue
        for mm in a.mentions:
            if best_start < mm.start < tok.idx:
                best, best_start = (a.country, a.name), mm.start
    return best


def left_actor(ctx, verb):
    """A subjectless root verb (a parse error: "Egypt on Monday called for …"): the actor
    opening its sentence, when only adjuncts (no verb, no clause) stand between."""
    if verb.dep_ != "ROOT":
        return None
    sent = verb.sent
    for t in sent:
        if t.i >= verb.i:
            return None
        if ctx.doc.actors_at(t.idx, t.idx + len(t.text)):
            between = verb.doc[t.i + 1 : verb.i]
            if any(x.pos_ in ("VERB", "AUX") or x.text in (";", ":", "\"", "“") for x in between):
                return None
            return t
        if t.pos_ in ("VERB", "AUX"):
            return None
    return None


def quote_holder(ctx, tok, subj):
    """Inside a direct quote only the speaker's own 'we'/'I' hold stances."""
    for q in ctx.quotes:
        if q.start <= tok.idx < q.end:
            local = subject_of(tok) if tok.pos_ == "VERB" else subj  # the quoted words' own subject
            if local is not None and local.lower_ in _FIRST_PERSON and q.speaker:
                return [q.speaker], True
            return [], True
    return None, False


def addressee(ctx, tok, heads):
    """The actors a cue is addressed to ("sent a request to X", "asked X")."""
    out = []
    for h in (tok, *heads):
        for c in h.children:
            if c.dep_ in ("dative", "prep") and c.lower_ == "to":
                for o in c.children:
                    if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN", "PRON"):
                        out.extend(actors_for(ctx, o))
            elif c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON"):
                out.extend(actors_for(ctx, c))
    return out


def event_at(ctx, tok):
    """The events stage's event whose trigger covers ``tok``, or None."""
    for e in ctx.doc.events:
        if e.trigger.start <= tok.idx < e.trigger.end:
            return e
    return None


def block_of(ctx, tok) -> int:
    """The block (paragraph) of ``tok``'s sentence."""
    i = ctx.doc.sentence_at(tok.idx)
    b = ctx.doc.sentences[i].block if i is not None else None
    return b if b is not None else 0


def sentence_span(ctx, tok) -> tuple[int, int]:
    """Character span of ``tok``'s sentence: a stance's evidence."""
    i = ctx.doc.sentence_at(tok.idx)
    if i is None:
        s = tok.sent
        return s.start_char, s.end_char
    s = ctx.doc.sentences[i]
    return s.start, s.end
