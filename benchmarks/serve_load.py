"""The web app under load: `armstrack serve --workers N` (default 2; loopback) over a store of 100,000 claims,
the transfers list hit by 50 concurrent clients for a fixed time, against the same mix at 1 client in the same
run. A report, not a test: exits 0 on FAIL.

    python benchmarks/serve_load.py [--claims 100000] [--clients 50] [--seconds 20] [--workers 2] [--db PATH]
                                    [--postgres postgresql://postgres@127.0.0.1:5432/test]

The server runs as its own process (the load generator must not share its interpreter); each client holds one
keep-alive connection and loops, with no pause, over a realistic mix of `GET /api/transfers` (first page, party,
pair, grade, date and free-text filters, later pages), each a bearer-token request checked for a 200 and a page.

Each server worker keeps listing pages in memory until the transfers change (app.Listings), so a query the
worker has not seen since the last change runs against the database (a few to ~25 ms) and a repeated one does
not. The warm-up before each recorded run (10 s by default) lets every worker meet the mix's ~200 distinct
queries: the figures are the steady state of a store that is being read, not written.
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
from armstrack.store.schema import claims

MAX_P95_MS = 100.0
BENCH_USER, BENCH_PASSWORD = "bench-load", "bench-load-password"
console = Console(highlight=False, width=max(Console().width, 100))


def request_mix(rng: random.Random) -> list[tuple[str, dict[str, str]]]:
    """One round of what a reader of the transfers list asks: (kind, query parameters)."""
    a, b = rng.sample(PARTIES[:12], 2)
    return [
        ("first page", {}),
        ("supplier", {"supplier": rng.choice(PARTIES)}),
        ("recipient", {"recipient": rng.choice(PARTIES)}),
        ("pair", {"supplier": a, "recipient": b}),
        ("min_grade", {"min_grade": rng.choice(["B2", "C3", "D4"])}),
        ("since", {"since": rng.choice(["2020", "2022", "2024-01"])}),
        ("q", {"q": rng.choice(["leopard", "drone", "shahed", "missile", "tank", "IRN"])}),
        ("page 2-5", {"offset": str(50 * rng.randint(1, 4))}),
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
    """Status and body of one HTTP/1.1 response with a Content-Length (what the API sends)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next((int(v) for k, _, v in (line.partition(":") for line in lines[1:])
                   if k.strip().lower() == "content-length"), None)
    if length is None:
        raise ValueError("response without Content-Length")
    return int(lines[0].split()[1]), await reader.readexactly(length)


async def client_loop(base: str, token: str, seed: int, deadline: float, tally: Tally | None) -> None:
    """One client on its own keep-alive connection, round after round of the mix until the deadline. A few
    lines of asyncio HTTP/1.1 rather than an HTTP library: the load generator shares the machine's two cores
    with the server, and httpx spends ~5 ms of CPU per request, which would be measured as server latency."""
    rng = random.Random(seed)
    host, port = base.removeprefix("http://").split(":")
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    try:
        while time.perf_counter() < deadline:
            mix = request_mix(rng)
            rng.shuffle(mix)
            for kind, params in mix:
                if time.perf_counter() >= deadline:
                    return
                target = "/api/transfers" + (f"?{urlencode(params)}" if params else "")
                request = (f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                           f"Authorization: Bearer {token}\r\n\r\n").encode()
                start = time.perf_counter()
                try:
                    connection = connection or await asyncio.open_connection(host, int(port))
                    connection[1].write(request)
                    status, body = await read_response(connection[0])
                    ok = status == 200 and body.startswith(b'{"items":')
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
                    tally.first_error = tally.first_error or f"{kind} {params}: {why}"
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


async def run_load(base: str, token: str, clients: int, seconds: float, warmup: float, server_pid: int) -> Tally:
    """`clients` concurrent clients for a warm-up (not recorded), then `seconds` recorded."""
    if warmup > 0:
        end = time.perf_counter() + warmup
        await asyncio.gather(*(client_loop(base, token, 1000 + i, end, None) for i in range(clients)))
    tally = Tally()
    server_cpu, client_cpu, start = cpu_seconds(server_pid), time.process_time(), time.perf_counter()
    await asyncio.gather(*(client_loop(base, token, i, start + seconds, tally) for i in range(clients)))
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


def prepare(url: str, n_claims: int) -> str:
    """A store holding (about) `n_claims` claims and its transfers; returns a read-only token for it."""
    have = claim_count(url)
    if have >= 0.99 * n_claims:  # a claim repeated within a synthetic document is stored once
        console.print(f"reusing {url}: {have:,} claims")
    else:
        refresh = synthetic_store(url, n_claims)
        console.print(f"{url}: {n_claims:,} claims stored; transfers built in {refresh:.1f} s")
    core = Armstrack(url)
    core.refresh()
    core.add_user(BENCH_USER, BENCH_PASSWORD, "viewer")
    return core.issue_token(BENCH_USER, "serve_load benchmark")


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
                             "--workers", str(workers)],
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
            token = prepare(url, args.claims)
            with server(url, args.workers) as (base, pid):
                console.print(f"{label}: armstrack serve (pid {pid}) at {base}; {args.warmup:.0f} s warm-up, then "
                              f"{args.seconds:.0f} s per run")
                runs = {n: asyncio.run(run_load(base, token, n, args.seconds, args.warmup, pid))
                        for n in (1, args.clients)}
            print_runs(f"GET /api/transfers ({label})", runs)
            base_p95, p95 = summary(runs[1])["overall"][3], summary(runs[args.clients])["overall"][3]
            errors = sum(sum(t.errors.values()) for t in runs.values())
            console.print(f"{label}: p95 {base_p95:.1f} ms at 1 client, {p95:.1f} ms at {args.clients} clients "
                          f"({p95 / base_p95:.1f}x)")
            results += [(f"p95 {p95:.1f} ms < {MAX_P95_MS:.0f} ms at {args.clients} clients ({label})",
                         p95 < MAX_P95_MS),
                        (f"{errors} errors ({label})", errors == 0)]
    console.rule("bars")
    for text, ok in results:
        console.print(f"{'PASS' if ok else 'FAIL'}  {text}")
    console.print(f"overall: {'PASS' if all(ok for _, ok in results) else 'FAIL'}")


if __name__ == "__main__":
    main()
