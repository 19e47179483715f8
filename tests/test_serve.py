"""`armstrack serve --workers N` as a real server: connections spread over the worker processes, a change made
through one worker is seen through every other, a taken port is one line, and SIGTERM stops everything."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from api_fixtures import make_core, serving

CLI = [sys.executable, "-m", "armstrack.cli"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("serve") / "serve.db"
    core = make_core(f"sqlite:///{db}")
    return db, core.issue_token("viewer1", "serve test")


@pytest.fixture(scope="module")
def two_workers(store: tuple[Path, str]) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    with serving(store[0], workers=2) as running:
        yield running


def workers_of(proc: subprocess.Popen[bytes]) -> list[psutil.Process]:
    return [p for p in psutil.Process(proc.pid).children() if "resource_tracker" not in " ".join(p.cmdline())]


def test_keep_alive_connections_are_spread_over_the_workers(two_workers: tuple[str, subprocess.Popen[bytes]],
                                                            store: tuple[Path, str]) -> None:
    base, proc = two_workers
    port = int(base.rsplit(":", 1)[1])
    workers = workers_of(proc)
    assert len(workers) == 2
    clients = [httpx.Client(base_url=base, headers={"Authorization": f"Bearer {store[1]}"}) for _ in range(16)]
    try:
        assert all(c.get("/api/transfers").status_code == 200 for c in clients)  # each holds its connection
        holders = {w.pid: sum(1 for c in w.net_connections("tcp") if c.laddr.port == port and c.raddr)
                   for w in workers}
    finally:
        for c in clients:
            c.close()
    # the kernel hashes each connection to one worker's socket: all 16 on one worker has odds of 2 in 65,536
    assert sum(holders.values()) == 16 and min(holders.values()) >= 1, holders


def test_a_judgement_through_one_worker_is_seen_through_every_worker(
        two_workers: tuple[str, subprocess.Popen[bytes]], store: tuple[Path, str]) -> None:
    base, _ = two_workers
    clients = [httpx.Client(base_url=base, headers={"Authorization": f"Bearer {store[1]}"}) for _ in range(8)]
    try:
        before = {c.get("/api/transfers").json()["total"] for c in clients}  # every worker keeps this page
        assert len(before) == 1
        [tid] = {t["id"] for t in clients[0].get("/api/transfers", params={"supplier": "DEU"}).json()["items"]}
        sorted_page = {"sort": "item"}  # each worker keeps this page too, and serves it from memory once kept
        assert all(f"/transfers/{tid}" in c.get("/transfers", params=sorted_page).text for c in clients)
        assert all(f"/transfers/{tid}" in c.get("/transfers", params=sorted_page).text for c in clients)
        done = subprocess.run([*CLI, "transfers", "--db", str(store[0]), "reject", tid, "--reason", "test"],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        after = {c.get("/api/transfers").json()["total"] for c in clients}
        assert after == {before.pop() - 1}
        assert not any(f"/transfers/{tid}" in c.get("/transfers", params=sorted_page).text for c in clients)
        rejected = json.loads(subprocess.run([*CLI, "transfers", "--db", str(store[0]), "--supplier", "DEU",
                                          "--rejected", "--format", "json"], capture_output=True, text=True).stdout)
        assert [(t["id"], t["rejected"]) for t in rejected] == [(tid, True)]
    finally:
        for c in clients:
            c.close()


def test_sigterm_stops_the_server_and_its_workers(two_workers: tuple[str, subprocess.Popen[bytes]]) -> None:
    _, proc = two_workers
    workers = workers_of(proc)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(20) == 0
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == [] and len(gone) == 2


def test_a_taken_port_is_one_line_and_a_non_zero_exit(store: tuple[Path, str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([*CLI, "serve", "--db", str(store[0]), "--port", str(port), "--workers", "2"],
                              capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and f"cannot listen on 127.0.0.1:{port}" in done.stderr
