"""Realistic benchmark text built at run time from ../shared (never copied into the project).

News sentences from the PETRARCH GigaWord sample and the ConfliBERT train split are grouped
into pseudo-articles of ten sentences (headline = first sentence), then repeated until the
corpus holds the requested number of words.
"""
from __future__ import annotations

import csv
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("POLYBIUS_SHARED", ROOT.parent / "shared"))


def news_sentences() -> list[str]:
    out: list[str] = []
    giga = SHARED / "benchmarks" / "petrarch" / "records" / "GigaWord.sample.PETR.xml"
    if giga.is_file():
        for m in re.finditer(r"<Text>\s*(.*?)\s*</Text>", giga.read_text(encoding="utf-8"), re.S):
            out.append(" ".join(m.group(1).split()))
    tsv = SHARED / "benchmarks" / "conflibert-cameo" / "cameo_class_train.tsv"
    if tsv.is_file():
        with tsv.open(encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row and row[0].strip():
                    out.append(row[0].strip())
    if not out:
        raise SystemExit(f"benchmark text not found under {SHARED}; set POLYBIUS_SHARED")
    return out


def articles(words: int, per_article: int = 10) -> list[dict]:
    sents = news_sentences()
    docs, total, i = [], 0, 0
    while total < words:
        chunk = [sents[(i + k) % len(sents)] for k in range(per_article)]
        i += per_article
        body = "\n\n".join(" ".join(chunk[1 + j : 1 + j + 3]) for j in range(0, per_article - 1, 3))
        title = chunk[0].rstrip(".")
        docs.append({"id": f"bench-{len(docs)}", "title": title, "text": body, "published": "2020-01-15"})
        total += len(title.split()) + len(body.split())
    return docs
