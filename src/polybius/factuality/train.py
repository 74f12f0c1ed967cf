"""Train the factuality model from the written examples, with 5-fold cross-validated figures.

    python -m polybius.train factuality [--examples FILE] [--out FILE] [--limit N] [--folds 5]

Reads ``data/events/factuality/examples.jsonl`` (each row: ``text``, ``trigger`` with character
offsets, ``label``), parses the sentences with Polybius's spaCy model, turns each trigger into
features (:mod:`.features`), fits a multinomial logistic regression (scikit-learn, fixed seed) and
writes the weights as JSON (default: the model shipped in the package).  scikit-learn is needed
only here; the model runs on numpy alone.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import time
from pathlib import Path

import numpy as np

from .features import TRAIN_DATE, trigger_features
from .model import FACTUAL, LABELS, MODEL_PATH, Factuality

EXAMPLES_PATH = MODEL_PATH.parent / "examples.jsonl"
TRAIN_PUBLISHED = TRAIN_DATE


class ExampleError(ValueError):
    """A training row that cannot be used (file:line and the reason)."""


def load_examples(path: str | Path = EXAMPLES_PATH) -> list[dict]:
    """The rows of a JSONL example file, checked: known label, trigger offsets inside the text
    and equal to the trigger's text."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            r = json.loads(line)
            text, trig, label = r["text"], r["trigger"], r["label"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ExampleError(f"{where}: not an example row ({exc})") from None
        if label not in LABELS:
            raise ExampleError(f"{where}: unknown label {label!r} (known: {', '.join(LABELS)})")
        if text[trig["start"]:trig["end"]] != trig.get("text", text[trig["start"]:trig["end"]]) or \
                not 0 <= trig["start"] < trig["end"] <= len(text):
            raise ExampleError(f"{where}: trigger offsets {trig['start']}-{trig['end']} do not hold {trig.get('text')!r}")
        rows.append(r)
    return rows


def featurize(rows: list[dict], nlp, published: _dt.date = TRAIN_PUBLISHED) -> list[list[str]]:
    out = []
    for r, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        span = doc.char_span(r["trigger"]["start"], r["trigger"]["end"], alignment_mode="expand")
        out.append(trigger_features(span.root, published))
    return out


def fit(feats: list[list[str]], labels: list[str], c: float = 1.0, seed: int = 0) -> Factuality:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in feats])
    clf = LogisticRegression(C=c, max_iter=2000, random_state=seed)
    clf.fit(x, labels)
    names = list(vec.get_feature_names_out())
    return Factuality(list(clf.classes_), names, clf.coef_, clf.intercept_)


def cross_validate(feats, labels, folds: int = 5, c: float = 1.0, seed: int = 0) -> dict:
    """Stratified k-fold figures: label accuracy and macro-F1; factual vs not: accuracy, and the
    precision and recall of the non-factual class (the events the stage would drop)."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    y = np.array(labels)
    pred = np.empty(len(y), dtype=object)
    p_fact = np.zeros(len(y))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y):
        m = fit([feats[i] for i in tr], list(y[tr]), c, seed)
        for i in te:
            probs = m.scores(feats[i])
            pred[i] = m.labels[int(np.argmax(probs))]
            p_fact[i] = sum(p for lab, p in zip(m.labels, probs) if lab in FACTUAL)
    gold_fact = np.isin(y, list(FACTUAL))
    drop = p_fact < 0.5
    tp = int((drop & ~gold_fact).sum())
    return {"folds": folds, "n": len(y), "accuracy": round(float((pred == y).mean()), 3),
            "macro_f1": round(float(f1_score(y, pred, average="macro")), 3),
            "factual_accuracy": round(float((drop != gold_fact).mean()), 3),
            "nonfactual_precision": round(tp / max(1, int(drop.sum())), 3),
            "nonfactual_recall": round(tp / max(1, int((~gold_fact).sum())), 3),
            "per_label_recall": {lab: round(float((pred[y == lab] == lab).mean()), 3) for lab in LABELS if (y == lab).any()}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m polybius.train factuality", description=__doc__.splitlines()[0])
    ap.add_argument("--examples", default=str(EXAMPLES_PATH))
    ap.add_argument("--out", default=str(MODEL_PATH), help="where to write the model (default: the packaged one)")
    ap.add_argument("--limit", type=int, default=0, help="train on N examples spread over the file (tests)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=1.0, help="inverse L2 regularisation strength")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    from ..nlp import load_model

    t0 = time.perf_counter()
    rows = load_examples(args.examples)
    if args.limit:
        rows = rows[::max(1, len(rows) // args.limit)][:args.limit]
    feats = featurize(rows, load_model())
    labels = [r["label"] for r in rows]
    cv = cross_validate(feats, labels, args.folds, args.C, args.seed) if args.folds > 1 else None
    model = fit(feats, labels, args.C, args.seed)
    import sklearn

    model.meta = {"trained_on": Path(args.examples).name, "examples": len(rows), "C": args.C, "seed": args.seed,
                  "features": len(model.index), "scikit_learn": sklearn.__version__,
                  "train_published": TRAIN_PUBLISHED.isoformat(), "cv": cv}
    Path(args.out).write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    secs = time.perf_counter() - t0
    print(f"examples {len(rows)}  features {len(model.index)}  labels {', '.join(model.labels)}")
    if cv:
        print(f"{cv['folds']}-fold CV: label accuracy {cv['accuracy']:.3f}  macro-F1 {cv['macro_f1']:.3f}  "
              f"factual vs not accuracy {cv['factual_accuracy']:.3f}  non-factual P {cv['nonfactual_precision']:.3f} "
              f"R {cv['nonfactual_recall']:.3f}")
        print("  recall by label: " + "  ".join(f"{k} {v:.2f}" for k, v in cv["per_label_recall"].items()))
    print(f"wrote {args.out} ({secs:.1f} s)")
    return 0
