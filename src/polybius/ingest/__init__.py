"""Ingest stage: readers that turn files, pages and corpora into Documents.

Every reader yields :class:`polybius.model.Document` objects.  Bad input (empty,
binary, badly encoded, huge, non-English, malformed JSON, missing path) yields a
document with ``skipped=True`` and a one-line reason in ``errors`` instead of
raising, so a corpus run goes on with the rest.
"""
from .sources import read_paths, read_text, iter_sources
from .text import document_from_text

__all__ = ["read_paths", "read_text", "iter_sources", "document_from_text"]
