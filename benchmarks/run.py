"""store-audit at agency scale, every figure measured side by side in one run:
`python benchmarks/run.py [--sizes 100 1000 10000] [--keyring-accounts 1000 5000]`.

For each size N, on a generated inventory (benchmarks/make_inventory.py) whose secrets sit in a
keyring backend that costs next to nothing to read (file_keyring.py: a JSON file read once):
  - the whole `store-audit audit` in a child process, start-up included: wall time, peak RSS;
  - a bare single-process loop that calls zxcvbn once per distinct password (also a child
    process, start-up included), and the ratio audit / loop;
  - password.similar alone.
  - `store-audit onboard` of the inventory's first store, against the whole audit.
Then (real_keyring.py): N accounts on a real gnome-keyring (a private D-Bus session and daemon,
as the tests start), audited in child processes from two venvs, with and without keyrings.alt,
so that `keyring` picks its backend itself; `store-audit --help` against
`python -c "import click"`; and a solo seller's audit (20 accounts, file backend), start-up
included.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from file_keyring import write as write_keyring  # noqa: E402
from make_inventory import generate  # noqa: E402

GNU_TIME = Path("/usr/bin/time")
"""Measures a command's peak memory. This process's own child would not do: Linux carries the
high-water mark of a forked process across exec, so a child of this (large) Python process
reports at least this process's size (a `/bin/true` child of a 300 MB parent "peaks" at 313
MB). GNU time is a small process; its child's peak is the command's own."""


@dataclass(frozen=True)
class Measured:
    """One run of a command, measured the way a user would see it."""

    seconds: float
    """Wall seconds."""
    peak_mib: float
    """Peak RSS of the command's largest process (GNU time's %M; without /usr/bin/time, the
    largest child's ru_maxrss, which counts this process's size too)."""
    cpu_seconds: float
    """User + sys of the command and the children it waited for (load does not inflate them);
    NaN without /usr/bin/time."""
    stdout: str
    """What it printed, when asked for (`capture`)."""
    returncode: int


def measure(
    command: list[str],
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    stdin: str | None = None,
    *,
    capture: bool = False,
    new_session: bool = False,
) -> Measured:
    """Run `command` under GNU time (see GNU_TIME); `stdin` is typed to it, `new_session` gives
    it no controlling terminal (getpass then reads the password on stdin)."""
    import resource

    with tempfile.NamedTemporaryFile("r") as peak:
        wrapped = [str(GNU_TIME), "-f", "%M %U %S", "-o", peak.name, *command]
        started = time.perf_counter()
        process = subprocess.Popen(
            wrapped if GNU_TIME.exists() else command,
            env=env,
            cwd=cwd,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=new_session,
        )
        output, _ = process.communicate(stdin)
        seconds = time.perf_counter() - started
        fields = peak.read().split()  # GNU time may write a status line before its own
    if GNU_TIME.exists() and len(fields) >= 3:
        kib, user, system = (float(v) for v in fields[-3:])
        return Measured(seconds, kib / 1024, user + system, output or "", process.returncode)
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return Measured(seconds, largest, float("nan"), output or "", process.returncode)


def child(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of a command."""
    run = measure(command, env, cwd)
    return run.seconds, run.peak_mib


def best(
    runs: int, command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, float]:
    results = [child(command, env, cwd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def audit_env(folder: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent)]),
        "PYTHON_KEYRING_BACKEND": "file_keyring.JsonFileKeyring",
        "STORE_AUDIT_BENCH_KEYRING": str(folder / "secrets.json"),
    }


def scale(sizes: list[int], runs: int) -> None:
    from auditor.checks import AuditContext
    from auditor.checks.password_similar import find_similar_passwords
    from auditor.inventory import parse_inventory
    from auditor.secrets import MemoryStore, read_secrets

    print(
        f"{'accounts':>9} {'distinct':>9} {'audit':>8} {'peak':>8} {'zxcvbn loop':>12} "
        f"{'ratio':>6} {'similar':>8} {'onboard':>8} {'/audit':>6}"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            text, secrets = generate(size)
            (folder / "store-audit.toml").write_text(text)
            write_keyring(str(folder / "secrets.json"), secrets)
            distinct = list(
                dict.fromkeys(v for (s, _), v in secrets.items() if not s.endswith("/totp"))
            )
            (folder / "passwords.txt").write_text("\n".join(distinct))
            audit_command = [
                sys.executable,
                "-m",
                "auditor",
                "audit",
                "--inventory",
                "store-audit.toml",
                "--format",
                "json",
                "--output",
                "report.json",
                "--fail-on",
                "never",
            ]
            loop_code = (
                "from zxcvbn import zxcvbn\n"
                "for p in open('passwords.txt').read().split('\\n'): zxcvbn(p[:72])"
            )
            # alternated, so that a machine that slows down for a while slows both down
            audits, loops = [], []
            for _ in range(runs):
                audits.append(child(audit_command, audit_env(folder), folder))
                loops.append(child([sys.executable, "-c", loop_code], None, folder))
            audit, peak = min(a[0] for a in audits), max(a[1] for a in audits)
            loop = min(a[0] for a in loops)
            gate = [*audit_command[:3], "onboard", _first_store(text), *audit_command[4:]]
            onboard = best(runs, gate, audit_env(folder), folder)[0]
            inventory = parse_inventory(text.encode(), folder / "store-audit.toml")
            context = AuditContext(
                inventory, read_secrets(inventory.accounts, MemoryStore(secrets)), dt.date.today()
            )
            started = time.perf_counter()
            list(find_similar_passwords(context))
            similar = time.perf_counter() - started
            print(
                f"{size:>9,} {len(distinct):>9,} {audit:>7.2f}s {peak:>6.0f}MB "
                f"{loop:>11.2f}s {audit / loop:>6.2f} {similar:>7.2f}s "
                f"{onboard:>7.2f}s {onboard / audit:>6.2f}"
            )


def _first_store(text: str) -> str:
    """The id of the inventory's first store: the account `onboard` gates."""
    from auditor.inventory import parse_inventory

    inventory = parse_inventory(text.encode(), Path("store-audit.toml"))
    return next(a.id for a in inventory.accounts if a.kind == "store")


def store_audit() -> list[str]:
    """The command a user types: the venv's `store-audit` script when installed beside this
    Python, else `python -m auditor`."""
    script = Path(sys.executable).with_name("store-audit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "auditor"]


def start_up(runs: int) -> None:
    # start-up is tens of milliseconds: many runs, alternated, so a busy moment hits both
    click_runs, help_runs, checks_runs = [], [], []
    for _ in range(max(runs, 20)):
        click_runs.append(child([sys.executable, "-c", "import click"])[0])
        help_runs.append(child([*store_audit(), "--help"])[0])
        checks_runs.append(child([*store_audit(), "checks"])[0])
    click_only, help_time, checks_time = min(click_runs), min(help_runs), min(checks_runs)
    print(
        f"start-up: import click {click_only * 1000:.0f} ms, {' '.join(store_audit()[-2:])} "
        f"--help {help_time * 1000:.0f} ms ({help_time / click_only:.2f}x), checks "
        f"{checks_time * 1000:.0f} ms"
    )
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        text, secrets = generate(20, seed=3)
        (folder / "store-audit.toml").write_text(text)
        write_keyring(str(folder / "secrets.json"), secrets)
        solo, peak = best(
            runs,
            [
                sys.executable,
                "-m",
                "auditor",
                "audit",
                "--inventory",
                "store-audit.toml",
                "--format",
                "table",
                "--fail-on",
                "never",
            ],
            audit_env(folder),
            folder,
        )
        print(f"solo seller, 20 accounts, file backend: {solo * 1000:.0f} ms, peak {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 10000])
    parser.add_argument("--keyring-accounts", type=int, nargs="*", default=[1000])
    parser.add_argument("--runs", type=int, default=3, help="best of this many child runs")
    parser.add_argument("--python-plain", help="a venv's python with store-audit only")
    parser.add_argument("--python-with-alt", help="a venv's python with keyrings.alt as well")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}; load {os.getloadavg()}")
    start_up(args.runs)
    scale(args.sizes, args.runs)
    if args.keyring_accounts:
        from real_keyring import make_venvs, measure

        with tempfile.TemporaryDirectory() as name:
            plain, with_alt = args.python_plain, args.python_with_alt
            if not (plain and with_alt):
                plain, with_alt = make_venvs(Path(name))
            for count in args.keyring_accounts:
                measure(count, plain, with_alt, args.runs, best)
    print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
