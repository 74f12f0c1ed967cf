"""Store commands: ``ingest``, ``events``, ``dyad``, ``network``, ``stances``, ``export``, ``watch``.

Every command takes ``--db`` (a DuckDB file or a ``postgresql://`` URL; default: the ``db``
setting, ``$POLYBIUS_DB``, ``polybius.duckdb``).
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import json
import signal
import sys
import time
from typing import List, Optional

import typer
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)

from . import app
from .code import (ActorsOpt, AgentsOpt, ConfigOpt, ModelOpt, NoDefaultActorsOpt, NoDefaultVerbsOpt, OutletOpt,
                   PublishedOpt, VerbsOpt, defaults_off)
from .common import FromOpt, ToOpt, err, parse_published, settings_from
from .tables import emit as _emit
from .validate import check_cameo, check_folder, check_plover, check_root

# The ingest writer's DuckDB: a small cache, one thread, a checkpoint every 1,000 documents
# (peak memory then stays flat as the store grows; see docs/store.md).  $POLYBIUS_DUCKDB_MEMORY
# overrides the memory bound.
INGEST_DUCKDB = {"memory_limit": "24MB", "threads": 1, "checkpoint_every": 1000, "row_group_size": 2048}
DbOpt = typer.Option(None, "--db", help="DuckDB file or postgresql:// URL (default: setting db, $POLYBIUS_DB, polybius.duckdb).")
FormatOpt = typer.Option("table", "--format", "-f", help="table, json (JSON Lines) or csv.")


def _error(exc) -> None:
    err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)


def _open(db: Optional[str], settings=None, read_only: bool = False, create: bool = False, **kw):
    """The store for a command; only ``ingest`` and ``watch`` create one (``create=True``):
    a query on a missing or mistyped ``--db`` is "no such store", exit code 2."""
    from ..store import StoreError, is_postgres, open_store

    target = db or (settings.db if settings else settings_from().db)
    if is_postgres(target):
        for key in ("memory_limit", "threads", "checkpoint_every", "row_group_size"):
            kw.pop(key, None)
    try:
        return open_store(target, read_only=read_only, create=create, **kw)
    except StoreError as exc:
        _error(exc)
        raise typer.Exit(2)


# -- ingest -------------------------------------------------------------------------------
@app.command()
def ingest(paths: List[str] = typer.Argument(..., help="Files, directories, JSONL corpora, WARC files, or - for stdin."),
           db: Optional[str] = DbOpt,
           workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes, each with its own spaCy model."),
           dask: Optional[str] = typer.Option(None, "--dask", help="Dask scheduler tcp://HOST:PORT, or 'local' for a local cluster of --workers."),
           dask_timeout: float = typer.Option(30.0, "--dask-timeout", help="Seconds to wait for the Dask scheduler."),
           batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per batch (one transaction each)."),
           published: Optional[str] = PublishedOpt, outlet: Optional[str] = OutletOpt,
           config: Optional[str] = ConfigOpt, model: Optional[str] = ModelOpt,
           actors: Optional[List[str]] = ActorsOpt, agents: Optional[List[str]] = AgentsOpt,
           verbs: Optional[List[str]] = VerbsOpt, no_default_actors: bool = NoDefaultActorsOpt,
           no_default_verbs: bool = NoDefaultVerbsOpt,
           quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
           log_every: float = typer.Option(2.0, "--log-every", help="Seconds between progress lines when stderr is not a terminal."),
           summary_json: bool = typer.Option(False, "--json", help="Print the run's figures as JSON on stdout.")) -> None:
    """Code documents and store them; idempotent and resumable (known documents are skipped)."""
    from ..nlp import ModelNotFound
    from ..scale.ingest import ClusterError, count_inputs, ingest as run_ingest, iter_inputs
    from ..store import StoreError

    settings = settings_from(config, model=model, actors=actors, agents=agents, verbs=verbs,
                             **defaults_off(no_default_actors, no_default_verbs))
    store = _open(db, settings, create=True, **INGEST_DUCKDB)
    total = count_inputs(paths)
    docs = iter_inputs(paths, settings, published=parse_published(published), outlet=outlet)
    interactive = err.is_terminal and not quiet
    progress = Progress(SpinnerColumn(), TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                        TimeRemainingColumn(), console=err, transient=False, disable=not interactive)
    stats = None
    last_log = [0.0]
    try:
        with progress, sigterm_as_interrupt():
            task = progress.add_task("ingest", total=total, rate="")

            def on_batch(s):
                nonlocal stats
                stats = s
                progress.update(task, completed=s.read,
                                rate=f"{s.docs_per_s:.1f} docs/s {s.words_per_s:,.0f} words/s, {s.known} known, "
                                     f"{s.bad} bad, {s.duplicates} dup.")
                if not interactive and not quiet and time.monotonic() - last_log[0] >= log_every:
                    # logs and pipes get a plain line instead of a progress bar
                    last_log[0] = time.monotonic()
                    err.print(f"progress: {s.read}{'/' + str(total) if total else ''} read, {s.stored} stored, "
                              f"{s.known} known, {s.bad} unreadable, {s.duplicates} duplicates, {s.docs_per_s:.2f} docs/s",
                              soft_wrap=True)

            stats = run_ingest(docs, store, settings, workers=workers, dask=dask, batch_size=batch_size,
                               dask_timeout=dask_timeout, progress=on_batch, total=total, on_input=report_input)
    except StoreError as exc:
        _error(exc)
        _done_note(stats)
        raise typer.Exit(1)
    except (ModelNotFound, ClusterError) as exc:
        _error(exc)
        raise typer.Exit(2)
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (Terminated)
        how = "terminated (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
        err.print(f"[yellow]{how}:[/yellow] the workers are stopped; committed batches are kept; "
                  "run the same command again to resume")
        _done_note(stats)
        raise typer.Exit(143 if isinstance(exc, Terminated) else 130)
    finally:
        store.close()
    line = (f"ingested {stats.new} new document(s) of {stats.read} read ({stats.bad} unreadable, stored with the "
            f"reason; {stats.known} already stored; {stats.duplicates} duplicate(s), not stored); {stats.coded} coded "
            f"in {stats.seconds:.1f}s: {stats.docs_per_s:.2f} docs/s, {stats.words_per_s:,.0f} words/s; "
            f"{stats.events} events")
    err.print(line)
    if summary_json:
        sys.stdout.write(json.dumps(stats.as_dict()) + "\n")
    if stats.read == 0:
        err.print("[red]error:[/red] no documents found")
        raise typer.Exit(1)


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: the run stops cleanly and says so."""


@contextlib.contextmanager
def sigterm_as_interrupt():
    def on_term(signum, frame):
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _done_note(stats) -> None:
    if stats is not None:
        err.print(f"{stats.stored} document(s) were committed in this run; run the same command again to resume")


_TAGS = {"unreadable": "[red]skipped:[/red] ", "duplicate": "[yellow]duplicate:[/yellow] ",
         "warning": "[yellow]warning:[/yellow] "}


def report_input(kind: str, doc, message: str) -> None:
    """One line on stderr per unreadable input, duplicate, or warning on a coded document (the
    lines ``polybius code`` prints, and the duplicates with the id they repeat)."""
    for line in message.splitlines():
        err.print(_TAGS[kind] + escape(line), soft_wrap=True)


# -- events -------------------------------------------------------------------------------
EVENT_TABLE = ["date", "source_code", "source_name", "cameo", "target_code", "target_name", "quad_class",
               "goldstein", "plover_event", "trigger", "outlet", "doc_id", "event_id"]
# The columns of `events -f csv`, rows or none (one schema): every field of an event row.
EVENT_COLUMNS = ["doc_id", "event_id", "date", "date_end", "date_text", "source", "source_code", "source_name",
                 "target", "target_code", "target_name", "cameo", "root", "quad_class", "goldstein", "plover_event",
                 "plover_mode", "negated", "modality", "confidence", "rule", "place", "place_country", "lat", "lon",
                 "trigger", "trigger_start", "trigger_end", "outlet", "url", "published", "sentence", "event_key",
                 "is_root", "sentence_index", "source_country", "source_sectors", "target_country", "target_sectors",
                 "plover_context"]
GROUP_TABLE = ["date_start", "source_code", "cameo", "target_code", "quad_class", "goldstein", "num_mentions",
               "num_articles", "num_sources", "num_stories", "event_key"]
GROUP_COLUMNS = ["event_key", "source_code", "source_name", "source_country", "source_sectors", "target_code",
                 "target_name", "target_country", "target_sectors", "cameo", "root", "quad_class", "goldstein",
                 "plover_event", "plover_mode", "plover_context", "negated", "date_start", "date_end", "place",
                 "place_country", "lat", "lon", "is_root", "num_mentions", "num_articles", "num_sources",
                 "num_stories", "url", "date_added", "mentions"]
# At 80 columns these go first (ids can be looked up with --format csv/json).
EVENT_DROP = ["doc_id", "event_id", "outlet", "plover_event", "quad_class", "source_name", "target_name", "event_key",
              "num_stories", "num_sources"]
MAX_OFFSET = 10**9


@app.command()
def events(db: Optional[str] = DbOpt,
           actor: Optional[str] = typer.Option(None, "--actor", help="Either side: code (USA, USA* for a prefix) or name."),
           source: Optional[str] = typer.Option(None, "--source", help="Source actor code (prefix with *) or name."),
           target: Optional[str] = typer.Option(None, "--target", help="Target actor code (prefix with *) or name."),
           dyad: Optional[str] = typer.Option(None, "--dyad", help="SOURCE,TARGET codes, e.g. USA*,IRQ*."),
           root: Optional[str] = typer.Option(None, "--root", metavar="NN", callback=check_root, help="CAMEO root 01..20."),
           cameo: Optional[str] = typer.Option(None, "--cameo", metavar="CODE", callback=check_cameo,
                                               help="CAMEO code or prefix (2-4 digits)."),
           plover: Optional[str] = typer.Option(None, "--plover", callback=check_plover, help="PLOVER event type."),
           quad: Optional[int] = typer.Option(None, "--quad", min=1, max=4, help="QuadClass 1..4."),
           start: Optional[str] = FromOpt, end: Optional[str] = ToOpt,
           outlet: Optional[str] = typer.Option(None, "--outlet", help="Only events from this outlet (its name)."),
           text: Optional[str] = typer.Option(None, "--text", help="Words in the sentence."),
           doc: Optional[str] = typer.Option(None, "--doc", help="A document id."),
           folded: bool = typer.Option(False, "--folded", help="One row per event across articles, with mention/article/source counts."),
           limit: int = typer.Option(100, "--limit", min=1, max=MAX_OFFSET, help="Rows to show (at least 1)."),
           offset: int = typer.Option(0, "--offset", min=0, max=MAX_OFFSET, help="Rows to skip first (0 or more)."),
           fmt: str = FormatOpt) -> None:
    """Query coded events."""
    from ..store import EventFilter

    if dyad:
        parts = [p.strip() for p in dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise typer.BadParameter("--dyad expects SOURCE,TARGET")
        source, target = parts
    flt = EventFilter(actor=actor, source=source, target=target, root=root, cameo=cameo, plover=plover, quad_class=quad,
                      start=parse_published(start, "--from"), end=parse_published(end, "--to"), outlet=outlet, text=text, doc_id=doc,
                      limit=limit, offset=offset)
    with _open(db, read_only=False) as store:
        if folded:
            rows = store.event_groups(flt)
            cols, every = GROUP_TABLE, GROUP_COLUMNS
            total = None
        else:
            rows = store.events(flt)
            cols, every = EVENT_TABLE, EVENT_COLUMNS
            total = store.count_events(flt)
    _emit(rows, fmt, cols if fmt == "table" else every, drop_order=EVENT_DROP,
          title=f"{len(rows)} of {total} events" if total is not None else f"{len(rows)} events")


# -- dyad ---------------------------------------------------------------------------------
@app.command()
def dyad(a: str = typer.Argument(..., help="Actor code (prefix): USA covers USAGOV, USAMIL..."),
         b: str = typer.Argument(..., help="The other actor code."),
         db: Optional[str] = DbOpt,
         by: str = typer.Option("week", "--by", help="day, week, month, quarter or year."),
         start: Optional[str] = FromOpt, end: Optional[str] = ToOpt,
         directed: bool = typer.Option(False, "--directed", help="Only A acting on B."),
         plot: Optional[str] = typer.Option(None, "--plot", metavar="FILE.png", callback=check_folder,
                                            help="Write a PNG timeline here (its folder must exist)."),
         fmt: str = FormatOpt) -> None:
    """A dyad's time series: events by QuadClass, Goldstein sum and mean, per period."""
    from ..analysis import plot_dyad
    from ..analysis.dyads import COLUMNS
    from ..store import PERIODS

    if by not in PERIODS:
        raise typer.BadParameter(f"--by must be one of {', '.join(PERIODS)}")
    with _open(db) as store:
        rows = store.dyad_timeline(a, b, by=by, start=parse_published(start, "--from"), end=parse_published(end, "--to"), directed=directed)
        undated = store.dyad_undated(a, b, directed=directed)
    _emit(rows, fmt, COLUMNS if fmt == "table" else COLUMNS + ["from_published", "event_ids"],
          title=f"{a} – {b} by {by}")
    fallback = sum(r["from_published"] for r in rows)
    err.print(f"{sum(r['events'] for r in rows)} event(s); {fallback} without a date of their own counted "
              "at their article's publication date"
              + (f"; {undated} left out: no date and no publication date (ingest with --published)" if undated else ""))
    if plot:
        try:
            plot_dyad(rows, a, b, plot, by=by)
        except OSError as exc:
            raise typer.BadParameter(f"--plot: cannot write {plot}: {exc.strerror or exc}") from None
        err.print(f"wrote {plot}")


# -- network ------------------------------------------------------------------------------
@app.command()
def network(db: Optional[str] = DbOpt,
            output: Optional[str] = typer.Option(None, "-o", "--output", metavar="FILE", callback=check_folder,
                                                 help="Write the graph: .graphml, .gexf or .json."),
            start: Optional[str] = FromOpt, end: Optional[str] = ToOpt,
            min_weight: int = typer.Option(1, "--min-weight", min=1, help="Drop edges with fewer events."),
            countries: bool = typer.Option(False, "--countries", help="Countries as nodes (USAGOV -> USA)."),
            top: int = typer.Option(15, "--top", min=1, help="Actors to list.")) -> None:
    """The actor network: who acts on whom, how often, cooperatively or not."""
    from ..analysis import top_actors, write_graph

    with _open(db) as store:
        g = store.network(start=parse_published(start, "--from"), end=parse_published(end, "--to"), min_weight=min_weight,
                          country_level=countries)
    if output:
        try:
            write_graph(g, output)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
        except OSError as exc:
            raise typer.BadParameter(f"--output: cannot write {output}: {exc.strerror or exc}") from None
        err.print(f"wrote {output}: {g.number_of_nodes()} actors, {g.number_of_edges()} edges")
    rows = top_actors(g, top)
    _emit(rows, "table", ["actor", "label", "out", "in", "degree", "pagerank"], drop_order=["label"],
          title=f"{g.number_of_nodes()} actors, {g.number_of_edges()} edges")


# -- stances ------------------------------------------------------------------------------
@app.command()
def stances(db: Optional[str] = DbOpt,
            proposition: Optional[str] = typer.Option(None, "--proposition", "-p", help="Words of the proposition."),
            holder: Optional[str] = typer.Option(None, "--holder", help="Holder code (prefix with *) or name."),
            fmt: str = FormatOpt) -> None:
    """Who stands where: stances grouped by proposition and holder across documents."""
    with _open(db) as store:
        rows = store.stances(proposition=proposition, holder=holder)
    for r in rows:
        r["holder_names"] = "; ".join(r["holder_names"])
    cols = ["proposition", "holder", "holder_names", "polarity", "support", "oppose", "documents"]
    _emit(rows, fmt, cols if fmt != "json" else cols + ["evidence"], title="stances")


# -- export -------------------------------------------------------------------------------
@app.command()
def export(output: str = typer.Argument(..., help="A file (gdelt, plover) or a directory (parquet, csv); - for stdout."),
           fmt: str = typer.Option(..., "--format", "-f", help="gdelt, plover, parquet or csv."),
           db: Optional[str] = DbOpt,
           header: bool = typer.Option(False, "--header", help="GDELT: write a header row of column names."),
           start: Optional[str] = FromOpt, end: Optional[str] = ToOpt) -> None:
    """Export: the GDELT 2.0 event table (61 columns, TSV), PLOVER JSON Lines, or every table as Parquet/CSV."""
    from ..export import write_gdelt, write_plover, write_tables
    from ..store import EventFilter, StoreError

    flt = EventFilter(start=parse_published(start, "--from"), end=parse_published(end, "--to"), limit=None)
    out = sys.stdout if output == "-" else output
    try:
        with _open(db) as store:
            if fmt == "gdelt":
                n = write_gdelt(store, out, flt, header=header)
                err.print(f"wrote {n} GDELT event rows")
            elif fmt == "plover":
                n = write_plover(store, out, flt)
                err.print(f"wrote {n} PLOVER records")
            elif fmt in ("parquet", "csv"):
                if output == "-":
                    raise typer.BadParameter("parquet/csv need a directory")
                counts = write_tables(store, output, fmt)
                err.print("wrote " + ", ".join(f"{t} ({n})" for t, n in counts.items()) + f" to {output}")
            else:
                raise typer.BadParameter("--format must be gdelt, plover, parquet or csv")
    except (OSError, StoreError) as exc:
        _error(exc)
        raise typer.Exit(1)


# -- watch --------------------------------------------------------------------------------
@app.command()
def watch(sources: List[str] = typer.Argument(..., help="RSS/Atom feed URLs or files, or folders to watch."),
          db: Optional[str] = DbOpt,
          interval: float = typer.Option(300.0, "--interval", help="Seconds between polls."),
          once: bool = typer.Option(False, "--once", help="Poll once and exit."),
          fetch: bool = typer.Option(False, "--fetch", help="Download each feed entry's linked page instead of using the feed text."),
          config: Optional[str] = ConfigOpt, model: Optional[str] = ModelOpt) -> None:
    """Poll feeds and folders; code and store what is new."""
    from ..scale.watch import Watcher
    from ..store import StoreError

    settings = settings_from(config, model=model)
    store = _open(db, settings, create=True)
    w = Watcher(sources, store, settings, fetch=fetch)
    try:
        with sigterm_as_interrupt():
            while True:
                started = time.monotonic()
                stats = w.poll(on_input=report_input)
                err.print(f"{_dt.datetime.now().isoformat(timespec='seconds')} polled {len(sources)} source(s): "
                          f"{stats.summary()}")
                if once:
                    break
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
    except StoreError as exc:
        _error(exc)
        raise typer.Exit(1)
    except KeyboardInterrupt:
        err.print("stopped")
    finally:
        store.close()
