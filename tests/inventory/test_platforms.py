"""The platform catalog data file: well-formed, sourced, and mapping login URLs to platforms."""

from __future__ import annotations

import pytest

from auditor.inventory import platforms


def test_every_claim_has_a_source_and_every_value_is_known() -> None:
    for platform in platforms.PLATFORMS.values():
        assert platform.kind in platforms.KINDS, platform.id
        for method, source in platform.mfa_sources.items():
            assert method in platforms.MFA_METHODS and method not in ("none", "unknown")
            assert source.startswith("https://"), (platform.id, method)
        for host in platform.regions:
            assert any(host == h or host.endswith("." + h) for h in platform.hosts), host
        if platform.settings_menu:  # a menu path is a claim about the platform: sourced
            assert (platform.settings_source or "").startswith("https://"), platform.id
        for group in platform.unified.values():
            assert group.sources and all(u.startswith("https://") for u in group.sources)
            assert all(r.isalpha() and r.islower() for r in group.regions), group.id
        grouped = [r for g in platform.unified.values() for r in g.regions]
        assert len(grouped) == len(set(grouped)), platform.id  # a region is in one group


@pytest.mark.parametrize(
    ("platform", "region", "group"),
    [
        ("amazon", "US", "amazon-na"),
        ("amazon", "br", "amazon-na"),
        ("amazon", "DE", "amazon-eu"),
        ("amazon", "uk", "amazon-eu"),
        ("amazon", "eu", "amazon-eu"),  # sellercentral-europe.amazon.com
        ("amazon", "jp", None),
        ("amazon", None, None),
        ("ebay", "us", None),
        ("unknown-platform", "us", None),
    ],
)
def test_unified_group(platform: str, region: str | None, group: str | None) -> None:
    assert platforms.unified_group(platform, region) == group


@pytest.mark.parametrize(
    ("url", "platform", "region"),
    [
        ("https://sellercentral.amazon.de/ap/signin?openid=x", "amazon", "de"),
        ("sellercentral.amazon.com", "amazon", "us"),
        ("https://sellercentral-europe.amazon.com/home", "amazon", "eu"),
        ("https://signin.ebay.co.uk/ws/eBayISAPI.dll", "ebay", "uk"),
        ("https://www.ebay.com/signin", "ebay", "us"),
        ("https://acme-home.myshopify.com/admin", "shopify", None),
        ("https://seller.walmart.com/login", "walmart", "us"),
        ("https://accounts.google.com/ServiceLogin", "gmail", None),
        ("https://login.live.com/", "outlook", None),
        ("https://www.paypal.com/signin", "paypal", None),
        ("HTTPS://Dashboard.Stripe.com/login", "stripe", None),
    ],
)
def test_login_urls_map_to_platforms(url: str, platform: str, region: str | None) -> None:
    match = platforms.match_url(url)
    assert match is not None
    assert (match.platform.id, match.region) == (platform, region)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.amazon.com/ap/signin",
        "https://notebay.com",
        "http://sn",
        "",
        "not a url at all",
        "https://example.org/ebay.com",
    ],
)
def test_other_urls_match_nothing(url: str) -> None:
    # amazon.com is the shopping site, not Seller Central; look-alike hosts do not match
    assert platforms.match_url(url) is None


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.Etsy.com/signin", "etsy.com"),
        ("sellercentral.amazon.de", "sellercentral.amazon.de"),  # a bare host, as people type
        ("www.ebay.co.uk/signin", "ebay.co.uk"),
        ("http://intranet/login", "intranet"),  # with a scheme, a one-word host is a host
        ("https://ops:pw@panel.example.com:8443/", "panel.example.com"),
        # what is no web address: text, an email address, another scheme, a one-word name
        ("space title", None),
        ("aib", None),
        ("owner@acme.test", None),
        ("chrome://FirefoxAccounts", None),
        ("android://c29tZQ==@com.ebay.mobile/", None),
        ("https://a b.example.com/", None),
        ("", None),
    ],
)
def test_a_url_names_a_host_only_when_it_is_a_web_address(url: str, host: str | None) -> None:
    assert platforms.url_host(url) == host


def test_every_2fa_model_claim_and_merge_claim_has_a_source() -> None:
    for platform in platforms.PLATFORMS.values():
        for claim, source in platform.twofa.sources.items():
            assert source.startswith("https://"), (platform.id, claim)
        assert bool(platform.twofa.recovery) == bool(platform.twofa.recovery_source), platform.id
        assert all(u.startswith("https://") for u in platform.merged_sources), platform.id


def test_amazon_2sv_is_modelled_from_seller_central_s_own_pages() -> None:
    amazon = platforms.PLATFORMS["amazon"]
    for claim, source in amazon.twofa.sources.items():
        assert source.startswith("https://sellercentral.amazon."), claim
    assert amazon.twofa.required and amazon.twofa.backup_method and amazon.twofa.methods_complete
    assert amazon.offers("totp") and amazon.offers("sms") and amazon.offers("voice")
    for absent in ("email", "push", "security-key", "passkey", platforms.BACKUP_CODES):
        assert amazon.offers(absent) is False, absent
    assert platforms.offers("payoneer", platforms.BACKUP_CODES) is None  # nobody knows
    assert platforms.offers("gmail", "passkey") is True
