"""Storing costs, measured against extraction alone in the same run, on SQLite and on PostgreSQL; then the
`transfers` query on a store of 100,000 claims. A report, not a test: exits 0 on FAIL.

    python benchmarks/ingest_speed.py [--n 1000] [--claims 100000] [--postgres postgresql://postgres@127.0.0.1/test]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from corpus import generate
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from armstrack import EXTRACTOR_VERSION
from armstrack.app import Armstrack, IngestReport
from armstrack.extract.document import Extractor
from armstrack.model import Claim, Document, Extraction, Quantity, Stage, Status
from armstrack.store import queries
from armstrack.store.db import get_engine, unit_of_work
from armstrack.store.queries import TransferFilter

MAX_STORE_OVERHEAD = 0.20
MAX_QUERY_MS = 200.0
console = Console(highlight=False)


@contextmanager
def postgres_schema(base: str) -> Iterator[str]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    try:
        yield url
    finally:
        get_engine(url).dispose()
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def extract_only(docs: list[Document]) -> float:
    extractor = Extractor()
    return timed(lambda: [extractor.extract(d) for d in docs])


def ingest(url: str, docs: list[Document], label: str) -> tuple[float, IngestReport]:
    app = Armstrack(url)
    _ = app.engine  # open and migrate outside the timing, as a long-running ingest would have
    with Progress(TextColumn(f"{label:<18}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console) as bar:
        task = bar.add_task(label, total=len(docs))
        start = time.perf_counter()
        report = app.ingest(iter(docs), Extractor(), batch_size=100,
                            progress=lambda r: bar.update(task, completed=r.documents + r.unchanged))
        return time.perf_counter() - start, report


PARTIES = ["USA", "RUS", "CHN", "FRA", "DEU", "GBR", "ITA", "ISR", "TUR", "KOR", "IRN", "PRK", "UKR", "POL", "IND",
           "SAU", "ARE", "EGY", "QAT", "PAK", "IDN", "BRA", "JPN", "AUS", "ESP", "NLD", "SWE", "NOR", "GRC", "DZA"]
STAGES = list(Stage)
STATUSES = [Status.ASSERTED] * 6 + [Status.REPORTED] * 3 + [Status.UNCONFIRMED, Status.DENIED]
PUBLISHERS = ["reuters", "ap", "afp", "bbc", "guardian", "tass", "ria", "kyiv-independent", None, "Local Paper"]


def synthetic_store(url: str, n_claims: int, seed: int = 11) -> float:
    """Fill a store with `n_claims` claims over realistic pairs, systems and outlets; return the refresh time."""
    app = Armstrack(url)
    rng = random.Random(seed)
    systems = sorted(app.kb.systems.values(), key=lambda s: (s.category, s.id))
    rng.shuffle(systems)
    per_doc = 4
    items: list[tuple[Extraction, queries.Prints]] = []
    with Progress(TextColumn("synthetic claims  "), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console) as bar:
        task = bar.add_task("", total=n_claims)
        for d in range(n_claims // per_doc):
            claims = []
            for k in range(per_doc):
                s = systems[int(rng.paretovariate(0.8) * 7) % len(systems)]  # a few systems dominate
                supplier, recipient = rng.sample(PARTIES[:12] if k % 2 else PARTIES, 2)
                claims.append(Claim(supplier, recipient, s.name, s.category, [s.name],
                                    Quantity(rng.randint(1, 200)) if rng.random() < 0.4 else None,
                                    rng.choice(STAGES), rng.choice(STATUSES), f"20{rng.randint(15, 25)}",
                                    [], [(0, 10)], system_id=s.id))
            text = f"synthetic report {d} " + " ".join(c.item for c in claims)
            published = f"20{rng.randint(15, 25)}-0{rng.randint(1, 9)}"
            doc = Document(text, f"bench-{d:06d}", language="en", published=published,
                           source_name=rng.choice(PUBLISHERS))
            ext = Extraction(doc, "en", claims)
            items.append((ext, app.prints(ext)))
            if len(items) == 500:
                with unit_of_work(app.engine) as conn:
                    queries.save_extractions(conn, items, EXTRACTOR_VERSION)
                bar.advance(task, per_doc * len(items))
                items = []
        if items:
            with unit_of_work(app.engine) as conn:
                queries.save_extractions(conn, items, EXTRACTOR_VERSION)
            bar.advance(task, per_doc * len(items))
    return timed(app.refresh)


def query_ms(url: str, f: TransferFilter, repeat: int = 7) -> tuple[float, int]:
    app = Armstrack(url)
    rows = app.transfers(f)  # warm
    times = [timed(lambda: app.transfers(f)) * 1000 for _ in range(repeat)]
    return statistics.median(times), len(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000, help="articles to ingest")
    ap.add_argument("--claims", type=int, default=100_000, help="claims in the query store")
    ap.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = ap.parse_args()
    console.rule("armstrack ingest and query speed")
    docs = generate(args.n)
    Extractor().extract(docs[0])  # load the KB, automaton and models outside every timing
    base = extract_only(docs)
    console.print(f"extraction alone: {args.n} articles in {base:.2f} s ({args.n / base:.0f} articles/s)")
    results = []
    with tempfile.TemporaryDirectory() as tmp, postgres_schema(args.postgres) as pg:
        for label, url in (("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}"), ("PostgreSQL", pg)):
            seconds, report = ingest(url, docs, f"ingest {label}")
            overhead = seconds / base - 1
            results.append((f"storing adds {overhead:+.0%} to extraction ({label})", overhead <= MAX_STORE_OVERHEAD))
            console.print(f"ingest into {label}: {seconds:.2f} s ({args.n / seconds:.0f} articles/s), "
                          f"{report.claims} claims, {report.transfers_touched} transfers; overhead {overhead:+.1%}")
    with tempfile.TemporaryDirectory() as tmp, postgres_schema(args.postgres) as pg:
        for label, url in (("SQLite", f"sqlite:///{Path(tmp) / 'query.db'}"), ("PostgreSQL", pg)):
            refresh = synthetic_store(url, args.claims)
            console.print(f"{label}: {args.claims:,} claims stored; transfers built in {refresh:.1f} s")
            for what, f in (("first page (50)", TransferFilter(limit=50)),
                            ("--supplier IRN --recipient RUS", TransferFilter(supplier="IRN", recipient="RUS")),
                            ("--min-grade B2 --since 2022", TransferFilter(min_grade="B2", since="2022")),
                            ("--item Leopard (substring)", TransferFilter(item="leopard")),
                            ("--category aircraft --stage delivered", TransferFilter(category="aircraft",
                                                                                     stage="delivered")),
                            ("everything, unpaged", TransferFilter())):
                ms, n = query_ms(url, f)
                console.print(f"  transfers {what:<32} {ms:7.1f} ms  ({n} transfers)")
                if what != "everything, unpaged":
                    results.append((f"transfers {what} {ms:.0f} ms < {MAX_QUERY_MS:.0f} ms ({label})",
                                    ms < MAX_QUERY_MS))
    console.rule("bars")
    for text, ok in results:
        console.print(f"{'PASS' if ok else 'FAIL'}  {text}")
    console.print(f"overall: {'PASS' if all(ok for _, ok in results) else 'FAIL'}")


if __name__ == "__main__":
    main()
