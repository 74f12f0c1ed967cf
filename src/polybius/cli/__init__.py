"""The ``polybius`` command line (Typer).  Commands are thin: each calls one function.

Feature modules add their commands to ``app``; they are listed in ``COMMAND_MODULES``.
"""
from __future__ import annotations

from importlib import import_module

import typer

app = typer.Typer(
    name="polybius",
    help="Read the news; code who did what to whom, when and where; who said what; who stands where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES = [
    "polybius.cli.code",
    "polybius.cli.store",
    "polybius.cli.manage",
    "polybius.cli.serve",
]

for _m in COMMAND_MODULES:
    import_module(_m)


def main() -> None:
    app()
