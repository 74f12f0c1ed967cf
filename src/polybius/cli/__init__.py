"""The ``polybius`` command line (Typer).  Commands are thin: each calls one function.

Feature modules add their commands to ``app``; they are listed in ``COMMAND_MODULES``.
A bad option or argument is one line on stderr and exit status 2 (:func:`main`).
"""
from __future__ import annotations

import sys
from importlib import import_module

import typer
from typer._click import exceptions as click_errors  # Typer's own copy of click
from typer.core import TyperCommand
from rich.markup import escape

from .. import __version__
from .help import Command, Group

app = typer.Typer(
    name="polybius",
    help="Read the news; code who did what to whom, when and where; who said what; who stands where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=Group,
    context_settings={"max_content_width": 160},
)


def _print_version(value: bool) -> None:
    if value:
        print(f"polybius {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")) -> None:
    """Read the news; code who did what to whom, when and where; who said what; who stands where."""


COMMAND_MODULES = [
    "polybius.cli.code",
    "polybius.cli.store",
    "polybius.cli.manage",
    "polybius.cli.serve",
    "polybius.cli.kb",
]

for _m in COMMAND_MODULES:
    import_module(_m)
for _info in app.registered_commands:
    if _info.cls in (None, TyperCommand):
        _info.cls = Command


def main(argv: list[str] | None = None) -> None:
    """Run the command line; a usage error is one line (``error: ...``) and exit status 2."""
    from .common import err

    try:
        code = app(args=argv, prog_name="polybius", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:
        print(exc.format_message())
        sys.exit(2)
    except click_errors.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx is not None else "polybius"
        err.print(f"[red]error:[/red] {escape(exc.format_message())} (see `{escape(command)} --help`)", soft_wrap=True)
        sys.exit(exc.exit_code)
    except click_errors.ClickException as exc:
        err.print(f"[red]error:[/red] {escape(exc.format_message())}", soft_wrap=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("aborted")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
