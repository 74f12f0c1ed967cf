"""ConfliBERT CAMEO sentences (train split): five-class accuracy and macro-F1 of each
sentence's main event, and agreement of its source and target with the S/T spans.

    python benchmarks/events_conflibert.py [--limit N] [--placeholder-actors]
"""
from __future__ import annotations

import argparse
import collections
import time

from events_common import SHARED, arg_span, build, main_event, quad5


def read_ner(path):
    sents, toks = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if toks:
                sents.append(toks)
            toks = []
            continue
        parts = line.split()
        toks.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    if toks:
        sents.append(toks)
    return sents


def spans_of(toks, label):
    text, out, pos, cur = [], [], 0, None
    for w, tag in toks:
        start = pos
        text.append(w)
        pos += len(w) + 1
        if tag.startswith("B-") and tag[2:] == label:
            cur = [start, start + len(w)]
            out.append(cur)
        elif tag.startswith("I-") and tag[2:] == label and cur is not None:
            cur[1] = start + len(w)
        else:
            cur = None if not (tag.startswith("I-") and tag[2:] == label) else cur
    return " ".join(text), [tuple(x) for x in out]


def overlaps(a, spans):
    return a is not None and any(a[0] < e and s < a[1] for s, e in spans)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--placeholder-actors", action="store_true")
    args = ap.parse_args()
    code, mode = build(placeholder=args.placeholder_actors)
    rows = [l.rstrip("\n").rsplit("\t", 1) for l in open(SHARED / "benchmarks/conflibert-cameo/cameo_class_train.tsv",
                                                          encoding="utf-8") if "\t" in l]
    if args.limit:
        rows = rows[: args.limit]
    t0 = time.time()
    conf = collections.Counter()
    for text, label in rows:
        doc = code(text)
        ev = main_event(doc)
        conf[(int(label), quad5(ev.root if ev else None))] += 1
    n = sum(conf.values())
    acc = sum(v for (g, p), v in conf.items() if g == p) / n
    f1s = []
    print(f"ConfliBERT cameo_class train: {n} sentences, actors: {mode}, {time.time() - t0:.1f}s")
    print("class  gold  pred  P     R     F1")
    for c in range(5):
        tp = conf[(c, c)]
        gold = sum(v for (g, p), v in conf.items() if g == c)
        pred = sum(v for (g, p), v in conf.items() if p == c)
        P = tp / pred if pred else 0.0
        R = tp / gold if gold else 0.0
        F = 2 * P * R / (P + R) if P + R else 0.0
        f1s.append(F)
        print(f"{c:>5}  {gold:>4}  {pred:>4}  {P:.3f} {R:.3f} {F:.3f}")
    macro = sum(f1s) / 5
    print("confusion (gold rows, predicted columns):")
    for g in range(5):
        print("  ", g, [conf[(g, p)] for p in range(5)])
    # source / target agreement on the NER sentences
    sents = read_ner(SHARED / "benchmarks/conflibert-cameo/cameo_ner_train.txt")
    if args.limit:
        sents = sents[: args.limit]
    s_tot = s_ok = t_tot = t_ok = s_found = 0
    for toks in sents:
        text, S = spans_of(toks, "S")
        _, T = spans_of(toks, "T")
        doc = code(text)
        ev = main_event(doc)
        if S:
            s_tot += 1
            sp = arg_span(doc, ev, "source") if ev else None
            s_found += sp is not None
            s_ok += overlaps(sp, S)
        if T:
            t_tot += 1
            t_ok += overlaps(arg_span(doc, ev, "target") if ev else None, T)
    print(f"NER sentences: {len(sents)}; source agreement {s_ok}/{s_tot} = {s_ok / max(1, s_tot):.3f} "
          f"(source found {s_found}); target agreement {t_ok}/{t_tot} = {t_ok / max(1, t_tot):.3f}")
    print(f"SUMMARY conflibert accuracy={acc:.3f} macro_f1={macro:.3f} source_agreement={s_ok / max(1, s_tot):.3f} "
          f"target_agreement={t_ok / max(1, t_tot):.3f} (goal 0.80)")


if __name__ == "__main__":
    main()
