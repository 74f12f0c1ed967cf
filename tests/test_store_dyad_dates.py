"""Issue 14, item 8: a dyad's timeline counts an event without a date of its own at its
article's publication date, and says how many did."""
from __future__ import annotations

import datetime as dt

from conftest import run_cli
from store_docs import make_doc

from polybius.store import open_store


def _docs():
    undated = make_doc([("Washington rejected the request from Baghdad.", "Washington", "125", "Baghdad"),
                        ("Baghdad accused Washington of delays.", "Baghdad", "112", "Washington")],
                       published=dt.date(2020, 1, 11), doc_id="undated")
    dated = make_doc([("Washington sanctioned Baghdad again.", "Washington", "172", "Baghdad")],
                     published=dt.date(2020, 2, 3), event_date=("2020-02-01", "2020-02-01"), doc_id="dated")
    nodate = make_doc([("Washington consulted Baghdad on the talks.", "Washington", "042", "Baghdad")],
                      published=None, doc_id="nodate")
    assert all(e.date is None for e in undated.events + nodate.events) and dated.events[0].date
    return [undated, dated, nodate]


def test_undated_events_count_at_the_publication_date(tmp_path):
    with open_store(tmp_path / "d.duckdb") as s:
        s.add_many(_docs())
        rows = s.dyad_timeline("USA", "IRQ", by="month")
        assert [(r["period"], r["events"], r["from_published"]) for r in rows] == [
            ("2020-01-01", 2, 2), ("2020-02-01", 1, 0)]
        assert s.dyad_undated("USA", "IRQ") == 1 and s.dyad_undated("USA", "IRQ", directed=True) == 1
        assert [r["period"] for r in s.dyad_timeline("USA", "IRQ", by="month", start=dt.date(2020, 1, 10),
                                                     end=dt.date(2020, 1, 31))] == ["2020-01-01"]


def test_cli_dyad_says_how_many_events_fell_back(tmp_path):
    db = tmp_path / "c.duckdb"
    with open_store(db) as s:
        s.add_many(_docs())
    r = run_cli("dyad", "USA", "IRQ", "--db", str(db), "--by", "month", "--format", "csv")
    assert r.returncode == 0, r.stderr.decode()
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 3 and lines[1].startswith("2020-01-01,2,")
    assert ("3 event(s); 2 without a date of their own counted at their article's publication date; "
            "1 left out: no date and no publication date") in " ".join(r.stderr.decode().split())
