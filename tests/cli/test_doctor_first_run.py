"""`doctor` on a new machine, before any inventory: with a keyring that answers it exits 0 and
names the commands that create the inventory; with none it is still exit 3 (SPEC §5)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.errors import ExitCode


def doctor(tmp_path: Path, extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    keep = ("PATH", "PYTHONPATH", "LANG", "LC_ALL")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env |= {**extra, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    return subprocess.run(
        [sys.executable, "-m", "auditor", "doctor"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.secret_service
def test_doctor_before_any_inventory_names_the_next_step(
    tmp_path: Path, secret_service_env: dict[str, str]
) -> None:
    result = doctor(tmp_path, secret_service_env)
    assert result.returncode == ExitCode.OK, result.stdout + result.stderr
    assert "keyring answers: yes" in result.stdout
    config = tmp_path / "config" / "store-audit" / "inventory.toml"
    here = os.path.join(".", "store-audit.toml")  # .\\store-audit.toml on Windows
    assert f"inventory: none yet (looked for {here} and {config})" in result.stdout
    assert "store-audit import FILE --from MANAGER" in result.stdout
    assert "store-audit add ID" in result.stdout
    assert not config.parent.exists()  # doctor writes nothing


def test_doctor_without_a_keyring_is_still_exit_3(tmp_path: Path) -> None:
    result = doctor(tmp_path, {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert result.returncode == ExitCode.KEYRING
    assert "none yet" not in result.stdout
