"""Typer commands: thin wrappers over the library."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from armstrack.errors import ArmstrackError
from armstrack.evaluate import evaluate_dir, format_report
from armstrack.extract.document import Extractor
from armstrack.kb.loader import KnowledgeBase, get_kb
from armstrack.kb.matcher import Matcher, closest_names, get_matcher
from armstrack.kb.validate import validate
from armstrack.lang import LANGUAGES
from armstrack.model import Extraction
from armstrack.settings import load_settings
from armstrack.sources.files import ReadFailure, read_inputs

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Arms-transfer claims from news reports.")
kb_app = typer.Typer(no_args_is_help=True, help="Inspect and check the knowledge base.")
app.add_typer(kb_app, name="kb")
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> None:
    err.print(Text.assemble(("error:", "red"), " ", message), highlight=False, soft_wrap=True)
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
