"""Every export format in one place: name → the writer that makes it, what rows it takes, whether it needs a
file. A format's module is imported on first use, so the CLI does not load pyarrow or followthemoney to
list transfers."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import IO

from armstrack.errors import ExportError
from armstrack.export.base import ExportContext, What, Writer


@dataclass(frozen=True)
class Format:
    name: str
    writer: str  # "module:Class" under armstrack.export
    what: tuple[What, ...]  # the rows it can export
    binary: bool = False  # never written to a terminal: needs --output PATH
    default_min_grade: str | None = None
    suffix: str = ""
    help: str = ""


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("csv", "tabular:CsvWriter", ("transfers", "claims"), suffix=".csv",
           help="one line per claim or transfer; lists joined with '; '"),
    Format("jsonl", "tabular:JsonlWriter", ("transfers", "claims"), suffix=".jsonl",
           help="one JSON object per claim or transfer"),
    Format("parquet", "tabular:ParquetWriter", ("transfers", "claims"), binary=True, suffix=".parquet",
           help="claims or transfers as a Parquet table"),
    Format("graphml", "graphml:GraphmlWriter", ("transfers",), suffix=".graphml",
           help="the network: parties as nodes, transfers as edges weighted by probability"),
    Format("ftm", "ftm:FtmWriter", ("transfers", "claims"), suffix=".ftm.json",
           help="FollowTheMoney entities (ArmsTransfer, ArmsTransferClaim, Territory, Organization)"),
    Format("sipri", "sipri:SipriWriter", ("transfers",), default_min_grade="C3", suffix=".csv",
           help="a SIPRI-style register of ordered and delivered transfers"),
)}


def get_format(name: str) -> Format:
    """The format of this name; the error names every known one."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ExportError(f"unknown export format {name!r} (use {', '.join(FORMATS)})") from None


def open_writer(fmt: Format, out: IO[bytes], ctx: ExportContext) -> Writer:
    """A writer of this format on a binary stream, refusing rows the format cannot export."""
    if ctx.what not in fmt.what:
        raise ExportError(f"{fmt.name} exports {' or '.join(fmt.what)}, not {ctx.what}")
    if ctx.excel and fmt.name != "csv":
        raise ExportError(f"excel is for the csv format, not {fmt.name}")
    module, cls = fmt.writer.split(":")
    writer: Writer = getattr(import_module(f"armstrack.export.{module}"), cls)(out, ctx)
    return writer
