"""Where a large audit's time goes, phase by phase: `python benchmarks/audit_phases.py
[--accounts 10000] [--lines 5000000] [--workers-off]` (the table goes to stderr).

Builds benchmarks/keepassxc.py's set (its passwords, inventory, file keyring and a corpus with 5%
of them planted), then runs `store-audit audit --hibp-file ... --format json` in a child process
with each phase wrapped, and prints, per phase, when it started, its wall seconds and the CPU
seconds the auditing process spent in it; then the scoring workers' CPU seconds. The phases that
run before the first password reaches a worker, and those after the last score is in, use one
core; the checks in between share both with the workers. `--workers-off` scores in the auditing
process only (the split of the CPU time without the pool's costs). `--constant-scores` gives every
password the same score without estimating it: what the rest of the audit costs on its own (its
findings then differ; only the time is of interest).
"""

from __future__ import annotations

import argparse
import functools
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

Row = tuple[str, float, float, float]
"""Phase, started (s from the start), wall s, CPU s of this process."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--lines", type=int, default=5_000_000)
    parser.add_argument("--workers-off", action="store_true")
    parser.add_argument("--constant-scores", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        audit_with_phases(args.child, args.constant_scores)
        return
    from keepassxc import env_for, load, prepare_audit

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        prepare_audit(folder, args.accounts, args.lines)
        env = env_for(folder)
        if args.workers_off:
            env["STORE_AUDIT_PARALLEL_FROM"] = str(10**9)
        print(f"{args.accounts:,} accounts, load: {load()}")
        command = [sys.executable, __file__, "--child", str(folder)]
        command += ["--constant-scores"] if args.constant_scores else []
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def audit_with_phases(folder: Path, constant_scores: bool = False) -> None:
    """Run the audit here with its phases wrapped; print the table when it exits."""
    started = time.monotonic()
    rows: list[Row] = []
    if constant_scores:
        _score_nothing()
    import auditor.cli.audit as cli_audit
    import auditor.engine as engine
    import auditor.inventory as inventory
    from auditor.checks import CHECKS
    from auditor.strength.pool import Scoring

    for module, names in (
        (inventory, ["load_inventory"]),
        (engine, ["start_early_scoring", "read_secrets", "breach_counts", "build_map"]),
        (engine, ["build_checklist", "visible_report"]),
        (cli_audit, ["emit"]),
    ):
        for name in names:
            setattr(module, name, _timed(name, getattr(module, name), rows, started))
    Scoring.get = _timed("scores awaited or scored here", Scoring.get, rows, started)  # type: ignore[method-assign]
    for check in CHECKS.values():
        run = _timed(f"check {check.id}", check.run, rows, started, listed=True)
        object.__setattr__(check, "run", run)
    import atexit

    atexit.register(_print, rows, started)
    from auditor.cli import main as cli

    sys.argv = ["store-audit", "audit", "--inventory", str(folder / "store-audit.toml"),
                "--hibp-file", str(folder / "pwned.txt"), "--format", "json",
                "--fail-on", "never"]  # fmt: skip
    cli()


def _score_nothing() -> None:
    """Every password scores 4, in the workers (forked after this) and here alike."""
    from collections.abc import Sequence

    import auditor.strength.pool as pool
    import auditor.strength.scores as scores
    from auditor.strength.estimate import Revealing
    from auditor.strength.verdict import Strength

    def constant(password: Revealing, hints: Sequence[str]) -> Strength:
        del password, hints
        return Strength(4, "", (), False, 4, "")

    pool.score_password = scores.score_password = constant  # type: ignore[attr-defined]


def _timed(
    label: str, function: Callable[..., Any], rows: list[Row], started: float, listed: bool = False
) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.monotonic(), time.process_time()
        try:
            result = function(*args, **kwargs)
            return list(result) if listed else result  # a check yields: run it through here
        finally:
            now = time.monotonic()
            rows.append((label, wall - started, now - wall, time.process_time() - cpu))

    return timed


def _print(rows: list[Row], started: float) -> None:
    phases: dict[str, list[float]] = {}
    for label, start, wall, cpu in rows:
        total = phases.setdefault(label, [start, 0.0, 0.0])
        total[1] += wall
        total[2] += cpu
    print(f"{'phase':<40} {'from s':>7} {'wall s':>7} {'CPU s':>7}", file=sys.stderr)
    for label, (start, wall, cpu) in sorted(phases.items(), key=lambda item: item[1][0]):
        if wall >= 0.01 or cpu >= 0.01:
            print(f"{label:<40} {start:7.2f} {wall:7.2f} {cpu:7.2f}", file=sys.stderr)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"whole audit: wall {time.monotonic() - started:.2f} s, CPU {time.process_time():.2f} s "
        f"here + {workers.ru_utime + workers.ru_stime:.2f} s in scoring workers",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
