"""Source/target span recognition on the ConfliBERT CAMEO NER sentences (S and T spans).

Each sentence's gold source (S) and target (T) spans are compared with the mentions of the
actors Polybius finds (any actor, any mention; Polybius marks every actor, not only the event's
participants, so precision is a lower bound).  Three criteria:

* exact — same character span;
* overlap — the spans share a token (each gold span and each mention counted once);
* head — the gold span's last word lies inside a mention (recall) / the mention's last token
  lies inside a gold span (precision).

With ``--events`` the actors and events stages run and only the mentions of actors that are
the source or target of an event count (ConfliBERT marks only event participants, so this is
the fairer precision; recall then also depends on the events stage finding the event).

    PYTHONPATH=src /work/venv/bin/python benchmarks/actors_conflibert_spans.py [--limit N] [--events]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("POLYBIUS_SHARED", ROOT.parent / "shared"))
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
DATA = SHARED / "benchmarks" / "conflibert-cameo" / "cameo_ner_train.txt"


def sentences():
    toks: list[tuple[str, str]] = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if toks:
                yield toks
            toks = []
            continue
        parts = line.rsplit(" ", 1)
        toks.append((parts[0], parts[1] if len(parts) > 1 else "O"))
    if toks:
        yield toks


def to_text(toks):
    """Join tokens with spaces; gold S/T spans as character offsets ``(start, end, label, head_start)``
    where the head is the span's last word (closing brackets and quote marks skipped)."""
    text, spans, pos = [], [], 0
    cur = None
    for word, label in toks:
        start = pos
        text.append(word)
        pos += len(word) + 1
        wordy = any(ch.isalnum() for ch in word)
        if label.startswith("B-") and label[2:] in ("S", "T"):
            if cur:
                spans.append(cur)
            cur = [start, start + len(word), label[2:], start]
        elif label.startswith("I-") and cur and label[2:] == cur[2]:
            cur[1] = start + len(word)
            if wordy:
                cur[3] = start
        else:
            if cur:
                spans.append(cur)
            cur = None
    if cur:
        spans.append(cur)
    return " ".join(text), [tuple(s) for s in spans]


def prf(tp_p, n_p, tp_r, n_g):
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--events", action="store_true", help="count only actors that are an event's source or target")
    args = ap.parse_args()
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    stages = ["actors", "events"] if args.events else ["actors"]
    settings = load_settings(env={}).replace(stages=stages, min_words_for_language_check=10**6)
    pipe = Pipeline(settings)
    items = []
    for i, toks in enumerate(sentences()):
        if args.limit and i >= args.limit:
            break
        items.append(to_text(toks))
    docs = [read_text(t, settings) for t, _ in items]
    t0 = time.perf_counter()
    coded = list(pipe.code_documents(docs))
    secs = time.perf_counter() - t0
    n_g = n_p = 0
    ex_p = ex_r = ov_p = ov_r = hd_p = hd_r = 0
    for doc, (text, gold) in zip(coded, items):
        keep = {x for e in doc.events for x in (e.source, e.target) if x} if args.events else None
        ments = sorted({(m.start, m.end) for a in doc.actors for m in a.mentions if keep is None or a.id in keep})
        n_g += len(gold)
        n_p += len(ments)
        gset = {(s, e) for s, e, _, _ in gold}
        ex_p += sum(1 for m in ments if m in gset)
        ex_r += sum(1 for s, e, _, _ in gold if (s, e) in set(ments))
        ov_p += sum(1 for ms, me in ments if any(ms < e and s < me for s, e, _, _ in gold))
        ov_r += sum(1 for s, e, _, _ in gold if any(ms < e and s < me for ms, me in ments))
        hd_p += sum(1 for ms, me in ments if any(s <= me - 1 < e for s, e, _, _ in gold))
        hd_r += sum(1 for s, e, _, h in gold if any(ms <= h < me for ms, me in ments))
    print(f"sentences {len(items)}, gold S/T spans {n_g}, Polybius mentions {n_p}, {secs:.1f}s coding")
    for name, tp_p, tp_r in (("exact", ex_p, ex_r), ("overlap", ov_p, ov_r), ("head", hd_p, hd_r)):
        p, r, f = prf(tp_p, n_p, tp_r, n_g)
        print(f"{name:8s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    p, r, f = prf(hd_p, n_p, hd_r, n_g)
    print(f"SUMMARY conflibert S/T spans{' (event arguments only)' if args.events else ''} head-match P {p:.3f} R {r:.3f} F1 {f:.3f} "
          f"(overlap R {prf(ov_p, n_p, ov_r, n_g)[1]:.3f}, exact F1 {prf(ex_p, n_p, ex_r, n_g)[2]:.3f})")


if __name__ == "__main__":
    main()
