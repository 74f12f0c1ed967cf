"""Long documents: time per word and peak memory of coding ONE document of 2k to 300k words.

    PYTHONPATH=src python benchmarks/long_documents.py [--sizes 2000,20000,100000,300000] [--model NAME]
                                                       [--profile SIZE] [--short]

Each document is synthesised at run time from real news sentences (the PETRARCH GigaWord sample
and the ConfliBERT train split under ../shared, see corpus.py; nothing is copied into the
project): a headline, then paragraphs of three sentences, the sentence order shuffled (fixed
seed) on every pass through the sentence list so that no paragraph repeats verbatim.

Every size is coded in a fresh subprocess, so its peak RSS is its own: the process loads the
pipeline, codes a short warm-up article, then codes the long document (ingest as ``polybius
code`` reads a text file, parse, every configured stage, ``to_json``).  Printed per size:
words, seconds, s/word, the ratio of s/word to the first size's (the 2k-word document), the same
in CPU time of the process (steadier on a shared machine), peak RSS in MB and the growth of RSS over the process after warm-up (what the document itself costs).
``--short`` adds a reference row: the same number of words as the first size, cut into
ordinary ten-sentence articles and coded as a stream.  ``--profile SIZE`` prints the top 25
functions by cumulative time (cProfile) for that size instead.  Ends with a RESULT line.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[0] / "src"))
sys.path.insert(0, str(HERE))

from corpus import articles, news_sentences  # noqa: E402

DEFAULT_SIZES = "2000,20000,100000,300000"


def long_text(words: int, seed: int = 14) -> tuple[str, str]:
    """(headline, body) of about ``words`` words: paragraphs of three news sentences."""
    sents = news_sentences()
    rnd = random.Random(seed)
    order: list[str] = []
    paras: list[str] = []
    title = sents[0].rstrip(".")
    total = len(title.split())
    while total < words:
        if len(order) < 3:
            batch = sents[:]
            rnd.shuffle(batch)
            order.extend(batch)
        para = " ".join(order.pop() for _ in range(3))
        paras.append(para)
        total += len(para.split())
    return title, "\n\n".join(paras)


def rss_mb() -> float:
    """Current resident set size (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(words: int, model: str | None, short: bool, profile: bool) -> dict:
    """Code one document of ``words`` words in this process; the figures as a dict."""
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    settings = load_settings(spacy_model=model, max_bytes=50_000_000)
    pipeline = Pipeline(settings)
    warm = articles(300)[0]
    pipeline.code_document(read_text(warm["title"] + "\n\n" + warm["text"], settings)).to_json()
    base = rss_mb()
    if short:
        docs = [read_text(d["title"] + "\n\n" + d["text"], settings, published=None) for d in articles(words)]
    else:
        title, body = long_text(words)
        docs = [read_text(title + "\n\n" + body, settings, origin=f"long-{words}")]
    n_words = sum(len(d.text.split()) for d in docs)
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    coded = []
    for doc in pipeline.code_documents(docs):
        doc.to_json()
        coded.append((len(doc.actors), len(doc.events), len(doc.quotes), len(doc.errors)))
        doc.nlp = None
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    if prof is not None:
        import pstats

        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
        pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    return {"words": n_words, "docs": len(docs), "seconds": seconds, "cpu": cpu, "peak_mb": peak_mb(),
            "base_mb": base, "actors": sum(c[0] for c in coded), "events": sum(c[1] for c in coded),
            "quotes": sum(c[2] for c in coded), "errors": sum(c[3] for c in coded)}


def measure(words: int, model: str | None, short: bool = False) -> dict:
    cmd = [sys.executable, __file__, "--one", str(words)] + (["--model", model] if model else []) + (["--short"] if short else [])
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"size {words} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=DEFAULT_SIZES, help=f"comma-separated word counts (default {DEFAULT_SIZES})")
    ap.add_argument("--model", default=None)
    ap.add_argument("--short", action="store_true", help="add a reference row of ordinary short articles")
    ap.add_argument("--profile", type=int, default=None, metavar="SIZE", help="cProfile one size (in this process)")
    ap.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.model, args.short, profile=False)))
        return 0
    if args.profile is not None:
        print(json.dumps(run_one(args.profile, args.model, False, profile=True)))
        return 0
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    print(f"{'document':<22} {'words':>8} {'seconds':>8} {'ms/word':>8} {'ratio':>6} {'CPU ms/word':>11} {'ratio':>6} "
          f"{'peak MB':>8} {'+MB':>7} {'actors':>7} {'events':>7}", flush=True)
    rows = []
    todo = ([("short articles", sizes[0], True)] if args.short else []) + [(f"one of {s:,} words", s, False) for s in sizes]
    ref = cpu_ref = None
    for label, words, short in todo:
        r = measure(words, args.model, short)
        spw, cpw = r["seconds"] / r["words"], r["cpu"] / r["words"]
        if ref is None and not short:
            ref, cpu_ref = spw, cpw
        ratio = spw / ref if ref else float("nan")
        rows.append((label, r, spw, ratio))
        print(f"{label:<22} {r['words']:>8,} {r['seconds']:>8.1f} {spw * 1000:>8.3f} {ratio:>6.2f} "
              f"{cpw * 1000:>11.3f} {cpw / cpu_ref if cpu_ref else float('nan'):>6.2f} {r['peak_mb']:>8.0f} {r['peak_mb'] - r['base_mb']:>7.0f} {r['actors']:>7} {r['events']:>7}"
              + (f"  errors {r['errors']}" if r["errors"] else ""), flush=True)
    summary = "; ".join(f"{r['words']:,} words{' (short articles)' if short else ''}: {spw * 1000:.3f} ms/word "
                        f"x{ratio:.2f}, peak {r['peak_mb']:.0f} MB"
                        for (label, r, spw, ratio), (_, _, short) in zip(rows, todo))
    print(f"RESULT long_documents: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
