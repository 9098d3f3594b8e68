"""keyrings.alt's file backends are read once per audit, not once per entry, and what the
audit reads through them is what they store (issue 26, item 12); a backend that leaves cyclic
garbage behind on every read does not grow the audit without bound."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from auditor.errors import ExitCode
from tests.conftest import UseBackend, invoke


class CountingPlaintext(PlaintextKeyring):  # type: ignore[misc]  # keyrings.alt is untyped
    """keyrings.alt's PlaintextKeyring in a file of the test's, counting its per-entry reads."""

    reads = 0

    def get_password(self, service: str, username: str) -> str | None:
        CountingPlaintext.reads += 1
        value: str | None = super().get_password(service, username)
        return value


def _inventory(path: Path, count: int) -> None:
    lines = ["version = 1"]
    for i in range(count):
        lines += [
            "[[accounts]]",
            f'id = "shop{i}"',
            'platform = "shopify"',
            f'login = "u{i}@acme.test"',
            'mfa = "totp"',
        ]
    path.write_text("\n".join(lines) + "\n")


def test_a_file_backend_is_read_once_and_answers_as_itself(
    use_backend: UseBackend, tmp_path: Path
) -> None:
    backend = CountingPlaintext()
    backend.file_path = str(tmp_path / "keyring_pass.cfg")
    for i in range(30):
        backend.set_password(f"store-audit/shop{i}", f"u{i}@acme.test", f"Shared-Xq9!zL-{i % 3}")
    backend.set_password("store-audit/shop0/totp", "u0@acme.test", "JBSWY3DPEHPK3PXP")
    use_backend(backend)
    inventory = tmp_path / "store-audit.toml"
    _inventory(inventory, 30)
    CountingPlaintext.reads = 0
    result = invoke("audit", "--inventory", inventory, "--format", "json")
    assert result.exit_code == ExitCode.FINDINGS, result.stderr
    assert CountingPlaintext.reads == 0  # every entry came from one read of the file
    assert "password.missing" not in result.stdout  # every password was found
    assert "password.reused:shop0,shop12,shop15" in result.stdout  # and compared
    assert "mfa.totp-weak-seed:shop0" in result.stdout  # the seed too


LEAKY = """
import gc
from keyring.backend import KeyringBackend

class Leaky(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        junk = [bytearray(1 << 20) for _ in range(4)]
        junk.append(junk)  # a cycle: only the cyclic collector frees it
        if service.endswith(("/totp", "/backup", "/answers")):
            return None
        return "Pw-Xq9!zL-" + service

    def set_password(self, service, username, password):
        raise NotImplementedError

    def delete_password(self, service, username):
        raise NotImplementedError
"""


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_AS"), reason="needs an address-space limit")
def test_a_backend_that_leaves_cycles_does_not_exhaust_memory(tmp_path: Path) -> None:
    (tmp_path / "leaky.py").write_text(LEAKY)
    inventory = tmp_path / "store-audit.toml"
    _inventory(inventory, 300)  # 900 reads, 4 MiB of cycles each: 3.5 GiB if never collected
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path]),
        "PYTHON_KEYRING_BACKEND": "leaky.Leaky",
    }

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    result = subprocess.run(
        [sys.executable, "-m", "auditor", "audit", "--inventory", str(inventory)],
        env=env,
        preexec_fn=limit,  # noqa: PLW1509 - a limit on the child alone
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode in (ExitCode.OK, ExitCode.FINDINGS), result.stderr[-300:]
