"""CSV, JSON lines and Parquet of claim or transfer rows, one row per claim or transfer, streamed.

Every format holds the same columns (base.TRANSFER_COLUMNS / CLAIM_COLUMNS) in the same order. Lists of strings
are `; `-joined in CSV and Arrow lists in Parquet; other JSON values (timeline, origins, evidence spans) are
JSON text in CSV, Parquet's JSON logical type in Parquet (DuckDB reads them as JSON), and plain JSON in JSON
lines. Dates are ISO-8601 prefixes as stored ("2023-02") in JSON lines and Parquet; a CSV, read by tools that
want whole dates, has the full date ("2023-02-01") and, after it, a `<column>_precision` column (year, month,
day). `--excel` starts a CSV with a UTF-8 byte-order mark, which Excel needs to read it as UTF-8.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from armstrack.export.base import ExportContext, Kind, Row, columns, csv_cell, full_date, text_stream

PARQUET_BATCH = 1000  # rows per record batch: memory stays flat whatever the export's size
ARROW_TYPES: dict[Kind, pa.DataType] = {
    "str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
    "strings": pa.list_(pa.string()), "json": pa.json_(pa.string()), "date": pa.string(),
}
PRECISION = "_precision"  # the suffix of the column that follows a date column in CSV


def csv_header(cols: tuple[tuple[str, Kind], ...]) -> list[str]:
    return [h for name, kind in cols for h in ((name, name + PRECISION) if kind == "date" else (name,))]


def csv_cells(value: Any, kind: Kind) -> tuple[str, ...]:
    """A value as its CSV cells: two for a date (the full date, its precision), one for anything else."""
    if kind == "date":
        return full_date(value)
    return (csv_cell(value, kind),)


class CsvWriter:
    """A header, then one line per row (with a byte-order mark first for Excel)."""

    def __init__(self, out: IO[bytes], ctx: ExportContext) -> None:
        self.columns = columns(ctx.what)
        self.text = text_stream(out, "utf-8-sig" if ctx.excel else "utf-8")
        self.csv = csv.writer(self.text)
        self.csv.writerow(csv_header(self.columns))
        self.n = 0

    def write(self, row: Row) -> None:
        self.csv.writerow([cell for name, kind in self.columns for cell in csv_cells(row[name], kind)])
        self.n += 1

    def finalize(self) -> int:
        self.text.flush()
        self.text.detach()
        return self.n


class JsonlWriter:
    """One JSON object per line with the export's columns, JSON values kept as JSON."""

    def __init__(self, out: IO[bytes], ctx: ExportContext) -> None:
        self.columns = columns(ctx.what)
        self.text = text_stream(out)
        self.n = 0

    def write(self, row: Row) -> None:
        self.text.write(json.dumps({name: row[name] for name, _ in self.columns}, ensure_ascii=False) + "\n")
        self.n += 1

    def finalize(self) -> int:
        self.text.flush()
        self.text.detach()
        return self.n


def arrow_schema(ctx: ExportContext) -> pa.Schema:
    """The Parquet schema of an export: one field per column, JSON fields marked in their metadata."""
    fields = [pa.field(name, ARROW_TYPES[kind], metadata={"armstrack.kind": kind}) for name, kind in
              columns(ctx.what)]
    return pa.schema(fields, metadata={"armstrack.what": ctx.what})


class ParquetWriter:
    """Record batches of PARQUET_BATCH rows into one Parquet file (a binary stream; not for a terminal)."""

    def __init__(self, out: IO[bytes], ctx: ExportContext) -> None:
        self.columns = columns(ctx.what)
        self.schema = arrow_schema(ctx)
        self.parquet = pq.ParquetWriter(out, self.schema)
        self.pending: list[Row] = []
        self.n = 0

    def write(self, row: Row) -> None:
        self.pending.append(row)
        self.n += 1
        if len(self.pending) >= PARQUET_BATCH:
            self._flush()

    def _flush(self) -> None:
        arrays = [[_arrow_value(r[name], kind) for r in self.pending] for name, kind in self.columns]
        self.parquet.write_batch(pa.record_batch(arrays, schema=self.schema))
        self.pending = []

    def finalize(self) -> int:
        if self.pending:
            self._flush()
        self.parquet.close()
        return self.n


def _arrow_value(value: Any, kind: Kind) -> Any:
    if kind == "json" and value is not None:
        return json.dumps(value, ensure_ascii=False)
    return value
