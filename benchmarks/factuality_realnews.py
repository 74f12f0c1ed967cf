"""What the factuality model would do to real-news events: drop the coded events it finds
non-factual and re-score (issue 12; offline, the events stage is unchanged).

    PYTHONPATH=src .venv/bin/python benchmarks/factuality_realnews.py [--coded coded.jsonl] [--verbose]

Codes ``../shared/benchmarks/realnews/*.txt`` as ``events_realnews.py`` does (or reads a coded
JSON Lines file), re-parses each document, asks :class:`polybius.factuality.Factuality` for the
probability that each coded event is factual (asserted or reported, with the article's publication
date), and scores the coded events with those under a threshold dropped, for the odd (tune) and
even (check) halves.  The threshold is chosen on the odd half only (best F1); the even half is
reported at that threshold and at the fixed 0.5.  ``--verbose`` lists each dropped event with its
label, probability and whether the gold had matched it.
"""
from __future__ import annotations

import argparse
import copy

from realnews_common import add_arguments, by_half, gold_files, half, inputs, line, matched_ids, pair, score_all

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def factual_probabilities(docs: list[dict], model=None) -> dict[tuple[str, str], tuple[str, float, float]]:
    """(document id, event id) -> (label, its probability, P(factual)) for every coded event."""
    from polybius.factuality import FACTUAL, Factuality
    from polybius.model import Document
    from polybius.nlp import load_model, parse_documents

    model = model or Factuality.load()
    out = {}
    parsed = parse_documents(load_model(), [Document.from_dict(d) for d in docs])
    for rec, doc in zip(docs, parsed):
        for ev in rec.get("events") or []:
            span = doc.nlp.char_span(ev["trigger"]["start"], ev["trigger"]["end"], alignment_mode="expand")
            if span is None:
                continue
            probs = model.probabilities(span.root, doc.published)
            label = max(probs, key=probs.get)
            out[(rec["id"], ev["id"])] = (label, probs[label], sum(probs[k] for k in FACTUAL))
    return out


def filtered(docs: list[dict], probs, threshold: float) -> list[dict]:
    """Copies of the documents without the events whose P(factual) is under ``threshold``."""
    out = []
    for d in docs:
        d = copy.copy(d)
        d["events"] = [e for e in d.get("events") or []
                       if probs.get((d["id"], e["id"]), ("", 1.0, 1.0))[2] >= threshold]
        out.append(d)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(ap)
    ap.add_argument("--model", help="a factuality model file (default: the one shipped in the package)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the dropped events")
    args = ap.parse_args(argv)
    folder, scorer, docs, _ = inputs(args)
    golds = gold_files(folder)
    from polybius.factuality import Factuality

    probs = factual_probabilities(docs, Factuality.load(args.model))
    base = by_half(score_all(pair(docs, golds, scorer), scorer))
    print(f"coded events: {len(probs)}; predicted non-factual at 0.5: {sum(p[2] < 0.5 for p in probs.values())}")
    for key in ("odd", "even", "all"):
        print(line(f"today, {key}", base[key]))
    results = {}
    for th in THRESHOLDS:
        results[th] = by_half(score_all(pair(filtered(docs, probs, th), golds, scorer), scorer))
        r = results[th]
        print(f"drop P(factual) < {th:.1f}: " + "  ".join(
            f"{k} P {r[k]['precision']:.3f} R {r[k]['recall']:.3f} F1 {r[k]['f1']:.3f} ({r[k]['coded']} coded, "
            f"{r[k]['forbidden']} traps)"
            for k in ("odd", "even", "all")))
    best = max(THRESHOLDS, key=lambda th: (round(results[th]["odd"]["f1"], 4), -th))
    if args.verbose:
        _dropped(docs, golds, scorer, probs, best)
    o, e, b = results[best]["odd"], results[best]["even"], base["even"]
    print(f"threshold chosen on the odd half: {best:.1f} (odd F1 {base['odd']['f1']:.3f} -> {o['f1']:.3f})")
    print(f"even half (held out): P {b['precision']:.3f} -> {e['precision']:.3f}  R {b['recall']:.3f} -> "
          f"{e['recall']:.3f}  F1 {b['f1']:.3f} -> {e['f1']:.3f}  forbidden coded {b['forbidden']} -> {e['forbidden']}")
    h = results[0.5]["even"]
    print(f"SUMMARY factuality_realnews threshold={best:.1f} even_P={b['precision']:.3f}->{e['precision']:.3f} "
          f"even_R={b['recall']:.3f}->{e['recall']:.3f} even_F1={b['f1']:.3f}->{e['f1']:.3f} "
          f"odd_F1={base['odd']['f1']:.3f}->{o['f1']:.3f} even_F1@0.5={h['f1']:.3f} "
          f"dropped={sum(p[2] < best for p in probs.values())}/{len(probs)}")
    return 0


def _dropped(docs, golds, scorer, probs, threshold) -> None:
    """Each event dropped at ``threshold``: half, article, code, trigger, label, P(factual), and
    whether the gold had matched it."""
    for name, gold, doc in pair(docs, golds, scorer):
        if doc is None:
            continue
        right = matched_ids(doc, gold, scorer)
        for e in doc.get("events") or []:
            lab, p, pf = probs.get((doc["id"], e["id"]), ("", 1.0, 1.0))
            if pf >= threshold or e.get("negated"):
                continue
            trig = doc["text"][e["trigger"]["start"]:e["trigger"]["end"]]
            print(f"  dropped [{half(name)}] {name} {e['cameo']} '{trig}' {lab} {p:.2f} P(factual) {pf:.2f} "
                  f"{'RIGHT' if e['id'] in right else 'wrong'}")


if __name__ == "__main__":
    raise SystemExit(main())
