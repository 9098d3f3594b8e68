"""The day a seller cannot get in, in Chinese: `why` for every example account, `doctor`,
`verify-totp` and `verify-password` leave no English (ids, product and platform names, commands
and the machine's own names aside)."""

from __future__ import annotations

import re
import sys
import time

import pyotp
import pytest

from auditor.demo import DEMO_PASSWORDS, demo_inventory_path, demo_store
from auditor.inventory import load_inventory
from auditor.inventory.platforms import PLATFORMS
from tests.conftest import invoke
from tests.i18n.untranslated import english_left
from tests.keyrings import MemoryKeyring

INVENTORY = demo_inventory_path()
KEEP = [
    *(word for p in PLATFORMS.values() for word in p.name.split()),  # QQ Mail, PingPong
    "base",  # base32: the seed's encoding, as authenticator apps name it
    "A-Z",
    "Python",
    sys.platform,
    *"tests keyrings MemoryKeyring".split(),  # the backend's class, as doctor names it
    *re.findall(r"[A-Za-z]+", str(INVENTORY)),  # doctor names the inventory's path
]


@pytest.fixture
def demo_keyring(memory_keyring: MemoryKeyring) -> MemoryKeyring:
    """The demo's secrets, under the example inventory's own service names."""
    memory_keyring.entries.update(demo_store(load_inventory(INVENTORY))._entries)
    return memory_keyring


def zh(*args: str, input: str | None = None) -> str:
    result = invoke(*args, "--inventory", INVENTORY, "--lang", "zh-CN", input=input)
    return result.stdout + result.stderr


@pytest.mark.usefixtures("demo_keyring")
@pytest.mark.parametrize("account", [a.id for a in load_inventory(INVENTORY).accounts])
def test_why_is_chinese_for_every_example_account(account: str) -> None:
    out = zh("why", account, "--no-prompt")
    assert "1. 登录页面对吗？" in out
    assert english_left(out, KEEP) == []


@pytest.mark.usefixtures("demo_keyring")
def test_why_says_why_a_seed_is_unusable_in_chinese() -> None:
    out = zh("why", "payoneer", "--no-prompt")
    assert "这个密钥不是有效的 base32 编码（只能包含字母 A-Z 和数字 2-7）" in out


@pytest.mark.usefixtures("demo_keyring")
def test_doctor_is_chinese() -> None:
    out = zh("doctor")
    assert "密钥环中的密码：14 个账户中有 13 个已存（缺少：payoneer）" in out
    assert "密钥环中存有备用验证码的账户：5 个" in out
    assert english_left(out, KEEP) == [], out


def test_doctor_says_the_keyring_cannot_be_used_in_chinese(memory_keyring: MemoryKeyring) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    result = invoke("doctor", "--inventory", INVENTORY, "--lang", "zh-CN")
    assert result.exit_code == 3
    assert "密钥环响应：异常：没有可用的密钥环后端" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("提示：")


@pytest.mark.usefixtures("demo_keyring")
def test_verify_totp_says_the_verdict_in_chinese() -> None:
    seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # amazon-na's demo seed
    now = pyotp.TOTP(seed).now()
    matched = zh("verify-totp", "amazon-na", input=now)
    assert "amazon-na：验证码和存的 TOTP 密钥现在对得上" in matched
    late = pyotp.TOTP(seed).at(time.time() - 90)
    assert "身份验证器所在设备的时间比这台电脑慢 90 秒" in zh(
        "verify-totp", "amazon-na", input=late
    )
    assert "验证码有 5 位，而存的 TOTP 密钥生成的是 6 位验证码" in zh(
        "verify-totp", "amazon-na", input="12345"
    )


@pytest.mark.usefixtures("demo_keyring")
def test_verify_password_says_the_verdict_in_chinese() -> None:
    same = zh("verify-password", "gmail-owner", input=DEMO_PASSWORDS["ebay"] + "\n")
    assert "没错，这就是 gmail-owner 存的密码" in same
    other = zh("verify-password", "etsy", input=DEMO_PASSWORDS["amazon-na"] + "\n")
    assert "这不是 etsy 存的密码，而是 amazon-na 的密码" in other
    wrong = zh("verify-password", "etsy", input="not the password\n")
    assert "这既不是 etsy 存的密码，也不是其他任何账户的密码：请检查大写锁定键" in wrong
