"""Hand-built claims, documents and a small knowledge base for the pure transfer-stage tests."""

from __future__ import annotations

from armstrack.kb.loader import KnowledgeBase, Party, Source, System
from armstrack.model import Quantity, Stage, Status, StoredClaim, StoredDocument


def system(sid: str, name: str, category: str, origin: str, family: str | None = None) -> System:
    return System(sid, name, (), category, origin, family=family)


def source(sid: str, name: str, reliability: str, wire: bool = False, aliases: tuple[str, ...] = ()) -> Source:
    return Source(sid, name, aliases, (f"{sid}.com",), None, wire, False, (), reliability, f"{name} rationale")


KB = KnowledgeBase(
    systems={s.id: s for s in (
        system("leopard-2", "Leopard 2", "armoured_vehicle", "DEU"),
        system("leopard-2a4", "Leopard 2A4", "armoured_vehicle", "DEU", "leopard-2"),
        system("leopard-2a6", "Leopard 2A6", "armoured_vehicle", "DEU", "leopard-2"),
        system("shahed-136", "Shahed-136", "loitering_munition", "IRN"),
        system("mohajer-6", "Mohajer-6", "uav", "IRN"),
        system("su-35", "Su-35", "aircraft", "RUS"),
    )},
    parties=[Party("DEU", "country", {"en": ("Germany",)}),
             Party("UKR", "institution", {"en": ("Ukrainian defence ministry",)}),
             Party("IRN", "institution", {"en": ("Iranian foreign ministry",)})],
    sources={s.id: s for s in (source("reuters", "Reuters", "B", wire=True), source("guardian", "The Guardian", "B"),
                               source("southfront", "South Front", "E"), source("bild", "Bild", "C"))},
    files=[],
)


def doc(did: str, publisher: str | None = None, language: str = "en", sketch: tuple[int, ...] = (),
        entities: tuple[str, ...] = (), wire: str | None = None) -> StoredDocument:
    return StoredDocument(did, publisher, None, language, "2024-03", sketch or (hash(did) & 0xFFFF,), entities, wire)


def claim(cid: str, document: str, item: str = "Leopard 2A6", system_id: str | None = "leopard-2a6",
          supplier: str | None = "DEU", recipient: str | None = "UKR", stage: Stage = Stage.DELIVERED,
          status: Status = Status.ASSERTED, attributed: tuple[str, ...] = (), quantity: float | None = None,
          category: str = "armoured_vehicle", when: str | None = None, denied_by: tuple[str, ...] = (),
          denial: str | None = None) -> StoredClaim:
    q = Quantity(quantity) if quantity is not None else None
    return StoredClaim(cid, document, supplier, recipient, item, category, system_id, q, stage, status, when,
                       attributed, f"evidence of {cid}", "2024-03", "en", denied_by, denial)
