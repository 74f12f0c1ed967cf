"""Exports: GDELT 2.0 event table (61 columns, folded counts), PLOVER JSONL, Parquet and CSV."""
from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import SHARED, needs_shared
from store_fixtures import filled, store, store_url  # noqa: F401

from polybius.export import GDELT_COLUMNS, write_gdelt, write_plover, write_tables
from polybius.store import EventFilter
from polybius.store.schema import TABLES


@needs_shared
def test_gdelt_columns_are_gdelts_61_in_order():
    ref = json.loads((SHARED / "reference" / "gdelt" / "gdelt_v2_schemas.json").read_text())
    assert GDELT_COLUMNS == ref["events_v2"] and len(GDELT_COLUMNS) == 61


def _gdelt(store, **kw):
    buf = io.StringIO()
    n = write_gdelt(store, buf, **kw)
    lines = buf.getvalue().splitlines()
    return n, [dict(zip(GDELT_COLUMNS, l.split("\t"))) for l in lines], lines


def test_gdelt_rows(filled):
    n, rows, lines = _gdelt(filled)
    assert n == 6 == len(rows)  # 9 asserted events, folded: the USA->IRQ rejection is one event
    assert all(len(l.split("\t")) == 61 for l in lines)
    r = next(r for r in rows if r["EventCode"] == "125")
    assert (r["Actor1Code"], r["Actor1Name"], r["Actor2Code"], r["Actor2CountryCode"]) == ("USA", "WASHINGTON", "IRQ", "IRQ")
    assert (r["SQLDATE"], r["MonthYear"], r["Year"], r["FractionDate"]) == ("20240301", "202403", "2024", "2024.2493")
    assert (r["NumMentions"], r["NumSources"], r["NumArticles"]) == ("3", "3", "3")
    assert (r["EventBaseCode"], r["EventRootCode"], r["QuadClass"], r["GoldsteinScale"], r["IsRootEvent"]) == \
        ("125", "12", "3", "-5.0", "1")
    assert r["AvgTone"] == "" and r["Actor1Geo_Type"] == "" and r["ActionGeo_CountryCode"] == ""
    assert r["SOURCEURL"].startswith("https://") and len(r["DATEADDED"]) == 14
    assert int(r["GLOBALEVENTID"]) > 0 and len({x["GLOBALEVENTID"] for x in rows}) == 6
    visit = next(r for r in rows if r["EventCode"] == "042")
    assert (visit["Actor1Type1Code"], visit["ActionGeo_Type"], visit["ActionGeo_FullName"], visit["ActionGeo_Lat"]) == \
        ("GOV", "4", "Paris", "48.85")
    assert "172" not in {r["EventCode"] for r in rows}  # negated


def test_gdelt_header_and_filter(filled):
    import datetime as dt

    n, _, lines = _gdelt(filled, header=True, flt=EventFilter(start=dt.date(2024, 3, 10)))
    assert lines[0].split("\t") == GDELT_COLUMNS and n == 4 == len(lines) - 1


def test_gdelt_values_never_break_the_tab_format(store):
    from store_docs import make_doc

    doc = make_doc([("Washington rejected the plan of Baghdad today.", "Washington", "125", "Baghdad")],
                   url="https://x.example/a\tb\nc")
    store.add(doc)
    n, rows, lines = _gdelt(store)
    assert n == 1 and len(lines) == 1 and len(lines[0].split("\t")) == 61


def test_plover_records(filled):
    buf = io.StringIO()
    n = write_plover(filled, buf)
    recs = [json.loads(l) for l in buf.getvalue().splitlines()]
    assert n == len(recs) == 9  # every asserted event (the negated one is left out)
    r = next(r for r in recs if r["event"] == "FIGHT")
    assert r["actor"]["code"] == "IRQREB" and r["actor"]["sector_code"] == "REB"
    assert r["recipient"] == {"code": "IRQ", "raw_text": "Baghdad", "country_name": "IRQ", "sector_code": None,
                              "other_sector_codes": []}
    assert r["date"] == "2024-03-12" and r["trigger"]["text"] == "attacked" and r["id"].endswith("#E1")
    doc = filled.get_document(r["doc_id"])
    assert doc.text[r["trigger"]["start"]:r["trigger"]["end"]] == "attacked"
    visit = next(r for r in recs if r["event"] == "CONSULT")
    assert visit["mode"] == "visit" and visit["location"]["name"] == "Paris"


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_every_table(filled, tmp_path, fmt):
    import pandas as pd

    counts = write_tables(filled, tmp_path, fmt)
    assert counts == filled.stats()
    for table, cols in TABLES.items():
        path = tmp_path / f"{table}.{fmt}"
        frame = pd.read_parquet(path) if fmt == "parquet" else pd.read_csv(path, keep_default_na=False)
        assert list(frame.columns) == cols and len(frame) == counts[table]
    if fmt == "parquet":
        import pyarrow.parquet as pq

        schema = pq.read_schema(tmp_path / "events.parquet")
        assert str(schema.field("date_start").type) == "date32[day]" and str(schema.field("goldstein").type) == "double"
        ev = pd.read_parquet(tmp_path / "events.parquet")
        assert set(ev["cameo"]) >= {"125", "190", "172"}
    else:
        with open(tmp_path / "documents.csv", newline="", encoding="utf-8") as fh:
            docs = list(csv.DictReader(fh))
        assert {d["title"] for d in docs} >= {"Visit to France", "A second look"}


def test_empty_store_exports(store, tmp_path):
    assert write_tables(store, tmp_path, "parquet")["events"] == 0
    assert _gdelt(store)[0] == 0
