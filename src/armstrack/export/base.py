"""What every export writer shares: the Writer interface, the columns of claim and transfer rows with their
kinds, and the read-only context (what is exported, the parties' names from the knowledge base)."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:  # a type only: the CLI imports this module at start-up, and the KB loader imports the languages
    from armstrack.kb.loader import Party

Row = dict[str, Any]
What = Literal["claims", "transfers"]
# str/int/float/bool: scalars; strings: a list of strings; json: any other JSON value (timeline, origins, spans);
# date: an ISO-8601 prefix ("2023", "2023-02", "2023-02-14"), its length its precision
Kind = Literal["str", "int", "float", "bool", "strings", "json", "date"]

TRANSFER_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("id", "str"), ("supplier", "str"), ("recipient", "str"), ("item", "str"), ("category", "str"),
    ("items", "strings"), ("stage", "str"), ("timeline", "json"), ("quantity_min", "float"),
    ("quantity_max", "float"), ("first_reported", "date"), ("last_reported", "date"), ("reports", "int"),
    ("independent_origins", "int"), ("origins", "json"), ("reliability", "str"), ("credibility", "int"),
    ("grade", "str"), ("computed_grade", "str"), ("regrade_judgement", "int"), ("probability", "float"),
    ("explanation", "strings"), ("rejected", "bool"),
    ("claim_ids", "strings"), ("joins", "strings"),
)

CLAIM_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("id", "str"), ("transfer_id", "str"), ("document_id", "str"), ("supplier", "str"), ("recipient", "str"),
    ("item", "str"), ("system_id", "str"), ("category", "str"), ("item_mentions", "strings"),
    ("quantity_value", "float"), ("quantity_qualifier", "str"), ("quantity_max", "float"), ("stage", "str"),
    ("status", "str"), ("period", "str"), ("attributed_to", "strings"), ("evidence", "str"),
    ("evidence_spans", "json"), ("route", "str"), ("carrier", "str"), ("confidence", "float"),
    ("extractor_version", "str"), ("denied_by", "strings"), ("denial", "str"), ("url", "str"),
    ("published", "date"), ("language", "str"), ("source_name", "str"), ("publisher", "str"),
)


def grade_words(row: Row) -> str:
    """A transfer's grade as a reader should see it, the computed grade named beside an analyst's: "A1 (analyst,
    judgement 7; computed: E4, p=0.18)", or "E4 (computed, p=0.18)" (the probability is the computed grade's)."""
    p = f"p={row['probability']:.2f}"
    if row.get("regrade_judgement") is None:
        return f"{row['grade']} (computed, {p})"
    return f"{row['grade']} (analyst, judgement {row['regrade_judgement']}; computed: {row['computed_grade']}, {p})"


def columns(what: What) -> tuple[tuple[str, Kind], ...]:
    return CLAIM_COLUMNS if what == "claims" else TRANSFER_COLUMNS


@dataclass(frozen=True)
class ExportContext:
    """What a writer is given besides its rows: which rows, the parties of the knowledge base by code, and the
    reader the file is for: `excel` (a CSV that Excel opens as UTF-8: with a byte-order mark) and `preamble`
    (a SIPRI register with SIPRI's title lines above its header, or a plain header-only file)."""

    what: What = "transfers"
    parties: Mapping[str, Party] = field(default_factory=dict)
    excel: bool = False
    preamble: bool = True
    title: str = ""  # what the export holds, in words ("min grade C3, supplier DEU"), for a preamble

    def party_name(self, code: str) -> str:
        """The English name of a party (else its first name in any language, else its code)."""
        party = self.parties.get(code)
        return party.name if party else code.removeprefix("ORG:")


class Writer(Protocol):
    """Receives rows one at a time and writes them to its stream; finalize() completes the output (footers,
    buffered batches), flushes, leaving the stream open for the caller to close, and returns the number of
    records written (a format may leave rows out: the SIPRI register keeps ordered and delivered transfers)."""

    def write(self, row: Row) -> None: ...

    def finalize(self) -> int: ...


def text_stream(out: IO[bytes], encoding: str = "utf-8", errors: str = "strict") -> io.TextIOWrapper:
    """A text view of a binary stream; detach it in finalize so closing stays the caller's business."""
    return io.TextIOWrapper(out, encoding=encoding, errors=errors, newline="")


def full_date(value: str | None) -> tuple[str, str]:
    """An ISO-8601 prefix as a full date and its precision: "2023" → ("2023-01-01", "year"), "2023-02" →
    ("2023-02-01", "month"), "2023-02-14" or a timestamp → ("2023-02-14", "day"); nothing → ("", "")."""
    if not value:
        return "", ""
    if len(value) >= 10:
        return value[:10], "day"
    if len(value) == 7:
        return value + "-01", "month"
    return value[:4] + "-01-01", "year"


def selection(f: Any) -> str:
    """A transfer filter in words, for a file's preamble: "supplier DEU, min grade C3"."""
    fields = ("supplier", "recipient", "item", "category", "stage", "since", "until", "min_grade", "grade", "text")
    words = [f"{name.replace('_', ' ')} {getattr(f, name)}" for name in fields if getattr(f, name, None)]
    return ", ".join(words + (["rejected included"] if getattr(f, "include_rejected", False) else [])) or \
        "all transfers"


def csv_cell(value: Any, kind: Kind) -> str:
    """A value as one CSV cell: lists '; '-joined, JSON values as JSON text, booleans as true/false."""
    if value is None:
        return ""
    if kind == "strings":
        return "; ".join(map(str, value))
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return "true" if value else "false"
    return str(value)
