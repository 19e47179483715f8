"""Consistency checks of the knowledge base (run by `armstrack kb validate` and in CI)."""

from __future__ import annotations

import re
from collections import defaultdict

from armstrack.errors import InvalidKB
from armstrack.kb.loader import KnowledgeBase, System
from armstrack.kb.matcher import compress
from armstrack.lang import registry
from armstrack.lang.lexicon import LEXICON_DIR, load_lexicon
from armstrack.model import CATEGORIES

ISO3 = re.compile(r"^[A-Z]{3}$")
USER_ASSIGNED = {"XKX"}  # Kosovo has no official ISO 3166-1 code


def validate(kb: KnowledgeBase) -> list[str]:
    """Every problem found, one line each; empty when the KB is consistent."""
    errors: list[str] = []
    countries = {p.code for p in kb.parties if p.kind == "country"}
    errors += _systems(kb, countries)
    errors += _parties(kb, countries)
    errors += _sources(kb, countries)
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        if path.stem not in registry():
            errors.append(f"lexicon {path.name}: {path.stem!r} is not a registered language")
    for code, spec in registry().items():
        try:
            lex = load_lexicon(code, spec.lexicon)
        except InvalidKB as e:
            errors.append(str(e))
            continue
        for words in lex.generic_items.by_first.values():
            for _, g in words:
                if g.category not in CATEGORIES:
                    errors.append(f"lexicon {code}: generic item {g.item!r} has unknown category {g.category!r}")
    return errors


def _systems(kb: KnowledgeBase, countries: set[str]) -> list[str]:
    errors = []
    owners: dict[str, set[str]] = defaultdict(set)
    for s in kb.systems.values():
        if s.category not in CATEGORIES:
            errors.append(f"system {s.id}: unknown category {s.category!r}")
        if not ISO3.match(s.origin) or (countries and s.origin not in countries and s.origin not in USER_ASSIGNED):
            errors.append(f"system {s.id}: origin {s.origin!r} is not a known ISO 3166-1 alpha-3 code")
        if s.family and s.family not in kb.systems:
            errors.append(f"system {s.id}: family {s.family!r} is not an entry")
        seen = {s.id}
        fam = s.family
        while fam and fam in kb.systems:
            if fam in seen:
                errors.append(f"system {s.id}: family cycle through {fam!r}")
                break
            seen.add(fam)
            fam = kb.systems[fam].family
        for n in s.needs_context:
            if n not in (s.name, *s.aliases):
                errors.append(f"system {s.id}: needs_context name {n!r} is not one of its names")
        bare = _without_maker(s)
        if bare is not None:
            errors.append(f"system {s.id}: name {s.name!r} starts with its maker's name; name it {bare!r} (an alias)")
        for n in (s.name, *s.aliases):
            key = compress(n)
            if len(key) >= 2 and any(c.isalpha() for c in key):
                owners[key].add(s.id)
    for key, ids in sorted(owners.items()):
        if len(ids) > 1:
            declared = all(any(compress(n) == key for n in kb.systems[i].needs_context) for i in ids)
            if not declared:
                errors.append(f"alias {key!r} resolves to several systems: {', '.join(sorted(ids))}")
    return errors


def _without_maker(s: System) -> str | None:
    """The alias a name becomes without its maker's name in front ('GE F110' -> 'F110', 'Panavia Tornado' ->
    'Tornado'): a claim names the designation (SCHEMA), which the maker's name is no part of, unless it is itself
    one of the system's names ('Eurofighter Typhoon')."""
    words, maker = s.name.split(), s.maker.lower()
    aliases = {a.lower(): a for a in s.aliases}
    for k in range(1, len(words)):
        prefix, rest = " ".join(words[:k]).lower(), " ".join(words[k:]).lower()
        if prefix in maker and prefix not in aliases and rest in aliases:
            return aliases[rest]
    return None


def _parties(kb: KnowledgeBase, countries: set[str]) -> list[str]:
    errors = []
    owners: dict[str, set[str]] = defaultdict(set)
    for p in kb.parties:
        if p.kind == "actor":
            if not p.code.startswith("ORG:"):
                errors.append(f"actor {p.code}: code must start with 'ORG:'")
        elif not ISO3.match(p.code) or (p.kind == "institution" and p.code not in countries):
            errors.append(f"{p.kind} {p.code}: not a known ISO 3166-1 alpha-3 code")
        for field in (p.names, p.capitals, p.demonyms):  # their languages are checked on loading
            for names in field.values():
                for n in names:
                    if p.kind != "institution":
                        owners[compress(n)].add(p.code)
    for key, codes in sorted(owners.items()):
        if len(codes) > 1:
            errors.append(f"party name {key!r} resolves to several parties: {', '.join(sorted(codes))}")
    return errors


def _sources(kb: KnowledgeBase, countries: set[str]) -> list[str]:
    errors = []
    owners: dict[str, set[str]] = defaultdict(set)
    for s in kb.sources.values():
        if s.reliability not in "ABCDEF" or len(s.reliability) != 1:
            errors.append(f"source {s.id}: reliability {s.reliability!r} is not A-F")
        if s.country and countries and s.country not in countries and s.country not in USER_ASSIGNED:
            errors.append(f"source {s.id}: country {s.country!r} is not a known code")
        for n in (s.name, *s.aliases, *s.domains):
            owners[n.lower()].add(s.id)
    for key, ids in sorted(owners.items()):
        if len(ids) > 1:
            errors.append(f"source name/domain {key!r} is shared by: {', '.join(sorted(ids))}")
    return errors
