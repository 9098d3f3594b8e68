"""The platform pages `why` and `map` show (auditor/data/pages.toml): every page carries the
source it was taken from, the platforms the issue names each have at least one, and a platform
or region without a sourced page gets no URL at all."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from auditor.inventory import pages, platforms
from tests.helpers import account, inventory, run, view

RAW = tomllib.loads(resources.files("auditor").joinpath("data/pages.toml").read_text("utf-8"))


def every_page() -> list[tuple[str, str, dict[str, str]]]:
    found = []
    for platform, entry in RAW.items():
        for key, value in entry.items():
            if key == "sign_in":
                found += [(platform, f"sign_in.{region}", page) for region, page in value.items()]
            else:
                found.append((platform, key, value))
    return found


@pytest.mark.parametrize(("platform", "what", "page"), every_page())
def test_every_page_has_a_source(platform: str, what: str, page: dict[str, str]) -> None:
    assert {"url", "source"} <= set(page) <= {"url", "source", "name"}, (platform, what)
    assert page["url"].startswith("https://"), (platform, what)
    assert page["source"].startswith(("https://", "http://")), (platform, what)
    assert platform in platforms.PLATFORMS
    assert what.startswith("sign_in.") or what in pages.TOPICS
    assert what == what.lower()


@pytest.mark.parametrize(
    "platform",
    # Etsy's only page was about closed shops and Payoneer's a complaints disclosure: both left
    # out until a page of the right topic is sourced
    ["amazon", "ebay", "shopify", "walmart", "tiktok", "gmail", "outlook", "paypal"],
)  # fmt: skip
def test_the_platforms_sellers_use_have_pages(platform: str) -> None:
    assert pages.all_pages()[platform].sign_in or pages.all_pages()[platform].topics


def test_amazon_sign_in_by_region_and_no_guess_where_unsourced() -> None:
    us = pages.sign_in_page("amazon", "US")
    assert us is not None and us.url == "https://sellercentral.amazon.com"
    assert us.source.startswith("https://github.com/amzn/selling-partner-api-docs/")
    de = pages.sign_in_page("amazon", "de")
    assert de is not None and de.url == "https://sellercentral-europe.amazon.com"
    assert pages.sign_in_page("amazon", "XX") is None  # no source found: no URL made up
    assert pages.sign_in_page("amazon", None) is None
    ebay = pages.sign_in_page("ebay", "UK")  # one sign-in page for every region
    assert ebay is not None and ebay.url == "https://signin.ebay.com"
    assert pages.sign_in_page("cornershop", "US") is None


def test_walmart_sign_in_by_region() -> None:
    ca = pages.sign_in_page("walmart", "CA")
    assert ca is not None and ca.url == "https://seller.walmart.ca"
    assert ca.source.startswith("https://developer.walmart.com/")  # Walmart's own docs
    us = pages.sign_in_page("walmart", "us")
    assert us is not None and us.url == "https://seller.walmart.com"
    assert pages.sign_in_page("walmart", None) is None  # no region: no guess


def test_advice_prefers_a_passkey_where_the_platform_offers_one() -> None:
    inv = inventory(
        account("box", platform="gmail", login="o@gmail.com"),
        account("shop", platform="shopify"),
    )
    found = {f.accounts[0]: f for f in run("mfa.no-backup-codes", inv, view())}
    assert "add a passkey (Gmail offers them: https://support.google.com/accounts/answer/" in (
        found["box"].remediation
    )
    # Shopify's entry lists a security key besides the app, and says nothing of backup codes
    assert "add a security key as a second method" in found["shop"].remediation
    assert "Check Shopify's security settings for backup codes" in found["shop"].remediation


@pytest.mark.parametrize("platform", ["amazon", "ebay", "walmart"])
def test_the_sub_user_feature_of_the_big_marketplaces_is_sourced_and_named(platform: str) -> None:
    page = pages.topic_page(platform, "sub_users")
    assert page is not None and page.name and page.source.startswith("https://")
