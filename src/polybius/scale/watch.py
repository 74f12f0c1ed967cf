"""``polybius watch``: poll feeds and folders, code and store what is new.

Folders: files are remembered by (path, size, mtime) so unchanged files are not read again;
feeds: entries are documents whose content id is known once stored, so a re-poll costs one
parse of the feed and one store lookup per batch.
"""
from __future__ import annotations

import os
from typing import Iterator

from ..config import Settings
from ..model import Document
from .ingest import IngestStats, ingest, iter_inputs


class Watcher:
    def __init__(self, sources: list[str], store, settings: Settings, fetch: bool = False, pipeline=None):
        from .work import pipeline_for

        self.sources = list(sources)
        self.store = store
        self.settings = settings
        self.fetch = fetch
        self.pipeline = pipeline or pipeline_for(settings)
        self.seen: dict[str, tuple[int, int]] = {}

    def _docs(self) -> Iterator[Document]:
        from ..ingest.feeds import read_feed
        from ..ingest.sources import iter_files

        for src in self.sources:
            if os.path.isdir(src):
                for f in iter_files([src]):
                    try:
                        st = os.stat(f)
                    except OSError:
                        continue
                    sig = (st.st_size, st.st_mtime_ns)
                    if self.seen.get(f) == sig:
                        continue
                    self.seen[f] = sig
                    yield from iter_inputs([f], self.settings)
            else:
                yield from read_feed(src, self.settings, fetch=self.fetch)

    def poll(self, on_input=None) -> IngestStats:
        """One pass over the sources; ``on_input`` hears of unreadable inputs, duplicates and
        warnings with their reasons (see :func:`polybius.scale.ingest.ingest`)."""
        return ingest(self._docs(), self.store, self.settings, pipeline=self.pipeline, on_input=on_input)
