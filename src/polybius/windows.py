"""Long documents coded in bounded windows of paragraph blocks, merged back into one document.

Parsing and coding one document costs more than its length (the stages compare mentions,
triggers and events within a document, and spaCy refuses a text over a million characters), so
a document longer than ``settings.window_words`` is cut into windows: consecutive blocks, a
window closing at the first block boundary once it holds ``window_words`` words (a single block
longer than that is cut after a sentence end).  Each window is parsed and coded through the
stages as a document of its own; :class:`Merger` then joins the windows into the one document:

- every offset is shifted into the whole text, sentence indices and block indices likewise;
- ids are renumbered in text order (A1.., E1.., Q1..);
- an actor of a later window is the same actor as an earlier one with the same code and name,
  or from the same dictionary entry (its mentions join that actor's);
- an event stated again in a later window with the same code, actors, negation, modality and
  date is one event (its evidence joins the first statement's).

A pronoun or "the president" at the start of a window cannot reach back to an antecedent in an
earlier window; named actors are joined across windows.  Documents up to ``window_words`` words
are coded whole, exactly as before.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from .model import Actor, Block, Document, Event, Span

# Where a block too long for one window may be cut: after a sentence end, before a capital.
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_WORD = re.compile(r"\S+")
_OFFSET = re.compile(r"(offset )(\d+)")
_ENTRY = re.compile(r"^dictionary entry '[^']*' \(([^)]+)\)")


def is_long(doc: Document, window_words: int) -> bool:
    """More than ``window_words`` words (cheap for short texts: a word takes two characters)."""
    if doc.skipped or window_words <= 0 or len(doc.text) <= 2 * window_words:
        return False
    return len(doc.text.split()) > window_words


def _pieces(doc: Document, window_words: int) -> Iterator[tuple[int, int, int, int]]:
    """``(block index, start, end, words)`` of every block; a block over ``window_words`` words
    is cut into pieces of about that many words, after a sentence end (or, when no sentence
    ends within twice that many words, between two words)."""
    blocks = doc.blocks or [Block("paragraph", 0, len(doc.text))]
    for bi, b in enumerate(blocks):
        start = b.start
        while True:
            words = [m.end() for m, _ in zip(_WORD.finditer(doc.text, start, b.end), range(2 * window_words))]
            if len(words) <= window_words:
                break
            cut = _SENTENCE_END.search(doc.text, words[window_words - 1], words[-1])
            end = cut.end() if cut else words[-1]
            if end >= b.end:
                break
            yield bi, start, end, len(doc.text[start:end].split())
            start = end
        yield bi, start, b.end, len(doc.text[start:b.end].split())


def split(doc: Document, window_words: int) -> Iterator[tuple[int, Document, list[int]]]:
    """The windows of ``doc``: ``(offset into doc.text, window document, block index in doc of
    each of the window's blocks)``.  Windows close at a block boundary once they hold
    ``window_words`` words."""
    window: list[tuple[int, int, int, int]] = []
    words = 0
    for piece in _pieces(doc, window_words):
        window.append(piece)
        words += piece[3]
        if words >= window_words:
            yield _window(doc, window)
            window, words = [], 0
    if window:
        yield _window(doc, window)


def _window(doc: Document, pieces: list[tuple[int, int, int, int]]) -> tuple[int, Document, list[int]]:
    off, end = pieces[0][1], pieces[-1][2]
    blocks = doc.blocks or [Block("paragraph", 0, len(doc.text))]
    sub = Document(text=doc.text[off:end], id=doc.id, title=doc.title, outlet=doc.outlet,
                   published=doc.published, url=doc.url, language=doc.language, origin=doc.origin)
    sub.blocks = [Block(blocks[bi].kind, s - off, e - off) for bi, s, e, _ in pieces]
    return off, sub, [bi for bi, *_ in pieces]


class Merger:
    """Joins coded windows, in text order, into the long document they were cut from."""

    def __init__(self, doc: Document):
        self.doc = doc
        doc.sentences, doc.actors, doc.events, doc.quotes, doc.stances = [], [], [], [], []
        self._actor_keys: dict[tuple, Actor] = {}
        self._event_keys: dict[tuple, Event] = {}
        self._story = None

    def add(self, off: int, sub: Document, block_map: list[int]) -> None:
        """Add one coded window (``off``: where its text starts in the whole text)."""
        doc = self.doc
        n_sent = len(doc.sentences)
        if not doc.blocks:  # a document without blocks: its sentences name none
            block_map = []
        for s in sub.sentences:
            doc.sentences.append(replace(s, start=s.start + off, end=s.end + off,
                                         block=block_map[s.block] if s.block is not None and s.block < len(block_map) else None))
        ids = {a.id: self._actor(a, off) for a in sub.actors}
        for e in sub.events:
            self._event(e, off, n_sent, ids)
        for q in sub.quotes:
            doc.quotes.append(replace(q, id=f"Q{len(doc.quotes) + 1}", speaker=ids.get(q.speaker),
                                      start=q.start + off, end=q.end + off))
        for st in sub.stances:
            doc.stances.append(replace(st, holder=ids.get(st.holder, st.holder), evidence=_shift(st.evidence, off)))
        doc.errors.extend(_OFFSET.sub(lambda m: m.group(1) + str(int(m.group(2)) + off), err) for err in sub.errors)
        if self._story is None:
            self._story = sub.extras.get("story_country")

    def _actor(self, a: Actor, off: int) -> str:
        mentions = [replace(m, start=m.start + off, end=m.end + off) for m in a.mentions]
        keys = [("name", a.code, a.name)]
        entry = _ENTRY.match(a.reason or "")
        if entry:
            keys.append(("entry", entry.group(1)))
        known = next((self._actor_keys[k] for k in keys if k in self._actor_keys), None)
        if known is None:
            known = replace(a, id=f"A{len(self.doc.actors) + 1}", mentions=mentions)
            self.doc.actors.append(known)
        else:
            known.mentions.extend(mentions)
        for k in keys:
            self._actor_keys.setdefault(k, known)
        return known.id

    def _event(self, e: Event, off: int, n_sent: int, ids: dict[str, str]) -> None:
        e = replace(e, sentence=e.sentence + n_sent, source=ids.get(e.source), target=ids.get(e.target),
                    trigger=Span(e.trigger.start + off, e.trigger.end + off), evidence=_shift(e.evidence, off))
        key = (e.cameo, e.source, e.target, e.negated, e.modality,
               (e.date.start, e.date.end) if e.date else None)
        known = self._event_keys.get(key)
        if known is not None and (e.source or e.target):
            known.evidence.extend(e.evidence)  # spans of another window: never the same spans
            known.confidence = max(known.confidence, e.confidence)
            return
        e.id = f"E{len(self.doc.events) + 1}"
        self.doc.events.append(e)
        self._event_keys.setdefault(key, e)

    def finish(self) -> Document:
        self.doc.extras["story_country"] = self._story
        return self.doc


def _shift(spans: list[Span], off: int) -> list[Span]:
    return [Span(sp.start + off, sp.end + off) for sp in spans]
