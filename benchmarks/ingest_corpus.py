"""A synthetic news corpus for load tests: JSON Lines of articles assembled from sentence
templates written for this benchmark (no real articles).  Deterministic for a seed.

    python benchmarks/ingest_corpus.py N OUT.jsonl [--seed 1] [--copies 0.05]

``--copies`` is the share of articles that republish an earlier one with a changed
sentence (wire copies), so near-duplicate detection has work to do.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random

PLACES = ["Washington", "Baghdad", "Tehran", "Paris", "Berlin", "Moscow", "Beijing", "Ankara", "Cairo", "Nairobi",
          "Brasilia", "Ottawa", "Canberra", "Tokyo", "Seoul", "Madrid", "Rome", "Warsaw", "Kyiv", "Riyadh"]
PEOPLE = ["the prime minister", "the foreign minister", "the defence minister", "the president", "a senior official",
          "the opposition leader", "the army chief", "the central bank governor", "a government spokesman",
          "the interior minister"]
GROUPS = ["protesters", "rebel fighters", "police officers", "farmers", "teachers", "lawmakers", "diplomats",
          "aid workers", "students", "business leaders"]
VERBS = ["criticised", "praised", "met", "accused", "warned", "thanked", "urged", "threatened", "visited",
         "condemned", "supported", "rejected", "welcomed", "called on", "blamed"]
TOPICS = ["the border dispute", "new trade rules", "the oil deal", "the peace talks", "fuel prices", "the elections",
          "the security pact", "refugee arrivals", "the water treaty", "sanctions", "the budget", "troop withdrawals"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend", "late on Sunday",
        "earlier this week", "during a news conference", "in a statement"]
TEMPLATES = [
    "{P1} {v} {P2} {w} over {t}.",
    "Officials in {C1} said {p} had {v} {P2} about {t} {w}.",
    "{G} gathered in {C1} {w} to protest against {t}, and {p} {v} them.",
    "\"We will not accept {t},\" {p} of {C1} told reporters {w}.",
    "{P1} and {P2} are expected to discuss {t} when talks resume next month.",
    "Analysts in {C2} said the dispute over {t} could last for months.",
    "{p} of {C1} {v} {G} {w}, saying {t} had to be settled.",
    "The talks between {C1} and {C2} on {t} ended without agreement {w}.",
]


def sentence(rng: random.Random) -> str:
    c1, c2 = rng.sample(PLACES, 2)
    s = rng.choice(TEMPLATES).format(P1=c1, P2=c2, C1=c1, C2=c2, p=rng.choice(PEOPLE), G=rng.choice(GROUPS).capitalize(),
                                     v=rng.choice(VERBS), t=rng.choice(TOPICS), w=rng.choice(WHEN))
    return s[0].upper() + s[1:]


def article(rng: random.Random, i: int, paragraphs: int = 8) -> dict:
    paras = [" ".join(sentence(rng) for _ in range(rng.randint(2, 3))) for _ in range(paragraphs)]
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(120))
    c1, c2 = rng.sample(PLACES, 2)
    return {"id": f"synthetic-{i}", "title": f"{c1} and {c2} at odds over {rng.choice(TOPICS)} ({i})",
            "text": "\n\n".join(paras), "published": day.isoformat(),
            "outlet": rng.choice(["Example Wire", "Daily Example", "Other Post", "Evening Sample"]),
            "url": f"https://news.example/{i}"}


def generate(n: int, seed: int = 1, copies: float = 0.05, paragraphs: int = 8):
    rng = random.Random(seed)
    made: list[dict] = []
    for i in range(n):
        if made and rng.random() < copies:
            src = rng.choice(made[-200:])
            paras = src["text"].split("\n\n")
            paras[-1] = sentence(rng)
            rec = {**src, "id": f"synthetic-{i}", "text": "\n\n".join(paras), "outlet": "Republisher",
                   "url": f"https://copy.example/{i}"}
        else:
            rec = article(rng, i, paragraphs)
        made.append(rec)
        if len(made) > 400:
            del made[:200]
        yield rec


def write(path: str, n: int, seed: int = 1, copies: float = 0.05, paragraphs: int = 8) -> int:
    words = 0
    with open(path, "w", encoding="utf-8") as fh:
        for rec in generate(n, seed, copies, paragraphs):
            words += len(rec["text"].split())
            fh.write(json.dumps(rec) + "\n")
    return words


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--copies", type=float, default=0.05)
    ap.add_argument("--paragraphs", type=int, default=8)
    a = ap.parse_args()
    w = write(a.out, a.n, a.seed, a.copies, a.paragraphs)
    print(f"wrote {a.n} articles, {w} words, to {a.out}")
