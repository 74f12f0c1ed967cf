"""Every table of a store as Parquet (pyarrow, typed) or CSV files in a directory, streamed."""
from __future__ import annotations

import csv
import datetime as _dt
import os
import re
from pathlib import Path

from ..store.schema import MIGRATIONS, TABLES


def column_types() -> dict[str, str]:
    """Column name -> SQL type, read from the schema's own DDL."""
    types: dict[str, str] = {}
    for stmts in MIGRATIONS.values():
        for stmt in stmts:
            for name, typ in re.findall(r"(?:\(|,|ADD COLUMN)\s*(\w+)\s+(TEXT|INTEGER|BOOLEAN|DATE|\{double\}|\{blob\}|\{timestamp\})",
                                        stmt):
                types.setdefault(name, typ)
    return types


def arrow_schema(table: str):
    import pyarrow as pa

    m = {"TEXT": pa.string(), "INTEGER": pa.int64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(),
         "{double}": pa.float64(), "{blob}": pa.binary(), "{timestamp}": pa.timestamp("s")}
    types = column_types()
    return pa.schema([(c, m[types.get(c, "TEXT")]) for c in TABLES[table]])


def _typed(value, typ: str):
    if value is None:
        return None
    if typ == "DATE" and isinstance(value, str):
        return _dt.date.fromisoformat(value)
    if typ == "{timestamp}" and isinstance(value, str):
        return _dt.datetime.fromisoformat(value)
    return value


def write_tables(store, directory: str | os.PathLike, fmt: str = "parquet", tables: list[str] | None = None,
                 chunk: int = 5000) -> dict[str, int]:
    """Write ``<table>.parquet`` or ``<table>.csv`` for every table; returns rows per table."""
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"format must be parquet or csv, got {fmt!r}")
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    types = column_types()
    counts: dict[str, int] = {}
    for table in tables or list(TABLES):
        cols = TABLES[table]
        path = out / f"{table}.{fmt}"
        n = 0
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = arrow_schema(table)
            with pq.ParquetWriter(str(path), schema) as writer:
                for rows in store.iter_table(table, chunk):
                    data = {c: [_typed(r[c], types.get(c, "TEXT")) for r in rows] for c in cols}
                    writer.write_table(pa.table(data, schema=schema))
                    n += len(rows)
                if n == 0:
                    writer.write_table(schema.empty_table())
        else:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(cols)
                for rows in store.iter_table(table, chunk):
                    for r in rows:
                        w.writerow([r[c].hex() if isinstance(r[c], bytes) else ("" if r[c] is None else r[c])
                                    for c in cols])
                    n += len(rows)
        counts[table] = n
    return counts
