"""What a worker does: code a batch of documents with its own pipeline (one spaCy model per
worker process, loaded on first use) and return them as plain data.

The functions are module-level so that process pools and Dask workers can import them.
"""
from __future__ import annotations

import contextlib
import os
import re

from ..config import Settings
from ..model import Document

_WORD = re.compile(r"\w+")


def pipeline_for(settings: Settings):
    """This process's pipeline for ``settings`` (built once, reused for every batch)."""
    from ..pipeline import default_pipeline

    return default_pipeline(settings)


PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_POLL_S = 1.0


def die_with_parent(parent: int, pdeathsig: bool = True) -> None:
    """End this worker when ``parent`` (the ingest process) dies, however it dies (kill -9
    included): Linux's parent-death signal when the pool was started by the parent's main
    thread (the signal follows the thread that started the worker), and, everywhere, a
    daemon thread that notices the parent is gone within ``PARENT_POLL_S``."""
    import signal
    import sys
    import threading
    import time

    if pdeathsig and sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the thread below still ends the worker
            pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="polybius-parent-watch").start()


def init_worker(settings: Settings, parent: int | None = None, pdeathsig: bool = True) -> None:
    """Process-pool initializer: load the model before the first batch arrives.  With
    ``parent`` (a local pool) the worker dies with that process, and leaves Ctrl-C and
    SIGTERM to it: the parent stops the pool."""
    if parent is not None:
        import signal

        die_with_parent(parent, pdeathsig)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    # one worker = one core: numerical libraries must not start threads of their own (they read
    # these when first imported, which in a fresh worker is below)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    pipeline_for(settings)


def pack(doc: Document) -> dict:
    """A coded document as plain data for the trip back to the writer, with its MinHash."""
    from ..store.dedup import signature

    d = doc.to_dict()
    sig = signature(doc.text) if not doc.skipped and doc.text else None
    return {"doc": d, "minhash": sig, "words": len(_WORD.findall(doc.text or ""))}


def unpack(item: dict) -> Document:
    doc = Document.from_dict(item["doc"])
    doc.extras["as_dict"] = item["doc"]  # the store writes it as is instead of serialising again
    if item.get("minhash"):
        doc.extras["minhash"] = item["minhash"]
    doc.extras["words"] = item.get("words", 0)
    return doc


def code_batch(settings: Settings, docs: list[dict], pipeline=None) -> list[dict]:
    """Code a batch (documents as ``to_dict`` data) and return them packed."""
    p = pipeline or pipeline_for(settings)
    with memory_zone(p.nlp):
        return [pack(d) for d in p.code_documents(Document.from_dict(x) for x in docs)]


def memory_zone(nlp):
    """spaCy's memory zone for one batch: the strings and lexemes the batch adds to the shared
    vocabulary (new names, numbers, URLs...) are freed when it ends, so a long ingest does not
    grow with every new word.  The batch's spaCy objects must not outlive it: the runners keep
    only plain data (the ``Document`` layers), never ``doc.nlp`` or spaCy objects in extras."""
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else contextlib.nullcontext()
