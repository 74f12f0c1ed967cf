"""The stage registry: stages register a factory under a name; config lists names.

A stage factory (usually a :class:`polybius.stages.Stage` subclass) takes ``(settings, nlp)`` and
returns a callable ``stage(doc) -> None`` declaring ``requires``/``assigns``,
that adds its layer to a :class:`polybius.model.Document`.  Plugins can register
stages of their own (``polybius.registry.stage("my-stage")``) or through the
``polybius.stages`` entry-point group.
"""
from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points
from typing import Callable

_STAGES: dict[str, Callable] = {}

# Built-in stages and the module that registers each; imported on first use so that
# a pipeline only pays for the stages it runs.
BUILTIN = {
    "actors": "polybius.actors",
    "events": "polybius.events",
    "speech": "polybius.speech",
}


def stage(name: str):
    def deco(factory: Callable) -> Callable:
        _STAGES[name] = factory
        return factory

    return deco


def get_stage(name: str) -> Callable:
    if name not in _STAGES and name in BUILTIN:
        import_module(BUILTIN[name])
    if name not in _STAGES:
        for ep in entry_points(group="polybius.stages"):
            if ep.name == name:
                _STAGES[name] = ep.load()
    if name not in _STAGES:
        raise KeyError(f"no stage named {name!r}; known: {', '.join(sorted(set(_STAGES) | set(BUILTIN)))}")
    return _STAGES[name]


def available(name: str) -> bool:
    try:
        get_stage(name)
        return True
    except (KeyError, ImportError):
        return False
