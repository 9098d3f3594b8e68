"""Breached passwords: how many times each password's SHA-1 appears in a Pwned Passwords corpus.

Three sources behind one interface: the downloader's single sorted file (`offline.SortedFile`),
its per-prefix directory (`offline.PrefixDirectory`), and the k-anonymity range API
(`online.RangeApi`, opt-in). The engine hashes each distinct password once, asks the source for
counts, and hands the checks only those counts; no hash is kept, printed or written.
"""

from __future__ import annotations

import os

from auditor.breach.source import (
    BreachCorpusError,
    BreachLookup,
    BreachServiceError,
    sha1_hex,
)
from auditor.errors import UsageError
from auditor.i18n import _
from auditor.inventory import Inventory
from auditor.secrets import SecretView


def breach_counts(
    inventory: Inventory, secrets: SecretView, breaches: BreachLookup
) -> dict[str, int]:
    """Account id → times its password was seen in breaches. Each distinct password is hashed
    once; the hashes live only in this function."""
    groups = secrets.by_password(inventory.accounts)
    hashes = {key: sha1_hex(password.reveal()) for key, (password, _) in groups.items()}
    seen = breaches.counts(hashes.values())
    return {
        account.id: seen[hashes[key]]
        for key, (_, accounts) in groups.items()
        for account in accounts
    }


def open_corpus(path: str) -> BreachLookup:
    """The offline corpus at `path`: a single sorted file, or the per-prefix directory."""
    from pathlib import Path

    from auditor.breach.offline import PrefixDirectory, SortedFile

    location = Path(path)
    if location.is_dir():
        return PrefixDirectory(location)
    return SortedFile(location)


def breach_lookup(
    file: str | os.PathLike[str] | None, online: bool, url: str | None
) -> BreachLookup | None:
    """The lookup the options ask for: --hibp-file, --hibp-online (--hibp-url), or none."""
    if file is not None and (online or url):
        raise UsageError(_("use either --hibp-file or --hibp-online, not both"))
    if file is not None:
        return open_corpus(os.fspath(file))
    if online or url:
        from auditor.breach.online import DEFAULT_URL, RangeApi

        if url is not None and not url.startswith(("https://", "http://")):
            raise UsageError(_("--hibp-url {url!r} is not an http(s) URL").format(url=url))
        return RangeApi(url or DEFAULT_URL)
    return None


__all__ = [
    "BreachCorpusError",
    "BreachLookup",
    "BreachServiceError",
    "breach_counts",
    "breach_lookup",
    "open_corpus",
    "sha1_hex",
]
