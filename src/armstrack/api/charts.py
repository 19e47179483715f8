"""What the network page draws, as plain data: the supplier → recipient graph (its busiest parties and
heaviest pairs, with names and the ids of their shapes on the world map; static/network.js lays it out with
d3-force and draws the map), the sentences that say what the drawing leaves out, and transfers per year as
bars. All are drawn from aggregates the store computes (one row per pair and category, one per year), never
from every transfer."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from armstrack.kb.loader import Party
from armstrack.model import CATEGORIES
from armstrack.store.queries import PairTotal

MAX_NODES = 40  # beyond this the busiest parties are kept: a hairball tells nothing
MAX_EDGES = 300  # and the heaviest supplier → recipient pairs among them (every edge is a link: pages stay small)
ISO_NUMERIC = Path(__file__).parent / "data" / "iso3166_numeric.tsv"


@lru_cache(maxsize=1)
def map_ids() -> dict[str, str]:
    """ISO 3166-1 alpha-3 → numeric code, the id of a country's shape in world-atlas (read once, from data)."""
    with ISO_NUMERIC.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {r["alpha_3"]: r["numeric"] for r in rows}


@dataclass(frozen=True)
class Node:
    code: str
    name: str
    map_id: str | None  # the shape on the world map (ISO 3166 numeric); None for an actor or a code without one
    supplied: int  # matching transfers it supplies, over every pair (drawn or not)
    received: int

    @property
    def role(self) -> str:
        return "both" if self.supplied and self.received else "supplier" if self.supplied else "recipient"


@dataclass(frozen=True)
class Edge:
    supplier: str
    recipient: str
    transfers: int
    weight: float  # summed probability of each transfer's grade (an analyst's, when set): credible ones weigh more
    category: str  # the category most of its transfers are in


@dataclass(frozen=True)
class Network:
    nodes: list[Node]  # the busiest first
    edges: list[Edge]  # the heaviest first
    parties: int  # every party of a matching transfer with both parties known
    pairs: int
    transfers: int  # the matching transfers with both parties known
    drawn: int  # the transfers on the edges drawn

    @property
    def names(self) -> dict[str, str]:
        return {n.code: n.name for n in self.nodes}

    def data(self) -> dict[str, Any]:
        """The graph as the page's JSON block gives it to static/network.js."""
        return {"nodes": [{"code": n.code, "name": n.name, "map_id": n.map_id, "supplied": n.supplied,
                           "received": n.received, "role": n.role} for n in self.nodes],
                "edges": [{"supplier": e.supplier, "recipient": e.recipient, "transfers": e.transfers,
                           "weight": round(e.weight, 2), "category": e.category} for e in self.edges]}


def page(totals: Sequence[PairTotal], years: Mapping[str, int], parties: Mapping[str, Party],
         query: str) -> dict[str, Any]:
    """What _network.html is rendered with: the network, the graph data for static/network.js (its links keep
    `query`, the filters other than supplier and recipient), what is left out, the bars and their counts."""
    net = network(totals, parties)
    total = sum(years.values())
    return {"net": net, "graph": {**net.data(), "categories": list(CATEGORIES), "query": query},
            "notes": left_out(net, years), "bars": per_year(years), "total": total, "dated": dated(years),
            "undated": total - dated(years), "query": query}


def network(totals: Sequence[PairTotal], parties: Mapping[str, Party]) -> Network:
    """The MAX_NODES busiest parties (most transfers in or out) and the MAX_EDGES heaviest pairs among them (by
    summed probability), each party with its name from the knowledge base and its map id."""
    supplied: Counter[str] = Counter()
    received: Counter[str] = Counter()
    for t in totals:
        supplied[t.supplier] += t.transfers
        received[t.recipient] += t.transfers
    degree = supplied + received
    kept = [code for code, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_NODES]]
    ids = map_ids()
    nodes = [Node(c, parties[c].name if c in parties else c.removeprefix("ORG:"), ids.get(c), supplied[c],
                  received[c]) for c in kept]
    among = set(kept)
    heaviest = sorted((t for t in totals if t.supplier in among and t.recipient in among),
                      key=lambda t: (-t.weight, t.supplier, t.recipient))[:MAX_EDGES]
    edges = [Edge(t.supplier, t.recipient, t.transfers, t.weight, t.category) for t in heaviest]
    return Network(nodes, edges, parties=len(degree), pairs=len(totals), transfers=sum(t.transfers for t in totals),
                   drawn=sum(e.transfers for e in edges))


def dated(years: Mapping[str, int]) -> int:
    """How many transfers have a year of first report (the bars show these)."""
    return sum(n for y, n in years.items() if y.isdigit())


def left_out(net: Network, years: Mapping[str, int]) -> list[str]:
    """What the drawings leave out, in sentences: the undated transfers (no bar), those with an unknown party
    (no edge), and the parties and pairs beyond the drawing's limits."""
    total = sum(years.values())
    out = [f"{total} transfers: {dated(years)} dated by year, {total - dated(years)} undated."]
    if unknown := total - net.transfers:
        out.append(f"{unknown} with an unknown supplier or recipient are in no pair and not drawn.")
    if len(net.nodes) < net.parties or len(net.edges) < net.pairs:
        parties = f"{len(net.nodes)} of {net.parties} parties (the busiest)" if len(net.nodes) < net.parties \
            else f"all {net.parties} parties"
        out.append(f"Drawn: {parties} and {len(net.edges)} of {net.pairs} pairs (the heaviest between them), "
                   f"{net.drawn} of {net.transfers} transfers; the table lists the pairs drawn.")
    elif net.pairs:
        out.append(f"Drawn: all {net.pairs} pairs between {net.parties} parties ({net.transfers} transfers).")
    return out


@dataclass(frozen=True)
class Bar:
    year: str
    count: int
    x: float
    y: float
    height: float


def per_year(counts: Mapping[str, int], width: float = 640, height: float = 160) -> list[Bar]:
    """Transfers by the year they were first reported ("2023" → how many), as bars (undated ones have none)."""
    counts = {y: n for y, n in counts.items() if y.isdigit() and n}
    if not counts:
        return []
    years = [str(y) for y in range(int(min(counts)), int(max(counts)) + 1)]
    top = max(counts.values())
    step = width / len(years)
    return [Bar(y, counts.get(y, 0), round(i * step, 1), round(height - height * counts.get(y, 0) / top, 1),
                round(height * counts.get(y, 0) / top, 1)) for i, y in enumerate(years)]
