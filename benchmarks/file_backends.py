"""An audit on keyrings.alt's file backends against the same audit on a keyring read from memory
(issue 26, item 12): `python benchmarks/file_backends.py [--accounts 1000]`.

For N generated accounts (benchmarks/make_inventory.py, fake secrets), `store-audit audit` runs
in a child process three times, each on one backend holding the same entries:
  - file_keyring.JsonFileKeyring: read once into memory, the reference;
  - keyrings.alt's PlaintextKeyring;
  - keyrings.alt's EncryptedKeyring (needs pycryptodome; its password is given on stdin, as
    its prompt reads it without a terminal).
It prints wall time and peak RSS of each, and each file backend's ratio to the reference (the
goal: within 2x, under 300 MB). The two keyrings.alt files are written in their own format
(ini sections, base64, the backend's own `encrypt`), once, before anything is timed.
"""

from __future__ import annotations

import argparse
import configparser
import os
import sys
import tempfile
from base64 import encodebytes
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from file_keyring import write as write_json_keyring  # noqa: E402
from make_inventory import generate  # noqa: E402
from run import measure  # noqa: E402

PASSWORD = "bench-keyring-password"  # noqa: S105 - a benchmark's own, fake
"""The EncryptedKeyring's own password (a benchmark's, fake)."""


def write_alt(backend: object, path: Path, secrets: dict[tuple[str, str], str]) -> None:
    """The entries as keyrings.alt's file backends store them, in one write."""
    from keyrings.alt.escape import escape

    config = configparser.RawConfigParser()
    extra = {}
    if type(backend).__name__ == "EncryptedKeyring":
        backend.keyring_key = PASSWORD  # type: ignore[attr-defined]
        extra = {("keyring-setting", "password reference"): "password reference value"}
    for (service, user), value in {**secrets, **extra}.items():
        section, option = escape(service), escape(user)
        if not config.has_section(section):
            config.add_section(section)
        sealed = backend.encrypt(value.encode(), (section + r"\0" + option).encode())  # type: ignore[attr-defined]
        config.set(section, option, "\n" + encodebytes(sealed).decode())
    if extra:
        config.set(escape("keyring-setting"), escape("scheme"), backend.scheme)  # type: ignore[attr-defined]
        config.set(escape("keyring-setting"), escape("version"), backend.version)  # type: ignore[attr-defined]
    with open(path, "w", encoding="utf-8") as handle:
        config.write(handle)


def child(command: list[str], env: dict[str, str], stdin: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of a child process, with no terminal to prompt on."""
    run = measure(command, env, stdin=stdin, new_session=True)
    assert run.returncode in (0, 1), f"{command} failed"
    return run.seconds, run.peak_mib


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=1000)
    count = parser.parse_args().accounts
    from keyrings.alt.file import EncryptedKeyring, PlaintextKeyring

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        text, secrets = generate(count)
        (folder / "store-audit.toml").write_text(text)
        write_json_keyring(str(folder / "secrets.json"), secrets)
        base = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent)]),
            "XDG_DATA_HOME": str(folder / "data"),
        }
        (folder / "data" / "python_keyring").mkdir(parents=True)
        backends = [("in memory (reference)", "file_keyring.JsonFileKeyring", None)]
        backends.append(
            ("PlaintextKeyring", "keyrings.alt.file.PlaintextKeyring", PlaintextKeyring)
        )
        try:
            EncryptedKeyring._get_crypto_impl()
            backends.append(
                ("EncryptedKeyring", "keyrings.alt.file.EncryptedKeyring", EncryptedKeyring)
            )
        except ImportError:
            print("EncryptedKeyring: skipped (pip install pycryptodome to measure it)")
        command = [
            sys.executable,
            "-m",
            "auditor",
            "audit",
            "--inventory",
            str(folder / "store-audit.toml"),
        ]
        reference = None
        for name, selector, kind in backends:
            env = {
                **base,
                "PYTHON_KEYRING_BACKEND": selector,
                "STORE_AUDIT_BENCH_KEYRING": str(folder / "secrets.json"),
            }
            if kind is not None:
                backend = kind()
                backend.file_path = str(folder / "data" / "python_keyring" / backend.filename)
                write_alt(backend, Path(backend.file_path), secrets)
            elapsed, peak = child(command, env, PASSWORD + "\n")
            reference = reference or (elapsed, peak)
            print(
                f"audit of {count} accounts on {name}: {elapsed:6.2f} s, peak {peak:6.0f} MB "
                f"(x{elapsed / reference[0]:.2f} time, x{peak / reference[1]:.2f} memory)"
            )


if __name__ == "__main__":
    main()
