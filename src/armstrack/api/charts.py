"""Chart geometry for the pages, as plain data the templates draw as SVG: the supplier → recipient
network (a circular layout, edges weighted by credibility) and transfers per year. Both are drawn from
aggregates the store computes (one row per pair, one per year), never from every transfer."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from armstrack.store.queries import PairTotal

SIZE = 640  # the square the network is drawn in
MAX_NODES = 40  # beyond this the busiest parties are kept: a hairball tells nothing
MAX_EDGES = 300  # and the heaviest supplier → recipient pairs among them (every edge is a link: pages stay small)


@dataclass(frozen=True)
class Node:
    code: str
    x: float
    y: float
    r: float
    transfers: int


@dataclass(frozen=True)
class Edge:
    supplier: str
    recipient: str
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    transfers: int
    weight: float  # summed probability: credible transfers weigh more


def network(totals: Sequence[PairTotal]) -> tuple[list[Node], list[Edge]]:
    """Parties on a circle (the busiest first, clockwise) and one edge per supplier → recipient pair (the MAX_EDGES
    heaviest among the parties drawn)."""
    pairs = {(t.supplier, t.recipient): t for t in totals}
    degree: Counter[str] = Counter()
    for (s, r), t in pairs.items():
        degree[s] += t.transfers
        degree[r] += t.transfers
    kept = [code for code, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_NODES]]
    centre, radius = SIZE / 2, SIZE / 2 - 60
    place = {}
    for i, code in enumerate(kept):
        angle = 2 * math.pi * i / max(1, len(kept)) - math.pi / 2
        place[code] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    top = max(degree.values(), default=1)
    nodes = [Node(c, round(place[c][0], 1), round(place[c][1], 1), round(5 + 10 * degree[c] / top, 1), degree[c])
             for c in kept]
    heaviest = max((t.weight for t in pairs.values()), default=1.0) or 1.0
    drawn = sorted((t for (s, r), t in pairs.items() if s in place and r in place),
                   key=lambda t: (-t.weight, t.supplier, t.recipient))[:MAX_EDGES]
    edges = [_edge(place[t.supplier], place[t.recipient], t, heaviest)
             for t in sorted(drawn, key=lambda t: (t.supplier, t.recipient))]
    return nodes, edges


def _edge(a: tuple[float, float], b: tuple[float, float], t: PairTotal, heaviest: float) -> Edge:
    # shift sideways so A → B and B → A are two parallel lines, not one
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    ox, oy = -dy / length * 4, dx / length * 4
    a, b = (a[0] + ox, a[1] + oy), (b[0] + ox, b[1] + oy)
    end = _shorten(a, b, 12)
    return Edge(t.supplier, t.recipient, round(a[0], 1), round(a[1], 1), round(end[0], 1), round(end[1], 1),
                width=round(1 + 6 * t.weight / heaviest, 2), transfers=t.transfers, weight=round(t.weight, 2))


def _shorten(a: tuple[float, float], b: tuple[float, float], by: float) -> tuple[float, float]:
    """The end point of a → b pulled back so the arrow head stops short of the node."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    return b[0] - dx / length * by, b[1] - dy / length * by


@dataclass(frozen=True)
class Bar:
    year: str
    count: int
    x: float
    y: float
    height: float


def per_year(counts: Mapping[str, int], width: float = 640, height: float = 160) -> list[Bar]:
    """Transfers by the year they were first reported ("2023" → how many), as bars."""
    counts = {y: n for y, n in counts.items() if y.isdigit() and n}
    if not counts:
        return []
    years = [str(y) for y in range(int(min(counts)), int(max(counts)) + 1)]
    top = max(counts.values())
    step = width / len(years)
    return [Bar(y, counts.get(y, 0), round(i * step, 1), round(height - height * counts.get(y, 0) / top, 1),
                round(height * counts.get(y, 0) / top, 1)) for i, y in enumerate(years)]
