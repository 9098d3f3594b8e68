"""The platform catalog: what kind of account each known platform is and which 2FA it offers.

`kind` fills in an account's kind when the inventory leaves it out; `mfa_offered` lets
`mfa.sms-only` say "eBay offers authenticator apps: switch". Platforms not listed here are allowed
(the inventory's `platform` is free text); they default to kind "other" and no 2FA claims are made.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("store", "mailbox", "payment", "other")
"""The values an account's `kind` may take."""

MFA_METHODS = ("none", "sms", "voice", "email", "totp", "push", "security-key", "unknown")
"""The values an account's `mfa` may take."""

STRONG_MFA = frozenset({"totp", "push", "security-key"})
"""Methods that do not travel over the phone network or a mailbox."""


@dataclass(frozen=True)
class Platform:
    """What store-audit knows about one platform."""

    id: str
    """The value users write in `platform = "..."`."""
    name: str
    """How people write the platform's name in prose."""
    kind: str
    """The default `kind` for accounts on this platform."""
    mfa_offered: frozenset[str]
    """2FA methods the platform lets a user turn on."""
    aliases: tuple[str, ...] = ()
    """Other names a password or an authenticator label may use for it (lower case)."""

    @property
    def offers_strong_mfa(self) -> bool:
        """True when the platform offers an authenticator app, a push prompt or a security key."""
        return bool(self.mfa_offered & STRONG_MFA)


def _platform(
    id: str, name: str, kind: str, mfa: str, aliases: tuple[str, ...] = ()
) -> tuple[str, Platform]:
    return id, Platform(id, name, kind, frozenset(mfa.split()), aliases)


PLATFORMS: dict[str, Platform] = dict(
    [
        _platform(
            "amazon", "Amazon", "store", "sms voice totp", ("seller central", "sellercentral")
        ),
        _platform("ebay", "eBay", "store", "sms totp"),
        _platform("shopify", "Shopify", "store", "sms totp security-key"),
        # Walmart Seller Center sends verification codes by email or text only.
        _platform("walmart", "Walmart", "store", "sms email"),
        _platform("etsy", "Etsy", "store", "sms voice totp"),
        _platform("tiktok", "TikTok Shop", "store", "sms email totp", ("tiktok shop",)),
        _platform("aliexpress", "AliExpress", "store", "sms email"),
        _platform("mercadolibre", "Mercado Libre", "store", "sms email totp", ("mercado libre",)),
        _platform("gmail", "Gmail", "mailbox", "sms voice totp push security-key", ("google",)),
        _platform(
            "outlook",
            "Outlook",
            "mailbox",
            "sms email totp push security-key",
            ("microsoft", "hotmail"),
        ),
        _platform("yahoo", "Yahoo Mail", "mailbox", "sms totp push security-key"),
        _platform("icloud", "iCloud Mail", "mailbox", "sms push security-key", ("apple",)),
        _platform("proton", "Proton Mail", "mailbox", "totp security-key", ("protonmail",)),
        _platform("fastmail", "Fastmail", "mailbox", "sms totp security-key"),
        _platform("zoho", "Zoho Mail", "mailbox", "sms totp push security-key"),
        _platform("paypal", "PayPal", "payment", "sms totp security-key"),
        _platform("payoneer", "Payoneer", "payment", "sms voice totp"),
        _platform("stripe", "Stripe", "payment", "sms totp security-key"),
        _platform("wise", "Wise", "payment", "sms push"),
    ]
)


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


def names_of(platform_id: str) -> tuple[str, ...]:
    """Every lower-case name a platform goes by: its id, its prose name and its aliases."""
    known = PLATFORMS.get(platform_id)
    if known is None:
        return (platform_id.lower(),)
    return tuple(dict.fromkeys((known.id, known.name.lower(), *known.aliases)))
