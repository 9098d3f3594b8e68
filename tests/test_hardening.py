"""A security tool's worst day: a keyring that hangs or fails, hostile sizes, files others can
write, symlinks. Each ends in a clean result or one clean error, and nothing is lost."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from auditor.errors import ExitCode
from tests.conftest import UseBackend, invoke
from tests.keyrings import MemoryKeyring, RaisingKeyring

INVENTORY = """\
version = 1
[[accounts]]
id = "shop"
platform = "shopify"
login = "o@acme.test"
mfa = "totp"
"""


class HangingKeyring(MemoryKeyring):
    """Never answers a read, like a Secret Service stuck behind a prompt nobody can see."""

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(3600)
        return None


@pytest.fixture
def inventory(tmp_path: Path) -> Path:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    path.chmod(0o600)
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["audit"],
        ["onboard", "shop"],
        ["doctor"],
        ["verify-totp", "shop"],
        ["set-secret", "shop", "--stdin"],
    ],
)
def test_a_hung_keyring_is_exit_3_not_a_hang(
    inventory: Path, use_backend: UseBackend, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("STORE_AUDIT_KEYRING_TIMEOUT", "0.2")
    use_backend(HangingKeyring())
    result = invoke(*command, "--inventory", inventory, input="Pw-1!xyz\n123456\n")
    assert result.exit_code == ExitCode.KEYRING, result.output
    assert "did not answer within 0.2 s" in result.stderr + result.stdout
    assert "STORE_AUDIT_KEYRING_TIMEOUT" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_a_failed_set_secret_leaves_the_keyring_as_it_was(
    inventory: Path, use_backend: UseBackend
) -> None:
    backend = RaisingKeyring(RuntimeError("unused"))
    backend.get_password = lambda service, username: None  # type: ignore[method-assign]
    use_backend(backend)
    result = invoke("set-secret", "shop", "--stdin", "--inventory", inventory, input="Pw-1!x\n")
    assert result.exit_code == ExitCode.KEYRING
    assert "shop password: keyring backend" in result.stderr and "PasswordSetError" in result.stderr
    assert backend.entries == {}


def accounts(count: int) -> str:
    return "version = 1\n" + "".join(
        f'[[accounts]]\nid = "a{i}"\nplatform = "ebay"\nlogin = "a{i}@x.test"\nmfa = "totp"\n'
        for i in range(count)
    )


HOSTILE: dict[str, tuple[str | bytes, str]] = {
    "login of 100,000 characters": (
        INVENTORY.replace("o@acme.test", "o" * 100_000 + "@acme.test"),
        "login: longer than 512 characters",
    ),
    "20,001 accounts": (accounts(20_001), "20,001 accounts; store-audit audits at most 20,000"),
    "nested 100,000 deep": (
        "version = 1\nx = " + "[" * 100_000 + "]" * 100_000,
        "nested too deeply",
    ),
    "NUL byte": (INVENTORY.replace("shopify", "shop\x00ify"), "invalid TOML"),
    "not UTF-8": (b"version = 1\n# \xff\xfe\n", "not UTF-8 text"),
    "17 MiB": ("version = 1\n" + "#" * (17 * 2**20) + "\n", "larger than 16 MiB"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_inventories_get_one_clean_error(
    tmp_path: Path, memory_keyring: MemoryKeyring, name: str
) -> None:
    text, message = HOSTILE[name]
    path = tmp_path / "store-audit.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    result = invoke("audit", "--inventory", path)
    assert result.exit_code == ExitCode.USAGE
    line, *hints = result.stderr.splitlines()  # one line, and perhaps a hint what to do
    assert line.startswith(f"store-audit: error: {path}") and message in line
    assert len(hints) <= 1 and all(hint.startswith("hint: ") for hint in hints)
    assert memory_keyring.reads == 0


def test_the_largest_allowed_inventory_is_audited(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "store-audit.toml"
    path.write_text(accounts(20_000))
    result = invoke("audit", "--inventory", path, "--format", "json", "--fail-on", "never")
    assert result.exit_code == ExitCode.OK
    assert '"accounts": 20000' in result.stdout


@pytest.mark.posix
def test_an_inventory_others_can_write_gets_a_warning(
    inventory: Path, memory_keyring: MemoryKeyring
) -> None:
    quiet = invoke("audit", "--inventory", inventory)
    assert "warning" not in quiet.stderr
    inventory.chmod(0o666)
    loud = invoke("audit", "--inventory", inventory)
    assert (
        f"store-audit: warning: {inventory} can be changed by anyone (mode 0666): someone "
        "else could redirect which keyring entries store-audit reads"
    ) in loud.stderr
    inventory.chmod(0o620)
    assert "can be changed by its group" in invoke("doctor", "--inventory", inventory).stdout


@pytest.mark.posix
def test_writes_never_go_through_a_symlinked_inventory(
    tmp_path: Path, inventory: Path, memory_keyring: MemoryKeyring
) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(inventory)
    before = inventory.read_text()
    result = invoke(
        "add",
        "etsy",
        "--platform",
        "etsy",
        "--login",
        "e@acme.test",
        "--mfa",
        "sms",
        "--inventory",
        link,
        input="Pw-1!xyzab\nPw-1!xyzab\n\n",
    )
    assert result.exit_code == ExitCode.USAGE
    assert "is a symbolic link; refusing to write through it" in result.stderr
    assert inventory.read_text() == before
    assert memory_keyring.entries == {}  # nothing written before the refusal


@pytest.mark.posix
def test_reports_are_private_even_under_a_permissive_umask(
    tmp_path: Path, inventory: Path, memory_keyring: MemoryKeyring
) -> None:
    old = os.umask(0)
    try:
        for fmt in ("json", "html", "csv"):
            out = tmp_path / f"r.{fmt}"
            invoke("audit", "--inventory", inventory, "--format", fmt, "--output", out)
            assert oct(out.stat().st_mode & 0o777) == "0o600"
    finally:
        os.umask(old)


@pytest.mark.posix
def test_commands_that_write_secrets_warn_about_a_shared_inventory(
    inventory: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory.chmod(0o664)
    result = invoke("set-secret", "shop", "--stdin", "--inventory", inventory, input="Pw-1!xy\n")
    assert result.exit_code == ExitCode.OK
    assert "can be changed by its group" in result.stderr
