"""The same per-document extractor mapped over partitions of documents on a Dask (distributed) cluster.

Extraction (with the text prints origin detection keeps) runs on the workers; the process that reads the inputs
stores the outcomes as they come back, through the same batched, idempotent write as a single-process ingest.
A lost worker's partitions are recomputed by Dask, and since a document is stored by id, a partition computed
twice is stored once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from distributed import Client, Future, LocalCluster, as_completed

from armstrack import EXTRACTOR_VERSION
from armstrack.errors import ScaleError
from armstrack.extract.document import Extractor
from armstrack.model import Document, ReadFailure
from armstrack.scale.local import Outcomes, prepare_each
from armstrack.settings import load_settings

LEXICONS = Path(__file__).parent.parent / "lexicons"


def resources_fingerprint() -> str:
    """A digest of what decides this process's extraction: extractor version, KB and lexicon files."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for root in (load_settings().kb_dir, LEXICONS):
        for f in sorted(p for p in Path(root).rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml", ".tsv")):
            h.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


class DaskRunner:
    """Partitions extracted on a Dask cluster, at most `in_flight` at a time (so memory stays flat however
    long the input), outcomes yielded in completion order."""

    def __init__(self, client: Client, in_flight: int | None = None) -> None:
        self.client = client
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        self.in_flight = in_flight or 2 * max(threads, 1) + 1  # one queued per worker while the client writes

    def check_workers(self) -> None:
        """Refuse a cluster whose workers run another extractor version, KB or lexicons than this process:
        their claims would differ from a single-process run."""
        mine = resources_fingerprint()
        for worker, theirs in sorted(self.client.run(resources_fingerprint).items()):
            if theirs != mine:
                raise ScaleError(f"worker {worker} has another extractor version, KB or lexicons ({theirs}) "
                                 f"than this process ({mine}): install the same armstrack and KB everywhere")

    def extract(self, extractor: Extractor, partitions: Iterable[list[Document]]) -> Iterator[Outcomes]:
        todo = iter(partitions)
        running: dict[Future, list[Document]] = {}
        done = as_completed()

        def submit() -> None:
            part = next(todo, None)
            if part is not None:
                future = self.client.submit(prepare_each, extractor, part, pure=False)
                running[future] = part
                done.add(future)

        for _ in range(self.in_flight):
            submit()
        for future in done:
            part = running.pop(future)
            try:
                outcomes: Outcomes = future.result()
            except Exception as e:  # the partition killed its workers too often (KilledWorker) or failed whole
                outcomes = [ReadFailure(d.origin or d.id, f"{d.origin or d.id}: extraction failed on the cluster "
                                                          f"({e.__class__.__name__}: {e})") for d in part]
            future.release()
            submit()
            yield outcomes


@contextmanager
def dask_runner(workers: int | None = None, scheduler: str | None = None) -> Iterator[DaskRunner]:
    """A runner on a new local cluster of `workers` single-threaded processes, or on the existing cluster
    whose scheduler listens at `scheduler` (tcp://host:8786); closed on exit."""
    cluster: LocalCluster | None = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=":0")  # any free port: never clash with another cluster
            client = Client(cluster)
    except (OSError, TimeoutError) as e:
        if cluster:
            cluster.close()
        where = f"the Dask scheduler at {scheduler}" if scheduler else f"a local cluster of {workers} workers"
        raise ScaleError(f"cannot reach {where} ({e.__class__.__name__}: {e})") from e
    try:
        runner = DaskRunner(client)
        runner.check_workers()
        yield runner
    finally:
        client.close()
        if cluster:
            cluster.close()
