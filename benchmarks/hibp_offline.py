"""Offline Pwned Passwords lookups against a plain linear scan, in one run:
`python benchmarks/hibp_offline.py [--lines 5000000] [--small 1000000] [--planted 100]`.

Builds sorted synthetic corpora (random SHA-1 values, CRLF, like the downloader's file) of
`--small` and `--lines` lines with `--planted` known passwords, then times store-audit's lookup
of 1,000 and 10,000 passwords (a tenth of them planted) on both, and a plain Python linear scan
of the large file for the same 1,000, and prints the times and the ratios. Both read a file that
was just written, so both run from the page cache.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from auditor.breach import sha1_hex
from auditor.breach.offline import SortedFile


def build(path: Path, lines: int, planted: dict[str, int]) -> None:
    raw = os.urandom(20 * lines).hex().upper()
    hashes = [raw[i : i + 40] for i in range(0, len(raw), 40)]
    hashes.extend(planted)
    hashes.sort()
    rng = random.Random(lines)
    with path.open("w", newline="") as out:
        for start in range(0, len(hashes), 100_000):
            chunk = hashes[start : start + 100_000]
            out.write("".join(f"{h}:{planted.get(h) or rng.randint(1, 9999)}\r\n" for h in chunk))


def best_of(runs: int, action: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def linear_scan(path: Path, wanted: set[str]) -> dict[str, int]:
    found = {}
    with path.open("rb") as handle:
        for line in handle:
            key = line[:40].decode()
            if key in wanted:
                found[key] = int(line[41:].strip())
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=5_000_000)
    parser.add_argument("--small", type=int, default=1_000_000)
    parser.add_argument("--planted", type=int, default=100)
    args = parser.parse_args()

    known = [f"planted-password-{i}" for i in range(args.planted)]
    planted = {sha1_hex(p): 1000 + i for i, p in enumerate(known)}
    queries = {}
    for size in (1_000, 10_000):
        chosen = [sha1_hex(p) for p in known[: size // 10]]
        chosen += [sha1_hex(f"not-in-the-corpus-{size}-{i}") for i in range(size - len(chosen))]
        queries[size] = chosen

    with tempfile.TemporaryDirectory() as folder:
        results = {}
        for lines in (args.small, args.lines):
            path = Path(folder) / f"pwned-{lines}.txt"
            started = time.perf_counter()
            build(path, lines, planted)
            print(
                f"built {lines:,}-line corpus ({path.stat().st_size / 2**20:,.0f} MiB) in "
                f"{time.perf_counter() - started:.1f} s"
            )
            opened = time.perf_counter()
            corpus = SortedFile(path)
            open_time = time.perf_counter() - opened
            for size, hashes in queries.items():
                got = corpus.counts(hashes)
                assert all(got[h] == planted[h] for h in hashes if h in planted)
                assert sum(1 for h in hashes if got[h]) == sum(1 for h in hashes if h in planted)
                results[lines, size] = best_of(3, functools.partial(corpus.counts, hashes))
            print(f"  open + format probes: {open_time * 1000:.2f} ms")
            for size in queries:
                print(
                    f"  {size:>6,} lookups: {results[lines, size] * 1000:8.1f} ms "
                    f"({results[lines, size] / size * 1e6:.1f} µs each)"
                )
        large = Path(folder) / f"pwned-{args.lines}.txt"
        wanted = set(queries[1_000])
        scan = best_of(1, lambda: linear_scan(large, wanted))
        found = linear_scan(large, wanted)
        assert len(found) == sum(1 for h in wanted if h in planted)
        print(f"linear scan of the {args.lines:,}-line file for the same 1,000: {scan:.2f} s")
        print(f"ratio scan / lookup (1,000 passwords): {scan / results[args.lines, 1_000]:,.0f}x")
        for size in queries:
            growth = results[args.lines, size] / results[args.small, size]
            print(
                f"lookup time, {args.small:,} -> {args.lines:,} lines ({size:,} passwords): "
                f"{growth:.2f}x"
            )


if __name__ == "__main__":
    main()
