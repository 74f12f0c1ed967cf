"""Corpus scale: streaming parallel ingest (processes or Dask) and near-duplicate detection."""
