"""Options and helpers shared by commands."""
from __future__ import annotations

import datetime as _dt
import sys
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from ..config import Settings, load_settings

err = Console(stderr=True, highlight=False, soft_wrap=True)


def parse_published(value: Optional[str], name: str | None = None) -> Optional[_dt.date]:
    """A YYYY-MM-DD option value (``name`` is the option, for the error)."""
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{name + ': ' if name else ''}expected YYYY-MM-DD, got {value!r}") from None


def settings_from(config: Optional[str] = None, **overrides) -> Settings:
    try:
        return load_settings(config, **overrides)
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] settings: {exc}")
        raise typer.Exit(2)


def report(doc) -> None:
    """One line on stderr per problem with a document."""
    for e in doc.errors:
        err.print(("[red]skipped:[/red] " if doc.skipped else "[yellow]warning:[/yellow] ") + escape(e), soft_wrap=True)


def is_tty() -> bool:
    return sys.stderr.isatty()
