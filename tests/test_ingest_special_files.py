"""Issue 14, item 3: a named pipe, socket or device among the inputs is reported and skipped;
``code``, ``ingest`` and ``watch`` never block on one."""
from __future__ import annotations

import os
import socket

import subprocess
import sys

import pytest
from conftest import ROOT


def run_cli(*args, timeout: float):
    """``python -m polybius`` that fails the test instead of hanging."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "polybius", *args], capture_output=True, env=env, cwd=ROOT,
                          timeout=timeout, stdin=subprocess.DEVNULL)

TEXT = "Officials in Lima said on Monday that the harbour talks with Quito would resume next week.\n"


@pytest.fixture
def inbox(tmp_path):
    d = tmp_path / "inbox"
    d.mkdir()
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(d / "pipe.jsonl")
    os.mkfifo(d / "pipe.txt")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(str(d / "sock.txt"))
    yield d
    s.close()


def test_iter_sources_reads_only_regular_files(inbox, pipeline):
    from polybius.ingest import iter_sources

    docs = list(iter_sources([str(inbox), "/dev/null"], pipeline.settings))
    reasons = {os.path.basename(d.origin): d.errors for d in docs if d.skipped}
    assert [d.origin for d in docs if not d.skipped] == [str(inbox / "a.txt")]
    assert "named pipe (FIFO), not a regular file" in reasons["pipe.jsonl"][0]
    assert "named pipe (FIFO)" in reasons["pipe.txt"][0] and "a socket" in reasons["sock.txt"][0]
    assert "a character device" in reasons["null"][0]


def test_code_and_ingest_skip_a_fifo_and_go_on(inbox, tmp_path):
    for args in (["code", str(inbox)], ["ingest", str(inbox), "--db", str(tmp_path / "s.duckdb"), "--quiet"]):
        r = run_cli(*args, timeout=120)
        err = " ".join(r.stderr.decode().split())
        assert r.returncode == 0, err
        assert err.count("not a regular file: skipped") == 3 and "pipe.jsonl" in err and "sock.txt" in err
    assert "ingested 1 new document(s) of 4 read (3 unreadable" in err


def test_watch_skips_a_fifo_named_as_a_feed(inbox, tmp_path):
    r = run_cli("watch", str(inbox / "pipe.txt"), "--once", "--db", str(tmp_path / "w.duckdb"), timeout=120)
    assert r.returncode == 0 and "named pipe (FIFO)" in r.stderr.decode()
