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


def code(text_or_path: str | os.PathLike | None = None, published=None, *, text: str | None = None,
         outlet: str | None = None, settings: Settings | None = None) -> Document:
    """Code one article given as text or as a path; returns the Document.

    A ``Path`` (any ``os.PathLike``) is always a file.  A ``str`` is a file when it names one;
    a one-line ``str`` that looks like a path — it ends in a known extension (``.txt``,
    ``.html``, ``.jsonl``...) or holds a ``/`` and no space — and names no file raises
    :class:`FileNotFoundError`.  ``text=`` always codes the string itself as the article."""
    from .ingest import iter_sources, read_text
    from .pipeline import as_date, default_pipeline

    if (text is None) == (text_or_path is None):
        raise TypeError("polybius.code() takes an article's text or path, or text=..., not both")
    published = as_date(published)
    if text is None and _is_path(text_or_path):
        docs = list(iter_sources([os.fspath(text_or_path)], settings, published=published, outlet=outlet))
        doc = docs[0]
    else:
        fields = {k: v for k, v in (("published", published), ("outlet", outlet)) if v is not None}
        doc = read_text(str(text if text is not None else text_or_path), settings, **fields)
    return default_pipeline(settings).code_document(doc)


# what makes a one-line string a path rather than an article (see ``code``)
PATH_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".jsonlines", ".json",
                 ".warc", ".warc.gz", ".arc", ".arc.gz", ".md")


def _is_path(value) -> bool:
    """True for a file to read; raises FileNotFoundError for a string that looks like a path
    and names no file."""
    if isinstance(value, os.PathLike):
        if not Path(value).exists():
            raise FileNotFoundError(f"no such file: {os.fspath(value)}")
        return True
    s = str(value)
    if "\n" in s or len(s) >= 4096:
        return False
    if Path(s).exists():
        return True
    stripped = s.strip()
    looks = stripped.lower().endswith(PATH_SUFFIXES) or ((os.sep in stripped or "/" in stripped) and " " not in stripped)
    if looks:
        raise FileNotFoundError(f"no such file: {s!r} (to code this string as an article's text, "
                                f"call polybius.code(text=...))")
    return False


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
