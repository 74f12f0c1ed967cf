"""Time and memory to load the Phoenix dictionaries (actors, agents, discards) as they are.

Runs the load in a fresh process and reports wall time and the resident-memory increase.
Target (issue 3): under 3 s and under 300 MB (PETRARCH2: about 2 s, 146 MB).

    PYTHONPATH=src /work/venv/bin/python benchmarks/actors_dictionary_load.py
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("POLYBIUS_SHARED", ROOT.parent / "shared"))
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
D = SHARED / "benchmarks" / "petrarch" / "dictionaries"

CHILD = r"""
import json, logging, resource, sys, time
logging.disable(logging.WARNING)
sys.path.insert(0, sys.argv[1])
def rss():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
import polybius.dictionaries as d  # the code itself is not counted
before = rss()
t = time.perf_counter()
lex = d.build_lexicon(json.loads(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4]))
secs = time.perf_counter() - t
print(json.dumps({"seconds": secs, "mb": rss() - before, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "actors": len(lex.actors), "agents": len(lex.agents), "discards": len(lex.discards),
                  "warnings": len(lex.warnings)}))
"""


def main():
    actors = [str(D / f) for f in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                                   "Phoenix.MilNonState.actors.txt")]
    agents = [str(D / "Phoenix.agents.txt")]
    discards = [str(D / "Phoenix.discards.txt")]
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT / "src"), json.dumps(actors), json.dumps(agents),
                              json.dumps(discards)], capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: r["seconds"])
    print(f"Phoenix dictionaries: {best['actors']} actor names, {best['agents']} agent phrases, "
          f"{best['discards']} discards ({best['warnings']} conflicting-entry warnings)")
    print(f"load time: best {best['seconds']:.2f}s of 3 runs ({', '.join('%.2f' % r['seconds'] for r in runs)})")
    print(f"memory: +{best['mb']:.0f} MB resident for the tables (process peak {best['peak_mb']:.0f} MB)")
    ok = best["seconds"] < 3 and best["mb"] < 300
    print(f"SUMMARY phoenix-load {best['seconds']:.2f}s +{best['mb']:.0f}MB {'OK' if ok else 'OVER TARGET'} (target <3s, <300MB)")


if __name__ == "__main__":
    main()
