"""Shared helpers of the real-news benchmarks: code the dev set, pair documents with gold, score
each article with the dev set's own scorer, and add the figures up by half.

The articles, their gold and ``score.py`` stay in ``../shared/benchmarks/realnews/`` and are read
from there at run time; nothing of them is copied into the project.  Odd-numbered articles are
the tune half, even-numbered ones the check half (issue 12: tune on odd, check on even).
"""
from __future__ import annotations

import glob
import importlib.util
import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("POLYBIUS_SHARED") or next(
    (p / "shared" for p in ROOT.parents if (p / "shared").is_dir()), ROOT.parent / "shared"))
REALNEWS = SHARED / "benchmarks" / "realnews"
COUNTS = ("coded", "matched", "required", "found", "forbidden", "dates", "dates_ok",
          "quotes", "quotes_found", "speakers_ok", "actors", "actors_ok")


def load_scorer(folder: Path = REALNEWS):
    """The dev set's ``score.py``, imported from ``folder`` (never copied)."""
    path = Path(folder) / "score.py"
    if not path.is_file():
        raise SystemExit(f"{path}: the real-news scorer is missing (set POLYBIUS_SHARED)")
    spec = importlib.util.spec_from_file_location("realnews_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def header(path: Path) -> dict:
    """The dump's headline, ``Date:`` and ``URL:`` lines (what score.py pairs on)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    out = {"title": lines[0] if lines else ""}
    for line in lines[1:8]:
        key, _, value = line.partition(":")
        if key in ("Date", "URL") and value.strip():
            out[key.lower()] = value.strip()
    return out


def half(name: str) -> str:
    """``odd`` (tune) or ``even`` (check) from the article's leading number."""
    m = re.match(r"(\d+)", os.path.basename(name))
    if not m:
        raise ValueError(f"{name}: no leading article number")
    return "odd" if int(m.group(1)) % 2 else "even"


def code_articles(paths, out_path: Path, settings=None) -> list[dict]:
    """Code each article in-process with the default pipeline (publication date and URL from its
    header lines), write polybius/1 JSON Lines to ``out_path`` and return the records."""
    from polybius.config import load_settings
    from polybius.ingest import iter_sources
    from polybius.pipeline import Pipeline

    settings = settings or load_settings(env={})
    pipe = Pipeline(settings)
    recs = []
    with open(out_path, "w", encoding="utf-8") as fh:
        for path in paths:
            h = header(path)
            doc = next(iter_sources([str(path)], settings))
            if h.get("date") and str(doc.published) != h["date"]:
                raise SystemExit(f"{path}: published read as {doc.published}, header says {h['date']}")
            doc = pipe.code_document(doc)
            line = doc.to_json()
            fh.write(line + "\n")
            recs.append(json.loads(line))
    return recs


def pair(docs: list[dict], gold_paths, scorer) -> list[tuple[str, dict, dict | None]]:
    """(article name, gold, coded document or None) for each gold file, paired as score.py does:
    by the dump's URL, else by its headline."""
    by_url = {d.get("url"): d for d in docs if d.get("url")}
    by_title = {scorer.norm(d.get("title")): d for d in docs if d.get("title")}
    out = []
    for gp in gold_paths:
        gold = json.load(open(gp, encoding="utf-8"))
        src = Path(gp).parent / os.path.basename(gold["doc"])
        h = header(src) if src.is_file() else {}
        doc = by_url.get(h.get("url")) or by_title.get(scorer.norm(h.get("title")))
        out.append((os.path.basename(gp).replace(".gold.json", ""), gold, doc))
    return out


def score_all(paired, scorer) -> list[tuple[str, dict]]:
    """Per-article results of ``score.py``'s ``score_doc`` (an absent document scores zero)."""
    rows = []
    for name, gold, doc in paired:
        if doc is None:
            req = sum(1 for g in gold["events"] if g.get("required", True))
            r = {k: 0 for k in COUNTS} | {"required": req, "missed": [g["id"] for g in gold["events"]
                                                                       if g.get("required", True)], "spurious": []}
        else:
            r = scorer.score_doc(doc, gold, name)
        rows.append((name, r))
    return rows


def matched_ids(doc: dict, gold: dict, scorer) -> set[str]:
    """Ids of the coded events that the scorer's one-to-one matching pairs with a gold event."""
    acts = {a["id"]: a for a in doc.get("actors") or []}
    coded = [e for e in doc.get("events") or [] if not e.get("negated")]
    gev = sorted(gold["events"], key=lambda g: not g.get("required", True))
    m = scorer.bipartite(coded, gev, lambda ci, gi: scorer.matches(doc, acts, coded[ci], gev[gi]))
    return {coded[ci]["id"] for ci in m.values()}


def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def totals(rows) -> dict:
    """Counts added up over articles, with event precision, recall and F1."""
    tot = {k: sum(r.get(k, 0) for _, r in rows) for k in COUNTS}
    tot["precision"], tot["recall"], tot["f1"] = prf(tot["matched"], tot["coded"], tot["found"], tot["required"])
    tot["articles"] = len(rows)
    return tot


def by_half(rows) -> dict[str, dict]:
    """Totals for the odd (tune) half, the even (check) half and all articles."""
    return {"odd": totals([x for x in rows if half(x[0]) == "odd"]),
            "even": totals([x for x in rows if half(x[0]) == "even"]),
            "all": totals(rows)}


def line(label: str, t: dict) -> str:
    return (f"{label}: P {t['precision']:.3f} ({t['matched']}/{t['coded']}) R {t['recall']:.3f} "
            f"({t['found']}/{t['required']}) F1 {t['f1']:.3f} | dates {t['dates_ok']}/{t['dates']} | quotes "
            f"{t['quotes_found']}/{t['quotes']} speakers {t['speakers_ok']} | actors {t['actors_ok']}/{t['actors']}"
            f" | forbidden coded {t['forbidden']}")


def add_arguments(ap) -> None:
    """The options both real-news benchmarks take: the dev set, its scorer, a coded file, an output."""
    ap.add_argument("--folder", default=str(REALNEWS), help="the dev set (default ../shared/benchmarks/realnews)")
    ap.add_argument("--scorer", help="the dev set's score.py (default: the one in --folder)")
    ap.add_argument("--coded", help="score this polybius/1 JSON Lines file instead of coding the articles")
    ap.add_argument("--out", help="where to write the coded JSON Lines (default: a temporary file)")


def inputs(args) -> tuple[Path, object, list[dict], str]:
    """(dev-set folder, scorer module, coded records, path of the coded JSON Lines) for ``args``:
    the records read from ``--coded``, or the articles coded now and written to ``--out``."""
    folder = Path(args.folder)
    scorer = load_scorer(Path(args.scorer).parent if args.scorer else folder)
    if args.coded:
        return folder, scorer, [json.loads(x) for x in open(args.coded, encoding="utf-8") if x.strip()], args.coded
    out = args.out or str(Path(tempfile.mkdtemp(prefix="realnews-")) / "coded.jsonl")
    return folder, scorer, code_articles(article_files(folder), Path(out)), out


def gold_files(folder: Path = REALNEWS) -> list[str]:
    return sorted(glob.glob(str(Path(folder) / "*.gold.json")))


def article_files(folder: Path = REALNEWS) -> list[Path]:
    return sorted(p for p in Path(folder).glob("*.txt"))
