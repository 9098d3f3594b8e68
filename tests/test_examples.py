"""The bundled example (what `store-audit demo` shows) is audited and its findings asserted."""

from __future__ import annotations

import datetime as dt

from auditor.demo import (
    DEMO_ANSWERS,
    DEMO_BACKUP_CODES,
    DEMO_PASSWORDS,
    DEMO_SEEDS,
    DemoBreaches,
    demo_inventory_path,
    demo_store,
)
from auditor.engine import AuditRequest, Report, run_audit
from auditor.inventory import load_inventory
from auditor.vocabulary import Severity

NOW = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)


def example_report(now: dt.datetime = NOW) -> Report:
    inventory = load_inventory(demo_inventory_path())
    return run_audit(
        AuditRequest(
            inventory, demo_store(inventory), now=now, today=now.date(), breaches=DemoBreaches()
        )
    )


def test_example_suppression_holds() -> None:
    # The findings themselves are pinned key for key by the golden files (tests/test_golden.py).
    report = example_report()
    assert [f.key for f in report.findings if f.suppressed] == ["password.stale:walmart"]


def test_example_shows_every_runnable_check() -> None:
    from auditor.checks import CHECKS

    assert {f.check for f in example_report().findings} == set(CHECKS)


def test_example_checklist_starts_with_the_owner_mailbox() -> None:
    checklist = example_report().checklist
    assert checklist[0].severity == Severity.CRITICAL
    top_two = {a.action for a in checklist[:2]}
    assert (
        "Turn on 2FA for the Gmail mailbox acme.owner@gmail.com with a passkey or an "
        "authenticator app"
    ) in top_two
    mailbox_action = next(a for a in checklist if "2FA for the Gmail mailbox" in a.action)
    assert set(mailbox_action.protects) == {
        "gmail-owner",
        "amazon-na",
        "amazon-eu",
        "pingpong",
        "ebay",
        "etsy",
        "paypal",
        "outlook-ops",
    }
    assert (
        "recovery.weak-link:amazon-eu,amazon-na,ebay,etsy,gmail-owner,outlook-ops,paypal,pingpong"
        in (mailbox_action.resolves)
    )


def test_example_suppression_expires() -> None:
    later = example_report(dt.datetime(2027, 7, 1, tzinfo=dt.UTC))
    stale = next(f for f in later.findings if f.key == "password.stale:walmart")
    assert not stale.suppressed


def test_example_output_never_holds_a_demo_secret() -> None:
    from auditor.report import FORMATS

    report = example_report()
    for render in FORMATS.values():
        text = render(report)
        codes = [c for v in DEMO_BACKUP_CODES.values() for c in v.splitlines()]
        answers = [a for v in DEMO_ANSWERS.values() for a in v.splitlines()]
        for secret in [*DEMO_PASSWORDS.values(), *DEMO_SEEDS.values(), *codes, *answers]:
            assert secret not in text
