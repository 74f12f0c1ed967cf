"""Tabular views of coded documents (pandas), shared by the API, CLI and exports."""
from __future__ import annotations

from typing import Iterable

from .model import Document

EVENT_COLUMNS = [
    "doc_id", "event_id", "date", "date_end", "date_text", "source", "source_code", "source_name",
    "target", "target_code", "target_name", "cameo", "root", "quad_class", "goldstein",
    "plover_event", "plover_mode", "negated", "modality", "confidence", "rule",
    "place", "place_country", "lat", "lon", "trigger", "trigger_start", "trigger_end",
    "outlet", "url", "published", "sentence",
]


def event_rows(doc: Document) -> list[dict]:
    rows = []
    actors = {a.id: a for a in doc.actors}  # not doc.actor(): a scan per event is quadratic in a long document
    for ev in doc.events:
        src, tgt = actors.get(ev.source), actors.get(ev.target)
        date = ev.date
        rows.append({
            "doc_id": doc.id,
            "event_id": ev.id,
            "date": date.start if date else (doc.published.isoformat() if doc.published else None),
            "date_end": date.end if date else (doc.published.isoformat() if doc.published else None),
            "date_text": date.text if date else None,
            "source": ev.source,
            "source_code": src.code if src else None,
            "source_name": src.name if src else None,
            "target": ev.target,
            "target_code": tgt.code if tgt else None,
            "target_name": tgt.name if tgt else None,
            "cameo": ev.cameo,
            "root": ev.root,
            "quad_class": ev.quad_class,
            "goldstein": ev.goldstein,
            "plover_event": ev.plover.event if ev.plover else None,
            "plover_mode": ev.plover.mode if ev.plover else None,
            "negated": ev.negated,
            "modality": ev.modality,
            "confidence": ev.confidence,
            "rule": ev.rule,
            "place": ev.place.name if ev.place else None,
            "place_country": ev.place.country if ev.place else None,
            "lat": ev.place.lat if ev.place else None,
            "lon": ev.place.lon if ev.place else None,
            "trigger": doc.text[ev.trigger.start:ev.trigger.end],
            "trigger_start": ev.trigger.start,
            "trigger_end": ev.trigger.end,
            "outlet": doc.outlet,
            "url": doc.url,
            "published": doc.published.isoformat() if doc.published else None,
            "sentence": doc.sentence_text(ev.sentence) if ev.sentence < len(doc.sentences) else None,
        })
    return rows


def events_frame(docs: Iterable[Document] | Document):
    import pandas as pd

    if isinstance(docs, Document):
        docs = [docs]
    rows = [r for d in docs for r in event_rows(d)]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)
