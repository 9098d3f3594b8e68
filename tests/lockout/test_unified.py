"""why's first step knows Amazon's unified accounts: one login on amazon-us and amazon-ca is one
North America sign-in; the same login in Europe, or a differently spelled one, is not."""

from __future__ import annotations

from auditor.checks import AuditContext
from auditor.lockout.why import unified_group
from tests.helpers import STRONG, TODAY, account, inventory, view


def test_the_same_login_in_one_unified_region_shares_the_sign_in() -> None:
    inv = inventory(
        account("amazon-us", platform="amazon", region="US", login="ops@acme.test"),
        account("amazon-ca", platform="amazon", region="CA", login="OPS@acme.test"),
        account("amazon-de", platform="amazon", region="DE", login="ops@acme.test"),
        account("amazon-mx", platform="amazon", region="MX", login="ops+mx@acme.test"),
    )
    context = AuditContext(inv, view(), TODAY)
    by_id = {a.id: a for a in inv.accounts}
    assert unified_group(by_id["amazon-us"], context) == ("amazon-ca",)
    assert unified_group(by_id["amazon-ca"], context) == ("amazon-us",)
    assert unified_group(by_id["amazon-de"], context) == ()  # Europe is another unified account
    assert unified_group(by_id["amazon-mx"], context) == ()  # another login: another account


def test_one_merged_account_across_regions_shares_the_sign_in_only_with_one_password() -> None:
    inv = inventory(
        account("amazon-us", platform="amazon", region="US", login="ops@acme.test"),
        account("amazon-jp", platform="amazon", region="JP", login="ops@acme.test"),
        account("amazon-de", platform="amazon", region="DE", login="ops@acme.test"),
    )
    one = view({"amazon-us": STRONG["a"], "amazon-jp": STRONG["a"], "amazon-de": STRONG["b"]})
    by_id = {a.id: a for a in inv.accounts}
    context = AuditContext(inv, one, TODAY)
    assert unified_group(by_id["amazon-us"], context) == ("amazon-jp",)  # merged: same password
    assert unified_group(by_id["amazon-de"], context) == ()  # another password: another account
