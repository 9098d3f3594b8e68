"""A command talks to the Secret Service over one D-Bus connection, not one per entry: every new
connection is a new client for gnome-keyring-daemon, which aborts now and then when a new
client's first request reaches it while it is busy (auditor/secrets/kept_connection.py)."""

from __future__ import annotations

import json
import threading
from contextlib import closing
from pathlib import Path

import pytest
import secretstorage
from keyring.backends import SecretService

from auditor.secrets.kept_connection import keep_connection
from tests.conftest import invoke
from tests.intake.writers import chrome_export

pytestmark = pytest.mark.secret_service


def _count_connections(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    opened: list[int] = []
    connect = secretstorage.dbus_init

    def counted() -> object:
        opened.append(1)
        return connect()

    monkeypatch.setattr(secretstorage, "dbus_init", counted)
    return opened


def test_an_import_audit_and_list_each_connect_once(
    real_keyring: SecretService.Keyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inventory = tmp_path / "store-audit.toml"
    export = chrome_export(tmp_path / "export.csv", "kept", 20)
    opened = _count_connections(monkeypatch)
    imported = invoke("import", export, "--from", "chrome", "--all", "--inventory", inventory)
    assert imported.exit_code == 0, imported.stderr
    assert len(opened) == 1  # was 42: a search per entry, then a write per entry
    listed = invoke("list", "--format", "json", "--inventory", inventory)
    assert all(a["stored"]["password"] for a in json.loads(listed.stdout)["accounts"])
    audited = invoke("audit", "--format", "json", "--inventory", inventory)
    assert audited.exit_code in (0, 1), audited.stderr
    assert len(opened) == 1  # the same connection served list and audit
    fresh = SecretService.Keyring()  # keyring itself, a connection per call, reads what was written
    for i in range(20):
        stored = fresh.get_password(f"store-audit/shop{i}.kept.example", f"u{i}@acme.test")
        assert stored == f"Pw-{i}-kept-Xq9!zL"


def test_a_call_that_finds_the_connection_lent_out_opens_its_own(
    real_keyring: SecretService.Keyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep_connection(real_keyring)
    first = real_keyring.get_preferred_collection()  # lent, not given back yet
    opened = _count_connections(monkeypatch)
    other = threading.Thread(target=real_keyring.get_password, args=("store-audit/x", "y"))
    other.start()
    other.join(30)
    assert opened == [1]  # a second connection, never the lent one from two threads
    first.connection.close()  # given back
    real_keyring.get_password("store-audit/x", "y")
    assert opened == [1]


def test_a_call_cut_short_leaves_the_connection_to_nobody(
    real_keyring: SecretService.Keyring,
) -> None:
    # A Ctrl-C can land while an answer is half read: that connection is never lent again,
    # or the next call would wait forever for an answer that was swallowed.
    keep_connection(real_keyring)
    lent = real_keyring.get_preferred_collection()
    with pytest.raises(KeyboardInterrupt), closing(lent.connection):
        raise KeyboardInterrupt
    assert real_keyring.get_preferred_collection() is not lent
    assert real_keyring.get_password("store-audit/nothing-here", "x") is None
