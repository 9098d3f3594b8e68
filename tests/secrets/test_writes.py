"""A keyring write cut short by a signal is still undone (issue 26, item 2), and the stretches
that must not be cut in two hold a signal back until they end, on any platform."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from keyring.errors import PasswordDeleteError

from auditor.errors import Interrupted
from auditor.interrupts import held, interrupting
from auditor.secrets.journal import Journal, pending
from auditor.secrets.writes import KeyringWriter, secret_transaction
from tests.conftest import UseBackend
from tests.keyrings import MemoryKeyring


class SignalInsideWrite(MemoryKeyring):
    """Stores the n-th value, then is interrupted before its call returns, as a SIGTERM that
    lands while a Secret Service call is under way; deletes what is missing the way real
    backends do (PasswordDeleteError)."""

    def __init__(self, interrupted_write: int) -> None:
        super().__init__()
        self.interrupted_write = interrupted_write

    def set_password(self, service: str, username: str, password: str) -> None:
        super().set_password(service, username, password)
        if self.writes == self.interrupted_write:
            raise Interrupted(signal.SIGTERM)

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise PasswordDeleteError("not found")
        super().delete_password(service, username)


@pytest.mark.parametrize("interrupted_write", [1, 2, 3])
def test_a_signal_inside_a_backend_write_leaves_no_entry_behind(
    use_backend: UseBackend, tmp_path: Path, interrupted_write: int
) -> None:
    backend = SignalInsideWrite(interrupted_write)
    backend.entries["store-audit/kept", "k@acme.test"] = "old"
    use_backend(backend)
    journal = tmp_path / ".inventory.toml.journal"
    with pytest.raises(Interrupted), secret_transaction(KeyringWriter(), Journal(journal)) as t:
        t.set("store-audit/a", "a@acme.test", "one", "a password")
        t.set("store-audit/kept", "k@acme.test", "new", "kept password")
        t.set("store-audit/b", "b@acme.test", "two", "b password")
    assert dict(backend.entries) == {("store-audit/kept", "k@acme.test"): "old"}
    assert not pending(journal)


def test_a_signal_in_a_held_stretch_is_raised_when_it_ends() -> None:
    steps = []
    with interrupting(lambda: False), pytest.raises(Interrupted) as stop:
        with held():
            signal.raise_signal(signal.SIGTERM)
            steps.append("after the signal, still inside")
        steps.append("never reached")
    assert steps == ["after the signal, still inside"]
    assert stop.value.signum == signal.SIGTERM


def test_a_signal_once_the_writes_are_final_is_let_through() -> None:
    with interrupting(lambda: True):
        signal.raise_signal(signal.SIGTERM)
        with held():
            signal.raise_signal(signal.SIGINT)
    # reached: neither signal stopped the last lines of a finished command
