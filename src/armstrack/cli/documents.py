"""Commands that read documents: extract, eval, ingest (files, URLs, Dask) and watch (feeds)."""

from __future__ import annotations

import itertools
import json
import re
import sys
import time
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from armstrack.cli.common import (
    AllowPrivate,
    DbOption,
    IgnoreRobots,
    app,
    check_format,
    err,
    fail,
    open_store,
    say,
    verbosity,
)
from armstrack.errors import ArmstrackError

# the library is imported inside each command, only what it uses: start-up time (extraction, the store,
# Dask, fetching and Parquet each take a good part of a second to import)
if TYPE_CHECKING:
    from armstrack.app import Armstrack
    from armstrack.extract.document import Extractor
    from armstrack.model import Extraction
    from armstrack.scale.dask import DaskRunner
    from armstrack.sources.feeds import Feed
    from armstrack.sources.fetch import Fetcher


def check_language(lang: str) -> None:
    from armstrack.lang import language_codes

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
    from armstrack.extract.document import Extractor, extract_each
    from armstrack.model import ReadFailure
    from armstrack.sources.files import read_inputs

    check_format(format, ("jsonl", "json", "table"))
    check_language(lang)
    extractor = Extractor(lang)
    results: list[Extraction] = []
    failures = 0
    try:
        for item in read_inputs(paths):
            # a document the extractor fails on is reported like one that cannot be read; the run goes on
            res = item if isinstance(item, ReadFailure) else extract_each(extractor, [item])[0]
            if isinstance(res, ReadFailure):
                failures += 1
                err.print(Text.assemble(("error:", "red"), " ", res.reason), highlight=False, soft_wrap=True)
                continue
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
    from rich.console import Console
    from rich.table import Table

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
    format: Annotated[str, typer.Option("--format", "-f", help="text | json (the metrics)")] = "text",
    lang: Annotated[str | None, typer.Option("--lang", help="Only these languages, e.g. fr,en")] = None,
) -> None:
    """Extract the gold files' texts and score them like shared/eval/score.py."""
    from armstrack.evaluate import evaluate_dir, format_report
    from armstrack.extract.document import Extractor

    check_format(format, ("text", "json"))
    if not gold_dir.is_dir():
        fail(f"{gold_dir}: not a directory")
    try:
        report = evaluate_dir(gold_dir, Extractor(), set(lang.split(",")) if lang else None)
    except ArmstrackError as e:
        fail(str(e))
    if format == "json":
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(format_report(report, per_doc))


URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def split_urls(paths: list[str]) -> tuple[list[str], list[str]]:
    """Positional inputs as (files, http(s) URLs); another scheme (ftp://, file://) exits with code 2."""
    files, urls = [], []
    for p in paths:
        if not URL.match(p):
            files.append(p)
        elif p.lower().startswith(("http://", "https://")):
            urls.append(p)
        else:
            fail(f"{p}: only http:// and https:// URLs are fetched (give a local file as a path)", 2)
    return files, urls


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories, globs ('corpus/**/*.json') of "
                                                           ".txt .html .json .jsonl .parquet .warc(.gz), - for "
                                                           "stdin, or http(s) URLs to fetch")] = None,
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
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from armstrack import harvest
    from armstrack.app import IngestReport
    from armstrack.extract.document import Extractor
    from armstrack.sources.fetch import Fetcher, FetchOptions, read_url_list
    from armstrack.sources.files import count_documents, read_inputs

    check_language(lang)
    files, page_urls = split_urls(paths or [])
    if not paths and urls is None:
        fail("nothing to ingest: give files, directories, URLs or - for stdin, or --urls FILE", 2)
    if workers and scheduler:
        fail("--workers starts a local cluster, --scheduler uses an existing one: give one of them", 2)
    armstrack = open_store(db, create=True)
    fetcher = Fetcher(FetchOptions(allow_private=allow_private, obey_robots=not ignore_robots))
    try:
        to_fetch = (read_url_list(str(urls)) if urls else []) + page_urls
        fetched = harvest.fetch_urls(to_fetch, fetcher, armstrack.registry) if to_fetch else iter(())
    except ArmstrackError as e:
        fail(str(e))
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=24), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} docs/s"), TextColumn("claims {task.fields[claims]}"),
               TextColumn("unchanged {task.fields[unchanged]}"), TextColumn("failed {task.fields[failed]}"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    try:
        with dask_cluster(workers, scheduler) as runner, \
                Progress(*columns, console=err, transient=False, disable=verbosity.level < 0) as bar:
            if runner is not None:
                say(f"Dask dashboard: {runner.client.dashboard_link}")
            # a known total (files, Parquet rows) gives the bar an ETA; stdin and URLs have none
            total = count_documents(files) if files and "-" not in files and not to_fetch else None
            task = bar.add_task("ingest", total=total, rate=0.0, claims=0, unchanged=0, failed=0)
            started = time.monotonic()

            def show(r: IngestReport) -> None:
                bar.update(task, completed=r.done, rate=r.done / max(time.monotonic() - started, 1e-6),
                           claims=r.claims, unchanged=r.unchanged, failed=len(r.failures))

            inputs = itertools.chain(read_inputs(files), fetched)
            with fetcher:
                report = armstrack.ingest(inputs, Extractor(lang), reextract, batch, show, runner)
    except ArmstrackError as e:
        fail(str(e))
    except KeyboardInterrupt:
        fail("interrupted: every finished batch is stored; run the same command again to complete", 130)
    for f in report.failures:
        err.print(Text.assemble(("error:", "red"), " ", f.reason), highlight=False, soft_wrap=True)
    say(f"{report.documents} documents stored, {report.unchanged} unchanged, {report.claims} claims, "
        f"{report.transfers_touched} transfers rebuilt, {len(report.failures)} failed")
    for kind, n in report.failures_by_kind():
        say(Text(f"  {n} × {kind}"))
    if report.failures:
        raise typer.Exit(1)


def dask_cluster(workers: int | None, scheduler: str | None) -> AbstractContextManager[DaskRunner | None]:
    """A Dask runner when asked for one (distributed is imported only then), else none: this process."""
    if not (workers or scheduler):
        return nullcontext(None)
    from armstrack.scale.dask import dask_runner

    return dask_runner(workers, scheduler)


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
    from armstrack import harvest
    from armstrack.extract.document import Extractor
    from armstrack.sources.feeds import load_feeds
    from armstrack.sources.fetch import Fetcher, FetchOptions

    try:
        interval = harvest.parse_every(every)
        feeds = load_feeds(str(feeds_file))
    except ArmstrackError as e:
        fail(str(e), 2)
    armstrack, extractor = open_store(db, create=True), Extractor(lang)
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
            say(f"next poll in {every} (Ctrl-C to stop)")
            try:
                time.sleep(interval)
            except KeyboardInterrupt:
                say("stopped")
                return


def poll_round(armstrack: Armstrack, feeds: list[Feed], fetcher: Fetcher, extractor: Extractor,
               batch: int) -> bool:
    """Poll each feed once with a progress line, then print a line per feed and each failure; True if any."""
    from rich.markup import escape
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from armstrack import harvest

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed}/{task.total} feeds"),
               TextColumn("stored {task.fields[stored]}"), TextColumn("failed {task.fields[failed]}"),
               TimeElapsedColumn())
    reports = []
    with Progress(*columns, console=err, transient=True, disable=verbosity.level < 0) as bar:
        task = bar.add_task("watch", total=len(feeds), stored=0, failed=0)
        for feed in feeds:
            bar.update(task, description=escape((feed.name or feed.url)[:60]))
            reports.append(harvest.poll_feed(armstrack, feed, fetcher, extractor, batch))
            bar.update(task, advance=1, stored=sum(r.ingest.documents for r in reports),
                       failed=sum(len(r.ingest.failures) for r in reports))
    for r in reports:
        say(Text.assemble((r.feed.name or r.feed.url, "bold"), f": {r.status}, "
                          f"{r.ingest.documents} stored, {r.ingest.claims} claims"))
        for f in r.ingest.failures:
            err.print(Text.assemble(("error:", "red"), " ", f.reason), highlight=False, soft_wrap=True)
    return any(r.ingest.failures for r in reports)
