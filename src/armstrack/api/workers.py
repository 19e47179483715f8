"""`armstrack serve --workers N`: N server processes, each listening on the port with its own socket
(SO_REUSEPORT), so the kernel spreads new connections evenly over them. With one shared socket (uvicorn's own
--workers) the first process to wake accepts a whole burst, and long-lived keep-alive clients can all end up on
one core while the others idle. A worker that dies is started again."""

from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
import time
from multiprocessing.process import BaseProcess
from types import FrameType

import uvicorn

BACKLOG = 2048
QUICK_EXITS = 3  # workers dying within START_SECONDS of their start, in a row, before the server gives up
START_SECONDS = 5.0
APP = "armstrack.api.server:app_from_settings"  # each worker builds its app from ARMSTRACK_* settings


class ServeError(Exception):
    """The workers cannot be kept running."""


def listening_socket(host: str, port: int, listen: bool = True) -> socket.socket:
    """A TCP socket bound to host:port that shares the port with the other workers' sockets."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        if listen:
            sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock


def worker(host: str, port: int, log_level: str = "warning") -> None:
    """One server process: its own socket, its own app."""
    sock = listening_socket(host, port)
    server = uvicorn.Server(uvicorn.Config(APP, factory=True, log_level=log_level))
    server.run(sockets=[sock])


def serve(host: str, port: int, workers: int, log_level: str = "warning") -> None:
    """Run `workers` server processes until SIGINT or SIGTERM; raises OSError when the port cannot be had."""
    probe = listening_socket(host, port, listen=False)  # a taken port fails here, once, before any worker starts
    context = multiprocessing.get_context("spawn")
    stopping = False

    quick_exits = 0

    def start() -> tuple[BaseProcess, float]:
        process = context.Process(target=worker, args=(host, port, log_level), daemon=False)
        process.start()
        return process, time.monotonic()

    def stop(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    processes = [start() for _ in range(workers)]
    probe.close()
    try:
        while not stopping:
            for i, (process, since) in enumerate(processes):
                process.join(0.2)
                if process.exitcode is None or stopping:
                    continue
                quick = time.monotonic() - since < START_SECONDS
                quick_exits = quick_exits + 1 if quick else 0
                if quick_exits >= QUICK_EXITS:
                    raise ServeError(f"server workers keep exiting at start (last exit code {process.exitcode})")
                print(f"armstrack serve: worker {process.pid} exited ({process.exitcode}); starting another",
                      file=sys.stderr)
                processes[i] = start()
    finally:
        for process, _ in processes:
            if process.is_alive():
                process.terminate()  # uvicorn finishes the requests in flight
        for process, _ in processes:
            process.join(10)
            if process.is_alive():
                process.kill()
        for s, handler in previous.items():
            signal.signal(s, handler)
