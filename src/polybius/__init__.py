"""Polybius: who did what to whom, when and where; who said what; who stands where.

Python API::

    import polybius
    doc = polybius.code("path/to/article.txt")          # or the article's text
    doc.to_json()                                       # the polybius/1 contract
    frame = polybius.events_frame([doc])                # one row per event
"""
from __future__ import annotations

import os
from pathlib import Path

from .config import Settings, load_settings
from .model import Document

__version__ = "0.1.0"
__all__ = ["code", "code_many", "events_frame", "Document", "Settings", "load_settings", "__version__"]


def code(text_or_path: str | os.PathLike, published=None, *, outlet: str | None = None,
         settings: Settings | None = None) -> Document:
    """Code one article given as text or as a path; returns the Document."""
    from .ingest import iter_sources, read_text
    from .pipeline import as_date, default_pipeline

    published = as_date(published)
    is_path = isinstance(text_or_path, os.PathLike) or (
        "\n" not in str(text_or_path) and len(str(text_or_path)) < 4096 and Path(str(text_or_path)).is_file()
    )
    if is_path:
        docs = list(iter_sources([str(text_or_path)], settings, published=published, outlet=outlet))
        doc = docs[0]
    else:
        fields = {k: v for k, v in (("published", published), ("outlet", outlet)) if v is not None}
        doc = read_text(str(text_or_path), settings, **fields)
    return default_pipeline(settings).code_document(doc)


def code_many(paths, published=None, *, outlet: str | None = None, settings: Settings | None = None):
    """Code every article under ``paths`` (files, directories, JSONL); yields Documents."""
    from .ingest import iter_sources
    from .pipeline import as_date, default_pipeline

    docs = iter_sources(paths, settings, published=as_date(published), outlet=outlet)
    yield from default_pipeline(settings).code_documents(docs)


def events_frame(docs):
    """A pandas DataFrame with one row per event (GDELT-like columns)."""
    from .frames import events_frame as _ef

    return _ef(docs)
