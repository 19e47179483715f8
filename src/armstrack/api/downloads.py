"""Exports as downloads, for the API and the pages alike: the export is written to a spooled temporary
file (Parquet needs a seekable file) and streamed back."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import IO, Any

from fastapi.responses import Response, StreamingResponse

from armstrack.app import Armstrack
from armstrack.export.base import Kind, What, csv_cell, selection
from armstrack.export.registry import get_format, open_writer
from armstrack.store.queries import TransferFilter

SPOOL = 32 * 1024 * 1024  # bytes kept in memory before the export spills to disk
MEDIA = {"csv": "text/csv; charset=utf-8", "sipri": "text/csv; charset=iso-8859-1", "jsonl": "application/x-ndjson",
         "ftm": "application/x-ndjson", "graphml": "application/graphml+xml",
         "parquet": "application/vnd.apache.parquet"}


def export_response(core: Armstrack, format: str, what: What, f: TransferFilter,
                    excel: bool = False) -> StreamingResponse:
    """The export as a download; `excel`: a CSV that starts with a UTF-8 byte-order mark, like the CLI's --excel."""
    fmt = get_format(format)
    if f.min_grade is None and fmt.default_min_grade:
        f = TransferFilter(**{**f.__dict__, "min_grade": fmt.default_min_grade})
    spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=SPOOL)  # closed by the stream
    core.export(what, f, open_writer(fmt, spool, core.export_context(what, excel=excel, title=selection(f))))
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        with spool:
            while block := spool.read(64 * 1024):
                yield block

    name = f"armstrack-{what}{fmt.suffix}"
    return StreamingResponse(chunks(), media_type=MEDIA.get(fmt.name, "application/octet-stream"),
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


def table_response(rows: Sequence[dict[str, Any]], columns: Sequence[str], format: str, name: str) -> Response:
    """The rows of a listing page as CSV (these columns, each cell as the exports write it) or JSON (a list of
    objects): what a page's "CSV" and "JSON" links give, with the page's own filters, sort and page."""
    picked = [{c: _plain(r.get(c)) for c in columns} for r in rows]
    if format == "json":
        body = json.dumps(picked, ensure_ascii=False, default=str).encode("utf-8")
        return Response(body, media_type="application/json")
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({c: csv_cell(v, _kind(v)) for c, v in r.items()} for r in picked)
    return Response(out.getvalue().encode("utf-8"), media_type=MEDIA["csv"],
                    headers={"Content-Disposition": f'attachment; filename="armstrack-{name}.csv"'})


def _kind(value: Any) -> Kind:
    """How the exports write such a value in a CSV cell (lists '; '-joined, booleans as true/false)."""
    return "strings" if isinstance(value, list) else "bool" if isinstance(value, bool) else "str"


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value
