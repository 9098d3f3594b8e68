"""Keyring backends for tests: an in-memory one, and ones that fail the way real backends do."""

from __future__ import annotations

from typing import Any

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, NoKeyringError, PasswordSetError


class Stored(str):
    """A stored value that compares as its text but shows as `<secret>`, so a failing assertion
    about a keyring's entries never prints a password (pytest shows values by their repr)."""

    def __repr__(self) -> str:
        return "<secret>"


class Entries(dict[tuple[str, str], str]):
    """A keyring's entries, every value kept as `Stored`."""

    def __setitem__(self, key: tuple[str, str], value: str) -> None:
        super().__setitem__(key, Stored(value))

    def update(self, *args: Any, **kwargs: Any) -> None:
        for key, value in dict(*args, **kwargs).items():
            self[key] = value


class MemoryKeyring(KeyringBackend):
    """A dict behind the keyring API."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = Entries()
        self.reads = 0
        self.writes = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        value = self.entries.get((service, username))
        return None if value is None else str.__str__(value)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.writes += 1
        self.entries[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


class RaisingKeyring(MemoryKeyring):
    """Raises a given exception on every read, as a broken backend would."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("refused")


class BytesKeyring(MemoryKeyring):
    """Returns bytes instead of text, which no backend should but a plugin might."""

    def get_password(self, service: str, username: str) -> str | None:
        return b"not text"  # type: ignore[return-value]


FAILURES = {
    "no backend": NoKeyringError("No recommended backend was available."),
    "locked": KeyringLocked("Failed to unlock the keyring!"),
    "plain RuntimeError (SecretService without D-Bus)": RuntimeError(
        "Unable to autolaunch a dbus-daemon without a $DISPLAY for X11"
    ),
    "OSError from the transport": ConnectionRefusedError(111, "Connection refused"),
}
