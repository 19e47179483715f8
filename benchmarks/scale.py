"""Scale-out: ingest a Parquet corpus of realistic articles (benchmarks/corpus.py) on a local Dask cluster of 1
and then 2 workers in the same run; throughput, scaling factor, peak memory per worker, and the time to back-fill
1,000,000 articles projected from the faster run (extraction and storing; rebuilding transfers is printed
apart). A report, not a test: exits 0 on FAIL.

    python benchmarks/scale.py [--n 100000] [--corpus corpus.parquet] [--workers 1,2] [--batch 100]

The corpus is generated once and cached (`--corpus`, default a file named after n and seed in the temp
directory). Model loading on the workers happens before the clock starts; reading the Parquet file, storing
(SQLite) and rebuilding transfers are inside it.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from corpus import generate
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from armstrack.app import Armstrack, IngestReport
from armstrack.extract.document import Extractor
from armstrack.model import Document
from armstrack.scale.dask import dask_runner
from armstrack.sources.files import read_inputs

MIN_SCALING = 1.7
MAX_WORKER_GB = 1.5
BACKFILL = 1_000_000
console = Console(highlight=False)


def write_corpus(path: Path, n: int, seed: int) -> None:
    """`n` generated articles as Parquet (text plus id, published, language), written beside and renamed."""
    tmp = path.with_suffix(".partial")
    schema = pa.schema([("id", pa.string()), ("published", pa.string()), ("language", pa.string()),
                        ("text", pa.string())])
    with console.status(f"generating {n:,} articles → {path}"):
        docs = generate(n, seed)
        with pq.ParquetWriter(tmp, schema) as writer:
            for i in range(0, n, 10_000):
                chunk = docs[i:i + 10_000]
                writer.write_table(pa.table({"id": [d.id for d in chunk], "published": [d.published for d in chunk],
                                             "language": [d.language for d in chunk],
                                             "text": [d.text for d in chunk]}, schema=schema))
    tmp.rename(path)


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB: VmHWM, the high-water mark of its own memory since exec
    (ru_maxrss would carry over the RSS of the process that forked it: the client, for a Dask worker)."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    return time.process_time()


def run(corpus: Path, n: int, workers: int, batch: int, tmp: Path) -> tuple[float, float, IngestReport, list[float],
                                                                             float]:
    """Seconds to extract and store the corpus on `workers` workers, seconds in all (rebuilding transfers follows,
    in this process alone), the report, each worker's peak RSS in MB, and the CPU seconds the workers
    and this process spent (their ratio to the wall time is the number of cores the run got)."""
    app = Armstrack(f"sqlite:///{tmp / f'scale-{workers}.db'}")
    _ = app.engine, app.registry  # open, migrate and load the KB outside the timing
    sample = Document("Germany delivered 18 Leopard 2A6 tanks to Ukraine.", "warm-up", language="en")
    with dask_runner(workers=workers) as runner:
        runner.client.run(lambda: [Extractor().extract(sample), Extractor().extract(Document(
            "La France aurait livré des canons Caesar à l'Ukraine.", "warm-up-fr", language="fr"))])
        with Progress(TextColumn(f"{workers} worker{'s' if workers > 1 else ' '}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]:.0f} docs/s"), TimeElapsedColumn(), TimeRemainingColumn(),
                      console=console) as bar:
            task = bar.add_task("", total=n, rate=0.0)
            cpu = sum(runner.client.run(cpu_seconds).values()) + cpu_seconds()
            start = time.perf_counter()
            stored = [0.0]  # when the last partition was stored; `refresh` (rebuilding transfers) follows

            def show(r: IngestReport) -> None:
                now = time.perf_counter()
                bar.update(task, completed=r.done, rate=r.done / max(now - start, 1e-6))
                if r.done >= n and not stored[0]:
                    stored[0] = now - start

            report = app.ingest(read_inputs([str(corpus)]), Extractor(), batch_size=batch, progress=show,
                                runner=runner)
            seconds = time.perf_counter() - start
            cpu = sum(runner.client.run(cpu_seconds).values()) + cpu_seconds() - cpu
        rss = runner.client.run(peak_rss_mb)
    console.print(f"  extraction and storing {stored[0]:.1f} s, then rebuilding transfers {seconds - stored[0]:.1f} s")
    return stored[0] or seconds, seconds, report, [rss[w] for w in sorted(rss)], cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000, help="articles in the corpus")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus", type=Path, help="Parquet corpus to use, generated there if missing")
    ap.add_argument("--workers", default="1,2", help="worker counts to compare, the first is the baseline")
    ap.add_argument("--batch", type=int, default=100, help="documents per partition and transaction")
    args = ap.parse_args()
    corpus = args.corpus or Path(tempfile.gettempdir()) / f"armstrack-scale-{args.n}-{args.seed}.parquet"
    console.rule("armstrack scale-out (Dask LocalCluster, SQLite store)")
    if not corpus.exists():
        write_corpus(corpus, args.n, args.seed)
    n = pq.ParquetFile(corpus).metadata.num_rows
    console.print(f"corpus: {corpus} ({n:,} articles, {corpus.stat().st_size / 1e6:.0f} MB); "
                  f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before the runs")
    rates: dict[int, float] = {}
    peaks: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for w in (int(x) for x in args.workers.split(",")):
            seconds, total, report, rss, cpu = run(corpus, n, w, args.batch, Path(tmp))
            rates[w], peaks[w] = n / seconds, max(rss)
            console.print(f"{w} worker{'s' if w > 1 else ''}: {n:,} articles extracted and stored in {seconds:.1f} s "
                          f"= {rates[w]:.1f} articles/s; {report.documents:,} stored, {report.claims:,} claims, "
                          f"{report.transfers_touched:,} transfers, {len(report.failures)} failures; peak RSS per "
                          f"worker {', '.join(f'{r:.0f}' for r in rss)} MB; this process {peak_rss_mb():.0f} MB so far "
                          f"(generating the corpus included); CPU {cpu:.0f} s over {total:.0f} s = "
                          f"{cpu / total:.2f} cores used")
    console.print(f"load average {os.getloadavg()[0]:.1f} after the runs (other processes share these cores)")
    console.rule("bars")
    base, top = min(rates), max(rates)
    scaling = rates[top] / rates[base]
    hours = BACKFILL / rates[top] / 3600
    console.print(f"scaling {base} → {top} workers: {scaling:.2f}×")
    console.print(f"projected back-fill of {BACKFILL:,} articles on {top} workers: {hours:.1f} h "
                  f"({BACKFILL / rates[top] / 60:.0f} min); on {base} worker: {BACKFILL / rates[base] / 3600:.1f} h")
    results = [(f"scaling {scaling:.2f}× ≥ {MIN_SCALING}× from {base} to {top} workers", scaling >= MIN_SCALING),
               *((f"peak RSS {peaks[w] / 1024:.2f} GB ≤ {MAX_WORKER_GB} GB per worker ({w} workers)",
                  peaks[w] / 1024 <= MAX_WORKER_GB) for w in sorted(peaks))]
    for text, ok in results:
        console.print(f"{'PASS' if ok else 'FAIL'}  {text}")
    console.print(f"overall: {'PASS' if all(ok for _, ok in results) else 'FAIL'}")


if __name__ == "__main__":
    main()
