"""Coverage of the actor knowledge base: the share of named PERSON/ORG/NORP mentions that resolve.

spaCy's named entities (the project's default model) over the real-news dev set
(``../shared/benchmarks/realnews/*.txt``, with each article's date from its gold file) and the
ConfliBERT CAMEO train sentences (``../shared/benchmarks/conflibert-cameo/cameo_class_train.tsv``,
no date).  Each mention is looked up as the actors stage would: the full name
(:meth:`KnowledgeBase.lookup`), else, for one word, as the surname of a person already
resolved in the same document (:meth:`KnowledgeBase.lookup_surname` with ``among``).
Prints, per corpus and label: resolved to an actor code, to a place, ambiguous (no code, the
reason says why), not found; and a sample of misses to check by hand.

    PYTHONPATH=src python benchmarks/kb_coverage.py [--sample 100] [--seed 13]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("POLYBIUS_SHARED", ROOT.parent / "shared"))
LABELS = ("PERSON", "ORG", "NORP")


def corpora():
    news = SHARED / "benchmarks" / "realnews"
    docs = []
    for txt in sorted(news.glob("*.txt")):
        gold = txt.with_suffix("").with_suffix(".gold.json")
        day = None
        if gold.exists():
            pub = json.loads(gold.read_text(encoding="utf-8")).get("published")
            day = dt.date.fromisoformat(pub) if pub else None
        docs.append(("realnews", txt.name, txt.read_text(encoding="utf-8"), day))
    train = SHARED / "benchmarks" / "conflibert-cameo" / "cameo_class_train.tsv"
    with open(train, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter="\t"), 1):
            if row and row[0].strip():
                docs.append(("conflibert", f"{train.name}:{n}", row[0], None))
    return docs


def resolve(kb, text: str, day, people: list):
    name = text[4:] if text.lower().startswith("the ") else text
    name = name[:-2] if name.endswith(("'s", "’s")) else name
    r = kb.lookup(name, day)
    if not r.entries and len(name.split()) == 1:
        r = kb.lookup_surname(name, day, among=people)
    if r.entry is not None and r.entry.kind == "person" and r.match != "surname":
        people.append(r.entry)
    if r.code:
        return "code", r
    if r.entry is not None and r.entry.kind == "place":
        return "place", r
    return ("ambiguous" if r.entries else "missing"), r


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    import logging

    logging.disable(logging.WARNING)
    from polybius.kb import load_kb
    from polybius.nlp import load_model

    kb = load_kb()
    nlp = load_model()
    docs = corpora()
    counts: dict[tuple[str, str], Counter] = {}
    misses = []
    for (corpus, where, text, day), sdoc in zip(docs, nlp.pipe((d[2] for d in docs), batch_size=32)):
        people: list = []
        for ent in sdoc.ents:
            if ent.label_ not in LABELS:
                continue
            outcome, r = resolve(kb, ent.text.strip(), day, people)
            counts.setdefault((corpus, ent.label_), Counter())[outcome] += 1
            if outcome in ("missing", "ambiguous"):
                misses.append((corpus, where, ent.label_, ent.text, outcome, r.reason))
    total = Counter()
    print(f"{'corpus':<11} {'label':<7} {'mentions':>8} {'code':>6} {'place':>6} {'ambig.':>6} {'missing':>7}  resolved")
    for (corpus, label), c in sorted(counts.items()):
        n = sum(c.values())
        total.update(c)
        print(f"{corpus:<11} {label:<7} {n:>8} {c['code']:>6} {c['place']:>6} {c['ambiguous']:>6} {c['missing']:>7}  "
              f"{(c['code'] + c['place']) / n:.2f}")
    n = sum(total.values())
    print(f"\nSample of {min(args.sample, len(misses))} misses (seed {args.seed}) to check by hand:")
    for m in sorted(random.Random(args.seed).sample(misses, min(args.sample, len(misses)))):
        print(f"  {m[0]:<10} {m[1][:34]:<34} {m[2]:<6} {m[3][:40]!r:<42} {m[4]}: {m[5][:110]}")
    print(f"\nSUMMARY kb_coverage: {n} PERSON/ORG/NORP mentions; resolved to a KB entry {(total['code'] + total['place']) / n:.3f} "
          f"(actor code {total['code'] / n:.3f}, place {total['place'] / n:.3f}); ambiguous {total['ambiguous'] / n:.3f}; "
          f"not found {total['missing'] / n:.3f}")


if __name__ == "__main__":
    main()
