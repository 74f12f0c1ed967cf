"""Dyad time series: ``Store.dyad_timeline`` as a DataFrame and as a PNG (matplotlib)."""
from __future__ import annotations

import os

COLUMNS = ["period", "events", "unique_events", "documents", "q1", "q2", "q3", "q4", "a_to_b", "b_to_a",
           "goldstein_sum", "goldstein_mean"]
QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_COLOURS = {1: "#6baed6", 2: "#2171b5", 3: "#fc9272", 4: "#cb181d"}


def dyad_frame(rows: list[dict]):
    import pandas as pd

    return pd.DataFrame([{c: r.get(c) for c in COLUMNS} for r in rows], columns=COLUMNS)


def plot_dyad(rows: list[dict], a: str, b: str, path: str | os.PathLike, by: str = "week") -> str:
    """Stacked bars of events per period by QuadClass, with the mean Goldstein score as a line."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    periods = [r["period"] for r in rows]
    x = list(range(len(periods)))
    fig, ax = plt.subplots(figsize=(max(6.0, 0.45 * len(periods) + 3), 4.2), dpi=110)
    bottom = [0] * len(rows)
    for q in (1, 2, 3, 4):
        vals = [r[f"q{q}"] for r in rows]
        ax.bar(x, vals, bottom=bottom, color=QUAD_COLOURS[q], label=f"Q{q} {QUAD_LABELS[q]}", width=0.8)
        bottom = [b_ + v for b_, v in zip(bottom, vals)]
    ax.set_ylabel("events")
    ax.set_xticks(x)
    ax.set_xticklabels(periods, rotation=45, ha="right", fontsize=8)
    ax2 = ax.twinx()
    ax2.plot(x, [r["goldstein_mean"] if r["goldstein_mean"] is not None else float("nan") for r in rows],
             color="black", marker="o", linewidth=1.5, label="mean Goldstein")
    ax2.set_ylim(-10.5, 10.5)
    ax2.axhline(0, color="grey", linewidth=0.5)
    ax2.set_ylabel("mean Goldstein")
    ax.set_title(f"{a} – {b} by {by}" + ("" if rows else " (no events)"))
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, fontsize=7, loc="upper left")
    fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)
    return str(path)
