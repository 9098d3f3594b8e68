"""store-audit on a real gnome-keyring, in child processes started the way a user starts them:
no backend named, so `keyring` picks its own, once in a venv with store-audit only (it picks the
Secret Service) and once in a venv that also has keyrings.alt (it picks its ChainerBackend).

Used by run.py (`--keyring-accounts N`). The two venvs are made by `make_venvs` (pip, from this
checkout) unless `--python-plain` / `--python-with-alt` name existing interpreters, e.g.:

    python -m venv /tmp/plain && /tmp/plain/bin/pip install .
    python -m venv /tmp/alt && /tmp/alt/bin/pip install . keyrings.alt

Measured on one private daemon holding N generated accounts, written once over one connection
into the daemon's in-memory session collection, made the default (the alias `keyring` and
store-audit read through): gnome-keyring's time to create an item grows with the collection, and
the login collection also rewrites its file each time (1,200 items: 70 ms per item at the end
against 11 ms), so 5,000 accounts would take half an hour to set up. Reads are served from
memory in both. Each figure the best of `runs`:
  - the whole `store-audit audit` (both venvs);
  - the per-entry path the audit took through a chain before bulk reads reached it:
    `keyring.get_password` for every entry (read alone; up to 2,000 accounts, as it takes
    minutes beyond);
  - the bulk read alone (`read_secrets`, both venvs) and a bare zxcvbn loop over the distinct
    passwords alone, for the "read and score at once" ratio: audit / (read + loop).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

READ = """
import sys
from pathlib import Path
from auditor.inventory import load_inventory
from auditor.secrets import KeyringStore, read_secrets
read_secrets(load_inventory(Path(sys.argv[1])).accounts, KeyringStore())
"""

PER_ENTRY = """
import sys
from pathlib import Path
import keyring
from auditor.inventory import load_inventory
for a in load_inventory(Path(sys.argv[1])).accounts:
    keyring.get_password(a.service, a.login)
    keyring.get_password(a.totp_service, a.login)
"""

LOOP = (
    "from zxcvbn import zxcvbn\nfor p in open('passwords.txt').read().split('\\n'): zxcvbn(p[:72])"
)

BACKEND = "import keyring; print(type(keyring.get_keyring()).__name__)"


def make_venvs(folder: Path) -> tuple[str, str]:
    """A venv with store-audit only, and one with keyrings.alt too (pip, from this checkout)."""
    pythons = []
    for name, extra in (("plain", []), ("with-alt", ["keyrings.alt"])):
        venv = folder / name
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = str(venv / "bin" / "python")
        subprocess.run([python, "-m", "pip", "install", "-q", str(ROOT), *extra], check=True)
        pythons.append(python)
    return pythons[0], pythons[1]


def populate(env: dict[str, str], secrets: dict[tuple[str, str], str]) -> None:
    """Write every secret as keyring's Secret Service backend would, over one connection."""
    os.environ.update(env)
    import secretstorage
    from keyring.backends import SecretService
    from secretstorage.defines import SS_PATH
    from secretstorage.util import DBusAddressWrapper

    connection = secretstorage.dbus_init()
    session = "/org/freedesktop/secrets/collection/session"
    secret_service = DBusAddressWrapper(SS_PATH, "org.freedesktop.Secret.Service", connection)
    secret_service.call("SetAlias", "so", "default", session)
    (alias,) = secret_service.call("ReadAlias", "s", "default")
    assert alias == session, alias
    connection.close()
    backend = SecretService.Keyring()
    collection = backend.get_preferred_collection()
    scheme = backend.schemes[backend.scheme]
    for (service, user), value in secrets.items():
        attributes = {
            scheme["service"]: service,
            scheme["username"]: user,
            "application": backend.appid,
        }
        collection.create_item(f"Password for '{user}' on '{service}'", attributes, value.encode())
    secretstorage.dbus_init().close()


def measure(
    count: int,
    plain: str,
    with_alt: str,
    runs: int,
    best: Callable[..., tuple[float, float]],
) -> None:
    """Print the figures for `count` generated accounts on a private gnome-keyring."""
    from make_inventory import generate

    from tests.secret_service import private_secret_service

    text, secrets = generate(count, seed=2)
    with tempfile.TemporaryDirectory() as name, private_secret_service() as bus:
        folder = Path(name)
        (folder / "store-audit.toml").write_text(text)
        distinct = dict.fromkeys(v for (s, _), v in secrets.items() if not s.endswith("/totp"))
        (folder / "passwords.txt").write_text("\n".join(distinct))
        populate(bus, secrets)
        keep = ("PATH", "LANG", "LC_ALL")
        env = {k: v for k, v in os.environ.items() if k in keep} | bus
        audit = ["-m", "auditor", "audit", "--inventory", "store-audit.toml", "--format", "json"]
        audit += ["--output", "report.json", "--fail-on", "never"]
        figures: dict[str, float] = {}
        for label, python in (("plain", plain), ("alt", with_alt)):
            picked = subprocess.run(
                [python, "-c", BACKEND], env=env, capture_output=True, text=True, check=True
            ).stdout.strip()
            print(f"  venv {label}: keyring picks {picked}")
            figures[f"audit {label}"] = best(runs, [python, *audit], env, folder)[0]
            figures[f"read {label}"] = best(
                runs, [python, "-c", READ, "store-audit.toml"], env, folder
            )[0]
        if count <= 2000:
            figures["per-entry alt"] = best(
                1, [with_alt, "-c", PER_ENTRY, "store-audit.toml"], env, folder
            )[0]
        figures["loop"] = best(runs, [plain, "-c", LOOP], env, folder)[0]
    print(
        f"real gnome-keyring, {count:,} accounts ({len(secrets):,} items, {len(distinct):,} "
        "distinct passwords), child processes, best of each:"
    )
    for key, value in figures.items():
        print(f"  {key:<16} {value:6.2f} s")
    f = figures
    if "per-entry alt" in f:
        print(
            f"  with keyrings.alt: audit {f['audit alt']:.2f} s vs per-entry read alone "
            f"{f['per-entry alt']:.2f} s ({f['per-entry alt'] / f['audit alt']:.1f}x faster)"
        )
    print(f"  with keyrings.alt vs without: {f['audit alt'] / f['audit plain']:.2f}x")
    for label in ("plain", "alt"):
        parts = f[f"read {label}"] + f["loop"]
        print(
            f"  read and score at once ({label}): audit {f[f'audit {label}']:.2f} s / (read "
            f"{f[f'read {label}']:.2f} s + zxcvbn loop {f['loop']:.2f} s) = "
            f"{f[f'audit {label}'] / parts:.2f}"
        )
