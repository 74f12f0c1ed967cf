"""Quote-attribution benchmark: quote precision, recall, F1 and speaker accuracy.

    PYTHONPATH=src /work/venv/bin/python benchmarks/quotes.py [--actors hand|pipeline] [-v]

Articles: tests/data/quotes/*.txt (written for Polybius; format in the README there).
--actors hand      speakers resolved against the annotated actors (measures the speech
                   stage alone);
--actors pipeline  against the actors stage's own actors and coreference (end to end);
default: pipeline when the actors stage is installed, else hand.
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
from speech_gold import Score, coded_articles, load_articles, score_article  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default=str(ROOT / "tests" / "data" / "quotes"))
    ap.add_argument("--actors", choices=["hand", "pipeline"], default=None)
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, false quotes, wrong speakers")
    args = ap.parse_args(argv)
    mode = args.actors or ("pipeline" if available("actors") else "hand")
    arts = load_articles(args.articles)
    load_model()  # loaded once, outside the timing
    t0 = time.perf_counter()
    score = Score()
    for art, doc in coded_articles(arts, mode):
        score_article(art, doc, score)
    secs = time.perf_counter() - t0
    print(f"articles: {len(arts)}  gold quotes: {score.gold}  predicted: {score.predicted}  actors: {mode}")
    for kind, (g, m) in sorted(score.by_kind.items()):
        print(f"  {kind:9s} gold {g:3d}  found {m:3d}  recall {m / g:.3f}")
    print(f"quote precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}")
    print(f"kind accuracy (matched) {score.kind_right / max(1, score.matched):.3f}")
    print(f"speaker accuracy (matched) {score.speaker_accuracy:.3f}")
    if args.verbose:
        for title, rows in (("missed", score.misses), ("false", score.false), ("wrong speaker", score.wrong_speaker)):
            for r in rows:
                print(f"  {title}: {r}")
    print(f"SUMMARY quotes F1={score.f1:.3f} P={score.precision:.3f} R={score.recall:.3f} "
          f"speaker_acc={score.speaker_accuracy:.3f} n={score.gold} actors={mode} time={secs:.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
