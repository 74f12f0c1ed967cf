"""Per-app state: the store (one thread), the settings, the key checker and the coder."""
from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, Callable

from fastapi import Request

from ..config import Settings
from ..model import Document
from ..store.base import Store
from .coder import Coder
from .security import KeyChecker

log = logging.getLogger("polybius.api")


class AppState:
    def __init__(self, store: Store, settings: Settings, pipeline=None,
                 pipeline_factory: Callable[[Settings], Any] | None = None):
        self.store = store
        self.settings = settings
        self.keys = KeyChecker(settings.api_key_hashes)
        # Every store call runs on this one thread: an embedded connection is used by one
        # thread at a time, and requests wait for it without holding a server thread.
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="polybius-store")
        self._pipeline = pipeline
        self._pipeline_factory = pipeline_factory
        self._pipeline_lock = threading.Lock()
        self.coder = Coder(self.pipeline, self._store_many)

    def _store_many(self, docs: list[Document]) -> list:
        return self.executor.submit(self._add_many, docs).result()

    def _add_many(self, docs: list[Document]) -> list:
        """On the store thread: store ``docs`` in one transaction; for each, whether it was new
        (or the exception that kept it out)."""
        from ..store.rows import content_hash

        known = self.store.stored(docs)  # same id or same content
        seen: set[str] = set()
        flags = []
        for d in docs:
            h = content_hash(d)
            flags.append(d.id not in known and d.id not in seen and h not in seen)
            seen.update((d.id, h))
        try:
            self.store.add_many(docs)
        except Exception:  # find the one that fails; store the others
            log.exception("storing %d documents together failed; storing them one by one", len(docs))
            flags = []
            for d in docs:
                try:
                    flags.append(self.store.add(d))
                except Exception as exc:  # this post gets the error; the others are stored
                    flags.append(exc)
        return flags

    async def run(self, fn: Callable, *args, **kw):
        """Run ``fn`` (a store call, or a function of several) on the store thread."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, partial(fn, *args, **kw))

    def pipeline(self):
        """The app's one Pipeline, built on first use (or by ``warm_up``)."""
        if self._pipeline is None:
            with self._pipeline_lock:
                if self._pipeline is None:
                    if self._pipeline_factory is not None:
                        self._pipeline = self._pipeline_factory(self.settings)
                    else:
                        from ..pipeline import Pipeline

                        self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def warm_up(self) -> None:
        self.pipeline()

    def close(self) -> None:
        """Finish queued posts and store calls (the store itself is the caller's to close)."""
        self.coder.close()
        self.executor.shutdown(wait=True)


def get_state(request: Request) -> AppState:
    """Dependency: the app's :class:`AppState`."""
    return request.app.state.polybius
