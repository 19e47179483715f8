"""The knowledge base: look a name up, count what it holds, validate it."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from armstrack.cli.common import (
    check_format,
    err,
    fail,
    kb_app,
)
from armstrack.errors import ArmstrackError
from armstrack.settings import load_settings

if TYPE_CHECKING:  # imported by the commands: the matcher pulls in the languages' lemmatiser
    from armstrack.kb.loader import KnowledgeBase
    from armstrack.kb.matcher import Matcher

TableFormat = Annotated[str, typer.Option("--format", "-f", help="table | json")]


def _kb() -> tuple[KnowledgeBase, Matcher]:
    from armstrack.kb.loader import get_kb
    from armstrack.kb.matcher import get_matcher

    kb_dir = str(load_settings().kb_dir)
    try:
        return get_kb(kb_dir), get_matcher(kb_dir)
    except ArmstrackError as e:
        fail(str(e))
        raise  # unreachable: fail() exits


@kb_app.command("lookup")
def kb_lookup(name: Annotated[str, typer.Argument(help="A designation, alias or party name")],
              format: TableFormat = "table") -> None:
    """Resolve a name to its canonical KB entry, or suggest the closest names."""
    from armstrack.kb.matcher import closest_names, compress, describe, get_names

    check_format(format, ("table", "json"))
    try:  # a whole KB name is found in the names index alone; a phrase or a miss needs the matcher
        found = get_names(str(load_settings().kb_dir)).get(compress(name))
    except ArmstrackError as e:
        fail(str(e))
        raise  # unreachable: fail() exits
    if found is None:
        kb, matcher = _kb()
        entries = matcher.lookup(name)
        if not entries:
            suggestions = closest_names(matcher, name)
            hint = f" — did you mean: {', '.join(suggestions)}?" if suggestions else ""
            fail(f"{name!r} not found in the knowledge base{hint}")
        found = tuple(describe(kb, e) for e in entries)
    rows = [e._asdict() for e in found]
    if format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(show_header=True)
    for col in ("kind", "id", "canonical", "category", "origin", "matched alias", "needs context"):
        table.add_column(col)
    for r in rows:
        table.add_row(*(Text(str(v or "")) for v in list(r.values())[:-1]), "yes" if r["needs_context"] else "")
    Console(width=max(Console().width, 120)).print(table)


def kb_counts(kb: KnowledgeBase) -> dict[str, Any]:
    """What the knowledge base holds, counted: the figures of `kb stats`."""
    langs: Counter[str] = Counter()
    for p in kb.parties:
        for field in (p.names, p.capitals, p.demonyms):
            for lang, names in field.items():
                langs[lang] += len(names)
    return {
        "systems": len(kb.systems),
        "systems_by_category": dict(sorted(Counter(s.category for s in kb.systems.values()).items())),
        "parties_by_kind": dict(sorted(Counter(p.kind for p in kb.parties).items())),
        "party_names_by_language": dict(sorted(langs.items())),
        "system_aliases_in_cyrillic": sum(1 for s in kb.systems.values() for a in s.aliases
                                          if any("а" <= c.lower() <= "я" for c in a)),
        "non_state_actors": sum(1 for p in kb.parties if p.kind == "actor"),
        "sources": len(kb.sources),
        "wire_services": sum(1 for s in kb.sources.values() if s.wire),
        "state_affiliated_sources": sum(1 for s in kb.sources.values() if s.state_affiliated),
        "sanctioned_sources": sum(1 for s in kb.sources.values() if s.sanctions),
    }


@kb_app.command("stats")
def kb_stats(format: TableFormat = "table") -> None:
    """Counts of systems per category, parties per kind and language, and sources."""
    check_format(format, ("table", "json"))
    kb, _ = _kb()
    c = kb_counts(kb)
    if format == "json":
        print(json.dumps(c, ensure_ascii=False, indent=2))
        return
    table = Table(title="Knowledge base")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("systems", str(c["systems"]))
    for cat, n in c["systems_by_category"].items():
        table.add_row(f"  {cat}", str(n))
    for kind, n in c["parties_by_kind"].items():
        table.add_row(f"parties: {kind}", str(n))
    for lang, n in c["party_names_by_language"].items():
        table.add_row(Text(f"  party names ({lang})"), str(n))
    table.add_row("system aliases in Cyrillic", str(c["system_aliases_in_cyrillic"]))
    table.add_row("non-state actors", str(c["non_state_actors"]))
    table.add_row("sources", str(c["sources"]))
    table.add_row("  wire services", str(c["wire_services"]))
    table.add_row("  state-affiliated", str(c["state_affiliated_sources"]))
    table.add_row("  sanctioned", str(c["sanctioned_sources"]))
    Console().print(table)


@kb_app.command("validate")
def kb_validate() -> None:
    """Check ids, aliases, enums and ISO codes; exit 1 on any problem."""
    from armstrack.kb.validate import validate

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

