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

from polybius.nlp import load_model  # noqa: E402
from polybius.registry import available  # noqa: E402
from speech_gold import StanceScore, coded_articles, load_articles, score_stances  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default=str(ROOT / "tests" / "data" / "stances"))
    ap.add_argument("--actors", choices=["hand", "pipeline"], default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    mode = args.actors or ("pipeline" if available("actors") else "hand")
    arts = load_articles(args.articles)
    load_model()  # loaded once, outside the timing
    t0 = time.perf_counter()
    score = StanceScore()
    for art, doc in coded_articles(arts, mode):
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
