"""Exports: the GDELT 2.0 event table, PLOVER JSON Lines, and Parquet/CSV of every table."""
from .gdelt import GDELT_COLUMNS, gdelt_row, write_gdelt
from .plover import plover_record, write_plover
from .tables import write_tables

__all__ = ["GDELT_COLUMNS", "gdelt_row", "write_gdelt", "plover_record", "write_plover", "write_tables"]
