"""The real-news benchmark's helpers (benchmarks/realnews_common.py, factuality_realnews.py) on
made-up articles and gold in tests/data/realnews/."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, needs_shared

sys.path.insert(0, str(ROOT / "benchmarks"))

import realnews_common as rc  # noqa: E402

FIXTURE = ROOT / "tests" / "data" / "realnews"
SCORER = SHARED / "benchmarks" / "realnews" / "score.py"


def coded_doc() -> dict:
    """A hand-written polybius/1 record for the first fixture: one right event, one trap."""
    text = "Ruritania expels Freedonian envoy\n\nRuritania expelled the Freedonian ambassador on Tuesday, the foreign ministry said."
    start = text.index("Ruritania expelled")
    more = {"goldstein": -5.0, "quad_class": 3, "rule": "written for the test"}
    return {"id": "d1", "url": "https://example.org/ruritania-expels-envoy", "title": "Ruritania expels Freedonian envoy",
            "text": text, "sentences": [{"start": start, "end": len(text)}],
            "actors": [{"id": "A1", "name": "Ruritania", "code": "RURGOV", "mentions": [{"start": start, "end": start + 9}]},
                       {"id": "A2", "name": "Freedonian", "code": "FRE"}],
            "events": [{"id": "E1", "sentence": 0, "source": "A1", "target": "A2", "cameo": "1663", "root": "16",
                        "date": {"start": "2024-03-05", "end": "2024-03-05"}, "trigger": {"start": start + 10, "end": start + 18}, **more},
                       {"id": "E2", "sentence": 0, "source": None, "target": "A1", "cameo": "190", "root": "19",
                        "trigger": {"start": start + 10, "end": start + 18}, **more},
                       {"id": "E3", "sentence": 0, "source": "A1", "target": "A2", "cameo": "1663", "root": "16",
                        "negated": True, "trigger": {"start": start + 10, "end": start + 18}, **more}]}


def test_half_follows_the_article_number():
    assert rc.half("01-ruritania-envoy") == "odd"
    assert rc.half("/x/12-some-article.gold.json") == "even"
    with pytest.raises(ValueError, match="no leading article number"):
        rc.half("article.txt")


def test_header_reads_title_date_and_url():
    h = rc.header(FIXTURE / "01-ruritania-envoy.txt")
    assert h == {"title": "Ruritania expels Freedonian envoy", "date": "2024-03-05",
                 "url": "https://example.org/ruritania-expels-envoy"}


def test_totals_and_halves_add_up():
    rows = [("01-a", {"coded": 4, "matched": 2, "required": 4, "found": 1, "dates": 2, "dates_ok": 1}),
            ("03-b", {"coded": 0, "matched": 0, "required": 2, "found": 0}),
            ("02-c", {"coded": 2, "matched": 2, "required": 1, "found": 1, "forbidden": 3})]
    h = rc.by_half(rows)
    assert (h["odd"]["coded"], h["odd"]["matched"], h["odd"]["required"], h["odd"]["found"]) == (4, 2, 6, 1)
    assert h["odd"]["precision"] == pytest.approx(0.5) and h["odd"]["recall"] == pytest.approx(1 / 6)
    assert h["even"]["precision"] == 1.0 and h["even"]["recall"] == 1.0 and h["even"]["f1"] == 1.0
    assert h["all"]["articles"] == 3 and h["all"]["forbidden"] == 3 and h["all"]["dates_ok"] == 1
    assert rc.prf(0, 0, 0, 0) == (0.0, 0.0, 0.0)
    assert "P 0.750 (6/8)" in rc.line("x", rc.totals([("01", {"coded": 8, "matched": 6, "required": 1, "found": 1})]))


def test_filtered_drops_only_events_under_the_threshold():
    from factuality_realnews import filtered

    doc = coded_doc()
    probs = {("d1", "E1"): ("asserted", 0.9, 0.95), ("d1", "E2"): ("background", 0.8, 0.1)}
    kept = filtered([doc], probs, 0.5)[0]
    assert [e["id"] for e in kept["events"]] == ["E1", "E3"]  # E3: no prediction, kept
    assert len(doc["events"]) == 3  # the input is not changed


@needs_shared
def test_scoring_a_fixture_with_the_dev_sets_scorer():
    if not SCORER.is_file():
        pytest.skip(f"needs {SCORER}")
    scorer = rc.load_scorer(SCORER.parent)
    paired = rc.pair([coded_doc()], rc.gold_files(FIXTURE), scorer)
    assert [(name, doc is not None) for name, _, doc in paired] == [("01-ruritania-envoy", True),
                                                                      ("02-freedonia-protest", False)]
    rows = rc.score_all(paired, scorer)
    one, two = rows[0][1], rows[1][1]
    assert (one["coded"], one["matched"], one["required"], one["found"]) == (2, 1, 1, 1)  # negated E3 not counted
    assert one["forbidden"] == 1 and one["dates_ok"] == 1 and one["actors_ok"] == 1
    assert (two["coded"], two["required"], two["found"], two["missed"]) == (0, 1, 0, ["protest"])
    h = rc.by_half(rows)
    assert (h["odd"]["precision"], h["odd"]["recall"]) == (0.5, 1.0)
    assert (h["even"]["precision"], h["even"]["recall"]) == (0.0, 0.0)
    assert rc.matched_ids(coded_doc(), paired[0][1], scorer) == {"E1"}


def test_missing_scorer_is_one_clear_error(tmp_path: Path):
    with pytest.raises(SystemExit, match="real-news scorer is missing"):
        rc.load_scorer(tmp_path)


@needs_shared
def test_both_scripts_score_a_coded_file(tmp_path, capsys):
    if not SCORER.is_file():
        pytest.skip(f"needs {SCORER}")
    import json

    import events_realnews
    import factuality_realnews

    coded = tmp_path / "coded.jsonl"
    coded.write_text(json.dumps(coded_doc()) + "\n", encoding="utf-8")
    common = ["--folder", str(FIXTURE), "--scorer", str(SCORER), "--coded", str(coded)]
    assert events_realnews.main(common + ["--verbose"]) == 0
    out = capsys.readouterr().out
    assert "01-ruritania-envoy: P 0.50 (1/2) R 1.00 (1/1)" in out and "missed: protest" in out
    assert "unmatched coded: - 190 RURGOV" in out
    assert out.strip().splitlines()[-1].startswith("SUMMARY realnews P=0.500 R=0.500 F1=0.500 odd_F1=0.667 even_F1=0.000")
    assert factuality_realnews.main(common) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("SUMMARY factuality_realnews threshold=") and "dropped=" in last
