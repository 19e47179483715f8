"""A register shaped like SIPRI's trade register: one line per transfer that reached the order or delivery
stage, with order and delivery years from the stage timeline, numbers from the events of those stages, and a
"?" flag beside every year or number that is approximate or unknown (SIPRI marks its estimates the same way).

The grade threshold is the query's (registry: default C3); this writer keeps only ordered/delivered transfers,
and holds them to sort the register by recipient, supplier and year of order as SIPRI does — a register is a
filtered few thousand lines at most."""

from __future__ import annotations

import csv
import re
from typing import IO, Any

from armstrack.errors import ExportError
from armstrack.export.base import ExportContext, Row, text_stream

STAGES = ("ordered", "delivered")
ORDER_STAGES = ("ordered", "agreed")  # an agreement is the order when no contract is reported
ESTIMATED = "?"
COLUMNS = ("Recipient", "Supplier", "Year of order", "Year of order estimated", "Number ordered",
           "Number ordered estimated", "Weapon designation", "Weapon description", "Number delivered",
           "Number delivered estimated", "Year(s) of delivery", "Year(s) of delivery estimated", "Status",
           "Comments", "Grade", "Transfer id")
YEAR = re.compile(r"^(\d{4})")


class SipriWriter:
    def __init__(self, out: IO[bytes], ctx: ExportContext) -> None:
        if ctx.what != "transfers":
            raise ExportError("sipri exports a register of transfers: use --what transfers")
        self.ctx = ctx
        self.out = out
        self.lines: list[dict[str, str]] = []

    def write(self, row: Row) -> None:
        if row["stage"] in STAGES:
            self.lines.append(register_line(row, self.ctx))

    def finalize(self) -> None:
        text = text_stream(self.out)
        out = csv.DictWriter(text, COLUMNS)
        out.writeheader()
        out.writerows(sorted(self.lines, key=lambda r: (r["Recipient"], r["Supplier"], r["Year of order"],
                                                        r["Weapon designation"], r["Transfer id"])))
        text.flush()
        text.detach()


def register_line(row: Row, ctx: ExportContext) -> dict[str, str]:
    """One register line for an ordered or delivered transfer."""
    events = {e["stage"]: e for e in row["timeline"]}
    order = next((events[s] for s in ORDER_STAGES if s in events), None)
    delivery = events.get("delivered")
    order_year, order_year_est = _years(order["when"] if order else None)
    ordered, ordered_est = _number(order)
    delivered, delivered_est = _number(delivery) if delivery else ("", "")
    delivery_years, delivery_years_est = _years(delivery["when"]) if delivery else ("", "")
    return {
        "Recipient": ctx.party_name(row["recipient"]) if row["recipient"] else "unknown recipient",
        "Supplier": ctx.party_name(row["supplier"]) if row["supplier"] else "unknown supplier",
        "Year of order": order_year, "Year of order estimated": order_year_est,
        "Number ordered": ordered, "Number ordered estimated": ordered_est,
        "Weapon designation": row["item"], "Weapon description": row["category"].replace("_", " "),
        "Number delivered": delivered, "Number delivered estimated": delivered_est,
        "Year(s) of delivery": delivery_years, "Year(s) of delivery estimated": delivery_years_est,
        "Status": row["stage"], "Comments": _comments(row), "Grade": row["grade"], "Transfer id": row["id"],
    }


def _years(when: str | None) -> tuple[str, str]:
    """An ISO prefix or interval as years: "2023-02" → 2023; "2022/2024" → 2022-2024; "2022-11/.." → 2022-
    (open, estimated); nothing → blank, estimated."""
    if not when:
        return "", ESTIMATED
    start, _, end = when.partition("/")
    first = YEAR.match(start)
    if not first:
        return "", ESTIMATED
    if not end:
        return first.group(1), ""
    last = YEAR.match(end)
    if last is None:
        return f"{first.group(1)}-", ESTIMATED
    return (first.group(1) if last.group(1) == first.group(1) else f"{first.group(1)}-{last.group(1)}"), ""


def _number(event: dict[str, Any] | None) -> tuple[str, str]:
    """The quantity a stage event reports: exact → the number; approximate, a bound or a range → its number
    (the upper end of a range) flagged; none → blank, flagged."""
    quantity = event.get("quantity") if event else None
    if not quantity or quantity.get("value") is None:
        return "", ESTIMATED
    value = float(quantity.get("max") or quantity["value"])
    number = str(int(value)) if value.is_integer() else str(value)
    return number, "" if quantity.get("qualifier") == "exact" else ESTIMATED


def _comments(row: Row) -> str:
    parts = []
    variants = [i for i in row["items"] if i != row["item"]]
    if variants:
        parts.append(f"also reported as {', '.join(variants)}")
    parts.append(f"{row['reports']} report(s), {row['independent_origins']} independent origin(s)")
    parts.append(f"grade {row['grade']} (p={row['probability']:.2f})")
    if row["first_reported"]:
        parts.append(f"first reported {row['first_reported']}")
    return "; ".join(parts)
