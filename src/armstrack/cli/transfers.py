"""Transfers: list, judge (merge, split, accept, reject, regrade, undo), show the evidence trail, export."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from armstrack.cli.common import (
    Category,
    DbOption,
    Item,
    MinGrade,
    Recipient,
    Rejected,
    Since,
    StageOption,
    Supplier,
    app,
    check_format,
    fail,
    open_store,
    say,
    transfer_filter,
    transfers_app,
)
from armstrack.errors import ArmstrackError
from armstrack.export.base import grade_words, selection
from armstrack.export.registry import FORMATS, Format, get_format, open_writer

if TYPE_CHECKING:  # the store is imported by the commands that open one: start-up time
    from armstrack.app import Armstrack
    from armstrack.export.base import ExportContext, What
    from armstrack.store.queries import TransferFilter


@transfers_app.callback(invoke_without_command=True)
def transfers_list(
    ctx: typer.Context,
    db: DbOption = None,
    supplier: Supplier = None,
    recipient: Recipient = None,
    item: Item = None,
    category: Category = None,
    stage: StageOption = None,
    since: Since = None,
    min_grade: MinGrade = None,
    rejected: Rejected = False,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
) -> None:
    """List transfers: supplier, recipient, item, stage, quantity, reports, independent origins, grade."""
    ctx.obj = db
    if ctx.invoked_subcommand:
        return
    check_format(format, ("table", "json", "csv"))
    f = transfer_filter(supplier, recipient, item, category, stage, since, min_grade, rejected, limit)
    armstrack = open_store(db)
    try:
        if format == "csv":  # the same CSV as `armstrack export --format csv`
            armstrack.export("transfers", f, open_writer(get_format("csv"), sys.stdout.buffer,
                                                         armstrack.export_context("transfers")))
            return
        rows = armstrack.transfers(f)
    except ArmstrackError as e:
        fail(str(e))
    if format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print_transfers(rows)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}")],
    what: Annotated[str, typer.Option("--what", help="transfers | claims (the claims of the transfers "
                                                     "the filter selects)")] = "transfers",
    output: Annotated[str, typer.Option("--output", "-o", help="File to write, or - for stdout")] = "-",
    db: DbOption = None,
    supplier: Supplier = None,
    recipient: Recipient = None,
    item: Item = None,
    category: Category = None,
    stage: StageOption = None,
    since: Since = None,
    min_grade: MinGrade = None,
    rejected: Rejected = False,
    excel: Annotated[bool, typer.Option("--excel", help="csv: start with a UTF-8 byte-order mark, which Excel "
                                                        "needs to read non-Latin text")] = False,
    header_only: Annotated[bool, typer.Option("--header-only", help="sipri: a plain file, the header first, "
                                                                    "without SIPRI's title lines")] = False,
) -> None:
    """Export transfers or claims: csv, jsonl, parquet, graphml (the network), ftm (FollowTheMoney entities)
    or sipri (SIPRI's Trade Register layout: ordered and delivered transfers, --min-grade C3 unless given)."""
    try:
        fmt = get_format(format)
    except ArmstrackError as e:
        fail(str(e), 2)
    if what not in ("transfers", "claims"):
        fail(f"--what {what!r}: use transfers or claims", 2)
    if what not in fmt.what:
        fail(f"{fmt.name} exports {' or '.join(fmt.what)}, not {what}", 2)
    if fmt.binary and output == "-":
        fail(f"{fmt.name} is a binary format: give a file with --output PATH", 2)
    if excel and fmt.name != "csv":
        fail("--excel is for --format csv", 2)
    if header_only and fmt.name != "sipri":
        fail("--header-only is for --format sipri", 2)
    f = transfer_filter(supplier, recipient, item, category, stage, since, min_grade or fmt.default_min_grade,
                        rejected)
    armstrack = open_store(db)
    kind: What = "claims" if what == "claims" else "transfers"
    ctx = armstrack.export_context(kind, excel=excel, preamble=not header_only, title=selection(f))
    try:
        if output == "-":
            n = armstrack.export(kind, f, open_writer(fmt, sys.stdout.buffer, ctx))
        else:
            n = export_to_file(armstrack, kind, f, fmt, Path(output), ctx)
    except ArmstrackError as e:
        fail(str(e))
    except OSError as e:
        fail(f"{output}: cannot write ({e.strerror or e})")
    say(f"{n} {what} exported as {fmt.name}" + (f" to {output}" if output != "-" else ""))


def export_to_file(armstrack: Armstrack, what: What, f: TransferFilter, fmt: Format, path: Path,
                   ctx: ExportContext) -> int:
    """Write beside the target and rename when complete, so a failed export never leaves a partial file."""
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("wb") as out:
            n = armstrack.export(what, f, open_writer(fmt, out, ctx))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return n


def _quantity(lo: float | None, hi: float | None) -> str:
    if lo is None or hi is None:
        return ""
    return f"{lo:,.0f}" if lo == hi else f"{lo:,.0f}–{hi:,.0f}"


def print_transfers(rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(title=f"Transfers ({len(rows)})")
    for col in ("id", "supplier", "recipient", "item", "stage", "qty", "first", "last", "reports", "origins",
                "grade"):
        table.add_column(col, overflow="fold")
    for r in rows:
        cells = (r["id"], r["supplier"] or "?", r["recipient"] or "?", r["item"], r["stage"],
                 _quantity(r["quantity_min"], r["quantity_max"]), r["first_reported"] or "", r["last_reported"] or "",
                 str(r["reports"]), str(r["independent_origins"]), grade_words(r))
        table.add_row(*(Text(x) for x in cells))
    Console(width=max(Console().width, 160)).print(table)


def _judge(ctx: typer.Context, action: str, tid: str, other: str | None = None, claims: list[str] | None = None,
           reason: str = "", author: str = "cli", grade: str | None = None) -> None:
    try:
        jid = open_store(ctx.obj).judge(action, tid, other, claims or [], author, reason, grade)
    except ArmstrackError as e:
        fail(str(e))
    print(f"judgement {jid}: {action} {tid}{' ' + other if other else ''} (undo with: armstrack transfers undo {jid})")


Reason = Annotated[str, typer.Option("--reason", help="Why, for the record")]
Author = Annotated[str, typer.Option("--author", help="Who decides")]


@transfers_app.command("merge")
def transfers_merge(ctx: typer.Context, target: str, other: str, reason: Reason = "", author: Author = "cli") -> None:
    """Merge transfer OTHER into TARGET (a reversible judgement)."""
    _judge(ctx, "merge", target, other, reason=reason, author=author)


@transfers_app.command("split")
def transfers_split(ctx: typer.Context, transfer: str,
                    claims: Annotated[list[str], typer.Argument(help="Claim ids to move into a transfer of their own")],
                    reason: Reason = "", author: Author = "cli") -> None:
    """Split the given claims out of TRANSFER into a transfer of their own."""
    _judge(ctx, "split", transfer, claims=claims, reason=reason, author=author)


@transfers_app.command("reject")
def transfers_reject(ctx: typer.Context, transfer: str, reason: Reason = "", author: Author = "cli") -> None:
    """Reject a transfer: it leaves listings (see --rejected) but keeps its claims."""
    _judge(ctx, "reject", transfer, reason=reason, author=author)


@transfers_app.command("accept")
def transfers_accept(ctx: typer.Context, transfer: str, reason: Reason = "", author: Author = "cli") -> None:
    """Accept a transfer as reviewed."""
    _judge(ctx, "accept", transfer, reason=reason, author=author)


@transfers_app.command("regrade")
def transfers_regrade(ctx: typer.Context, transfer: str, grade: Annotated[str, typer.Argument(help="e.g. B2")],
                      reason: Reason = "", author: Author = "cli") -> None:
    """Override a transfer's computed Admiralty grade (the computed reasons are kept beside it)."""
    _judge(ctx, "regrade", transfer, reason=reason, author=author, grade=grade)


def _judge_origins(ctx: typer.Context, action: str, tid: str, documents: list[str], reason: str, author: str) -> None:
    try:
        jid = open_store(ctx.obj).judge_origins(action, tid, documents, author, reason)
    except ArmstrackError as e:
        fail(str(e))
    print(f"judgement {jid}: {action} {tid} {' '.join(documents)} (undo with: armstrack transfers undo {jid})")


Documents = Annotated[list[str], typer.Argument(help="Document ids (see: armstrack origins TRANSFER)")]


@transfers_app.command("join-origins")
def transfers_join_origins(ctx: typer.Context, transfer: str, documents: Documents, reason: Reason = "",
                           author: Author = "cli") -> None:
    """Join the origins of these documents into one: the analyst holds they go back to the same source."""
    _judge_origins(ctx, "join_origins", transfer, documents, reason, author)


@transfers_app.command("split-origin")
def transfers_split_origin(ctx: typer.Context, transfer: str, documents: Documents, reason: Reason = "",
                           author: Author = "cli") -> None:
    """Split these documents off their origin into one of their own: the analyst holds they are independent."""
    _judge_origins(ctx, "split_origin", transfer, documents, reason, author)


def _view(db: str | None, what: str, transfer: str, format: str, formats: tuple[str, ...]) -> dict[str, Any] | None:
    """One transfer's view from the store (`transfer` or `origins`), printed as JSON when asked (then None), else
    returned for the command to lay out; a missing store or transfer is one line and exit 1."""
    check_format(format, formats)
    try:
        view: dict[str, Any] = getattr(open_store(db), what)(transfer)
    except ArmstrackError as e:
        fail(str(e))
    if format == "json":
        print(json.dumps(view, ensure_ascii=False, indent=2, default=str))
        return None
    return view


@app.command()
def origins(transfer: str, db: DbOption = None,
            format: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table") -> None:
    """Show a transfer's independent origins: each origin, its reports and why each joined it."""
    view = _view(db, "origins", transfer, format, ("table", "json"))
    if view is None:
        return
    from rich.table import Table

    title = (f"{view['supplier'] or '?'} → {view['recipient'] or '?'} {view['item']}: {view['reports']} reports, "
             f"{view['independent_origins']} independent origins")
    table = Table(title=title, show_lines=True)
    for col in ("origin", "document", "outlet", "lang", "published", "why it joined"):
        table.add_column(col, overflow="fold")
    for o in view["origins"]:
        via = f" via {o['carried_by']}" if o["carried_by"] and o["carried_by"] != o["label"] else ""
        for i, d in enumerate(o["documents"]):
            table.add_row(Text(o["label"] + via if i == 0 else ""), Text(d["id"]), Text(d["source"] or ""),
                          Text(d["language"] or ""), Text(d["published"] or ""), Text(d["joined"]))
    Console(width=max(Console().width, 160)).print(table)
    for join in view["joins"]:
        print(f"joined: {join}")
    for j in view["judgements"]:
        print(f"judgement {j['id']}: {j['action']} {' '.join(j['changes']['documents'])}"
              f"{' — ' + j['reason'] if j['reason'] else ''}")


@transfers_app.command("undo")
def transfers_undo(ctx: typer.Context, judgement: int) -> None:
    """Undo a judgement; the transfers it touched are rebuilt without it."""
    try:
        open_store(ctx.obj).undo(judgement)
    except ArmstrackError as e:
        fail(str(e))
    print(f"judgement {judgement} undone")


@app.command()
def show(transfer: str, db: DbOption = None,
         format: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text") -> None:
    """Print a transfer's evidence trail: grade and reasons, origins, stage timeline, every quote."""
    t = _view(db, "transfer", transfer, format, ("text", "json"))
    if t is None:
        return
    out = Console(highlight=False, width=max(Console().width, 120))
    head = (f"{t['supplier'] or '?'} → {t['recipient'] or '?'}  {t['item']} ({t['category']})  "
            f"stage {t['stage']}  grade {grade_words(t)}")
    out.print(Text(head, style="bold"))
    out.print(Text(f"{t['reports']} reports, {t['independent_origins']} independent origins; "
                   f"reported {t['first_reported'] or '?'} … {t['last_reported'] or '?'}; "
                   f"quantity {_quantity(t['quantity_min'], t['quantity_max']) or '—'}"))
    if t["regrade_judgement"] is not None:
        out.print(Text(f"  graded {t['grade']} by an analyst (judgement {t['regrade_judgement']}); "
                       f"the computed grade {t['computed_grade']}:"))
    for reason in t["explanation"]:
        out.print(Text(f"  {reason}"))
    for join in t.get("joins") or ():
        out.print(Text(f"  joined: {join}"))
    out.print(Text("origins:", style="bold"))
    for o in t["origins"]:
        out.print(Text(f"  {o['label']}: {len(o['documents'])} document(s) {'; '.join(o['reasons'])}".rstrip()))
    out.print(Text("timeline:", style="bold"))
    for event in t["timeline"]:
        q = event["quantity"]
        more = f", {len(event.get('others') or ())} more report(s)" if event.get("others") else ""
        out.print(Text(f"  {event['when'] or 'date unknown':<12} {event['stage']:<20} {q['value'] if q else ''}  "
                       f"(claim {event['claim_id']}{more})"))
    out.print(Text("evidence:", style="bold"))
    for c in t["claims"]:
        who = "; ".join(c["attributed_to"]) or "publisher"
        out.print(Text(f"  [{c['published'] or '?'}] {c['source_name'] or c['publisher'] or '?'} ({c['language']}) "
                       f"{c['stage']}/{c['status']} per {who} — claim {c['id']}, document {c['document_id']}"))
        out.print(Text(f"    \u201c{c['evidence']}\u201d"))
        if c["url"]:
            out.print(Text(f"    {c['url']}"))

