"""The store the API and web tests use: the real DuckDB store, in memory.

(Earlier a hand-written fake lived here; the product's store now serves the tests.)"""
from __future__ import annotations

from polybius.store.duck import DuckDBStore


class MemoryStore(DuckDBStore):
    def __init__(self):
        super().__init__(":memory:")
