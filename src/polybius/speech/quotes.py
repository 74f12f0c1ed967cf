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
from .lexicon import Lexicon, SpeechVerb
from .marks import MarkScanner, Segment, paragraph_spans

_SENT_END = {".", "!", "?"}
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_CLIMB = {"xcomp", "conj", "advcl", "pcomp", "prep", "acomp"}
_CLAUSE_START_CHARS = set(":,.?!;—–-([")
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
        subs = sorted((c for c in t.children if c.dep_ in _SUBJ), key=lambda c: c.dep_ == "csubj")
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


class QuoteFinder:
    def __init__(self, nlp, lexicon: Lexicon | None = None):
        self.lex = lexicon or Lexicon()
        self.scanner = MarkScanner(self.lex.marks)
        self.matcher = TokenLookup()  # one single-token pattern: matched over the Doc's arrays
        self.matcher.add("SPEECH", self.lex.verbs, ["VERB", "AUX"])

    # -- speech verbs ----------------------------------------------------------
    def speech_verbs(self, sdoc) -> dict[int, SpeechVerb]:
        out = {}
        for s in self.matcher(sdoc).get("SPEECH", ()):
            tok = sdoc[s]
            if tok.dep_ in ("amod", "compound"):
                continue  # "so-called", "the said agreement": not a speech act
            entries = self.lex.verbs.get(tok.lemma_.lower(), [])
            kids = {c.lower_ for c in tok.children}
            chosen = None
            for e in entries:
                if e.particle and e.particle in kids:
                    chosen = e
                    break
            if chosen is None:
                chosen = next((e for e in entries if e.particle is None), None)
            if chosen is not None:
                out[s] = chosen
        return out

    # -- main -------------------------------------------------------------------
    def __call__(self, doc: Document) -> list[Quote]:
        sdoc = doc.nlp
        spans = paragraph_spans(doc.text, doc.blocks)
        segs, errors = self.scanner.scan(doc.text, spans)
        where = doc.origin or doc.id
        doc.errors.extend(f"{where}: {e}" for e in errors)
        if sdoc is None:
            return []
        verbs = self.speech_verbs(sdoc)
        doc.extras["speech_verbs"] = set(verbs)  # for the stance finder
        ctx = _Context(doc, sdoc, spans, segs, verbs)
        quotes: list[Quote] = []
        used_verbs: set[int] = set()
        orphans: dict[int, tuple[int, bool]] = {}  # id(quote) -> (block, opens its block)
        for seg in segs:
            q = ctx.classify(seg)
            if q is None:
                continue
            kind, speaker_tok, verb_tok, rule = q
            verb = verbs[verb_tok.i].lemma if verb_tok is not None else None
            if verb_tok is not None and verbs[verb_tok.i].particle and verbs[verb_tok.i].kind != "source":
                verb = f"{verb} {verbs[verb_tok.i].particle}"
            speaker = actor_for(doc, speaker_tok) if speaker_tok is not None else None
            block = ctx.block_of(seg.open)
            if kind == "partial" and verb_tok is None:
                continue  # scare quotes, titles: nobody is quoted
            if verb_tok is not None:
                used_verbs.add(verb_tok.i)
            if seg.unbalanced:
                rule += ":unbalanced"
            end = seg.end
            while end > seg.start and doc.text[end - 1] in ",;:":
                end -= 1
            text = " ".join(doc.text[s:e] for s, e in seg.pieces)
            text = text[: len(text) - (seg.end - end)] if end < seg.end else text
            q = Quote(id="", speaker=speaker, text=text, start=seg.start, end=end, kind=kind, verb=verb, rule=rule)
            quotes.append(q)
            if rule.startswith("direct:none") and ctx.starts_clause(seg):
                orphans[id(q)] = (block, ctx.opens_block(seg))
        quotes.extend(self.indirect(doc, ctx, verbs, used_verbs))
        quotes.extend(self.according_to(doc, ctx, verbs, used_verbs, quotes))
        quotes.sort(key=lambda q: (q.start, q.end))
        self._continue_speakers(quotes, orphans, ctx)
        for i, q in enumerate(quotes, 1):
            q.id = f"Q{i}"
        return quotes

    @staticmethod
    def _continue_speakers(quotes, orphans, ctx) -> None:
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
                QuoteFinder._preceding_subject(q, ctx)
            if q.verb is not None:
                last = (ctx.block_of(max(q.end - 1, q.start)), q.speaker, q.verb, q.end)

    @staticmethod
    def _preceding_subject(q, ctx) -> None:
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

    def indirect(self, doc, ctx, verbs, used_verbs) -> list[Quote]:
        out = []
        direct_spans = [(s.open, s.outer_end) for s in ctx.segs if ctx.kinds.get(s.open) == "direct"]
        for i, entry in verbs.items():
            if entry.kind == "source" or ctx.in_quote(i):
                continue
            v = ctx.sdoc[i]
            if any(c.dep_ == "neg" for c in v.children):
                continue
            if (v.dep_ in ("advcl", "acl") and v.i < v.head.i and (v.tag_ == "VBN" or v.i == v.sent.start)
                    and not any(c.dep_ in _SUBJ for c in v.children)):
                continue  # "Asked whether he would resign, …": the asker is someone else
            heads = [v] + [c for c in v.children if entry.particle and c.lower_ == entry.particle]
            clause, rule = None, "indirect:ccomp"
            for h in heads:
                for c in h.children:
                    if c.i <= v.i or c.pos_ not in ("VERB", "AUX"):
                        continue
                    marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
                    if c.dep_ == "ccomp" or (c.dep_ in ("advcl", "acl") and "that" in marks):
                        clause = c
                        break
                if clause is not None:
                    break
            if clause is None and v.dep_ == "ROOT":
                # reported words first, attribution after: "The talks failed, the minister said."
                subj = next((c for c in v.children if c.dep_ in _SUBJ), None)
                for c in v.children:
                    if (c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and subj is not None
                            and c.right_edge.i < subj.left_edge.i
                            and (ctx.sdoc[c.right_edge.i + 1].text in (",", "—", "–") or ctx.sdoc[c.right_edge.i].text == ",")):
                        if (entry.lemma in self.lex.fronted or subj.pos_ in ("PROPN", "PRON")
                                or actor_for(doc, subj) is not None):
                            clause, rule = c, "indirect:fronted"
                        break
            if clause is None:
                continue
            if clause.left_edge.i < v.i < clause.right_edge.i:
                continue  # the verb sits inside its own "clause" (relative: "which he said was …")
            # "said X happened and that Y followed": two reported clauses
            clauses = [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                                  and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
            subj = subject_of(v, verbs)
            speaker = actor_for(doc, subj) if subj is not None else None
            verb = entry.lemma if not entry.particle else f"{entry.lemma} {entry.particle}"
            for k, cl in enumerate(clauses):
                q = self._clause_quote(doc, ctx, verbs, v, cl, clauses[k + 1] if k + 1 < len(clauses) else None,
                                       direct_spans, k == 0)
                if q is not None:
                    out.append(Quote(id="", speaker=speaker, text=doc.text[q[0]:q[1]], start=q[0], end=q[1],
                                     kind="indirect", verb=verb, rule=rule))
        return out

    @staticmethod
    def according_to(doc, ctx, verbs, used_verbs, found) -> list[Quote]:
        """'The strike killed 12 people, according to local officials.': the sentence, less the
        attribution phrase, is the source's reported words (``indirect:according-to``)."""
        out = []
        for i, entry in verbs.items():
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
            out.append(Quote(id="", speaker=actor_for(doc, src), text=doc.text[start:end], start=start, end=end,
                             kind="indirect", verb=entry.lemma, rule="indirect:according-to"))
        return out

    @staticmethod
    def _clause_quote(doc, ctx, verbs, v, clause, next_clause, direct_spans, first):
        """Character span of a reported clause, or None when it is not a quote of its own."""
        toks = [t for t in clause.subtree if not ctx.in_quote_mark(t.i)]
        if len(toks) < 3 or not any(c.dep_ in _SUBJ or c.dep_ in ("expl", "mark") for c in clause.children):
            return None
        start_tok = clause.left_edge if first else next((m for m in clause.children if m.dep_ == "mark"),
                                                          clause.left_edge)
        end_tok = clause.right_edge
        if next_clause is not None:
            end_tok = ctx.sdoc[max(clause.i, next_clause.left_edge.i - 1)]
        for c in clause.children:  # "…that X happened and denied that …": the denial is not reported
            if c.dep_ == "conj" and c.i in verbs and not any(k.dep_ in _SUBJ for k in c.children):
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


class _Context:
    """Per-document working state: token lookups, quote masks, attribution windows."""

    def __init__(self, doc, sdoc, spans, segs, verbs):
        self.doc, self.sdoc, self.spans, self.segs, self.verbs = doc, sdoc, spans, segs, verbs
        self.kinds: dict[int, str] = {}
        self.quote_tok: list[tuple[int, int]] = []  # token index ranges (open mark .. close mark)
        self.mark_toks: set[int] = set()
        for s in segs:
            a = self.tok_at(s.open)
            b = self.tok_at(s.close) if s.close is not None else self.tok_at(s.end - 1)
            self.quote_tok.append((a, b))
            self.mark_toks.add(a)
            if s.close is not None:
                self.mark_toks.add(b)
        self._starts = [b[0] for b in spans]

    def tok_at(self, char: int) -> int:
        span = self.sdoc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            # whitespace: the next token
            for t in self.sdoc:
                if t.idx >= char:
                    return t.i
            return len(self.sdoc) - 1
        return span[0].i

    def in_quote(self, i: int) -> bool:
        return any(a <= i <= b for a, b in self.quote_tok)

    def in_quote_mark(self, i: int) -> bool:
        return i in self.mark_toks

    def block_of(self, char: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def opens_block(self, seg: Segment) -> bool:
        bs = self.spans[self.block_of(seg.open)][0]
        return not self.doc.text[bs : seg.open].strip()

    def _prev_char(self, seg: Segment) -> str | None:
        bs = self.spans[self.block_of(seg.open)][0]
        before = self.doc.text[bs : seg.open].rstrip()
        return before[-1] if before else None

    def starts_clause(self, seg: Segment) -> bool:
        pc = self._prev_char(seg)
        return pc is None or pc in _CLAUSE_START_CHARS or pc in "\"”’'"

    # windows: reporter's words before and after a quote, inside the block and sentence
    def before(self, seg: Segment) -> list:
        bs = self.spans[self.block_of(seg.open)][0]
        i = self.tok_at(seg.open) - 1
        out = []
        while i >= 0:
            t = self.sdoc[i]
            if t.idx < bs or t.text in _SENT_END or self.in_quote(i):
                break
            out.append(t)
            i -= 1
        return out[::-1]

    def after(self, seg: Segment) -> list:
        if seg.close is None:
            return []
        be = self.spans[self.block_of(seg.close)][1]
        i = self.tok_at(seg.close) + 1
        out = []
        while i < len(self.sdoc):
            t = self.sdoc[i]
            if t.idx >= be or self.in_quote(i):
                break
            out.append(t)
            if t.text in _SENT_END:
                break
            i += 1
        return out

    def classify(self, seg: Segment):
        """-> (kind, speaker token, verb token, rule) or None."""
        doc, sdoc = self.doc, self.sdoc
        content = sdoc.char_span(seg.start, seg.end, alignment_mode="expand")
        if content is None:
            return None
        words = [t for t in content if not (t.is_punct or t.is_space) and not self.in_quote_mark(t.i)]
        if not words:
            return None
        last = doc.text[seg.end - 1]
        ends_punct = last in ",.?!;—–"
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
        clause_start = self.starts_clause(seg)
        if (clause_start and (has_verb or ends_punct)) or (last in ".?!" and has_verb and len(words) >= 4) or len(seg.pieces) > 1:
            kind = "direct"
        else:
            kind = "partial"
        self.kinds[seg.open] = kind
        if kind == "partial":
            return self._partial(seg, content)
        # 1. attribution after the quote: '"…," X said' / '"…," said X'
        after = self.after(seg)
        if after and (last not in ".?!" or after[0].text[:1].islower() or after[0].i in self.verbs):
            verb = next((t for t in after if t.pos_ == "VERB"), None)
            if (verb is not None and verb.i in self.verbs and self.verbs[verb.i].kind != "source"
                    and after.index(verb) <= 8):
                if not any(c.dep_ == "ccomp" and c.i > verb.i and c in after for c in verb.children):
                    subj = self._speaker(verb, after)
                    return kind, subj, verb, "direct:after-verb"
            src = self._source_phrase(after)
            if src is not None:
                return kind, src[0], src[1], "direct:according-to"
        # 2. attribution before the quote: 'X said: "…"', 'X said, "…"', '… he said, "…"'
        before = self.before(seg)
        if before:
            cands = [t for t in before if t.i in self.verbs and self.verbs[t.i].kind != "source"]
            if cands:
                verb = cands[-1]
                subj = self._speaker(verb, before)
                return kind, subj, verb, "direct:before-verb"
            src = self._source_phrase(before)
            if src is not None:
                return kind, src[0], src[1], "direct:according-to"
            if before[-1].text == ":":
                root = self._clause_root(before)
                if root is not None:
                    subj = subject_of(root, self.verbs)
                    if subj is not None:
                        return kind, subj, None, "direct:colon"
        # headline style: 'Minister: "We will act"' / '"We will act": Minister'
        if self._headline(seg):
            if before and before[-1].text == ":" and not any(t.pos_ in ("VERB", "AUX") for t in before):
                head = self._np_head(before[:-1])
                if head is not None:
                    return kind, head, None, "direct:headline-label"
            if after and after[0].text == ":" and not any(t.pos_ in ("VERB", "AUX") for t in after):
                head = self._np_head(after[1:])
                if head is not None:
                    return kind, head, None, "direct:headline-label"
        return kind, None, None, "direct:none"

    def _headline(self, seg) -> bool:
        blocks = self.doc.blocks
        b = self.block_of(seg.open)
        return bool(blocks) and b < len(blocks) and blocks[b].kind in ("headline", "subhead")

    @staticmethod
    def _np_head(toks):
        """The head of a short noun phrase (the token whose head lies outside it)."""
        toks = [t for t in toks if not t.is_punct]
        if not toks or len(toks) > 6:
            return None
        ids = {t.i for t in toks}
        heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
        return heads[0] if heads and heads[0].pos_ in ("PROPN", "NOUN") else None

    def _speaker(self, verb, window):
        subj = subject_of(verb, self.verbs)
        if subj is not None and not self.in_quote(subj.i):
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

    def _source_phrase(self, window):
        """'according to X' -> (X token, the 'according' token)."""
        for t in window:
            e = self.verbs.get(t.i)
            if e is not None and e.kind == "source":
                for c in t.children:
                    if c.lower_ == e.particle:
                        objs = [o for o in c.children if o.dep_ == "pobj"]
                        if objs:
                            return objs[0], t
        return None

    def _clause_root(self, window):
        ids = {t.i for t in window}
        for t in window:
            if t.pos_ in ("VERB", "AUX") and (t.head.i not in ids or t.head.i == t.i):
                return t
        return None

    def _partial(self, seg, content):
        first = content[0]
        sent = first.sent
        # a speech verb governing the quoted words
        h = first
        for _ in range(12):
            if h.head.i == h.i:
                break
            h = h.head
            if h.i in self.verbs and not self.in_quote(h.i) and self.verbs[h.i].kind != "source":
                return "partial", subject_of(h, self.verbs), h, "partial:governing-verb"
        # else the nearest speech verb of the sentence, before the quote first
        cands = [t for t in sent if t.i in self.verbs and not self.in_quote(t.i) and self.verbs[t.i].kind != "source"]
        if cands:
            before = [t for t in cands if t.i < first.i]
            verb = before[-1] if before else cands[0]
            return "partial", subject_of(verb, self.verbs), verb, "partial:sentence-verb"
        src = self._source_phrase(list(sent))
        if src is not None:
            return "partial", src[0], src[1], "partial:according-to"
        return "partial", None, None, "partial:none"
