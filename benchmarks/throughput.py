"""Throughput: Polybius end to end against spaCy parsing alone, measured in one run.

    python benchmarks/throughput.py [--words 200000] [--chunks 8] [--model NAME]

Both sides get the same pseudo-articles (see corpus.py) and the same spaCy pipeline.
"spaCy alone" is ``nlp.pipe`` over the texts.  "Polybius" is what ``polybius code`` does:
read a JSON Lines corpus, build documents, parse, run every configured stage, serialise
each document to JSON.  The corpus is cut into chunks and the two sides alternate chunk by
chunk, so that load from other processes on this shared machine falls on both alike.
Prints words/s (wall and CPU) for both, and their ratio (goal: >= 0.8).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles  # noqa: E402


def main(argv=None) -> float:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--chunks", type=int, default=8)
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)

    from polybius.config import load_settings
    from polybius.ingest import iter_sources
    from polybius.pipeline import Pipeline

    settings = load_settings(spacy_model=args.model)
    pipeline = Pipeline(settings)
    nlp = pipeline.nlp
    docs = articles(args.words)
    n_words = sum(len(d["title"].split()) + len(d["text"].split()) for d in docs)
    size = max(1, len(docs) // args.chunks)
    chunks = [docs[i : i + size] for i in range(0, len(docs), size)]
    tmp = Path(tempfile.mkdtemp())
    paths = []
    for k, chunk in enumerate(chunks):
        p = tmp / f"chunk{k}.jsonl"
        p.write_text("".join(json.dumps(d) + "\n" for d in chunk), encoding="utf-8")
        paths.append(p)
    # Warm both sides once (model caches, lazy imports, stage tables).
    list(nlp.pipe([docs[0]["title"] + "\n\n" + docs[0]["text"]]))
    list(pipeline.code_documents(iter_sources([str(paths[0])], settings)))
    from polybius.events import dates

    dates.resolve.cache_clear()  # the timed run must not reuse dates resolved while warming up

    t = {"spacy": [0.0, 0.0], "polybius": [0.0, 0.0]}
    events = 0
    with open(os.devnull, "w") as sink:
        for chunk, path in zip(chunks, paths):
            w0, c0 = time.perf_counter(), time.process_time()
            for _ in nlp.pipe((d["title"] + "\n\n" + d["text"] for d in chunk), batch_size=settings.batch_size):
                pass
            t["spacy"][0] += time.perf_counter() - w0
            t["spacy"][1] += time.process_time() - c0
            w0, c0 = time.perf_counter(), time.process_time()
            for doc in pipeline.code_documents(iter_sources([str(path)], settings)):
                events += len(doc.events)
                sink.write(doc.to_json() + "\n")
            t["polybius"][0] += time.perf_counter() - w0
            t["polybius"][1] += time.process_time() - c0

    print(f"corpus: {len(docs)} documents, {n_words:,} words, {len(chunks)} alternating chunks; "
          f"model {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}; stages: {', '.join(settings.stages) or '(none)'}")
    for side, (wall, cpu) in t.items():
        print(f"{side:>9}: {n_words / wall:8,.0f} words/s wall, {n_words / cpu:8,.0f} words/CPU-s  ({wall:.1f} s wall)")
    print(f"events coded: {events}")
    stage_total = sum(pipeline.timings.values())
    print("time in stages after parsing: " + ", ".join(f"{k} {v:.1f} s" for k, v in pipeline.timings.items())
          + f" (total {stage_total:.1f} s)")
    ratio = t["spacy"][1] / t["polybius"][1]
    print(f"RESULT polybius/spacy speed ratio (CPU time): {ratio:.2f} (wall: {t['spacy'][0] / t['polybius'][0]:.2f}; goal >= 0.80)")
    return ratio


if __name__ == "__main__":
    main()
