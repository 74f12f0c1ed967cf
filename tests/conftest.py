"""Shared fixtures.  Tests import the package from this checkout's ``src``."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("POLYBIUS_SHARED", ROOT.parent / "shared"))
REFERENCE = SHARED / "corpus" / "us-dismisses-iraqi-pm-request.txt"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"needs ../shared beside the project ({SHARED} absent)")


@pytest.fixture(scope="session")
def nlp():
    from polybius.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline(nlp):
    """The full default pipeline, built once per test session."""
    from polybius.config import load_settings
    from polybius.pipeline import Pipeline

    return Pipeline(load_settings(env={}), nlp=nlp)


@pytest.fixture(scope="session")
def code_text(pipeline):
    """``run(text, published=None) -> Document`` through the full pipeline, with no language
    check (test sentences are short)."""
    from polybius.ingest import read_text

    settings = pipeline.settings.replace(min_words_for_language_check=10**6)

    def run(text, published=None):
        return pipeline.code_document(read_text(text, settings, **({"published": published} if published else {})))

    return run


@pytest.fixture(scope="session")
def reference_doc(pipeline):
    if not REFERENCE.is_file():
        pytest.skip(f"needs {REFERENCE}")
    import datetime as dt

    from polybius.ingest import iter_sources

    doc = next(iter_sources([str(REFERENCE)], pipeline.settings, published=dt.date(2020, 1, 11)))
    return pipeline.code_document(doc)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (tests/web_server.py), one per test module."""
    from web_server import chromium

    with chromium() as b:
        yield b


@pytest.fixture()
def page(browser):
    """A fresh page; script errors and dialogs are collected in ``page.js_errors``."""
    from web_server import new_page

    with new_page(browser) as p:
        yield p


def run_cli(*args, input: bytes | None = None, env: dict | None = None):
    """Run ``python -m polybius`` on this checkout; returns CompletedProcess."""
    import subprocess

    e = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "polybius", *args], input=input, capture_output=True, env=e, cwd=ROOT)
