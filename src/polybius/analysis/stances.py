"""Stances across documents as a proposition x holder matrix of net support."""
from __future__ import annotations


def stance_matrix(rows: list[dict]):
    """``Store.stances`` rows -> DataFrame (propositions as rows, holders as columns) of
    support minus oppose counts; empty cells are NaN (no stance recorded)."""
    import pandas as pd

    data = {}
    for r in rows:
        data.setdefault(r["holder"], {})[r["proposition"]] = r["support"] - r["oppose"]
    return pd.DataFrame(data).sort_index()
