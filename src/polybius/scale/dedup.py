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
        best = None
        for cand in self.lsh.query(_minhash(sig)):
            sim = similarity(sig, self.sigs[cand])
            if sim >= self.threshold and (best is None or sim > best[1] or (sim == best[1] and cand < best[0])):
                best = (cand, sim)
        return best
