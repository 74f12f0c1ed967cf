"""Stance benchmark: precision, recall and F1 of (holder, proposition, polarity).

    PYTHONPATH=src /work/venv/bin/python benchmarks/stances.py [--actors hand|pipeline] [-v]

Articles: tests/data/stances/*.txt (written for Polybius; format in the README there).
--actors hand: the annotated actors (with their country codes); --actors pipeline: the
actors and events stages (default when installed).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from polybius.config import load_settings  # noqa: E402
from polybius.ingest import read_text  # noqa: E402
from polybius.nlp import load_model, parse_documents  # noqa: E402
from polybius.pipeline import Pipeline  # noqa: E402
from polybius.registry import available, get_stage  # noqa: E402
from polybius.speech.benchmark import StanceScore, load_articles, score_stances  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default=str(ROOT / "tests" / "data" / "stances"))
    ap.add_argument("--actors", choices=["hand", "pipeline"], default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    mode = args.actors or ("pipeline" if available("actors") else "hand")
    arts = load_articles(args.articles)
    settings = load_settings(env={})
    nlp = load_model(settings.spacy_model)
    t0 = time.perf_counter()
    score = StanceScore()
    if mode == "pipeline":
        stages = [s for s in ("actors", "events") if available(s)] + ["speech"]
        pipe = Pipeline(settings.replace(stages=stages), nlp=nlp)
        docs = pipe.code_documents(read_text(a.text, published=a.published) for a in arts)
        pairs = zip(arts, docs)
    else:
        speech = get_stage("speech")(settings, nlp)
        pairs = []
        for art, doc in zip(arts, parse_documents(nlp, [read_text(a.text, published=a.published) for a in arts])):
            doc.actors = art.hand_actors()
            speech(doc)
            pairs.append((art, doc))
    for art, doc in pairs:
        score_stances(art, doc, score)
    secs = time.perf_counter() - t0
    print(f"articles: {len(arts)}  gold stances: {score.gold}  predicted: {score.predicted}  actors: {mode}")
    print(f"stance precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}")
    if args.verbose:
        for r in score.misses:
            print(f"  missed: {r}")
        for r in score.false:
            print(f"  false: {r}")
    print(f"SUMMARY stances F1={score.f1:.3f} P={score.precision:.3f} R={score.recall:.3f} n={score.gold} "
          f"actors={mode} time={secs:.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
