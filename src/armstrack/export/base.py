"""What every export writer shares: the Writer interface, the columns of claim and transfer rows with their
kinds, and the read-only context (what is exported, the parties' names from the knowledge base)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, Any, Literal, Protocol

from armstrack.kb.loader import Party

Row = dict[str, Any]
What = Literal["claims", "transfers"]
# str/int/float/bool: scalars; strings: a list of strings; json: any other JSON value (timeline, origins, spans)
Kind = Literal["str", "int", "float", "bool", "strings", "json"]

TRANSFER_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("id", "str"), ("supplier", "str"), ("recipient", "str"), ("item", "str"), ("category", "str"),
    ("items", "strings"), ("stage", "str"), ("timeline", "json"), ("quantity_min", "float"),
    ("quantity_max", "float"), ("first_reported", "str"), ("last_reported", "str"), ("reports", "int"),
    ("independent_origins", "int"), ("origins", "json"), ("reliability", "str"), ("credibility", "int"),
    ("grade", "str"), ("probability", "float"), ("explanation", "strings"), ("rejected", "bool"),
    ("claim_ids", "strings"), ("joins", "strings"),
)

CLAIM_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("id", "str"), ("transfer_id", "str"), ("document_id", "str"), ("supplier", "str"), ("recipient", "str"),
    ("item", "str"), ("system_id", "str"), ("category", "str"), ("item_mentions", "strings"),
    ("quantity_value", "float"), ("quantity_qualifier", "str"), ("quantity_max", "float"), ("stage", "str"),
    ("status", "str"), ("period", "str"), ("attributed_to", "strings"), ("evidence", "str"),
    ("evidence_spans", "json"), ("route", "str"), ("carrier", "str"), ("confidence", "float"),
    ("extractor_version", "str"), ("denied_by", "strings"), ("denial", "str"), ("url", "str"), ("published", "str"),
    ("language", "str"), ("source_name", "str"), ("publisher", "str"),
)


def columns(what: What) -> tuple[tuple[str, Kind], ...]:
    return CLAIM_COLUMNS if what == "claims" else TRANSFER_COLUMNS


@dataclass(frozen=True)
class ExportContext:
    """What a writer is given besides its rows: which rows, and the parties of the knowledge base by code."""

    what: What = "transfers"
    parties: Mapping[str, Party] = field(default_factory=dict)

    def party_name(self, code: str) -> str:
        """The English name of a party (else its first name in any language, else its code)."""
        party = self.parties.get(code)
        if party is None:
            return code.removeprefix("ORG:")
        names = party.names.get("en") or next((n for n in party.names.values() if n), ())
        return names[0] if names else code.removeprefix("ORG:")


class Writer(Protocol):
    """Receives rows one at a time and writes them to its stream; finalize() completes the output (footers,
    buffered batches) and flushes, leaving the stream open for the caller to close."""

    def write(self, row: Row) -> None: ...

    def finalize(self) -> None: ...


def text_stream(out: IO[bytes]) -> io.TextIOWrapper:
    """A UTF-8 text view of a binary stream; detach it in finalize so closing stays the caller's business."""
    return io.TextIOWrapper(out, encoding="utf-8", newline="")
