"""The one application object behind the CLI (and later the API): settings, knowledge base and store.

Ingest runs sources → extraction → store in batches, one transaction each, so a crash or Ctrl-C loses at
most the batch in flight; transfers of the (supplier, recipient) pairs a batch touched are marked stale in
that same transaction and rebuilt by `refresh`, which every run ends with and which a re-run completes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import Engine

from armstrack import EXTRACTOR_VERSION
from armstrack.errors import ArmstrackError
from armstrack.export.base import ExportContext, What, Writer
from armstrack.extract.document import Extractor
from armstrack.kb.loader import KnowledgeBase, Party, get_kb
from armstrack.model import Document, Extraction
from armstrack.settings import Settings, load_settings
from armstrack.sources.files import ReadFailure
from armstrack.store import queries
from armstrack.store.db import get_engine, unit_of_work
from armstrack.transfers.merge import ACTIONS, build_transfers
from armstrack.transfers.origins import Registry, build_registry, entity_print, sketch, wire_credit

REFRESH_PAIRS = 200  # (supplier, recipient) pairs rebuilt per transaction


@dataclass
class IngestReport:
    documents: int = 0  # read and stored (new or re-extracted)
    unchanged: int = 0  # already stored with the same text and extractor version
    claims: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    transfers_touched: int = 0


Progress = Callable[[IngestReport], None]


class Armstrack:
    """Settings, knowledge base and store, opened lazily; every interface is built on one of these."""

    def __init__(self, db_url: str | None = None, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.db_url = db_url or self.settings.db_url

    @cached_property
    def engine(self) -> Engine:
        return get_engine(self.db_url)

    @cached_property
    def kb(self) -> KnowledgeBase:
        return get_kb(str(self.settings.kb_dir))

    @cached_property
    def registry(self) -> Registry:
        return build_registry(self.kb)

    def prints(self, e: Extraction) -> queries.Prints:
        """Publisher and text prints; texts with no claim never join an origin, so they get none."""
        d = e.document
        source = self.registry.find(d.source_name, d.url)
        publisher = source.id if source else d.source_name
        if not e.claims:
            return queries.Prints(publisher, (), (), None)
        return queries.Prints(publisher, sketch(d.text), entity_print(d.text, e.names),
                              wire_credit(d.text, self.registry))

    def ingest(self, inputs: Iterable[Document | ReadFailure], extractor: Extractor, reextract: bool = False,
               batch_size: int = 100, progress: Progress | None = None) -> IngestReport:
        """Extract and store every input; idempotent; bad inputs are recorded in the report, never fatal."""
        report = IngestReport()
        with unit_of_work(self.engine) as conn:
            queries.sync_sources(conn, self.kb)
        batch: list[Document] = []
        for item in inputs:
            if isinstance(item, ReadFailure):
                report.failures.append(item)
            else:
                batch.append(item)
            if len(batch) >= batch_size:
                self._ingest_batch(batch, extractor, reextract, report)
                batch = []
            if progress:
                progress(report)
        if batch:
            self._ingest_batch(batch, extractor, reextract, report)
        if progress:
            progress(report)
        report.transfers_touched = self.refresh()
        return report

    def _ingest_batch(self, batch: Sequence[Document], extractor: Extractor, reextract: bool,
                      report: IngestReport) -> None:
        unique = list({d.id: d for d in batch}.values())
        with unit_of_work(self.engine) as conn:
            known = queries.stored_versions(conn, [d.id for d in unique])
        todo = [d for d in unique if d.id not in known or known[d.id][0] != d.content_id(d.text)
                or (reextract and known[d.id][1] != EXTRACTOR_VERSION)]
        report.unchanged += len(batch) - len(todo)
        extractions = []
        for d in todo:
            try:
                extractions.append(extractor.extract(d))
            except Exception as e:  # an extractor bug on one document must not stop the run: report it
                report.failures.append(ReadFailure(d.origin or d.id, f"{d.origin or d.id}: extraction failed "
                                                                      f"({e.__class__.__name__}: {e})"))
        with unit_of_work(self.engine) as conn:
            report.claims += queries.save_extractions(conn, [(e, self.prints(e)) for e in extractions],
                                                      EXTRACTOR_VERSION)
        report.documents += len(extractions)

    def refresh(self) -> int:
        """Rebuild the transfers of every stale pair; returns how many transfers were rebuilt."""
        rebuilt = 0
        while True:
            with unit_of_work(self.engine) as conn:
                pending = sorted(queries.stale(conn))[:REFRESH_PAIRS]
                if not pending:
                    return rebuilt
                claims, docs, judged, scope = queries.load_scope(conn, set(pending))
                built = build_transfers(claims, docs, judged, self.kb, self.registry)
                queries.replace_transfers(conn, scope, [c.id for c in claims], built)
                rebuilt += len(built)

    def transfers(self, f: queries.TransferFilter) -> list[dict[str, Any]]:
        self.refresh()
        with unit_of_work(self.engine) as conn:
            return queries.list_transfers(conn, f)

    def transfer(self, tid: str) -> dict[str, Any]:
        self.refresh()
        with unit_of_work(self.engine) as conn:
            return queries.get_transfer(conn, tid)

    def parties(self) -> dict[str, Party]:
        """Each party code's own KB entry: the state for an ISO3 code, the actor for an ORG:Name."""
        return {p.code: p for p in self.kb.parties if p.kind in ("country", "actor")}

    def export_context(self, what: What) -> ExportContext:
        return ExportContext(what, self.parties())

    def export(self, what: What, f: queries.TransferFilter, writer: Writer) -> int:
        """Stream the transfers matching the filter, or their claims, into a writer and finalize it; returns
        the number of rows written."""
        self.refresh()
        rows = queries.iter_claims if what == "claims" else queries.iter_transfers
        n = 0
        with unit_of_work(self.engine) as conn:
            for row in rows(conn, f):
                writer.write(row)
                n += 1
        writer.finalize()
        return n

    def judge(self, action: str, tid: str, other: str | None = None, claims: Sequence[str] = (),
              author: str = "cli", reason: str = "") -> int:
        """Record an analyst's judgement on a transfer — merge `other` into it, split `claims` out of it,
        accept or reject it — and rebuild what it touches; returns the judgement id (for undo)."""
        if action not in ACTIONS:
            raise ArmstrackError(f"unknown action {action!r} (use {', '.join(ACTIONS)})")
        self.refresh()
        with unit_of_work(self.engine) as conn:
            claim_ids = queries.transfer_claims(conn, tid)
            if action == "merge":
                if not other or other == tid:
                    raise ArmstrackError("merge needs two different transfer ids")
                claim_ids += queries.transfer_claims(conn, other)
            elif action == "split":
                if not claims or set(claims) - set(claim_ids) or set(claims) == set(claim_ids):
                    raise ArmstrackError(f"split needs some, not all, of the claims of {tid}: {', '.join(claim_ids)}")
                claim_ids = sorted(claims)
            jid = queries.add_judgement(conn, action, tid, other, claim_ids, author, reason)
            queries.mark_stale(conn, queries.pairs_of_claims(conn, claim_ids))
        self.refresh()
        return jid

    def undo(self, jid: int) -> None:
        with unit_of_work(self.engine) as conn:
            claim_ids = queries.undo_judgement(conn, jid)
            queries.mark_stale(conn, queries.pairs_of_claims(conn, claim_ids))
        self.refresh()

    def judgements(self) -> list[dict[str, Any]]:
        with unit_of_work(self.engine) as conn:
            return queries.list_judgements(conn)
