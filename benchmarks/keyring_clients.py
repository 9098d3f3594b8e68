"""How many D-Bus connections an import opens to a real gnome-keyring-daemon, how long it takes,
and how often the daemon dies of it: with one kept connection (store-audit today) and with a
connection per call (keyring's own way, what store-audit did before).

    python benchmarks/keyring_clients.py [--accounts 40] [--runs 10] [--slow]

--slow attaches strace to the daemon, which slows its answers down as a loaded machine does;
that is when gnome-keyring-daemon 42 aborts on a new client's first request
(auditor/secrets/kept_connection.py). Needs gnome-keyring and dbus (and strace for --slow).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.intake.writers import child_env, chrome_export  # noqa: E402
from tests.secret_service import Daemon, daemon, private_secret_service  # noqa: E402

IMPORT = """
import sys, secretstorage
from auditor.cli import main
import auditor.secrets.keyring_store as store
opened = []
connect = secretstorage.dbus_init
secretstorage.dbus_init = lambda: opened.append(1) or connect()
if sys.argv[1] == "per-call":
    store.keep_connection = lambda backend: None
sys.argv = ["store-audit", *sys.argv[2:]]
try:
    main()
finally:
    print(f"connections {len(opened)}", file=sys.stderr)
"""


def _slow_down(keyring: Daemon) -> subprocess.Popen[bytes] | None:
    assert keyring.process is not None
    tracer = subprocess.Popen(
        ["strace", "-f", "-e", "trace=write,sendmsg,recvmsg", "-o", "/dev/null"]
        + ["-p", str(keyring.process.pid)],
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1)
    return tracer


def measure(mode: str, accounts: int, runs: int, slow: bool) -> None:
    seconds: list[float] = []
    connections: list[int] = []
    crashes = failed = 0
    with private_secret_service() as secret_service, tempfile.TemporaryDirectory() as work:
        env = child_env(secret_service)
        keyring = daemon(secret_service)
        tracer = _slow_down(keyring) if slow else None
        for run in range(runs):
            marker = "b" + uuid.uuid4().hex[:10]
            folder = Path(work, marker)
            folder.mkdir()
            export = chrome_export(folder / "export.csv", marker, accounts)
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", IMPORT, mode, "import", str(export), "--from", "chrome"]
                + ["--all", "--inventory", str(folder / "store-audit.toml")],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            seconds.append(time.perf_counter() - started)
            counted = [line for line in done.stderr.splitlines() if line.startswith("connections")]
            connections += [int(counted[-1].split()[1])] if counted else []
            failed += done.returncode != 0
            if keyring.restart_if_dead(f"run {run}"):
                crashes += 1
                if slow:
                    assert tracer is not None
                    tracer.terminate()
                    tracer = _slow_down(keyring)
        if tracer is not None:
            tracer.terminate()
    print(
        f"{mode:9} import of {accounts}: median {statistics.median(seconds):.2f} s of {runs}, "
        f"D-Bus connections {statistics.median(connections):.0f} per import, "
        f"imports failed {failed}/{runs}, daemon crashed {crashes}/{runs}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=40)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--slow", action="store_true", help="slow the daemon down with strace")
    options = parser.parse_args()
    print(f"daemon {'slowed by strace' if options.slow else 'at full speed'}")
    for mode in ("kept", "per-call"):
        measure(mode, options.accounts, options.runs, options.slow)


if __name__ == "__main__":
    main()
