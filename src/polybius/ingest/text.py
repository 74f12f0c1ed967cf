"""Plain-text news dumps -> Document with headline, subheads and paragraphs.

Conventions (see docs/ingest.md):
- the first non-empty line is the headline; an identical line right after it is collapsed;
- header lines ``Key: value`` right after the headline (keys in ``data/ingest/header_keys.txt``:
  ``Source: Al Jazeera`` gives the outlet, ``Date:`` the publication date, ``URL:`` the url);
- blank lines separate blocks; a block that is one short line with no closing punctuation is
  a subhead, kept as its own unit;
- lines matching ``data/ingest/boilerplate.txt`` are dropped, wherever they stand.

The analysed text is the headline, then each block, joined by blank lines; every
block's offsets are recorded in ``Document.blocks``.
"""
from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from ..config import DATA_DIR
from ..model import Block, Document

SUBHEAD_MAX_WORDS = 12
# A first line ending in a full stop with more words than this is a lead paragraph, not a headline.
HEADLINE_MAX_SENTENCE_WORDS = 15
_CLOSING = tuple('.!?:;,"”’\')…')


@lru_cache(maxsize=None)
def boilerplate_patterns() -> tuple[re.Pattern, ...]:
    pats = []
    for line in (DATA_DIR / "ingest" / "boilerplate.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            pats.append(re.compile(line, re.IGNORECASE))
    return tuple(pats)


@lru_cache(maxsize=None)
def header_keys() -> dict[str, str]:
    keys = {}
    for line in (DATA_DIR / "ingest" / "header_keys.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            k, field = line.split("\t")
            keys[k.strip().lower()] = field.strip()
    return keys


def is_boilerplate(line: str) -> bool:
    s = line.strip()
    return any(p.fullmatch(s) for p in boilerplate_patterns())


def _header(line: str) -> tuple[str, str] | None:
    m = re.match(r"^\s*([A-Za-z]+)\s*:\s*(.+?)\s*$", line)
    if m and m.group(1).lower() in header_keys():
        return header_keys()[m.group(1).lower()], m.group(2)
    return None


def is_subhead(line: str) -> bool:
    s = line.strip()
    if not s or "\n" in s:
        return False
    words = s.split()
    return len(words) <= SUBHEAD_MAX_WORDS and not s.endswith(_CLOSING) and s[0].isupper()


def parse_date(value: str) -> _dt.date | None:
    value = value.strip()
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    import dateparser

    d = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": False})
    return d.date() if d else None


def split_blocks(body: str) -> list[str]:
    """Blank-line separated blocks; inside a block, a line that closes a sentence and is
    followed by a capitalised line starts a new paragraph (one paragraph a line dumps),
    while other line breaks are soft wraps."""
    blocks: list[str] = []
    for raw in re.split(r"\n\s*\n", body.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [l.strip() for l in raw.split("\n") if l.strip()]
        cur: list[str] = []
        for line in lines:
            if cur and (cur[-1].endswith(_CLOSING) or is_subhead(cur[-1])) and line[:1].isupper():
                blocks.append(" ".join(cur))
                cur = []
            cur.append(line)
        if cur:
            blocks.append(" ".join(cur))
    return blocks


def assemble(title: str | None, blocks: list[str], **fields) -> Document:
    """Build the analysed text and its blocks from a headline and body blocks."""
    parts: list[tuple[str, str]] = []
    if title:
        parts.append(("headline", title.strip()))
    body = [b for b in blocks if b.strip()]
    # A body that repeats the headline (common in dumps and feeds) is not read twice.
    while title and body and body[0].strip() == title.strip():
        body.pop(0)
    for i, b in enumerate(body):
        kind = "subhead" if is_subhead(b) and i < len(body) - 1 else "paragraph"
        parts.append((kind, b.strip()))
    text, out_blocks, pos = [], [], 0
    for kind, t in parts:
        if text:
            text.append("\n\n")
            pos += 2
        out_blocks.append(Block(kind=kind, start=pos, end=pos + len(t)))
        text.append(t)
        pos += len(t)
    doc = Document(text="".join(text), title=title.strip() if title else None, **fields)
    doc.blocks = out_blocks
    return doc


def document_from_text(raw: str, *, title: str | None = None, **fields) -> Document:
    """Read a plain-text news dump (see module docstring)."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [l for l in lines if not (l.strip() and is_boilerplate(l))]
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    meta: dict = {}
    if title is None and i < len(lines):
        candidate = lines[i].strip()
        # A first line that is a header or a long paragraph is not a headline.
        n_words = len(candidate.split())
        if _header(candidate) is None and not (n_words > 30 or (n_words > HEADLINE_MAX_SENTENCE_WORDS and candidate.endswith("."))):
            title = candidate
            i += 1
    # Collapse a repeated headline and read header lines that follow it.
    while i < len(lines):
        s = lines[i].strip()
        if not s or (title and s == title):
            i += 1
            continue
        h = _header(s)
        if h is None:
            break
        meta.setdefault(h[0], h[1])
        i += 1
    for key, value in meta.items():
        if fields.get(key) is None:
            if key == "published":
                value = parse_date(value)
            fields[key] = value
    return assemble(title, split_blocks("\n".join(lines[i:])), **fields)
