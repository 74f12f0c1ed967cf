"""Events on whole real articles: precision, recall and F1 against the dev set's gold (issue 12).

    PYTHONPATH=src .venv/bin/python benchmarks/events_realnews.py [--verbose] [--out coded.jsonl]
    PYTHONPATH=src .venv/bin/python benchmarks/events_realnews.py --coded coded.jsonl   # score only

Codes ``../shared/benchmarks/realnews/*.txt`` in-process with the default pipeline (each article's
``Date:`` line is its publication date), writes polybius/1 JSON Lines, and scores them with the dev
set's own ``score.py`` (imported from ../shared at run time).  Prints one line per article, then the
totals of the odd-numbered (tune) half, the even-numbered (check) half and all articles: event
precision, recall and F1, dates right, quotes found and speakers right, gold actors coded right, and
coded events that the gold lists as traps.  ``--verbose`` lists the unmatched gold events and the
spurious coded ones.  The last line is the SUMMARY.
"""
from __future__ import annotations

import argparse
import time

from realnews_common import add_arguments, by_half, gold_files, inputs, line, pair, score_all


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(ap)
    ap.add_argument("-v", "--verbose", action="store_true", help="list unmatched gold and spurious coded events")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    folder, scorer, docs, out = inputs(args)
    secs = time.perf_counter() - t0
    rows = score_all(pair(docs, gold_files(folder), scorer), scorer)
    for name, r in rows:
        p, rc, f = scorer.prf(r["matched"], r["coded"], r["found"], r["required"])
        print(f"{name}: P {p:.2f} ({r['matched']}/{r['coded']}) R {rc:.2f} ({r['found']}/{r['required']}) F1 {f:.2f}"
              f" | dates {r['dates_ok']}/{r['dates']} | quotes {r['quotes_found']}/{r['quotes']} speakers "
              f"{r['speakers_ok']} | actors {r['actors_ok']}/{r['actors']} | forbidden coded {r['forbidden']}")
        if args.verbose:
            print(f"    missed: {', '.join(r['missed']) or '-'}")
            print(f"    unmatched coded: {'; '.join(r['spurious']) or '-'}")
    halves = by_half(rows)
    print(f"coded JSON Lines: {out} ({len(docs)} documents, {secs:.1f} s)")
    for key, label in (("odd", "odd (tune)"), ("even", "even (check)"), ("all", "all")):
        print(line(f"{label}, {halves[key]['articles']} articles", halves[key]))
    a, o, e = halves["all"], halves["odd"], halves["even"]
    print(f"SUMMARY realnews P={a['precision']:.3f} R={a['recall']:.3f} F1={a['f1']:.3f} "
          f"odd_F1={o['f1']:.3f} even_F1={e['f1']:.3f} even_P={e['precision']:.3f} even_R={e['recall']:.3f} "
          f"dates={a['dates_ok']}/{a['dates']} quotes={a['quotes_found']}/{a['quotes']} "
          f"speakers={a['speakers_ok']} actors={a['actors_ok']}/{a['actors']} forbidden={a['forbidden']} "
          f"n={a['articles']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
