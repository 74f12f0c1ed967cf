"""Where documents come from: files, directories (recursive), several paths, stdin.

The reader is chosen by extension (``.html/.htm`` -> HTML, ``.jsonl/.ndjson`` ->
JSON Lines, streamed; ``.warc(.gz)`` -> web crawl; anything else -> plain-text dump), or by sniffing stdin.  Every
problem becomes a skipped document with a one-line error; nothing raises.
"""
from __future__ import annotations

import datetime as _dt
import io
import os
import stat
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..config import Settings, load_settings
from ..model import Document
from .checks import decode_bytes, finish, skipped, unreadable
from .jsonl import iter_jsonl, iter_jsonl_lines
from .html import document_from_html
from .text import document_from_text

HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson", ".jsonlines"}
WARC_EXT = (".warc", ".warc.gz", ".arc", ".arc.gz")
SKIP_NAMES = {".DS_Store"}


def iter_files(paths: Iterable[str]) -> Iterator[str]:
    for p in paths:
        if p == "-":
            yield p
        elif os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith(".") and f not in SKIP_NAMES:
                        yield os.path.join(root, f)
        else:
            yield p


_SPECIAL = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
            (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def not_regular(path: str) -> str | None:
    """Why ``path`` is not read (a FIFO, socket or device would block or never end), or None
    for a regular file.  Only ``stat`` is called: nothing is opened."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # the reader reports a missing or unreadable path
    if stat.S_ISREG(mode):
        return None
    what = next((name for test, name in _SPECIAL if test(mode)), "not a regular file")
    return f"{what}, not a regular file: skipped (only regular files are read)"


def _kind(origin: str, raw: bytes) -> str:
    ext = Path(origin).suffix.lower()
    if ext in HTML_EXT:
        return "html"
    if ext in JSONL_EXT:
        return "jsonl"
    if origin == "-" or ext == "":
        head = raw[:1024].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")):
            return "html"
        if head.startswith(b"{"):
            return "jsonl"
    return "text"


def read_bytes(origin: str, raw: bytes, settings: Settings, **fields) -> Iterator[Document]:
    kind = _kind(origin, raw)
    if kind == "jsonl":
        yield from iter_jsonl_lines(origin, io.BytesIO(raw), settings, **fields)
        return
    dec = decode_bytes(raw, settings)
    if dec.error:
        yield skipped(origin, dec.error)
        return
    if kind == "html":
        doc = document_from_html(dec.text, origin=origin, **fields)
        if isinstance(doc, str):
            yield skipped(origin, doc)
            return
    else:
        doc = document_from_text(dec.text, origin=origin, **fields)
    yield finish(doc, settings, dec.warning)


def iter_sources(paths: Iterable[str], settings: Settings | None = None, *,
                 published: _dt.date | None = None, outlet: str | None = None,
                 stdin=None) -> Iterator[Document]:
    """Yield a Document (or a skipped one) for every article under ``paths``."""
    settings = settings or load_settings()
    fields = {k: v for k, v in (("published", published), ("outlet", outlet)) if v is not None}
    for origin in iter_files(paths):
        try:
            if origin == "-":
                raw = (stdin or sys.stdin.buffer).read()
            else:
                why = not_regular(origin)
                if why:
                    yield skipped(origin, why)
                    continue
                size = os.path.getsize(origin)
                ext = Path(origin).suffix.lower()
                if origin.lower().endswith(WARC_EXT):  # web crawls: one document per HTML/text response
                    from .warc import iter_warc

                    yield from iter_warc(origin, settings, **fields)
                    continue
                if ext in JSONL_EXT:  # read line by line: memory stays flat on big corpora
                    yield from iter_jsonl(origin, settings, **fields)
                    continue
                if size > settings.max_bytes:
                    yield skipped(origin, f"document is {size:,} bytes, over the limit of {settings.max_bytes:,} (setting max_bytes)")
                    continue
                raw = Path(origin).read_bytes()
        except OSError as exc:
            yield unreadable(origin, exc)
            continue
        yield from read_bytes(origin, raw, settings, **fields)


def read_paths(paths: Iterable[str], **kw) -> list[Document]:
    return list(iter_sources(paths, **kw))


def read_text(text: str, settings: Settings | None = None, origin: str = "<text>", **fields) -> Document:
    """A document from a string (plain-text dump conventions)."""
    settings = settings or load_settings()
    if len(text.encode("utf-8")) > settings.max_bytes:
        return skipped(origin, f"document is over the limit of {settings.max_bytes:,} bytes (setting max_bytes)")
    return finish(document_from_text(text, origin=origin, **fields), settings)
