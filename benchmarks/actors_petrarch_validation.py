"""Actor codes on PETRARCH's unit-test records, coded with the validation dictionaries alone.

For every record, the source and target codes PETRARCH expects (other than ``---``) should
be among the codes of the actors Polybius finds in the sentence.  Prints recall by category
and the records missed.

    PYTHONPATH=src /work/venv/bin/python benchmarks/actors_petrarch_validation.py [--show]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("POLYBIUS_SHARED", ROOT.parent / "shared"))
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
PET = SHARED / "benchmarks" / "petrarch"


def records():
    text = (PET / "records" / "PETR.UnitTest.records.xml").read_text(encoding="utf-8")
    for m in re.finditer(r'<Sentence date="(\d+)" id="([^"]+)" category="([^"]+)"[^>]*>(.*?)</Sentence>', text, re.S):
        body = m.group(4)
        codes = set()
        for s, t in re.findall(r'sourcecode="([^"]*)" targetcode="([^"]*)"', body):
            codes |= {s, t}
        t = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not t:
            continue
        d = m.group(1)
        yield m.group(2), m.group(3), dt.date(int(d[:4]), int(d[4:6]), int(d[6:])), " ".join(t.group(1).split()), codes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print the records missed")
    args = ap.parse_args()
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    D = PET / "dictionaries"
    settings = load_settings(env={}).replace(
        actors_files=[str(D / "PETR.Validate.actors.txt")], agents_files=[str(D / "PETR.Validate.agents.txt")],
        use_default_actors=False, stages=["actors"], min_words_for_language_check=10**6)
    pipe = Pipeline(settings)
    per_cat: dict[str, list[int]] = {}
    found = total = 0
    t0 = time.perf_counter()
    for rid, cat, day, text, expected in records():
        expected = {c for c in expected if c and not c.startswith("---") and c not in ("###",)}
        if not expected:
            continue
        doc = pipe.code_document(read_text(text, settings, published=day))
        got = {a.code for a in doc.actors}
        hit = expected & got
        c = per_cat.setdefault(cat, [0, 0])
        c[0] += len(hit)
        c[1] += len(expected)
        found += len(hit)
        total += len(expected)
        if args.show and hit != expected:
            print(f"{rid}: expected {sorted(expected)} got {sorted(x for x in got if x)} | {text[:110]}")
    for cat, (h, n) in sorted(per_cat.items()):
        print(f"{cat:10s} {h:4d}/{n:<4d} {h / n:.1%}")
    print(f"SUMMARY petrarch-validation actor-code recall {found}/{total} = {found / total:.1%} "
          f"({time.perf_counter() - t0:.1f}s)")


if __name__ == "__main__":
    main()
