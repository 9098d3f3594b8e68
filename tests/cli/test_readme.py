"""The README's "Your own audit" commands, run verbatim in a fresh home against the real
gnome-keyring, so the README cannot drift from what works on a new machine (issue 10: `add` and
`import` used to fail there because the config dir did not exist)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.secret_service

README = Path(__file__).resolve().parents[2] / "README.md"
BITWARDEN_CSV = """\
folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
,,login,Seller Central,,,0,https://sellercentral.amazon.com/ap/signin,ops@acmehome.com,Amz-Readme-Xq9!zL,
,,login,eBay,,,0,https://signin.ebay.com/ws/eBayISAPI.dll,ops@acmehome.com,Ebay-Readme-Xq9!zL,
,,note,Wifi,the router password,,0,,,,
"""


def readme_commands() -> list[str]:
    """The command lines of the first code block under "## Your own audit"."""
    section = README.read_text().split("## Your own audit", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.strip()]


@pytest.fixture
def forget_what_it_stores(
    tmp_path: Path, secret_service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Remove the keyring entries the README's commands stored, so the daemon the whole run
    shares holds no account of this test when the import tests compare its contents."""
    yield
    from keyring.backends import SecretService

    from auditor.inventory import load_inventory

    inventory = tmp_path / "home" / ".config" / "store-audit" / "inventory.toml"
    if not inventory.exists():
        return
    for name, value in secret_service_env.items():
        monkeypatch.setenv(name, value)
    backend = SecretService.Keyring()
    for account in load_inventory(inventory).accounts:
        for service, user in account.keyring_entries:
            if backend.get_password(service, user) is not None:
                backend.delete_password(service, user)


@pytest.mark.usefixtures("forget_what_it_stores")
def test_the_readme_s_own_audit_runs_verbatim_in_a_fresh_home(
    tmp_path: Path, secret_service_env: dict[str, str]
) -> None:
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    (home / "Downloads" / "bitwarden_export.csv").write_text(BITWARDEN_CSV)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "store-audit"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m auditor "$@"\n')
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    env = {  # a new user's environment: no XDG_CONFIG_HOME, nothing from a previous run
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(README.parent),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "DBUS_SESSION_BUS_ADDRESS": secret_service_env["DBUS_SESSION_BUS_ADDRESS"],
        "XDG_RUNTIME_DIR": secret_service_env["XDG_RUNTIME_DIR"],
    }
    commands = readme_commands()
    assert any(c.startswith("store-audit add ") for c in commands)
    for line in commands:
        result = subprocess.run(
            ["sh", "-c", line],
            cwd=home,
            env=env,
            input="Add-Readme-Xq9!zL\nAdd-Readme-Xq9!zL\n\n",
            capture_output=True,
            text=True,
            timeout=120,
        )
        expected = (0, 1) if line.startswith("store-audit audit") else (0,)
        assert result.returncode in expected, (line, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
    config = home / ".config" / "store-audit"
    assert stat.S_IMODE(config.stat().st_mode) == 0o700
    inventory = (config / "inventory.toml").read_text()
    assert 'id = "amazon-ca"' in inventory and "sellercentral" not in inventory.split("[[")[0]
    assert inventory.count("[[accounts]]") == 3
