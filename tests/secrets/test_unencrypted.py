"""Where no Secret Service answers and keyrings.alt is installed, `keyring` falls back to its
PlaintextKeyring, a file anyone who can read the home folder can decode. store-audit writes no
secret there unless the user named that backend: `add`, `set-secret` and `import` (its dry run
too) stop before asking for anything, with exit 3, and `doctor` says why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from auditor.errors import ExitCode

CHROME = "name,url,username,password,note\nebay.com,https://signin.ebay.com/,acme,{},\n"
PASSWORD = "Pw-Unencrypted-Canary-7qX!"
ADD = "add ebay-us --platform ebay --login acme --mfa sms --password-stdin".split()


def no_secret_service(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A session with no D-Bus at all (no bus address, an empty runtime folder)."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "XDG_"))}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    return {**env, "HOME": str(tmp_path / "home"), "XDG_RUNTIME_DIR": str(runtime), **extra}


def store_audit(
    env: dict[str, str], *args: str, input: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "auditor", *args],
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=env["HOME"],
    )


def written(home: Path) -> list[Path]:
    return sorted(p for p in home.rglob("*") if p.is_file())


def test_no_secret_is_written_to_keyring_s_plaintext_fallback(tmp_path: Path) -> None:
    env = no_secret_service(tmp_path)
    home = Path(env["HOME"])
    (home / "Downloads").mkdir(parents=True)
    export = home / "Downloads" / "chrome.csv"
    export.write_text(CHROME.format(PASSWORD))
    doctor = store_audit(env, "doctor")
    assert "keyring backend: keyrings.alt.file.PlaintextKeyring" in doctor.stdout, doctor.stdout
    assert "store-audit writes no secret there" in doctor.stdout
    assert doctor.returncode == ExitCode.KEYRING
    attempts = [
        ADD,
        ("import", str(export), "--from", "chrome", "--dry-run"),
        ("import", str(export), "--from", "chrome"),
    ]
    for args in attempts:
        result = store_audit(env, *args, input=PASSWORD + "\n")
        assert result.returncode == ExitCode.KEYRING, (args, result.stderr)
        assert "would store secrets unencrypted in" in result.stderr, result.stderr
        assert PASSWORD not in result.stdout + result.stderr
        assert "Traceback" not in result.stderr
    assert written(home) == [export]  # no keyring file, no inventory, no lock


def test_a_plaintext_backend_named_on_purpose_is_used(tmp_path: Path) -> None:
    env = no_secret_service(tmp_path, PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    Path(env["HOME"]).mkdir()
    doctor = store_audit(env, "doctor")
    assert "keyring storage: unencrypted, in " in doctor.stdout
    assert "(a backend you chose)" in doctor.stdout and doctor.returncode == ExitCode.OK
    added = store_audit(env, *ADD, input=PASSWORD + "\n")
    assert added.returncode == ExitCode.OK, added.stderr
    assert PASSWORD not in added.stdout + added.stderr


def test_reading_from_the_fallback_says_so(tmp_path: Path) -> None:
    """Reading commands say that keyring fell back to the plaintext file: every password would
    otherwise look missing (password.missing everywhere, "no password stored") with no reason
    given anywhere but `doctor`. Named on purpose, the backend gets no warning."""
    env = no_secret_service(tmp_path)
    Path(env["HOME"]).mkdir()
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(
        'version = 1\n[[accounts]]\nid = "ebay-us"\nplatform = "ebay"\n'
        'login = "acme"\nmfa = "sms"\n'
    )
    for args in (["audit"], ["list"], ["why", "ebay-us", "--no-prompt"]):
        result = store_audit(env, *args, "--inventory", str(inventory))
        assert "no OS keyring answered, so secrets are read from " in result.stderr, args
        assert "keyring_pass.cfg, a plaintext file keyring" in result.stderr, args
        assert "Traceback" not in result.stderr
    chinese = store_audit(env, "--lang", "zh-CN", "list", "--inventory", str(inventory))
    assert "没有可用的系统密钥环" in chinese.stderr, chinese.stderr
    (tmp_path / "chosen").mkdir()
    chosen = no_secret_service(
        tmp_path / "chosen", PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring"
    )
    Path(chosen["HOME"]).mkdir()
    quiet = store_audit(chosen, "list", "--inventory", str(inventory))
    assert "no OS keyring answered" not in quiet.stderr, quiet.stderr
