"""Actor-code accuracy on the PLOVER gold-standard records (country and sector separately).

Each gold source/target names its text, an ISO3 country (or ``IGO``) and often a sector.  The
actor Polybius finds over that text (best-overlapping mention) is compared with it:

* country: our ``country`` equals the gold ISO3 (``IGO`` gold: our code starts with ``IGO``);
* sector: the gold sector (first three letters) is among our ``sectors``.

Accuracy counts a gold actor with no Polybius actor over its text as wrong; "found" gives the
share of gold actors we have an actor for.

    PYTHONPATH=src /work/venv/bin/python benchmarks/actors_plover_gsr.py [--show]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("POLYBIUS_SHARED", ROOT.parent / "shared"))
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
GSR = SHARED / "benchmarks" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"


def best_actor(doc, start, end):
    """The actor whose mention best covers the gold text; ties (two actors sharing the mention
    "U.S. and Russian negotiators") go to the actor with more of its own mentions in the text
    (the part "Russian" for the gold "Russian negotiators")."""
    best, score = None, (0.0, 0)
    for a in doc.actors:
        inside = sum(max(0, min(end, m.end) - max(start, m.start)) for m in a.mentions)
        for m in a.mentions:
            ov = min(end, m.end) - max(start, m.start)
            if ov <= 0:
                continue
            j = ov / (max(end, m.end) - min(start, m.start))
            # gold texts start with the actor's phrase ("students throughout Indonesia")
            if m.start <= start < m.end or start <= m.start < start + 3:
                j += 1
            if (j, inside) > score:
                best, score = a, (j, inside)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--phoenix", action="store_true", help="add the Phoenix actor and agent dictionaries")
    args = ap.parse_args()
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    settings = load_settings(env={}).replace(stages=["actors"], min_words_for_language_check=10**6)
    if args.phoenix:
        d = SHARED / "benchmarks" / "petrarch" / "dictionaries"
        settings = settings.replace(
            actors_files=[str(d / f"Phoenix.{n}.actors.txt") for n in ("Countries", "International", "MilNonState")],
            agents_files=[str(d / "Phoenix.agents.txt")])
    pipe = Pipeline(settings)
    records = [r for r in json.loads(GSR.read_text(encoding="utf-8")) if r.get("text")]
    n = found = c_ok = s_n = s_ok = s_found = 0
    t0 = time.perf_counter()
    for r in records:
        golds = [a for role in ("source", "target") for a in (r.get(role) or []) if isinstance(a, dict)]
        if not golds:
            continue
        try:
            day = dt.date.fromisoformat(r.get("date", ""))
        except ValueError:
            day = None
        doc = pipe.code_document(read_text(r["text"], settings, **({"published": day} if day else {})))
        for g in golds:
            text = (g.get("actorText") or "").strip()
            i = r["text"].find(text)
            if i < 0:
                i = r["text"].lower().find(text.lower())
            if not text or i < 0:
                continue
            n += 1
            a = best_actor(doc, i, i + len(text))
            gold_c = (g.get("code") or "").upper()
            sector = (g.get("sector") or "")[:3].upper()
            has_sector = sector and sector != "***"
            if has_sector:
                s_n += 1
            if a is None:
                if args.show:
                    print(f"MISS {r['id']}: {text!r} ({gold_c} {sector})")
                continue
            found += 1
            ok = (a.code or "").startswith("IGO") if gold_c == "IGO" else a.country == gold_c
            c_ok += ok
            if has_sector:
                s_found += 1
                s_ok += sector in a.sectors
            if args.show and (not ok or (has_sector and sector not in a.sectors)):
                print(f"DIFF {r['id']}: {text!r} gold {gold_c} {sector} | ours {a.code} ({a.name}) | {a.reason}")
    print(f"gold actors with text found in the record: {n}; Polybius actor over the text: {found} ({found / n:.1%})")
    print(f"country accuracy: {c_ok}/{n} = {c_ok / n:.1%} (among found: {c_ok / max(found, 1):.1%})")
    print(f"sector accuracy:  {s_ok}/{s_n} = {s_ok / s_n:.1%} (among found: {s_ok / max(s_found, 1):.1%})")
    print(f"SUMMARY plover-gsr actors{' +phoenix' if args.phoenix else ''} country {c_ok / n:.1%} sector {s_ok / s_n:.1%} found {found / n:.1%} "
          f"({len(records)} records, {time.perf_counter() - t0:.1f}s)")


if __name__ == "__main__":
    main()
