"""Coding posted articles: one pipeline, one worker thread, small batches.

Requests hand their Document to :meth:`Coder.submit` and wait on a future without holding a
server thread, so reads stay responsive while articles queue for coding.  Articles that arrive
together are parsed together (spaCy's ``nlp.pipe``) and stored together, in one transaction
(a commit costs more than coding a short article).

A long article (one the pipeline codes in windows, over ``window_words`` words) does not hold up
the others: it is coded one window at a time, and the articles that arrive meanwhile are coded
between two windows, so a short post waits at most about one window's coding time."""
from __future__ import annotations

import logging
import queue
import threading
from collections import deque
from concurrent.futures import Future
from typing import Callable

from ..model import Document

log = logging.getLogger("polybius.api")


class Coder:
    def __init__(self, get_pipeline: Callable[[], object], store_many: Callable[[list[Document]], list[bool]],
                 max_batch: int = 16):
        """``store_many(docs)`` stores documents and says, for each, whether it was new (or
        gives the exception that kept it out)."""
        self._get_pipeline = get_pipeline
        self._store_many = store_many
        self.max_batch = max(1, max_batch)
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        # Long articles being coded: (document, future, step generator), on the coder thread only.
        self._long: deque = deque()

    def submit(self, doc: Document) -> Future:
        """Code and store ``doc``; the future's result is ``(coded_doc, is_new)``."""
        fut: Future = Future()
        self._ensure_thread()
        self._queue.put((doc, fut))
        return fut

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            with self._start_lock:
                if self._thread is None or not self._thread.is_alive():
                    self._thread = threading.Thread(target=self._run, name="polybius-coder", daemon=True)
                    self._thread.start()

    def close(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(30)

    def _run(self) -> None:
        while True:
            try:  # wait for work only when no long article is being coded
                item = self._queue.get(block=not self._long)
            except queue.Empty:
                item = ()
            if item is None:
                while self._long:  # closing: finish the long articles under way
                    self._step()
                return
            batch = [item] if item else []
            while len(batch) < self.max_batch:
                try:
                    nxt = self._queue.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    self._queue.put(None)
                    break
                batch.append(nxt)
            self._code([x for x in batch if not self._start_long(*x)])
            if self._long:
                self._step()

    def _start_long(self, doc: Document, fut: Future) -> bool:
        """Queue a long article for coding window by window; False for a short one."""
        try:
            pipeline = self._get_pipeline()
        except Exception:  # _code reports it
            return False
        if not getattr(pipeline, "is_long", lambda d: False)(doc):
            return False
        if fut.set_running_or_notify_cancel():
            self._long.append((doc, fut, pipeline.code_in_windows(doc)))
        return True

    def _step(self) -> None:
        """Code one window of the first long article, then let the next one have a turn."""
        doc, fut, steps = self._long.popleft()
        try:
            result = next(steps)
        except Exception as exc:
            log.exception("coding a long article failed")
            fut.set_exception(exc)
            return
        if result is None:
            self._long.append((doc, fut, steps))
        else:
            result.nlp = None
            self._store([(result, fut)])

    def _code(self, batch) -> None:
        live = [(d, f) for d, f in batch if f.set_running_or_notify_cancel()]
        if not live:
            return
        try:
            pipeline = self._get_pipeline()
            coded = list(pipeline.code_documents([d for d, _ in live]))
        except Exception:  # one bad article must not fail the others: code them one by one
            log.exception("batch coding failed; coding %d articles one by one", len(live))
            coded = []
            for d, f in live:
                try:
                    coded.append(self._get_pipeline().code_document(d))
                except Exception as exc:
                    coded.append(exc)
        done = []
        for (doc, fut), result in zip(live, coded):
            if isinstance(result, Exception):
                fut.set_exception(result)
            else:
                result.nlp = None
                done.append((result, fut))
        self._store(done)

    def _store(self, done: list) -> None:
        """Store coded articles together and settle their futures."""
        if not done:
            return
        try:
            flags = self._store_many([d for d, _ in done])
        except Exception as exc:
            for _, fut in done:
                fut.set_exception(exc)
            return
        for (doc, fut), new in zip(done, flags):
            if isinstance(new, Exception):
                fut.set_exception(new)
            else:
                fut.set_result((doc, new))
