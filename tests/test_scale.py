"""Scale-out: the same extractor mapped over partitions on a Dask cluster stores the same rows as one process, on
SQLite and on PostgreSQL; a document whose extraction raises is a failure; a worker killed mid-run loses nothing
and stores nothing twice."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cloudpickle
import pytest
from distributed import Client
from sqlalchemy import func, select
from typer.testing import CliRunner, Result

from armstrack.app import Armstrack, IngestReport
from armstrack.cli import app as cli
from armstrack.extract.document import Extractor
from armstrack.model import Document
from armstrack.scale.dask import DaskRunner, dask_runner
from armstrack.sources.files import read_inputs
from armstrack.store.db import get_engine
from armstrack.store.schema import documents
from store_fixtures import postgres_url, snapshot
from test_origins_languages import IRAN, NORTH_KOREA, origins_of

CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "iris_t.jsonl"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ORIGIN_CORPORA = [str(CORPUS.parent.parent / "origins" / n) for n in ("north_korea_shells.jsonl",
                                                                      "iran_drones_multilingual.jsonl")]
INPUTS = [str(EXAMPLES), str(CORPUS), str(CORPUS.with_name("iran_russia.jsonl")),
          str(CORPUS.with_name("armed_groups.jsonl")), *ORIGIN_CORPORA]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A local cluster of two worker processes, started as `armstrack ingest --workers 2` starts it."""
    with dask_runner(workers=2) as runner:
        yield runner.client


def ingest(url: str, runner: DaskRunner | None = None, **kw: Any) -> IngestReport:
    return Armstrack(url).ingest(read_inputs(INPUTS), Extractor(), batch_size=3, runner=runner, **kw)


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Any, ...]]]:
    """The SQLite rows of a single-process ingest of the bundled examples and test corpora."""
    url = f"sqlite:///{tmp_path_factory.mktemp('single') / 'single.db'}"
    report = ingest(url)
    assert report.claims > 20 and not report.failures
    return snapshot(url)


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_cli_on_a_dask_cluster_stores_what_one_process_stores(client: Client, tmp_path: Path,
                                                              one_process: dict[str, Any]) -> None:
    url = str(tmp_path / "dask.db")
    result = run("ingest", "--db", url, "--batch", "3", "--scheduler", client.scheduler.address, *INPUTS)
    assert f"Dask dashboard: {client.dashboard_link}" in result.stderr
    rows = snapshot(f"sqlite:///{url}")
    assert rows["claims"] and rows["transfers"]
    assert rows == one_process


def test_independent_origins_from_a_dask_cluster_are_those_of_one_process(client: Client, tmp_path: Path) -> None:
    """Reports and origins of the two origin corpora, counted exactly, whichever runs the extraction."""
    app = Armstrack(str(tmp_path / "origins.db"))
    app.ingest(read_inputs(ORIGIN_CORPORA), Extractor(), batch_size=2, runner=DaskRunner(client))
    shells = origins_of(app, "PRK", "RUS")
    assert {k: v for k, v in shells.items() if k in NORTH_KOREA} == NORTH_KOREA
    assert origins_of(app, "IRN", "RUS") == IRAN


def test_dask_on_postgresql_stores_what_one_process_stores(client: Client) -> None:
    schemas = [postgres_url(), postgres_url()]
    single, dask = (next(s) for s in schemas)
    try:
        ingest(single)
        report = ingest(dask, DaskRunner(client))
        assert not report.failures and snapshot(dask)["claims"]
        assert snapshot(single) == snapshot(dask)
    finally:
        for s in schemas:
            next(s, None)  # drops the schema


def test_workers_and_scheduler_exclude_each_other() -> None:
    result = CliRunner().invoke(cli, ["ingest", "--workers", "2", "--scheduler", "tcp://127.0.0.1:1", str(CORPUS)])
    assert result.exit_code == 2 and "give one of them" in result.stderr


class _Faulty(Extractor):
    """An extractor with a bug that shows on one document only."""

    def extract(self, doc: Document) -> Any:
        if doc.id == "translation-de":
            raise ValueError("boom")
        return super().extract(doc)


def test_a_document_whose_extraction_raises_on_a_worker_is_a_failure(client: Client, tmp_path: Path) -> None:
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module
    try:
        report = Armstrack(str(tmp_path / "x.db")).ingest(read_inputs([str(CORPUS)]), _Faulty(), batch_size=3,
                                                          runner=DaskRunner(client))
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert report.documents == 7
    assert [f.reason for f in report.failures] == [f"{CORPUS}:5: extraction failed (ValueError: boom)"]


def test_killing_a_worker_mid_run_still_stores_every_document_once(client: Client, tmp_path: Path,
                                                                   one_process: dict[str, Any]) -> None:
    """Runs last: the nanny restarts the killed worker, but the module's cluster is not needed after it."""
    victim = max(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_after_the_first_partition(r: IngestReport) -> None:
        if r.documents and not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    url = f"sqlite:///{tmp_path / 'killed.db'}"
    report = ingest(url, DaskRunner(client), progress=kill_after_the_first_partition)
    ids = {d.id for d in read_inputs(INPUTS) if isinstance(d, Document)}
    assert killed and not report.failures
    assert report.documents == len(ids)
    with get_engine(url).connect() as conn:
        assert conn.execute(select(func.count()).select_from(documents)).scalar() == len(ids)
    assert snapshot(url) == one_process
