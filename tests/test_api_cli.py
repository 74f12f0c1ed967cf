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
