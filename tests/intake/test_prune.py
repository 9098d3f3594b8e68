"""doctor lists the keyring entries no account uses and, with --prune and a yes, removes them;
readers mention an interrupted write without touching the keyring (real gnome-keyring)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.errors import ExitCode
from tests.intake.writers import child_env, delete_entries, keyring_entries, run
from tests.secret_service import private_secret_service

pytestmark = pytest.mark.secret_service

SET = "import keyring, sys; keyring.set_password(sys.argv[1], sys.argv[2], 'Unused-Pw-Xq9!zL')"


def test_doctor_lists_and_prunes_only_what_the_seller_confirms(tmp_path: Path) -> None:
    # a daemon of its own: --prune removes every unused store-audit/ entry it can see
    with private_secret_service() as secret_service:
        env = child_env(secret_service)
        inventory = tmp_path / "store-audit.toml"
        added = run(
            env, "add", "kept", "--platform", "ebay", "--login", "k@acme.test", "--mfa", "sms",
            "--inventory", inventory, input="Kept-pw-Xq9!zL\nKept-pw-Xq9!zL\n\n",
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        for service in ("store-audit/gone", "store-audit/gone/totp"):
            subprocess.run([sys.executable, "-c", SET, service, "g@acme.test"], env=env, check=True)
        listed = run(env, "doctor", "--inventory", inventory)
        assert listed.returncode == ExitCode.OK, listed.stderr
        assert "used by no account here): 2" in listed.stdout
        assert "  store-audit/gone (user g@acme.test)" in listed.stdout
        assert "store-audit/kept " not in listed.stdout
        declined = run(env, "doctor", "--prune", "--inventory", inventory, input="n\n")
        assert "removed 0 unused keyring entries" in declined.stdout
        assert len(keyring_entries(env, "store-audit/")) == 3
        pruned = run(env, "doctor", "--prune", "--inventory", inventory, input="y\n")
        assert pruned.returncode == ExitCode.OK, pruned.stderr
        assert "removed 2 unused keyring entries" in pruned.stdout
        assert keyring_entries(env, "store-audit/") == {("store-audit/kept", "k@acme.test")}


def test_readers_mention_an_interrupted_write_and_the_next_writer_finishes_it(
    secret_service_env: dict[str, str], tmp_path: Path
) -> None:
    env = child_env(secret_service_env)
    try:
        interrupted_then_finished(env, tmp_path)
    finally:
        delete_entries(env, "store-audit/j")


def interrupted_then_finished(env: dict[str, str], tmp_path: Path) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(
        'version = 1\n[[accounts]]\nid = "jshop"\nplatform = "shopify"\n'
        'login = "j@acme.test"\nmfa = "totp"\n'
    )
    inventory.chmod(0o600)
    left = ("store-audit/jleft", "l@acme.test")
    subprocess.run([sys.executable, "-c", SET, *left], env=env, check=True)
    journal = tmp_path / ".store-audit.toml.journal"
    journal.write_text(json.dumps({"service": left[0], "user": left[1]}) + "\n")
    journal.chmod(0o600)
    for command in (["audit"], ["doctor"]):
        result = run(env, *command, "--inventory", inventory)
        assert "interrupted" in result.stdout + result.stderr, command
        assert left in keyring_entries(env, "store-audit/jleft")  # readers never write
    finished = run(
        env, "set-secret", "jshop", "--stdin", "--inventory", inventory, input="Jshop-Xq9!zL\n"
    )
    assert finished.returncode == 0, finished.stderr
    assert "finished undoing an interrupted write" in finished.stderr
    assert "removed 1 keyring entry" in finished.stderr
    assert keyring_entries(env, "store-audit/jleft") == set()
    assert not journal.exists()
