"""Secrets from the OS keyring (SPEC §2), read once, up front, into a read-only view.

Checks never touch the keyring: the engine calls `read_secrets`, which asks a `SecretStore` for
each account's password and TOTP seed and hands the checks a `SecretView`. Values are wrapped in
`Secret`, whose repr and str are redacted, so a secret cannot reach a log, a traceback's locals or
a test failure by accident. Every failure of the keyring becomes one `SecretStoreError`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from auditor.errors import SecretStoreError
from auditor.inventory import Account
from auditor.progress import Progress

T = TypeVar("T")

# Reuse is found by comparing keyed digests, never plaintexts; the key lives only in this
# process, so nothing derived from a password is comparable (or crackable) outside this run.
_RUN_KEY = os.urandom(32)


class Secret:
    """A password or TOTP seed. Shows as `<secret>`; `reveal()` is the only way to the value."""

    __slots__ = ("_fingerprint", "_value")

    def __init__(self, value: str) -> None:
        self._value = value
        self._fingerprint: bytes | None = None

    def reveal(self) -> str:
        """The plaintext, for the few functions that must compute on it."""
        return self._value

    def fingerprint(self) -> bytes:
        """A keyed digest, equal for equal secrets within this process only."""
        if self._fingerprint is None:
            self._fingerprint = self._digest()
        return self._fingerprint

    def _digest(self) -> bytes:
        return hmac.new(
            _RUN_KEY, self._value.encode("utf-8", "surrogatepass"), hashlib.sha256
        ).digest()

    def __repr__(self) -> str:
        return "<secret>"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("a Secret is not serialisable")


@dataclass(frozen=True)
class AccountSecrets:
    """What the keyring holds for one account."""

    password: Secret | None
    """The password, or None when the keyring has no entry."""
    totp: Secret | None
    """The TOTP seed or otpauth URI, or None."""


class SecretView(Mapping[str, AccountSecrets]):
    """Read-only mapping of account id to its secrets, handed to the checks."""

    def __init__(self, secrets: Mapping[str, AccountSecrets]) -> None:
        self._secrets = dict(secrets)

    def __getitem__(self, account_id: str) -> AccountSecrets:
        return self._secrets[account_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._secrets)

    def __len__(self) -> int:
        return len(self._secrets)

    def password(self, account_id: str) -> Secret | None:
        """The account's password, or None."""
        entry = self._secrets.get(account_id)
        return entry.password if entry else None

    def totp(self, account_id: str) -> Secret | None:
        """The account's stored TOTP seed, or None."""
        entry = self._secrets.get(account_id)
        return entry.totp if entry else None

    def by_password(self, accounts: Iterable[Account]) -> dict[bytes, tuple[Secret, list[Account]]]:
        """Each distinct password, by fingerprint, with the accounts that use it (in the order
        given); accounts without a password are left out."""
        groups: dict[bytes, tuple[Secret, list[Account]]] = {}
        for account in accounts:
            password = self.password(account.id)
            if password is not None:
                groups.setdefault(password.fingerprint(), (password, []))[1].append(account)
        return groups


class SecretStore(Protocol):
    """Where secrets are read from; the audit only ever reads."""

    def describe(self) -> str:
        """A short name for the backend, for `doctor` and error messages."""
        ...

    def get(self, service: str, username: str) -> str | None:
        """The stored value, or None. Raises SecretStoreError for any backend failure."""
        ...

    def read_many(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> dict[tuple[str, str], str | None]:
        """The stored value (or None) for each (service, username); `progress` hears how many
        have been read."""
        ...


def keyring_hint() -> str:
    """What to try when the keyring cannot be used, for the platform we run on."""
    if sys.platform == "darwin":
        return "unlock the login keychain (Keychain Access), then run again"
    if sys.platform == "win32":
        return "check that Windows Credential Manager is available to this user"
    return (
        "start and unlock a Secret Service (gnome-keyring or KeePassXC) in this D-Bus session, "
        "or choose a backend with PYTHON_KEYRING_BACKEND; `store-audit doctor` shows what is used"
    )


class KeyringStore:
    """The backend `keyring` chooses: Keychain, Credential Locker, Secret Service, or configured."""

    def __init__(self) -> None:
        try:
            import keyring

            self._backend = keyring.get_keyring()
        except Exception as error:  # any backend may fail while loading
            raise _keyring_failure("could not load a keyring backend", error) from None

    def describe(self) -> str:
        backend = type(self._backend)
        return f"{backend.__module__}.{backend.__qualname__}"

    def get(self, service: str, username: str) -> str | None:
        return _bounded(lambda tick: self._get_now(service, username), self.describe())

    def _get_now(self, service: str, username: str) -> str | None:
        try:
            value = self._backend.get_password(service, username)
        except Exception as error:  # the keyring boundary: every backend failure is exit 3
            raise _keyring_failure(
                f"keyring backend {self.describe()} failed to read service {service!r}", error
            ) from None
        if value is not None and not isinstance(value, str):
            raise SecretStoreError(
                f"keyring backend {self.describe()} returned a {type(value).__name__} for "
                f"service {service!r}, not text",
                hint=keyring_hint(),
            )
        return value

    def read_many(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> dict[tuple[str, str], str | None]:
        """Many entries at once: over one connection for the Secret Service, else one by one."""

        def work(tick: Callable[[], None]) -> dict[tuple[str, str], str | None]:
            def report(done: int) -> None:
                tick()
                if progress:
                    progress(done)

            return self._read_many_now(pairs, report)

        return _bounded(work, self.describe())

    def _read_many_now(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None]
    ) -> dict[tuple[str, str], str | None]:
        from auditor.secret_service import is_secret_service, read_many

        if len(pairs) > 2 and is_secret_service(self._backend):
            try:
                return read_many(self._backend, pairs, progress)
            except Exception as error:  # the keyring boundary, as in get()
                raise _keyring_failure(
                    f"keyring backend {self.describe()} failed to read the entries", error
                ) from None
        return _one_by_one(self._get_now, pairs, progress)


DEFAULT_TIMEOUT = 120.0
"""Seconds a keyring may go without answering (long enough to type an unlock password)."""
_DONE = object()


def keyring_timeout() -> float:
    """$STORE_AUDIT_KEYRING_TIMEOUT, else DEFAULT_TIMEOUT."""
    try:
        return float(os.environ.get("STORE_AUDIT_KEYRING_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def _bounded(work: Callable[[Callable[[], None]], T], backend: str) -> T:
    """Run `work(tick)` in a daemon thread and wait, failing with exit 3 when the backend goes
    longer than the timeout without a tick: a hung keyring must not hang the audit. (A daemon
    thread stuck in a backend call ends with the process.) Writes are never run this way: a
    write abandoned here could still land after its transaction was rolled back."""
    timeout = keyring_timeout()
    ticks: queue.SimpleQueue[object] = queue.SimpleQueue()
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work(lambda: ticks.put(None))
        except BaseException as error:  # handed to the waiting thread, raised there
            box["error"] = error
        finally:
            ticks.put(_DONE)

    threading.Thread(target=run, name="store-audit-keyring", daemon=True).start()
    while True:
        try:
            if ticks.get(timeout=timeout) is _DONE:
                break
        except queue.Empty:
            raise SecretStoreError(
                f"keyring backend {backend} did not answer within {timeout:g} s",
                hint=keyring_hint() + "; $STORE_AUDIT_KEYRING_TIMEOUT sets the wait",
            ) from None
    if "error" in box:
        raise box["error"]
    result: T = box["value"]
    return result


def _keyring_failure(what: str, error: BaseException) -> SecretStoreError:
    # Only the exception's type and first line: a read never passes a secret to the backend, and
    # a backend's message about its own state is what the user needs to fix it.
    from keyring.errors import KeyringLocked, NoKeyringError

    if isinstance(error, NoKeyringError):
        return SecretStoreError("no keyring backend is available", hint=keyring_hint())
    if isinstance(error, KeyringLocked):
        return SecretStoreError("the keyring is locked", hint=keyring_hint())
    lines = str(error).strip().splitlines()
    detail = f": {lines[0][:200]}" if lines else ""
    return SecretStoreError(f"{what}: {type(error).__name__}{detail}", hint=keyring_hint())


class MemoryStore:
    """An in-memory store, for the demo and for unit tests of the checks."""

    def __init__(
        self, entries: Mapping[tuple[str, str], str] | None = None, name: str = "memory"
    ) -> None:
        self._entries = dict(entries or {})
        self._name = name

    def describe(self) -> str:
        return self._name

    def get(self, service: str, username: str) -> str | None:
        return self._entries.get((service, username))

    def read_many(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> dict[tuple[str, str], str | None]:
        return _one_by_one(self.get, pairs, progress)


def _one_by_one(
    get: Callable[[str, str], str | None],
    pairs: Sequence[tuple[str, str]],
    progress: Callable[[int], None] | None,
) -> dict[tuple[str, str], str | None]:
    """Read entries one at a time, reporting each one done."""
    values = {}
    for done, pair in enumerate(pairs, start=1):
        values[pair] = get(*pair)
        if progress:
            progress(done)
    return values


def read_secrets(
    accounts: Sequence[Account], store: SecretStore, progress: Progress | None = None
) -> SecretView:
    """Read every account's password and TOTP seed. An empty entry counts as no entry."""
    pairs = [p for a in accounts for p in ((a.service, a.login), (a.totp_service, a.login))]
    values = store.read_many(
        pairs,
        (lambda done: progress.step("reading the keyring", done // 2, len(accounts)))
        if progress
        else None,
    )
    view: dict[str, AccountSecrets] = {}
    for account in accounts:
        password = values[account.service, account.login]
        seed = values[account.totp_service, account.login]
        view[account.id] = AccountSecrets(
            Secret(password) if password else None, Secret(seed) if seed else None
        )
    return SecretView(view)
