"""Email addresses: validate them, and reduce each to the mailbox that actually receives its mail.

Two logins that look different can land in one mailbox: `A.Owner+ca@googlemail.com` and
`aowner@gmail.com` are the same Gmail inbox. `canonical_mailbox` applies each provider's own rules
(case, Gmail's dots, `+tags` where the provider supports them, Yahoo's `-` disposable addresses,
domain aliases) and says which rules it used, so a finding can explain why two addresses are one.
On domains we know nothing about only case is folded: a custom domain may or may not honour tags.
The pure functions here are cached: an agency's thousands of logins share few addresses.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from auditor.i18n import N_, _


@dataclass(frozen=True)
class MailProvider:
    """How one mail provider maps addresses to mailboxes."""

    name: str
    """The provider's name, as messages show it."""
    domains: tuple[str, ...]
    """Domains that deliver to the same mailboxes; the first is the canonical one."""
    ignores_dots: bool = False
    """Whether dots in the local part are ignored (Gmail)."""
    tag_separator: str | None = None
    """The character after which a local part is a tag the provider ignores (`+`, Yahoo's `-`)."""


_PROVIDER_LIST = (
    MailProvider("Gmail", ("gmail.com", "googlemail.com"), ignores_dots=True, tag_separator="+"),
    MailProvider("iCloud Mail", ("icloud.com", "me.com", "mac.com"), tag_separator="+"),
    MailProvider(
        "Proton Mail", ("proton.me", "protonmail.com", "protonmail.ch", "pm.me"), tag_separator="+"
    ),
    *(
        MailProvider("Outlook.com", (domain,), tag_separator="+")
        for domain in (
            "outlook.com",
            "hotmail.com",
            "live.com",
            "msn.com",
            "hotmail.co.uk",
            "hotmail.fr",
            "hotmail.de",
            "hotmail.it",
            "hotmail.es",
            "live.co.uk",
            "live.fr",
            "outlook.fr",
            "outlook.de",
            "outlook.es",
        )
    ),
    *(
        MailProvider("Yahoo Mail", (domain,), tag_separator="-")
        for domain in (
            "yahoo.com",
            "ymail.com",
            "rocketmail.com",
            "yahoo.co.uk",
            "yahoo.fr",
            "yahoo.de",
            "yahoo.es",
            "yahoo.it",
            "yahoo.ca",
            "yahoo.co.jp",
            "yahoo.com.au",
        )
    ),
    *(
        MailProvider("Fastmail", (domain,), tag_separator="+")
        for domain in ("fastmail.com", "fastmail.fm")
    ),
)

PROVIDERS: dict[str, MailProvider] = {d: p for p in _PROVIDER_LIST for d in p.domains}
"""Every domain whose addressing rules we know, mapped to its provider."""

WELL_KNOWN_DOMAINS: frozenset[str] = frozenset(PROVIDERS) | {
    "aol.com",
    "gmx.com",
    "gmx.de",
    "gmx.net",
    "mail.com",
    "yandex.com",
    "yandex.ru",
    "mail.ru",
    "qq.com",
    "163.com",
    "126.com",
    "zoho.com",
    "zohomail.com",
    "web.de",
    "naver.com",
    "comcast.net",
    "att.net",
    "verizon.net",
    "tutanota.com",
    "tuta.io",
    "hey.com",
}
"""Mail domains so common that a near miss of one is almost surely a typo."""


def is_address(value: str) -> bool:
    """Whether a login or recovery value is meant as an email address."""
    return "@" in value


def split_address(value: str) -> tuple[str, str]:
    """Local part and domain of an address (split at the last `@`)."""
    local, _, domain = value.rpartition("@")
    return local, domain


def decode_domain(domain: str) -> str:
    """The domain in Unicode, lower case, without a trailing dot; ValueError for bad punycode."""
    labels = domain.rstrip(".").split(".")
    decoded = []
    for label in labels:
        if label.lower().startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except UnicodeError as error:
                raise ValueError(f"label {label!r} is not valid punycode") from error
        decoded.append(label.lower())
    return ".".join(decoded)


_LOCAL_ASCII = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+")
_LABEL_ASCII = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def address_problem(value: str) -> str | None:
    """Why a value meant as an address is not a usable one, or None when it is fine; in the
    run's language."""
    found = _address_problem(value)
    return None if found is None else _(found[0]).format(domain=found[1])


def domain_problem(domain: str) -> str | None:
    """Why a mail domain cannot receive mail as written, or None; in the run's language."""
    found = _domain_problem(domain)
    return None if found is None else _(found[0]).format(domain=found[1])


Problem = tuple[str, str]
"""A problem's English template (translated where it is shown, since the answer is cached
across runs in every language) and the domain it names."""


@functools.lru_cache(maxsize=65536)
def _address_problem(value: str) -> Problem | None:
    if value != value.strip() or any(ch.isspace() for ch in value):
        return N_("it contains spaces"), ""
    if value.count("@") != 1:
        return N_("it has more than one '@'"), ""
    local, domain = split_address(value)
    if not local:
        return N_("nothing comes before the '@'"), ""
    if not domain:
        return N_("nothing comes after the '@'"), ""
    if len(local) > 64:
        return N_("the part before the '@' is longer than 64 characters"), ""
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return N_("the part before the '@' has a misplaced dot"), ""
    # ASCII as RFC 5322 allows it; beyond ASCII, letters and digits of any script (RFC 6531).
    if any(not (_LOCAL_ASCII.fullmatch(ch) if ch.isascii() else ch.isalnum()) for ch in local):
        return N_("the part before the '@' holds a character addresses cannot have"), ""
    return _domain_problem(domain)


@functools.lru_cache(maxsize=65536)
def _domain_problem(domain: str) -> Problem | None:
    try:
        decoded = decode_domain(domain)
    except ValueError:
        return N_("the domain {domain!r} is not valid punycode"), domain
    if len(decoded) > 253:
        return N_("the domain is longer than 253 characters"), domain
    labels = decoded.split(".")
    if len(labels) < 2:
        return N_("the domain {domain!r} has no top-level part (like .com)"), domain
    for label in labels:
        if not label:
            return N_("the domain {domain!r} has an empty part"), domain
        ascii_label = label
        if not label.isascii():
            try:
                ascii_label = label.encode("idna").decode("ascii")
            except UnicodeError:
                return N_("the domain {domain!r} holds characters a domain cannot have"), domain
        if not _LABEL_ASCII.fullmatch(ascii_label):
            return N_("the domain {domain!r} holds characters a domain cannot have"), domain
    if labels[-1].isdigit():
        return N_("the domain {domain!r} ends in a number, not a top-level domain"), domain
    return None


@dataclass(frozen=True)
class Rule:
    """A provider rule that changed an address: its English template (translated where it is
    shown, since mailboxes are cached across runs in every language) and the names it holds."""

    template: str
    provider: str = ""
    domain: str = ""
    canonical: str = ""
    separator: str = ""

    def __str__(self) -> str:
        return _(self.template).format(
            provider=self.provider,
            domain=self.domain,
            canonical=self.canonical,
            separator=self.separator,
        )


@dataclass(frozen=True)
class Mailbox:
    """The mailbox an address delivers to."""

    canonical: str
    """The address every equivalent spelling reduces to."""
    provider: str | None
    """The provider whose rules were applied, when the domain is one we know."""
    rules: tuple[Rule, ...]
    """Which rules changed the address (`str` of one says it: "Gmail ignores dots")."""


@functools.lru_cache(maxsize=65536)
def canonical_mailbox(value: str) -> Mailbox:
    """Reduce a login or recovery value to the mailbox (or user name) it stands for.

    Idempotent: the canonical form of a canonical form is itself.
    """
    if not is_address(value):
        return Mailbox(value.strip().casefold(), None, ())
    local, domain = split_address(value.strip())
    rules: list[Rule] = []
    lowered = local.casefold()
    if lowered != local:
        rules.append(Rule(N_("case does not matter")))
    try:
        domain = decode_domain(domain)
    except ValueError:
        domain = domain.lower()
    provider = PROVIDERS.get(domain)
    if provider is None:
        return Mailbox(f"{lowered}@{domain}", None, tuple(rules))
    canonical_domain = provider.domains[0]
    if domain != canonical_domain:
        rules.append(Rule(N_("{domain} is {canonical}"), domain=domain, canonical=canonical_domain))
    if provider.tag_separator and provider.tag_separator in lowered:
        base = lowered.split(provider.tag_separator, 1)[0]
        if base:
            rules.append(
                Rule(
                    N_("{provider} ignores {separator}tags"),
                    provider=provider.name,
                    separator=provider.tag_separator,
                )
            )
            lowered = base
    if provider.ignores_dots and "." in lowered:
        rules.append(Rule(N_("{provider} ignores dots"), provider=provider.name))
        lowered = lowered.replace(".", "")
    return Mailbox(f"{lowered}@{canonical_domain}", provider.name, tuple(rules))
