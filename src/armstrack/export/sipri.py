"""A drop-in for scripts written against SIPRI's Trade Register CSV: one line per transfer that reached the order
or delivery stage, in the register's layout.

SIPRI's file is ISO-8859-1 text: PREAMBLE_LINES lines of title and notes (the last one blank), then a header of
its sixteen columns — Recipient, Supplier, Year of order, "", Number ordered, "", Weapon designation, Weapon
description, Number delivered, "", Year(s) of delivery, status, Comments, SIPRI TIV per unit, SIPRI TIV for total
order, SIPRI TIV of delivered weapons — where each unnamed column holds "?" when the year or number before it is a
SIPRI estimate. Delivery years are listed as "2019; 2020; 2021"; status says whether the weapons were new or
second-hand (New, Second hand, Second hand but modernized); the weapon description uses SIPRI's words ("SAM
system", "loitering munition"). armstrack keeps that layout and adds three trailing columns of its own (Stage,
Grade, Transfer id); status is left blank (news reports seldom say), as are the TIV columns (SIPRI's own
valuation). `preamble=False` writes the plain header-only file.

Years and numbers come from the stage timeline: the order is the ordered stage (an agreement when no contract is
reported), numbers are the quantity of those events, and "?" marks what is approximate, open-ended or unknown.
The grade threshold is the query's (registry: default C3). Lines are held to sort the register by recipient,
supplier and year of order as SIPRI does — a register is a filtered few thousand lines at most."""

from __future__ import annotations

import csv
import re
import unicodedata
from datetime import date
from typing import IO, Any

from armstrack.errors import ExportError
from armstrack.export.base import ExportContext, Row, grade_words, text_stream

STAGES = ("ordered", "delivered")
ORDER_STAGES = ("ordered", "agreed")  # an agreement is the order when no contract is reported
ESTIMATED = "?"
ENCODING = "iso-8859-1"
PREAMBLE_LINES = 11
SIPRI_COLUMNS = ("Recipient", "Supplier", "Year of order", "", "Number ordered", "", "Weapon designation",
                 "Weapon description", "Number delivered", "", "Year(s) of delivery", "status", "Comments",
                 "SIPRI TIV per unit", "SIPRI TIV for total order", "SIPRI TIV of delivered weapons")
EXTRA_COLUMNS = ("Stage", "Grade", "Transfer id")
COLUMNS = SIPRI_COLUMNS + EXTRA_COLUMNS
UNKNOWN_RECIPIENT, UNKNOWN_SUPPLIER = "unknown recipient(s)", "unknown supplier(s)"
# armstrack's categories in the words of SIPRI's weapon descriptions (its own are finer: "SAM system", "IFV")
DESCRIPTIONS = {
    "aircraft": "aircraft", "helicopter": "helicopter", "uav": "UAV", "loitering_munition": "loitering munition",
    "missile": "missile", "air_defence": "SAM system", "artillery": "artillery", "ammunition": "ammunition",
    "armoured_vehicle": "armoured vehicle", "ship": "ship", "small_arms": "small arms", "sensor": "radar",
    "electronic_warfare": "EW system", "engine": "engine", "technology": "technology", "other": "other",
}
YEAR = re.compile(r"^(\d{4})")


class SipriWriter:
    def __init__(self, out: IO[bytes], ctx: ExportContext) -> None:
        if ctx.what != "transfers":
            raise ExportError("sipri exports a register of transfers: use --what transfers")
        self.ctx = ctx
        self.out = out
        self.lines: list[list[str]] = []

    def write(self, row: Row) -> None:
        if row["stage"] in STAGES:
            self.lines.append(register_line(row, self.ctx))

    def finalize(self) -> int:
        text = text_stream(self.out, ENCODING)
        if self.ctx.preamble:
            text.writelines(line + "\r\n" for line in preamble(self.ctx))
        out = csv.writer(text)
        out.writerow(COLUMNS)
        col = {name: i for i, name in enumerate(COLUMNS) if name}
        order = ("Recipient", "Supplier", "Year of order", "Weapon designation", "Transfer id")
        out.writerows([latin1(cell) for cell in line]
                      for line in sorted(self.lines, key=lambda r: [r[col[k]] for k in order]))
        text.flush()
        text.detach()
        return len(self.lines)


def preamble(ctx: ExportContext) -> list[str]:
    """SIPRI's PREAMBLE_LINES lines above the header: what the register holds, when it was made, how to read it."""
    from armstrack import __version__

    lines = [
        "Trade Register in the layout of the SIPRI Arms Transfers Database",
        "Transfers reported in news reports: deals whose furthest reported stage is an order or a delivery",
        f"Selection: {ctx.title or 'all transfers'}",
        f"Information generated: {date.today().isoformat()} by armstrack {__version__}",
        "Source: armstrack claims extracted from news reports and graded (NATO Admiralty code); not SIPRI data",
        "Note: the unnamed column after a year or a number holds ? when the figure is an estimate",
        "Note: status (New or Second hand) and the SIPRI TIV columns are left blank",
        "Note: Stage / Grade / Transfer id after the SIPRI columns are armstrack's",
        "Note: Year(s) of delivery lists each year of delivery separated by semicolons",
        "Note: unknown suppliers or recipients are written as SIPRI writes them",
        "",
    ]
    return [latin1(line) for line in lines]


def register_line(row: Row, ctx: ExportContext) -> list[str]:
    """One register line (COLUMNS) for an ordered or delivered transfer."""
    order = next((e for s in ORDER_STAGES if (e := stage_summary(row["timeline"], s))), None)
    delivery = stage_summary(row["timeline"], "delivered")
    order_year, order_year_est = _years(order["when"] if order else None)
    ordered, ordered_est = _number(order)
    delivered, delivered_est = _number(delivery) if delivery else ("", "")
    delivery_years = _delivery_years(delivery["when"]) if delivery else ""
    return [
        ctx.party_name(row["recipient"]) if row["recipient"] else UNKNOWN_RECIPIENT,
        ctx.party_name(row["supplier"]) if row["supplier"] else UNKNOWN_SUPPLIER,
        order_year, order_year_est, ordered, ordered_est, row["item"], DESCRIPTIONS.get(row["category"], "other"),
        delivered, delivered_est, delivery_years, "", _comments(row), "", "", "",
        row["stage"], row["grade"], row["id"],
    ]


def stage_summary(timeline: list[dict[str, Any]], stage: str) -> dict[str, Any] | None:
    """A stage's timeline entries (one per date, each with its own quote's quantity) summed up as a register line
    wants them: one period from the earliest start to the latest end ("2022-11/2023-05", open: "2022-11/.."), and
    the largest quantity quoted."""
    entries = [e for e in timeline if e["stage"] == stage]
    if not entries:
        return None
    periods = [e["when"] for e in entries if e["when"]]
    quantities = [e["quantity"] for e in entries if e.get("quantity")]
    return {"stage": stage, "when": _span(periods) if periods else None,
            "quantity": max(quantities, key=lambda q: q.get("max") or q["value"]) if quantities else None}


def _span(periods: list[str]) -> str:
    """One ISO period covering these: "2023-05" and "2023-05" → "2023-05"; "2022-11", "2023/.." → "2022-11/.."."""
    starts = sorted(s for p in periods if (s := p.split("/")[0]) not in ("", ".."))
    ends = [p.split("/")[-1] for p in periods]
    start, end = starts[0] if starts else "..", ".." if ".." in ends else max(ends)
    return start if start == end else f"{start}/{end}"


def _years(when: str | None) -> tuple[str, str]:
    """The year of an ISO prefix or interval and its estimate flag: "2023-02" → 2023; "2022/2024" → 2022, an
    estimate (a span, not a year); "2022-11/.." → 2022, an estimate; nothing → blank, an estimate."""
    if not when:
        return "", ESTIMATED
    start, _, end = when.partition("/")
    first = YEAR.match(start)
    if not first:
        return "", ESTIMATED
    last = YEAR.match(end) if end else first
    return first.group(1), "" if last and last.group(1) == first.group(1) else ESTIMATED


def _delivery_years(when: str | None) -> str:
    """Years of delivery as SIPRI lists them: "2022/2024" → "2022; 2023; 2024"; "2023-05" → "2023"; an open
    interval ("2022-11/..") → its first year."""
    if not when:
        return ""
    start, _, end = when.partition("/")
    first, last = YEAR.match(start), YEAR.match(end)
    if not first:
        return ""
    stop = int(last.group(1)) if last else int(first.group(1))
    return "; ".join(str(y) for y in range(int(first.group(1)), max(stop, int(first.group(1))) + 1))


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
    deliveries = (stage_summary(row["timeline"], "delivered") or {}).get("when") or ""
    if deliveries.endswith("/.."):
        parts.append(f"deliveries reported from {deliveries[:-3]}, still open")
    parts.append(f"armstrack stage {row['stage']}")
    parts.append(f"{row['reports']} report(s), {row['independent_origins']} independent origin(s)")
    parts.append(f"grade {grade_words(row)}")
    if row["first_reported"]:
        parts.append(f"first reported {row['first_reported']}")
    return "; ".join(parts)


def latin1(text: str) -> str:
    """Text that ISO-8859-1 can hold: a letter it lacks as its base letter ("Ő" → "O"), any other character
    as a \\uXXXX escape, so nothing is lost silently."""
    try:
        text.encode(ENCODING)
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        if ord(ch) < 256:
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) < 256 and not unicodedata.combining(c))
        out.append(base or ch.encode("ascii", "backslashreplace").decode("ascii"))
    return "".join(out)
