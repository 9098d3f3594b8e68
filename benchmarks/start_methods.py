"""The scoring workers started by fork (Linux) and by spawn (macOS, Windows), side by side:
`python benchmarks/start_methods.py [--sizes 1000 5000] [--runs 3]`.

For each size N, a generated inventory (make_inventory.py) whose secrets sit in the benchmark's
file backend is audited by `python -m auditor audit` in a child process, start-up included, with
$STORE_AUDIT_START_METHOD=fork and =spawn, alternated so that a busy moment slows both. A spawned
worker is a fresh interpreter that imports store-audit and loads the estimators itself; a forked
one inherits them. The demo (11 accounts) is timed too with the pool forced on
($STORE_AUDIT_PARALLEL_FROM=1), where starting the workers is all the difference.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from file_keyring import write as write_keyring  # noqa: E402
from make_inventory import generate  # noqa: E402
from run import measure  # noqa: E402

METHODS = ("fork", "spawn")


def timed(command: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    """Wall seconds of a child process; it must succeed."""
    run = measure(command, env, cwd)
    assert run.returncode == 0, f"{command} failed"
    return run.seconds


def side_by_side(
    runs: int, command: list[str], env: dict[str, str], cwd: Path | None = None
) -> dict[str, float]:
    """Best of `runs` for each start method, alternated."""
    found: dict[str, list[float]] = {method: [] for method in METHODS}
    for _ in range(runs):
        for method in METHODS:
            found[method].append(timed(command, {**env, "STORE_AUDIT_START_METHOD": method}, cwd))
    return {method: min(times) for method, times in found.items()}


def line(label: str, best: dict[str, float]) -> str:
    fork, spawn = best["fork"], best["spawn"]
    return f"{label:<34} fork {fork:6.2f} s   spawn {spawn:6.2f} s   spawn/fork {spawn / fork:5.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3, help="best of this many child runs")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}; load {os.getloadavg()}")
    base = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent)])}
    demo = [sys.executable, "-m", "auditor", "demo", "--format", "json"]
    forced = {**base, "STORE_AUDIT_PARALLEL_FROM": "1"}
    print(line("demo, pool forced on", side_by_side(args.runs, demo, forced)))
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            text, secrets = generate(size)
            (folder / "store-audit.toml").write_text(text)
            write_keyring(str(folder / "secrets.json"), secrets)
            env = {
                **base,
                "PYTHON_KEYRING_BACKEND": "file_keyring.JsonFileKeyring",
                "STORE_AUDIT_BENCH_KEYRING": str(folder / "secrets.json"),
            }
            audit = [
                *(sys.executable, "-m", "auditor", "audit", "--inventory", "store-audit.toml"),
                *("--format", "json", "--output", "report.json", "--fail-on", "never"),
            ]
            print(line(f"audit, {size:,} accounts", side_by_side(args.runs, audit, env, folder)))
    print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
