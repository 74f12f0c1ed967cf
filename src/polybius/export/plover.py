"""PLOVER JSON Lines: one record per coded event with a PLOVER type, using PLOVER's field
names (``id``, ``date``, ``actor``, ``recipient``, ``event``, ``mode``, ``context``) and
Polybius's provenance (document, character offsets, rule) beside them.

Events without a PLOVER type (CAMEO roots that PLOVER does not map) and negated events are
not written.  ``event_group`` is the key shared by reports of the same event across articles.
"""
from __future__ import annotations

import json
import os
from typing import IO

from ..store.base import EventFilter


def _party(code, name, country, sectors) -> dict | None:
    if not code and not name:
        return None
    secs = (sectors or "").split()
    return {"code": code, "raw_text": name, "country_name": country,
            "sector_code": secs[0] if secs else None, "other_sector_codes": secs[1:]}


def plover_record(e: dict) -> dict | None:
    """A PLOVER record for an event row of ``Store.events``/``iter_events`` (None if not PLOVER)."""
    if not e.get("plover_event") or e.get("negated"):
        return None
    return {
        "id": f"{e['doc_id']}#{e['event_id']}",
        "date": e.get("date"),
        "date_end": e.get("date_end"),
        "actor": _party(e.get("source_code"), e.get("source_name"), e.get("source_country"), e.get("source_sectors")),
        "recipient": _party(e.get("target_code"), e.get("target_name"), e.get("target_country"), e.get("target_sectors")),
        "event": e["plover_event"],
        "mode": e.get("plover_mode"),
        "context": (e.get("plover_context") or "").split() if e.get("plover_context") else [],
        "location": ({"name": e.get("place"), "country": e.get("place_country"), "lat": e.get("lat"),
                      "lon": e.get("lon")} if e.get("place") else None),
        "cameo": e.get("cameo"),
        "goldstein": e.get("goldstein"),
        "quad_class": e.get("quad_class"),
        "modality": e.get("modality"),
        "confidence": e.get("confidence"),
        "text": e.get("sentence"),
        "trigger": {"start": e.get("trigger_start"), "end": e.get("trigger_end"), "text": e.get("trigger")},
        "doc_id": e.get("doc_id"),
        "url": e.get("url"),
        "outlet": e.get("outlet"),
        "published": e.get("published"),
        "rule": e.get("rule"),
        "event_group": e.get("event_key"),
    }


def write_plover(store, out: str | os.PathLike | IO[str], flt: EventFilter | None = None) -> int:
    """Write PLOVER JSON Lines for ``store``'s events; returns records written."""
    fh = open(out, "w", encoding="utf-8") if isinstance(out, (str, os.PathLike)) else out
    n = 0
    try:
        for e in store.iter_events(flt):
            rec = plover_record(e)
            if rec is not None:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    finally:
        if fh is not out:
            fh.close()
    return n
