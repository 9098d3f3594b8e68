"""What `store-audit --help` costs next to `python -c "import click"` (the bound: 1.5x), measured
side by side: `python benchmarks/help_startup.py [--rounds 30]`.

Each round starts every command once, in turn, so a change in the machine's load hits all of
them alike; the medians are printed with their ratio to `import click`, as wall time and as CPU
time (user + system, from the child's rusage). On a shared, loaded machine the CPU ratio is the
steadier figure: waiting for a core shows in the wall time only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COMMANDS = {
    "import click": [sys.executable, "-c", "import click"],
    "--help": [sys.executable, "-m", "auditor", "--help"],
    "audit --help": [sys.executable, "-m", "auditor", "audit", "--help"],
    "import --help": [sys.executable, "-m", "auditor", "import", "--help"],
}


def run(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one child process."""
    env = {**os.environ, "STORE_AUDIT_LANG": "en", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    wall: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpu: dict[str, list[float]] = {name: [] for name in COMMANDS}
    loads = []
    for _ in range(rounds):
        loads.append(os.getloadavg()[0])
        for name, command in COMMANDS.items():
            seconds, used = run(command)
            wall[name].append(seconds)
            cpu[name].append(used)
    print(f"{rounds} rounds; load {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores")
    base_wall, base_cpu = (statistics.median(t["import click"]) for t in (wall, cpu))
    for name in COMMANDS:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        print(
            f"{name:<14} wall {w * 1000:6.1f} ms (x{w / base_wall:.2f})   "
            f"cpu {c * 1000:6.1f} ms (x{c / base_cpu:.2f})"
        )


if __name__ == "__main__":
    main()
