"""Commands that read documents: extract, eval, ingest (files, URLs, Dask) and watch (feeds)."""

from __future__ import annotations

import itertools
import json
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer
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
from armstrack.app import Armstrack, IngestReport
from armstrack.cli.common import (
    AllowPrivate,
    DbOption,
    IgnoreRobots,
    app,
    err,
    fail,
)
from armstrack.errors import ArmstrackError
from armstrack.evaluate import evaluate_dir, format_report
from armstrack.extract.document import Extractor
from armstrack.lang import language_codes
from armstrack.model import Extraction
from armstrack.scale.dask import dask_runner
from armstrack.sources.feeds import Feed, load_feeds
from armstrack.sources.fetch import Fetcher, FetchOptions, read_url_list
from armstrack.sources.files import ReadFailure, count_documents, read_inputs


def _check_language(lang: str) -> None:
    if lang != "auto" and lang not in language_codes():
        fail(f"unknown language {lang!r} (use auto or one of: {', '.join(language_codes())})", 2)


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
    _check_language(lang)
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
    ignore_robots: IgnoreRobots = False,
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
    _check_language(lang)
    if not paths and urls is None:
        fail("nothing to ingest: give files, directories or - for stdin, or --urls FILE", 2)
    if workers and scheduler:
        fail("--workers starts a local cluster, --scheduler uses an existing one: give one of them", 2)
    armstrack = Armstrack(db)
    fetcher = Fetcher(FetchOptions(allow_private=allow_private, obey_robots=not ignore_robots))
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
    ignore_robots: IgnoreRobots = False,
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
    with Fetcher(FetchOptions(allow_private=allow_private, obey_robots=not ignore_robots)) as fetcher:
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

