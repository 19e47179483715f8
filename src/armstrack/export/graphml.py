"""The transfer network as GraphML: parties are nodes (ISO3 code or ORG:Name, with their KB names), each
transfer is a directed edge supplier → recipient weighted by its probability. Nodes carry a `label` (the party's
English name: Gephi and yEd show it, networkx reads it as the node's "label" attribute) and edges one too (the
item). Streamed: a party's node is
written just before the first edge that needs it. A transfer with an unknown supplier or recipient has no
edge (an "unknown" node would join unrelated deals into one hub)."""

from __future__ import annotations

from typing import IO, Any
from xml.etree import ElementTree as ET

from armstrack.errors import ExportError
from armstrack.export.base import ExportContext, Row, text_stream

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
# (id, applies to, GraphML type, row column)
KEYS: tuple[tuple[str, str, str, str], ...] = (
    ("label", "node", "string", ""),
    ("name", "node", "string", ""),
    ("kind", "node", "string", ""),
    ("edge_label", "edge", "string", "item"),
    ("item", "edge", "string", "item"),
    ("category", "edge", "string", "category"),
    ("stage", "edge", "string", "stage"),
    ("grade", "edge", "string", "grade"),
    ("probability", "edge", "double", "probability"),
    ("reports", "edge", "int", "reports"),
    ("independent_origins", "edge", "int", "independent_origins"),
    ("first_reported", "edge", "string", "first_reported"),
    ("last_reported", "edge", "string", "last_reported"),
    ("weight", "edge", "double", "probability"),
)


class GraphmlWriter:
    def __init__(self, out: IO[bytes], ctx: ExportContext) -> None:
        if ctx.what != "transfers":
            raise ExportError("graphml exports the transfer network: use --what transfers")
        self.ctx = ctx
        self.text = text_stream(out)
        self.nodes: set[str] = set()
        self.edges = 0
        self.text.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="{NAMESPACE}">\n')
        for key, domain, kind, _ in KEYS:
            name = "label" if key == "edge_label" else key  # one attribute name, two keys (GraphML key ids are unique)
            self.text.write(_xml(ET.Element("key", {"id": key, "for": domain, "attr.name": name,
                                                    "attr.type": kind})))
        self.text.write('<graph id="armstrack" edgedefault="directed">\n')

    def write(self, row: Row) -> None:
        if not row["supplier"] or not row["recipient"]:
            return
        for code in (row["supplier"], row["recipient"]):
            if code not in self.nodes:
                self.nodes.add(code)
                party = self.ctx.parties.get(code)
                kind = party.kind if party else ("actor" if code.startswith("ORG:") else "country")
                name = self.ctx.party_name(code)
                self.text.write(_xml(_element("node", {"id": code}, {"label": name, "name": name, "kind": kind})))
        data = {key: row[col] for key, domain, _, col in KEYS if domain == "edge"}
        attrs = {"id": row["id"], "source": row["supplier"], "target": row["recipient"]}
        self.text.write(_xml(_element("edge", attrs, data)))
        self.edges += 1

    def finalize(self) -> int:
        self.text.write("</graph>\n</graphml>\n")
        self.text.flush()
        self.text.detach()
        return self.edges


def _element(tag: str, attrs: dict[str, str], data: dict[str, Any]) -> ET.Element:
    el = ET.Element(tag, attrs)
    for key, value in data.items():
        if value is not None:
            ET.SubElement(el, "data", {"key": key}).text = str(value)
    return el


def _xml(el: ET.Element) -> str:
    return ET.tostring(el, encoding="unicode") + "\n"
