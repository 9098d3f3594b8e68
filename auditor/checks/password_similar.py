"""password.similar: near-variants of one password (`Acme-Amazon-2024!`, `Acme-Ebay-2025!`).
Whoever learns one guesses the rest: swapping the platform name or the year is not a new password.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import combinations

from auditor.checks.check import Check, Fix, change_passwords
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _
from auditor.inventory import Account, platforms
from auditor.inventory.spelling import edit_distance
from auditor.vocabulary import Severity

MIN_SKELETON = 4
"""Shorter skeletons are too common to mean anything."""
EDIT_LENGTHS = range(8, 65)
"""Passwords this long are also compared by edit distance (one edit apart: variants)."""
_LETTERS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[a-z]+")
_LOWER_RUNS = re.compile(r"[a-z]+")
_LEET = str.maketrans("@4310$5!7", "aaeiossit")


def swappable_names(context: AuditContext) -> frozenset[str]:
    """Names a seller swaps between variants: platforms (every word of every name), regions and
    the words of store names."""
    names: set[str] = set()
    for platform_id in {*platforms.PLATFORMS, *(a.platform for a in context.accounts)}:
        for name in platforms.names_of(platform_id):
            names.add(name.replace(" ", ""))
            names.update(w for w in name.split() if len(w) > 2)
    for account in context.accounts:
        names.update(w.lower() for w in re.split(r"[\s._-]+", account.store or "") if len(w) > 2)
        if account.region and len(account.region) > 1:
            names.add(account.region.lower())
    return frozenset(names)


def _strip_names(token: str, names: frozenset[str], lengths: tuple[int, ...]) -> str:
    """A lower-case word without a swappable name it is, starts with or ends with."""
    if token in names:
        return ""
    for size in lengths:
        if size < len(token):
            if token[:size] in names:
                return _strip_names(token[size:], names, lengths)
            if token[-size:] in names:
                return _strip_names(token[:-size], names, lengths)
    return token


@functools.lru_cache(maxsize=1)
def _name_lengths(names: frozenset[str]) -> tuple[int, ...]:
    """The lengths of the swappable names, longest first (once per audit, not per password)."""
    return tuple(sorted({len(n) for n in names}, reverse=True))


def skeleton(password: str, names: frozenset[str]) -> str:
    """What is left of a password once case, digits, symbols and swappable names are removed."""
    lengths = _name_lengths(names)
    return "".join(
        _strip_names(word.lower(), names, lengths) for word in _LETTERS.findall(password)
    )


def _normalised(password: str, names: frozenset[str]) -> str:
    """Lower case, common letter swaps undone, swappable names reduced to one marker."""
    text = password.lower().translate(_LEET)
    return _LOWER_RUNS.sub(lambda m: "\0" if m.group() in names else m.group(), text)


def _one_edit_apart(a: str, b: str) -> bool:
    return edit_distance(a, b, limit=1) <= 1


def one_edit_groups(
    texts: list[str], joined: Callable[[int, int], bool] = lambda a, b: False
) -> Iterator[tuple[int, int]]:
    """Pairs of texts one edit (OSA) apart, without comparing every pair: texts that are one edit
    apart share a key among themselves and their single-character deletions. Pairs for which
    `joined` is already true are not compared."""
    exact: dict[str, int] = {}
    first: dict[str, int] = {}  # deletion key → the first text it came from
    shared: dict[str, list[int]] = {}  # a key two or more texts share → them all (few keys)
    for index, text in enumerate(texts):
        if len(text) not in EDIT_LENGTHS:
            continue
        exact.setdefault(text, index)
        for key in {text[:k] + text[k + 1 :] for k in range(len(text))}:
            if first.setdefault(key, index) != index:
                shared.setdefault(key, [first[key]]).append(index)
    for text, anchor in exact.items():  # a text that is a deletion of others: each is one apart
        if text in first:
            members = shared.get(text) or [first[text]]
            yield from ((anchor, other) for other in members if other != anchor)
    for key, members in shared.items():
        for a, b in combinations(members, 2):
            if (
                texts[a] != key
                and texts[b] != key
                and not joined(a, b)
                and _one_edit_apart(texts[a], texts[b])
            ):
                yield a, b


def find_similar_passwords(context: AuditContext) -> Iterator[Finding]:
    """Cluster distinct passwords by skeleton and by small edit distance; one finding per
    cluster that holds two or more different passwords (identical ones are password.reused)."""
    names = swappable_names(context)
    entries = list(context.passwords.values())
    parent = list(range(len(entries)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_skeleton: dict[str, int] = {}
    normalised = []
    for index, (password, _accounts) in enumerate(entries):
        plain = password.reveal()
        shape = skeleton(plain, names)
        if len(shape) >= MIN_SKELETON:
            if shape in by_skeleton:
                parent[root(index)] = root(by_skeleton[shape])
            else:
                by_skeleton[shape] = index
        normalised.append(_normalised(plain, names))
    for i, j in one_edit_groups(normalised, lambda a, b: root(a) == root(b)):
        if root(i) != root(j):
            parent[root(j)] = root(i)
    clusters: dict[int, list[Account]] = defaultdict(list)
    sizes: dict[int, int] = defaultdict(int)
    for index, (_password, accounts) in enumerate(entries):
        clusters[root(index)].extend(accounts)
        sizes[root(index)] += 1
    for cluster_root, accounts in clusters.items():
        if sizes[cluster_root] < 2:
            continue
        ids = sorted(a.id for a in accounts)
        message = (
            _(
                "{accounts} use variants of one password (the same base with the platform, store, "
                "case, digits or symbols changed): whoever learns one can guess the others"
            )
            if any(a.kind == "store" for a in accounts)
            else _(
                "{accounts} use variants of one password (the same base with the platform, case, "
                "digits or symbols changed): whoever learns one can guess the others"
            )
        )
        yield CHECK.finding(
            ids,
            message.format(accounts=join_names(ids)),
            _(
                "Replace them with unrelated generated passwords; a new year or platform name on "
                "the same base is not a new password."
            ),
        )


CHECK = Check(
    id="password.similar",
    severity=Severity.MEDIUM,
    fires_when=N_(
        "near-variants of one password (case, digits, symbols, platform or store names swapped)"
    ),
    advice=N_(
        "Replace the variants with unrelated generated passwords; a new year or platform name on "
        "the same base is not a new password."
    ),
    across_accounts=True,
    run=find_similar_passwords,
    fix=Fix.PASSWORD,
    action=change_passwords,
)
