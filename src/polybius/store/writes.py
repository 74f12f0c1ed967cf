"""The SQL store's writes: documents in (new ones only, near-duplicates linked), documents out.

A mixin of :class:`polybius.store.sql.SQLStore`; it uses the engine hooks (``_begin``,
``_query``, ``_insert``...) that the engines supply.
"""
from __future__ import annotations

from typing import Iterable

from ..model import Document
from .dedup import NearDuplicates, signature
from .rows import content_hash, document_rows
from .schema import TABLES


class Writes:
    def _dup_index(self):
        if self._dups is None:
            idx = NearDuplicates(threshold=self.dedup_threshold, lookup=self._signatures)
            self._stories = {}
            for chunk in self._stream("SELECT m.doc_id, m.signature, d.story FROM minhashes m "
                                      "JOIN documents d ON d.id = m.doc_id ORDER BY d.ingested_at, m.doc_id"):
                for doc_id, sig, story in chunk:
                    idx.add(doc_id, bytes(sig), keep=False)
                    if story and story != doc_id:
                        self._stories[doc_id] = story
            self._dups = idx
        return self._dups

    def _signatures(self, ids: list[str]) -> dict[str, bytes]:
        marks = ", ".join("?" * len(ids))
        return {r["doc_id"]: bytes(r["signature"]) for r in
                self._query(f"SELECT doc_id, signature FROM minhashes WHERE doc_id IN ({marks})", ids)}

    def stored(self, docs: Iterable[Document]) -> set[str]:
        """Ids of ``docs`` that are already stored (same id or same content)."""
        docs = list(docs)
        return {d.id for d, m in zip(docs, self.match_stored(docs)) if m is not None}

    def match_stored(self, docs: Iterable[Document]) -> list[tuple[str, str] | None]:
        """For each of ``docs``, in order, the stored document it matches and how: ``(id, "same")``
        (same id and content), ``(id, "id")`` (same id, another text) or ``(other_id, "text")``
        (same title and text under another id); None when it is new."""
        docs = list(docs)
        out: list[tuple[str, str] | None] = []
        for i in range(0, len(docs), 400):
            part = docs[i:i + 400]
            hashes = [content_hash(d) for d in part]
            marks = ", ".join("?" * len(part))
            rows = self._query(f"SELECT id, content_hash FROM documents WHERE id IN ({marks}) "
                               f"OR content_hash IN ({marks}) ORDER BY id", [d.id for d in part] + hashes)
            by_id = {r["id"]: r["content_hash"] for r in rows}
            by_hash: dict[str, str] = {}
            for r in rows:
                by_hash.setdefault(r["content_hash"], r["id"])
            for d, h in zip(part, hashes):
                if d.id in by_id:
                    out.append((d.id, "same" if by_id[d.id] == h else "id"))
                else:
                    out.append((by_hash[h], "text") if h in by_hash else None)
        return out

    def add(self, doc: Document) -> bool:
        return self.add_many([doc]) == 1

    def add_many(self, docs: Iterable[Document]) -> int:
        """Store documents in one transaction; returns how many were new (the rest were known)."""
        docs = list(docs)
        if not docs:
            return 0
        try:
            self._begin()
        except self._errors() as exc:
            raise self._wrap(exc) from exc
        try:
            known = self.stored(docs)
            seen: set[str] = set()
            tables: dict[str, list[tuple]] = {t: [] for t in TABLES}
            idx = self._dup_index()
            added = 0
            for doc in docs:
                h = content_hash(doc)
                if doc.id in known or doc.id in seen or h in seen:
                    continue
                seen.update((doc.id, h))
                sig = None
                if not doc.skipped and doc.text:
                    sig = doc.extras.get("minhash") or signature(doc.text)
                match = idx.best_match(sig) if sig else None
                if match:
                    story = self._stories.get(match[0], match[0])
                    doc.extras["story"] = story
                    tables["duplicates"].append((doc.id, match[0], round(match[1], 4)))
                else:
                    doc.extras["story"] = doc.id
                for t, rs in document_rows(doc).items():
                    tables[t].extend(rs)
                if sig:
                    tables["minhashes"].append((doc.id, sig))
                    idx.add(doc.id, sig)
                    if doc.extras["story"] != doc.id:
                        self._stories[doc.id] = doc.extras["story"]
                added += 1
            self._before_insert(tables)
            for t, rs in tables.items():
                if rs:
                    self._insert(t, TABLES[t], rs)
            self._commit()
            idx.flush()
            return added
        except BaseException as exc:
            self._dups = None  # the index may hold documents that were not committed
            self._abort(exc)

    def _abort(self, exc: BaseException):
        """Roll the open transaction back and raise ``exc`` (a database error as StoreError)."""
        try:
            self._rollback()
        except Exception:  # the connection itself may be gone
            pass
        if isinstance(exc, self._errors()):
            raise self._wrap(exc) from exc
        raise exc
