"""password.similar: near-variants of one password (`Acme-Amazon-2024!`, `Acme-Ebay-2025!`).
Whoever learns one guesses the rest: swapping the platform name or the year is not a new password.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import combinations

from auditor import platforms
from auditor.catalog import CATALOG
from auditor.checks.context import AuditContext
from auditor.findings import Finding, finding, join_names
from auditor.inventory import Account
from auditor.secrets import Secret
from auditor.similarity import edit_distance

ID = "password.similar"
MIN_SKELETON = 4
"""Shorter skeletons are too common to mean anything."""
_NOT_LETTERS = re.compile(r"[^a-z]+")
_LEET = str.maketrans("@4310$5!7", "aaeiossit")


def swappable_names(ctx: AuditContext) -> list[str]:
    """Names a seller swaps between variants: every platform, store, region and account id."""
    names = {name for p in platforms.PLATFORMS for name in platforms.names_of(p)}
    for account in ctx.accounts:
        names.update(platforms.names_of(account.platform))
        names.update(w.lower() for w in re.split(r"[\s._-]+", account.store or "") if len(w) > 2)
        names.update(w.lower() for w in re.split(r"[._-]+", account.id) if len(w) > 2)
        if account.region and len(account.region) > 1:
            names.add(account.region.lower())
    return sorted(names, key=len, reverse=True)


def skeleton(password: str, names: list[str]) -> str:
    """What is left of a password once case, digits, symbols and swappable names are removed."""
    text = password.lower()
    for name in names:
        text = text.replace(name, " ").replace(name.replace(" ", ""), " ")
    return _NOT_LETTERS.sub("", text)


def _normalised(password: str, names: list[str]) -> str:
    text = password.lower().translate(_LEET)
    for name in names:
        text = text.replace(name, "\0")
    return text


MAX_EDITS = 2
"""Two passwords of 8+ characters this many edits apart (one for under 12) are variants."""


def _close(a: str, b: str) -> bool:
    shorter = min(len(a), len(b))
    if shorter < 8:
        return False
    return edit_distance(a, b, limit=MAX_EDITS) <= min(MAX_EDITS, shorter // 4)


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def candidate_pairs(texts: list[str]) -> Iterator[tuple[int, int]]:
    """Pairs that could be within MAX_EDITS of each other, without comparing every pair.

    An edit (OSA) destroys at most three bigram occurrences, so strings within k edits share at
    least max(|bigrams(a)|, |bigrams(b)|) - 3k distinct bigrams; pairs below that are skipped.
    """
    grams = [_bigrams(t) for t in texts]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, text_grams in enumerate(grams):
        if len(texts[index]) >= 8:
            for gram in text_grams:
                postings[gram].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        shared.update(combinations(members, 2))
    for (i, j), count in shared.items():
        if count >= max(len(grams[i]), len(grams[j])) - 3 * MAX_EDITS:
            yield i, j


def find_similar_passwords(ctx: AuditContext) -> Iterator[Finding]:
    """Cluster distinct passwords by skeleton and by small edit distance; one finding per
    cluster that holds two or more different passwords (identical ones are password.reused)."""
    names = swappable_names(ctx)
    distinct: dict[bytes, tuple[Secret, list[Account]]] = {}
    for account in ctx.accounts:
        password = ctx.secrets.password(account.id)
        if password is not None:
            distinct.setdefault(password.fingerprint(), (password, []))[1].append(account)
    entries = list(distinct.values())
    parent = list(range(len(entries)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_skeleton: dict[str, int] = {}
    normalised = []
    for index, (password, _) in enumerate(entries):
        plain = password.reveal()
        shape = skeleton(plain, names)
        if len(shape) >= MIN_SKELETON:
            if shape in by_skeleton:
                parent[root(index)] = root(by_skeleton[shape])
            else:
                by_skeleton[shape] = index
        normalised.append(_normalised(plain, names))
    for i, j in candidate_pairs(normalised):
        if root(i) != root(j) and _close(normalised[i], normalised[j]):
            parent[root(j)] = root(i)
    clusters: dict[int, list[Account]] = defaultdict(list)
    sizes: dict[int, int] = defaultdict(int)
    for index, (_, accounts) in enumerate(entries):
        clusters[root(index)].extend(accounts)
        sizes[root(index)] += 1
    for cluster_root, accounts in clusters.items():
        if sizes[cluster_root] < 2:
            continue
        ids = sorted(a.id for a in accounts)
        yield finding(
            ID,
            CATALOG[ID].severity,
            ids,
            f"{join_names(ids)} use variants of one password (the same base with the platform, "
            "store, case, digits or symbols changed): whoever learns one can guess the others",
            "Replace them with unrelated generated passwords; a new year or platform name on the "
            "same base is not a new password.",
        )
