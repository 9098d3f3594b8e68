"""Every check's words are true of the accounts they name.

A seller acts on the checklist word for word, so each case below runs every check and the
checklist on a small inventory (accounts of one kind, in one state) and reads what one check
said: its message, its remediation and the checklist action that resolves it. `must` lists
phrases that have to appear, `must_not` phrases that would be wrong for those accounts (2FA advice
for a mailbox that has 2FA, "pay out" without a payment account, "store" for a payment account).
On top of the cases, `test_no_finding_says_what_is_untrue_of_its_accounts` sweeps every finding
of every case for the words that are never true of the kinds it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from auditor.checklist import build_checklist
from auditor.checks import CHECKS, AuditContext, Finding
from auditor.inventory import Account, Inventory, Seller
from auditor.secrets import SecretView
from auditor.vocabulary import Severity
from tests.checks.people_cases import ANSWERS as PEOPLE_ANSWERS
from tests.checks.people_cases import MESSAGES as PEOPLE_MESSAGES
from tests.checks.test_checks import CASES as CHECK_CASES
from tests.helpers import STRONG, TODAY, account, inventory, view

WEAK = "password1"
SEED_160 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


@dataclass(frozen=True)
class Case:
    """One inventory in one state, one check, and what its words must and must not say."""

    check: str
    inventory: Inventory
    passwords: dict[str, str] = field(default_factory=dict)
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    breaches: dict[str, int] = field(default_factory=dict)
    seeds: dict[str, str] = field(default_factory=dict)
    severity: Severity | None = None

    missing: tuple[str, ...] = ()
    backup_codes: dict[str, int] = field(default_factory=dict)
    answers: dict[str, list[str]] = field(default_factory=dict)

    def secrets(self) -> SecretView:
        passwords = dict(self.passwords)
        for index, item in enumerate(self.inventory.accounts):
            passwords.setdefault(item.id, list(STRONG.values())[index])
        for account_id in self.missing:
            del passwords[account_id]
        return view(passwords, self.seeds, self.backup_codes, self.answers)


def audit(case: Case) -> tuple[list[Finding], dict[str, str]]:
    """Every finding of the case, and each finding key's checklist action."""
    context = AuditContext(case.inventory, case.secrets(), TODAY, breach_counts=case.breaches)
    findings = [f for check in CHECKS.values() for f in check.run(context)]
    actions = build_checklist(findings, case.inventory, context.dependents)
    by_key = {key: a.action for a in actions for key in a.resolves}
    return findings, by_key


def words(case: Case) -> list[str]:
    """The message, remediation and action of each of the case's check's findings."""
    findings, actions = audit(case)
    found = [f for f in findings if f.check == case.check]
    assert found, f"{case.check} did not fire"
    if case.severity is not None:
        assert {f.severity for f in found} == {case.severity}
    return [f"{f.message}. {f.remediation} Action: {actions.get(f.key, '')}" for f in found]


def gmail(id: str = "box", **fields: object) -> Account:
    return account(id, platform="gmail", login=f"{id}.owner@gmail.com", **fields)


def store(id: str = "shop", **fields: object) -> Account:
    return account(id, platform=fields.pop("platform", "etsy"), **fields)


def amazon(id: str, **fields: object) -> Account:
    return account(id, platform="amazon", **fields)


def paypal(id: str = "pay", **fields: object) -> Account:
    return account(id, platform="paypal", **fields)


CASES: dict[str, Case] = {
    # recovery.weak-link: the fix names only what is wrong with the mailbox
    "weak link: mailbox with 2FA, weak password": Case(
        "recovery.weak-link",
        inventory(gmail(mfa="totp"), store(login="box.owner@gmail.com")),
        {"box": WEAK},
        must=("weak password", "unique generated password"),
        must_not=("2FA", "two-step"),
    ),
    "weak link: mailbox with 2FA, reused password": Case(
        "recovery.weak-link",
        inventory(gmail(mfa="totp"), store(login="box.owner@gmail.com")),
        {"box": STRONG["j"], "shop": STRONG["j"]},
        must=("shares its password", "unique generated password"),
        must_not=("2FA", "two-step"),
    ),
    "weak link: mailbox without 2FA, strong password": Case(
        "recovery.weak-link",
        inventory(gmail(mfa="none"), store(login="box.owner@gmail.com")),
        must=("has no 2FA", "2FA"),
        must_not=("password",),
    ),
    "weak link: mailbox without 2FA and a weak password": Case(
        "recovery.weak-link",
        inventory(gmail(mfa="none"), store(login="box.owner@gmail.com")),
        {"box": WEAK},
        must=("2FA", "unique generated password"),
    ),
    # password.reused: what the sensitive account can do, by its kind
    "reused: a mailbox and the store that signs in through it": Case(
        "password.reused",
        inventory(gmail(), store(login="box.owner@gmail.com")),
        {"box": STRONG["j"], "shop": STRONG["j"]},
        must=("the mailbox box", "reset"),
        must_not=("pay out", "payout", "money"),
    ),
    "reused: a payment account and a store": Case(
        "password.reused",
        inventory(paypal(), store()),
        {"pay": STRONG["j"], "shop": STRONG["j"]},
        must=("the payment account pay", "money"),
        must_not=("reset", "mailbox"),
    ),
    "reused: two stores": Case(
        "password.reused",
        inventory(store("a"), store("b", platform="ebay")),
        {"a": STRONG["j"], "b": STRONG["j"]},
        must=("a and b use the same password",),
        must_not=("including", "reset", "pay out", "mailbox"),
    ),
    # password.contains-identity: a payment account has no store
    "contains identity: payment account holding the business name": Case(
        "password.contains-identity",
        inventory(paypal(), seller=Seller("Birchwood Candles")),
        {"pay": "Birchwood#Vq82!zx"},
        must=("business name",),
        must_not=("store",),
    ),
    "contains identity: store holding its store name": Case(
        "password.contains-identity",
        inventory(store(store="Birchwood Candles")),
        {"shop": "Birchwood#Vq82!zx"},
        must=("store name", "which store it is"),
    ),
    "contains identity: mailbox holding its login name": Case(
        "password.contains-identity",
        inventory(gmail()),
        {"box": "box.owner#Vq82!zx"},
        must=("login name",),
        must_not=("store",),
    ),
    # password.weak: a generated password needs none of zxcvbn's tips for chosen ones
    "weak: generated advice without tips for human-chosen passwords": Case(
        "password.weak",
        inventory(store()),
        {"shop": "birchwood"},
        must=("unique generated",),
        must_not=("Add another word", "Capitalization", "uncommon words"),
    ),
    # mfa.shared-phone: most sellers have one phone; backup codes and a second factor help
    "shared phone: two stores on one number": Case(
        "mfa.shared-phone",
        inventory(
            store("a", mfa="sms", mfa_phone="+1 555 010 0000", platform="amazon"),
            store("b", mfa="sms", mfa_phone="+1 (555) 010-0000", platform="etsy"),
        ),
        must=("backup codes", "authenticator app"),
        must_not=("off the one phone number", "Move "),
    ),
    "shared phone: platforms without an app in the catalog": Case(
        "mfa.shared-phone",
        inventory(
            store("a", mfa="sms", mfa_phone="+1 555 010 0000", platform="aliexpress"),
            store("b", mfa="sms", mfa_phone="+1 555 010 0000", platform="mercadolibre"),
        ),
        must=("backup codes",),
        must_not=("authenticator app", "Move "),
    ),
    # mfa.missing and mfa.sms-only: only the methods the platform offers
    "missing 2FA: iCloud offers prompts on a trusted device, not an app": Case(
        "mfa.missing",
        inventory(account("icloud", platform="icloud", login="me@icloud.com", mfa="none")),
        must=("sign-in prompts",),
        must_not=("authenticator app", "security key"),
    ),
    "missing 2FA: Etsy offers an authenticator app": Case(
        "mfa.missing",
        inventory(store(mfa="none")),
        must=("authenticator app",),
        must_not=("security key",),
    ),
    "missing 2FA: a platform the catalog knows nothing of": Case(
        "mfa.missing",
        inventory(account("x", platform="bol", kind="store", mfa="none")),
        must=("two-step verification",),
        must_not=("authenticator app", "security key"),
    ),
    "sms only: Amazon offers an app, no key": Case(
        "mfa.sms-only",
        inventory(store(platform="amazon", mfa="sms")),
        must=("authenticator app", "Seller Central: Settings > Login Settings"),
        must_not=("security key",),
    ),
    "voice only: said as phone-call codes": Case(
        "mfa.sms-only",
        inventory(store(platform="etsy", mfa="voice")),
        must=("phone call",),
        must_not=("text-message",),
    ),
    # "store" is a word for stores
    "shared login: two PayPal accounts on one mailbox": Case(
        "email.shared-login",
        inventory(paypal("p1", login="o@acme.test"), paypal("p2", login="O@acme.test")),
        must=("own login mailbox",),
        must_not=("store",),
    ),
    "similar: payment accounts only": Case(
        "password.similar",
        inventory(paypal("p1"), account("p2", platform="stripe")),
        {"p1": "Acme-Paypal-2024!", "p2": "acme-stripe-2025?"},
        must=("variants of one password",),
        must_not=("store",),
    ),
    # password.breached: "wherever else it was used" only when it is used elsewhere
    "breached: used once": Case(
        "password.breached",
        inventory(store()),
        breaches={"shop": 12},
        must=("Change the Etsy password",),
        must_not=("wherever else", "share it"),
    ),
    "breached: also used on another account": Case(
        "password.breached",
        inventory(store(), store("other", platform="ebay")),
        {"shop": STRONG["j"], "other": STRONG["j"]},
        breaches={"shop": 12, "other": 12},
        must=("too, which uses the same password",),
    ),
    # Amazon unified accounts: one login serves every marketplace of a region
    "shared login: one login in North America, a password not stored": Case(
        "email.shared-login",
        inventory(
            amazon("amazon-us", region="US", login="ops@acme.test"),
            amazon("amazon-ca", region="CA", login="ops@acme.test"),
        ),
        {"amazon-us": STRONG["j"]},
        missing=("amazon-ca",),
        must=(
            "store-audit cannot tell which",
            'record it once with marketplaces = ["US", "CA"]',
            "keep them all and give each its own login mailbox",
            "Find out whether amazon-ca and amazon-us are one Amazon account",
        ),
        must_not=("remove", "recorded twice"),
        severity=Severity.LOW,
    ),
    "shared login: one login in Europe, different passwords: two accounts, both kept": Case(
        "email.shared-login",
        inventory(
            amazon("amazon-eu", region="DE", login="ops@acme.test", marketplaces=("FR", "IT")),
            amazon("amazon-uk", region="UK", login="ops@acme.test"),
        ),
        must=(
            "different passwords: 2 separate Amazon seller accounts on one mailbox",
            "keep every one of them",
            "its own login mailbox",
        ),
        must_not=("remove", "recorded twice", "Record "),
        severity=Severity.HIGH,
    ),
    "impossible record: Seller Central with no 2SV": Case(
        "mfa.impossible-record",
        inventory(amazon("amazon-us", mfa="none")),
        must=(
            'mfa = "none", but every Amazon account has two-step verification',
            "itemID=202153510",
            "mfa_backup=sms",
            "the inventory is wrong, not the account",
        ),
        must_not=("a password is all it takes", "backup codes", "passkey", "security key"),
        severity=Severity.MEDIUM,
    ),
    "impossible record: Seller Central with email codes": Case(
        "mfa.impossible-record",
        inventory(amazon("amazon-us", mfa="email")),
        must=(
            'mfa = "email", but Amazon offers only text-message codes, phone-call codes or an '
            "authenticator app",
        ),
        must_not=("backup codes", "passkey", "security key"),
    ),
    "no backup method: Seller Central's 2SV backup not recorded": Case(
        "mfa.no-backup-method",
        inventory(amazon("amazon-us", mfa="totp")),
        must=(
            "does not say which backup method",
            "Didn't receive the code?",
            "a phone your company controls",
            "mfa_backup=sms",
        ),
        must_not=("backup codes", "passkey", "security key"),
    ),
    "shared login: two spellings of one Gmail mailbox in one region stay separate accounts": Case(
        "email.shared-login",
        inventory(
            amazon("amazon-us", region="US", login="acme.owner@gmail.com"),
            amazon("amazon-ca", region="CA", login="AcmeOwner+ca@googlemail.com"),
        ),
        must=("own login mailbox", "Gmail ignores dots"),
        must_not=("recorded twice", "marketplaces"),
        severity=Severity.HIGH,
    ),
    "shared login: the identical login in North America and Europe": Case(
        "email.shared-login",
        inventory(
            amazon("amazon-us", region="US", login="ops@acme.test"),
            amazon("amazon-de", region="DE", login="ops@acme.test"),
        ),
        must=("own login mailbox",),
        must_not=("recorded twice",),
        severity=Severity.HIGH,
    ),
    # recovery.unreachable: the chain back in ends where nobody can read the mail
    "unreachable: a store behind a mailbox whose recovery is misspelt": Case(
        "recovery.unreachable",
        inventory(store(login="box.owner@gmail.com"), gmail(recovery_email="box@gmial.com")),
        must=("gmial.com",),
    ),
    "unreachable: a payment account behind the same mailbox": Case(
        "recovery.unreachable",
        inventory(paypal(login="box.owner@gmail.com"), gmail(recovery_email="box@gmial.com")),
        must=("gmial.com",),
        must_not=("store",),
    ),
    # email.typo-domain: where password resets go
    "typo domain: a store's login": Case(
        "email.typo-domain",
        inventory(store(login="ops@gmial.com")),
        must=("whoever registers gmial.com", "password resets"),
        severity=Severity.CRITICAL,
    ),
}


# The checks that speak of one account's own fields, for an account of each kind: each must name
# the account and its platform, and the sweep below holds them to their kind.
KINDS = {
    "store": ("etsy", "Etsy", "shop@acme.test"),
    "mailbox": ("gmail", "Gmail", "box.owner@gmail.com"),
    "payment": ("paypal", "PayPal", "pay@acme.test"),
}
SEED_80 = "JBSWY3DPEHPK3PXP"
OWN_FIELDS: dict[str, tuple[dict[str, object], dict[str, object]]] = {
    # check: (account fields, Case fields)
    "email.lookalike": ({"login": "ops@\u0430cme.test"}, {}),
    "email.invalid": ({"recovery_email": "ops@acme"}, {}),
    "email.recovery-is-login": ({"recovery_email": "{login}"}, {}),
    "email.unaudited-mailbox": ({"recovery_email": "owner@outside.test"}, {}),
    "password.missing": ({}, {"missing": ("x",)}),
    "password.stale": ({"password_changed": TODAY.replace(year=2020)}, {}),
    "mfa.unknown": ({"mfa": "unknown"}, {}),
    "mfa.totp-invalid": ({}, {"seeds": {"x": "not base32!"}}),
    "mfa.totp-weak-seed": ({}, {"seeds": {"x": SEED_80}}),
    "mfa.no-backup-codes": ({"mfa": "totp"}, {}),
    "mfa.few-backup-codes": ({"mfa": "totp"}, {"backup_codes": {"x": 1}}),
    "email.totp-label-mismatch": (
        {},
        {"seeds": {"x": f"otpauth://totp/someone.else%40acme.test?secret={SEED_160}"}},
    ),
}
for _check, (_fields, _extra) in OWN_FIELDS.items():
    for _kind, (_platform, _name, _login) in KINDS.items():
        _account_fields = {
            k: (v.format(login=_login) if isinstance(v, str) else v) for k, v in _fields.items()
        }
        _account_fields.setdefault("login", _login)
        CASES[f"{_check}: a {_kind}"] = Case(
            _check,
            inventory(account("x", platform=_platform, **_account_fields)),
            must=("x",)
            if _check in ("email.unaudited-mailbox", "mfa.few-backup-codes", "recovery.unreachable")
            else ("x", _name),
            **_extra,  # type: ignore[arg-type]
        )

for _name, (_check, _inventory, _must, _must_not) in PEOPLE_MESSAGES.items():
    CASES[_name] = Case(
        _check, _inventory, must=_must, must_not=_must_not, answers=PEOPLE_ANSWERS.get(_name, {})
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_words_are_true_of_the_accounts(name: str) -> None:
    case = CASES[name]
    for text in words(case):
        for phrase in case.must:
            assert phrase in text, f"{name}: missing {phrase!r} in: {text}"
        for phrase in case.must_not:
            assert phrase not in text, f"{name}: {phrase!r} is wrong for these accounts: {text}"


_STORE_WORDS = re.compile(r"\b(store name|which store|wrong store|the store|this store|a store)\b")


def untrue(inv: Inventory, findings: list[Finding], actions: dict[str, str]) -> Iterator[str]:
    """The findings' words that are never true of the kinds of account they name."""
    kinds = {a.id: a.kind for a in inv.accounts}
    for item in findings:
        text = f"{item.message}. {item.remediation} {actions.get(item.key, '')}"
        named = {kinds[a] for a in item.accounts}
        if "payment" not in named and "pay out" in text:
            yield text
        if "store" not in named and _STORE_WORDS.search(text):
            yield text
        if "mailbox" not in named and "reset or pay out" in text:
            yield text


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_finding_says_what_is_untrue_of_its_accounts(name: str) -> None:
    case = CASES[name]
    assert not list(untrue(case.inventory, *audit(case)))


@pytest.mark.parametrize("check_id", sorted(CHECK_CASES))
def test_no_check_case_says_what_is_untrue_of_its_accounts(check_id: str) -> None:
    # Every check's firing case (tests/checks/test_checks.py, the one table a new check needs)
    # goes through the same sweep, so a check with no case of its own here is still read.
    inv, secrets, breaches = CHECK_CASES[check_id][0]()
    context = AuditContext(inv, secrets, TODAY, breach_counts=breaches)
    findings = [f for check in CHECKS.values() for f in check.run(context)]
    actions = build_checklist(findings, inv, context.dependents)
    by_key = {key: a.action for a in actions for key in a.resolves}
    assert not list(untrue(inv, findings, by_key))
