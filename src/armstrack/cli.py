"""Typer commands: thin wrappers over the library."""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
import time
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer
import uvicorn
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from armstrack import harvest
from armstrack.api.server import create_app
from armstrack.app import Armstrack, IngestReport
from armstrack.errors import ArmstrackError
from armstrack.evaluate import evaluate_dir, format_report
from armstrack.export.base import What
from armstrack.export.registry import FORMATS, Format, get_format, open_writer
from armstrack.extract.document import Extractor
from armstrack.kb.loader import KnowledgeBase, get_kb
from armstrack.kb.matcher import Matcher, closest_names, get_matcher
from armstrack.kb.validate import validate
from armstrack.lang import LANGUAGES
from armstrack.model import Extraction
from armstrack.scale.dask import dask_runner
from armstrack.settings import load_settings
from armstrack.sources.feeds import Feed, load_feeds
from armstrack.sources.fetch import Fetcher, FetchOptions, read_url_list
from armstrack.sources.files import ReadFailure, count_documents, read_inputs
from armstrack.store.queries import TransferFilter

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Arms-transfer claims from news reports.")
kb_app = typer.Typer(no_args_is_help=True, help="Inspect and check the knowledge base.")
app.add_typer(kb_app, name="kb")
users_app = typer.Typer(no_args_is_help=True, help="Accounts for the web app: viewer, analyst, admin.")
app.add_typer(users_app, name="users")
transfers_app = typer.Typer(help="List transfers, or record a judgement on them (merge, split, accept, reject).")
app.add_typer(transfers_app, name="transfers")
AllowPrivate = Annotated[bool, typer.Option("--allow-private", help="Also fetch from loopback and private "
                                                                    "networks (a local server, an intranet)")]
DbOption = Annotated[str | None, typer.Option("--db", help="SQLite path or URL, postgresql://…; default "
                                                               "$ARMSTRACK_DB or ./armstrack.db")]
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> None:
    err.print(Text.assemble(("error:", "red"), " ", message), highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or globs of .txt .html .json .jsonl "
                                                    ".parquet .warc(.gz), or - for stdin")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl | json | table")] = "jsonl",
    lang: Annotated[str, typer.Option("--lang", help="auto, or a language code to force")] = "auto",
) -> None:
    """Extract arms-transfer claims from documents."""
    if format not in ("jsonl", "json", "table"):
        fail(f"unknown format {format!r} (use jsonl, json or table)", 2)
    if lang != "auto" and lang not in LANGUAGES:
        fail(f"unknown language {lang!r} (use auto or one of: {', '.join(LANGUAGES)})", 2)
    extractor = Extractor(lang)
    results: list[Extraction] = []
    failures = 0
    try:
        for item in read_inputs(paths):
            if isinstance(item, ReadFailure):
                failures += 1
                err.print(Text.assemble(("error:", "red"), " ", item.reason), highlight=False, soft_wrap=True)
                continue
            res = extractor.extract(item)
            if format == "jsonl":
                sys.stdout.write(res.to_json_line() + "\n")
                sys.stdout.flush()
            else:
                results.append(res)
    except ArmstrackError as e:
        fail(str(e))
    if format == "json":
        sys.stdout.write(json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=2) + "\n")
    elif format == "table":
        print_table(results)
    if failures:
        raise typer.Exit(1)


def print_table(results: list[Extraction]) -> None:
    table = Table(title="Arms-transfer claims", show_lines=False)
    for col in ("doc", "supplier", "recipient", "item", "qty", "stage", "status", "when", "source"):
        table.add_column(col, overflow="fold")
    for r in results:
        for c in r.claims:
            q = ""
            if c.quantity:
                sign = {"approx": "~", "at_least": "≥", "at_most": "≤"}.get(c.quantity.qualifier, "")
                q = f"{sign}{c.quantity.to_json()['value']:,}"
            cells = (r.document.id[:18], c.supplier or "?", c.recipient or "?", c.item, q, c.stage.value,
                     c.status.value, c.when or "", "; ".join(c.attributed_to)[:40])
            table.add_row(*(Text(x) for x in cells))  # article text is data, never markup
    Console(width=max(Console().width, 160)).print(table)


@app.command("eval")
def eval_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="Directory of gold JSON files (SCHEMA.md)")],
    per_doc: Annotated[bool, typer.Option("--per-doc", help="Print one line per document")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="Only these languages, e.g. fr,en")] = None,
) -> None:
    """Extract the gold files' texts and score them like shared/eval/score.py."""
    if not gold_dir.is_dir():
        fail(f"{gold_dir}: not a directory")
    try:
        report = evaluate_dir(gold_dir, Extractor(), set(lang.split(",")) if lang else None)
    except ArmstrackError as e:
        fail(str(e))
    if as_json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(format_report(report, per_doc))


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories or globs ('corpus/**/*.json') of "
                                                           ".txt .html .json .jsonl .parquet .warc(.gz), or - for "
                                                           "stdin")] = None,
    urls: Annotated[Path | None, typer.Option("--urls", help="A file of URLs to fetch, one a line, '#' "
                                                              "comments")] = None,
    allow_private: AllowPrivate = False,
    db: DbOption = None,
    lang: Annotated[str, typer.Option("--lang", help="auto, or a language code to force")] = "auto",
    reextract: Annotated[bool, typer.Option("--reextract", help="Re-extract documents an older extractor "
                                                                "version stored")] = False,
    batch: Annotated[int, typer.Option("--batch", min=1, help="Documents per transaction (and per Dask "
                                                              "partition)")] = 100,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Extract on a local Dask cluster of "
                                                                         "N worker processes")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Extract on the Dask cluster whose "
                                                                      "scheduler is at tcp://host:8786")] = None,
) -> None:
    """Extract claims and store them with their documents; idempotent, resumable after a crash."""
    if lang != "auto" and lang not in LANGUAGES:
        fail(f"unknown language {lang!r} (use auto or one of: {', '.join(LANGUAGES)})", 2)
    if not paths and urls is None:
        fail("nothing to ingest: give files, directories or - for stdin, or --urls FILE", 2)
    if workers and scheduler:
        fail("--workers starts a local cluster, --scheduler uses an existing one: give one of them", 2)
    armstrack = Armstrack(db)
    fetcher = Fetcher(FetchOptions(allow_private=allow_private))
    try:
        fetched = harvest.fetch_urls(read_url_list(str(urls)), fetcher, armstrack.registry) if urls else iter(())
    except ArmstrackError as e:
        fail(str(e))
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=24), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} docs/s"), TextColumn("claims {task.fields[claims]}"),
               TextColumn("unchanged {task.fields[unchanged]}"), TextColumn("failed {task.fields[failed]}"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    try:
        with dask_runner(workers, scheduler) if workers or scheduler else nullcontext(None) as runner, \
                Progress(*columns, console=err, transient=False) as bar:
            # a known total (files, Parquet rows) gives the bar an ETA; stdin and URL lists have none
            total = count_documents(paths) if paths and "-" not in paths and urls is None else None
            task = bar.add_task("ingest", total=total, rate=0.0, claims=0, unchanged=0, failed=0)
            started = time.monotonic()

            def show(r: IngestReport) -> None:
                bar.update(task, completed=r.done, rate=r.done / max(time.monotonic() - started, 1e-6),
                           claims=r.claims, unchanged=r.unchanged, failed=len(r.failures))

            inputs = itertools.chain(read_inputs(paths or []), fetched)
            with fetcher:
                report = armstrack.ingest(inputs, Extractor(lang), reextract, batch, show, runner)
    except ArmstrackError as e:
        fail(str(e))
    except KeyboardInterrupt:
        fail("interrupted: every finished batch is stored; run the same command again to complete", 130)
    for f in report.failures:
        err.print(Text.assemble(("error:", "red"), " ", f.reason), highlight=False, soft_wrap=True)
    err.print(f"{report.documents} documents stored, {report.unchanged} unchanged, {report.claims} claims, "
              f"{report.transfers_touched} transfers rebuilt, {len(report.failures)} failed", highlight=False)
    for kind, n in report.failures_by_kind():
        err.print(Text(f"  {n} × {kind}"), highlight=False, soft_wrap=True)
    if report.failures:
        raise typer.Exit(1)


@app.command()
def watch(
    feeds_file: Annotated[Path, typer.Argument(metavar="FEEDS.yaml", help="feeds: [{url, name?, language?}, …]")],
    every: Annotated[str, typer.Option("--every", help="Time between polls: 15m, 1h, 90s")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once and exit")] = False,
    allow_private: AllowPrivate = False,
    db: DbOption = None,
    lang: Annotated[str, typer.Option("--lang", help="auto, or a language code to force")] = "auto",
    batch: Annotated[int, typer.Option("--batch", min=1, help="Documents per transaction")] = 100,
) -> None:
    """Poll RSS/Atom feeds and store their new entries; a restart neither re-ingests nor loses one."""
    try:
        interval = harvest.parse_every(every)
        feeds = load_feeds(str(feeds_file))
    except ArmstrackError as e:
        fail(str(e), 2)
    armstrack, extractor = Armstrack(db), Extractor(lang)
    with Fetcher(FetchOptions(allow_private=allow_private)) as fetcher:
        while True:
            try:
                failed = poll_round(armstrack, feeds, fetcher, extractor, batch)
            except ArmstrackError as e:
                fail(str(e))
            except KeyboardInterrupt:
                fail("interrupted mid-poll: stored entries are remembered, the rest are taken next time", 130)
            if once:
                raise typer.Exit(1 if failed else 0)
            err.print(f"next poll in {every} (Ctrl-C to stop)", highlight=False)
            try:
                time.sleep(interval)
            except KeyboardInterrupt:
                err.print("stopped", highlight=False)
                return


def poll_round(armstrack: Armstrack, feeds: list[Feed], fetcher: Fetcher, extractor: Extractor,
               batch: int) -> bool:
    """Poll each feed once with a progress line, then print a line per feed and each failure; True if any."""
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed}/{task.total} feeds"),
               TextColumn("stored {task.fields[stored]}"), TextColumn("failed {task.fields[failed]}"),
               TimeElapsedColumn())
    reports = []
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("watch", total=len(feeds), stored=0, failed=0)
        for feed in feeds:
            bar.update(task, description=escape((feed.name or feed.url)[:60]))
            reports.append(harvest.poll_feed(armstrack, feed, fetcher, extractor, batch))
            bar.update(task, advance=1, stored=sum(r.ingest.documents for r in reports),
                       failed=sum(len(r.ingest.failures) for r in reports))
    for r in reports:
        err.print(Text.assemble((r.feed.name or r.feed.url, "bold"), f": {r.status}, "
                                f"{r.ingest.documents} stored, {r.ingest.claims} claims"), highlight=False)
        for f in r.ingest.failures:
            err.print(Text.assemble(("error:", "red"), " ", f.reason), highlight=False, soft_wrap=True)
    return any(r.ingest.failures for r in reports)


Supplier = Annotated[str | None, typer.Option(help="ISO3 code or ORG:Name")]
Recipient = Annotated[str | None, typer.Option(help="ISO3 code or ORG:Name")]
Item = Annotated[str | None, typer.Option(help="Part of the item name")]
Category = Annotated[str | None, typer.Option(help="A SCHEMA.md category")]
StageOption = Annotated[str | None, typer.Option("--stage", help="Furthest stage")]
Since = Annotated[str | None, typer.Option(help="Last reported on or after (2022, 2023-02)")]
MinGrade = Annotated[str | None, typer.Option("--min-grade", help="e.g. C3: reliability C or better, "
                                                                  "credibility 3 or better")]
Rejected = Annotated[bool, typer.Option("--rejected", help="Include rejected transfers")]


def transfer_filter(supplier: str | None, recipient: str | None, item: str | None, category: str | None,
                    stage: str | None, since: str | None, min_grade: str | None, rejected: bool,
                    limit: int | None = None) -> TransferFilter:
    """The filter the options ask for; a malformed grade or date exits with code 2."""
    if min_grade and not re.fullmatch(r"[A-Fa-f][1-6]", min_grade):
        fail(f"--min-grade {min_grade!r}: expected a letter A–F and a digit 1–6, e.g. C3", 2)
    if since and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", since):
        fail(f"--since {since!r}: expected YYYY, YYYY-MM or YYYY-MM-DD", 2)
    return TransferFilter(supplier=supplier, recipient=recipient, item=item, category=category, stage=stage,
                          since=since, min_grade=min_grade, include_rejected=rejected, limit=limit)


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
    if format not in ("table", "json", "csv"):
        fail(f"unknown format {format!r} (use table, json or csv)", 2)
    f = transfer_filter(supplier, recipient, item, category, stage, since, min_grade, rejected, limit)
    armstrack = Armstrack(db)
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
) -> None:
    """Export transfers or claims: csv, jsonl, parquet, graphml (the network), ftm (FollowTheMoney entities)
    or sipri (a register of ordered and delivered transfers, --min-grade C3 unless given)."""
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
    f = transfer_filter(supplier, recipient, item, category, stage, since, min_grade or fmt.default_min_grade,
                        rejected)
    armstrack = Armstrack(db)
    kind: What = "claims" if what == "claims" else "transfers"
    try:
        if output == "-":
            n = armstrack.export(kind, f, open_writer(fmt, sys.stdout.buffer, armstrack.export_context(kind)))
        else:
            n = export_to_file(armstrack, kind, f, fmt, Path(output))
    except ArmstrackError as e:
        fail(str(e))
    except OSError as e:
        fail(f"{output}: cannot write ({e.strerror or e})")
    err.print(f"{n} {what} exported as {fmt.name}" + (f" to {output}" if output != "-" else ""), highlight=False)


def export_to_file(armstrack: Armstrack, what: What, f: TransferFilter, fmt: Format, path: Path) -> int:
    """Write beside the target and rename when complete, so a failed export never leaves a partial file."""
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("wb") as out:
            n = armstrack.export(what, f, open_writer(fmt, out, armstrack.export_context(what)))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return n


def _quantity(lo: float | None, hi: float | None) -> str:
    if lo is None or hi is None:
        return ""
    return f"{lo:,.0f}" if lo == hi else f"{lo:,.0f}–{hi:,.0f}"


def print_transfers(rows: list[dict[str, Any]]) -> None:
    table = Table(title=f"Transfers ({len(rows)})")
    for col in ("id", "supplier", "recipient", "item", "stage", "qty", "first", "last", "reports", "origins",
                "grade", "p"):
        table.add_column(col, overflow="fold")
    for r in rows:
        cells = (r["id"], r["supplier"] or "?", r["recipient"] or "?", r["item"], r["stage"],
                 _quantity(r["quantity_min"], r["quantity_max"]), r["first_reported"] or "", r["last_reported"] or "",
                 str(r["reports"]), str(r["independent_origins"]), r["grade"], f"{r['probability']:.2f}")
        table.add_row(*(Text(x) for x in cells))
    Console(width=max(Console().width, 160)).print(table)


def _judge(ctx: typer.Context, action: str, tid: str, other: str | None = None, claims: list[str] | None = None,
           reason: str = "", author: str = "cli", grade: str | None = None) -> None:
    try:
        jid = Armstrack(ctx.obj).judge(action, tid, other, claims or [], author, reason, grade)
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


@transfers_app.command("undo")
def transfers_undo(ctx: typer.Context, judgement: int) -> None:
    """Undo a judgement; the transfers it touched are rebuilt without it."""
    try:
        Armstrack(ctx.obj).undo(judgement)
    except ArmstrackError as e:
        fail(str(e))
    print(f"judgement {judgement} undone")


@app.command()
def show(transfer: str, db: DbOption = None) -> None:
    """Print a transfer's evidence trail: grade and reasons, origins, stage timeline, every quote."""
    try:
        t = Armstrack(db).transfer(transfer)
    except ArmstrackError as e:
        fail(str(e))
    out = Console(highlight=False, width=max(Console().width, 120))
    head = (f"{t['supplier'] or '?'} → {t['recipient'] or '?'}  {t['item']} ({t['category']})  "
            f"stage {t['stage']}  grade {t['grade']}  p={t['probability']:.2f}")
    out.print(Text(head, style="bold"))
    out.print(Text(f"{t['reports']} reports, {t['independent_origins']} independent origins; "
                   f"reported {t['first_reported'] or '?'} … {t['last_reported'] or '?'}; "
                   f"quantity {_quantity(t['quantity_min'], t['quantity_max']) or '—'}"))
    for reason in t["explanation"]:
        out.print(Text(f"  {reason}"))
    out.print(Text("origins:", style="bold"))
    for o in t["origins"]:
        out.print(Text(f"  {o['label']}: {len(o['documents'])} document(s) {'; '.join(o['reasons'])}".rstrip()))
    out.print(Text("timeline:", style="bold"))
    for event in t["timeline"]:
        q = event["quantity"]
        out.print(Text(f"  {event['when'] or '?':<10} {event['stage']:<20} {q['value'] if q else ''}  "
                       f"(claim {event['claim_id']})"))
    out.print(Text("evidence:", style="bold"))
    for c in t["claims"]:
        who = "; ".join(c["attributed_to"]) or "publisher"
        out.print(Text(f"  [{c['published'] or '?'}] {c['source_name'] or c['publisher'] or '?'} ({c['language']}) "
                       f"{c['stage']}/{c['status']} per {who} — claim {c['id']}, document {c['document_id']}"))
        out.print(Text(f"    \u201c{c['evidence']}\u201d"))
        if c["url"]:
            out.print(Text(f"    {c['url']}"))


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    secure_cookies: Annotated[bool, typer.Option("--secure-cookies", help="Mark cookies Secure (behind HTTPS)")]
    = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes (one per core)")] = 1,
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json) and the web app."""
    core = Armstrack(db)
    try:
        _ = core.engine  # open and migrate before listening, so a bad --db fails here with one line
    except ArmstrackError as e:
        fail(str(e))
    if workers == 1:
        uvicorn.run(create_app(core, secure_cookies), host=host, port=port, log_level="warning")
        return
    # worker processes build their own app from the environment (settings.py reads it)
    os.environ["ARMSTRACK_DB"] = core.db_url
    os.environ["ARMSTRACK_SECURE_COOKIES"] = "1" if secure_cookies else ""
    uvicorn.run("armstrack.api.server:app_from_settings", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


@users_app.command("add")
def users_add(
    name: str,
    role: Annotated[str, typer.Option(help="viewer | analyst | admin")] = "viewer",
    db: DbOption = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin")] = False,
) -> None:
    """Add a user (or reset their password and role); the password is asked for, or read from stdin."""
    password = sys.stdin.readline().rstrip("\n") if password_stdin else typer.prompt(
        "Password", hide_input=True, confirmation_prompt=True)
    try:
        Armstrack(db).add_user(name, password, role)
    except ArmstrackError as e:
        fail(str(e))
    print(f"user {name} ({role}) saved")


@users_app.command("token")
def users_token(name: str, label: str = "api", db: DbOption = None) -> None:
    """Issue a read-only API token for a user (shown once; send it as 'Authorization: Bearer …')."""
    try:
        print(Armstrack(db).issue_token(name, label))
    except ArmstrackError as e:
        fail(str(e))


def _kb() -> tuple[KnowledgeBase, Matcher]:
    kb_dir = str(load_settings().kb_dir)
    try:
        return get_kb(kb_dir), get_matcher(kb_dir)
    except ArmstrackError as e:
        fail(str(e))
        raise  # unreachable: fail() exits


@kb_app.command("lookup")
def kb_lookup(name: Annotated[str, typer.Argument(help="A designation, alias or party name")]) -> None:
    """Resolve a name to its canonical KB entry, or suggest the closest names."""
    kb, matcher = _kb()
    entries = matcher.lookup(name)
    if not entries:
        suggestions = closest_names(matcher, name)
        hint = f" — did you mean: {', '.join(suggestions)}?" if suggestions else ""
        fail(f"{name!r} not found in the knowledge base{hint}")
    table = Table(show_header=True)
    for col in ("kind", "id", "canonical", "category", "origin", "matched alias", "needs context"):
        table.add_column(col)
    for e in entries:
        if e.kind == "system":
            s = kb.systems[e.ref]
            table.add_row("system", s.id, s.name, s.category, s.origin, e.surface, "yes" if e.needs_context else "")
        else:
            table.add_row(e.kind, e.ref, e.ref, "", "", e.surface, "yes" if e.needs_context else "")
    Console(width=max(Console().width, 120)).print(table)


@kb_app.command("stats")
def kb_stats() -> None:
    """Counts of systems per category, parties per kind and language, and sources."""
    kb, _ = _kb()
    table = Table(title="Knowledge base")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("systems", str(len(kb.systems)))
    for cat, n in sorted(Counter(s.category for s in kb.systems.values()).items()):
        table.add_row(f"  {cat}", str(n))
    for kind, n in sorted(Counter(p.kind for p in kb.parties).items()):
        table.add_row(f"parties: {kind}", str(n))
    langs: Counter[str] = Counter()
    for p in kb.parties:
        for field in (p.names, p.capitals, p.demonyms):
            for lang, names in field.items():
                langs[lang] += len(names)
    for lang, n in sorted(langs.items()):
        table.add_row(Text(f"  party names ({lang})"), str(n))
    cyr = sum(1 for s in kb.systems.values() for a in s.aliases if any("а" <= c.lower() <= "я" for c in a))
    table.add_row("system aliases in Cyrillic", str(cyr))
    table.add_row("non-state actors", str(sum(1 for p in kb.parties if p.kind == "actor")))
    table.add_row("sources", str(len(kb.sources)))
    table.add_row("  wire services", str(sum(1 for s in kb.sources.values() if s.wire)))
    table.add_row("  state-affiliated", str(sum(1 for s in kb.sources.values() if s.state_affiliated)))
    table.add_row("  sanctioned", str(sum(1 for s in kb.sources.values() if s.sanctions)))
    Console().print(table)


@kb_app.command("validate")
def kb_validate() -> None:
    """Check ids, aliases, enums and ISO codes; exit 1 on any problem."""
    kb, _ = _kb()
    try:
        problems = validate(kb)
    except ArmstrackError as e:
        problems = [str(e)]
    for p in problems:
        err.print(p, highlight=False, soft_wrap=True)
    if problems:
        fail(f"{len(problems)} problem(s) in the knowledge base")
    print(f"knowledge base OK: {len(kb.systems)} systems, {len(kb.parties)} parties, {len(kb.sources)} sources")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
