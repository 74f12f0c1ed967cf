"""PETRARCH's validation suite with the suite's own dictionaries (read as they are).

Polybius parses each record's <Text> itself (the <Parse> trees are ignored) and codes it
with PETR.Validate.{verbs,actors,agents,discards}.txt; <Config> elements between records
apply (require_dyad).  A record is right when the set of coded (source, target, code)
triples equals the expected one; ``noevents`` records must code nothing.  Every event counts,
CAMEO or not: the suite's dictionary codes some verbs in WEIS codes, which Polybius outputs as
events with the user's code and ``root`` null (the PETRARCH-compatible mode); they are counted
apart on the last line but one.  Records carrying
``error=`` (dateline, bad parse, discards) test PETRARCH's input handling and are left out.

    python benchmarks/events_petrarch_suite.py [--show-errors] [--category C]
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import re
import time

from events_common import SHARED

PETRARCH2 = {"right": 88, "records": 278, "precision": 0.545, "recall": 0.329}


def records(path):
    x = open(path, encoding="utf-8").read()
    x = re.sub(r"<!--.*?-->", "", x, flags=re.S)
    config = {"require_dyad": True, "new_actor_length": 0}
    for m in re.finditer(r"<Config([^>]*)>|<Sentence (.*?)>(.*?)</Sentence>", x, re.S):
        if m.group(1) is not None:
            opt = re.search(r'option="([^"]*)"', m.group(1))
            val = re.search(r'value="([^"]*)"', m.group(1))
            if opt and val and opt.group(1) == "require_dyad":
                config["require_dyad"] = val.group(1).strip().lower() == "true"
            if opt and val and opt.group(1) == "new_actor_length" and val.group(1).strip().isdigit():
                config["new_actor_length"] = int(val.group(1))
            continue
        attrs, body = m.group(2), m.group(3)
        rid = re.search(r'id\s*=\s*"([^"]*)"', attrs).group(1)
        cat = (re.search(r'category\s*=\s*"([^"]*)"', attrs) or re.search("()", "")).group(1)
        date = re.search(r'date\s*=\s*"(\d{8})"', attrs)
        text = re.search(r"<Text>(.*?)</Text>", body, re.S)
        codings = re.findall(r"<EventCoding([^>]*)>", body)
        if not text or not codings or any("error" in c for c in codings):
            continue
        expected = set()
        noevents = any("noevents" in c for c in codings)
        for c in codings:
            g = dict(re.findall(r'(\w+)\s*=\s*["\']+([^"\']*)["\']+', c))
            if "eventcode" in g:
                expected.add((g.get("sourcecode", ""), g.get("targetcode", ""), g["eventcode"]))
        yield {"id": rid, "category": cat, "text": " ".join(text.group(1).split()),
               "published": dt.date(int(date.group(1)[:4]), int(date.group(1)[4:6]), int(date.group(1)[6:]))
               if date else None, "expected": set() if noevents else expected, "require_dyad": config["require_dyad"],
               "new_actor_length": config["new_actor_length"]}


def petrarch_code(doc, aid, si, new_actor_length: int = 0) -> str:
    """An actor's code as PETRARCH writes it.  With the option ``new_actor_length`` N > 0,
    PETRARCH writes an actor its dictionaries do not know as the upper-cased words of its noun
    phrase (possessive markers dropped) when it has at most N words; Polybius keeps such an
    actor with no code, so it is written here from its mention in the sentence."""
    if not aid:
        return ""
    actor = doc.actor(aid)
    if actor is None:
        return ""
    if actor.code:
        return actor.code
    sent = doc.sentences[si] if si is not None and 0 <= si < len(doc.sentences) else None
    ms = [m for m in actor.mentions if sent is None or sent.start <= m.start and m.end <= sent.end]
    if not ms or actor.kind == "country" or new_actor_length <= 0:
        return ""
    words = re.sub(r"['\u2019]s\b", "", doc.text[ms[0].start:ms[0].end]).upper().split()
    return " ".join(words) if len(words) <= new_actor_length else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--category")
    args = ap.parse_args()
    import sys

    sys.path.insert(0, str(SHARED.parent / "src"))
    from polybius.config import load_settings
    from polybius.ingest import read_text
    from polybius.pipeline import Pipeline

    dicts = SHARED / "benchmarks/petrarch/dictionaries"
    s = load_settings(env={}, stages=["actors", "events"], use_default_actors=False,
                      actors_files=[str(dicts / "PETR.Validate.actors.txt")],
                      agents_files=[str(dicts / "PETR.Validate.agents.txt")],
                      discards_files=[str(dicts / "PETR.Validate.discards.txt")],
                      verbs_files=[str(dicts / "PETR.Validate.verbs.txt")],
                      min_words_for_language_check=10**9, event_modalities=["asserted", "reported", "future", "hypothetical"],
                      keep_background=True)
    pipe = Pipeline(s)
    t0 = time.time()
    per = collections.defaultdict(lambda: [0, 0])
    tp = fp = fn = right = outside = 0
    recs = [r for r in records(SHARED / "benchmarks/petrarch/records/PETR.UnitTest.records.xml")
            if not args.category or r["category"] == args.category]
    for r in recs:
        doc = pipe.code_document(read_text(r["text"], s, published=r["published"]))
        got = set()
        code = lambda aid, si: petrarch_code(doc, aid, si, r["new_actor_length"])
        for e in doc.events:  # CAMEO codes and the dictionary's codes outside CAMEO (root null) alike
            got.add((code(e.source, e.sentence), code(e.target, e.sentence), e.cameo, e.negated))
            outside += e.root is None
        # PETRARCH writes a missing actor as "---" (kept only when require_dyad is false)
        got = {(a or "---", b or "---", c) for a, b, c, neg in got if not neg and (not r["require_dyad"] or (a and b))}
        ok = got == r["expected"]
        right += ok
        per[r["category"]][0] += ok
        per[r["category"]][1] += 1
        tp += len(got & r["expected"])
        fp += len(got - r["expected"])
        fn += len(r["expected"] - got)
        if args.show_errors and not ok:
            print(f"  {r['id']:12} want {sorted(r['expected'])} got {sorted(got)} | {r['text'][:110]}")
    n = len(recs)
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    print(f"PETRARCH validation suite: {n} records (events or noevents), {time.time() - t0:.1f}s")
    for k in sorted(per):
        print(f"  {k:10} {per[k][0]:>3}/{per[k][1]}")
    print(f"records right {right}/{n}; event precision {P:.3f} recall {R:.3f} "
          f"(PETRARCH2: {PETRARCH2['right']}/{PETRARCH2['records']}, P {PETRARCH2['precision']}, R {PETRARCH2['recall']})")
    print(f"events with codes outside CAMEO (root null): {outside}")
    print(f"SUMMARY petrarch_suite records_right={right}/{n} precision={P:.3f} recall={R:.3f} (goal 250/278)")


if __name__ == "__main__":
    main()
