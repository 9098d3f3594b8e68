"""keyrings.alt's file backends (PlaintextKeyring, EncryptedKeyring) read once, not per entry.

Their `get_password` parses the whole file again on every call, leaving cyclic garbage behind:
three reads per account made a 1,000-account audit re-parse the file 3,000 times and peak at
gigabytes. `snapshot` wraps such a backend so that a bulk read parses the file once (bounded, a
regular file only) and answers every entry the way keyrings.alt's own `get_password` does: the
same ini escaping, base64 and the backend's own `decrypt` (so the encrypted backend asks for its
password exactly as it would). Every other backend is used as it is.
"""

from __future__ import annotations

import configparser
from base64 import decodebytes
from pathlib import Path
from typing import Any

from auditor.errors import SecretStoreError
from auditor.files import read_regular
from auditor.i18n import _
from auditor.i18n.oserrors import reason

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Far above what 20,000 accounts' secrets take in such a file."""


def snapshot(backend: Any) -> Any:
    """A stand-in for a keyrings.alt file backend that reads its file once; any other backend
    as it is."""
    try:
        from keyrings.alt.file_base import Keyring as FileKeyring
    except ImportError:  # keyrings.alt is optional
        return backend
    return _Snapshot(backend) if isinstance(backend, FileKeyring) else backend


class _Snapshot:
    """Answers get_password from one parse of the backend's file."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self._config: configparser.RawConfigParser | None = None

    def __repr__(self) -> str:
        return repr(self.backend)

    def _read(self) -> configparser.RawConfigParser:
        path = Path(self.backend.file_path)
        try:
            raw = read_regular(path, MAX_FILE_BYTES)
        except FileNotFoundError:
            raw = b""
        except OSError as error:
            raise SecretStoreError(
                _("{path}: cannot read the keyring file: {reason}").format(
                    path=path, reason=reason(error)
                )
            ) from None
        if len(raw) > MAX_FILE_BYTES:
            raise SecretStoreError(
                _("{path}: the keyring file is larger than 256 MiB").format(path=path)
            )
        config = configparser.RawConfigParser()
        config.read_string(raw.decode("utf-8"), source=str(path))
        return config

    def get_password(self, service: str, username: str) -> str | None:
        from keyrings.alt.escape import escape

        if self._config is None:
            self._config = self._read()
        section, option = escape(service), escape(username)
        if not self._config.has_section(section) or not self._config.has_option(section, option):
            return None
        encrypted = decodebytes(self._config.get(section, option).encode())
        assoc = (section + r"\0" + option).encode()  # as keyrings.alt binds each value
        try:
            value: bytes = self.backend.decrypt(encrypted, assoc)
        except ValueError:  # written before values were bound to their entry
            value = self.backend.decrypt(encrypted)
        return value.decode("utf-8")
