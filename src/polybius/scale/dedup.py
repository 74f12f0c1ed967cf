"""Near-duplicate articles (wire copies, republished stories) with MinHash LSH (datasketch).

A document's signature is the MinHash of its word 5-shingles; the LSH index finds stored
documents whose estimated Jaccard similarity is above ``threshold``.  The store keeps the
signatures (table ``minhashes``) so the index is rebuilt when a store is reopened.
"""
from __future__ import annotations

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


def signature(text: str, num_perm: int = NUM_PERM) -> bytes | None:
    """The MinHash signature of ``text`` as bytes (None for an empty text)."""
    from datasketch import MinHash

    sh = shingles(text)
    if not sh:
        return None
    m = MinHash(num_perm=num_perm, scheme=SCHEME)
    m.update_batch(sh)
    return m.hashvalues.astype(np.uint64).tobytes()


def _minhash(sig: bytes):
    from datasketch import MinHash

    hv = np.frombuffer(sig, dtype=np.uint64)
    return MinHash(num_perm=len(hv), hashvalues=hv, scheme=SCHEME)


class NearDuplicates:
    """An in-memory LSH index over stored signatures."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.sigs: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self.sigs)

    def add(self, doc_id: str, sig: bytes) -> None:
        if doc_id in self.sigs or sig is None:
            return
        self.lsh.insert(doc_id, _minhash(sig))
        self.sigs[doc_id] = sig

    def best_match(self, sig: bytes | None) -> tuple[str, float] | None:
        """The most similar indexed document and its estimated Jaccard similarity, if any passes."""
        if sig is None or not self.sigs:
            return None
        m = _minhash(sig)
        best = None
        for cand in self.lsh.query(m):
            sim = float(m.jaccard(_minhash(self.sigs[cand])))
            if sim >= self.threshold and (best is None or sim > best[1] or (sim == best[1] and cand < best[0])):
                best = (cand, sim)
        return best
