"""Calibrated confidence: the measured probability that a coded event is right (issue 12).

A small logistic model maps what the coder knows of an event — its rule's confidence (the
entry's, less the named adjustments), the factuality model's P(asserted or reported), whether it
has a source and a target, how the source was found (inferred from a clause, a place, the
target's state), its modality, a noun trigger, a headline, its QuadClass — to the probability
that an expert's gold holds it.  The weights are data (``data/events/calibration.json``), fitted
by ``benchmarks/calibrate_confidence.py`` on the odd half of the real-news dev set and checked by
deciles on the even half (docs/confidence.md).  Without the file, confidence stays the rules'.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).resolve().parents[1] / "data" / "events" / "calibration.json"
FEATURES = ("rule_confidence", "p_factual", "has_source", "has_target", "inferred_source", "reported",
            "noun", "headline", "quad_1", "quad_2", "quad_3", "quad_4")
_INFERRED = ("source=clause", "source=place", "source=target state", "target=phrase")


def features(rule_confidence: float, p_factual: float, source, target, rule: str, modality: str,
             noun: bool, headline: bool, quad: int | None) -> list[float]:
    """The model's inputs for one event, in the order of :data:`FEATURES`."""
    return [rule_confidence, p_factual, float(source is not None), float(target is not None),
            float(any(w in rule for w in _INFERRED)), float(modality == "reported"), float(noun), float(headline),
            *(float(quad == q) for q in (1, 2, 3, 4))]


class Calibration:
    def __init__(self, coef: list[float], intercept: float, meta: dict | None = None):
        if len(coef) != len(FEATURES):
            raise ValueError(f"expected {len(FEATURES)} weights ({', '.join(FEATURES)}), got {len(coef)}")
        self.coef, self.intercept, self.meta = list(coef), float(intercept), meta or {}

    def probability(self, x: list[float]) -> float:
        z = self.intercept + sum(w * v for w, v in zip(self.coef, x))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        return {"features": list(FEATURES), "coef": [round(c, 5) for c in self.coef],
                "intercept": round(self.intercept, 5), "meta": self.meta}


@lru_cache(maxsize=4)
def load(path: str = str(PATH)) -> Calibration | None:
    """The calibration in ``path`` (None when there is none); a bad file is one error naming it."""
    p = Path(path)
    if not p.is_file():
        return None
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        if data.get("features") != list(FEATURES):
            raise ValueError(f"features must be {list(FEATURES)}")
        return Calibration(data["coef"], data["intercept"], data.get("meta"))
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a confidence calibration: {exc}") from None
