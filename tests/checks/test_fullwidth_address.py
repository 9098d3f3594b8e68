"""An address holding a full-width character a Chinese input method typed (88776655＠qq.com) is a
typing slip: email.lookalike names the character itself and the half-width one to type, in the
run's language, never as an impersonation with a Unicode name and an escape; real look-alikes
(a Cyrillic а) are reported as before."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from auditor import i18n
from auditor.checklist import Action, build_checklist
from auditor.checks import AuditContext
from auditor.findings import Finding
from auditor.inventory import Inventory
from tests.helpers import TODAY, account, inventory, run, view

SLIPS = inventory(
    account("amazon-eu", platform="amazon", login="88776655＠qq.com"),
    account("mail-qq", platform="qqmail", login="88776655＠qq.com"),
    account("shop", recovery_email="owner@gmail．com"),
)


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.use(i18n.CHINESE)
    yield
    i18n.use(i18n.ENGLISH)


def _actions(findings: list[Finding], inv: Inventory) -> list[Action]:
    return list(build_checklist(findings, inv, AuditContext(inv, view({}), TODAY).dependents))


def _by_account(check_id: str) -> dict[str, tuple[str, str]]:
    return {f.accounts[0]: (f.message, f.remediation) for f in run(check_id, SLIPS)}


def test_a_full_width_at_sign_is_a_typing_slip_with_the_address_to_write() -> None:
    message, remediation = _by_account("email.lookalike")["amazon-eu"]
    assert message == (
        "amazon-eu: login 88776655＠qq.com holds full-width '＠' typed with a Chinese input "
        "method: type the half-width '@' instead (88776655@qq.com)"
    )
    assert "`store-audit set amazon-eu login=88776655@qq.com`" in remediation
    for wrong in ("Fullwidth", "\\uff20", "U+FF20", "disguised", "delivers somewhere else"):
        assert wrong not in message + remediation


def test_a_full_width_dot_in_a_recovery_address_names_its_key() -> None:
    message, remediation = _by_account("email.lookalike")["shop"]
    assert "recovery email owner@gmail．com holds full-width '．'" in message
    assert "half-width '.' instead (owner@gmail.com)" in message
    assert "`store-audit set shop recovery_email=owner@gmail.com`" in remediation


def test_in_chinese(chinese: None) -> None:
    message, remediation = _by_account("email.lookalike")["amazon-eu"]
    assert message == (
        "amazon-eu：登录邮箱 88776655＠qq.com 里有中文输入法输入的全角字符 '＠'：请改成半角的 "
        "'@'（88776655@qq.com）"
    )
    assert "伪装" not in message and "Fullwidth" not in message
    assert remediation.startswith("在清单里改正：`store-audit set amazon-eu login=88776655@qq.com`")
    actions = _actions(run("email.lookalike", SLIPS), SLIPS)
    assert "把 amazon-eu（Amazon）的邮箱地址里的全角字符改成半角字符" in [a.action for a in actions]


def test_the_slip_is_one_finding_not_an_invalid_mailbox_too() -> None:
    assert _by_account("email.invalid") == {}
    broken = inventory(account("box", platform="qqmail", login="88776655＠qq"))
    assert [f.key for f in run("email.invalid", broken)] == ["email.invalid:box"]


def test_a_real_lookalike_is_still_one_beside_a_slip() -> None:
    both = inventory(account("amazon", login="ops＠\u0430cmehome.com"))
    (finding,) = run("email.lookalike", both)
    assert "full-width '＠'" in finding.message
    assert "Cyrillic 'а' (U+0430), which looks like Latin 'a'" in finding.message
    assert finding.message.endswith("it reads like a familiar address but delivers somewhere else")
    actions = _actions([finding], both)
    assert actions[0].action.startswith("Retype the address of amazon")
