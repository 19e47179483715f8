"""Alias coverage: every name in tests/fixtures/kb_aliases.yaml resolves to its canonical designation
the way `armstrack kb lookup` resolves it (the first system entry)."""

from __future__ import annotations

from pathlib import Path

import yaml

from armstrack.kb.loader import get_kb
from armstrack.kb.matcher import get_matcher

PAIRS: list[list[str]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "kb_aliases.yaml").read_text(encoding="utf-8"))


def resolved(name: str) -> str | None:
    systems = [e for e in get_matcher().lookup(name) if e.kind == "system"]
    return get_kb().systems[systems[0].ref].name if systems else None


def test_alias_table_is_broad_and_unique() -> None:
    aliases = [str(a) for a, _ in PAIRS]
    assert len(aliases) >= 250 and len(set(aliases)) == len(aliases)
    assert any("а" <= c <= "я" for a in aliases for c in a.lower())  # Cyrillic forms are part of the bar


def test_every_alias_resolves_to_its_canonical_designation() -> None:
    misses = [(alias, canonical, got) for alias, canonical in PAIRS
              if (got := resolved(str(alias))) != str(canonical)]
    assert misses == [], f"{len(misses)} of {len(PAIRS)} aliases miss: {misses[:20]}"

