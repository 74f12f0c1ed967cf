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


def _party(role: str, actor_id: str | None, actor) -> dict:
    """The three columns of an event's source or target."""
    return {role: actor_id, f"{role}_code": actor.code if actor else None, f"{role}_name": actor.name if actor else None}


def _place(place) -> dict:
    keys = ("place", "place_country", "lat", "lon")
    return dict(zip(keys, (place.name, place.country, place.lat, place.lon) if place else (None,) * 4))


def event_rows(doc: Document) -> list[dict]:
    rows = []
    actors = {a.id: a for a in doc.actors}  # not doc.actor(): a scan per event is quadratic in a long document
    published = doc.published.isoformat() if doc.published else None
    for ev in doc.events:
        date, plover = ev.date, ev.plover
        rows.append({
            "doc_id": doc.id, "event_id": ev.id,
            "date": date.start if date else published, "date_end": date.end if date else published,
            "date_text": date.text if date else None,
            **_party("source", ev.source, actors.get(ev.source)),
            **_party("target", ev.target, actors.get(ev.target)),
            "cameo": ev.cameo, "root": ev.root, "quad_class": ev.quad_class, "goldstein": ev.goldstein,
            "plover_event": plover.event if plover else None, "plover_mode": plover.mode if plover else None,
            "negated": ev.negated, "modality": ev.modality, "confidence": ev.confidence, "rule": ev.rule,
            **_place(ev.place),
            "trigger": doc.text[ev.trigger.start:ev.trigger.end],
            "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
            "outlet": doc.outlet, "url": doc.url, "published": published,
            "sentence": doc.sentence_text(ev.sentence) if ev.sentence < len(doc.sentences) else None,
        })
    return rows


def events_frame(docs: Iterable[Document] | Document):
    import pandas as pd

    if isinstance(docs, Document):
        docs = [docs]
    rows = [r for d in docs for r in event_rows(d)]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)
