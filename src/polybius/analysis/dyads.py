"""Dyad time series: ``Store.dyad_timeline`` as a DataFrame and as a PNG (matplotlib)."""
from __future__ import annotations

import datetime as _dt
import math
import os

COLUMNS = ["period", "events", "unique_events", "documents", "q1", "q2", "q3", "q4", "a_to_b", "b_to_a",
           "goldstein_sum", "goldstein_mean"]
QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_COLOURS = {1: "#6baed6", 2: "#2171b5", 3: "#fc9272", 4: "#cb181d"}
MAX_TICKS = 24


def dyad_frame(rows: list[dict]):
    import pandas as pd

    return pd.DataFrame([{c: r.get(c) for c in COLUMNS} for r in rows], columns=COLUMNS)


def _start(period) -> _dt.date:
    if isinstance(period, _dt.datetime):
        return period.date()
    if isinstance(period, _dt.date):
        return period
    return _dt.date.fromisoformat(str(period)[:10])


def next_period(start: _dt.date, by: str) -> _dt.date:
    """The start of the period after the one starting on ``start``."""
    if by == "day":
        return start + _dt.timedelta(days=1)
    if by == "week":
        return start + _dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    m = start.month - 1 + months
    return _dt.date(start.year + m // 12, m % 12 + 1, 1)


def continuous(rows: list[dict], by: str) -> list[dict]:
    """The rows with every period between the first and the last, empty ones as zero rows
    (a time axis must not put 2015-06 next to 2019-02)."""
    if not rows:
        return []
    rows = sorted(rows, key=lambda r: _start(r["period"]))
    have = {_start(r["period"]): r for r in rows}
    out, day, last = [], _start(rows[0]["period"]), _start(rows[-1]["period"])
    while day <= last:
        out.append(have.get(day) or {"period": day.isoformat(), "events": 0, "unique_events": 0, "documents": 0,
                                     "q1": 0, "q2": 0, "q3": 0, "q4": 0, "a_to_b": 0, "b_to_a": 0,
                                     "goldstein_sum": 0.0, "goldstein_mean": None})
        day = next_period(day, by)
    return out


def dyad_figure(rows: list[dict], a: str, b: str, by: str = "week"):
    """Stacked bars of events per period by QuadClass (every period on the axis, empty ones
    too), the mean Goldstein score as a line, the legend above the plot (never on the bars);
    with no events, a message instead of an empty chart."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = continuous(rows, by)
    fig, ax = plt.subplots(figsize=(min(16.0, max(6.0, 0.3 * len(rows) + 3)), 4.6), dpi=110, layout="constrained")
    ax.set_title(f"{a} – {b} by {by}")
    if not rows:
        ax.text(0.5, 0.5, f"No events between {a} and {b}", ha="center", va="center", transform=ax.transAxes,
                fontsize=12, color="#555555")
        ax.set_xticks([])
        ax.set_yticks([])
        return fig
    x = list(range(len(rows)))
    bottom = [0] * len(rows)
    for q in (1, 2, 3, 4):
        vals = [r[f"q{q}"] or 0 for r in rows]
        ax.bar(x, vals, bottom=bottom, color=QUAD_COLOURS[q], label=f"Q{q} {QUAD_LABELS[q]}", width=0.8)
        bottom = [b_ + v for b_, v in zip(bottom, vals)]
    ax.set_ylabel("events")
    every = max(1, math.ceil(len(rows) / MAX_TICKS))
    ax.set_xticks(x[::every])
    ax.set_xticklabels([str(r["period"])[:10] for r in rows][::every], rotation=45, ha="right", fontsize=8)
    ax.set_xlim(-0.6, len(rows) - 0.4)
    ax2 = ax.twinx()
    ax2.plot(x, [r["goldstein_mean"] if r["goldstein_mean"] is not None else float("nan") for r in rows],
             color="black", marker="o", linewidth=1.5, label="mean Goldstein")
    ax2.set_ylim(-10.5, 10.5)
    ax2.axhline(0, color="grey", linewidth=0.5)
    ax2.set_ylabel("mean Goldstein")
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    fig.legend(h1 + h2, l1 + l2, fontsize=7, loc="outside upper center", ncol=5 if len(rows) > 16 else 3, frameon=False)
    return fig


def plot_dyad(rows: list[dict], a: str, b: str, path: str | os.PathLike, by: str = "week") -> str:
    """Write :func:`dyad_figure` as a PNG."""
    import matplotlib.pyplot as plt

    fig = dyad_figure(rows, a, b, by)
    fig.savefig(path, format="png")
    plt.close(fig)
    return str(path)
