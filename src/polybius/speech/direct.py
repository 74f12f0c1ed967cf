"""Attribution of quoted stretches: direct or partial, and whose words.

:func:`classify` decides whether a quoted stretch is a direct quote (it starts a clause) or
a partial one (a phrase inside the reporter's sentence), then looks for its attribution in
the reporter's words around it, in order: a speech verb after the quote, "according to",
a speech verb before it, a clause before a colon, a headline label.
"""
from __future__ import annotations

from .context import QuoteContext
from .marks import Segment
from .tokens import subject_of


def classify(ctx: QuoteContext, seg: Segment):
    """-> (kind, speaker token, verb token, rule) or None."""
    content = ctx.sdoc.char_span(seg.start, seg.end, alignment_mode="expand")
    if content is None:
        return None
    words = [t for t in content if not (t.is_punct or t.is_space) and not ctx.in_quote_mark(t.i)]
    if not words:
        return None
    last = ctx.doc.text[seg.end - 1]
    kind = _kind(ctx, seg, words, last)
    ctx.kinds[seg.open] = kind
    if kind == "partial":
        return _partial(ctx, seg, content)
    after = ctx.after(seg)
    found = _attributed_after(ctx, after, last)
    if found is None:
        before = ctx.before(seg)
        found = _attributed_before(ctx, before) or _headline_label(ctx, seg, before, after)
    subj, verb, rule = found or (None, None, "direct:none")
    return kind, subj, verb, rule


def _kind(ctx: QuoteContext, seg: Segment, words, last: str) -> str:
    """Direct: the quoted words start a clause and hold a verb or end in punctuation (or are a
    sentence of four words or more, or span paragraphs); else partial."""
    ends_punct = last in ",.?!;—–"
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    clause_start = ctx.starts_clause(seg)
    if (clause_start and (has_verb or ends_punct)) or (last in ".?!" and has_verb and len(words) >= 4) or len(seg.pieces) > 1:
        return "direct"
    return "partial"


def _attributed_after(ctx: QuoteContext, after, last: str):
    """Attribution after the quote: '"…," X said' / '"…," said X' -> (speaker, verb, rule) or None."""
    if not after or not (last not in ".?!" or after[0].text[:1].islower() or after[0].i in ctx.verbs):
        return None
    verb = next((t for t in after if t.pos_ == "VERB"), None)
    if (verb is not None and verb.i in ctx.verbs and ctx.verbs[verb.i].kind != "source"
            and after.index(verb) <= 8):
        if not any(c.dep_ == "ccomp" and c.i > verb.i and c in after for c in verb.children):
            return _speaker(ctx, verb, after), verb, "direct:after-verb"
    src = _source_phrase(ctx, after)
    if src is not None:
        return src[0], src[1], "direct:according-to"
    return None


def _attributed_before(ctx: QuoteContext, before):
    """Attribution before the quote: 'X said: "…"', 'X said, "…"', '… he said, "…"'."""
    if not before:
        return None
    cands = [t for t in before if t.i in ctx.verbs and ctx.verbs[t.i].kind != "source"]
    if cands:
        verb = cands[-1]
        return _speaker(ctx, verb, before), verb, "direct:before-verb"
    src = _source_phrase(ctx, before)
    if src is not None:
        return src[0], src[1], "direct:according-to"
    if before[-1].text == ":":
        root = _clause_root(before)
        if root is not None:
            subj = subject_of(root, ctx.verbs)
            if subj is not None:
                return subj, None, "direct:colon"
    return None


def _headline_label(ctx: QuoteContext, seg: Segment, before, after):
    """Headline style: 'Minister: "We will act"' / '"We will act": Minister'."""
    if not ctx.in_headline(seg):
        return None
    if before and before[-1].text == ":" and not any(t.pos_ in ("VERB", "AUX") for t in before):
        head = _np_head(before[:-1])
        if head is not None:
            return head, None, "direct:headline-label"
    if after and after[0].text == ":" and not any(t.pos_ in ("VERB", "AUX") for t in after):
        head = _np_head(after[1:])
        if head is not None:
            return head, None, "direct:headline-label"
    return None


def _np_head(toks):
    """The head of a short noun phrase (the token whose head lies outside it)."""
    toks = [t for t in toks if not t.is_punct]
    if not toks or len(toks) > 6:
        return None
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads and heads[0].pos_ in ("PROPN", "NOUN") else None


def _speaker(ctx: QuoteContext, verb, window):
    subj = subject_of(verb, ctx.verbs)
    if subj is not None and not ctx.in_quote(subj.i):
        return subj
    # unparsed (no subject, or one inside the quoted words): the noun phrase between the quote and the verb ('"…," the director told'),
    # its head being the token whose head lies outside it
    pre = [t for t in window if t.i < verb.i and not t.is_punct]
    ids = {t.i for t in pre}
    for t in pre:
        if t.pos_ in ("PROPN", "PRON", "NOUN") and t.head.i not in ids:
            return t
    for t in window:  # inverted: the first nominal after the verb ('"…," said X')
        if t.i > verb.i and t.pos_ in ("PROPN", "PRON", "NOUN"):
            return t
    return None


def _source_phrase(ctx: QuoteContext, window):
    """'according to X' -> (X token, the 'according' token)."""
    for t in window:
        e = ctx.verbs.get(t.i)
        if e is not None and e.kind == "source":
            for c in t.children:
                if c.lower_ == e.particle:
                    objs = [o for o in c.children if o.dep_ == "pobj"]
                    if objs:
                        return objs[0], t
    return None


def _clause_root(window):
    ids = {t.i for t in window}
    for t in window:
        if t.pos_ in ("VERB", "AUX") and (t.head.i not in ids or t.head.i == t.i):
            return t
    return None


def _partial(ctx: QuoteContext, seg, content):
    first = content[0]
    sent = first.sent
    # a speech verb governing the quoted words
    h = first
    for _ in range(12):
        if h.head.i == h.i:
            break
        h = h.head
        if h.i in ctx.verbs and not ctx.in_quote(h.i) and ctx.verbs[h.i].kind != "source":
            return "partial", subject_of(h, ctx.verbs), h, "partial:governing-verb"
    # else the nearest speech verb of the sentence, before the quote first
    cands = [t for t in sent if t.i in ctx.verbs and not ctx.in_quote(t.i) and ctx.verbs[t.i].kind != "source"]
    if cands:
        before = [t for t in cands if t.i < first.i]
        verb = before[-1] if before else cands[0]
        return "partial", subject_of(verb, ctx.verbs), verb, "partial:sentence-verb"
    src = _source_phrase(ctx, list(sent))
    if src is not None:
        return "partial", src[0], src[1], "partial:according-to"
    return "partial", None, None, "partial:none"
