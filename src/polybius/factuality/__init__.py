"""Factuality of an event: did the article say it happened, or is it denied, alleged,
conditional, planned, generic or background?  A trained model (data/events/factuality/) the
events stage calls on a candidate event's trigger; it imports no stage."""
from .model import FACTUAL, LABELS, Factuality, ModelError

__all__ = ["FACTUAL", "LABELS", "Factuality", "ModelError"]
