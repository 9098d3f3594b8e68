"""Polish seen on the way (issue 23): each message says what is true, questions are asked again
instead of ending the run, and piped input is read without getpass's warning."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyotp
import pytest

from auditor.cli.info import _question, _removed
from auditor.errors import ExitCode
from auditor.intake.logins import _no_web_address
from tests.conftest import invoke
from tests.intake.terminal import Scripted, run_on_a_terminal
from tests.keyrings import MemoryKeyring
from tests.test_examples import example_report

ROOT = Path(__file__).resolve().parents[2]
SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
INVENTORY = (
    'version = 1\n[[accounts]]\nid = "shop"\nplatform = "shopify"\nlogin = "o@acme.test"\n'
    'mfa = "totp"\n'
)


def test_words_read_right() -> None:
    assert _question(1) == "Remove this keyring entry? It cannot be recovered"
    assert _question(3) == "Remove these 3 keyring entries? They cannot be recovered"
    assert _removed(1) == "removed 1 unused keyring entry"
    assert _removed(3) == "removed 3 unused keyring entries"
    assert "is an android:// address" in _no_web_address(("android://abc@com.example",))
    assert "is a chrome:// address" in _no_web_address(("chrome://FirefoxAccounts",))
    from dataclasses import replace

    report = replace(example_report(), fail_on=None, gate_account="etsy", scope=("etsy",))
    assert report.gate_verdict() == "onboard etsy: PASS: the gate is off (--fail-on never)"


def test_backup_codes_say_what_was_dropped_and_what_the_last_one_needs(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    stored = invoke(
        *"set-secret shop --backup-codes --stdin --inventory".split(), path, input="1111\n11-11\n"
    )
    assert stored.exit_code == ExitCode.OK, stored.stderr
    assert "stored 1 backup code of shop in the keyring (1 repeated code dropped)" in stored.stdout
    used = invoke("use-backup-code", "shop", "--inventory", path, input="1111\n")
    assert used.exit_code == ExitCode.OK, used.stderr
    assert "0 backup codes left" in used.stdout
    assert "`store-audit set-secret shop --backup-codes`" in used.stdout
    assert "--force" not in used.stdout


def test_no_inventory_points_to_import_and_add(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = {
        "STORE_AUDIT_INVENTORY": "",
        "XDG_CONFIG_HOME": str(tmp_path / "c"),
        "HOME": str(tmp_path),
    }
    result = invoke("audit", env=env)
    assert result.exit_code == ExitCode.USAGE
    assert "`store-audit import FILE --from MANAGER`" in result.stderr
    assert "`store-audit add ID ...`" in result.stderr


def _env(tmp_path: Path) -> dict[str, str]:
    """A child store-audit on keyring's plaintext file in a home of its own, named explicitly."""
    return {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
    }


def test_why_reads_piped_answers_without_getpass_warning(tmp_path: Path) -> None:
    env = _env(tmp_path)
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    store = [sys.executable, "-m", "auditor"]
    added = subprocess.run(
        [*store, "set-secret", "shop", "--stdin", "--inventory", str(path)],
        env=env, input="Sh-pw-7#kQz!vL2r\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    why = subprocess.run(
        [*store, "why", "shop", "--inventory", str(path)],
        env=env, input="Sh-pw-7#kQz!vL2r\n123456\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "GetPassWarning" not in why.stderr and "Warning" not in why.stderr, why.stderr
    assert "Traceback" not in why.stderr and "3. Right password?" in why.stdout, why.stdout


def test_add_asks_again_for_a_bad_seed_and_verify_totp_for_a_short_code(tmp_path: Path) -> None:
    env = _env(tmp_path)
    path = tmp_path / "store-audit.toml"
    store = [sys.executable, "-m", "auditor"]
    seed_prompt = b"TOTP seed or otpauth:// URI (Enter for none):"
    shown = run_on_a_terminal(
        [*store, "add", "shop", "--platform", "shopify", "--login", "o@acme.test", "--mfa",
         "totp", "--inventory", str(path)],
        env,
        Scripted([
            (b"Password for shop:", "Sh-pw-7#kQz!vL2r"),
            (b"Repeat for confirmation:", "Sh-pw-7#kQz!vL2r"),
            (seed_prompt, "not-a-seed!"),
            (seed_prompt, SEED),
        ]),
    )  # fmt: skip
    assert "type it again, or Enter for none" in shown, shown
    assert "added shop" in shown and "password and TOTP seed are" in shown, shown

    checked = run_on_a_terminal(
        [*store, "verify-totp", "shop", "--inventory", str(path)],
        env,
        Scripted([
            (b"Code your authenticator shows for shop:", "12345"),
            (b"Type the code again, as the app shows it now:", pyotp.TOTP(SEED).now()),
        ]),
    )  # fmt: skip
    assert "the code has 5 digits" in checked and "Type the code again" in checked, checked
    assert "Traceback" not in checked


@pytest.mark.parametrize("terminal", [True, False])
def test_an_interruption_starts_its_own_line_on_a_terminal(
    terminal: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C at a prompt leaves the cursor after the prompt: the message must not be glued to
    it ("...for amazon-us: store-audit: interrupted by SIGINT"). Off a terminal, no blank line."""
    import signal

    from auditor.cli import _stopped
    from auditor.errors import Stopped

    monkeypatch.setattr(sys.stderr, "isatty", lambda: terminal)
    with pytest.raises(Stopped):
        _stopped(signal.SIGINT, None)
    expected = "store-audit: interrupted by SIGINT\n"
    assert capsys.readouterr().err == ("\n" + expected if terminal else expected)


@pytest.mark.parametrize(
    ("signum", "said"), [("SIGINT", "按了 Ctrl-C"), ("SIGTERM", "收到终止信号（SIGTERM）")]
)
def test_in_chinese_an_interruption_names_the_key_not_the_signal(
    signum: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The signal's name ("被 SIGINT 中断") is jargon to a seller who pressed Ctrl-C (the
    newcomer trial of 2026-12-05)."""
    import signal

    from auditor.cli import _stopped
    from auditor.errors import Stopped
    from auditor.i18n import use

    use("zh-CN")
    try:
        with pytest.raises(Stopped):
            _stopped(getattr(signal, signum), None)
    finally:
        use("en")
    assert capsys.readouterr().err.strip() == f"store-audit：已中断（{said}）"


def test_once_the_command_is_over_a_signal_ends_the_process_as_the_signal_does() -> None:
    """A SIGINT that lands after an import has saved, while Python shuts down, used to raise
    Stopped inside the shutdown: exit 120 and a traceback (a fresh-clone CI run, 2026-12-05)."""
    import signal

    from auditor.cli import _stopped, _stopping
    from auditor.interrupts import STOPPING

    before = {signum: signal.getsignal(signum) for signum in STOPPING}
    try:
        with pytest.raises(SystemExit), _stopping():
            assert all(signal.getsignal(signum) is _stopped for signum in STOPPING)
            sys.exit(0)  # as click ends a command
        assert all(signal.getsignal(signum) == signal.SIG_DFL for signum in STOPPING)
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
