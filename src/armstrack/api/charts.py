"""Chart geometry for the pages, as plain data the templates draw as SVG: the supplier → recipient
network (a circular layout, edges weighted by credibility) and transfers per year."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

SIZE = 640  # the square the network is drawn in
MAX_NODES = 40  # beyond this the busiest parties are kept: a hairball tells nothing


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


def network(rows: Sequence[dict[str, Any]]) -> tuple[list[Node], list[Edge]]:
    """Parties on a circle (the busiest first, clockwise) and one edge per supplier → recipient pair."""
    pairs: dict[tuple[str, str], list[float]] = defaultdict(list)
    for t in rows:
        if t["supplier"] and t["recipient"]:
            pairs[(t["supplier"], t["recipient"])].append(float(t["probability"]))
    degree: Counter[str] = Counter()
    for (s, r), ps in pairs.items():
        degree[s] += len(ps)
        degree[r] += len(ps)
    kept = [code for code, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_NODES]]
    centre, radius = SIZE / 2, SIZE / 2 - 60
    place = {}
    for i, code in enumerate(kept):
        angle = 2 * math.pi * i / max(1, len(kept)) - math.pi / 2
        place[code] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    top = max(degree.values(), default=1)
    nodes = [Node(c, round(place[c][0], 1), round(place[c][1], 1), round(5 + 10 * degree[c] / top, 1), degree[c])
             for c in kept]
    heaviest = max((sum(ps) for ps in pairs.values()), default=1.0)
    edges = [_edge(s, r, place[s], place[r], ps, heaviest) for (s, r), ps in sorted(pairs.items())
             if s in place and r in place]
    return nodes, edges


def _edge(s: str, r: str, a: tuple[float, float], b: tuple[float, float], ps: list[float], heaviest: float) -> Edge:
    # shift sideways so A → B and B → A are two parallel lines, not one
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    ox, oy = -dy / length * 4, dx / length * 4
    a, b = (a[0] + ox, a[1] + oy), (b[0] + ox, b[1] + oy)
    end = _shorten(a, b, 12)
    return Edge(s, r, round(a[0], 1), round(a[1], 1), round(end[0], 1), round(end[1], 1),
                width=round(1 + 6 * sum(ps) / heaviest, 2), transfers=len(ps), weight=round(sum(ps), 2))


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


def per_year(rows: Sequence[dict[str, Any]], width: float = 640, height: float = 160) -> list[Bar]:
    """Transfers by the year they were first reported, as bars."""
    counts = Counter((t["first_reported"] or "")[:4] for t in rows if t["first_reported"])
    if not counts:
        return []
    years = [str(y) for y in range(int(min(counts)), int(max(counts)) + 1)]
    top = max(counts.values())
    step = width / len(years)
    return [Bar(y, counts[y], round(i * step, 1), round(height - height * counts[y] / top, 1),
                round(height * counts[y] / top, 1)) for i, y in enumerate(years)]
