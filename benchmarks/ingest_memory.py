"""Peak memory of ``polybius ingest`` at 1,000 and 10,000 documents (goal: within 10%).

    python benchmarks/ingest_memory.py [--sizes 1000 10000] [--paragraphs 2]

Each size is a fresh synthetic corpus (ingest_corpus.py: unique articles, 5% republished
copies) ingested by ``python -m polybius ingest`` (every default stage on) in its own process
into a fresh DuckDB file; the peak resident memory (ru_maxrss of that process) is read when it
exits.  Also printed: documents/s, words/s and the database size, then the peak RSS at the
smallest and largest size and their ratio.  Ends with a RESULT line.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from ingest_corpus import write  # noqa: E402


def run(n: int, paragraphs: int, workdir: Path) -> dict:
    corpus = workdir / f"corpus{n}.jsonl"
    words = write(str(corpus), n, seed=n, copies=0.05, paragraphs=paragraphs)
    db = workdir / f"store{n}.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "polybius", "ingest", str(corpus), "--db", str(db), "--quiet",
                          "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    out, err = p.communicate()
    wall = time.perf_counter() - t
    if p.returncode != 0:
        raise SystemExit(f"ingest of {n} documents failed:\n{err.decode()}")
    figures = json.loads(out.decode().strip().splitlines()[-1])
    return {"n": n, "words": words, "wall": wall, "figures": figures, "db_mb": db.stat().st_size / 2**20}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--paragraphs", type=int, default=2)
    args = ap.parse_args(argv)
    import resource

    from polybius.cli.store import INGEST_DUCKDB
    from polybius.config import load_settings

    print(f"stages: {', '.join(load_settings().stages) or '(none)'}; ingest's DuckDB writer: "
          + ", ".join(f"{k} {v}" for k, v in INGEST_DUCKDB.items())
          + (f"; $POLYBIUS_DUCKDB_MEMORY={os.environ['POLYBIUS_DUCKDB_MEMORY']}" if os.environ.get("POLYBIUS_DUCKDB_MEMORY") else ""),
          flush=True)

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            r = run(n, args.paragraphs, Path(tmp))
            after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            if after <= before and results:
                raise SystemExit("could not isolate the peak memory of one run (run sizes in increasing order)")
            r["peak_mb"] = after / 1024
            results.append(r)
            f = r["figures"]
            print(f"{n:>7,} documents, {r['words']:>10,} words: peak RSS {r['peak_mb']:7.1f} MB; "
                  f"{f['docs_per_s']:.1f} docs/s, {f['words_per_s']:,.0f} words/s; {f['stored']} stored; "
                  f"database {r['db_mb']:.1f} MB; load average {os.getloadavg()[0]:.2f}", flush=True)
    lo, hi = results[0], results[-1]
    growth = hi["peak_mb"] / lo["peak_mb"] - 1
    print(f"peak RSS: {lo['n']:,} documents {lo['peak_mb']:.1f} MB, {hi['n']:,} documents {hi['peak_mb']:.1f} MB; "
          f"ratio {hi['peak_mb'] / lo['peak_mb']:.3f}; {(hi['peak_mb'] - lo['peak_mb']) * 1024 / max(1, hi['n'] - lo['n']):.2f} "
          f"KB more per extra document")
    print(f"RESULT peak memory {lo['n']:,} docs {lo['peak_mb']:.0f} MB, {hi['n']:,} docs {hi['peak_mb']:.0f} MB: "
          f"{growth:+.1%} (goal within 10%)")


if __name__ == "__main__":
    main()
