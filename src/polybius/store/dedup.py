"""Near-duplicate articles (wire copies, republished stories) with MinHash LSH (datasketch).

A document's signature is the MinHash of its word 5-shingles; the LSH index finds stored
documents whose estimated Jaccard similarity is above ``threshold``.  The store keeps the
signatures (table ``minhashes``) so the index is rebuilt when a store is reopened.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

NUM_PERM = 64
SHINGLE = 5
THRESHOLD = 0.7
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are read back with it
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> list[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return [" ".join(words).encode("utf-8")] if words else []
    return list({" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)})


_PERMUTATIONS: dict[int, object] = {}


def signature(text: str, num_perm: int = NUM_PERM) -> bytes | None:
    """The MinHash signature of ``text`` as bytes (None for an empty text)."""
    from datasketch import MinHash

    sh = shingles(text)
    if not sh:
        return None
    perms = _PERMUTATIONS.get(num_perm)
    if perms is None:  # computing the permutations costs more than hashing a document: once
        perms = _PERMUTATIONS[num_perm] = MinHash(num_perm=num_perm, scheme=SCHEME).permutations
    m = MinHash(num_perm=num_perm, permutations=perms, scheme=SCHEME)
    m.update_batch(sh)
    return m.hashvalues.astype(np.uint64).tobytes()


def _minhash(sig: bytes):
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=np.frombuffer(sig, dtype=np.uint64), scheme=SCHEME)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, dtype=np.uint64) == np.frombuffer(b, dtype=np.uint64)))


def _band_hash(data: bytes) -> int:
    """A band of a signature as one machine-size int (datasketch keeps the raw bytes)."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


class _Buckets:
    """A datasketch LSH bucket table that stores a bucket holding one document as the bare key
    (a set only when documents collide): most buckets hold one document, and a set per bucket
    was most of the index's memory."""

    def __init__(self):
        self._d: dict = {}

    def insert(self, key, *vals, buffer: bool = False):
        cur = self._d.get(key)
        for v in vals:
            if cur is None:
                cur = v
            elif isinstance(cur, set):
                cur.add(v)
            elif cur != v:
                cur = {cur, v}
        self._d[key] = cur

    def get(self, key):
        cur = self._d.get(key)
        return set() if cur is None else (cur if isinstance(cur, set) else {cur})

    def remove_val(self, key, val, buffer: bool = False):
        cur = self._d.get(key)
        if isinstance(cur, set):
            cur.discard(val)
            self._d[key] = next(iter(cur)) if len(cur) == 1 else cur
        elif cur == val:
            self._d[key] = set()

    def remove(self, *keys, buffer: bool = False):
        for k in keys:
            self._d.pop(k, None)

    def size(self) -> int:
        return len(self._d)

    def itemcounts(self):
        return {k: len(v) if isinstance(v, set) else 1 for k, v in self._d.items()}


class _Keys:
    """datasketch's key table, keeping only which keys are indexed (Polybius never removes)."""

    def __init__(self):
        self._s: set = set()

    def insert(self, key, *vals, buffer: bool = False):
        self._s.add(key)

    def __contains__(self, key) -> bool:
        return key in self._s

    def has_key(self, key) -> bool:
        return key in self._s

    def size(self) -> int:
        return len(self._s)


class NearDuplicates:
    """An in-memory LSH index over stored signatures.

    The index keeps only the LSH buckets; the signatures of candidates are fetched with
    ``lookup(ids) -> {id: signature}`` (the store reads them from its ``minhashes`` table),
    which keeps memory per document small."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, lookup=None):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, hashfunc=_band_hash)
        self.lsh.hashtables = [_Buckets() for _ in range(self.lsh.b)]
        self.lsh.keys = _Keys()
        self.lookup = lookup
        self.pending: dict[str, bytes] = {}  # added since the last flush (not yet readable by lookup)
        self.n = 0

    def __len__(self) -> int:
        return self.n

    def add(self, doc_id: str, sig: bytes, keep: bool = True) -> None:
        if sig is None or doc_id in self.lsh:
            return
        self.lsh.insert(doc_id, _minhash(sig))
        self.n += 1
        if keep or self.lookup is None:
            self.pending[doc_id] = sig

    def flush(self) -> None:
        """The pending signatures are now readable through ``lookup``."""
        if self.lookup is not None:
            self.pending.clear()

    def best_match(self, sig: bytes | None) -> tuple[str, float] | None:
        """The most similar indexed document and its estimated Jaccard similarity, if any passes."""
        if sig is None or not self.n:
            return None
        cands = self.lsh.query(_minhash(sig))
        if not cands:
            return None
        sigs = {c: self.pending[c] for c in cands if c in self.pending}
        rest = [c for c in cands if c not in sigs]
        if rest and self.lookup is not None:
            sigs.update(self.lookup(rest))
        best = None
        for cand, other in sigs.items():
            sim = similarity(sig, other)
            if sim >= self.threshold and (best is None or sim > best[1] or (sim == best[1] and cand < best[0])):
                best = (cand, sim)
        return best
