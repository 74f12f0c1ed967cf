"""Quotes and their speakers.

Three kinds of quote (``Quote.kind``):

* **direct**: a quoted clause or sentence — ``"…," X said``, ``"…," said X``,
  ``X said: "…"``, a quote split by its attribution (``"…," he said, "…"``), a quote
  spanning paragraphs, a quote continuing a speaker's words in the next sentence or
  paragraph;
* **partial**: a quoted phrase inside the reporter's sentence, governed by a speech
  verb (``Pompeo suggested they work together to "recommit" to …``); quoted words
  with no speech verb in their sentence are scare quotes or titles, not quotes;
* **indirect**: ``X said that …`` / ``X argues that …`` — a speech verb's clausal
  complement outside quote marks.

Speech verbs come from ``data/speech/speech_verbs.tsv`` (one single-token lookup built
per stage).  The speaker is the subject of the speech verb (climbing ``xcomp`` /
``conj`` chains: "Haass continues to say that …"), turned into an actor id through
``Document.actors_at`` — pronouns resolve through the actors stage's coreference.
No actor, no guess: ``speaker`` stays ``None``.
"""
from __future__ import annotations

from ..model import Document, Quote
from ..nlp.lookup import TokenLookup
from .context import QuoteContext, SpeechContext
from .direct import classify
from .indirect import according_to, indirect_quotes
from .lexicon import Lexicon, SpeechVerb
from .marks import MarkScanner, Segment, paragraph_spans
from .tokens import actor_for, entry_for, subject_of

__all__ = ["QuoteFinder", "SpeechVerbFinder", "actor_for", "subject_of"]


class SpeechVerbFinder:
    """The speech verbs of a parsed document: token index -> its entry in ``speech_verbs.tsv``
    (one single-token lookup, built once)."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.matcher = TokenLookup()  # one single-token pattern: matched over the Doc's arrays
        self.matcher.add("SPEECH", self.lex.verbs, ["VERB", "AUX"])

    def __call__(self, sdoc) -> dict[int, SpeechVerb]:
        out = {}
        for s in self.matcher(sdoc).get("SPEECH", ()):
            tok = sdoc[s]
            if tok.dep_ in ("amod", "compound"):
                continue  # "so-called", "the said agreement": not a speech act
            chosen = entry_for(self.lex.verbs.get(tok.lemma_.lower(), []), tok)
            if chosen is not None:
                out[s] = chosen
        return out

    def context(self, doc: Document) -> SpeechContext:
        """The speech stage's per-document context (``None`` parse: no speech verbs)."""
        return SpeechContext(doc, doc.nlp, self(doc.nlp) if doc.nlp is not None else {})


class QuoteFinder:
    def __init__(self, nlp, lexicon: Lexicon | None = None):
        self.lex = lexicon or Lexicon()
        self.scanner = MarkScanner(self.lex.marks)
        self.speech_verbs = SpeechVerbFinder(self.lex)

    def __call__(self, doc: Document, speech: SpeechContext | None = None) -> list[Quote]:
        """The document's quotes; ``speech``: the stage's context for the document (made here
        when the finder runs alone)."""
        spans = paragraph_spans(doc.text, doc.blocks)
        segs, errors = self.scanner.scan(doc.text, spans)
        where = doc.origin or doc.id
        doc.errors.extend(f"{where}: {e}" for e in errors)
        if doc.nlp is None:
            return []
        ctx = QuoteContext(speech or self.speech_verbs.context(doc), spans, segs)
        quotes: list[Quote] = []
        used_verbs: set[int] = set()
        orphans: dict[int, tuple[int, bool]] = {}  # id(quote) -> (block, opens its block)
        for seg in segs:
            found = _segment_quote(ctx, seg)
            if found is None:
                continue
            q, verb_i = found
            quotes.append(q)
            if verb_i is not None:
                used_verbs.add(verb_i)
            if q.rule.startswith("direct:none") and ctx.starts_clause(seg):
                orphans[id(q)] = (ctx.block_of(seg.open), ctx.opens_block(seg))
        quotes.extend(indirect_quotes(ctx, self.lex.fronted))
        quotes.extend(according_to(ctx, used_verbs, quotes))
        quotes.sort(key=lambda q: (q.start, q.end))
        _continue_speakers(quotes, orphans, ctx)
        for i, q in enumerate(quotes, 1):
            q.id = f"Q{i}"
        return quotes


def _segment_quote(ctx: QuoteContext, seg: Segment) -> tuple[Quote, int | None] | None:
    """The quote of a quoted stretch and the index of its speech verb; None for scare quotes
    and titles (a partial quote no speech verb governs) and for stretches with no words."""
    found = classify(ctx, seg)
    if found is None:
        return None
    kind, speaker_tok, verb_tok, rule = found
    if kind == "partial" and verb_tok is None:
        return None  # scare quotes, titles: nobody is quoted
    verb = None
    if verb_tok is not None:
        entry = ctx.verbs[verb_tok.i]
        verb = f"{entry.lemma} {entry.particle}" if entry.particle and entry.kind != "source" else entry.lemma
    speaker = actor_for(ctx.doc, speaker_tok) if speaker_tok is not None else None
    if seg.unbalanced:
        rule += ":unbalanced"
    end = seg.end
    while end > seg.start and ctx.doc.text[end - 1] in ",;:":
        end -= 1
    text = " ".join(ctx.doc.text[s:e] for s, e in seg.pieces)
    text = text[: len(text) - (seg.end - end)] if end < seg.end else text
    q = Quote(id="", speaker=speaker, text=text, start=seg.start, end=end, kind=kind, verb=verb, rule=rule)
    return q, verb_tok.i if verb_tok is not None else None


def _continue_speakers(quotes: list[Quote], orphans, ctx: QuoteContext) -> None:
    """A direct quote with no attribution of its own continues the words of the quote
    attributed just before it: in the same paragraph, or in the previous one when it opens
    its paragraph (the news convention)."""
    last = None  # (block of its end, speaker, verb, end offset)
    for q in quotes:
        if id(q) in orphans and last is not None and q.start >= last[3]:
            block, opens = orphans[id(q)]
            if last[0] == block or (last[0] == block - 1 and opens):
                q.speaker, q.verb = last[1], last[2]
                q.rule = q.rule.replace("direct:none", "direct:continuation" if last[0] == block
                                        else "direct:next-paragraph")
        if id(q) in orphans and q.rule.startswith("direct:none"):
            _preceding_subject(q, ctx)
        if q.verb is not None:
            last = (ctx.block_of(max(q.end - 1, q.start)), q.speaker, q.verb, q.end)


def _preceding_subject(q: Quote, ctx: QuoteContext) -> None:
    """'Santos was blunt. "Sorry is not enough."': a quote with no attribution right after a
    sentence of the same paragraph about an actor is that actor's."""
    i = ctx.tok_at(q.start) - 1
    while i >= 0 and (ctx.sdoc[i].is_space or ctx.in_quote_mark(i)):
        i -= 1
    if i < 0 or ctx.sdoc[i].text not in (".", ":") or ctx.block_of(ctx.sdoc[i].idx) != ctx.block_of(q.start):
        return
    if ctx.in_quote(i):
        return
    root = ctx.sdoc[i].sent.root
    subj = subject_of(root, ctx.verbs)
    if subj is None or ctx.in_quote(subj.i):
        return
    speaker = actor_for(ctx.doc, subj)
    if speaker is not None:
        q.speaker = speaker
        q.rule = q.rule.replace("direct:none", "direct:preceding-subject")
