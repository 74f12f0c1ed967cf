"""The GDELT 2.0 event table: tab-separated, its 61 columns in GDELT's order, one row per event
folded across articles (so NumMentions/NumSources/NumArticles mean what they mean in GDELT).

What Polybius does not know is left empty: tone (AvgTone), actor geography, known-group,
ethnic and religion codes, and GDELT's FIPS geography codes and feature ids (Polybius's place
countries are ISO codes, so they are not written into the FIPS ``ActionGeo_CountryCode``).
Negated events are not written (GDELT has no negation).  No header row, as in GDELT's files,
unless ``header=True``.
"""
from __future__ import annotations

import datetime as _dt
import os
from typing import IO

from ..store.base import EventFilter
from ..store.rows import global_event_id

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]


def _clean(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    return str(v).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _actor(code, name, country, sectors) -> list:
    types = (sectors or "").split()[:3]
    types += [""] * (3 - len(types))
    return [code, (name or "").upper() or None, country, None, None, None, None, *types]


def gdelt_row(g: dict) -> list[str]:
    """One folded event (a row of ``Store.event_groups``) as GDELT's 61 values."""
    day = _dt.date.fromisoformat(g["date_start"]) if g.get("date_start") else None
    added = g.get("date_added")
    if isinstance(added, str) and added:
        added = _dt.datetime.fromisoformat(added)
    cameo = g.get("cameo") or ""
    place = g.get("place")
    has_point = g.get("lat") is not None and g.get("lon") is not None
    gold = g.get("goldstein")
    values = [
        global_event_id(g["event_key"]),
        day.strftime("%Y%m%d") if day else None,
        day.strftime("%Y%m") if day else None,
        day.year if day else None,
        f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else None,
        *_actor(g.get("source_code"), g.get("source_name"), g.get("source_country"), g.get("source_sectors")),
        *_actor(g.get("target_code"), g.get("target_name"), g.get("target_country"), g.get("target_sectors")),
        bool(g.get("is_root")), cameo, cameo[:3], g.get("root"), g.get("quad_class"),
        None if gold is None else f"{float(gold):.1f}",
        g.get("num_mentions"), g.get("num_sources"), g.get("num_articles"), None,
        *([None] * 8), *([None] * 8),
        (4 if has_point else 1) if place else None, place, None, None, None,
        g.get("lat") if has_point else None, g.get("lon") if has_point else None, None,
        added.strftime("%Y%m%d%H%M%S") if isinstance(added, _dt.datetime) else None,
        g.get("url"),
    ]
    assert len(values) == len(GDELT_COLUMNS)
    return [_clean(v) for v in values]


def write_gdelt(store, out: str | os.PathLike | IO[str], flt: EventFilter | None = None, header: bool = False) -> int:
    """Write the GDELT 2.0 event table of ``store`` (filtered by ``flt``); returns rows written."""
    fh = open(out, "w", encoding="utf-8", newline="") if isinstance(out, (str, os.PathLike)) else out
    n = 0
    try:
        if header:
            fh.write("\t".join(GDELT_COLUMNS) + "\n")
        for g in store.iter_event_groups(flt):
            fh.write("\t".join(gdelt_row(g)) + "\n")
            n += 1
    finally:
        if fh is not out:
            fh.close()
    return n
