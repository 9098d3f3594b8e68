"""`why` says what is true of the account (issue 23, item 6): a mailbox is not told to check
"the region this store sells in", and an Amazon store outside the US is never sent to the US
account-health page."""

from __future__ import annotations

from pathlib import Path

from auditor.errors import ExitCode
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring

INVENTORY = """\
version = 1
[[accounts]]
id = "gmail-owner"
platform = "gmail"
login = "owner@gmail.com"
mfa = "totp"
[[accounts]]
id = "amazon-de"
platform = "amazon"
region = "DE"
login = "de@acme.test"
mfa = "totp"
[[accounts]]
id = "amazon-us"
platform = "amazon"
region = "US"
login = "us@acme.test"
mfa = "totp"
"""


def _why(tmp_path: Path, account_id: str) -> str:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    result = invoke("why", account_id, "--no-prompt", "--inventory", path)
    assert result.exit_code in (ExitCode.OK, ExitCode.FINDINGS), result.stderr
    return result.stdout


def test_a_mailbox_is_not_told_about_the_region_a_store_sells_in(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    out = _why(tmp_path, "gmail-owner")
    assert "store-audit has no sourced sign-in page for Gmail" in out
    assert "region this store sells in" not in out


def test_account_health_is_the_accounts_own_region_or_none(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    us_page = "https://sellercentral.amazon.com/gp/help/external/G200370560"
    assert us_page in _why(tmp_path, "amazon-us")
    de = _why(tmp_path, "amazon-de")
    assert us_page not in de
    assert "account health and appeals: store-audit has no sourced page for Amazon DE" in de
