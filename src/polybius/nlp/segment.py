"""Parse documents with spaCy so that sentences respect the article's structure.

The headline, each subhead and each paragraph are blocks (written by ingest);
the first token of every block is marked as a sentence start *before* the parser
runs, and the parser keeps preset boundaries, so no sentence crosses a block. A news
dateline ("KHARTOUM —") ends a sentence of its own.
Documents are parsed in batches with ``nlp.pipe``.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START

from ..model import Document, Sentence


# A sentence can only start after a token ending in one of these (or at a block start).
# The small English parser otherwise breaks inside sentences such as "Egypt | on Monday
# called for talks", leaving the subject outside the tree.
SENTENCE_CLOSERS = frozenset('.!?…:;"”’\')]')


# A news dateline opening a paragraph: "KHARTOUM —", "LIMA, Peru (Reuters) -", "WASHINGTON, Nov 3 —".
# What follows it starts a sentence, so the parser does not take the place for the subject.
DATELINE = re.compile(r"[A-Z][A-Z.'’\- ]{2,40}(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Za-z0-9.]+){0,3})?"
                      r"\s*(?:\([A-Za-z .]{1,30}\)\s*)?[—–-]{1,2}\s+(?=[A-Z“\"'])")


def _starts(doc: Document) -> set[int]:
    """Offsets that open a sentence: every block's start, and the words after a dateline."""
    starts = {b.start for b in doc.blocks}
    for b in doc.blocks:
        if b.kind != "paragraph":
            continue
        m = DATELINE.match(doc.text, b.start, b.end)
        if m and m.end() < b.end:
            starts.add(m.end())
    return starts


def _prepare(nlp, doc: Document):
    """The tokenised document with its preset sentence starts (1) and non-starts (-1).

    Works on arrays of token offsets rather than Token objects (it runs on every token)."""
    sdoc = nlp.make_doc(doc.text)
    n = len(sdoc)
    if n < 2:
        return sdoc
    arr = sdoc.to_array([IDX, LENGTH, IS_SPACE])
    idx, length, space = arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist()
    text = sdoc.text
    starts = _starts(doc)
    flags = [0] * n
    prev = 0  # the previous non-space token (or the first token)
    for i in range(1, n):
        if space[i]:
            continue
        # The first non-space token at or after a block start opens a sentence.
        if idx[i] in starts or (space[i - 1] and _block_start_between(idx[i - 1], idx[i], starts)):
            flags[i] = 1
        elif text[idx[prev] + length[prev] - 1] not in SENTENCE_CLOSERS:
            flags[i] = -1
        prev = i
    sdoc.from_array([SENT_START], numpy.array(flags, dtype=numpy.int64).astype(numpy.uint64))
    return sdoc


def _prepare_tokens(nlp, doc: Document):
    """:func:`_prepare` written over Token objects (the reference the tests compare it with)."""
    sdoc = nlp.make_doc(doc.text)
    starts = _starts(doc)
    prev = None  # the previous non-space token
    for tok in sdoc:
        if tok.i == 0:
            prev = tok
            continue
        if tok.is_space:
            continue
        if tok.idx in starts or (sdoc[tok.i - 1].is_space and _block_start_between(sdoc[tok.i - 1].idx, tok.idx, starts)):
            tok.is_sent_start = True
        elif prev is not None and prev.text[-1] not in SENTENCE_CLOSERS:
            tok.is_sent_start = False
        prev = tok
    return sdoc


def _block_start_between(lo: int, hi: int, starts: set[int]) -> bool:
    return any(lo <= s <= hi for s in starts)


def _block_index(doc: Document, offset: int) -> int | None:
    for i, b in enumerate(doc.blocks):
        if b.start <= offset < b.end:
            return i
    return None


def sentences_from(doc: Document, sdoc) -> list[Sentence]:
    out = []
    for s in sdoc.sents:
        # Trim surrounding whitespace so offsets cover the words only.
        toks = [t for t in s if not t.is_space]
        if not toks:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        out.append(Sentence(start=start, end=end, block=_block_index(doc, start)))
    return out


def parse_documents(nlp, docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
    """Attach the spaCy parse (``doc.nlp``) and sentences to each document, in order.

    Skipped documents (bad input) pass through untouched."""
    pending: list[Document] = []

    def flush():
        todo = [d for d in pending if not d.skipped]
        parsed = nlp.pipe((_prepare(nlp, d) for d in todo), batch_size=batch_size)
        for d, sdoc in zip(todo, parsed):
            d.nlp = sdoc
            d.sentences = sentences_from(d, sdoc)
        yield from pending
        pending.clear()

    for d in docs:
        pending.append(d)
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()
