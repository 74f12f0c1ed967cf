"""``polybius serve`` (the REST API and the web explorer) and ``polybius api-key``."""
from __future__ import annotations

import signal
import sys
import threading
from typing import List, Optional

import typer
from rich.markup import escape

from . import app
from .common import err, settings_from
from .validate import check_log_level


@app.command()
def serve(db: Optional[str] = typer.Option(None, "--db", help="Store: a DuckDB file (default polybius.duckdb) or postgresql://..."),
          host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (loopback by default)."),
          port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port to listen on."),
          config: Optional[str] = typer.Option(None, "--config", help="A TOML settings file."),
          model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline for POST /documents."),
          api_key_hash: Optional[List[str]] = typer.Option(None, "--api-key-hash",
                                                           help="scrypt hash of a key allowed to write (from `polybius api-key`); repeatable. "
                                                                "Also settings api_key_hashes / $POLYBIUS_API_KEY_HASHES."),
          preload: bool = typer.Option(True, "--preload/--no-preload", help="Load the coding pipeline at start, not at the first POST."),
          log_level: str = typer.Option("info", "--log-level", callback=check_log_level,
                                        help="Server log detail: critical, error, warning, info, debug or trace.")) -> None:
    """Serve the REST API (OpenAPI at /openapi.json) and the web explorer (at /) on the store."""
    import uvicorn

    from ..api import create_app
    from ..api.security import KeyChecker, KeyFormatError

    settings = settings_from(config, db=db, model=model, api_key_hash=api_key_hash)
    try:
        KeyChecker(settings.api_key_hashes)  # a bad hash is reported before anything is opened
    except KeyFormatError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2)
    try:
        from ..store import open_store

        store = open_store(settings.db, create=False)  # a query command never creates a store
    except Exception as exc:  # a locked, corrupt or unreachable store: say so and stop
        err.print(f"[red]error:[/red] cannot open the store {escape(str(settings.db))}: {escape(str(exc))}")
        raise typer.Exit(2)
    api = create_app(store=store, settings=settings)
    state = api.state.polybius
    if not state.keys.enabled:
        err.print("[yellow]note:[/yellow] no API key configured: the API is read-only (make one with `polybius api-key`)")
    if preload:
        threading.Thread(target=_warm, args=(state,), daemon=True, name="polybius-warm-up").start()
    err.print(f"Polybius explorer on http://{host}:{port}/  (API: /openapi.json, store: {escape(str(settings.db))})")
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal to the handler
    # that was there before it: make that one end the run normally, so the store is closed.
    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        uvicorn.run(api, host=host, port=port, log_level=log_level, server_header=False)
    except _Stopped:
        pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        state.close()
        store.close()
    err.print("stopped; the store is closed")


class _Stopped(Exception):
    pass


def _stop(signum, frame):
    raise _Stopped()


def _warm(state) -> None:
    try:
        state.warm_up()
    except Exception as exc:  # the API still serves reads; POST reports the error
        err.print(f"[yellow]warning:[/yellow] the coding pipeline could not be loaded: {escape(str(exc))}")


@app.command("api-key")
def api_key(stdin: bool = typer.Option(False, "--stdin", help="Hash the key read from stdin instead of making a new one.")) -> None:
    """Make an API key for writes: prints the key (shown once) and its hash for the settings."""
    from ..api.security import hash_key, new_key

    key = sys.stdin.readline().strip() if stdin else new_key()
    if not key:
        err.print("[red]error:[/red] empty key")
        raise typer.Exit(2)
    hashed = hash_key(key)
    if not stdin:
        print(f"key:  {key}")
    print(f"hash: {hashed}")
    err.print("Give the key to the client (header X-API-Key); put the hash in the settings "
              "(api_key_hashes = [\"...\"] or POLYBIUS_API_KEY_HASHES) or pass --api-key-hash to `polybius serve`.")
