"""The events stage: CAMEO/PLOVER events with actors, qualifiers, dates and places.

Registered as ``"events"``; runs after ``"actors"`` and maps argument tokens to actors with
``Document.actors_at``.  See ``docs/events.md``.
"""
from __future__ import annotations

from ..registry import stage as _register
from .stage import EventStage

_register("events")(EventStage)

__all__ = ["EventStage"]
