"""Options and helpers shared by commands."""
from __future__ import annotations

import datetime as _dt
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from ..config import Settings, load_settings

err = Console(stderr=True, highlight=False, soft_wrap=True)

FromOpt = typer.Option(None, "--from", metavar="DATE", help="Only events on or after this date (YYYY-MM-DD).")
ToOpt = typer.Option(None, "--to", metavar="DATE", help="Only events on or before this date (YYYY-MM-DD).")


def parse_published(value: Optional[str], name: str | None = None) -> Optional[_dt.date]:
    """A YYYY-MM-DD option value (``name`` is the option, for the error)."""
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{name + ': ' if name else ''}expected YYYY-MM-DD, got {value!r}") from None


# Command-line option -> the setting it overrides.
OPTION_SETTINGS = {"model": "spacy_model", "actors": "actors_files", "agents": "agents_files",
                   "verbs": "verbs_files", "api_key_hash": "api_key_hashes", "db": "db"}


def settings_from(config: Optional[str] = None, **options) -> Settings:
    """The settings a command runs with: defaults <- TOML ``config`` <- ``$POLYBIUS_*`` <- its
    options.  ``options`` are named as the command's options (``model``, ``actors``, ...; see
    ``OPTION_SETTINGS``) or as settings; an option not given (None or empty) overrides nothing."""
    overrides = {}
    for name, value in options.items():
        if value is None or (isinstance(value, (list, tuple)) and not value):
            continue
        overrides[OPTION_SETTINGS.get(name, name)] = list(value) if isinstance(value, (list, tuple)) else value
    try:
        return load_settings(config, **overrides)
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] settings: {exc}")
        raise typer.Exit(2)


def report(doc) -> None:
    """One line on stderr per problem with a document."""
    for e in doc.errors:
        err.print(("[red]skipped:[/red] " if doc.skipped else "[yellow]warning:[/yellow] ") + escape(e), soft_wrap=True)

