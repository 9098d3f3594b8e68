"""Reading many entries from the Secret Service over one D-Bus connection.

Through `keyring`, every read opens a connection of its own and searches, unlocks and fetches
one item (~12 ms each here). An audit reads two entries per account, so for the Secret Service
backend store-audit asks the same collection `keyring` would use (its preferred collection,
unlocked the same way) for all the entries at once: every item's attributes (or one search per
entry, when few are wanted), then one `GetSecrets` call per batch of items found. The results
are exactly what `keyring.get_password` would return.

When a second backend is viable (keyrings.alt installed, KWallet beside the Secret Service),
`keyring` picks its `ChainerBackend`, which asks each member in turn for every entry. The chain
is read the same way here, member by member in the chain's own order: the Secret Service member
in bulk, the others entry by entry, each only for what the members before it did not hold.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from typing import Any

from auditor.secrets.store import Arrived, one_by_one


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
    arrived: Arrived | None = None,
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
            # a pair reaches a member only when every member before it lacked it: what the
            # member answers is final, and can be handed on as it arrives
            answers = read_many(member, remaining, progress, arrived)
        else:
            answered = len(values) - len(remaining)
            answers = one_by_one(
                functools.partial(read_one, member),
                remaining,
                functools.partial(_counted_from, answered, progress) if progress else None,
                arrived,
            )
        values.update((pair, value) for pair, value in answers.items() if value is not None)
        remaining = [pair for pair in remaining if values[pair] is None]
    return values


def _counted_from(start: int, progress: Callable[[int], None], done: int) -> None:
    """Progress of a read that began after `start` entries were answered."""
    progress(start + done)


WINDOW = 128
"""D-Bus calls sent before their replies are read: one round trip per window instead of per
call, and a batch of secrets handed on (to be scored) as soon as it is fetched."""


def read_many(
    backend: Any,
    pairs: Iterable[tuple[str, str]],
    progress: Callable[[int], None] | None = None,
    arrived: Arrived | None = None,
) -> dict[tuple[str, str], str | None]:
    """(service, username) → the stored value or None, for every pair, over one connection."""
    from secretstorage.defines import SS_PATH
    from secretstorage.util import SERVICE_IFACE, DBusAddressWrapper, open_session

    wanted = list(dict.fromkeys(pairs))
    values: dict[tuple[str, str], str | None] = dict.fromkeys(wanted)
    collection = backend.get_preferred_collection()  # unlocks it, or raises KeyringLocked
    with closing(collection.connection) as connection:
        scheme = backend.schemes[backend.scheme]
        fields = (scheme["service"], scheme["username"])
        search = DBusAddressWrapper(
            collection.collection_path, "org.freedesktop.Secret.Collection", connection
        )
        items = search.get_property("Items")
        # Most of the collection wanted: read every item's attributes (each call costs the same
        # whatever the collection's size, where a search scans it all); else search per entry.
        if len(wanted) * 4 >= len(items):
            batches = _by_attributes(connection, items, set(wanted), fields)
        else:
            batches = _by_search(connection, search, wanted, fields)
        session = None
        service = DBusAddressWrapper(SS_PATH, SERVICE_IFACE, connection)
        done = 0
        for looked_at, paths in batches:
            done = min(done + looked_at, len(wanted))
            if paths:
                session = session or open_session(connection)
                secrets = _secrets(service, list(paths.values()), session.object_path)
                batch = {
                    pair: _decrypt(session, secrets[path]).decode("utf-8")
                    for pair, path in paths.items()
                    if path in secrets
                }
                values.update(batch)
                if arrived and batch:
                    arrived(batch)
            if progress:
                progress(done)
        return values


Batches = Iterator[tuple[int, dict[tuple[str, str], str]]]
"""(how many items or entries were looked at, the item path found for each pair) per window."""


def _by_attributes(
    connection: Any, items: list[str], wanted: set[tuple[str, str]], fields: tuple[str, str]
) -> Batches:
    from jeepney.wrappers import Properties
    from secretstorage.util import DBusAddressWrapper

    seen: set[tuple[str, str]] = set()
    for start in range(0, len(items), WINDOW):
        window = items[start : start + WINDOW]
        messages = [
            Properties(DBusAddressWrapper(path, "org.freedesktop.Secret.Item", connection)).get(
                "Attributes"
            )
            for path in window
        ]
        paths = {}
        for path, reply in zip(window, _pipelined(connection, messages), strict=True):
            if reply is None:
                continue  # deleted since the collection was listed (another writer)
            ((_, attributes),) = reply
            pair = (attributes.get(fields[0]), attributes.get(fields[1]))
            if pair in wanted and pair not in seen:  # the first match, as a search returns it
                seen.add(pair)
                paths[pair] = path
        yield len(window), paths


def _by_search(
    connection: Any, search: Any, wanted: list[tuple[str, str]], fields: tuple[str, str]
) -> Batches:
    from jeepney import new_method_call

    for start in range(0, len(wanted), WINDOW):
        window = wanted[start : start + WINDOW]
        messages = [
            new_method_call(search, "SearchItems", "a{ss}", ({fields[0]: s, fields[1]: u},))
            for s, u in window
        ]
        replies = _pipelined(connection, messages)
        yield (
            len(window),
            {pair: found[0] for pair, (found,) in zip(window, replies, strict=True) if found},
        )


_GONE = {"org.freedesktop.DBus.Error.UnknownObject", "org.freedesktop.Secret.Error.NoSuchObject"}
"""The errors of an item that no longer exists: another program deleted it mid-read."""


def _secrets(service: Any, paths: list[str], session_path: Any) -> dict[str, Any]:
    """GetSecrets for the items found; when one was deleted since (another writer: a rollback,
    a kept copy dropped), the others are asked for one by one and the deleted one is absent,
    as if it had never been found."""
    from secretstorage.exceptions import ItemNotFoundException

    try:
        (secrets,) = service.call("GetSecrets", "aoo", paths, session_path)
        return dict(secrets)
    except ItemNotFoundException:
        found: dict[str, Any] = {}
        for path in paths:
            try:
                (one,) = service.call("GetSecrets", "aoo", [path], session_path)
            except ItemNotFoundException:
                continue
            found.update(one)
        return found


def _pipelined(connection: Any, messages: list[Any]) -> list[Any]:
    """Send every message, then read every reply: the bodies, in the messages' order; None for
    an item that no longer exists."""
    from jeepney import HeaderFields, MessageType
    from jeepney.wrappers import DBusErrorResponse

    serials = []
    for message in messages:
        serial = next(connection.outgoing_serial)
        connection.send_message(message, serial=serial)
        serials.append(serial)
    replies: dict[int, Any] = {}
    pending = set(serials)
    while pending:
        reply = connection.receive()
        serial = reply.header.fields.get(HeaderFields.reply_serial)
        if serial not in pending:
            continue  # a signal, or anything else not ours
        pending.discard(serial)
        if reply.header.message_type != MessageType.error:
            replies[serial] = reply.body
        elif reply.header.fields.get(HeaderFields.error_name) in _GONE:
            replies[serial] = None
        else:
            raise DBusErrorResponse(reply)
    return [replies[serial] for serial in serials]


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
