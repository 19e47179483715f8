"""The knowledge base: look a name up, count what it holds, validate it."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from armstrack.cli.common import (
    err,
    fail,
    kb_app,
)
from armstrack.errors import ArmstrackError
from armstrack.kb.loader import KnowledgeBase, get_kb
from armstrack.kb.matcher import Matcher, closest_names, get_matcher
from armstrack.kb.validate import validate
from armstrack.settings import load_settings


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

