"""Per-document state of the speech stage: made for each document, never kept on a finder.

:class:`SpeechContext` is what the stage makes for a document and hands to both finders:
the document, its parse, and its speech verbs (token index -> entry).  Quotes are
attributed through the speech verbs; stances read them to tell a reported clause ("said
the base would stay") from the reporter's own words.  :class:`QuoteContext` adds the quote
finder's working state: the quoted stretches, token masks and attribution windows;
:class:`StanceContext` the stance finder's: concept mentions, cues found, propositions.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Document, Quote
from .lexicon import SpeechVerb, StanceLexicon
from .marks import Segment

if TYPE_CHECKING:
    from .propositions import PropMention

_SENT_END = {".", "!", "?"}
_CLAUSE_START_CHARS = set(":,.?!;—–-([")


@dataclass
class SpeechContext:
    doc: Document
    sdoc: Any  # the spaCy Doc
    verbs: dict[int, SpeechVerb]  # speech verbs by token index


class QuoteContext:
    """The quote finder's per-document state: token lookups, quote masks, attribution windows."""

    def __init__(self, speech: SpeechContext, spans: list[tuple[int, int]], segs: list[Segment]):
        self.doc, self.sdoc, self.verbs = speech.doc, speech.sdoc, speech.verbs
        self.spans, self.segs = spans, segs
        self.kinds: dict[int, str] = {}  # opening-mark offset -> direct | partial
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

    def in_headline(self, seg: Segment) -> bool:
        """The quote opens in a headline or subhead block."""
        blocks = self.doc.blocks
        b = self.block_of(seg.open)
        return bool(blocks) and b < len(blocks) and blocks[b].kind in ("headline", "subhead")


@dataclass
class Found:
    """A stance as a cue finds it, before its target is resolved to a proposition."""

    holders: list[str]
    polarity: str
    target: object  # PropMention | ("ref", token) | ("neg", PropMention) | ("concept-theme", Concept, countries)
    evidence: tuple[int, int]
    rule: str
    cue_token: object = None
    addressee: list[str] = field(default_factory=list)


@dataclass
class StanceContext:
    """The stance finder's per-document state, filled in order: concept mentions, the stances
    the cues find (``found``), the propositions the mentions merge into (``clusters`` and
    their ``labels``)."""

    doc: Document
    sdoc: Any
    lex: StanceLexicon
    speech: set[int]  # token indices of the speech verbs
    hits: dict[str, list[int]]  # the finder's single-token lookups: name -> token indices
    quotes: list[Quote]  # the direct quotes (only their speakers' own "we"/"I" hold stances)
    mentions: dict[int, PropMention] = field(default_factory=dict)
    found: list[Found] = field(default_factory=list)
    clusters: list[list[PropMention]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    @property
    def syn(self) -> dict[str, str]:
        return self.lex.props["theme_synonyms"]

    @property
    def hyp(self) -> set[str]:
        return self.lex.props["hypothetical_aux"]
