"""The keyring `keyring` chooses (Keychain, Credential Locker, Secret Service, or configured),
read with a time limit: a hung backend must not hang the audit. Every failure of the backend
becomes one `SecretStoreError` (exit 3) that never repeats a value."""

from __future__ import annotations

import gc
import queue
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from auditor.errors import OWN_STOPS, SecretStoreError, seconds_setting
from auditor.i18n import _, pgettext
from auditor.secrets.kept_connection import keep_connection
from auditor.secrets.store import Arrived, one_by_one

T = TypeVar("T")


def keyring_hint() -> str:
    """What to try when the keyring cannot be used, for the platform we run on."""
    if sys.platform == "darwin":
        return _("unlock the login keychain (Keychain Access), then run again")
    if sys.platform == "win32":
        return _("check that Windows Credential Manager is available to this user")
    return _(
        "start and unlock a Secret Service (gnome-keyring or KeePassXC) in this D-Bus session, "
        "or choose a backend with PYTHON_KEYRING_BACKEND; `store-audit doctor` shows what is used"
    )


class KeyringStore:
    """The backend `keyring` chooses: Keychain, Credential Locker, Secret Service, or configured."""

    def __init__(self) -> None:
        try:
            import keyring

            self._backend = keyring.get_keyring()
            keep_connection(self._backend)
        except OWN_STOPS:
            raise
        except BaseException as error:  # any backend may fail while loading, SystemExit too
            raise _keyring_failure(
                _("could not load a keyring backend"), error, loading=True
            ) from None

    def describe(self) -> str:
        """The backend's class; for keyring's chain, its members too, in the order it asks them."""
        from keyring.backends.chainer import ChainerBackend

        if isinstance(self._backend, ChainerBackend):
            then = pgettext("between keyring backends, in the order they are asked", ", then ")
            members = then.join(_class_name(m) for m in self._backend.backends)
            return _("{backend} ({members})").format(
                backend=_class_name(self._backend), members=members or _("no members")
            )
        return _class_name(self._backend)

    def unencrypted_file(self) -> str | None:
        """The file a new secret would be written to in the clear, when the backend that takes
        writes (alone, or first in keyring's chain) is keyrings.alt's PlaintextKeyring: what
        `keyring` falls back to where no Secret Service answers and keyrings.alt is installed."""
        members = getattr(self._backend, "backends", None) or [self._backend]
        first = members[0]
        kind = type(first)
        if kind.__name__ == "PlaintextKeyring" and kind.__module__.startswith("keyrings.alt"):
            return str(getattr(first, "file_path", "a file"))
        return None

    def fallback_file(self) -> str | None:
        """`unencrypted_file()` when nobody chose that backend: keyring fell back to it because no
        OS keyring answered, so what the desktop keyring holds is not what is read."""
        path = self.unencrypted_file()
        return None if path is None or _backend_chosen() else path

    def refuse_unencrypted(self) -> None:
        """SecretStoreError (exit 3) before anything is written, when secrets would be stored
        unencrypted by a backend the user did not choose (PYTHON_KEYRING_BACKEND or keyring's
        own configuration file name one on purpose)."""
        path = self.unencrypted_file()
        if path is None or _backend_chosen():
            return
        raise SecretStoreError(
            _(
                "the keyring backend {backend} would store secrets unencrypted in {path}; "
                "nothing was written"
            ).format(backend=self.describe(), path=path),
            hint=_(
                'start and unlock a Secret Service in this D-Bus session (README: "A keyring '
                'on a headless Linux box"), or name a backend on purpose with '
                "PYTHON_KEYRING_BACKEND"
            ),
        )

    def get(self, service: str, username: str) -> str | None:
        return _bounded(lambda tick: self._get_now(service, username), self.describe())

    def _get_now(self, service: str, username: str, backend: Any = None) -> str | None:
        try:
            value = (backend or self._backend).get_password(service, username)
        except OWN_STOPS:
            raise
        except BaseException as error:  # the keyring boundary: every backend failure is exit 3,
            # a SystemExit or KeyboardInterrupt it raises too (their argument could be a value)
            failed = _("keyring backend {backend} failed to read service {service!r}")
            raise _keyring_failure(
                failed.format(backend=self.describe(), service=service), error
            ) from None
        if value is not None and not isinstance(value, str):
            raise SecretStoreError(
                _(
                    "keyring backend {backend} returned a {kind} for service {service!r}, not text"
                ).format(backend=self.describe(), kind=type(value).__name__, service=service),
                hint=keyring_hint(),
            )
        return value

    def read_many(
        self,
        pairs: Sequence[tuple[str, str]],
        progress: Callable[[int], None] | None = None,
        arrived: Arrived | None = None,
    ) -> dict[tuple[str, str], str | None]:
        """Many entries at once: over one connection for the Secret Service (alone or in a
        chain), else one by one."""

        def work(tick: Callable[[], None]) -> dict[tuple[str, str], str | None]:
            def report(done: int) -> None:
                tick()
                if progress:
                    progress(done)

            return self._read_many_now(pairs, report, arrived)

        with _collecting():
            return _bounded(work, self.describe())

    def _read_many_now(
        self,
        pairs: Sequence[tuple[str, str]],
        progress: Callable[[int], None],
        arrived: Arrived | None,
    ) -> dict[tuple[str, str], str | None]:
        from auditor.secrets.file_backends import snapshot
        from auditor.secrets.secret_service import read_chain

        if len(pairs) <= 2:
            return one_by_one(self._get_now, pairs, progress, arrived)
        members = [snapshot(member) for member in _members(self._backend)]
        try:
            return read_chain(
                members, pairs, lambda member, s, u: self._get_now(s, u, member), progress, arrived
            )
        except (SecretStoreError, *OWN_STOPS):
            raise
        except BaseException as error:  # the keyring boundary, as in get()
            failed = _("keyring backend {backend} failed to read the entries")
            raise _keyring_failure(failed.format(backend=self.describe()), error) from None


def _members(backend: Any) -> list[Any]:
    """The backends `keyring` asks for an entry, in order: a chain's members, or the backend."""
    from keyring.backends.chainer import ChainerBackend

    return list(backend.backends) if isinstance(backend, ChainerBackend) else [backend]


@contextmanager
def _collecting() -> Iterator[None]:
    """The cyclic garbage collector on while the keyring is read, over what the read creates
    only: a backend that leaves cycles behind (keyrings.alt's parsers) must not grow the
    process without bound while the CLI keeps the collector off (auditor.cli.main)."""
    was_enabled, thresholds = gc.isenabled(), gc.get_threshold()
    gc.freeze()  # what exists now (the inventory, every module) is never walked again
    gc.set_threshold(100, 10, 10)  # a read may leave megabytes in a handful of objects
    gc.enable()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if not was_enabled:
            gc.disable()


def _class_name(backend: object) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


DEFAULT_TIMEOUT = 120.0
"""Seconds a keyring may go without answering (long enough to type an unlock password)."""
_DONE = object()


def keyring_timeout() -> float:
    """$STORE_AUDIT_KEYRING_TIMEOUT, else DEFAULT_TIMEOUT; a one-line UsageError (exit 2) when
    it is not a number of seconds from 0 to a day."""
    return seconds_setting("STORE_AUDIT_KEYRING_TIMEOUT", DEFAULT_TIMEOUT, positive=True)


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
                _("keyring backend {backend} did not answer within {seconds} s").format(
                    backend=backend, seconds=f"{timeout:g}"
                ),
                hint=_("{hint}; $STORE_AUDIT_KEYRING_TIMEOUT sets the wait").format(
                    hint=keyring_hint()
                ),
            ) from None
    if "error" in box:
        raise box["error"]
    result: T = box["value"]
    return result


def _backend_chosen() -> bool:
    """Whether the user named the keyring backend: PYTHON_KEYRING_BACKEND, or keyring's own
    configuration file (keyringrc.cfg)."""
    import os

    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return True
    try:
        from keyring.core import load_config

        return load_config() is not None
    except Exception:  # a broken configuration is keyring's to report  # noqa: BLE001
        return False


def _keyring_failure(what: str, error: BaseException, *, loading: bool = False) -> SecretStoreError:
    # A read's error shows only the exception's type: a backend that fails while answering could
    # put the value it found into its message. While a backend loads it holds no value yet, and
    # the first line of its message about its own state is what the user needs to fix it.
    from keyring.errors import KeyringLocked, NoKeyringError

    if isinstance(error, NoKeyringError):
        return SecretStoreError(_("no keyring backend is available"), hint=keyring_hint())
    if isinstance(error, KeyringLocked):
        return SecretStoreError(_("the keyring is locked"), hint=keyring_hint())
    lines = str(error).strip().splitlines()
    detail = f": {lines[0][:200]}" if loading and lines else ""
    return SecretStoreError(f"{what}: {type(error).__name__}{detail}", hint=keyring_hint())
