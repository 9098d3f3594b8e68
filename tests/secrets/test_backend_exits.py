"""A keyring backend that raises SystemExit or KeyboardInterrupt is a backend failure like any
other (issue 26, item 7): exit 3 and one line, never its argument (which could be a value it
read) and never exit 1, which means findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.errors import ExitCode
from tests.canaries import find_leaks, leak_forms, random_core
from tests.conftest import UseBackend, invoke
from tests.keyrings import MemoryKeyring

INVENTORY = (
    'version = 1\n[[accounts]]\nid = "a"\nplatform = "ebay"\nlogin = "a@x.test"\nmfa = "sms"\n'
)


class Exiting(MemoryKeyring):
    """Raises `kind(value)` from every read, or from every write."""

    def __init__(self, kind: type[BaseException], value: str, on: str) -> None:
        super().__init__()
        self.kind, self.value, self.on = kind, value, on

    def get_password(self, service: str, username: str) -> str | None:
        if self.on == "read":
            raise self.kind(self.value)
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.on == "write":
            raise self.kind(self.value)
        super().set_password(service, username, password)


@pytest.mark.parametrize("kind", [SystemExit, KeyboardInterrupt])
@pytest.mark.parametrize(
    "on, command",
    [("read", ["audit"]), ("read", ["doctor"]), ("write", ["set-secret", "a", "--stdin"])],
)
def test_a_backend_that_exits_is_exit_3_and_never_shows_its_argument(
    use_backend: UseBackend,
    tmp_path: Path,
    kind: type[BaseException],
    on: str,
    command: list[str],
) -> None:
    core = random_core()
    backend = Exiting(kind, f"Pw-{core}", on)
    use_backend(backend)
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(INVENTORY)
    env = {"PYTHON_KEYRING_BACKEND": "tests.keyrings.MemoryKeyring"}  # chosen: may store
    result = invoke(*command, "--inventory", inventory, input="New-pw-Xq9!zL\n", env=env)
    output = result.stdout + result.stderr
    assert result.exit_code == ExitCode.KEYRING, output
    assert kind.__name__ in output
    assert not find_leaks([output], {"argument": leak_forms(f"Pw-{core}", core)})
    assert "Traceback" not in output
    assert not backend.entries
