"""Merge candidates: the transfers of the same supplier and recipient that may be one with a given transfer, each with
its reasons. The features that decide are data, a list of (function, weight) as in nomenklatura, a contradiction with
a negative weight; each returns a score and a sentence an analyst reads beside the two transfers. Only a transfer of
the same item family or a kindred kind of item is a candidate at all: the period and the rest only rank those (a
drone transfer is no candidate for a shell transfer of the same weeks). Pure: the store gives the rows."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from armstrack.kb.loader import KnowledgeBase
from armstrack.transfers.merge import COMPATIBLE, GENERIC_PERIOD_DAYS
from armstrack.transfers.origins import day_number

Row = Mapping[str, Any]
SHOWN = 5  # candidates listed on a transfer's page, the likeliest first


@dataclass(frozen=True)
class Side:
    """A transfer as the features read it: its listing row, the KB systems it names, those and the families above
    them (lineage), and the names of their root families."""

    row: Row
    systems: frozenset[str]
    lineage: frozenset[str]
    families: frozenset[str]


@dataclass(frozen=True)
class Candidate:
    transfer: Row
    score: float
    reasons: tuple[str, ...]


Feature = Callable[[Side, Side], tuple[float, str | None]]


def same_family(a: Side, b: Side) -> tuple[float, str | None]:
    shared = sorted(a.families & b.families)
    return (1.0, f"same item family: {', '.join(shared)}") if shared else (0.0, None)


def different_systems(a: Side, b: Side) -> tuple[float, str | None]:
    """Both name systems and neither names one of the other's or a family above it: other designs (Mohajer-6 and
    Shahed-136) or two variants of one family (Shahed-131 and Shahed-136), not a variant and its family."""
    if a.systems and b.systems and not (a.systems & b.lineage or b.systems & a.lineage):
        return 1.0, f"different systems: {a.row['item']} and {b.row['item']}"
    return 0.0, None


def same_category(a: Side, b: Side) -> tuple[float, str | None]:
    """The same or a kindred category; 'other' names no kind (radios and lorries), so it is kin to nothing."""
    ca, cb = a.row["category"], b.row["category"]
    if ca != "other" and cb in COMPATIBLE.get(ca, {ca}):
        return 1.0, f"same kind of item: {ca.replace('_', ' ')}" + (f" and {cb.replace('_', ' ')}" if cb != ca else "")
    return 0.0, None


def same_period(a: Side, b: Side) -> tuple[float, str | None]:
    """Reported in overlapping periods, give or take the days a generic report may lag a specific one."""
    (a0, a1), (b0, b1) = _days(a.row), _days(b.row)
    if None in (a0, a1, b0, b1):
        return 0.0, None
    if a0 - GENERIC_PERIOD_DAYS <= b1 and b0 - GENERIC_PERIOD_DAYS <= a1:  # type: ignore[operator]
        return 1.0, f"reported in the same period: {_period(a.row)} and {_period(b.row)}"
    return 0.0, None


FEATURES: tuple[tuple[Feature, float], ...] = (
    (same_family, 1.0),
    (different_systems, -0.6),
    (same_category, 0.4),
    (same_period, 0.3),
)
KINDRED: tuple[Feature, ...] = (same_family, same_category)  # a candidate has one of these; the rest only rank


def _days(row: Row) -> tuple[int | None, int | None]:
    return day_number(row["first_reported"]), day_number(row["last_reported"])


def _period(row: Row) -> str:
    first, last = row["first_reported"] or "?", row["last_reported"] or "?"
    return first if first == last else f"{first} … {last}"


def side(row: Row, kb: KnowledgeBase) -> Side:
    """A transfer as the features read it: the KB systems it names, with their families ('Leopard 2' for
    'Leopard 2A6')."""
    by_name = kb.system_ids
    ids = frozenset(by_name[n.casefold()] for n in (row["item"], *row["items"]) if n.casefold() in by_name)
    return Side(row, ids, frozenset(a for s in ids for a in kb.lineage(s)),
                frozenset(kb.systems[kb.family_root(s)].name for s in ids))


def merge_candidates(t: Row, others: Sequence[Row | Side], kb: KnowledgeBase) -> list[Candidate]:
    """The other transfers (of the same pair) of the same family or a kindred kind of item whose features weigh for
    a merge with `t`, the likeliest first; each other transfer as its row, or as its Side already made (a server
    keeps a pair's sides while the store is unchanged)."""
    me = side(t, kb)
    out = []
    for given in others:
        other = given if isinstance(given, Side) else side(given, kb)
        row = other.row
        if row["id"] == t["id"]:
            continue
        scored = [(feature, weight * score, detail) for feature, weight in FEATURES
                  for score, detail in [feature(me, other)] if score and detail]
        total = round(sum(w for _, w, _ in scored), 3)
        if total > 0 and any(f in KINDRED for f, _, _ in scored):
            out.append(Candidate(row, total, tuple(("− " if w < 0 else "") + d for _, w, d in scored)))
    return sorted(out, key=lambda c: (-c.score, c.transfer["id"]))[:SHOWN]
