"""Ingest throughput: ``polybius ingest`` at 1 and 2 workers against spaCy parsing alone, in one run.

    python benchmarks/ingest_throughput.py [--words 60000] [--model NAME]

The corpus is the throughput benchmark's pseudo-articles (news sentences from ../shared, see
corpus.py; synthetic articles from ingest_corpus.py when ../shared is absent), each made
unique by its number.  Measured, in this order, on the same texts:

1. spaCy alone: ``nlp.pipe`` in this process (model already loaded);
2. ingest, 1 worker: read JSON Lines -> parse -> stages -> MinHash -> DuckDB (model loaded);
3. ingest, 2 worker processes: cold (starting the workers and loading their models is timed)
   and warm (workers started before the clock starts);
4. spaCy alone again, to see whether the shared machine's load changed during the run.

Prints documents/s and words/s for each and the ratios; ends with a RESULT line.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))


def corpus(words: int) -> list[dict]:
    try:
        from corpus import articles

        docs = articles(words)
        for i, d in enumerate(docs):
            d["title"] = f"{d['title']} ({i})"
        return docs
    except SystemExit:
        from ingest_corpus import generate

        out, total = [], 0
        for rec in generate(10 ** 9, seed=1, copies=0.0, paragraphs=4):
            out.append(rec)
            total += len(rec["text"].split())
            if total >= words:
                return out
    raise AssertionError("unreachable")


def spacy_alone(nlp, texts, batch_size) -> float:
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t


def run_ingest(path, settings, workers, pipeline=None, runner=None):
    from polybius.scale.ingest import ingest, iter_inputs
    from polybius.store import open_store

    db = Path(tempfile.mkdtemp()) / "bench.duckdb"
    t = time.perf_counter()
    with open_store(db) as store:
        st = ingest(iter_inputs([str(path)], settings), store, settings, workers=workers, pipeline=pipeline,
                    runner=runner)
    wall = time.perf_counter() - t
    return st, wall, None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=60_000)
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)

    from polybius.config import load_settings
    from polybius.scale.work import pipeline_for

    settings = load_settings(spacy_model=args.model)
    pipeline = pipeline_for(settings)
    nlp = pipeline.nlp
    docs = corpus(args.words)
    tmp = Path(tempfile.mkdtemp())
    path = tmp / "corpus.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    texts = [d["title"] + "\n\n" + d["text"] for d in docs]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:4]))  # warm
    print(f"corpus: {len(docs)} documents, {words:,} words; model {nlp.meta['lang']}_{nlp.meta['name']}; "
          f"stages: {', '.join(settings.stages) or '(none)'}; cpus: {os.cpu_count()}; "
          f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")

    from polybius.scale.ingest import make_runner

    warm = tmp / "warm.jsonl"
    warm.write_text("".join(json.dumps({**d, "id": f"warm-{i}", "title": f"warm {i}"}) + "\n"
                            for i, d in enumerate(docs[:4])), encoding="utf-8")
    run_ingest(warm, settings, 1, pipeline)  # imports and caches, outside the timings
    base1 = spacy_alone(nlp, texts, settings.batch_size)
    st1, wall1, _ = run_ingest(path, settings, 1, pipeline)
    t = time.perf_counter()
    st2, wall2_cold, _ = run_ingest(path, settings, 2)
    runner = make_runner(settings, workers=2)
    try:
        t = time.perf_counter()
        runner.warm()
        start_up = time.perf_counter() - t
        st2w, wall2, _ = run_ingest(path, settings, 2, runner=runner)
    finally:
        runner.close()
    base2 = spacy_alone(nlp, texts, settings.batch_size)
    base = (base1 + base2) / 2

    def line(name, wall, docs_n=len(docs)):
        return f"{name:>28}: {docs_n / wall:7.2f} docs/s {words / wall:9,.0f} words/s ({wall:.1f} s)"

    print(line("spaCy alone (before)", base1))
    print(line("spaCy alone (after)", base2))
    print(line("ingest, 1 worker", wall1) + f"  [{st1.stored} stored]")
    print(line("ingest, 2 workers, cold", wall2_cold) + f"  [{st2.stored} stored; includes starting 2 workers]")
    print(line("ingest, 2 workers, warm", wall2) + f"  [{st2w.stored} stored; workers started in {start_up:.1f} s before]")
    r1 = base / wall1
    r2 = wall1 / wall2
    r2c = wall1 / wall2_cold
    print(f"ingest 1 worker / spaCy alone: {r1:.2f} (goal >= 0.80)")
    print(f"2 workers / 1 worker: {r2:.2f} warm, {r2c:.2f} cold (goal >= 1.7 on an idle 2-core machine)")
    print(f"RESULT ingest/spacy {r1:.2f}; 2 workers/1 worker {r2:.2f} warm ({r2c:.2f} cold); "
          f"{words / wall1:,.0f} words/s at 1 worker; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
