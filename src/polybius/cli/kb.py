"""``polybius kb build`` (regenerate the knowledge base) and ``polybius actors lookup NAME``
(what a name resolves to: entries, dated roles, sources)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import app
from .common import err, parse_published

kb_app = typer.Typer(help="The actor knowledge base: build it from its sources.", no_args_is_help=True)
actors_app = typer.Typer(help="Inspect how actor names are resolved.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
app.add_typer(actors_app, name="actors")


@kb_app.command("build")
def build_cmd(phoenix: Optional[str] = typer.Option("../shared/benchmarks/petrarch/dictionaries", "--phoenix",
                                                    help="Folder of the Phoenix actor dictionaries (MIT); '' to leave them out."),
              leaders: Optional[List[str]] = typer.Option(None, "--leaders", help="Wikidata heads of state/government CSV (repeatable)."),
              ministers: Optional[List[str]] = typer.Option(None, "--ministers", help="Wikidata ministers CSV (repeatable)."),
              out: Optional[str] = typer.Option(None, "--out", help="Output folder (default: the package's data/kb)."),
              editors: Optional[str] = typer.Option(None, "--editors", help="Folder of the editors' tables (default: data/kb/editors)."),
              min_population: int = typer.Option(50000, "--min-population", help="Smallest city kept as a place."),
              provenance: Optional[List[str]] = typer.Option(None, "--provenance",
                                                             help="FILE=ORIGIN recorded in SOURCES.md (repository, commit, path).")) -> None:
    """Regenerate the knowledge-base tables and SOURCES.md from the sources."""
    from ..kb.build import BuildConfig, build
    from ..kb.store import DATA
    from ..kb.table import KBError

    pdir = Path(phoenix) if phoenix else None
    files = [Path(p) for p in (leaders or []) + (ministers or [])]
    missing = [str(p) for p in files + ([pdir] if pdir else []) if not p.exists()]
    if missing:
        err.print(f"[red]error:[/red] not found: {escape(', '.join(missing))}")
        raise typer.Exit(2)
    prov = dict(p.split("=", 1) for p in (provenance or []) if "=" in p)
    cfg = BuildConfig(phoenix_dir=pdir, leaders=[Path(p) for p in leaders or []], ministers=[Path(p) for p in ministers or []],
                      editors_dir=Path(editors) if editors else DATA / "editors", out_dir=Path(out) if out else DATA,
                      min_population=min_population, provenance=prov)
    try:
        report = build(cfg)
    except (KBError, OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(1)
    for k, v in report.items():
        if k != "conflict sample":
            err.print(f"{k}: {escape(str(v))}")
    err.print(f"wrote {cfg.out_dir}/actors.tsv.gz, places.tsv.gz, SOURCES.md")


def _roles_text(entry, date) -> str:
    from ..kb.table import format_roles

    return format_roles(entry.roles) or "-"


@actors_app.command("lookup")
def lookup_cmd(name: str = typer.Argument(..., help="A name as it appears in the news."),
               date: Optional[str] = typer.Option(None, "--date", help="The article's date, YYYY-MM-DD."),
               country: Optional[str] = typer.Option(None, "--country", help="The story's country, ISO alpha-3."),
               surname: bool = typer.Option(False, "--surname", help="Look NAME up as a surname."),
               actors: Optional[List[str]] = typer.Option(None, "--actors", help="User actor tables / PETRARCH dictionaries that override (repeatable).")) -> None:
    """Show the entries, dated roles and sources a name resolves to, and the code chosen."""
    from ..kb import load_kb, overrides_from_files
    from ..kb.table import KBError

    day = parse_published(date, "--date")
    try:
        kb = load_kb()
        if actors:
            kb = kb.with_overrides(overrides_from_files(actors))
    except (KBError, OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2)
    iso = country.upper() if country else None
    res = kb.lookup_surname(name, day, iso) if surname else kb.lookup(name, day, iso)
    if not sys.stdout.isatty():
        _plain(res, day)
    else:
        _rich(res, day)
    if not res.entries:
        raise typer.Exit(1)


def _plain(res, day) -> None:
    print(f"query\t{res.query}")
    print(f"code\t{res.code or '-'}")
    print(f"kind\t{res.kind or '-'}")
    print(f"match\t{res.match}")
    print(f"reason\t{res.reason}")
    for e in res.entries:
        mark = "*" if e is res.entry else " "
        print(f"{mark}\t{e.id}\t{e.kind}\t{e.country or '-'}\t{e.name}\t{e.code_on(day) or '-'}\t{_roles_text(e, day)}\t{e.source}")


def _rich(res, day) -> None:
    console = Console(highlight=False)
    colour = "green" if res.code else ("yellow" if res.entries else "red")
    console.print(f"[bold]{escape(res.query)}[/bold] -> [{colour}]{escape(res.code or 'no code')}[/{colour}]"
                  f" ({escape(res.kind or '-')}, {res.match} match)")
    console.print(escape(res.reason), soft_wrap=True)
    if not res.entries:
        return
    table = Table(show_lines=False)
    for col in ("", "id", "kind", "country", "name", "code on date" if day else "code", "roles", "source"):
        table.add_column(col, overflow="fold")
    for e in res.entries:
        table.add_row("*" if e is res.entry else "", e.id, e.kind, e.country or "-", escape(e.name),
                      e.code_on(day) or "-", escape(_roles_text(e, day)), escape(e.source))
    console.print(table)
