"""Knowledge-base speed: one name lookup, and a scan of a 600-word article, against a naive baseline
(testing every KB name with a regular expression) measured in the same run.

usage: python benchmarks/kb_speed.py [--repeat 2000]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable

from armstrack.kb.loader import get_kb
from armstrack.kb.matcher import compress, get_matcher
from armstrack.lang.base import tokenize

FILLER = ("the government said on Tuesday that talks with its partners would continue next week while markets "
          "rose and the weather stayed mild across the region as officials met in the capital").split()
TRANSFER = ["Germany delivered 18 Leopard 2A6 tanks to Ukraine.", "Iran has sent Shahed-136 drones to Russia.",
            "Selon Reuters, la Russie aurait livré des S-400 à l'Inde.", "Poland ordered 96 AH-64E helicopters.",
            "Россия получила от Ирана дроны «Герань-2».", "The Patriot battery arrived in Rzeszów."]


def article(rng: random.Random, words: int = 600) -> str:
    out: list[str] = []
    while len(out) < words:
        out += rng.sample(FILLER, 12) + ["."]
        if rng.random() < 0.15:
            out += rng.choice(TRANSFER).split()
    return " ".join(out[:words])


def per_call(fn: Callable[[], object], repeat: int) -> float:
    """Seconds per call: the best of 7 batches of `repeat` calls (the least disturbed by other load)."""
    samples = []
    for _ in range(7):
        t = time.perf_counter()
        for _ in range(repeat):
            fn()
        samples.append((time.perf_counter() - t) / repeat)
    return min(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=2000)
    args = ap.parse_args()
    t = time.perf_counter()
    kb = get_kb()
    matcher = get_matcher()
    load = time.perf_counter() - t
    names = [n for s in kb.systems.values() for n in (s.name, *s.aliases)]
    rng = random.Random(7)
    text = article(rng)
    tokens = tokenize(text)
    print(f"KB: {len(kb.systems)} systems, {len(names)} system names, {len(matcher.index)} matcher keys; "
          f"loaded and compiled in {load:.2f} s (once per process)")

    queries = rng.sample(names, 200) + ["Geran 2", "su35", "Shahed136", "unknown thing"]
    lookup = per_call(lambda: [matcher.lookup(q) for q in queries], max(1, args.repeat // 100)) / len(queries)
    naive_lookup = per_call(lambda: [[n for n in names if compress(n) == compress(q)] for q in queries[:5]], 3) / 5

    scan = per_call(lambda: matcher.mentions(tokenize(text)), max(1, args.repeat // 10))
    scan_only = per_call(lambda: matcher.mentions(tokens), max(1, args.repeat // 10))
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)), re.IGNORECASE)
    naive_scan = per_call(lambda: pattern.findall(text), 3)
    hits = [text[m.start:m.end] for m in matcher.mentions(tokens)]

    print(f"lookup of one name:            {lookup * 1e6:8.1f} µs   (naive compare-all baseline "
          f"{naive_lookup * 1e6:9.1f} µs, {naive_lookup / lookup:,.0f}x slower)")
    print(f"scan of a {len(text.split())}-word article:     {scan * 1e3:8.3f} ms   (tokenize + match; "
          f"match alone {scan_only * 1e3:.3f} ms)")
    print(f"  naive regex alternation of all names: {naive_scan * 1e3:.2f} ms ({naive_scan / scan:,.1f}x slower)")
    print(f"  found: {hits}")
    ok_lookup, ok_scan = lookup < 1e-3, scan < 1e-3
    print(f"{'PASS' if ok_lookup else 'FAIL'}  lookup well under 1 ms")
    print(f"{'PASS' if ok_scan else 'FAIL'}  600-word scan under 1 ms")


if __name__ == "__main__":
    main()
