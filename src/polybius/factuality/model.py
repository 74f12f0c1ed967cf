"""The factuality model at run time: numpy only, weights read from the package.

    from polybius.factuality import Factuality
    f = Factuality.load()                       # data/events/factuality/model.json, once per process
    label, p = f.predict(token)                 # a spaCy Token: the event's trigger
    f.probabilities(token, published=date)      # every label's probability
    f.factual(token)                            # P(asserted or reported)

The events stage calls it on each candidate event's trigger; it imports no stage.
"""
from __future__ import annotations

import datetime as _dt
import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from .features import load_cues, trigger_features

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "events" / "factuality" / "model.json"
LABELS = ("asserted", "reported", "denied", "alleged", "conditional", "future", "generic", "background")
FACTUAL = frozenset({"asserted", "reported"})


class ModelError(ValueError):
    """A model file that cannot be used."""


class Factuality:
    """Multinomial logistic regression over :func:`trigger_features`."""

    def __init__(self, labels, features, coef, intercept, meta=None):
        self.labels = tuple(labels)
        self.index = {f: i for i, f in enumerate(features)}
        self.coef = np.asarray(coef, dtype=float)  # labels x features
        self.intercept = np.asarray(intercept, dtype=float)
        if self.coef.shape != (len(self.labels), len(self.index)) or self.intercept.shape != (len(self.labels),):
            raise ModelError(f"weights {self.coef.shape} / {self.intercept.shape} do not fit "
                             f"{len(self.labels)} labels x {len(self.index)} features")
        unknown = set(self.labels) - set(LABELS)
        if unknown:
            raise ModelError(f"unknown label(s) {sorted(unknown)}; known: {', '.join(LABELS)}")
        self.meta = meta or {}
        self.cues = load_cues()

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Factuality":
        """The model at ``path`` (default: the one shipped in the package), cached per path."""
        return _load(str(path or MODEL_PATH))

    @classmethod
    def from_json(cls, data: dict, where: str = "<model>") -> "Factuality":
        try:
            return cls(data["labels"], data["features"], data["coef"], data["intercept"], data.get("meta"))
        except KeyError as exc:
            raise ModelError(f"{where}: no {exc.args[0]!r} in the model file") from None
        except ModelError as exc:
            raise ModelError(f"{where}: {exc}") from None

    def to_json(self) -> dict:
        feats = sorted(self.index, key=self.index.get)
        return {"labels": list(self.labels), "features": feats,
                "coef": [[round(float(x), 5) for x in row] for row in self.coef],
                "intercept": [round(float(x), 5) for x in self.intercept], "meta": self.meta}

    def scores(self, feats: list[str]) -> np.ndarray:
        idx = [self.index[f] for f in set(feats) if f in self.index]
        z = self.coef[:, idx].sum(axis=1) + self.intercept
        z = np.exp(z - z.max())
        return z / z.sum()

    def probabilities(self, trigger, published: _dt.date | None = None) -> dict[str, float]:
        """Each label's probability for the event whose trigger is ``trigger`` (a spaCy Token,
        or a Span, whose root is taken); ``published`` places years before or after the news."""
        tok = trigger.root if hasattr(trigger, "root") else trigger
        p = self.scores(trigger_features(tok, published, self.cues))
        return {lab: float(x) for lab, x in zip(self.labels, p)}

    def predict(self, trigger, published: _dt.date | None = None) -> tuple[str, float]:
        """``(label, probability)`` of the most likely label."""
        probs = self.probabilities(trigger, published)
        label = max(probs, key=probs.get)
        return label, probs[label]

    def factual(self, trigger, published: _dt.date | None = None) -> float:
        """The probability that the article says the act happened (asserted or reported)."""
        probs = self.probabilities(trigger, published)
        return sum(p for lab, p in probs.items() if lab in FACTUAL)


@lru_cache(maxsize=4)
def _load(path: str) -> Factuality:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: cannot read the factuality model: {exc}") from None
    return Factuality.from_json(data, path)
