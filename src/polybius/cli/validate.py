"""Option callbacks: a bad value is a usage error (one line, exit status 2), checked as the
REST API checks the same value (:mod:`polybius.api.filters`)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import typer

from ..api.filters import CAMEO, PLOVER, ROOT

LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")


def _matching(pattern: str, what: str):
    def check(value: Optional[str]) -> Optional[str]:
        if value is not None and not re.match(pattern, value):
            raise typer.BadParameter(f"{value!r} is not {what}")
        return value

    return check


check_root = _matching(ROOT, "a CAMEO root (01 to 20)")
check_cameo = _matching(CAMEO, "a CAMEO code or prefix (2 to 4 digits)")
check_plover = _matching(PLOVER, "a PLOVER event type (letters and _)")


def check_folder(value: Optional[str]) -> Optional[str]:
    """An output file: its folder must exist (nothing is created silently)."""
    if value is not None and value != "-":
        folder = Path(value).expanduser().parent
        if not folder.is_dir():
            raise typer.BadParameter(f"no such folder: {folder}")
    return value


def check_log_level(value: str) -> str:
    if value.lower() not in LOG_LEVELS:
        raise typer.BadParameter(f"{value!r}: use one of {', '.join(LOG_LEVELS)}")
    return value.lower()
