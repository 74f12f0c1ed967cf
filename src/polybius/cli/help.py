"""How ``--help`` reads: option types as words (``TEXT``, ``DATE``, ``FILE``...), none for flags
(Typer's own placeholders are ``<str>``, ``<bool>`` and ``<list[str]>``), and whole lines when
the help goes to a pipe or a file (Rich would wrap it at 80 columns)."""
from __future__ import annotations

import os
import sys
from functools import partial

from typer.core import TyperCommand, TyperGroup

HELP_WIDTH = 160  # help written to a pipe or a file


_WORDS = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER"}


def _type_word(param, ctx) -> str | None:
    """The type column of the help: the option's metavar, or TEXT/INTEGER/NUMBER; nothing for flags."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False) or param.param_type_name == "argument":
        return None  # flags take no value; an argument's name column says it already
    if param.metavar:
        return param.metavar
    bare = param.bare_type()
    many = bare.startswith("list[")
    word = _WORDS.get(bare[5:-1] if many else bare, "VALUE")
    return word + "..." if many else word


def _plain_help(params) -> None:
    for p in params:
        p.display_type_rich = partial(_type_word, p)
        p.display_type = partial(_type_word, p)


def _wide_help_to_pipes() -> None:
    """Help to a pipe or file: Rich would assume 80 columns; use HELP_WIDTH unless the user
    set a width ($TERMINAL_WIDTH or $COLUMNS)."""
    from typer import rich_utils

    if rich_utils.MAX_WIDTH is None and not os.environ.get("COLUMNS") and not sys.stdout.isatty():
        rich_utils.MAX_WIDTH = HELP_WIDTH


class _PlainHelp:
    """Mixed into Typer's command and group classes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_help(self.params)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            _plain_help([option])
        return option

    def get_help(self, ctx) -> str:
        _wide_help_to_pipes()
        return super().get_help(ctx)


class Command(_PlainHelp, TyperCommand):
    pass


class Group(_PlainHelp, TyperGroup):
    pass
