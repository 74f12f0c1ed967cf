"""A coded Document as rows of the store's tables (shared by every engine)."""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from urllib.parse import urlsplit

from ..model import Document, content_id
from .schema import TABLES

_WORD = re.compile(r"\w+")


def parse_day(value) -> _dt.date | None:
    """A date from ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``, taken as the first day); None if unreadable."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    s = str(value).strip()
    if len(s) >= 10 and s[4] == "-" and s[7] == "-":  # the usual YYYY-MM-DD, without strptime
        try:
            return _dt.date.fromisoformat(s[:10])
        except ValueError:
            pass
    for fmt, n in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return _dt.datetime.strptime(s[:n], fmt).date()
        except ValueError:
            continue
    return None


def source_name(doc: Document) -> str | None:
    """The outlet, or the host of the URL: what GDELT counts as a source."""
    if doc.outlet:
        return doc.outlet
    if doc.url:
        host = urlsplit(doc.url).hostname
        if host:
            return host[4:] if host.startswith("www.") else host
    return None


def actor_key(code: str | None, name: str | None) -> str:
    return code if code else "~" + (name or "").strip().lower()


def event_key(source_code, source_name_, target_code, target_name, cameo, start, end, negated) -> str:
    """Events with the same dyad, code and date range share a key across articles."""
    parts = [actor_key(source_code, source_name_), actor_key(target_code, target_name), cameo or "",
             start.isoformat() if start else "", end.isoformat() if end else "", "neg" if negated else ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def global_event_id(key: str) -> int:
    """A stable integer id for an event key (GDELT's GLOBALEVENTID is an integer); 52 bits."""
    return int(key[:13], 16)


def content_hash(doc: Document) -> str:
    """What makes two documents the same: title and text (a document without text, i.e. an
    input that could not be read, is only itself)."""
    return content_id(doc.text, doc.title) if doc.text else "none:" + str(doc.id)


def _f(x):
    return None if x is None else float(x)


def _i(x):
    return None if x is None else int(x)


def document_rows(doc: Document, now: _dt.datetime | None = None) -> dict[str, list[tuple]]:
    """Rows for every table except ``duplicates``/``minhashes`` (the store adds those)."""
    now = now or _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    text = doc.text or ""
    # a document coded in a worker process arrives with its to_dict() data (scale.work.unpack)
    d = dict(doc.extras.get("as_dict") or doc.to_dict())
    d.pop("text", None)
    src_outlet = source_name(doc)
    published = parse_day(doc.published)
    rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
    rows["documents"].append((
        doc.id, content_hash(doc), doc.title, doc.outlet, src_outlet, published, doc.url,
        doc.language, doc.origin, bool(doc.skipped), text, json.dumps(d, ensure_ascii=False),
        len(_WORD.findall(text)), len(doc.sentences), len(doc.actors), len(doc.events), len(doc.quotes),
        len(doc.stances), len(doc.errors), now, doc.extras.get("story") or doc.id,
    ))
    actors = {a.id: a for a in doc.actors}
    for a in doc.actors:
        rows["actors"].append((doc.id, a.id, a.name, a.code, a.country, " ".join(a.sectors or []) or None,
                               a.kind, a.reason, len(a.mentions)))
        for n, m in enumerate(a.mentions):
            rows["mentions"].append((doc.id, a.id, n, _i(m.start), _i(m.end),
                                     m.text if m.text is not None else text[m.start:m.end], m.rule))
    first_para = next((i for i, b in enumerate(doc.blocks) if b.kind == "paragraph"), None)
    for ev in doc.events:
        src, tgt = actors.get(ev.source), actors.get(ev.target)
        start = parse_day(ev.date.start) if ev.date else None
        end = parse_day(ev.date.end) if ev.date else None
        if start is None:
            start = published
        if end is None:
            end = start
        sent = doc.sentences[ev.sentence] if 0 <= ev.sentence < len(doc.sentences) else None
        is_root = sent is not None and (ev.sentence == 0 or (sent.block is not None and (
            sent.block == first_para or (sent.block < len(doc.blocks) and doc.blocks[sent.block].kind == "headline"))))
        key = event_key(src.code if src else None, src.name if src else None,
                        tgt.code if tgt else None, tgt.name if tgt else None, ev.cameo, start, end, ev.negated)
        rows["events"].append((
            doc.id, ev.id, _i(ev.sentence), bool(is_root),
            ev.source, src.code if src else None, src.name if src else None,
            src.country if src else None, " ".join(src.sectors) if src and src.sectors else None,
            ev.target, tgt.code if tgt else None, tgt.name if tgt else None,
            tgt.country if tgt else None, " ".join(tgt.sectors) if tgt and tgt.sectors else None,
            ev.cameo, ev.root, _i(ev.quad_class), _f(ev.goldstein),
            ev.plover.event if ev.plover else None, ev.plover.mode if ev.plover else None,
            " ".join(ev.plover.context) if ev.plover and ev.plover.context else None,
            bool(ev.negated), ev.modality, _f(ev.confidence), ev.rule, start, end,
            ev.date.text if ev.date else None,
            ev.place.name if ev.place else None, ev.place.country if ev.place else None,
            _f(ev.place.lat) if ev.place else None, _f(ev.place.lon) if ev.place else None,
            _i(ev.trigger.start), _i(ev.trigger.end), text[ev.trigger.start:ev.trigger.end],
            text[sent.start:sent.end].strip() if sent else None, max(1, len(ev.evidence)), key,
            doc.outlet, src_outlet, published, doc.url,
        ))
        for n, sp in enumerate(ev.evidence):
            rows["evidence"].append((doc.id, ev.id, n, _i(sp.start), _i(sp.end), text[sp.start:sp.end]))
    for q in doc.quotes:
        sp = actors.get(q.speaker)
        rows["quotes"].append((doc.id, q.id, q.speaker, sp.code if sp else None, sp.name if sp else None,
                               q.text, _i(q.start), _i(q.end), q.kind, q.verb, q.rule))
    for n, s in enumerate(doc.stances):
        h = actors.get(s.holder)
        rows["stances"].append((
            doc.id, n, s.holder, h.code if h else None, h.name if h else s.holder, s.proposition, s.polarity,
            s.rule, json.dumps([[e.start, e.end] for e in s.evidence]),
            " … ".join(text[e.start:e.end] for e in s.evidence) or None,
        ))
    for n, e in enumerate(doc.errors):
        rows["errors"].append((doc.id, n, e))
    return rows
