"""Typer commands: thin wrappers over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from armstrack.errors import ArmstrackError
from armstrack.evaluate import evaluate_dir, format_report
from armstrack.extract.document import Extractor
from armstrack.model import Extraction
from armstrack.sources.files import ReadFailure, read_inputs

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Arms-transfer claims from news reports.")
kb_app = typer.Typer(no_args_is_help=True, help="Inspect and check the knowledge base.")
app.add_typer(kb_app, name="kb")
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or directories (.txt .html .json .jsonl), or - for stdin")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl | json | table")] = "jsonl",
    lang: Annotated[str, typer.Option("--lang", help="auto, or a language code to force")] = "auto",
) -> None:
    """Extract arms-transfer claims from documents."""
    if format not in ("jsonl", "json", "table"):
        fail(f"unknown format {format!r} (use jsonl, json or table)", 2)
    extractor = Extractor(lang)
    results: list[Extraction] = []
    failures = 0
    try:
        for item in read_inputs(paths):
            if isinstance(item, ReadFailure):
                failures += 1
                err.print(f"[red]error:[/red] {item.reason}", highlight=False, soft_wrap=True)
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
            table.add_row(r.document.id[:18], c.supplier or "?", c.recipient or "?", c.item, q, c.stage.value,
                          c.status.value, c.when or "", "; ".join(c.attributed_to)[:40])
    Console(width=max(Console().width, 160)).print(table)


@app.command("eval")
def eval_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="Directory of gold JSON files (SCHEMA.md)")],
    per_doc: Annotated[bool, typer.Option("--per-doc", help="Print one line per document")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON")] = False,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Only these languages, e.g. fr,en")] = None,
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
