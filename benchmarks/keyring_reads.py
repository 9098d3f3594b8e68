"""Time spent reading a real Secret Service: `python benchmarks/keyring_reads.py [N ...]`.

Starts a private D-Bus bus and gnome-keyring-daemon (as the tests do), stores a password and a
TOTP seed for N accounts through `keyring`, then times store-audit's `read_secrets` (two reads
per account through `keyring`, each of which opens its own D-Bus connection) and a whole
`store-audit audit` in a child process. Prints ms per account.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from keyring.backends import SecretService

from auditor.inventory import parse_inventory
from auditor.secrets import KeyringStore, read_secrets
from tests.secret_service import private_secret_service


def inventory_text(count: int) -> str:
    rows = ["version = 1"]
    rows += [
        f'[[accounts]]\nid = "store-{i}"\nplatform = "shopify"\nlogin = "ops{i}@bench.test"\n'
        'mfa = "totp"'
        for i in range(count)
    ]
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[20, 100])
    args = parser.parse_args()
    with private_secret_service() as env:
        os.environ.update(env)
        backend = SecretService.Keyring()
        import keyring

        keyring.set_keyring(backend)
        for count in args.counts:
            text = inventory_text(count)
            inventory = parse_inventory(text.encode(), Path("bench.toml"))
            for account in inventory.accounts:
                backend.set_password(account.service, account.login, f"pw-{account.id}-Xq9!")
                backend.set_password(account.totp_service, account.login, "JBSWY3DPEHPK3PXP")
            started = time.perf_counter()
            read_secrets(inventory.accounts, KeyringStore())
            reads = time.perf_counter() - started
            with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as handle:
                handle.write(text)
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "auditor",
                    "audit",
                    "--inventory",
                    handle.name,
                    "--format",
                    "json",
                ],
                env={**os.environ},
                capture_output=True,
                check=False,
            )
            whole = time.perf_counter() - started
            os.unlink(handle.name)
            print(
                f"{count:>5} accounts: read_secrets {reads * 1000:.0f} ms "
                f"({reads / count * 1000:.1f} ms/account, {reads / (2 * count) * 1000:.1f} "
                f"ms/read); whole audit in a child process {whole * 1000:.0f} ms"
            )
            for account in inventory.accounts:
                backend.delete_password(account.service, account.login)
                backend.delete_password(account.totp_service, account.login)


if __name__ == "__main__":
    main()
