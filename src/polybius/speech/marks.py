"""Finding quoted stretches of text from quote marks alone (no parse needed).

The scanner walks each block (headline, subhead, paragraph) and pairs quote marks:

* curly marks know their direction (“ opens, ” closes); a straight ``"`` toggles;
* single marks (‘ ’ ') are apostrophes when they sit between letters (Iraqi’s, don't)
  and when no single quote is open (countries’); a single quote opens only where a
  matching closing mark follows in the same block;
* marks of the other style inside an open quote are nested quotes and stay inside it;
* a quote still open at the end of a paragraph continues when the next paragraph
  opens with a quote mark (the news convention for quotes spanning paragraphs);
  otherwise it is *unbalanced*: it ends at the paragraph end and an error is recorded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import QuoteMark

_OPEN_CONTEXT = set("([{—–-/\u00a0") | {"\n", "\t", " "}


@dataclass
class Segment:
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when unbalanced
    style: str
    pieces: list[tuple[int, int]] = field(default_factory=list)  # content ranges, one per paragraph
    unbalanced: bool = False
    close_len: int = 1

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    @property
    def outer_end(self) -> int:
        return self.close + self.close_len if self.close is not None else self.end


def paragraph_spans(text: str, blocks) -> list[tuple[int, int]]:
    """Block spans from ``Document.blocks``, or blank-line paragraphs when there are none."""
    if blocks:
        return [(b.start, b.end) for b in blocks]
    spans, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


class MarkScanner:
    def __init__(self, marks: list[QuoteMark]):
        self.opens: dict[str, QuoteMark] = {}
        self.closes: dict[str, list[QuoteMark]] = {}
        for m in marks:
            self.opens.setdefault(m.open, m)
            self.closes.setdefault(m.close, []).append(m)
        self.single = {m.open for m in marks if m.style == "single"} | {m.close for m in marks if m.style == "single"}
        marks_ = sorted(set(self.opens) | set(self.closes), key=len, reverse=True)  # `` before `
        self.rx = re.compile("|".join(re.escape(m) for m in marks_))

    def _closer_ahead(self, text: str, mark: QuoteMark, p: int, end: int) -> bool:
        n = len(mark.close)
        q = text.find(mark.close, p + 1, end)
        while q != -1:
            before = text[q - 1]
            after = text[q + n] if q + n < end else " "
            if not before.isspace() and not after.isalnum():
                return True
            q = text.find(mark.close, q + 1, end)
        return False

    def scan(self, text: str, spans: list[tuple[int, int]]) -> tuple[list[Segment], list[str]]:
        segs: list[Segment] = []
        errors: list[str] = []
        cur: Segment | None = None
        cur_mark: QuoteMark | None = None
        piece_start = 0
        skip = -1  # offset of a continuation mark to pass over
        for bi, (bs, be) in enumerate(spans):
            while be > bs and text[be - 1].isspace():
                be -= 1
            for m in self.rx.finditer(text, bs, be):
                p = m.start()
                if p == skip:
                    continue
                c = m.group()
                prev = text[p - 1] if p > bs else " "
                nxt = text[p + len(c)] if p + len(c) < be else " "
                if c in self.single:
                    if prev.isalnum() and nxt.isalnum():
                        continue  # apostrophe inside a word
                    if cur is not None and cur.style == "double":
                        continue  # nested quote or apostrophe inside a quote
                    if cur is not None:  # a single quote is open
                        if c == cur_mark.close and not prev.isspace() and not nxt.isalnum():
                            if (prev in "sS" and nxt.isspace() and p + 2 < be and text[p + 2].isalnum()
                                    and self._closer_ahead(text, cur_mark, p, be)):
                                continue  # 'Our fleets' boats …': a plural possessive inside the quote
                            cur.close = p
                            cur.pieces.append(_trim(text, piece_start, p))
                            segs.append(cur)
                            cur = None
                        continue
                    mk = self.opens.get(c)
                    if (mk is not None and mk.style == "single" and (p == bs or prev in _OPEN_CONTEXT or prev in self.opens)
                            and not nxt.isspace() and self._closer_ahead(text, mk, p, be)):
                        cur, cur_mark, piece_start = Segment(open=p, close=None, style="single"), mk, p + 1
                    continue  # otherwise an apostrophe (countries’, '90s)
                # double marks
                if cur is not None and cur.style == "single":
                    continue  # nested inside a single quote
                if cur is not None and (c == cur_mark.close or (
                        c in self.closes and not prev.isspace() and not nxt.isalnum())):
                    # the pair's own closer, or another double closer in closing position
                    # (mixed-mark typos such as “…," close the quote too)
                    cur.close, cur.close_len = p, len(c)
                    cur.pieces.append(_trim(text, piece_start, p))
                    segs.append(cur)
                    cur = None
                    continue
                mk = self.opens.get(c)
                if mk is not None and mk.style == "double":
                    if cur is not None:  # a second opener while one is open: the first never closed
                        cur.pieces.append(_trim(text, piece_start, p))
                        cur.unbalanced = True
                        segs.append(cur)
                        errors.append(f"unbalanced quote mark at offset {cur.open}: quote not closed before "
                                      f"the next opening mark at offset {p}")
                    cur, cur_mark, piece_start = Segment(open=p, close=None, style="double"), mk, p + len(c)
                    continue
                if cur is None:
                    errors.append(f"stray closing quote mark {c!r} at offset {p} (no quote open)")
            if cur is not None:
                # Continues into the next paragraph when that one opens with the same mark.
                nxt_block = spans[bi + 1] if bi + 1 < len(spans) else None
                q = None
                if nxt_block is not None:
                    q = nxt_block[0]
                    while q < nxt_block[1] and text[q].isspace():
                        q += 1
                if q is not None and q < len(text) and text.startswith(cur_mark.open, q):
                    cur.pieces.append(_trim(text, piece_start, be))
                    piece_start, skip = q + len(cur_mark.open), q
                    continue
                cur.pieces.append(_trim(text, piece_start, be))
                cur.unbalanced = True
                segs.append(cur)
                errors.append(f"unbalanced quote mark at offset {cur.open}: quote never closed; "
                              f"ended at the paragraph end (offset {be})")
                cur = None
        return [s for s in segs if s.pieces and s.end > s.start], errors


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
