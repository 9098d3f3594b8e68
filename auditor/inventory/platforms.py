"""The platform catalog (auditor/data/platforms.toml): what kind of account each known platform is,
where it signs in, and which 2FA methods it offers, each with a source.

`kind` fills in an account's kind when the inventory leaves it out; `mfa_offered` lets
`mfa.sms-only` say "eBay offers authenticator apps: switch"; `hosts` lets `import` recognise a
password manager's login URL. Platforms not listed are allowed (the inventory's `platform` is free
text); they default to kind "other" and no 2FA claims are made about them.
"""

from __future__ import annotations

import ipaddress
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from urllib.parse import urlsplit

from auditor.i18n import N_, _
from auditor.inventory.twofa import BACKUP_CODES, TwoFactor, parse
from auditor.vocabulary import KINDS, MFA_METHODS, STRONG_MFA


@dataclass(frozen=True)
class UnifiedAccount:
    """Marketplaces that one seller account, with one login, serves (Amazon's unified
    accounts)."""

    id: str
    """The group id, also the account id `import` proposes (`amazon-na`)."""
    name: str
    """How the platform calls it ("North America unified account")."""
    regions: tuple[str, ...]
    """Lower-case region codes of its marketplaces (and of its own sign-in host: `eu`)."""
    sources: tuple[str, ...]
    """The platform's pages that say so."""


@dataclass(frozen=True)
class Platform:
    """What store-audit knows about one platform."""

    id: str
    """The value users write in `platform = "..."`."""
    name: str
    """How people write the platform's name in prose."""
    kind: str
    """The default `kind` for accounts on this platform."""
    mfa_sources: dict[str, str] = field(default_factory=dict)
    """2FA method → the page that says the platform offers it."""
    aliases: tuple[str, ...] = ()
    """Other names a password or an authenticator label may use for it (lower case)."""
    hosts: tuple[str, ...] = ()
    """Sign-in hosts (a URL on a subdomain of one matches too)."""
    regions: dict[str, str] = field(default_factory=dict)
    """Host → marketplace region."""
    unified: dict[str, UnifiedAccount] = field(default_factory=dict)
    """Group id (`amazon-na`) → the marketplaces one seller account serves."""
    settings_menu: str | None = None
    """Where the platform's own menus put its 2FA settings, when a source says so."""
    settings_source: str | None = None
    """The page that names that menu."""
    merged_sources: tuple[str, ...] = ()
    """Pages saying one seller account can be merged across regions (Amazon's global accounts:
    one login for every marketplace it serves), when the platform allows it."""
    twofa: TwoFactor = field(default_factory=TwoFactor)
    """What its two-step verification requires and allows, each claim sourced."""

    def offers(self, feature: str) -> bool | None:
        """Whether the platform offers a 2FA method (`totp`, `passkey`...) or backup codes
        (`backup-codes`): True where a source says so, False where the catalog holds its
        complete list of methods and the feature is not on it, None where nobody knows."""
        listed = (
            bool(self.twofa.backup_codes)
            if feature == BACKUP_CODES
            else (feature in self.mfa_sources)
        )
        if listed:
            return True
        return False if self.twofa.methods_complete else None

    @property
    def mfa_offered(self) -> frozenset[str]:
        """The 2FA methods the platform lets a user turn on."""
        return frozenset(self.mfa_sources)

    @property
    def offers_strong_mfa(self) -> bool:
        """True when the platform offers an authenticator app, a push prompt or a security key."""
        return bool(self.mfa_offered & STRONG_MFA)


def _load() -> dict[str, Platform]:
    text = resources.files("auditor").joinpath("data/platforms.toml").read_text("utf-8")
    return {
        platform_id: Platform(
            id=platform_id,
            name=entry["name"],
            kind=entry["kind"],
            mfa_sources=dict(entry.get("mfa", {})),
            aliases=tuple(entry.get("aliases", ())),
            hosts=tuple(entry.get("hosts", ())),
            regions=dict(entry.get("regions", {})),
            settings_menu=entry.get("settings", {}).get("menu"),
            settings_source=entry.get("settings", {}).get("source"),
            twofa=parse(entry.get("twofa", {})),
            merged_sources=tuple(entry.get("merged", {}).get("sources", ())),
            unified={
                group: UnifiedAccount(
                    group, table["name"], tuple(table["regions"]), tuple(table["sources"])
                )
                for group, table in entry.get("unified", {}).items()
            },
        )
        for platform_id, entry in tomllib.loads(text).items()
    }


PLATFORMS: dict[str, Platform] = _load()
"""Every platform in the catalog, by id."""


def lookup(platform_id: str) -> Platform | None:
    """The catalog entry for a platform id, or None for a platform we know nothing about."""
    return PLATFORMS.get(platform_id)


def display_name(platform_id: str) -> str:
    """The platform's prose name, or the id as the user wrote it."""
    known = PLATFORMS.get(platform_id)
    return known.name if known else platform_id


def default_kind(platform_id: str) -> str:
    """The kind an account on this platform has unless the inventory says otherwise."""
    known = PLATFORMS.get(platform_id)
    return known.kind if known else "other"


def offers(platform_id: str, feature: str) -> bool | None:
    """`Platform.offers` for a platform id; None (unknown) for a platform not in the catalog."""
    known = PLATFORMS.get(platform_id)
    return known.offers(feature) if known else None


def lookup_required(platform_id: str) -> str | None:
    """The page saying the platform makes 2FA compulsory, if the catalog has one."""
    known = PLATFORMS.get(platform_id)
    return known.twofa.required if known else None


def unified_group(platform_id: str, region: str | None) -> str | None:
    """The unified account a marketplace region belongs to on a platform, or None.

    `unified_group("amazon", "CA")` is `"amazon-na"`, `unified_group("amazon", "de")` is
    `"amazon-eu"`: one Seller Central login serves every marketplace of the group, so two
    accounts with the identical login in one group are one seller account. None for a region
    outside every group (`"jp"`), no region, or a platform without unified accounts. Region codes
    are compared case-insensitively; the groups and their sources are in platforms.toml.
    """
    known = PLATFORMS.get(platform_id)
    if known is None or not region:
        return None
    code = region.strip().lower()
    return next((g.id for g in known.unified.values() if code in g.regions), None)


def security_settings(platform_id: str) -> str:
    """Where to change a platform's 2FA, in its own menu names when the catalog has them
    (`in Seller Central: Settings > Login Settings > ...`), else `in X's security settings`."""
    return _("in {place}").format(place=settings_place(platform_id))


def settings_place(platform_id: str) -> str:
    """The same place without the `in`: `Seller Central: Settings > ...` (in Chinese, the menu
    names Seller Central shows in Chinese: 卖家平台：设置 > 登录设置 > 高级安全设置)."""
    known = PLATFORMS.get(platform_id)
    if known is not None and known.settings_menu:
        return _(known.settings_menu)
    return _("{platform}'s security settings").format(platform=display_name(platform_id))


SETTINGS_MENUS = (N_("Seller Central: Settings > Login Settings > Advanced Security Settings"),)

RECOVERY_WAYS = (N_("identity verification with an ID document, after which 2SV is turned off"),)
"""The `twofa.recovery` texts of platforms.toml, marked so the catalog translates them."""
"""The `settings.menu` paths of platforms.toml, marked so the catalog translates them
(tests/i18n/test_catalog.py checks every one the data holds is here)."""


def unified_account(platform_id: str, group: str) -> UnifiedAccount | None:
    """The catalog entry of a unified-account group, for its name and sources."""
    known = PLATFORMS.get(platform_id)
    return known.unified.get(group) if known else None


def names_of(platform_id: str) -> tuple[str, ...]:
    """Every lower-case name a platform goes by: its id, its prose name and its aliases."""
    known = PLATFORMS.get(platform_id)
    if known is None:
        return (platform_id.lower(),)
    return tuple(dict.fromkeys((known.id, known.name.lower(), *known.aliases)))


@dataclass(frozen=True)
class UrlMatch:
    """The platform (and region) a login URL belongs to."""

    platform: Platform
    """The catalog entry."""
    region: str | None
    """The marketplace region the host implies, if any."""
    host: str
    """The URL's host, lower case, without `www.`."""


WEB_SCHEMES = frozenset({"http", "https"})
_HOST_LABEL = re.compile(r"[^\W_](?:[\w-]*[^\W_])?")
"""A host name's label: letters (any script), digits, inner hyphens or underscores."""


def url_host(url: str) -> str | None:
    """The host of a web address as password managers store them: `https://host/...`, or a bare
    `host.tld/...` without a scheme. None for anything else: no text, another scheme (an app's
    `android://`, Firefox's `chrome://`), or text that names no host (`space title`, `aib`, an
    email address)."""
    text = url.strip()
    scheme, has_scheme, _ = text.partition("://")
    if has_scheme and scheme.lower() not in WEB_SCHEMES:
        return None
    try:
        parts = urlsplit(text if has_scheme else "https://" + text)
        host = parts.hostname
    except ValueError:
        return None
    if not host or (not has_scheme and (parts.username is not None or "." not in host)):
        return None  # without a scheme, only a dotted host is a web address (not user@host)
    host = host.rstrip(".").lower()
    if not all(_HOST_LABEL.fullmatch(label) for label in host.split(".")):
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return None
    return host[4:] if host.startswith("www.") else host


def match_url(url: str) -> UrlMatch | None:
    """The platform a login URL signs in to, by the longest catalog host it equals or ends in."""
    host = url_host(url)
    if host is None:
        return None
    best: tuple[int, Platform, str] | None = None
    for platform in PLATFORMS.values():
        for known in platform.hosts:
            if (host == known or host.endswith("." + known)) and (
                best is None or len(known) > best[0]
            ):
                best = (len(known), platform, known)
    if best is None:
        return None
    _, platform, known = best
    region = next(
        (
            r
            for h, r in sorted(platform.regions.items(), key=lambda i: -len(i[0]))
            if host == h or host.endswith("." + h)
        ),
        None,
    )
    return UrlMatch(platform, region, host)


__all__ = [
    "BACKUP_CODES",
    "KINDS",
    "MFA_METHODS",
    "PLATFORMS",
    "STRONG_MFA",
    "Platform",
    "TwoFactor",
    "UnifiedAccount",
    "UrlMatch",
    "unified_group",
]
