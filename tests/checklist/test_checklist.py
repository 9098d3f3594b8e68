"""The checklist folds findings into actions and ranks them as SPEC §4 says."""

from __future__ import annotations

import datetime as dt

from auditor.checklist import Action, build_checklist
from auditor.checks import CHECKS, AuditContext
from auditor.inventory import Ignore, Inventory
from auditor.report.suppression import apply_ignores
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
    assert (
        actions[0].action
        == "Turn on 2FA for the Gmail mailbox box@gmail.com with a passkey or an authenticator app"
    )
    assert actions[0].severity == Severity.CRITICAL
    assert set(actions[0].protects) == {"box", "linked"}
    assert actions[1].severity == Severity.CRITICAL
    assert set(actions[1].accounts) == {"pay", *(s.id for s in stores)}


def test_more_accounts_protected_ranks_higher_then_account_id() -> None:
    # Same severity everywhere: "abox" comes first by id but protects fewer accounts than "zbox";
    # among stores, the pair sharing a password comes first by id, the trio protects more.
    inv = inventory(
        account("abox", platform="gmail", login="abox@gmail.com", mfa="none"),
        account("zbox", platform="gmail", login="zbox@gmail.com", mfa="none"),
        account("s1", login="abox@gmail.com"),
        account("s2", platform="ebay", login="zbox@gmail.com"),
        account("s3", platform="etsy", login="zbox@gmail.com"),
        account("a1", login="a1@acme.test"),
        account("a2", platform="ebay", login="a2@acme.test"),
        account("b1", platform="etsy", login="b1@acme.test"),
        account("b2", platform="walmart", login="b2@acme.test"),
        account("b3", platform="amazon", login="b3@acme.test"),
        account("c-store", login="c@acme.test", mfa="none"),
        account("b-store", platform="ebay", login="b@acme.test", mfa="none"),
    )
    pair, trio = "Pair-Shared!x9Lq2", "Trio-Shared!x9Lq2"
    secrets = view(
        {
            "abox": STRONG["a"],
            "zbox": STRONG["b"],
            "s1": STRONG["c"],
            "s2": STRONG["d"],
            "s3": STRONG["e"],
            "c-store": STRONG["f"],
            "b-store": STRONG["g"],
            **dict.fromkeys(["a1", "a2"], pair),
            **dict.fromkeys(["b1", "b2", "b3"], trio),
        }
    )
    actions = checklist(inv, secrets)
    critical = [a.action for a in actions if a.severity == Severity.CRITICAL]
    assert critical == [
        "Turn on 2FA for the Gmail mailbox zbox@gmail.com with a passkey or an authenticator app",
        "Turn on 2FA for the Gmail mailbox abox@gmail.com with a passkey or an authenticator app",
    ]
    high = [a.action for a in actions if a.severity == Severity.HIGH]
    assert high == [
        "Give b1, b2 and b3 each their own generated password",
        "Give a1 and a2 each their own generated password",
        "Turn on app-based 2FA for b-store (eBay)",
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
        "Turn on 2FA for the Gmail mailbox box@gmail.com with a passkey or an authenticator app",
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


def test_accounts_whose_2fa_is_unknown_fold_into_one_action_with_the_command() -> None:
    inv = inventory(
        account("etsy", platform="etsy", mfa="unknown"),
        account("ebay", platform="ebay", mfa="unknown"),
        account("shop", mfa="unknown"),
    )
    actions = checklist(inv, view({"etsy": STRONG["a"], "ebay": STRONG["b"], "shop": STRONG["c"]}))
    (record,) = [a for a in actions if "mfa.unknown:etsy" in a.resolves]
    assert set(record.resolves) == {"mfa.unknown:ebay", "mfa.unknown:etsy", "mfa.unknown:shop"}
    assert record.action == (
        "Find out which 2FA ebay, etsy and shop use and record each: "
        "`store-audit set ID mfa=METHOD`"
    )
    alone = checklist(inventory(account("etsy", platform="etsy", mfa="unknown")), view())
    assert any("`store-audit set etsy mfa=METHOD`" in a.action for a in alone)
