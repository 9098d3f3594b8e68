"""email.typo-domain: a login or recovery domain one keystroke away from a well-known provider or
from the seller's own domain (gmial.com, acmehome.co). Mail to it goes to a stranger, or nowhere."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from auditor.catalog import CATALOG
from auditor.checks.context import AuditContext
from auditor.checks.email_lookalike import address_lookalikes
from auditor.emails import WELL_KNOWN_DOMAINS, address_problem, decode_domain, split_address
from auditor.findings import Finding, finding
from auditor.similarity import edit_distance

ID = "email.typo-domain"


def near_miss(domain: str, target: str) -> bool:
    """Whether `domain` looks like a slip of the keyboard for `target`.

    One edit (a transposition counts as one) for targets of 8+ characters, two for 14+. Shorter
    targets (qq.com, aol.com) match too many real domains at one edit, so for them only a swapped
    pair of letters or a slip in the top-level part counts.
    """
    if domain == target:
        return False
    distance = edit_distance(domain, target, limit=2)
    if len(target) >= 14 and distance <= 2:
        return True
    if len(target) >= 8 and distance == 1:
        return True
    name, _, tld = domain.rpartition(".")
    target_name, _, target_tld = target.rpartition(".")
    if name == target_name and edit_distance(tld, target_tld, limit=1) == 1:
        return True
    return (
        tld == target_tld
        and len(name) == len(target_name)
        and sorted(name) == sorted(target_name)
        and edit_distance(name, target_name, limit=1) == 1
    )


def typo_of(address: str, seller_domains: frozenset[str]) -> str | None:
    """The well-known or seller domain an address's domain is a slip of, or None.

    Addresses that are invalid or hold look-alike characters are left to those checks.
    """
    if address_problem(address) or address_lookalikes(address):
        return None
    return _typo_target(decode_domain(split_address(address)[1]), seller_domains)


@functools.lru_cache(maxsize=4096)
def _typo_target(domain: str, seller_domains: frozenset[str]) -> str | None:
    # Thousands of logins share a handful of domains; each is compared once.
    if domain in WELL_KNOWN_DOMAINS or domain in seller_domains:
        return None
    targets = sorted(WELL_KNOWN_DOMAINS | seller_domains)
    return next((t for t in targets if near_miss(domain, t)), None)


def find_typo_domains(ctx: AuditContext) -> Iterator[Finding]:
    """Compare each login and recovery domain with the well-known and the seller's domains."""
    seller_domains = frozenset(ctx.inventory.seller.domains)
    for account in ctx.accounts:
        problems = []
        for field, value in account.addresses:
            target = typo_of(value, seller_domains)
            if target:
                domain = split_address(value)[1]
                problems.append(f"{field} {value} uses {domain}, a near miss of {target}")
        if problems:
            yield finding(
                ID,
                CATALOG[ID].severity,
                [account.id],
                f"{account.id}: {'; '.join(problems)}: codes and password resets sent there go to "
                "a stranger's mailbox or nowhere",
                f"Check the address on {account.platform_name} and correct it there and in the "
                "inventory; if the platform already uses it, change it before anyone registers "
                "that domain.",
            )
