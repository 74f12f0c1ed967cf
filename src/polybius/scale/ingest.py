"""Streaming ingest: read -> skip what is stored -> code (here, in worker processes, or on
Dask) -> store in batches, one transaction each.

Memory stays flat: documents are read lazily, at most ``in_flight`` batches are being coded
at any time, and each batch is written and dropped.  A run killed at any point resumes
where it stopped: every committed batch is skipped on the next run (documents are known by
id and content hash), and an uncommitted batch is simply coded again.
"""
from __future__ import annotations

import datetime as _dt
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..config import Settings, load_settings
from ..model import Document
from .work import code_batch, init_worker, memory_zone, unpack

log = logging.getLogger("polybius.scale")



@dataclass
class IngestStats:
    """A run's counts: every input read is exactly one of new (coded and stored), unreadable
    (stored with its reason), already stored, or a duplicate: ``read == new + bad + known +
    duplicates``."""

    read: int = 0  # documents read from the sources
    known: int = 0  # already stored (before this run, or by another writer meanwhile): not coded again
    coded: int = 0  # coded in this run
    stored: int = 0  # documents written: new ones and unreadable ones
    bad: int = 0  # unreadable input, stored with its error
    duplicates: int = 0  # inputs repeating another input's id or text: not stored
    with_errors: int = 0  # coded documents that carry an error message
    words: int = 0  # words coded
    events: int = 0
    started: float = field(default_factory=time.monotonic)
    total: int | None = None  # documents expected, when known in advance

    @property
    def new(self) -> int:
        return self.stored - self.bad

    @property
    def seconds(self) -> float:
        return max(time.monotonic() - self.started, 1e-9)

    @property
    def docs_per_s(self) -> float:
        return self.coded / self.seconds

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds

    def summary(self) -> str:
        """The closing counts, which add up to the number read."""
        return (f"read {self.read}: {self.new} new, {self.bad} unreadable (stored with the reason), "
                f"{self.known} already stored, {self.duplicates} duplicate(s) not stored")

    def as_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "known": self.known, "duplicates": self.duplicates,
                "coded": self.coded, "stored": self.stored, "bad": self.bad,
                "with_errors": self.with_errors, "words": self.words, "events": self.events,
                "seconds": round(self.seconds, 3), "docs_per_s": round(self.docs_per_s, 3),
                "words_per_s": round(self.words_per_s, 1)}


def iter_inputs(paths: Iterable[str], settings: Settings | None = None, *, published: _dt.date | None = None,
                outlet: str | None = None) -> Iterator[Document]:
    """Documents from files, directories, JSONL (streamed), WARC files and stdin: the ingest readers."""
    from ..ingest import iter_sources

    yield from iter_sources(paths, settings or load_settings(), published=published, outlet=outlet)


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many documents ``paths`` hold, when that is cheap to know (None for stdin/WARC)."""
    from ..ingest.sources import JSONL_EXT, WARC_EXT, iter_files, not_regular

    n = 0
    for f in iter_files(paths):
        if f == "-" or f.lower().endswith(WARC_EXT):
            return None
        if Path(f).suffix.lower() in JSONL_EXT and not not_regular(f):
            try:
                with open(f, "rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n


def batched(it: Iterable, size: int) -> Iterator[list]:
    it = iter(it)
    while batch := list(islice(it, size)):
        yield batch


class ClusterError(RuntimeError):
    """The Dask scheduler cannot be reached."""


class _Serial:
    """Code in this process."""

    def __init__(self, settings: Settings, pipeline=None):
        from .work import pipeline_for

        self.settings = settings
        self.pipeline = pipeline or pipeline_for(settings)
        self.slots = 1

    def run(self, docs: list[Document]) -> list[Document]:
        from ..store.dedup import signature
        from .work import _WORD

        out = []
        with memory_zone(self.pipeline.nlp):
            for d in self.pipeline.code_documents(docs):
                d.nlp = None  # the parse is not kept: memory stays flat
                d.extras = {}  # nor any working state that may hold spaCy objects
                d.extras["minhash"] = signature(d.text) if d.text else None
                d.extras["words"] = len(_WORD.findall(d.text or ""))
                out.append(d)
        return out

    def close(self, cancel: bool = False) -> None:
        pass


class _Processes:
    """A pool of worker processes, each with its own spaCy model."""

    def __init__(self, settings: Settings, workers: int):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        self.settings = settings
        # workers die with this process (see work.die_with_parent); Linux's parent-death signal
        # only when they are started from the main thread, which outlives every other thread
        main = threading.current_thread() is threading.main_thread()
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"),
                                        initializer=init_worker, initargs=(settings, os.getpid(), main))
        self.slots = workers

    def submit(self, dicts: list[dict]):
        return self.pool.submit(code_batch, self.settings, dicts)

    @staticmethod
    def wait(pending, first: bool):
        from concurrent.futures import FIRST_COMPLETED, ALL_COMPLETED, wait

        done, rest = wait(pending, return_when=FIRST_COMPLETED if first else ALL_COMPLETED)
        return done, rest

    def close(self, cancel: bool = False) -> None:
        if cancel:  # interrupted: the workers' batches are not wanted, stop them now
            procs = list((self.pool._processes or {}).values())
            self.pool.shutdown(wait=False, cancel_futures=True)
            for p in procs:
                if p.is_alive():
                    p.terminate()
            for p in procs:
                p.join(5)
            return
        self.pool.shutdown(wait=True)


class _Dask:
    """A Dask cluster: a scheduler address (``tcp://host:port``) or ``local`` for a LocalCluster."""

    def __init__(self, settings: Settings, address: str, workers: int, timeout: float = 30.0):
        from distributed import Client, LocalCluster

        self.settings = settings
        self.cluster = None
        if address in ("local", "local:"):
            self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout=f"{timeout}s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        info = self.client.scheduler_info()
        self.slots = max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def submit(self, dicts: list[dict]):
        return self.client.submit(code_batch, self.settings, dicts, pure=False)

    @staticmethod
    def wait(pending, first: bool):
        from distributed import wait

        res = wait(list(pending), return_when="FIRST_COMPLETED" if first else "ALL_COMPLETED")
        return set(res.done), set(res.not_done)

    def close(self, cancel: bool = False) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


def make_runner(settings: Settings, workers: int = 1, dask: str | None = None, pipeline=None,
                dask_timeout: float = 30.0):
    """Where coding happens: this process, a pool of ``workers`` processes, or a Dask cluster.
    Pass it to several :func:`ingest` calls to keep the workers (and their models) alive."""
    if dask:
        return _Dask(settings, dask, workers, dask_timeout)
    if workers > 1:
        return _Processes(settings, workers)
    return _Serial(settings, pipeline)


def ingest(docs: Iterable[Document], store, settings: Settings | None = None, *, workers: int = 1,
           dask: str | None = None, batch_size: int = 32, in_flight: int | None = None, pipeline=None,
           progress: Callable[[IngestStats], None] | None = None, total: int | None = None,
           runner=None, dask_timeout: float = 30.0,
           on_input: Callable[[str, Document, str], None] | None = None) -> IngestStats:
    """Code and store ``docs``; returns counts and rates.  See the module docstring.

    ``on_input(kind, doc, message)`` hears of every input worth a line: ``unreadable`` (when
    first stored: a rerun does not repeat it), ``duplicate`` (with the id it repeats and why)
    and ``warning`` (a coded document that carries an error message)."""
    settings = settings or load_settings()
    own_runner = runner is None
    if runner is None:
        runner = make_runner(settings, workers, dask, pipeline, dask_timeout)
    run = _Run(store, runner, IngestStats(total=total), batch_size, in_flight, progress, on_input)
    ok = False
    try:
        run.feed(docs)
        ok = True
    finally:
        if own_runner or not ok:
            runner.close(cancel=not ok)
    return run.stats


class _Run:
    """One ingest run: triage each read batch, code what is new, write in batches."""

    def __init__(self, store, runner, stats: IngestStats, batch_size: int, in_flight: int | None, progress, on_input):
        from .triage import Triage

        self.store, self.runner, self.stats = store, runner, stats
        self.batch_size, self.progress = batch_size, progress
        self.on_input = on_input or (lambda kind, doc, message: None)
        self.triage = Triage(store)
        self.parallel = not isinstance(runner, _Serial)
        # Workers get small sub-batches, so that none idles long at the end of the stream; what
        # they return is written in batches of ``batch_size`` (one transaction each), as read.
        self.sub = min(batch_size, max(8, -(-batch_size // (2 * runner.slots)))) if self.parallel else batch_size
        self.in_flight = in_flight or (2 * runner.slots * max(1, -(-batch_size // self.sub)) if self.parallel else 1)
        self.pending: set = set()
        self.buffer: list[Document] = []

    def _tell(self) -> None:
        if self.progress:
            self.progress(self.stats)

    def _write(self, docs: list[Document]) -> int:
        """Store ``docs``; those another writer stored meanwhile count as already stored."""
        added = self.store.add_many(docs)
        self.stats.stored += added
        self.stats.known += len(docs) - added
        return added

    def save(self, coded: list[Document]) -> None:
        if not coded:
            return
        self._write(coded)
        st = self.stats
        st.coded += sum(not d.skipped for d in coded)
        st.words += sum(d.extras.get("words", 0) for d in coded if not d.skipped)
        st.events += sum(len(d.events) for d in coded)
        st.with_errors += sum(bool(d.errors) and not d.skipped for d in coded)
        for d in coded:
            if d.errors:
                self.on_input("unreadable" if d.skipped else "warning", d, "\n".join(d.errors))
        self._tell()

    def collect(self, first: bool) -> None:
        done, self.pending = self.runner.wait(self.pending, first)
        for fut in done:
            self.buffer.extend(unpack(x) for x in fut.result())
        if len(self.buffer) >= self.batch_size or not self.pending:
            self.save(self.buffer[:])
            self.buffer.clear()

    def _sort(self, batch: list[Document]) -> list[Document]:
        """Count a read batch; return what is to be coded."""
        st = self.stats
        st.read += len(batch)
        fresh, known, dups = self.triage.sort(batch)
        st.known += len(known)
        st.duplicates += len(dups)
        for dup in dups:
            self.on_input("duplicate", dup.doc, dup.message())
        bad = [d for d in fresh if d.skipped]
        if bad:
            added = self._write(bad)
            st.bad += added
            if added == len(bad):  # (else another writer stored them: it reported them)
                for d in bad:
                    self.on_input("unreadable", d, "\n".join(d.errors))
        return [d for d in fresh if not d.skipped]

    def feed(self, docs: Iterable[Document]) -> None:
        self.stats.started = time.monotonic()  # rates count coding, not loading the model
        for batch in batched(docs, self.batch_size):
            todo = self._sort(batch)
            if not todo:
                self._tell()
                continue
            if not self.parallel:
                self.save(self.runner.run(todo))
                continue
            for part in batched(todo, self.sub):
                self.pending.add(self.runner.submit([d.to_dict() for d in part]))
                if len(self.pending) >= self.in_flight:
                    self.collect(first=True)
        while self.pending:
            self.collect(first=False)
        self.save(self.buffer[:])
        self.buffer.clear()
