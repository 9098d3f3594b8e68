"""Reading many entries from the Secret Service over one D-Bus connection.

Through `keyring`, every read opens a connection of its own and searches, unlocks and fetches
one item (~12 ms each here). An audit reads two entries per account, so for the Secret Service
backend store-audit asks the same collection `keyring` would use (its preferred collection,
unlocked the same way) for all the entries at once: one search per entry, then one `GetSecrets`
call for every item found. The results are exactly what `keyring.get_password` would return.

When a second backend is viable (keyrings.alt installed, KWallet beside the Secret Service),
`keyring` picks its `ChainerBackend`, which asks each member in turn for every entry. The chain
is read the same way here, member by member in the chain's own order: the Secret Service member
in bulk, the others entry by entry, each only for what the members before it did not hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from typing import Any


def is_secret_service(backend: Any) -> bool:
    """Whether this keyring backend is the Secret Service one (or a subclass)."""
    try:
        from keyring.backends.SecretService import Keyring
    except ImportError:  # pragma: no cover - keyring always ships it
        return False
    return isinstance(backend, Keyring)


def chain_members(backend: Any) -> list[Any] | None:
    """The backends `keyring` consults for an entry, in order (a `ChainerBackend`'s members, or
    the backend alone), when one of them is the Secret Service; None when none is."""
    try:
        from keyring.backends.chainer import ChainerBackend
    except ImportError:  # pragma: no cover - keyring always ships it
        return [backend] if is_secret_service(backend) else None
    # the chain's own property: its viability filter, `keyring`'s limit and priority order
    members = list(backend.backends) if isinstance(backend, ChainerBackend) else [backend]
    return members if any(is_secret_service(member) for member in members) else None


def read_chain(
    members: Sequence[Any],
    pairs: Sequence[tuple[str, str]],
    read_one: Callable[[Any, str, str], str | None],
    progress: Callable[[int], None] | None = None,
) -> dict[tuple[str, str], str | None]:
    """What `keyring.get_password` answers through this chain, for every pair: the first
    member's value that is not None. The Secret Service member is read in bulk; each other member
    through `read_one(member, service, username)`, only for the pairs still unanswered."""
    values: dict[tuple[str, str], str | None] = dict.fromkeys(pairs)
    remaining = list(values)
    for member in members:
        if not remaining:
            break
        if is_secret_service(member) and len(remaining) > 2:
            answers = read_many(member, remaining, progress)
        else:
            answers = {}
            answered = len(values) - len(remaining)
            for done, pair in enumerate(remaining, start=1):
                answers[pair] = read_one(member, *pair)
                if progress:
                    progress(answered + done)
        values.update((pair, value) for pair, value in answers.items() if value is not None)
        remaining = [pair for pair in remaining if values[pair] is None]
    return values


def read_many(
    backend: Any,
    pairs: Iterable[tuple[str, str]],
    progress: Callable[[int], None] | None = None,
) -> dict[tuple[str, str], str | None]:
    """(service, username) → the stored value or None, for every pair, over one connection."""
    from secretstorage.defines import SS_PATH
    from secretstorage.util import SERVICE_IFACE, DBusAddressWrapper, open_session

    wanted = list(dict.fromkeys(pairs))
    collection = backend.get_preferred_collection()  # unlocks it, or raises KeyringLocked
    with closing(collection.connection) as connection:
        scheme = backend.schemes[backend.scheme]
        search = DBusAddressWrapper(
            collection.collection_path, "org.freedesktop.Secret.Collection", connection
        )
        paths: dict[tuple[str, str], str] = {}
        items = search.get_property("Items")
        if len(wanted) * 4 >= len(items):
            # Most of the collection is wanted: read every item's attributes (each call costs the
            # same whatever the collection's size, where a search scans it all).
            keys = set(wanted)
            for done, path in enumerate(items, start=1):
                if progress and done % 16 == 0:
                    progress(min(done, len(wanted)))
                attributes = DBusAddressWrapper(
                    path, "org.freedesktop.Secret.Item", connection
                ).get_property("Attributes")
                pair = (attributes.get(scheme["service"]), attributes.get(scheme["username"]))
                if pair in keys and pair not in paths:
                    paths[pair] = path
        else:
            for done, (service, username) in enumerate(wanted, start=1):
                if progress and done % 16 == 0:
                    progress(done)
                (found,) = search.call(
                    "SearchItems",
                    "a{ss}",
                    {scheme["username"]: username, scheme["service"]: service},
                )
                if found:
                    paths[service, username] = found[0]
        values: dict[tuple[str, str], str | None] = dict.fromkeys(wanted)
        if not paths:
            return values
        session = open_session(connection)
        service_object = DBusAddressWrapper(SS_PATH, SERVICE_IFACE, connection)
        (secrets,) = service_object.call(
            "GetSecrets", "aoo", list(paths.values()), session.object_path
        )
        for pair, path in paths.items():
            if path in secrets:
                values[pair] = _decrypt(session, secrets[path]).decode("utf-8")
        return values


def _decrypt(session: Any, secret: tuple[Any, ...]) -> bytes:
    # The same as secretstorage's Item.get_secret, for a secret fetched with GetSecrets.
    value = bytes(secret[2])
    if not session.encrypted:
        return value
    from cryptography.hazmat.backends import default_backend
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    decryptor = Cipher(
        algorithms.AES(session.aes_key), modes.CBC(bytes(secret[1])), default_backend()
    ).decryptor()
    padded = decryptor.update(value) + decryptor.finalize()
    return padded[: -padded[-1]]
