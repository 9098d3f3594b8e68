"""The China side: one QQ mailbox under every spelling the seller lists is one mailbox (map,
shared login, who recovers through it); a store's payout account is part of the chain; a
Chrome export of China-side sign-in pages becomes accounts of the right platform and kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.checks import AuditContext
from auditor.intake.importers import read_entries
from auditor.intake.plan import plan_import
from auditor.inventory import Inventory
from auditor.report.signin_map import build_map
from auditor.secrets import MemoryStore
from auditor.vocabulary import Severity
from tests.helpers import STRONG, TODAY, account, inventory, run, view

QQ = account(
    "qq-owner",
    platform="qqmail",
    login="123456789@qq.com",
    aliases=("acmehome@qq.com", "AcmeHome@foxmail.com"),
)


def test_every_listed_form_of_one_qq_mailbox_is_one_mailbox() -> None:
    inv = inventory(
        QQ,
        account("amazon-na", platform="amazon", login="123456789@qq.com"),
        account("amazon-eu", platform="amazon", login="acmehome@foxmail.com"),
        account("temu", platform="temu", login="ACMEHOME@qq.com"),
    )
    secrets = view({"amazon-na": STRONG["a"], "amazon-eu": STRONG["b"]})
    (shared,) = run("email.shared-login", inv, secrets)
    assert shared.accounts == ("amazon-eu", "amazon-na")
    assert shared.subject == "123456789@qq.com"
    assert "the mailbox account qq-owner lists them as one mailbox" in shared.message
    rows = build_map(AuditContext(inv, secrets, TODAY)).mailboxes
    (row,) = [r for r in rows if r.account == "qq-owner"]
    assert set(row.signs_in) == {"amazon-eu", "amazon-na", "temu"}
    # without the aliases they are three unrelated mailboxes
    plain = inventory(account("qq-owner", platform="qqmail", login="123456789@qq.com"),
                      *inv.accounts[1:])  # fmt: skip
    assert run("email.shared-login", plain, secrets) == []


def test_a_payout_account_is_part_of_the_chain() -> None:
    store = {"platform": "amazon", "login": "ops@acme.test"}
    inv = inventory(
        account("amazon-na", payout="pingpong", **store),
        account("amazon-eu", payout="lianlian", **store),
        account("amazon-jp", payout="worldfirst", **store),
        account("pingpong", platform="pingpong", login="ops@acme.test", mfa="none"),
        account("lianlian", platform="lianlian", login="pay@acme.test", mfa="unknown"),
        account("ok", payout="airwallex", platform="shopify", login="shop@acme.test"),
        account("airwallex", platform="airwallex", login="money@acme.test", mfa="totp"),
    )
    found = {f.key: f for f in run("payout.exposed", inv)}
    assert set(found) == {
        "payout.exposed:amazon-na,pingpong",
        "payout.exposed:amazon-eu,lianlian",
        "payout.exposed:amazon-jp",
    }
    pingpong = found["payout.exposed:amazon-na,pingpong"]
    assert pingpong.severity == Severity.CRITICAL  # no 2FA where the money goes
    assert "the store's own login mailbox" in pingpong.message
    assert "paid the store's money" in pingpong.message
    assert found["payout.exposed:amazon-eu,lianlian"].severity == Severity.HIGH
    assert "not in the inventory" in found["payout.exposed:amazon-jp"].message


CHROME = """name,url,username,password,note
mail.qq.com,https://mail.qq.com/cgi-bin/loginpage,123456789@qq.com,{p}1,
mail.163.com,https://mail.163.com/,acme@163.com,{p}2,
PingPong,https://www.pingpongx.com/en/login,finance@acme.test,{p}3,
LianLian,https://global.lianlianpay.com/login,finance@acme.test,{p}4,
Temu,https://seller.kuajingmaihuo.com/login,ops@acme.test,{p}5,
Shopee,https://seller.shopee.cn/account/signin,ops@acme.test,{p}6,
"""


@pytest.mark.parametrize(
    ("platform", "kind"),
    [("qqmail", "mailbox"), ("netease", "mailbox"), ("pingpong", "payment"),
     ("lianlian", "payment"), ("temu", "store"), ("shopee", "store")],
)  # fmt: skip
def test_a_chrome_export_of_china_side_pages_is_recognised(platform: str, kind: str) -> None:
    entries = read_entries("chrome", CHROME.format(p="Zq4!mR8x#Lp2Wv7N"), Path("chrome.csv"))
    result = plan_import(
        entries, Inventory(Path("inv.toml"), ()), MemoryStore(), keep_unknown=False
    )
    proposed = {p.platform: p.kind for p in result.proposals}
    assert proposed[platform] == kind
    assert not result.skipped
