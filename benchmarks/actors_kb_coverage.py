"""Coverage through the actors stage: the share of named PERSON/ORG/NORP mentions that end up in
an actor with a code, with the knowledge base wired in (issue 13).

The same corpora as ``benchmarks/kb_coverage.py`` (real-news dev set with each article's date;
ConfliBERT CAMEO train sentences, no date), coded by the pipeline's ``actors`` stage.  Each
spaCy PERSON/ORG/NORP entity is classed by the actor over it: ``coded`` (a code with a
country or a non-state prefix), ``sector`` (``---XXX`` only), ``outlet`` (an outlet named as a
source of information), ``uncoded`` (an actor, no code), ``place`` (a knowledge-base place),
``none`` (no actor: not an actor by the rules, e.g. platforms).  ``--no-kb`` turns the
knowledge base off (the figure before).  Prints the table, a sample of misses (uncoded,
sector, none) to check by hand, and the SUMMARY line.

    PYTHONPATH=src python benchmarks/actors_kb_coverage.py [--sample 100] [--seed 13] [--no-kb]
"""
from __future__ import annotations

import argparse
import logging
import random
from collections import Counter

from kb_coverage import LABELS, corpora


def classify(doc, ent, places) -> tuple[str, object]:
    acts = doc.actors_at(ent.start_char, ent.end_char)
    if not acts:
        inside = any(p["start"] < ent.end_char and ent.start_char < p["end"] for p in places)
        return ("place" if inside else "none"), None
    a = acts[0]
    if a.kind == "outlet":
        return "outlet", a
    if not a.code:
        return "uncoded", a
    return ("sector" if a.code.startswith("---") else "coded"), a


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-kb", action="store_true", help="the actors stage without the knowledge base")
    args = ap.parse_args(argv)
    logging.disable(logging.WARNING)
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    settings = load_settings(env={}).replace(stages=["actors"], min_words_for_language_check=10**6)
    pipe = Pipeline(settings)
    if args.no_kb:
        dict(pipe.stages)["actors"].kb.enabled = False
    counts: dict[tuple[str, str], Counter] = {}
    misses = []
    for corpus, where, text, day in corpora():
        doc = pipe.code_document(read_text(text, settings, **({"published": day} if day else {})))
        if doc.skipped:
            continue
        places = doc.extras.get("places") or []
        for ent in doc.nlp.ents:
            if ent.label_ not in LABELS:
                continue
            outcome, a = classify(doc, ent, places)
            counts.setdefault((corpus, ent.label_), Counter())[outcome] += 1
            if outcome in ("uncoded", "sector", "none"):
                misses.append((corpus, where, ent.label_, ent.text, outcome, (a.reason or "") if a else ""))
    kinds = ("coded", "outlet", "sector", "uncoded", "place", "none")
    print(f"{'corpus':<11} {'label':<7} {'mentions':>8} " + " ".join(f"{k:>8}" for k in kinds) + "  coded share")
    total: Counter = Counter()
    per_corpus: dict[str, Counter] = {}
    for (corpus, label), c in sorted(counts.items()):
        n = sum(c.values())
        total.update(c)
        per_corpus.setdefault(corpus, Counter()).update(c)
        print(f"{corpus:<11} {label:<7} {n:>8} " + " ".join(f"{c[k]:>8}" for k in kinds) + f"  {(c['coded'] + c['outlet']) / n:.3f}")
    print(f"\nSample of {min(args.sample, len(misses))} misses (seed {args.seed}) to check by hand:")
    for m in sorted(random.Random(args.seed).sample(misses, min(args.sample, len(misses)))):
        print(f"  {m[0]:<10} {m[1][:30]:<30} {m[2]:<6} {m[3][:40]!r:<42} {m[4]:<7} {m[5][:90]}")
    n = sum(total.values())
    shares = " ".join(f"{k}={(c['coded'] + c['outlet']) / sum(c.values()):.3f}" for k, c in sorted(per_corpus.items()))
    print(f"\nSUMMARY actors_kb_coverage kb={'off' if args.no_kb else 'on'} mentions={n} coded={(total['coded'] + total['outlet']) / n:.3f} "
          f"{shares} sector_only={total['sector'] / n:.3f} uncoded={total['uncoded'] / n:.3f} place={total['place'] / n:.3f} "
          f"no_actor={total['none'] / n:.3f}")


if __name__ == "__main__":
    main()
