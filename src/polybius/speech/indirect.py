"""Indirect quotes: reported clauses outside quote marks.

``X said that …`` / ``X argues that …`` (``indirect:ccomp``), reported words before their
attribution (``indirect:fronted``) and sentences attributed with "according to X"
(``indirect:according-to``).
"""
from __future__ import annotations

from ..model import Quote
from .context import QuoteContext
from .tokens import SUBJ, actor_for, subject_of


def indirect_quotes(ctx: QuoteContext, fronted: set[str]) -> list[Quote]:
    """Reported clauses of the speech verbs outside quote marks (``fronted``: the verbs whose
    reported words may come first: "The talks failed, the minister said")."""
    out = []
    direct_spans = [(s.open, s.outer_end) for s in ctx.segs if ctx.kinds.get(s.open) == "direct"]
    for i, entry in ctx.verbs.items():
        if entry.kind == "source" or ctx.in_quote(i):
            continue
        v = ctx.sdoc[i]
        if any(c.dep_ == "neg" for c in v.children):
            continue
        if (v.dep_ in ("advcl", "acl") and v.i < v.head.i and (v.tag_ == "VBN" or v.i == v.sent.start)
                and not any(c.dep_ in SUBJ for c in v.children)):
            continue  # "Asked whether he would resign, …": the asker is someone else
        found = _reported_clause(ctx, v, entry, fronted)
        if found is None:
            continue
        clause, rule = found
        if clause.left_edge.i < v.i < clause.right_edge.i:
            continue  # the verb sits inside its own "clause" (relative: "which he said was …")
        # "said X happened and that Y followed": two reported clauses
        clauses = [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                              and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        subj = subject_of(v, ctx.verbs)
        speaker = actor_for(ctx.doc, subj) if subj is not None else None
        verb = entry.lemma if not entry.particle else f"{entry.lemma} {entry.particle}"
        for k, cl in enumerate(clauses):
            span = _clause_span(ctx, cl, clauses[k + 1] if k + 1 < len(clauses) else None, direct_spans, k == 0)
            if span is not None:
                out.append(Quote(id="", speaker=speaker, text=ctx.doc.text[span[0]:span[1]], start=span[0],
                                 end=span[1], kind="indirect", verb=verb, rule=rule))
    return out


def _reported_clause(ctx: QuoteContext, v, entry, fronted: set[str]):
    """(clause head, rule) of a speech verb's reported clause, or None."""
    heads = [v] + [c for c in v.children if entry.particle and c.lower_ == entry.particle]
    for h in heads:
        for c in h.children:
            if c.i <= v.i or c.pos_ not in ("VERB", "AUX"):
                continue
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if c.dep_ == "ccomp" or (c.dep_ in ("advcl", "acl") and "that" in marks):
                return c, "indirect:ccomp"
    if v.dep_ != "ROOT":
        return None
    # reported words first, attribution after: "The talks failed, the minister said."
    subj = next((c for c in v.children if c.dep_ in SUBJ), None)
    for c in v.children:
        if (c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and subj is not None
                and c.right_edge.i < subj.left_edge.i
                and (ctx.sdoc[c.right_edge.i + 1].text in (",", "—", "–") or ctx.sdoc[c.right_edge.i].text == ",")):
            if (entry.lemma in fronted or subj.pos_ in ("PROPN", "PRON")
                    or actor_for(ctx.doc, subj) is not None):
                return c, "indirect:fronted"
            return None
    return None


def according_to(ctx: QuoteContext, used_verbs: set[int], found: list[Quote]) -> list[Quote]:
    """'The strike killed 12 people, according to local officials.': the sentence, less the
    attribution phrase, is the source's reported words (``indirect:according-to``)."""
    out = []
    for i, entry in ctx.verbs.items():
        if entry.kind != "source" or i in used_verbs or ctx.in_quote(i):
            continue
        acc = ctx.sdoc[i]
        to = next((c for c in acc.children if c.lower_ == entry.particle), None)
        src = next((o for o in to.children if o.dep_ == "pobj"), None) if to is not None else None
        if src is None:
            continue
        sent = acc.sent
        a0, a1 = acc.left_edge.i, acc.right_edge.i
        toks = [t for t in sent if not (a0 <= t.i <= a1)]
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks = toks[:-1]
        if len(toks) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in toks) or any(ctx.in_quote(t.i) for t in toks):
            continue
        if a0 > toks[0].i and a1 < toks[-1].i:
            continue  # the phrase sits inside the clause: no clean span of reported words
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if any(q.start < end and start < q.end and q.kind != "partial" for q in found):
            continue
        out.append(Quote(id="", speaker=actor_for(ctx.doc, src), text=ctx.doc.text[start:end], start=start, end=end,
                         kind="indirect", verb=entry.lemma, rule="indirect:according-to"))
    return out


def _clause_span(ctx: QuoteContext, clause, next_clause, direct_spans, first: bool):
    """Character span of a reported clause, or None when it is not a quote of its own."""
    toks = [t for t in clause.subtree if not ctx.in_quote_mark(t.i)]
    if len(toks) < 3 or not any(c.dep_ in SUBJ or c.dep_ in ("expl", "mark") for c in clause.children):
        return None
    start_tok = clause.left_edge if first else next((m for m in clause.children if m.dep_ == "mark"),
                                                      clause.left_edge)
    end_tok = clause.right_edge
    if next_clause is not None:
        end_tok = ctx.sdoc[max(clause.i, next_clause.left_edge.i - 1)]
    for c in clause.children:  # "…that X happened and denied that …": the denial is not reported
        if c.dep_ == "conj" and c.i in ctx.verbs and not any(k.dep_ in SUBJ for k in c.children):
            end_tok = ctx.sdoc[max(clause.i, min(end_tok.i, c.left_edge.i - 1))]
            break
    while start_tok.i < end_tok.i and (start_tok.dep_ == "mark" and start_tok.head.i == clause.i
                                       or start_tok.is_punct or start_tok.is_space):
        start_tok = ctx.sdoc[start_tok.i + 1]
    while end_tok.i > start_tok.i and (end_tok.is_punct or end_tok.is_space or end_tok.dep_ == "cc"):
        end_tok = ctx.sdoc[end_tok.i - 1]
    start, end = start_tok.idx, end_tok.idx + len(end_tok.text)
    if any(s < end and start < e for s, e in direct_spans):
        return None
    if any(max(0, min(end, s.outer_end) - max(start, s.open)) >= 0.8 * (end - start) for s in ctx.segs):
        return None  # the clause is a quote already ('adding that "…"')
    return start, end
