"""The store interface: what the CLI, the REST API and the web explorer ask of a store.

Implementations: DuckDB (embedded, the default) and PostgreSQL (shared deployments),
both behind :func:`polybius.store.open_store`.  Every query is parameterised.
"""
from __future__ import annotations

import abc
import datetime as _dt
from dataclasses import dataclass
from typing import Any, Iterable

from ..model import Document


@dataclass
class EventFilter:
    """Filters shared by ``polybius events``, ``GET /events`` and the explorer's search.

    Actor codes accept a trailing ``*`` as a prefix wildcard (``USA*``)."""

    actor: str | None = None  # either side
    source: str | None = None
    target: str | None = None
    root: str | None = None  # CAMEO root, "01".."20"
    cameo: str | None = None  # CAMEO code or prefix
    plover: str | None = None  # PLOVER event type
    quad_class: int | None = None
    start: _dt.date | None = None
    end: _dt.date | None = None
    outlet: str | None = None
    text: str | None = None  # words in the sentence
    doc_id: str | None = None
    limit: int = 100
    offset: int = 0


class Store(abc.ABC):
    """Documents in, events/actors/dyads/networks/stances out."""

    @abc.abstractmethod
    def add(self, doc: Document) -> bool:
        """Store a coded document with every layer; False when it was already stored."""

    def add_many(self, docs: Iterable[Document]) -> int:
        return sum(self.add(d) for d in docs)

    @abc.abstractmethod
    def delete(self, doc_id: str) -> bool:
        """Remove a document and every layer of it; False when it was not stored."""

    @abc.abstractmethod
    def has(self, doc_id: str) -> bool: ...

    @abc.abstractmethod
    def get_document(self, doc_id: str) -> Document | None: ...

    @abc.abstractmethod
    def documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Document summaries: id, title, outlet, published, url, counts."""

    @abc.abstractmethod
    def events(self, flt: EventFilter) -> list[dict[str, Any]]:
        """Event rows (the columns of :data:`polybius.frames.EVENT_COLUMNS`)."""

    @abc.abstractmethod
    def count_events(self, flt: EventFilter) -> int: ...

    @abc.abstractmethod
    def actors(self, code: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Actors across documents grouped by code (prefix ``*`` allowed): code, names, documents, events."""

    @abc.abstractmethod
    def dyad_timeline(self, a: str, b: str, by: str = "week", start: _dt.date | None = None,
                      end: _dt.date | None = None) -> list[dict[str, Any]]:
        """Per period: counts by QuadClass, Goldstein sum and mean, event ids."""

    @abc.abstractmethod
    def network(self, start: _dt.date | None = None, end: _dt.date | None = None, min_weight: int = 1):
        """A ``networkx.DiGraph``: actor codes as nodes, weighted edges with QuadClass counts."""

    @abc.abstractmethod
    def stances(self, proposition: str | None = None, holder: str | None = None) -> list[dict[str, Any]]:
        """Stances across documents grouped by proposition and holder."""

    # -- extensions (both engines implement them through polybius.store.sql.SQLStore) ------
    @abc.abstractmethod
    def stored(self, docs: Iterable[Document]) -> set[str]:
        """Ids of ``docs`` already stored, by id or by content hash (resumable ingest)."""

    @abc.abstractmethod
    def count_documents(self, outlet: str | None = None, text: str | None = None) -> int: ...

    @abc.abstractmethod
    def event_groups(self, flt: EventFilter | None = None, include_negated: bool = False) -> list[dict[str, Any]]:
        """Events folded across articles (same dyad, code, date range) with GDELT-like
        num_mentions, num_articles, num_sources and num_stories (near-duplicates folded)."""

    @abc.abstractmethod
    def quotes(self, speaker: str | None = None, doc_id: str | None = None, text: str | None = None,
               limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]: ...

    @abc.abstractmethod
    def duplicates(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Near-duplicate links between documents (MinHash LSH)."""

    @abc.abstractmethod
    def errors(self, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]: ...

    @abc.abstractmethod
    def stats(self) -> dict[str, int]:
        """Row counts per table."""

    @abc.abstractmethod
    def iter_table(self, table: str, size: int = 5000):
        """Every row of a table, streamed in chunks of dicts (exports)."""

    def close(self) -> None:  # pragma: no cover - trivial
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
