"""``polybius api-key`` and ``polybius serve`` from the command line."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import ROOT, run_cli


def test_api_key_prints_a_key_and_a_hash_that_verifies():
    from polybius.api.security import verify_key

    r = run_cli("api-key")
    assert r.returncode == 0, r.stderr
    lines = dict(line.split(":", 1) for line in r.stdout.decode().splitlines())
    key, hashed = lines["key"].strip(), lines["hash"].strip()
    assert key.startswith("pbk_") and len(key) > 40
    assert verify_key(key, hashed) and key not in hashed
    assert b"X-API-Key" in r.stderr


def test_api_key_hashes_a_key_from_stdin():
    from polybius.api.security import verify_key

    r = run_cli("api-key", "--stdin", input=b"my-own-secret-key\n")
    assert r.returncode == 0
    out = r.stdout.decode()
    assert "my-own-secret-key" not in out
    assert verify_key("my-own-secret-key", out.split("hash:", 1)[1].strip())


def test_serve_refuses_a_malformed_key_hash(tmp_path):
    r = run_cli("serve", "--db", str(tmp_path / "x.duckdb"), "--api-key-hash", "plaintext-key", "--no-preload")
    assert r.returncode == 2
    assert b"not an API key hash" in r.stderr


def test_serve_starts_on_loopback_and_answers(tmp_path):
    """``polybius serve`` on a fresh DuckDB file: health, pages, an empty event list; then stops cleanly."""
    import httpx

    from web_server import free_port

    from polybius.store import open_store

    open_store(tmp_path / "s.duckdb").close()  # serve never creates a store (issue 14, item 7)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "polybius", "serve", "--db", str(tmp_path / "s.duckdb"),
                             "--port", str(port), "--no-preload", "--log-level", "warning"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode()
            try:
                health = httpx.get(base + "/health", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert health.json() == {"status": "ok", "version": health.json()["version"], "writes": False}
        assert httpx.get(base + "/events").json() == {"total": 0, "limit": 100, "offset": 0, "items": [], "next": None}
        assert "POLYBIUS" in httpx.get(base + "/").text
        assert httpx.post(base + "/documents", json={"text": "x"}).status_code == 403  # read-only without a key
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err.decode()
    assert b"read-only" in err and (tmp_path / "s.duckdb").exists()


def test_serve_reports_a_store_it_cannot_open(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    r = run_cli("serve", "--db", str(bad), "--no-preload")
    assert r.returncode == 2
    assert b"cannot open the store" in r.stderr and b"Traceback" not in r.stderr
