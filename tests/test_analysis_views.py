"""Issue 14 item 19 outside the browser: the dyad PNG (continuous periods, legend off the bars, an
empty plot that says so) and the network's degree filter and communities."""
from __future__ import annotations

import warnings

import networkx as nx
import pytest

from polybius.analysis import communities, trim
from polybius.analysis.dyads import continuous, dyad_figure, next_period


def _row(period, q1=0, q3=0, q4=0):
    events = q1 + q3 + q4
    return {"period": period, "events": events, "unique_events": events, "documents": 1, "q1": q1, "q2": 0,
            "q3": q3, "q4": q4, "a_to_b": events, "b_to_a": 0, "goldstein_sum": -1.0 * events,
            "goldstein_mean": -1.0 if events else None}


def test_periods_are_continuous():
    rows = continuous([_row("2019-02-01", q3=2), _row("2015-06-01", q1=1)], "month")
    assert len(rows) == 12 * 3 + 8 + 1  # 2015-06 .. 2019-02, every month
    assert rows[0]["period"] == "2015-06-01" and rows[1]["period"] == "2015-07-01" and rows[1]["events"] == 0
    assert [r["events"] for r in rows].count(0) == len(rows) - 2
    import datetime as dt

    assert next_period(dt.date(2024, 11, 1), "quarter") == dt.date(2025, 2, 1)
    assert next_period(dt.date(2024, 3, 4), "week") == dt.date(2024, 3, 11)
    assert len(continuous([_row("2024-03-04", q1=1), _row("2024-03-25", q4=1)], "week")) == 4


def test_dyad_plot_axis_legend_and_empty_plot():
    import matplotlib.pyplot as plt

    fig = dyad_figure([_row("2015-06-01", q1=3), _row("2019-02-01", q4=5)], "USA", "IRQ", by="month")
    try:
        ax = fig.axes[0]
        labels = [t.get_text() for t in ax.get_xticklabels()]
        assert labels[0] == "2015-06-01" and "2015-08-01" in labels and labels[-1] == "2019-02-01"
        assert len(ax.patches) == 4 * 45  # a bar slot (four QuadClass layers) for every month
        fig.canvas.draw()
        legend = fig.legends[0].get_window_extent()
        plot = ax.get_window_extent()
        assert not legend.overlaps(plot)  # the legend is outside the plot: no bar is under it
    finally:
        plt.close(fig)
    empty = dyad_figure([], "USA", "XYZ")
    try:
        assert not empty.legends and not empty.axes[0].get_legend()
        assert [t.get_text() for t in empty.axes[0].texts] == ["No events between USA and XYZ"]
    finally:
        plt.close(empty)


def _two_groups():
    g = nx.DiGraph()
    for group in ("A", "B"):
        names = [f"{group}{i}" for i in range(6)]
        for i, u in enumerate(names):
            for v in names[i + 1:]:
                g.add_edge(u, v, weight=2)
    g.add_edge("A0", "B0", weight=1)
    g.add_edge("A5", "LONE", weight=1)
    return g


def test_trim_by_links_and_size_and_communities():
    g = _two_groups()
    assert "LONE" in trim(g) and "LONE" not in trim(g, min_degree=2)
    assert set(trim(g, max_nodes=3)) == {"A0", "B0", "A5"}  # 11 events each; the others 10
    group = communities(g)
    assert group == communities(g)  # the same graph, the same communities
    assert len({group[f"A{i}"] for i in range(6)}) == 1 and len({group[f"B{i}"] for i in range(6)}) == 1
    assert group["A1"] != group["B1"]


def test_network_route_filters_by_links_and_gives_communities():
    from api_memstore import MemoryStore
    from web_docs import sample_documents

    from polybius.api import create_app
    from polybius.config import Settings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    store = MemoryStore()
    for d in sample_documents():
        store.add(d)
    with TestClient(create_app(store=store, settings=Settings(), pipeline=object())) as c:
        net = c.get("/network").json()
        assert all(isinstance(n["community"], int) for n in net["nodes"])
        links = {n["id"]: set() for n in net["nodes"]}
        for e in net["edges"]:
            if e["source"] != e["target"]:
                links[e["source"]].add(e["target"])
                links[e["target"]].add(e["source"])
        busy = c.get("/network", params={"min_degree": 2}).json()
        assert {n["id"] for n in busy["nodes"]} == {n for n, ls in links.items() if len(ls) >= 2} != set(links)
        assert c.get("/network", params={"min_degree": -1}).status_code == 422
