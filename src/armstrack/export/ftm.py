"""FollowTheMoney entities as JSON lines, on a model that adds armstrack's ArmsTransfer and ArmsTransferClaim
schemata (ftm_schema/armstrack.yaml) to the base schemata they extend. Parties are FtM's own schemata: a state
is a PublicBody (its government, with its `country` and `jurisdiction`), a non-state actor an Organization; each
party is written once, before the first entity that refers to it. A claim refers to its transfer by the
transfer's entity id, so a claims export and a transfers export of the same database together resolve every
reference.

followthemoney reads its model from the folder FTM_MODEL_PATH names, so its own tools read the export with
`FTM_MODEL_PATH=<model_path()> ftm validate -i transfers.ftm.json` (the README has the one-liner)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from followthemoney import EntityProxy, Model, registry

from armstrack.export.base import ExportContext, Row, grade_words, text_stream

SCHEMA_DIR = Path(__file__).parent / "ftm_schema"
PREFIX = "armstrack"


def model_path() -> Path:
    """The folder of followthemoney's base schemata plus armstrack's: the FTM_MODEL_PATH that reads an export."""
    return SCHEMA_DIR


@lru_cache(maxsize=1)
def ftm_model() -> Model:
    """followthemoney's model of the base schemata plus armstrack's, loaded once."""
    return Model(str(SCHEMA_DIR))


def entity_id(kind: str, key: str) -> str:
    """A readable, deterministic FtM id: armstrack-transfer-336cccdd8cc5aa90, armstrack-party-org-hezbollah."""
    return f"{PREFIX}-{kind}-" + re.sub(r"[^0-9a-z]+", "-", key.lower()).strip("-")


class FtmWriter:
    def __init__(self, out: IO[bytes], ctx: ExportContext) -> None:
        self.ctx = ctx
        self.model = ftm_model()
        self.text = text_stream(out)
        self.parties: set[str] = set()
        self.n = 0

    def write(self, row: Row) -> None:
        for code in (row["supplier"], row["recipient"]):
            if code and code not in self.parties:
                self.parties.add(code)
                self._emit(self.party(code))
        self._emit(self.claim(row) if self.ctx.what == "claims" else self.transfer(row))
        self.n += 1

    def finalize(self) -> int:
        self.text.flush()
        self.text.detach()
        return self.n

    def _emit(self, entity: EntityProxy) -> None:
        self.text.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")

    def _entity(self, schema: str, eid: str, values: dict[str, Any]) -> EntityProxy:
        entity = EntityProxy(self.model[schema], {"id": eid})
        for prop, value in values.items():
            for v in (value if isinstance(value, list | tuple) else [value]):
                if v is not None and v != "":
                    entity.add(prop, str(v))
        return entity

    def party(self, code: str) -> EntityProxy:
        """A state as a PublicBody (its government, with its ISO code), a non-state actor as an Organization."""
        party = self.ctx.parties.get(code)
        name = self.ctx.party_name(code)
        aliases = sorted({n for names in (party.names.values() if party else ()) for n in names} - {name})
        values: dict[str, Any] = {"name": name, "alias": aliases, "sourceUrl": party.source if party else None}
        if code.startswith("ORG:"):
            return self._entity("Organization", entity_id("party", code), values)
        iso2 = registry.country.clean(code)
        return self._entity("PublicBody", entity_id("party", code),
                            values | {"country": iso2, "jurisdiction": iso2})

    def _parties(self, row: Row) -> dict[str, Any]:
        return {"supplier": _ref("party", row["supplier"]), "recipient": _ref("party", row["recipient"]),
                "supplierCountry": _country(row["supplier"]), "recipientCountry": _country(row["recipient"])}

    def transfer(self, row: Row) -> EntityProxy:
        quantity = row["quantity_min"], row["quantity_max"]
        return self._entity("ArmsTransfer", entity_id("transfer", row["id"]), self._parties(row) | {
            "recordId": row["id"], "item": row["item"], "itemVariant": row["items"], "category": row["category"],
            "stage": row["stage"], "stageEvent": [f"{e['stage']} {e['when'] or '?'}" for e in row["timeline"]],
            "quantityMin": quantity[0], "quantityMax": quantity[1], "startDate": row["first_reported"],
            "endDate": row["last_reported"], "reports": row["reports"],
            "independentOrigins": row["independent_origins"], "origin": [o["label"] for o in row["origins"]],
            "reliability": row["reliability"], "credibility": row["credibility"], "grade": row["grade"],
            "probability": row["probability"],
            "explanation": "\n".join([f"grade {grade_words(row)}", *row["explanation"]]),
            "rejected": "rejected" if row["rejected"] else None,
            "summary": f"{row['supplier'] or '?'} → {row['recipient'] or '?'}: {row['item']}, {row['stage']} "
                       f"(grade {grade_words(row)})",
        })

    def claim(self, row: Row) -> EntityProxy:
        return self._entity("ArmsTransferClaim", entity_id("claim", row["id"]), self._parties(row) | {
            "recordId": row["id"], "transfer": entity_id("transfer", row["transfer_id"]), "item": row["item"],
            "itemMention": row["item_mentions"], "category": row["category"], "quantity": row["quantity_value"],
            "quantityMax": row["quantity_max"], "quantityQualifier": row["quantity_qualifier"],
            "stage": row["stage"], "status": row["status"], "period": row["period"], "date": row["published"],
            "attributedTo": row["attributed_to"], "evidence": row["evidence"], "route": row["route"],
            "carrier": row["carrier"], "confidence": row["confidence"], "documentId": row["document_id"],
            "sourceUrl": row["url"], "publisher": row["source_name"] or row["publisher"],
            "language": row["language"],
        })


def _ref(kind: str, code: str | None) -> str | None:
    return entity_id(kind, code) if code else None


def _country(code: str | None) -> str | None:
    return registry.country.clean(code) if code and not code.startswith("ORG:") else None


def references(entity: dict[str, Any], model: Model) -> Iterable[str]:
    """The entity ids an entity (as written) refers to."""
    schema = model[entity["schema"]]
    for prop, values in entity["properties"].items():
        if schema.properties[prop].type == registry.entity:
            yield from values
