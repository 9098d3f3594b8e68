"""`map`'s phones: every account whose codes come by text or call is listed under a phone, the
ones that record no number together, so a map never says no phone receives codes when some do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from auditor.checks import AuditContext
from auditor.inventory import parse_inventory
from auditor.lockout.map_formats import render_map_table
from auditor.report.signin_map import UNRECORDED, build_map
from auditor.secrets import SecretView

INVENTORY = """\
version = 1

[[accounts]]
id = "amazon-us"
platform = "amazon"
login = "ops@acme.test"
mfa = "sms"

[[accounts]]
id = "walmart-us"
platform = "walmart"
login = "ops@acme.test"
mfa = "voice"

[[accounts]]
id = "ebay-us"
platform = "ebay"
login = "acme"
mfa = "sms"
mfa_phone = "+1 555 010 0000"

[[accounts]]
id = "etsy"
platform = "etsy"
login = "shop@acme.test"
mfa = "totp"
"""


def test_sms_accounts_without_a_number_are_listed_under_an_unrecorded_phone() -> None:
    inventory = parse_inventory(INVENTORY.encode(), Path("inv.toml"))
    signin = build_map(AuditContext(inventory, SecretView({}), dt.date(2026, 11, 30)))
    phones = {row.phone: row.receives for row in signin.phones}
    assert phones == {"+1 555 010 0000": ("ebay-us",), None: ("amazon-us", "walmart-us")}
    table = render_map_table(signin)
    assert UNRECORDED in table and "Phones:\n(none)" not in table
