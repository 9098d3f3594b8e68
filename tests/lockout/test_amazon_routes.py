"""`why` on an Amazon account walks Amazon's own routes: the sign-in page of its marketplace from
Amazon's developer guide, the backup method that "Didn't receive the code?" sends the code to,
and the identity-verification recovery when both methods are lost, each with its source; never
backup codes, which Seller Central does not issue."""

from __future__ import annotations

from auditor.checks import AuditContext
from auditor.inventory import pages
from auditor.lockout.why import diagnose
from tests.helpers import TODAY, account, inventory, view

AMAZON_GUIDE = "https://github.com/amzn/selling-partner-api-docs/blob/"


def code_step(**fields: object) -> list[str]:
    amazon = account("amazon-na", platform="amazon", region="US", **fields)
    context = AuditContext(inventory(amazon), view(backup_codes={}), TODAY)
    steps = list(diagnose(context, amazon, lambda _: "", 0.0))
    return list(next(s for s in steps if s.number == 4).lines)


def test_the_code_step_names_the_backup_method_and_the_recovery() -> None:
    lines = code_step(mfa="totp", mfa_backup="sms", mfa_backup_phone="+86 138 0013 8000")
    text = "\n".join(lines)
    assert (
        "“Didn't receive the code?” on the code page sends it to the backup method: a text "
        "message to the phone ending in 8000 (source: https://sellercentral.amazon" in text
    )
    assert "primary and backup both lost? identity verification with an ID document" in text
    assert "nodeId=202073840" in text and "G202153510" in text
    assert "backup code" not in text.lower()


def test_codes_stored_for_amazon_are_said_not_to_sign_in() -> None:
    amazon = account("amazon-na", platform="amazon", region="US", mfa="sms")
    context = AuditContext(inventory(amazon), view(backup_codes={"amazon-na": 5}), TODAY)
    step = next(s for s in diagnose(context, amazon, lambda _: "", 0.0) if s.number == 4)
    assert "backup codes stored: 5, but Amazon" in "\n".join(step.lines)
    assert "issues none: they will not sign you in" in "\n".join(step.lines)


def test_an_unrecorded_backup_is_said_to_be_unrecorded() -> None:
    (line,) = [x for x in code_step(mfa="sms") if "Didn't receive" in x]
    assert "not recorded in the inventory (store-audit set amazon-na mfa_backup=...)" in line


def test_every_amazon_marketplace_has_a_sourced_sign_in_page() -> None:
    for region in ("us", "ca", "mx", "br", "uk", "de", "fr", "it", "es", "nl", "se", "pl", "tr",
                   "ae", "in", "sg", "au", "jp", "be", "eg", "ie", "sa", "za"):  # fmt: skip
        page = pages.sign_in_page("amazon", region)
        assert page is not None, region
    sweden = pages.sign_in_page("amazon", "SE")
    assert sweden is not None and sweden.url == "https://sellercentral.amazon.se"
    assert sweden.source.startswith(AMAZON_GUIDE)  # Amazon's own developer guide
    za = pages.sign_in_page("amazon", "za")
    assert za is not None and za.url == "https://sellercentral.amazon.co.za"


def test_using_up_codes_never_sends_an_amazon_seller_for_a_new_set() -> None:
    from auditor.intake.backup_codes import UsedCode

    amazon = account("amazon-na", platform="amazon", region="US", mfa="sms")
    shop = account("shopify", platform="shopify", mfa="totp")
    assert not UsedCode(amazon, removed=True, left=0).renewable  # Seller Central issues none
    assert UsedCode(shop, removed=True, left=0).renewable
