"""Every input of a run, sorted before it is coded: new, already stored, or a duplicate of
which id and why.

Within a run, two inputs with the same id and different texts, or the same title and text
under two ids, keep the first; the second is a duplicate, reported with the id it repeats.
Against the store, an input with a stored id and the same content is "already stored" (a
rerun); a stored id with another text, or a stored text under another id, is a duplicate.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Document
from ..store.rows import content_hash

# why an input is a duplicate (``Duplicate.reason``)
SAME_INPUT = "the same id and text as an earlier input"
SAME_ID = "the same id as an earlier input, with a different text"
SAME_TEXT = "the same title and text as an earlier input"
STORED_ID = "the same id as a stored document, with a different text"
STORED_TEXT = "the same title and text as a stored document"


@dataclass
class Duplicate:
    doc: Document
    of: str  # the id it repeats
    reason: str

    def message(self, outcome: str = "not stored") -> str:
        where = self.doc.origin or self.doc.id
        return f"{where}: {self.doc.id} is a duplicate of {self.of} ({self.reason}); {outcome}"


class Triage:
    """Remembers the id and content hash of every input kept in this run (about 150 bytes an
    input) and asks ``store`` (optional) what it already holds."""

    def __init__(self, store=None):
        self.store = store
        self.ids: dict[str, str] = {}  # id -> content hash
        self.hashes: dict[str, str] = {}  # content hash -> id

    def _in_run(self, doc: Document, h: str) -> Duplicate | None:
        if doc.id in self.ids:
            return Duplicate(doc, doc.id, SAME_INPUT if self.ids[doc.id] == h else SAME_ID)
        if h in self.hashes:
            return Duplicate(doc, self.hashes[h], SAME_TEXT)
        return None

    def check(self, doc: Document, stored: tuple[str, str] | None = None) -> Duplicate | None:
        """The duplicate ``doc`` is, or None (then it is remembered as kept)."""
        h = content_hash(doc)
        dup = self._in_run(doc, h)
        if dup is None and stored is not None and stored[1] != "same":
            dup = Duplicate(doc, stored[0], STORED_ID if stored[1] == "id" else STORED_TEXT)
        if dup is None:
            self.ids[doc.id] = h
            self.hashes.setdefault(h, doc.id)
        return dup

    def sort(self, batch: list[Document]) -> tuple[list[Document], list[Document], list[Duplicate]]:
        """``(new, already_stored, duplicates)`` of a batch, each in input order."""
        matches = self.store.match_stored(batch) if self.store is not None else [None] * len(batch)
        new, known, dups = [], [], []
        for doc, m in zip(batch, matches):
            dup = self.check(doc, m)
            if dup is not None:
                dups.append(dup)
            elif m is not None:
                known.append(doc)
            else:
                new.append(doc)
        return new, known, dups
