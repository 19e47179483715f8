"""The web app under load: `armstrack serve --workers N` (default 2; loopback) over a store of 100,000 claims,
every route an analyst or a script uses — the API (transfers list, one transfer, claims, documents) and the pages
(transfers list, sorted too, transfer timeline, network, claims, review queue, documents list and full-text
search, document, sources, judgements) — hit by 50 concurrent
clients with varied filters for a fixed time, against the same mix at 1 client in the same run; then, with
`--soak S`, the same load for S seconds while the server's memory is sampled. A report, not a test: exits 0 on
FAIL.

    python benchmarks/serve_load.py [--claims 100000] [--clients 50] [--seconds 20] [--workers 2] [--db PATH]
                                    [--soak 600] [--postgres postgresql://postgres@127.0.0.1:5432/test]

The server runs as its own process (the load generator must not share its interpreter); each client holds one
keep-alive connection and loops, with no pause, over a mix drawn at random each round (parties, pairs, grades,
dates, free text, categories, stages, later pages; transfers and documents picked from the store), each a
bearer-token request checked for a 200 and a body of the expected kind.

Each server worker keeps the pages it served (transfer and claim pages, review pages, the drawn network and
transfers table) in memory until the store changes (app.Listings, bounded by bytes), so a query the worker has not
seen since the last change runs against the database (an index walk, a trigram lookup for text, a count that stops
at 1,000) and a repeated one does not. With random filters most filtered requests are new to the worker that gets
them. Bars: p95 ≤ 300 ms
and p99 ≤ 1 s on every route at 50 clients, no errors, and in the soak the server's memory (RSS of all its
processes) at the end within 15 % of what it was after the first minute.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import httpx
from ingest_speed import PARTIES, postgres_schema, synthetic_store
from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from armstrack.app import Armstrack
from armstrack.store.db import unit_of_work
from armstrack.store.schema import claims, documents, transfers

MAX_P95_MS = 300.0
MAX_P99_MS = 1000.0
MAX_RSS_GROWTH = 0.15
BENCH_USER, BENCH_PASSWORD = "bench-load", "bench-load-password"
console = Console(highlight=False, width=max(Console().width, 100))
CATEGORIES = ["uav", "aircraft", "air_defence", "artillery", "armoured_vehicle", "missile"]


@dataclass(frozen=True)
class Sample:
    """Transfer and document ids to ask for, drawn from the store once."""

    transfers: list[str]
    documents: list[str]


def _filters(rng: random.Random) -> dict[str, str]:
    """One to three filters of the transfers list, as a person combines them."""
    a, b = rng.sample(PARTIES, 2)
    choices = [{"supplier": a}, {"recipient": b}, {"supplier": a, "recipient": b},
               {"min_grade": rng.choice(["B2", "C3", "D4", "E5"])}, {"since": rng.choice(["2020", "2022", "2024-01"])},
               {"until": rng.choice(["2021", "2023-06"])}, {"category": rng.choice(CATEGORIES)},
               {"stage": rng.choice(["delivered", "ordered", "planned"])},
               {"q": rng.choice(["leopard", "drone", "shahed", "missile", "tank", "irn", "himars"])}]
    out: dict[str, str] = {}
    for f in rng.sample(choices, rng.randint(1, 3)):
        out.update(f)
    return out


def request_mix(rng: random.Random, sample: Sample) -> list[tuple[str, str, dict[str, str]]]:
    """One round of what readers ask: (kind, path, query parameters)."""
    tid, did = rng.choice(sample.transfers), rng.choice(sample.documents)
    return [
        ("api transfers", "/api/transfers", {}),
        ("api transfers filtered", "/api/transfers", _filters(rng)),
        ("api transfers page 2-20", "/api/transfers", {"offset": str(50 * rng.randint(1, 19))}),
        ("api transfer", f"/api/transfers/{tid}", {}),
        ("api claims", "/api/claims", {"supplier": rng.choice(PARTIES)}),
        ("api document", f"/api/documents/{did}", {}),
        ("page transfers", "/transfers", {}),
        ("page transfers filtered", "/transfers", _filters(rng)),
        ("page transfer", f"/transfers/{tid}", {}),
        ("page network", "/network", rng.choice([{}, {"category": rng.choice(CATEGORIES)},
                                                 {"since": rng.choice(["2021", "2023"])},
                                                 {"min_grade": rng.choice(["C3", "D4"])}])),
        ("page claims", "/claims", rng.choice([{}, {"q": rng.choice(["drone", "tank", "missile"])}])),
        ("page review", "/review", {"page": str(rng.randint(1, 5))}),
        ("page document", f"/documents/{did}", {}),
        ("page judgements", "/judgements", {}),
        ("page transfers sorted", "/transfers", _filters(rng) | {"sort": rng.choice(
            ["item", "-reports", "-independent_origins", "supplier", "first_reported", "-last_reported"])}),
        ("page documents", "/documents", rng.choice([{}, {"has_claims": "false"}, {"page": str(rng.randint(2, 9))},
                                                     {"q": rng.choice(["synthetic", "shahed*", '"report 12"'])}])),
        ("page sources", "/sources", {}),
    ]


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))  # kind → ms, 200s only
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    first_error: str = ""
    seconds: float = 0.0
    server_cpu: float = 0.0  # CPU seconds the server process used during the recorded run
    client_cpu: float = 0.0  # and this load generator


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """Status and body of one HTTP/1.1 response with a Content-Length (what the API and pages send)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next((int(v) for k, _, v in (line.partition(":") for line in lines[1:])
                   if k.strip().lower() == "content-length"), None)
    if length is None:
        raise ValueError("response without Content-Length")
    return int(lines[0].split()[1]), await reader.readexactly(length)


async def client_loop(base: str, token: str, sample: Sample, seed: int, deadline: float,
                      tally: Tally | None) -> None:
    """One client on its own keep-alive connection, round after round of the mix until the deadline. A few
    lines of asyncio HTTP/1.1 rather than an HTTP library: the load generator shares the machine's two cores
    with the server, and httpx spends ~5 ms of CPU per request, which would be measured as server latency."""
    rng = random.Random(seed)
    host, port = base.removeprefix("http://").split(":")
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    try:
        while time.perf_counter() < deadline:
            mix = request_mix(rng, sample)
            rng.shuffle(mix)
            for kind, path, params in mix:
                if time.perf_counter() >= deadline:
                    return
                target = path + (f"?{urlencode(params)}" if params else "")
                request = (f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                           f"Authorization: Bearer {token}\r\n\r\n").encode()
                start = time.perf_counter()
                try:
                    connection = connection or await asyncio.open_connection(host, int(port))
                    connection[1].write(request)
                    status, body = await read_response(connection[0])
                    ok = status == 200 and body.startswith(b"{" if path.startswith("/api") else b"<!doctype")
                    why = f"HTTP {status}: {body[:200]!r}"
                except (OSError, EOFError, ValueError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as e:
                    ok, why = False, f"{e.__class__.__name__}: {e}"
                    if connection:
                        connection[1].close()
                    connection = None
                ms = (time.perf_counter() - start) * 1000
                if tally is None:
                    continue
                if ok:
                    tally.latencies[kind].append(ms)
                else:
                    tally.errors[kind] += 1
                    tally.first_error = tally.first_error or f"{kind} {path} {params}: {why}"
    finally:
        if connection:
            connection[1].close()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time so far of a process and its children (server workers) (Linux /proc; 0 elsewhere)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            head, rest = stat.read_text().rsplit(")", 1)
        except OSError:
            continue
        fields = rest.split()
        if stat.parent.name == str(pid) or fields[1] == str(pid):  # fields[1] is the parent pid
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and its children (the server's workers), from /proc (0 elsewhere)."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if status.parent.name == str(pid) or fields.get("PPid", "").strip() == str(pid):
            total += int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
    return total


async def run_load(base: str, token: str, sample: Sample, clients: int, seconds: float, warmup: float,
                   server_pid: int, rss: list[tuple[float, int]] | None = None) -> Tally:
    """`clients` concurrent clients for a warm-up (not recorded), then `seconds` recorded; with `rss`, the
    server's memory is sampled every 10 s into it as (seconds since the start, bytes)."""
    if warmup > 0:
        end = time.perf_counter() + warmup
        await asyncio.gather(*(client_loop(base, token, sample, 1000 + i, end, None) for i in range(clients)))
    tally = Tally()
    server_cpu, client_cpu, start = cpu_seconds(server_pid), time.process_time(), time.perf_counter()

    async def watch_memory() -> None:
        while rss is not None and time.perf_counter() < start + seconds:
            rss.append((time.perf_counter() - start, rss_bytes(server_pid)))
            await asyncio.sleep(10)

    await asyncio.gather(watch_memory(), *(client_loop(base, token, sample, i, start + seconds, tally)
                                           for i in range(clients)))
    tally.seconds = time.perf_counter() - start
    tally.server_cpu = cpu_seconds(server_pid) - server_cpu
    tally.client_cpu = time.process_time() - client_cpu
    return tally


def percentile(sorted_ms: list[float], p: float) -> float:
    if not sorted_ms:
        return float("nan")
    return sorted_ms[min(len(sorted_ms) - 1, int(p / 100 * len(sorted_ms)))]


def summary(tally: Tally) -> dict[str, tuple[int, float, float, float, float, float, int]]:
    """kind (and "overall") → (count, req/s, p50, p95, p99, max, errors)."""
    out = {}
    kinds = sorted(set(tally.latencies) | set(tally.errors))
    for kind in [*kinds, "overall"]:
        ms = sorted(x for k in (kinds if kind == "overall" else [kind]) for x in tally.latencies[k])
        errors = sum(tally.errors.values()) if kind == "overall" else tally.errors[kind]
        out[kind] = (len(ms), (len(ms) + errors) / tally.seconds, percentile(ms, 50), percentile(ms, 95),
                     percentile(ms, 99), ms[-1] if ms else float("nan"), errors)
    return out


def print_runs(label: str, runs: dict[int, Tally]) -> None:
    table = Table(title=label, show_header=True)
    for col in ("clients", "request", "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"):
        table.add_column(col, justify="left" if col == "request" else "right")
    for clients, tally in runs.items():
        for kind, (n, rps, p50, p95, p99, mx, errors) in summary(tally).items():
            style = "bold" if kind == "overall" else None
            table.add_row(str(clients), kind, f"{n}", f"{rps:.1f}", f"{p50:.1f}", f"{p95:.1f}", f"{p99:.1f}",
                          f"{mx:.1f}", f"{errors}", style=style, end_section=kind == "overall")
    console.print(table)
    for clients, tally in runs.items():
        n = sum(len(v) for v in tally.latencies.values()) + sum(tally.errors.values())
        console.print(f"{clients:>3} client(s): server used {tally.server_cpu / tally.seconds:.0%} of a core, "
                      f"{tally.server_cpu / max(n, 1) * 1000:.1f} ms CPU per request; the load generator "
                      f"{tally.client_cpu / tally.seconds:.0%} of a core")
        if tally.first_error:
            console.print(f"first error at {clients} client(s): {tally.first_error}")


def claim_count(url: str) -> int:
    with unit_of_work(Armstrack(url).engine) as conn:
        return int(conn.execute(select(func.count()).select_from(claims)).scalar_one())


def prepare(url: str, n_claims: int) -> tuple[str, Sample]:
    """A store holding (about) `n_claims` claims and its transfers; a read-only token for it and ids to ask for."""
    have = claim_count(url)
    if have >= 0.99 * n_claims:  # a claim repeated within a synthetic document is stored once
        console.print(f"reusing {url}: {have:,} claims")
    else:
        refresh = synthetic_store(url, n_claims)
        console.print(f"{url}: {n_claims:,} claims stored; transfers built in {refresh:.1f} s")
    core = Armstrack(url)
    core.refresh()
    core.add_user(BENCH_USER, BENCH_PASSWORD, "viewer")
    with unit_of_work(core.engine) as conn:
        sample = Sample([r[0] for r in conn.execute(select(transfers.c.id).order_by(transfers.c.id).limit(500))],
                        [r[0] for r in conn.execute(select(documents.c.id).order_by(documents.c.id).limit(500))])
    return core.issue_token(BENCH_USER, "serve_load benchmark"), sample


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(url: str, workers: int = 1) -> Iterator[tuple[str, int]]:
    """`armstrack serve` on a free loopback port, in its own process; yields its base URL and pid."""
    port = free_port()
    cli = Path(sys.executable).with_name("armstrack")
    proc = subprocess.Popen([str(cli), "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port),
                             "--workers", str(workers), "--log-level", "warning"],  # no per-request lines
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"armstrack serve exited with {proc.returncode}")
            try:
                if httpx.get(f"{base}/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("armstrack serve did not answer within 60 s")
            time.sleep(0.2)
        yield base, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000, help="claims in the store")
    ap.add_argument("--clients", type=int, default=50, help="concurrent clients in the loaded run")
    ap.add_argument("--seconds", type=float, default=20.0, help="recorded duration of each run")
    ap.add_argument("--warmup", type=float, default=10.0, help="seconds of unrecorded load before each run")
    ap.add_argument("--db", help="a SQLite file (or database URL) to build, or to reuse if it holds enough claims")
    ap.add_argument("--postgres", help="also run against a fresh schema in this PostgreSQL database")
    ap.add_argument("--workers", type=int, default=2, help="server processes (armstrack serve --workers)")
    ap.add_argument("--soak", type=float, default=0.0, help="then this many seconds of load, memory sampled")
    args = ap.parse_args()
    console.rule(f"armstrack serve under load: {args.clients} clients vs 1, {args.claims:,} claims")
    console.print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (other work on the machine is "
                  "noise in these figures)")
    results = []
    with ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory())
        stores = [("SQLite", args.db or f"sqlite:///{Path(tmp) / 'serve.db'}")]
        if args.postgres:
            stores.append(("PostgreSQL", stack.enter_context(postgres_schema(args.postgres))))
        for label, url in stores:
            token, sample = prepare(url, args.claims)
            rss: list[tuple[float, int]] = []
            with server(url, args.workers) as (base, pid):
                console.print(f"{label}: armstrack serve (pid {pid}) at {base}; {args.warmup:.0f} s warm-up, then "
                              f"{args.seconds:.0f} s per run")
                runs = {n: asyncio.run(run_load(base, token, sample, n, args.seconds, args.warmup, pid))
                        for n in (1, args.clients)}
                if args.soak:
                    console.print(f"{label}: soak of {args.soak:.0f} s at {args.clients} clients")
                    runs[-args.clients] = asyncio.run(run_load(base, token, sample, args.clients, args.soak, 0, pid,
                                                               rss))
            print_runs(f"every route ({label}; clients -{args.clients}: the soak)", runs)
            loaded = summary(runs[args.clients])
            for kind, (_, _, _, p95, p99, _, _) in loaded.items():
                if kind != "overall":
                    results.append((f"{kind}: p95 {p95:.0f} ms, p99 {p99:.0f} ms at {args.clients} clients "
                                    f"({label})", p95 <= MAX_P95_MS and p99 <= MAX_P99_MS))
            errors = sum(sum(t.errors.values()) for t in runs.values())
            results.append((f"{errors} errors ({label})", errors == 0))
            if rss:
                after_minute = next((b for t, b in rss if t >= 60), rss[0][1])
                growth = rss[-1][1] / max(after_minute, 1) - 1
                console.print(f"{label}: server RSS {', '.join(f'{t:.0f}s {b / 2**20:.0f} MB' for t, b in rss)}")
                results.append((f"server RSS {after_minute / 2**20:.0f} MB after 1 min, {rss[-1][1] / 2**20:.0f} MB "
                                f"at the end ({growth:+.0%}) ({label})", growth <= MAX_RSS_GROWTH))
    console.rule("bars")
    for text, ok in results:
        console.print(f"{'PASS' if ok else 'FAIL'}  {text}")
    console.print(f"overall: {'PASS' if all(ok for _, ok in results) else 'FAIL'}")


if __name__ == "__main__":
    main()
