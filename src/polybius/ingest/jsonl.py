"""JSON Lines corpora read line by line (``polybius ingest``): memory stays flat however big
the file.  Files are streamed; stdin and other byte sources go through ``iter_jsonl_lines``.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Iterable, Iterator

from ..config import Settings, load_settings
from ..model import Document
from .checks import decode_bytes, finish, skipped, unreadable
from .text import assemble, split_blocks


# Fields of a record that say when it was retrieved: a relative ``published`` ("yesterday") is
# resolved against the first one present, never against the day of the run.
BASE_DATE_FIELDS = ("retrieved", "crawled", "fetched")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PROBES = (_dt.datetime(2001, 1, 15), _dt.datetime(2011, 7, 20))  # two unrelated days


def _absolute(value: str) -> _dt.date | None | str:
    """The day ``value`` names (ISO, or any form dateparser reads), None when it is not a
    date, ``"relative"`` when the day depends on when it is read ("yesterday", "March 3")."""
    m = _ISO.match(value)
    if m:
        try:
            return _dt.date(*map(int, m.groups()))
        except ValueError:
            return None
    import dateparser

    got = [dateparser.parse(value, languages=["en"], settings={"RELATIVE_BASE": b}) for b in _PROBES]
    if got[0] is None or got[1] is None:
        return None
    return got[0].date() if got[0].date() == got[1].date() else "relative"


def record_date(value, rec: dict) -> tuple[_dt.date | None, str | None]:
    """A record's ``published`` as ``(day, None)``, or ``(None, reason)`` to refuse the record:
    not a date ("2024-13-45"), or a relative date the record gives no day to resolve against."""
    text = str(value).strip()
    day = _absolute(text)
    if day is None:
        return None, f"'published' is not a valid date: {text!r}"
    if day != "relative":
        return day, None
    base_key = next((k for k in BASE_DATE_FIELDS if rec.get(k)), None)
    base = _absolute(str(rec[base_key]).strip()) if base_key else None
    if not isinstance(base, _dt.date):
        return None, (f"'published' is a relative date ({text!r}) and the record gives no date to resolve it "
                      f"against (field {' / '.join(BASE_DATE_FIELDS)}); give an absolute date")
    import dateparser

    got = dateparser.parse(text, languages=["en"],
                           settings={"RELATIVE_BASE": _dt.datetime.combine(base, _dt.time(12))})
    return got.date(), None


def iter_jsonl(path: str, settings: Settings | None = None, *, published: _dt.date | None = None,
               outlet: str | None = None) -> Iterator[Document]:
    settings = settings or load_settings()
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield unreadable(path, exc)
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
            date, why = record_date(rec["published"], rec)
            if why:
                yield skipped(where, why, id=str(rec["id"]) if rec.get("id") is not None else None)
                continue
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
