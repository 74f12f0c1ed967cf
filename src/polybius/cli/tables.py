"""Rows on stdout: a table that fits the terminal, plain text for pipes, JSON Lines or CSV.

In a terminal, columns are chosen by width: codes, dates, ids and numbers are never cut or
wrapped; text columns (names, triggers, outlets...) wrap; when even that does not fit, the least
important columns are left out and named under the table.  Piped or redirected, rows are
plain text: whole cells, aligned, no box drawing and no colour."""
from __future__ import annotations

import csv
import json
import sys
from typing import Iterable, Sequence

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

# Columns whose cells are prose: they may wrap.  Every other column keeps its cells whole.
TEXT_COLUMNS = frozenset({"source_name", "target_name", "trigger", "outlet", "label", "holder_names", "proposition",
                          "sentence", "name", "names", "why", "text", "speaker", "source", "target", "rule"})
# Scores with a sign that means something (cooperation +, conflict -): Goldstein scores have one
# decimal, their sums and means two.
SIGNED = {"goldstein": "+.1f", "gold.": "+.1f", "goldstein_sum": "+.2f", "goldstein_mean": "+.2f"}
# Short headers for a terminal (CSV, JSON and piped text keep the column names).
LABELS = {"source_code": "source", "target_code": "target", "source_name": "source name",
          "target_name": "target name", "quad_class": "quad", "goldstein": "gold.", "plover_event": "plover",
          "goldstein_sum": "gold. sum", "goldstein_mean": "gold. mean", "num_mentions": "mentions",
          "num_articles": "articles", "num_sources": "sources", "num_stories": "stories", "unique_events": "unique"}
MIN_TEXT_WIDTH = 8
MAX_WORD = 14


def cell(value, column: str = "") -> str:
    """One value as table text: signed scores with their sign, other numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, float):
        if column in SIGNED:
            return format(value, SIGNED[column]) if value else "0"
        return format(value, ".4g")
    if isinstance(value, list):
        return ", ".join(map(str, value[:6])) + (" …" if len(value) > 6 else "")
    s = str(value).replace("\n", " ")
    return s if len(s) <= 200 else s[:199] + "…"


def column_widths(columns: Sequence[str], rows: list[list[str]]) -> dict[str, int]:
    """The width each column needs: a fixed column its widest cell; a text column its longest
    word (up to MAX_WORD; a longer word is folded), at least MIN_TEXT_WIDTH unless all are shorter."""
    need = {}
    for i, c in enumerate(columns):
        natural = max([len(LABELS.get(c, c))] + [len(r[i]) for r in rows])
        if c in TEXT_COLUMNS:
            word = max([len(w) for r in rows for w in r[i].split()] or [0])
            natural = min(natural, max(MIN_TEXT_WIDTH, min(word, MAX_WORD)))
        need[c] = natural
    return need


def fit_columns(columns: Sequence[str], rows: list[list[str]], width: int,
                drop_order: Sequence[str] = ()) -> list[str]:
    """The columns that fit in ``width``: fixed ones whole, text ones at least MIN_TEXT_WIDTH wide;
    columns are left out in ``drop_order`` first, then from the right."""
    need = column_widths(columns, rows)
    keep = list(columns)
    order = [c for c in drop_order if c in keep] + [c for c in reversed(columns) if c not in drop_order]
    while len(keep) > 1 and sum(need[c] for c in keep) + 3 * len(keep) - 1 > width:  # padding and rules
        keep.remove(order.pop(0))
    return keep


def print_table(rows: Iterable[Sequence[str]], columns: Sequence[str], title: str | None = None,
                console: Console | None = None, drop_order: Sequence[str] = ()) -> None:
    """Print rows of cell text (already formatted, not markup) under ``columns``."""
    console = console or Console(highlight=False)
    rows = [list(r) for r in rows]
    if not console.is_terminal:
        _print_plain(rows, list(columns), title, console)
        return
    keep = fit_columns(columns, rows, console.width, drop_order)
    need = column_widths(columns, rows)
    idx = [list(columns).index(c) for c in keep]
    left_out = [c for c in columns if c not in keep]
    caption = f"left out for width: {', '.join(left_out)} (a wider terminal shows them)" if left_out else None
    t = Table(title=escape(title) if title else None, caption=caption, show_edge=False)
    for c in keep:
        label = escape(LABELS.get(c, c))
        if c in TEXT_COLUMNS:
            t.add_column(label, overflow="fold", min_width=need[c])
        else:
            t.add_column(label, no_wrap=True, overflow="ignore")
    for r in rows:
        t.add_row(*[escape(r[i]) for i in idx])
    console.print(t)


def _print_plain(rows: list[list[str]], columns: list[str], title: str | None, console: Console) -> None:
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
    out = console.file
    if title:
        out.write(title + "\n")
    for r in [columns] + rows:
        out.write("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() + "\n")
    out.flush()


def emit(rows: list[dict], fmt: str, columns: list[str], title: str | None = None,
         drop_order: Sequence[str] = ()) -> None:
    """Rows as a table, JSON Lines or CSV; csv and table have exactly ``columns``."""
    if fmt == "json":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for r in rows:
            w.writerow(["" if r.get(c) is None else (" ".join(map(str, r[c])) if isinstance(r.get(c), list) else r[c])
                        for c in columns])
    elif fmt == "table":
        print_table([[cell(r.get(c), c) for c in columns] for r in rows], columns, title, drop_order=drop_order)
    else:
        raise typer.BadParameter(f"--format must be table, json or csv, got {fmt!r}")
