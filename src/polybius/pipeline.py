"""The stage order: the only module that knows every stage.

    ingest -> nlp -> (settings.stages: actors -> events -> speech ...)

A :class:`Pipeline` loads the spaCy model and builds each configured stage once, checks
that every stage comes after the layers it requires (:mod:`polybius.stages`), then codes
documents one at a time or as a stream (parsed in batches).  A document of more than
``settings.window_words`` words is coded in windows of paragraphs and merged back
(:mod:`polybius.windows`), so its cost grows with its length and its memory stays bounded.
A stage that fails on one document records the error in that document and the run goes on.
"""
from __future__ import annotations

import datetime as _dt
import itertools
import logging
import time
import traceback
from collections import defaultdict, deque
from typing import Iterable, Iterator

from .config import Settings, load_settings
from .model import Document
from .nlp import load_model, parse_documents
from .registry import get_stage
from .stages import check_order, describe
from .windows import Merger, is_long, split

log = logging.getLogger("polybius")


class Pipeline:
    def __init__(self, settings: Settings | None = None, nlp=None):
        self.settings = settings or load_settings()
        self.nlp = nlp if nlp is not None else load_model(self.settings.spacy_model)
        self.stages = [(name, get_stage(name)(self.settings, self.nlp)) for name in self.settings.stages]
        check_order(self.stages)
        # Seconds spent in each stage (and in parsing) since this pipeline was built.
        self.timings: dict[str, float] = defaultdict(float)

    def annotate(self, doc: Document) -> Document:
        """Run the stages after nlp on a parsed document."""
        if doc.skipped:
            return doc
        for name, stage in self.stages:
            t0 = time.perf_counter()
            try:
                stage(doc)
            except Exception as exc:  # one bad document never stops a corpus run
                log.debug("stage %s failed on %s\n%s", name, doc.id, traceback.format_exc())
                doc.errors.append(f"{doc.origin or doc.id}: stage {name} failed: {type(exc).__name__}: {exc}")
            self.timings[name] += time.perf_counter() - t0
        return doc

    def describe(self) -> list[dict]:
        """Each stage with the layers it requires and assigns."""
        return describe(self.stages)

    def code_documents(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Code documents in order; those over ``window_words`` words window by window."""
        for long, group in itertools.groupby(docs, key=self.is_long):
            if long:
                for doc in group:
                    yield deque(self.code_in_windows(doc), maxlen=1)[0]
            else:
                for doc in parse_documents(self.nlp, group, batch_size=self.settings.batch_size):
                    yield self.annotate(doc)

    def is_long(self, doc: Document) -> bool:
        """Whether ``doc`` is coded in windows (more than ``settings.window_words`` words)."""
        return is_long(doc, self.settings.window_words)

    def code_in_windows(self, doc: Document) -> Iterator[Document | None]:
        """Code a long document one window at a time (:mod:`polybius.windows`): yields ``None``
        after each window, then the whole coded document.  Only one window's parse is held at
        a time, so memory stays bounded; a caller may do other work between windows."""
        merger = Merger(doc)
        for off, sub, block_map in split(doc, self.settings.window_words):
            for parsed in parse_documents(self.nlp, [sub], batch_size=1):
                self.annotate(parsed)
            parsed.nlp = None
            merger.add(off, parsed, block_map)
            yield None
        yield merger.finish()

    def code_document(self, doc: Document) -> Document:
        return next(self.code_documents([doc]))


_DEFAULT: dict[Settings, Pipeline] = {}


def default_pipeline(settings: Settings | None = None) -> Pipeline:
    """A process-wide pipeline per settings, so notebooks load the model once.  The key is
    the whole (frozen) settings object: two different settings never share a pipeline."""
    settings = settings or load_settings()
    if settings not in _DEFAULT:
        _DEFAULT[settings] = Pipeline(settings)
    return _DEFAULT[settings]


def as_date(value) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value))
