"""CLI start-up latency: the median of N cold process starts per command (each a new Python process), wall
time and user CPU time, against the targets, and against two baselines measured in the same run: an empty
Python start (`python -c pass`) and the import of the CLI package. A report, not a test: exits 0 on FAIL.

    python benchmarks/cli_latency.py [--runs 5] [--armstrack .venv/bin/armstrack]

The store for `transfers` is made once beforehand (the bundled examples ingested into a temporary SQLite
file) and every command runs once untimed first, so a compiled-data cache is built before the timed runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@dataclass(frozen=True)
class Case:
    name: str
    argv: list[str]
    target: float | None  # seconds of wall time, None for a baseline


@dataclass(frozen=True)
class Timing:
    wall: float
    user: float
    sys: float


def run_once(argv: list[str], env: dict[str, str]) -> Timing:
    """Wall and CPU time of one process from fork to exit; its output is discarded, a failure is fatal."""
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}:\n{stderr}")
    return Timing(wall, usage.ru_utime, usage.ru_stime)


def measure(case: Case, runs: int, env: dict[str, str]) -> Timing:
    run_once(case.argv, env)  # untimed: fills caches (compiled KB, OS file cache)
    samples = [run_once(case.argv, env) for _ in range(runs)]
    return Timing(statistics.median(s.wall for s in samples), statistics.median(s.user for s in samples),
                  statistics.median(s.sys for s in samples))


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--armstrack", default=str(Path(sys.executable).with_name("armstrack")))
    args = ap.parse_args()
    cli, py = [args.armstrack], sys.executable
    tmp = Path(tempfile.mkdtemp(prefix="armstrack-latency-"))
    env = dict(os.environ)
    try:
        store = tmp / "small.db"
        subprocess.run([*cli, "ingest", "--db", str(store), str(EXAMPLES)], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cases = [
            Case("python -c pass", [py, "-c", "pass"], None),
            Case("import armstrack.cli", [py, "-c", "import armstrack.cli"], None),
            Case("armstrack --help", [*cli, "--help"], 0.3),
            Case("armstrack kb lookup Su-35", [*cli, "kb", "lookup", "Su-35"], 0.3),
            Case("armstrack transfers (small store)", [*cli, "transfers", "--db", str(store)], 0.5),
            Case("armstrack extract (one English article)",
                 [*cli, "extract", str(EXAMPLES / "en-aid-and-sales.txt")], 1.5),
            Case("armstrack extract (one French article, spaCy)",
                 [*cli, "extract", str(EXAMPLES / "fr-contract.json")], 2.5),
        ]
        print(f"load average before: {load_average()}; {args.runs} timed runs per command (median)")
        print(f"{'command':<48} {'wall s':>7} {'user s':>7} {'sys s':>6} {'target':>7}")
        failed = 0
        for case in cases:
            t = measure(case, args.runs, env)
            verdict = ""
            if case.target is not None:
                ok = t.wall <= case.target
                failed += not ok
                verdict = f"{case.target:>7.1f}  {'PASS' if ok else 'FAIL'}"
            print(f"{case.name:<48} {t.wall:7.3f} {t.user:7.3f} {t.sys:6.3f} {verdict}", flush=True)
        print(f"load average after: {load_average()}")
        print(f"{'PASS' if not failed else 'FAIL'}  {failed} command(s) over target (targets are for a quiet "
              "machine: compare against the baselines above when it is busy)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
