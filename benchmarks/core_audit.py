"""Timings of the core audit, printed with ratios; run `python benchmarks/core_audit.py`.

- start-up: `store-audit --help` against `python -c "import click"`;
- `store-audit demo` end to end;
- the engine on generated inventories of 20, 200 and 1,000 accounts (in-memory keyring), with
  the time spent per distinct password and peak memory;
- zxcvbn on a typical password, a 72-character one and a 1,000-character one (scored on its
  first 72 characters).

Seeded, so repeated runs audit the same accounts. Nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from auditor.engine import AuditRequest, run_audit
from auditor.inventory import parse_inventory
from auditor.secrets import MemoryStore, Secret
from auditor.strength import score_password

PLATFORMS = ["amazon", "ebay", "shopify", "walmart", "etsy", "tiktok", "paypal", "gmail"]
MFA = ["totp", "totp", "sms", "none", "unknown"]


def best_of(runs: int, command: list[str]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True)
        times.append(time.perf_counter() - started)
    return min(times)


def generated(count: int, seed: int = 7) -> tuple[str, dict[tuple[str, str], str]]:
    rng = random.Random(seed)
    lines = ["version = 1", '[seller]\nname = "Bench Goods"\ndomains = ["bench.test"]']
    secrets: dict[tuple[str, str], str] = {}
    shared = [f"Shared-{rng.randrange(10**6)}!x" for _ in range(max(1, count // 20))]
    for index in range(count):
        platform = rng.choice(PLATFORMS)
        account_id = f"{platform}-{index}"
        login = f"box{index % max(1, count // 5)}@gmail.com"
        lines.append(
            f'[[accounts]]\nid = "{account_id}"\nplatform = "{platform}"\nlogin = "{login}"\n'
            f'mfa = "{rng.choice(MFA)}"'
        )
        roll = rng.random()
        if roll < 0.3:
            password = rng.choice(shared)
        elif roll < 0.5:
            password = f"Bench-{platform.title()}-{2020 + index % 6}!"
        else:
            password = "".join(
                rng.choice("abcdefghjkmnpqrstuvwxyzABCDEFGH23456789!#$") for _ in range(16)
            )
        secrets[f"store-audit/{account_id}", login] = password
    return "\n".join(lines) + "\n", secrets


def time_engine(count: int) -> tuple[float, float, int]:
    """Wall time of one audit (best of two), then peak traced memory in a separate run, since
    tracing slows the audit several times over."""
    text, secrets = generated(count)
    inventory = parse_inventory(text.encode(), Path(f"generated-{count}.toml"))
    elapsed = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        run_audit(AuditRequest(inventory, MemoryStore(secrets)))
        elapsed = min(elapsed, time.perf_counter() - started)
    tracemalloc.start()
    run_audit(AuditRequest(inventory, MemoryStore(secrets)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 2**20, len(set(secrets.values()))


def time_score(password: str, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        score_password(Secret(password), ["bench"])
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="repeats for start-up timings")
    args = parser.parse_args()
    python = sys.executable

    click_only = best_of(args.runs, [python, "-c", "import click"])
    help_time = best_of(args.runs, [python, "-m", "auditor", "--help"])
    demo_time = best_of(args.runs, [python, "-m", "auditor", "demo", "--format", "json"])
    print(
        f"start-up: import click {click_only * 1000:.0f} ms, store-audit --help "
        f"{help_time * 1000:.0f} ms (ratio {help_time / click_only:.2f})"
    )
    print(f"store-audit demo (11 accounts, start-up included): {demo_time * 1000:.0f} ms")

    time_score("warm-up")
    typical = time_score("Acme-Amazon-2024!")
    at_cap = time_score("Xk9#mP2!" * 9)
    huge = time_score("a" * 1000)
    print(
        f"zxcvbn: typical {typical * 1000:.1f} ms, 72 chars {at_cap * 1000:.1f} ms, "
        f"1,000 chars (first 72 scored) {huge * 1000:.1f} ms "
        f"(ratio to typical {huge / typical:.1f})"
    )

    for count in (20, 200, 1000):
        elapsed, peak, distinct = time_engine(count)
        print(
            f"engine, {count:>5} accounts ({distinct} distinct passwords): "
            f"{elapsed * 1000:7.0f} ms, {elapsed / count * 1000:.2f} ms/account, "
            f"peak {peak:.1f} MiB traced"
        )


if __name__ == "__main__":
    main()
