"""Ingest throughput: ``polybius ingest`` at 1 and 2 workers against spaCy parsing alone, in one run.

    python benchmarks/ingest_throughput.py [--words 60000] [--chunks 6] [--model NAME]

The corpus is the throughput benchmark's pseudo-articles (news sentences from ../shared, see
corpus.py; synthetic articles from ingest_corpus.py when ../shared is absent), each made
unique by its number.  It is cut into chunks, and for every chunk, one after the other:

1. spaCy alone: ``nlp.pipe`` in this process (model already loaded);
2. the pipeline alone: ``Pipeline.code_documents`` on the chunk read from JSON Lines (what
   ``polybius code`` does, without writing): the cost of Polybius's stages;
3. ingest, 1 worker: read -> skip known -> parse -> stages -> MinHash -> DuckDB;
4. ingest, 2 worker processes (started, models loaded, before the clock starts).

Interleaving makes the load of other processes on a shared machine fall on every side alike.
Starting the two workers is timed once on its own.  Prints documents/s and words/s and the
ratios; ends with a RESULT line.
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


def transport_cost(path: Path, settings, pipeline) -> dict:
    """CPU cost of a document's trip to a worker and back (to_dict, pickle both ways,
    from_dict), measured on the documents of ``path`` in this process."""
    import pickle

    from polybius.scale.ingest import iter_inputs
    from polybius.scale.work import code_batch, unpack

    docs = list(iter_inputs([str(path)], settings))
    sent = [d.to_dict() for d in docs]
    packed = code_batch(settings, sent, pipeline=pipeline)
    c = time.process_time()
    for _ in range(3):
        [d.to_dict() for d in docs]
        blob = pickle.dumps(sent, protocol=pickle.HIGHEST_PROTOCOL)
        back = pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(back)
        [unpack(x) for x in pickle.loads(back)]
    parent = (time.process_time() - c) / 3
    c = time.process_time()
    for _ in range(3):
        from polybius.model import Document

        [Document.from_dict(x) for x in pickle.loads(blob)]
        pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)
    worker = (time.process_time() - c) / 3
    n = max(1, len(docs))
    return {"parent_ms": 1000 * parent / n, "worker_ms": 1000 * worker / n, "bytes": len(back) / n}


def warm_up(settings, seconds: float = 0.0) -> int:
    """In a worker: load its pipeline, code one short document (so every lazily loaded table is
    loaded) and hold the worker a moment, so that a pool starts all its workers."""
    import datetime as dt

    from polybius.model import Document
    from polybius.scale.work import pipeline_for

    pipeline_for(settings).code_document(Document(
        text='Officials in the capital said on March 3 that the talks would resume. '
             '"We will return," the minister told reporters.', published=dt.date(2024, 3, 6)))
    time.sleep(seconds)
    return os.getpid()


def start_workers(runner, settings) -> None:
    """Start every worker of a process pool and load its model now: the timings see the steady state."""
    from concurrent.futures import wait

    pool = getattr(runner, "pool", None)
    if pool is not None:
        wait([pool.submit(warm_up, settings, 0.5) for _ in range(2 * runner.slots)])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=60_000)
    ap.add_argument("--chunks", type=int, default=6)
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)

    from polybius.cli.store import INGEST_DUCKDB
    from polybius.events import dates
    from polybius.config import load_settings
    from polybius.scale.ingest import ingest, iter_inputs, make_runner
    from polybius.scale.work import pipeline_for
    from polybius.store import open_store

    settings = load_settings(spacy_model=args.model)
    pipeline = pipeline_for(settings)
    nlp = pipeline.nlp
    docs = corpus(args.words)
    tmp = Path(tempfile.mkdtemp())
    size = max(1, -(-len(docs) // args.chunks))
    chunks = [docs[i:i + size] for i in range(0, len(docs), size)]
    paths = []
    for k, chunk in enumerate(chunks):
        p = tmp / f"chunk{k}.jsonl"
        p.write_text("".join(json.dumps(d) + "\n" for d in chunk), encoding="utf-8")
        paths.append(p)
    words = sum(len(d["title"].split()) + len(d["text"].split()) for d in docs)
    print(f"corpus: {len(docs)} documents, {words:,} words, {len(chunks)} interleaved chunks; "
          f"model {nlp.meta['lang']}_{nlp.meta['name']}; stages: {', '.join(settings.stages) or '(none)'}; "
          f"cpus: {os.cpu_count()}; load average at start: {os.getloadavg()[0]:.2f}", flush=True)

    warm = tmp / "warm.jsonl"
    warm.write_text("".join(json.dumps({**d, "id": f"warm-{i}", "title": f"warm {i}"}) + "\n"
                            for i, d in enumerate(docs[:4])), encoding="utf-8")
    with open_store(tmp / "warm.duckdb") as s:  # imports and caches, outside the timings
        ingest(iter_inputs([str(warm)], settings), s, settings, pipeline=pipeline)
    list(nlp.pipe([docs[0]["text"]]))

    t0 = time.perf_counter()
    runner = make_runner(settings, workers=2)
    start_workers(runner, settings)
    start_up = time.perf_counter() - t0

    def proc_cpu(pids) -> float:
        """User+system CPU seconds of live processes (from /proc)."""
        total = 0.0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            except (OSError, IndexError, ValueError):
                pass
        return total

    worker_pids = list(getattr(getattr(runner, "pool", None), "_processes", {}) or {})
    workers_cpu0 = proc_cpu(worker_pids)  # model loading, before the clock starts
    each_cpu0 = {pid: proc_cpu([pid]) for pid in worker_pids}
    t = {"spacy": 0.0, "pipeline": 0.0, "ingest1": 0.0, "ingest2": 0.0}
    cpu = {"spacy": 0.0, "ingest1": 0.0, "ingest2_main": 0.0}

    stored = {"ingest1": 0, "ingest2": 0}
    loads = []
    try:
        # the stores as ``polybius ingest`` opens them (its DuckDB writer settings)
        with open_store(tmp / "one.duckdb", **INGEST_DUCKDB) as one, open_store(tmp / "two.duckdb", **INGEST_DUCKDB) as two:
            for chunk, path in zip(chunks, paths):
                loads.append(os.getloadavg()[0])
                texts = [d["title"] + "\n\n" + d["text"] for d in chunk]
                w, c = time.perf_counter(), time.process_time()
                for _ in nlp.pipe(texts, batch_size=settings.batch_size):
                    pass
                t["spacy"] += time.perf_counter() - w
                cpu["spacy"] += time.process_time() - c
                # each side codes the chunk for the first time: no dates resolved by the other
                dates.resolve.cache_clear()
                w = time.perf_counter()
                for _ in pipeline.code_documents(iter_inputs([str(path)], settings)):
                    pass
                t["pipeline"] += time.perf_counter() - w
                dates.resolve.cache_clear()
                w, c = time.perf_counter(), time.process_time()
                stored["ingest1"] += ingest(iter_inputs([str(path)], settings), one, settings, pipeline=pipeline).stored
                t["ingest1"] += time.perf_counter() - w
                cpu["ingest1"] += time.process_time() - c
                w, c = time.perf_counter(), time.process_time()
                stored["ingest2"] += ingest(iter_inputs([str(path)], settings), two, settings, runner=runner,
                                            batch_size=16).stored
                t["ingest2"] += time.perf_counter() - w
                cpu["ingest2_main"] += time.process_time() - c
        workers_cpu = proc_cpu(worker_pids) - workers_cpu0
        each_cpu = {pid: proc_cpu([pid]) - c for pid, c in each_cpu0.items()}
    finally:
        runner.close()
    trip = transport_cost(paths[-1], settings, pipeline)

    names = {"spacy": "spaCy alone", "pipeline": "pipeline alone (no store)", "ingest1": "ingest, 1 worker",
             "ingest2": "ingest, 2 workers"}
    for k, wall in t.items():
        extra = f"  [{stored[k]} stored]" if k in stored else ""
        print(f"{names[k]:>26}: {len(docs) / wall:7.2f} docs/s {words / wall:9,.0f} words/s ({wall:.1f} s){extra}")
    print(f"starting 2 workers (spawn, load the model): {start_up:.1f} s, once per run")
    r1 = t["spacy"] / t["ingest1"]
    rp = t["spacy"] / t["pipeline"]
    rs = t["pipeline"] / t["ingest1"]
    r2 = t["ingest1"] / t["ingest2"]
    load = sum(loads) / len(loads)
    print(f"ingest 1 worker / spaCy alone: {r1:.2f} (goal >= 0.80); pipeline alone / spaCy alone: {rp:.2f}; "
          f"store share: ingest = {rs:.2f} x pipeline alone")
    print(f"2 workers / 1 worker: {r2:.2f} wall (goal >= 1.7 on an idle 2-core machine; mean load average here {load:.2f})")
    r1c = cpu["spacy"] / cpu["ingest1"]
    # On an idle 2-core machine the 2-worker run needs (workers' CPU + writer's CPU) / 2 of wall
    # time at best, against the 1-worker run's CPU time: the speed-up to expect.
    expected = 2 * cpu["ingest1"] / max(workers_cpu + cpu["ingest2_main"], 1e-9)
    print(f"CPU time: spaCy alone {cpu['spacy']:.1f} s, ingest 1 worker {cpu['ingest1']:.1f} s (ratio {r1c:.2f}); "
          f"2 workers {workers_cpu:.1f} s in the workers + {cpu['ingest2_main']:.1f} s in the writer")
    print(f"expected 2 workers / 1 worker on an idle 2-core machine (from CPU cost): {expected:.2f}")
    # The serial part: what the parent (reader, writer, dedup) spends, against the workers' coding.
    serial, parallel = cpu["ingest2_main"], workers_cpu
    share = serial / max(serial + parallel, 1e-9)
    print("per-worker CPU: " + ", ".join(f"{c:.1f} s" for c in each_cpu.values())
          + f"; parent (read, unpack, MinHash index, DuckDB writes) {serial:.1f} s = serial share {share:.3f}")
    print(f"per document: workers {1000 * parallel / len(docs):.1f} ms CPU, parent {1000 * serial / len(docs):.1f} ms "
          f"(of which the trip between processes — to_dict, pickle both ways, from_dict — "
          f"{trip['parent_ms']:.2f} ms in the parent, {trip['worker_ms']:.2f} ms in a worker; "
          f"{trip['bytes'] / 1024:.1f} KB a coded document)")
    amdahl = 1 / (share + (1 - share) / 2)
    t1 = cpu["ingest1"]
    overlap = 2 * t1 / max(serial + parallel, 1e-9)
    pessimistic = t1 / max(serial + parallel / 2, 1e-9)
    print(f"Amdahl, serial share {share:.3f}: 2 workers at most {amdahl:.2f}x the same work on one; against the "
          f"measured 1-worker run: {pessimistic:.2f}x if the parent never overlaps the workers, "
          f"{overlap:.2f}x if it does (2 cores shared by 2 workers and the parent)")
    print(f"RESULT ingest/spacy {r1:.2f} wall, {r1c:.2f} CPU at 1 worker ({words / t['ingest1']:,.0f} words/s); "
          f"2 workers/1 worker {r2:.2f} wall, {expected:.2f} expected when idle (serial share {share:.3f}, "
          f"Amdahl {pessimistic:.2f}-{overlap:.2f}); load average {load:.2f} on {os.cpu_count()} cpus")


if __name__ == "__main__":
    main()
