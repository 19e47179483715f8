"""Rebuilding transfers: the time to rebuild a store's largest (supplier, recipient) pair, and every pair, as a
refresh does it (load, build, write). A report, not a test.

    python benchmarks/rebuild.py --db sqlite:///store.db [--repeat 3] [--full] [--profile out.prof]
    python benchmarks/rebuild.py --concurrency [--repeat 3]

--concurrency builds the store tests/test_concurrency.py ingests (608 documents, ~950 claims; its IRIS-T reports make
the largest pair) once, in the temp directory, and uses it again on later runs (delete it after an extractor change).
--full also rebuilds every pair of the store, once, and says how long the store's write lock was held meanwhile (what
an ingest running at the same time waits). The store's transfers are rebuilt in place (the same claims give the same
rows).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from sqlalchemy import Engine, event, func, select

from armstrack.app import Armstrack
from armstrack.extract.document import Extractor
from armstrack.sources.files import read_inputs
from armstrack.store import queries
from armstrack.store.db import unit_of_work
from armstrack.store.schema import claims

ROOT = Path(__file__).resolve().parents[1]
console = Console(highlight=False, soft_wrap=True)


def concurrency_store() -> str:
    """A SQLite store of test_concurrency's corpus, ingested once and kept."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_concurrency import interleaved_corpus  # the test's own corpus, not a copy of it

    path = Path(tempfile.gettempdir()) / "armstrack-rebuild-concurrency.db"
    url = f"sqlite:///{path}"
    if not path.exists():
        with tempfile.TemporaryDirectory() as tmp, console.status("ingesting test_concurrency's corpus"):
            corpus = Path(tmp) / "corpus.jsonl"
            corpus.write_text("\n".join(interleaved_corpus()) + "\n", encoding="utf-8")
            Armstrack(url).ingest(read_inputs([str(corpus)]), Extractor(), batch_size=8)
    return url


def pairs_by_size(app: Armstrack) -> list[tuple[int, tuple[str, str]]]:
    """(claims, pair) for every pair of the store, the largest first (a pair names no party as "")."""
    q = select(func.count(), claims.c.supplier, claims.c.recipient).group_by(claims.c.supplier, claims.c.recipient)
    sizes: Counter[tuple[str, str]] = Counter()
    with unit_of_work(app.engine) as conn:
        for n, s, r in conn.execute(q):
            sizes[s or "", r or ""] += n
    return sorted(((n, pair) for pair, n in sizes.items()), reverse=True)


def rebuild(app: Armstrack, pairs: set[tuple[str, str]], held: list[float] | None = None) -> tuple[float, float]:
    """Seconds to rebuild these pairs' transfers, as the refresh after an ingest does, and the CPU seconds this
    process spent on it (the figure other processes on the same cores disturb least); `held` (write_locks) gets the
    refresh's own write locks only."""
    with unit_of_work(app.engine, write=True) as conn:
        queries.mark_stale(conn, pairs)
    if held is not None:
        held.clear()
    start, cpu = time.perf_counter(), time.process_time()
    app.refresh()
    return time.perf_counter() - start, time.process_time() - cpu


def write_locks(engine: Engine) -> list[float]:
    """A list that gets, as each transaction holding the store's write lock (lock_writers) ends, how long it held it."""
    held: list[float] = []
    since: dict[int, float] = {}

    @event.listens_for(engine, "before_cursor_execute")
    def taken(conn: object, cursor: object, statement: str, *_: object) -> None:
        if statement.startswith("BEGIN IMMEDIATE") or "pg_advisory_xact_lock" in statement:
            since[id(conn)] = time.perf_counter()

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def released(conn: object) -> None:
        if (start := since.pop(id(conn), None)) is not None:
            held.append(time.perf_counter() - start)

    return held


def profiled(fn: Callable[[], tuple[float, float]], out: Path | None) -> tuple[float, float]:
    if out is None:
        return fn()
    profile = cProfile.Profile()
    seconds = profile.runcall(fn)
    profile.dump_stats(str(out))
    console.print(f"  profile written to {out} (`python -m pstats {out}`)")
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="store URL to rebuild")
    ap.add_argument("--concurrency", action="store_true", help="build test_concurrency's store and use it")
    ap.add_argument("--repeat", type=int, default=3, help="rebuilds of the largest pair (the median is printed)")
    ap.add_argument("--full", action="store_true", help="also rebuild every pair once")
    ap.add_argument("--profile", type=Path, help="cProfile the last rebuild of the largest pair into this file")
    args = ap.parse_args()
    if not (args.db or args.concurrency):
        ap.error("give --db URL or --concurrency")
    url = concurrency_store() if args.concurrency else args.db
    app = Armstrack(url)
    _ = app.engine, app.registry  # open, migrate and load the KB outside the timing
    app.refresh()  # whatever a migration marked stale, outside the timing
    sizes = pairs_by_size(app)
    n, largest = sizes[0]
    console.print(f"{url}: {sum(s for s, _ in sizes):,} claims in {len(sizes):,} pairs; {os.cpu_count()} cores, "
                  f"load average {os.getloadavg()[0]:.1f}")
    times = [rebuild(app, {largest}) for _ in range(max(0, args.repeat - 1))]
    times.append(profiled(lambda: rebuild(app, {largest}), args.profile))
    console.print(f"largest pair {largest[0] or '?'}→{largest[1] or '?'} ({n:,} claims): rebuilt in "
                  f"{statistics.median(t for t, _ in times):.3f} s, CPU {statistics.median(c for _, c in times):.3f} s "
                  f"(medians of {len(times)}: {', '.join(f'{t:.3f}' for t, _ in times)} s)")
    if args.full:
        held = write_locks(app.engine)
        seconds, cpu = rebuild(app, {p for _, p in sizes}, held)
        console.print(f"every pair ({len(sizes):,}): rebuilt in {seconds:.1f} s, CPU {cpu:.1f} s; the write lock held "
                      f"{len(held)} times, {sum(held):.1f} s in all, the longest {max(held, default=0):.2f} s")
    console.print(f"load average {os.getloadavg()[0]:.1f} after")


if __name__ == "__main__":
    main()
