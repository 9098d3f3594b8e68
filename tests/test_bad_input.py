"""Each way the audit or a writing command used to crash, hang or leak on what it reads (issue
10) now ends in a result or one clean line with the contract's exit code, and nothing lost."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditor.errors import ExitCode
from auditor.report import FORMATS
from tests.conftest import UseBackend, invoke
from tests.intake.writers import delete_entries
from tests.keyrings import MemoryKeyring

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")

INVENTORY = """\
version = 1
[[accounts]]
id = "shop"
platform = "shopify"
login = "o@acme.test"
mfa = "totp"
"""
CANARY = "Zq7!CanaryValue-93kd"


@pytest.fixture
def inventory(tmp_path: Path) -> Path:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    path.chmod(0o600)
    return path


def one_line_error(result_stderr: str, *parts: str) -> None:
    lines = [line for line in result_stderr.splitlines() if not line.startswith("hint: ")]
    assert len(lines) == 1, result_stderr
    assert lines[0].startswith("store-audit: error: "), result_stderr
    assert "Traceback" not in result_stderr
    for part in parts:
        assert part in lines[0], (part, lines[0])


@pytest.mark.parametrize(
    "stored",
    [
        "otpauth://[x",
        f"otpauth://totp.{CANARY}\uff03x?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    ],
)
def test_an_unreadable_stored_seed_is_a_finding_not_a_crash(
    inventory: Path, memory_keyring: MemoryKeyring, stored: str
) -> None:
    memory_keyring.entries[("store-audit/shop", "o@acme.test")] = "Strong-Pw-Xq9!zLw4"
    memory_keyring.entries[("store-audit/shop/totp", "o@acme.test")] = stored
    for command in (["audit", "--format", "json"], ["onboard", "shop", "--format", "json"]):
        result = invoke(*command, "--inventory", inventory)
        assert result.exit_code == ExitCode.FINDINGS, result.stderr
        keys = [f["key"] for f in json.loads(result.stdout)["findings"]]
        assert "mfa.totp-invalid:shop" in keys
        assert CANARY not in result.stdout + result.stderr
    verify = invoke("verify-totp", "shop", "--inventory", inventory, input="123456\n")
    assert verify.exit_code == ExitCode.USAGE
    one_line_error(verify.stderr, "shop: the stored seed cannot generate codes")
    assert CANARY not in verify.stdout + verify.stderr


def test_add_refuses_an_unreadable_seed_in_one_line(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "store-audit.toml"
    seed = f"otpauth://totp.{CANARY}\uff03x?secret=JBSW"
    result = invoke(
        "add", "shop", "--platform", "shopify", "--login", "o@acme.test", "--mfa", "totp",
        "--inventory", path, input=f"Pw-Xq9!zLw4\nPw-Xq9!zLw4\n{seed}\n",
    )  # fmt: skip
    assert result.exit_code == ExitCode.USAGE
    one_line_error(result.stderr, "the TOTP seed was not stored")
    assert CANARY not in result.stdout + result.stderr
    assert memory_keyring.entries == {} and not path.exists()


class LeakyKeyring(MemoryKeyring):
    """A backend whose read error quotes the value it found."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError(f"item decode failed for {CANARY}")


def test_a_read_error_never_repeats_the_backend_s_message(
    inventory: Path, use_backend: UseBackend
) -> None:
    use_backend(LeakyKeyring())
    for command in (["audit"], ["doctor"], ["verify-totp", "shop"]):
        result = invoke(*command, "--inventory", inventory, input="123456\n")
        assert result.exit_code == ExitCode.KEYRING, (command, result.stdout, result.stderr)
        assert "RuntimeError" in result.stdout + result.stderr
        assert CANARY not in result.stdout + result.stderr


HOSTILE_EXPORTS = {
    "nested 100,000 deep": ('{"items": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deep"),
    "a 5,000-digit number": ('{"items": [], "n": ' + "9" * 5000 + "}", "too many digits"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_EXPORTS))
def test_hostile_bitwarden_json_is_one_line(
    tmp_path: Path, memory_keyring: MemoryKeyring, name: str
) -> None:
    text, message = HOSTILE_EXPORTS[name]
    export = tmp_path / "export.json"
    export.write_text(text)
    result = invoke("import", export, "--from", "bitwarden", "--inventory", tmp_path / "inv.toml")
    assert result.exit_code == ExitCode.USAGE
    one_line_error(result.stderr, str(export), message)


def test_a_5000_digit_number_in_the_inventory_is_one_line(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "store-audit.toml"
    path.write_text(f"version = {'9' * 5000}\n")
    result = invoke("audit", "--inventory", path)
    assert result.exit_code == ExitCode.USAGE
    one_line_error(result.stderr, str(path), "too many digits")


@pytest.mark.parametrize("count", [b"12x", b"9" * 5000])
def test_a_corpus_line_with_a_bad_count_is_one_line(
    tmp_path: Path, inventory: Path, memory_keyring: MemoryKeyring, count: bytes
) -> None:
    from auditor.breach import sha1_hex

    password = "Strong-Pw-Xq9!zLw4"
    memory_keyring.entries[("store-audit/shop", "o@acme.test")] = password
    corpus = tmp_path / "pwned.txt"
    lines = sorted([sha1_hex(password).encode() + b":" + count, b"0" * 40 + b":1"])
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    result = invoke("audit", "--inventory", inventory, "--hibp-file", corpus)
    assert result.exit_code == ExitCode.USAGE, result.stderr
    one_line_error(result.stderr, str(corpus))
    folder = tmp_path / "ranges"
    folder.mkdir()
    (folder / f"{sha1_hex(password)[:5]}.txt").write_bytes(
        sha1_hex(password)[5:].encode() + b":" + count + b"\n"
    )
    result = invoke("audit", "--inventory", inventory, "--hibp-file", folder)
    assert result.exit_code == ExitCode.USAGE, result.stderr
    one_line_error(result.stderr, str(folder))


BROKEN_ANSWERS = {
    "a bad status line": b"NOT-HTTP\r\n\r\n",
    "a truncated body": b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + b"0" * 35 + b":1\r\n",
    "a 70 KB header": b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 70_000 + b"\r\n\r\n",
}


@pytest.fixture
def broken_server() -> Iterator[tuple[str, dict[str, bytes]]]:
    """A loopback server that answers every request with the bytes in `answer["bytes"]`."""
    answer = {"bytes": b""}
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(2)
                try:
                    connection.recv(65536)
                    connection.sendall(answer["bytes"])
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/range/", answer
    stop.set()
    thread.join(timeout=5)
    server.close()


@pytest.mark.parametrize("name", sorted(BROKEN_ANSWERS))
def test_a_broken_range_answer_is_exit_3_in_one_line(
    inventory: Path,
    memory_keyring: MemoryKeyring,
    broken_server: tuple[str, dict[str, bytes]],
    name: str,
) -> None:
    url, answer = broken_server
    answer["bytes"] = BROKEN_ANSWERS[name]
    memory_keyring.entries[("store-audit/shop", "o@acme.test")] = "Strong-Pw-Xq9!zLw4"
    result = invoke("audit", "--inventory", inventory, "--hibp-online", "--hibp-url", url)
    assert result.exit_code == ExitCode.KEYRING, result.stderr
    one_line_error(result.stderr, "Pwned Passwords")


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "1e309", "abc", "0"])
def test_a_bad_keyring_timeout_is_exit_2(
    inventory: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("STORE_AUDIT_KEYRING_TIMEOUT", value)
    for command in (["audit"], ["doctor"]):
        result = invoke(*command, "--inventory", inventory)
        assert result.exit_code == ExitCode.USAGE, (command, result.stdout, result.stderr)
        one_line_error(result.stderr, "$STORE_AUDIT_KEYRING_TIMEOUT")


def run_cli(
    args: list[str | Path], env: dict[str, str], input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`store-audit ARGS` as its own process; the timeout turns a hang into a failure."""
    return subprocess.run(
        [sys.executable, "-m", "auditor", *map(str, args)],
        env={**os.environ, **env},
        input=input,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_latin_1_terminal_still_gets_the_demo() -> None:
    result = run_cli(["demo"], {"PYTHONIOENCODING": "latin-1"})
    assert result.returncode == ExitCode.OK, result.stderr
    assert "Hardening checklist" in result.stdout
    assert "\\u0430" in result.stdout  # the Cyrillic look-alike, escaped rather than a crash


@pytest.mark.secret_service
def test_piped_add_works_with_warnings_as_errors(
    tmp_path: Path, secret_service_env: dict[str, str]
) -> None:
    env = {
        **secret_service_env,
        "PYTHONWARNINGS": "error",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring",
    }
    marker = f"w{os.getpid()}"
    result = run_cli(
        ["add", marker, "--platform", "ebay", "--login", "w@acme.test", "--mfa", "sms",
         "--inventory", tmp_path / "inv.toml"],
        env,
        input="Pw-Xq9!zLw4\nPw-Xq9!zLw4\n\n",
    )  # fmt: skip
    delete_entries({**os.environ, **secret_service_env}, marker)
    assert result.returncode == ExitCode.OK, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.posix
def test_special_files_are_refused_not_read(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    export = tmp_path / "export.csv"
    export.write_text("name,url,username,password,note\n")
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    commands: list[list[str | Path]] = [
        ["audit", "--inventory", fifo],
        ["import", export, "--from", "chrome", "--inventory", "/dev/zero"],
        ["import", fifo, "--from", "chrome", "--inventory", tmp_path / "inv.toml"],
        ["add", "x", "--platform", "ebay", "--login", "x@acme.test", "--mfa", "sms",
         "--inventory", fifo],
    ]  # fmt: skip
    for args in commands:
        result = run_cli(args, env, input="")  # the timeout guards against a hang
        assert result.returncode == ExitCode.USAGE, (args, result.stderr)
        one_line_error(result.stderr, "not a regular file")


def test_writing_commands_refuse_an_oversized_inventory(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY + "#" * (17 * 2**20) + "\n")
    before = path.stat().st_size
    result = invoke(
        "add", "x", "--platform", "ebay", "--login", "x@acme.test", "--mfa", "sms",
        "--inventory", path, input="Pw-Xq9!zLw4\nPw-Xq9!zLw4\n\n",
    )  # fmt: skip
    assert result.exit_code == ExitCode.USAGE
    one_line_error(result.stderr, "larger than 16 MiB")
    assert path.stat().st_size == before and memory_keyring.entries == {}


def test_a_header_of_200000_dotted_parts_is_refused_at_once(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "store-audit.toml"
    path.write_text("version = 1\n[" + ".".join(["a"] * 200_000) + "]\n")
    result = run_cli(["audit", "--inventory", path], {}, input="")  # timeout: no minutes-long parse
    assert result.returncode == ExitCode.USAGE
    one_line_error(result.stderr, "line 2: more than 256 dots")


def test_output_never_replaces_the_inventory(
    inventory: Path, memory_keyring: MemoryKeyring
) -> None:
    before = inventory.read_bytes()
    for option in ("--output", "--write-baseline"):
        result = invoke("audit", "--inventory", inventory, "--format", "json", option, inventory)
        assert result.exit_code == ExitCode.USAGE
        one_line_error(result.stderr, "is the inventory itself")
    assert inventory.read_bytes() == before


@pytest.mark.posix
def test_reports_are_0600_even_under_umask_777(
    tmp_path: Path, inventory: Path, memory_keyring: MemoryKeyring
) -> None:
    old = os.umask(0o777)
    try:
        out = tmp_path / "report.json"
        result = invoke("audit", "--inventory", inventory, "--format", "json", "--output", out)
    finally:
        os.umask(old)
    assert result.exit_code in (ExitCode.OK, ExitCode.FINDINGS)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.posix
def test_an_inventory_in_a_folder_others_can_write_gets_a_warning(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    path = folder / "store-audit.toml"
    path.write_text(INVENTORY)
    path.chmod(0o600)
    result = invoke("audit", "--inventory", path)
    assert f"the folder {folder} can be changed by anyone" in result.stderr
    folder.chmod(0o1777)  # sticky, like /tmp: others cannot replace the file
    assert "can be changed" not in invoke("audit", "--inventory", path).stderr


def test_bidi_and_zero_width_characters_never_reach_a_report(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "store-audit.toml"
    path.write_text(
        'version = 1\n[[accounts]]\nid = "shop"\nplatform = "shopify"\n'
        'store = "Acme \u202egnp.exe"\nlogin = "o\u200b@acme.test"\nmfa = "none"\n'
    )
    memory_keyring.entries[("store-audit/shop", "o\u200b@acme.test")] = "Strong-Pw-Xq9!zLw4"
    for name in FORMATS:
        result = invoke("audit", "--inventory", path, "--format", name)
        text = result.stdout
        assert "\u202e" not in text and "\u200b" not in text, name
    shown = json.loads(invoke("audit", "--inventory", path, "--format", "json").stdout)
    assert any("o\\u200b@acme.test" in f["message"] for f in shown["findings"])
    html = invoke("audit", "--inventory", path, "--format", "html").stdout
    assert "Acme \\u202egnp.exe" in html  # the store name, shown with its override visible


def test_dry_run_and_import_skip_a_user_name_with_control_characters(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "name,url,username,password,note\n"
        'eBay,https://signin.ebay.com/,"bad\x1b[31m@acme.test",Pw-Xq9!zLw4,\n'
        'Etsy,https://www.etsy.com/signin,"two\nlines@acme.test",Pw-Xq9!zLw5,\n'
        "Shopify,https://accounts.shopify.com/,ok@acme.test,Pw-Xq9!zLw6,\n"
    )
    path = tmp_path / "inv.toml"
    dry = invoke("import", export, "--from", "chrome", "--inventory", path, "--dry-run")
    real = invoke("import", export, "--from", "chrome", "--inventory", path)
    for result in (dry, real):
        assert result.exit_code == ExitCode.OK, result.stderr
        assert "\x1b" not in result.stdout
        assert result.stdout.count("its user name holds a control character") == 2
    assert len(memory_keyring.entries) == 1
