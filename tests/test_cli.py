"""``polybius code`` and ``polybius show``."""
import json

from conftest import ROOT, run_cli

from polybius.contract import validate

SAMPLE = ROOT / "samples" / "corpus" / "border-talks.txt"


def test_code_writes_json_lines(tmp_path):
    out = tmp_path / "out.jsonl"
    r = run_cli("code", str(SAMPLE), "--published", "2024-03-18", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    (doc,) = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    validate(doc)
    assert doc["title"] == "Armenia and Azerbaijan agree to resume border talks"
    assert doc["outlet"] == "Caucasus Wire" and doc["published"] == "2024-03-18"


def test_code_stdin_with_options():
    r = run_cli("code", "-", "--published", "2021-01-02", "--outlet", "Desk",
                input="Strike reported\n\nAircraft struck a depot on Friday, officials said.".encode())
    assert r.returncode == 0, r.stderr.decode()
    doc = json.loads(r.stdout)
    assert doc["published"] == "2021-01-02" and doc["outlet"] == "Desk" and doc["title"] == "Strike reported"


def test_bad_published_option():
    r = run_cli("code", str(SAMPLE), "--published", "yesterday")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr.decode()


def test_show_prints_summary():
    r = run_cli("show", str(SAMPLE))
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "Armenia and Azerbaijan agree to resume border talks" in out
    assert "Caucasus Wire" in out and "sentences" in out
