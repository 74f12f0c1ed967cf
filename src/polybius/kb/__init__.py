"""The actor knowledge base: people with dated roles, organisations, armed groups, outlets,
countries and places, generated from open data (``polybius kb build``) and shipped in
``src/polybius/data/kb``.  The actors stage calls :func:`load_kb` once and then
:meth:`KnowledgeBase.lookup` / :meth:`KnowledgeBase.lookup_surname` per name; see
``docs/actors.md`` ("Knowledge base") for the interface.
"""
from __future__ import annotations

from .names import fold, loose, strip_titles, surname
from .overrides import overrides_from_files
from .store import KnowledgeBase, Resolution, load_kb
from .table import KBEntry, KBError, read_table

__all__ = ["KnowledgeBase", "Resolution", "KBEntry", "KBError", "load_kb", "overrides_from_files", "read_table",
           "fold", "loose", "strip_titles", "surname"]
