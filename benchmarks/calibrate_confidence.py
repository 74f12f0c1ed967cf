"""Fit the calibrated confidence on the real-news dev set's odd half and check it on the even half
(issue 12): writes ``src/polybius/data/events/calibration.json`` and a trade-off plot.

    PYTHONPATH=src .venv/bin/python benchmarks/calibrate_confidence.py [--plot docs/confidence.png] [--dry-run]

Codes ``../shared/benchmarks/realnews`` with the rules' confidence (``calibrated_confidence`` off),
labels each coded event right or wrong with the dev set's scorer (one-to-one matching), fits a
logistic regression (scikit-learn, L2, C = 1) on the odd (tune) articles' events with the features
of :mod:`polybius.events.calibration`, and prints, for the even (held-out) half, the observed
precision in each decile of stated confidence and precision / recall / F1 at each threshold.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from realnews_common import (ROOT, article_files, by_half, code_articles, gold_files, half, load_scorer, matched_ids,
                             pair, score_all, REALNEWS)

THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def labelled(docs, golds, scorer):
    """(half, features, right?, document id, event id) for every coded event."""
    from polybius.events.calibration import features
    from polybius.factuality import FACTUAL, Factuality
    from polybius.model import Document
    from polybius.nlp import load_model, parse_documents

    model, out = Factuality.load(), []
    paired = pair(docs, golds, scorer)
    recs = [d for _, _, d in paired if d is not None]
    parsed = {d.id: d for d in parse_documents(load_model(), [Document.from_dict(r) for r in recs])}
    for name, gold, rec in paired:
        if rec is None:
            continue
        doc, right = parsed[rec["id"]], matched_ids(rec, gold, scorer)
        for e in rec.get("events") or []:
            if e.get("negated"):
                continue
            span = doc.nlp.char_span(e["trigger"]["start"], e["trigger"]["end"], alignment_mode="expand")
            tok = span.root if span is not None and len(span) else None
            pf = sum(p for k, p in model.probabilities(tok, doc.published).items() if k in FACTUAL) if tok else 1.0
            x = features(e["confidence"], pf, e.get("source"), e.get("target"), e["rule"], e["modality"],
                         tok is not None and tok.pos_ == "NOUN", doc.block_kind(e["sentence"]) == "headline",
                         e.get("quad_class"))
            out.append((half(name), x, e["id"] in right, rec["id"], e["id"]))
    return out


def deciles(probs, ys) -> list[tuple[float, float, float, int]]:
    """(low, high, mean stated, observed precision, n) per tenth of stated confidence."""
    rows = []
    for k in range(10):
        lo, hi = k / 10, (k + 1) / 10
        sel = [(p, y) for p, y in zip(probs, ys) if lo <= p < hi or (k == 9 and p == 1.0)]
        if sel:
            rows.append((lo, hi, sum(p for p, _ in sel) / len(sel), sum(y for _, y in sel) / len(sel), len(sel)))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plot", default=str(ROOT / "docs" / "confidence.png"))
    ap.add_argument("--dry-run", action="store_true", help="do not write the calibration file")
    args = ap.parse_args(argv)
    from sklearn.linear_model import LogisticRegression

    from polybius.config import load_settings
    from polybius.events.calibration import FEATURES, PATH, Calibration

    scorer = load_scorer(REALNEWS)
    out = Path(tempfile.mkdtemp(prefix="calib-")) / "coded.jsonl"
    docs = code_articles(article_files(REALNEWS), out, load_settings(env={}, calibrated_confidence=False))
    golds = gold_files(REALNEWS)
    rows = labelled(docs, golds, scorer)
    odd = [r for r in rows if r[0] == "odd"]
    even = [r for r in rows if r[0] == "even"]
    clf = LogisticRegression(C=1.0, max_iter=1000).fit([r[1] for r in odd], [int(r[2]) for r in odd])
    cal = Calibration([float(c) for c in clf.coef_[0]], float(clf.intercept_[0]),
                      {"fitted_on": "realnews odd half (../shared/benchmarks/realnews)", "events": len(odd),
                       "right": sum(r[2] for r in odd), "sklearn": __import__("sklearn").__version__, "C": 1.0})
    print("weights: " + ", ".join(f"{n} {c:+.2f}" for n, c in zip(FEATURES, cal.coef)) + f", intercept {cal.intercept:+.2f}")
    for name, part in (("odd (fit)", odd), ("even (held out)", even)):
        probs = [cal.probability(r[1]) for r in part]
        print(f"{name}: {len(part)} events, {sum(r[2] for r in part)} right; deciles (stated -> observed, n):")
        for lo, hi, mean, obs, n in deciles(probs, [r[2] for r in part]):
            print(f"  [{lo:.1f},{hi:.1f}) stated {mean:.2f} observed {obs:.2f} n={n}")
    curve = _curve(docs, golds, scorer, rows, cal)
    for th, r in curve:
        print(f"min_confidence {th:.1f}: " + "  ".join(
            f"{k} P {r[k]['precision']:.3f} R {r[k]['recall']:.3f} F1 {r[k]['f1']:.3f} ({r[k]['coded']})"
            for k in ("odd", "even")))
    _plot(curve, args.plot)
    if not args.dry_run:
        PATH.write_text(json.dumps(cal.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {PATH}")
    return 0


def _curve(docs, golds, scorer, rows, cal):
    conf = {(r[3], r[4]): cal.probability(r[1]) for r in rows}
    out = []
    for th in THRESHOLDS:
        kept = [dict(d, events=[e for e in d.get("events") or [] if conf.get((d["id"], e["id"]), 1.0) >= th])
                for d in docs]
        out.append((th, by_half(score_all(pair(kept, golds, scorer), scorer))))
    return out


def _plot(curve, path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    for k, style in (("odd", "--"), ("even", "-")):  # no event left: precision undefined, not drawn
        ax.plot([th for th, _ in curve], [r[k]["precision"] if r[k]["coded"] else float("nan") for _, r in curve],
                "b" + style, label=f"precision ({k})")
        ax.plot([th for th, _ in curve], [r[k]["recall"] for _, r in curve], "r" + style, label=f"recall ({k})")
    ax.set_xlabel("min_confidence")
    ax.set_ylabel("real-news dev set")
    ax.set_title("Calibrated confidence: the trade-off (fit on odd, even held out)")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    print(f"wrote {path}")


if __name__ == "__main__":
    raise SystemExit(main())
