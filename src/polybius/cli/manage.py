"""Store management commands: ``stats`` (what a store holds) and ``delete`` (documents with
every layer of them, by id, outlet or publication date; one transaction)."""
from __future__ import annotations

import json
import sys
from typing import List, Optional

import typer
from rich.markup import escape

from . import app
from .common import err, parse_published
from .store import DbOpt, _emit, _error, _open


def _size(n: int | None) -> str:
    if n is None:
        return "unknown"
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return str(n)


@app.command()
def stats(db: Optional[str] = DbOpt,
          fmt: str = typer.Option("table", "--format", "-f", help="table or json.")) -> None:
    """What a store holds: documents, events, actors, quotes, stances, by outlet and date range; its size."""
    with _open(db) as store:
        o = store.overview()
    if fmt == "json":
        sys.stdout.write(json.dumps(o, default=str) + "\n")
        return
    if fmt != "table":
        raise typer.BadParameter(f"--format must be table or json, got {fmt!r}")
    first, last = o["first_published"] or "—", o["last_published"] or "—"
    rows = [{"what": k, "count": v} for k, v in (
        ("documents", f"{o['documents']:,} ({o['unreadable']:,} unreadable, kept with the reason)"),
        ("events", f"{o['events']:,}"), ("actors", f"{o['actors']:,} (distinct codes, or names when uncoded)"),
        ("quotes", f"{o['quotes']:,}"), ("stances", f"{o['stances']:,}"),
        ("published", f"{first} to {last} ({o['undated_documents']:,} documents undated)"),
        ("size", _size(o["size_bytes"])))]
    _emit(rows, "table", ["what", "count"], title="store")
    outlets = [{**r, "outlet": r["outlet"] or "(none)", "published": f"{r['first_published'] or '—'} to "
                f"{r['last_published'] or '—'}"} for r in o["outlets"]]
    _emit(outlets, "table", ["outlet", "documents", "events", "published"], title="by outlet")


@app.command()
def delete(db: Optional[str] = DbOpt,
           ids: Optional[List[str]] = typer.Option(None, "--id", help="A document id; repeatable."),
           outlet: Optional[str] = typer.Option(None, "--outlet", help="Documents of this outlet (case-insensitive)."),
           start: Optional[str] = typer.Option(None, "--from", help="Documents published on or after YYYY-MM-DD."),
           end: Optional[str] = typer.Option(None, "--to", help="Documents published on or before YYYY-MM-DD."),
           everything: bool = typer.Option(False, "--all", help="Every document (needs --yes)."),
           yes: bool = typer.Option(False, "--yes", help="Confirm --all."),
           dry_run: bool = typer.Option(False, "--dry-run", help="Count what would be deleted; delete nothing.")) -> None:
    """Delete documents with every layer of them (events, actors, quotes...), in one transaction.
    The filters combine (all must hold); without one, only --all --yes deletes."""
    from ..store import DocFilter, StoreError

    flt = DocFilter(ids=tuple(ids or ()), outlet=outlet, start=parse_published(start, "--from"),
                    end=parse_published(end, "--to"), everything=everything)
    if flt.empty() and not (everything and yes):
        err.print("[red]error:[/red] refusing to delete without a filter: give --id, --outlet or --from/--to, "
                  "or --all --yes to empty the store")
        raise typer.Exit(2)
    if everything and not flt.empty():
        err.print("[red]error:[/red] --all takes no filter (--id, --outlet, --from, --to)")
        raise typer.Exit(2)
    with _open(db) as store:
        missing = [i for i in flt.ids if not store.has(i)]
        try:
            counts = store.delete_where(flt, dry_run=dry_run)
        except StoreError as exc:
            _error(exc)
            raise typer.Exit(1)
    for i in missing:
        err.print(f"[yellow]not stored:[/yellow] {escape(i)}")
    layers = ", ".join(f"{n:,} {t}" for t, n in counts.items() if t != "documents" and n)
    verb = "would delete" if dry_run else "deleted"
    err.print(f"{verb} {counts['documents']:,} document(s)" + (f" ({layers})" if layers else "")
              + ("; nothing was changed" if dry_run else ""))
