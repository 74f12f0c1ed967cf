"""JSON Lines corpora read line by line (``polybius ingest``): memory stays flat however big
the file.  Files are streamed; stdin and other byte sources go through ``iter_jsonl_lines``.
"""
from __future__ import annotations

import datetime as _dt
import json
from typing import Iterable, Iterator

from ..config import Settings, load_settings
from ..model import Document
from .checks import decode_bytes
from .checks import finish, skipped
from .text import assemble, parse_date, split_blocks


def iter_jsonl(path: str, settings: Settings | None = None, *, published: _dt.date | None = None,
               outlet: str | None = None) -> Iterator[Document]:
    settings = settings or load_settings()
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        yield skipped(path, "no such file or directory")
        return
    except OSError as exc:
        yield skipped(path, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        yield from iter_jsonl_lines(path, fh, settings, published=published, outlet=outlet)


def iter_jsonl_lines(origin: str, lines: Iterable[bytes], settings: Settings | None = None, *,
                     published: _dt.date | None = None, outlet: str | None = None) -> Iterator[Document]:
    """One article a line: ``id``, ``title``, ``text``, ``published``, ``outlet``, ``url``; only
    ``text`` is required.  A bad line is reported with file and line number."""
    settings = settings or load_settings()
    n = 0
    for raw in lines:
        n += 1
        where = f"{origin}:{n}"
        if not raw.strip():
            continue
        warning = None
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            dec = decode_bytes(raw, settings.replace(max_bytes=max(settings.max_bytes, len(raw))))
            if dec.error:
                yield skipped(where, dec.error)
                continue
            line, warning = dec.text, dec.warning
        line = line.rstrip("\r\n")
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield skipped(where, f"malformed JSON line ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield skipped(where, "JSON line has no string field 'text'", id=rec.get("id") if isinstance(rec, dict) else None)
            continue
        date = published
        if date is None and rec.get("published"):
            date = parse_date(str(rec["published"]))
        text = rec["text"]
        if len(text.encode("utf-8")) > settings.max_bytes:
            yield skipped(where, f"document is over the limit of {settings.max_bytes:,} bytes (setting max_bytes)", id=rec.get("id"))
            continue
        doc = assemble(
            rec.get("title"),
            split_blocks(text),
            id=str(rec["id"]) if rec.get("id") is not None else None,
            outlet=outlet or rec.get("outlet"),
            published=date,
            url=rec.get("url"),
            origin=where,
        )
        yield finish(doc, settings, warning)
