"""The checklist folds findings into actions and ranks them as SPEC §4 says."""

from __future__ import annotations

import datetime as dt

from auditor.checklist import Action, build_checklist
from auditor.checks import CHECKS, AuditContext
from auditor.checks.suppression import apply_ignores
from auditor.inventory import Ignore, Inventory
from auditor.secrets import SecretView
from auditor.vocabulary import Severity
from tests.helpers import STRONG, TODAY, account, inventory, view


def checklist(inv: Inventory, secrets: SecretView) -> tuple[Action, ...]:
    context = AuditContext(inv, secrets, TODAY)
    by_id = {a.id: a for a in inv.accounts}
    findings = [
        apply_ignores(f, by_id, TODAY) for check in CHECKS.values() for f in check.run(context)
    ]
    return build_checklist(findings, inv, context.dependents)


def test_a_mailbox_without_2fa_outranks_every_store_level_action() -> None:
    # Five stores and PayPal share one password (critical, protects 6); the mailbox that one
    # store recovers through has no 2FA (critical, protects 2). The mailbox still comes first.
    stores = [account(f"store{i}", login=f"s{i}@acme.test") for i in range(4)]
    inv = inventory(
        account("box", platform="gmail", login="box@gmail.com", mfa="none"),
        account("pay", platform="paypal", login="pay@acme.test"),
        account("linked", login="l@acme.test", recovery_email="box@gmail.com"),
        *stores,
    )
    shared = "Sh4red!pass-Wx9q"
    secrets = view(
        {"box": STRONG["a"], "pay": shared, "linked": STRONG["b"], **{s.id: shared for s in stores}}
    )
    actions = checklist(inv, secrets)
    assert actions[0].action == "Turn on app-based 2FA for the Gmail mailbox box@gmail.com"
    assert actions[0].severity == Severity.CRITICAL
    assert set(actions[0].protects) == {"box", "linked"}
    assert actions[1].severity == Severity.CRITICAL
    assert set(actions[1].accounts) == {"pay", *(s.id for s in stores)}


def test_more_accounts_protected_ranks_higher_then_account_id() -> None:
    inv = inventory(
        account("b-store", mfa="none"),
        account("a-store", mfa="none"),
        account("c-store", mfa="none", login="c@acme.test"),
        account("c2", platform="ebay", login="c@acme.test", mfa="totp"),
        account("c3", platform="etsy", login="c@acme.test", mfa="totp"),
        account("box", platform="fastmail", kind="mailbox", login="c@acme.test", mfa="totp"),
    )
    secrets = view(
        {
            i: STRONG[k]
            for i, k in zip(
                ["b-store", "a-store", "c-store", "c2", "c3", "box"], "abcdef", strict=True
            )
        }
    )
    order = [a.action for a in checklist(inv, secrets) if a.severity == Severity.HIGH]
    assert order == [
        "Turn on app-based 2FA for a-store (Shopify)",
        "Turn on app-based 2FA for b-store (Shopify)",
        "Turn on app-based 2FA for c-store (Shopify)",
    ]


def test_one_action_per_password_habit() -> None:
    inv = inventory(
        account("etsy", platform="etsy", store="Birchwood", password_changed=dt.date(2020, 1, 1)),
        account("ebay", platform="ebay"),
        account("amz", platform="amazon"),
    )
    secrets = view({"etsy": "birchwood1", "ebay": "birchwood1", "amz": STRONG["a"]})
    (action,) = [a for a in checklist(inv, secrets) if "generated password" in a.action]
    assert action.action == "Give ebay and etsy each their own generated password"
    assert set(action.resolves) == {
        "password.reused:ebay,etsy",
        "password.weak:ebay",
        "password.weak:etsy",
        "password.contains-identity:etsy",
        "password.stale:etsy",
    }


def test_weak_link_joins_the_actions_that_fix_the_mailbox() -> None:
    inv = inventory(
        account("box", platform="gmail", login="box@gmail.com", mfa="none"),
        account("shop", login="box@gmail.com"),
    )
    actions = checklist(inv, view({"box": "password1", "shop": STRONG["a"]}))
    with_link = [a for a in actions if "recovery.weak-link:box,shop" in a.resolves]
    assert {a.action for a in with_link} == {
        "Turn on app-based 2FA for the Gmail mailbox box@gmail.com",
        "Change the password of the Gmail mailbox box@gmail.com to a unique generated one",
    }
    assert all(a.severity == Severity.CRITICAL for a in with_link)


def test_suppressed_findings_need_no_action_but_one_ignore_does_not_hide_others() -> None:
    accept = (Ignore("password.reused", "accepted"),)
    inv = inventory(
        account("a", ignores=accept),
        account("b", ignores=accept),
        account("c"),
        account("d", ignores=accept),
    )
    secrets = view(
        {"a": "Same-Pw!x9Lq2", "b": "Same-Pw!x9Lq2", "c": "Other-Pw!x9Lq2", "d": "Other-Pw!x9Lq2"}
    )
    resolved = {k for a in checklist(inv, secrets) for k in a.resolves}
    assert "password.reused:a,b" not in resolved  # both accepted it
    assert "password.reused:c,d" in resolved  # c did not


def test_every_action_resolves_something_and_ranks_are_consecutive() -> None:
    from tests.test_examples import example_report

    actions = example_report().checklist
    assert [a.rank for a in actions] == list(range(1, len(actions) + 1))
    assert all(a.resolves and set(a.accounts) <= set(a.protects) for a in actions)
    severities = [a.severity for a in actions]
    assert severities == sorted(severities, reverse=True)


def test_weak_link_joins_only_the_action_that_fixes_the_cause() -> None:
    # The mailbox uses SMS (a medium finding of its own) and a weak password (the weak link):
    # switching to an app would not fix the weak link, changing the password would.
    inv = inventory(
        account("box", platform="gmail", login="box@gmail.com", mfa="sms"),
        account("shop", login="box@gmail.com"),
    )
    actions = {a.action: a for a in checklist(inv, view({"box": "password1", "shop": STRONG["a"]}))}
    switch = actions[
        "Switch the Gmail mailbox box@gmail.com from text-message codes to an authenticator app"
    ]
    change = actions[
        "Change the password of the Gmail mailbox box@gmail.com to a unique generated one"
    ]
    assert (switch.severity, change.severity) == (Severity.MEDIUM, Severity.CRITICAL)
    assert "recovery.weak-link:box,shop" in change.resolves
    assert "recovery.weak-link:box,shop" not in switch.resolves


def test_weak_link_gets_its_own_action_when_its_cause_is_accepted() -> None:
    accept = (Ignore("mfa.missing", "a shared family mailbox"),)
    inv = inventory(
        account("box", platform="gmail", login="box@gmail.com", mfa="none", ignores=accept),
        account("shop", login="box@gmail.com"),
    )
    actions = checklist(inv, view({"box": STRONG["a"], "shop": STRONG["b"]}))
    (first,) = [a for a in actions if a.severity == Severity.CRITICAL]
    assert (
        first.action == "Secure the Gmail mailbox box@gmail.com, which 1 other account depends on"
    )
    assert first.resolves == ("recovery.weak-link:box,shop",)
