"""The stage contract: every coding stage has one shape.

A stage is built once per pipeline from ``(settings, nlp)``, loading and validating its
data there, and is then called once per :class:`~polybius.model.Document`.  It declares
the document layers it ``requires`` and those it ``assigns`` (as spaCy components do);
:func:`check_order` refuses, when the pipeline is built, an order in which a stage would
run before the layers it needs exist.  Per-document state lives in a context object the
stage makes for each call, never on the stage itself.

Layers are the names of :class:`~polybius.model.Document` fields (``actors``, ``events``)
or ``extras.<key>`` for the extra layers a stage leaves for later ones.  Ingest and the
nlp step give :data:`GIVEN`.
"""
from __future__ import annotations

from typing import Any, ClassVar

# The layers every document has before the first configured stage runs.
GIVEN: tuple[str, ...] = ("text", "blocks", "published", "sentences", "nlp")


class PipelineError(ValueError):
    """A pipeline that cannot run as configured (a stage before the layers it needs)."""


class Stage:
    """Base of the built-in stages; plugins may subclass it or give the same attributes.

    Subclasses set ``name``, ``requires`` and ``assigns`` and implement ``__call__``.
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, settings: Any, nlp: Any) -> None:
        self.settings = settings

    def __call__(self, doc) -> None:  # pragma: no cover - the contract itself
        raise NotImplementedError


def contract(stage: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(requires, assigns)`` of a built stage (a plugin that declares nothing needs nothing)."""
    return tuple(getattr(stage, "requires", ()) or ()), tuple(getattr(stage, "assigns", ()) or ())


def check_order(stages: list[tuple[str, Any]], given: tuple[str, ...] = GIVEN) -> None:
    """Raise :class:`PipelineError` when a stage requires a layer no earlier step assigns."""
    have = set(given)
    for name, stage in stages:
        requires, assigns = contract(stage)
        missing = [layer for layer in requires if layer not in have]
        if missing:
            makers = {layer: [n for n, s in stages if layer in contract(s)[1]] for layer in missing}
            hint = "; ".join(f"{layer!r} is assigned by {', '.join(m) or 'no configured stage'}"
                             for layer, m in makers.items())
            raise PipelineError(f"stage {name!r} requires {', '.join(map(repr, missing))}, "
                                f"which no earlier step assigns ({hint})")
        have.update(assigns)


def describe(stages: list[tuple[str, Any]]) -> list[dict]:
    """One row per stage: name, requires, assigns (``polybius stages`` and the docs)."""
    return [{"name": name, "requires": list(contract(s)[0]), "assigns": list(contract(s)[1])}
            for name, s in stages]
