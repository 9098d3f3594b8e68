"""The platforms' own pages a locked-out seller needs (auditor/data/pages.toml): where to sign in
for each region, whether passkeys are offered, and where account health or appeals, the status
of the site and seller support are. Every page carries the source it was taken from; a platform
or region without one gets no page, and callers say so in a general sentence instead of
guessing a URL.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

from auditor.i18n import N_

TOPICS = {
    "passkeys": N_("passkeys"),
    "mfa_recovery": N_("getting back in when every 2FA method is lost"),
    "account_health": N_("account health and appeals"),
    "status": N_("site status"),
    "support": N_("seller support"),
    "sub_users": N_("a login of their own for each person (sub-users)"),
}
"""The pages a platform may have besides sign-in, and how a sentence names them."""


@dataclass(frozen=True)
class Page:
    """One page of a platform, with where store-audit learnt of it."""

    url: str
    """The page to open."""
    source: str
    """The page that says so (the page itself, when it is the platform's own)."""
    name: str = ""
    """What the platform calls the feature the page is about (`User Permissions`), if said."""


@dataclass(frozen=True)
class PlatformPages:
    """The pages store-audit has a source for, for one platform."""

    sign_in: dict[str, Page]
    """Region (lower case, "" for every region) → the sign-in page."""
    topics: dict[str, Page]
    """Topic (see TOPICS) → the page."""


@functools.cache
def all_pages() -> dict[str, PlatformPages]:
    """Platform id → its pages, as the data file holds them."""
    text = resources.files("auditor").joinpath("data/pages.toml").read_text("utf-8")
    return {
        platform: PlatformPages(
            {region.lower(): Page(**page) for region, page in entry.get("sign_in", {}).items()},
            {topic: Page(**page) for topic, page in entry.items() if topic in TOPICS},
        )
        for platform, entry in tomllib.loads(text).items()
    }


def sign_in_page(platform: str, region: str | None) -> Page | None:
    """The sign-in page for the platform in that region (or for every region), if sourced."""
    pages = all_pages().get(platform)
    if pages is None:
        return None
    return pages.sign_in.get((region or "").lower()) or pages.sign_in.get("")


def topic_page(platform: str, topic: str) -> Page | None:
    """The platform's page on a topic of TOPICS, if sourced."""
    pages = all_pages().get(platform)
    return pages.topics.get(topic) if pages else None
