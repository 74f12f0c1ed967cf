"""Issue 14, item 16: reporting that agrees between commands and runs — a truncated feed is
reported as such; ingest prints the warnings code prints; a rerun does not repeat them."""
from __future__ import annotations

from conftest import run_cli
from test_scale_feeds import RSS

from polybius.ingest.feeds import read_feed


def test_a_truncated_feed_is_reported_as_truncated(tmp_path, pipeline):
    for cut in (len(RSS) // 2, int(len(RSS) * 0.8), len(RSS) - 30):
        docs = list(read_feed(RSS[:cut], pipeline.settings))
        msgs = [e for d in docs if d.skipped for e in d.errors]
        assert any("truncated or malformed feed" in m for m in msgs), msgs
        assert any("cut off where the feed is truncated" in m for m in msgs), msgs
        assert not any("has no text" in m for m in msgs), msgs
    complete = list(read_feed(RSS, pipeline.settings))
    assert not any("truncated" in e for d in complete for e in d.errors)


def test_ingest_prints_the_warnings_code_prints_and_a_rerun_is_quiet(tmp_path):
    text = ("Caf\xe9 owners in Paris protested against the new rules on Tuesday, the union said, and the "
            "mayor promised to meet them next week.\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "legacy.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    code = run_cli("code", str(tmp_path / "in"))
    warnings = [l for l in code.stderr.decode().splitlines() if l.startswith(("warning:", "skipped:"))]
    assert any("decoded as" in l for l in warnings) and any("empty" in l for l in warnings)
    db = str(tmp_path / "s.duckdb")
    first = run_cli("ingest", str(tmp_path / "in"), "--db", db, "--quiet")
    assert first.returncode == 0, first.stderr.decode()
    assert [l for l in first.stderr.decode().splitlines() if l.startswith(("warning:", "skipped:"))] == warnings
    again = run_cli("ingest", str(tmp_path / "in"), "--db", db, "--quiet")
    out = again.stderr.decode()
    assert "skipped:" not in out and "warning:" not in out and "2 already stored" in out
