"""Each check fires on the weakness it names and stays quiet on its nearest miss.

`CASES` holds, per catalog id, one inventory that must fire (with the exact keys expected) and one
near miss that must not; `test_every_check_has_cases` fails when a registered check has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from auditor.checklist import build_checklist
from auditor.checks import CHECKS, AuditContext
from auditor.inventory import Inventory, Policy, Seller
from auditor.secrets import MemoryStore, SecretView, read_secrets
from auditor.vocabulary import Severity
from tests.checks.people_cases import CASES as PEOPLE_CASES
from tests.helpers import STRONG, account, inventory, run, view

Case = Callable[[], tuple[Inventory, SecretView, dict[str, int]]]
SEED_160 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


def case(
    inv: Inventory, secrets: SecretView | None = None, breaches: dict[str, int] | None = None
) -> Case:
    return lambda: (inv, secrets or view(), breaches or {})


CASES: dict[str, tuple[Case, list[str], Case]] = {
    "email.shared-login": (
        case(
            inventory(
                account("amazon-us", platform="amazon", login="a.owner@gmail.com"),
                account("amazon-ca", platform="amazon", login="AOwner+ca@googlemail.com"),
            )
        ),
        ["email.shared-login:amazon-ca,amazon-us"],
        # same mailbox on different platforms; and two different Gmail mailboxes on one platform
        case(
            inventory(
                account("amazon-us", platform="amazon", login="a.owner@gmail.com"),
                account("ebay", platform="ebay", login="a.owner@gmail.com"),
                account("amazon-ca", platform="amazon", login="a.owner2@gmail.com"),
            )
        ),
    ),
    "email.typo-domain": (
        case(
            inventory(
                account("etsy", login="me@gmial.com"),
                account("ebay", recovery_email="ops@acmehome.co"),
                seller=Seller("Acme", ("acmehome.com",)),
            )
        ),
        ["email.typo-domain:ebay", "email.typo-domain:etsy"],
        case(
            inventory(
                account("etsy", login="me@gmail.com"),
                account("ebay", recovery_email="ops@acmehome.com"),
                account("walmart", login="ops@mail.com"),
                account("shop", login="ops@qa.com"),
            )
        ),
    ),
    "email.lookalike": (
        case(
            inventory(
                account("amazon", login="ops@\u0430cmehome.com"),
                account("idn", login="ops@xn--mazon-3ve.com"),
                account("zw", login="o\u200bps@acmehome.com"),
            )
        ),
        ["email.lookalike:amazon", "email.lookalike:idn", "email.lookalike:zw"],
        case(
            inventory(
                account("ru", login="иван@почта.рф"),
                account("cn", login="张伟@例子.中国"),
                account("fr", login="rené@exemple.fr"),
            )
        ),
    ),
    "email.invalid": (
        case(
            inventory(
                account("a", login="ops@acmehome"),
                account("b", recovery_email="x@@y.com"),
                account("c", platform="gmail", login="just-a-name"),
            )
        ),
        ["email.invalid:a", "email.invalid:b", "email.invalid:c"],
        case(
            inventory(
                account("a", login="ops@acmehome.com"),
                account("b", login="seller_name"),
                account("c", platform="gmail", login="me+x@gmail.com"),
            )
        ),
    ),
    "email.recovery-is-login": (
        case(inventory(account("a", login="Ops@Gmail.com", recovery_email="o.p.s+r@gmail.com"))),
        ["email.recovery-is-login:a"],
        case(inventory(account("a", login="ops@gmail.com", recovery_email="owner@gmail.com"))),
    ),
    "email.unaudited-mailbox": (
        case(
            inventory(
                account("a", login="ops@acme.com"),
                account("b", recovery_email="ops@acme.com", login="b@gmail.com"),
                account("gm", platform="gmail", login="b@gmail.com"),
            )
        ),
        ["email.unaudited-mailbox:a,b"],
        # the mailbox is in the inventory; a misspelt address is one to fix, not to audit
        case(
            inventory(
                account("a", login="ops@acme.com", recovery_email="me@gmial.com"),
                account("box", platform="fastmail", kind="mailbox", login="OPS@acme.com"),
            )
        ),
    ),
    "email.totp-label-mismatch": (
        case(
            inventory(account("shop", login="ops@acme.com"), account("amz", platform="amazon")),
            view(
                seeds={
                    "shop": f"otpauth://totp/Shopify:other@acme.com?secret={SEED_160}",
                    "amz": f"otpauth://totp/x?secret={SEED_160}&issuer=eBay",
                }
            ),
        ),
        ["email.totp-label-mismatch:amz", "email.totp-label-mismatch:shop"],
        case(
            inventory(account("shop", login="o.p.s@gmail.com")),
            view(
                seeds={
                    "shop": f"otpauth://totp/Shopify:ops%40gmail.com?secret={SEED_160}"
                    "&issuer=Shopify"
                }
            ),
        ),
    ),
    "password.missing": (
        # read through the same path as the audit: an empty entry counts as none
        case(
            inventory(account("a"), account("b"), account("c")),
            read_secrets(
                inventory(account("a"), account("b")).accounts,
                MemoryStore(
                    {
                        ("store-audit/a", "a@example.org"): STRONG["a"],
                        ("store-audit/b", "b@example.org"): "",
                    }
                ),
            ),
        ),
        ["password.missing:b", "password.missing:c"],
        case(inventory(account("a")), view({"a": STRONG["a"]})),
    ),
    "password.reused": (
        case(
            inventory(account("a"), account("b"), account("c")),
            view({"a": STRONG["a"], "b": STRONG["a"], "c": STRONG["c"]}),
        ),
        ["password.reused:a,b"],
        # differing only in case is not reuse (password.similar's business)
        case(
            inventory(account("a"), account("b")),
            view({"a": STRONG["a"], "b": STRONG["a"].swapcase()}),
        ),
    ),
    "password.similar": (
        case(
            inventory(
                account("amazon", platform="amazon"),
                account("ebay", platform="ebay"),
                account("etsy", platform="etsy"),
            ),
            view({"amazon": "Acme-Amazon-2024!", "ebay": "Acme-Ebay-2025!", "etsy": STRONG["c"]}),
        ),
        ["password.similar:amazon,ebay"],
        case(
            inventory(account("amazon", platform="amazon"), account("ebay", platform="ebay")),
            view({"amazon": STRONG["a"], "ebay": STRONG["b"]}),
        ),
    ),
    "password.weak": (
        case(inventory(account("a"), account("b")), view({"a": "password1", "b": "Xk9#mP2!"})),
        ["password.weak:a", "password.weak:b"],  # b: strong-looking but shorter than 12
        case(inventory(account("a")), view({"a": STRONG["a"]})),
    ),
    "password.contains-identity": (
        case(
            inventory(account("etsy", platform="etsy", store="Birchwood Candles")),
            view({"etsy": "Birchw00d!x9#Lq2Zr"}),
        ),
        ["password.contains-identity:etsy"],
        case(
            inventory(account("etsy", platform="etsy", store="Birchwood Candles")),
            view({"etsy": STRONG["a"]}),
        ),
    ),
    "password.breached": (
        case(
            inventory(account("a"), account("b")),
            view({"a": STRONG["a"], "b": STRONG["b"]}),
            {"a": 3861, "b": 0},
        ),
        ["password.breached:a"],
        # a password not in the corpus; and no corpus at all (not looked up)
        case(
            inventory(account("a"), account("b")),
            view({"a": STRONG["a"], "b": STRONG["b"]}),
            {"a": 0},
        ),
    ),
    "password.stale": (
        case(inventory(account("a", password_changed=dt.date(2025, 11, 26)))),
        ["password.stale:a"],
        case(inventory(account("a", password_changed=dt.date(2025, 11, 27)), account("b"))),
    ),
    "mfa.missing": (
        case(inventory(account("a", mfa="none"))),
        ["mfa.missing:a"],
        case(inventory(account("a", mfa="sms"), account("b", mfa="unknown"))),
    ),
    "mfa.unknown": (
        case(inventory(account("a", mfa="unknown"))),
        ["mfa.unknown:a"],
        case(inventory(account("a", mfa="none"))),
    ),
    "mfa.sms-only": (
        case(
            inventory(
                account("ebay", platform="ebay", mfa="sms"),
                account("amz", platform="amazon", mfa="voice"),
            )
        ),
        ["mfa.sms-only:amz", "mfa.sms-only:ebay"],
        # no sourced claim that AliExpress offers an app; an unknown platform makes no claim;
        # totp is fine
        case(
            inventory(
                account("ali", platform="aliexpress", mfa="sms"),
                account("corner-shop", platform="cornershop", mfa="sms"),
                account("ebay", platform="ebay", mfa="totp"),
            )
        ),
    ),
    "mfa.shared-phone": (
        case(
            inventory(
                account("a", mfa="sms", mfa_phone="+1 555 010 0000"),
                account("b", mfa="sms", mfa_phone="001 (555) 010-0000"),
            )
        ),
        ["mfa.shared-phone:a,b"],
        case(
            inventory(
                account("a", mfa="sms", mfa_phone="+1 555 010 0000"),
                account("b", mfa="sms", mfa_phone="+1 555 010 0001"),
            )
        ),
    ),
    "mfa.totp-invalid": (
        case(
            inventory(account("a"), account("b"), account("c"), account("d")),
            view(
                seeds={
                    "a": "NOT-A-SEED-1890",
                    "b": "otpauth://hotp/x?secret=" + SEED_160,
                    "c": "otpauth://totp/x?issuer=y",
                    "d": "JBSWY3DP",
                }
            ),
        ),
        ["mfa.totp-invalid:a", "mfa.totp-invalid:b", "mfa.totp-invalid:c", "mfa.totp-invalid:d"],
        case(
            inventory(account("a"), account("b")),
            view(seeds={"a": "jbsw y3dp ehpk 3pxp", "b": SEED_160}),
        ),
    ),
    "mfa.totp-weak-seed": (
        case(inventory(account("a")), view(seeds={"a": "JBSWY3DPEHPK3PXP"})),
        ["mfa.totp-weak-seed:a"],
        case(inventory(account("a")), view(seeds={"a": SEED_160})),
    ),
    "recovery.weak-link": (
        case(
            inventory(
                account("box", platform="gmail", login="o@gmail.com", mfa="none"),
                account("store", login="o@gmail.com"),
                account("pay", platform="paypal", recovery_email="o@gmail.com"),
            )
        ),
        ["recovery.weak-link:box,pay,store"],
        # the mailbox is strong; and a weak mailbox nobody depends on is mfa.missing's business
        case(
            inventory(
                account("box", platform="gmail", login="o@gmail.com", mfa="totp"),
                account("store", login="o@gmail.com"),
                account("lone", platform="gmail", login="lone@gmail.com", mfa="none"),
            ),
            view({"box": STRONG["a"], "store": STRONG["b"]}),
        ),
    ),
    "mfa.no-backup-codes": (
        case(
            inventory(
                account("sms", mfa="sms", mfa_phone="+1 555 010 0000"),
                account("app", mfa="totp"),
                account("key", mfa="passkey"),
            )
        ),
        ["mfa.no-backup-codes:app", "mfa.no-backup-codes:key", "mfa.no-backup-codes:sms"],
        # codes stored; email codes follow the mailbox; no 2FA is mfa.missing's business
        case(
            inventory(
                account("app", mfa="totp"),
                account("mail", mfa="email"),
                account("none", mfa="none"),
                account("unknown", mfa="unknown"),
            ),
            view(backup_codes={"app": 1}),
        ),
    ),
    "mfa.impossible-record": (
        case(
            inventory(
                account("none", platform="amazon", mfa="none"),
                account("mail", platform="amazon", mfa="email"),
                account("app2", platform="amazon", mfa="totp", mfa_backup="totp"),
                account(
                    "one",
                    platform="amazon",
                    mfa="sms",
                    mfa_phone="+86 138 0013 8000",
                    mfa_backup="voice",
                    mfa_backup_phone="138-0013-8000",
                ),
                account("codes", platform="amazon", mfa="totp", mfa_backup="sms"),
                seller=Seller(country="CN"),
            ),
            view(backup_codes={"codes": 5}),
        ),
        [
            "mfa.impossible-record:app2",
            "mfa.impossible-record:codes",
            "mfa.impossible-record:mail",
            "mfa.impossible-record:none",
            "mfa.impossible-record:one",
        ],
        # what Seller Central allows; and "none" on a platform without compulsory 2FA
        case(
            inventory(
                account(
                    "amz",
                    platform="amazon",
                    mfa="totp",
                    mfa_backup="sms",
                    mfa_backup_phone="+86 138 0013 8000",
                ),
                account(
                    "two",
                    platform="amazon",
                    mfa="sms",
                    mfa_phone="+86 138 0013 8000",
                    mfa_backup="sms",
                    mfa_backup_phone="+86 139 0013 8000",
                ),
                account("ebay", platform="ebay", mfa="none"),
                account("shop", mfa="email"),
            ),
            view(backup_codes={"shop": 5}),
        ),
    ),
    "mfa.no-backup-method": (
        case(
            inventory(
                account("bare", platform="amazon", mfa="totp"),
                account("nonum", platform="amazon", mfa="totp", mfa_backup="sms"),
            )
        ),
        ["mfa.no-backup-method:bare", "mfa.no-backup-method:nonum"],
        # recorded in full; a platform with no backup method rule; unknown is mfa.unknown's
        case(
            inventory(
                account(
                    "amz",
                    platform="amazon",
                    mfa="totp",
                    mfa_backup="voice",
                    mfa_backup_phone="+1 555 010 0000",
                ),
                account("shop", mfa="totp"),
                account("unk", platform="amazon", mfa="unknown"),
            )
        ),
    ),
    "payout.exposed": (
        case(
            inventory(
                account("store", login="o@acme.test", payout="pp"),
                account("pp", platform="pingpong", login="o@acme.test", mfa="totp"),
                account("gone", payout="nowhere"),
            )
        ),
        ["payout.exposed:gone", "payout.exposed:pp,store"],
        # a payout account of its own, with 2FA; and a store without one recorded
        case(
            inventory(
                account("store", login="o@acme.test", payout="pp"),
                account("pp", platform="pingpong", login="money@acme.test", mfa="totp"),
                account("plain"),
            )
        ),
    ),
    "mfa.few-backup-codes": (
        case(inventory(account("a"), account("b")), view(backup_codes={"a": 1, "b": 2})),
        ["mfa.few-backup-codes:a", "mfa.few-backup-codes:b"],
        # three is enough; none at all is mfa.no-backup-codes
        case(inventory(account("a"), account("b")), view(backup_codes={"a": 3})),
    ),
    "recovery.unreachable": (
        case(
            inventory(
                account(
                    "box", platform="gmail", login="o@gmail.com", recovery_email="r@outlook.com"
                ),
                account(
                    "rec",
                    platform="outlook",
                    login="r@outlook.com",
                    mfa="sms",
                    mfa_phone="+1 555 010 0000",
                    recovery_email="o@gmial.com",
                ),
                account("store", login="o@gmail.com", mfa="sms", mfa_phone="+1 (555) 010-0000"),
                account("shop", recovery_email="o@gmail.com"),
                account("pay", platform="paypal", login="p@gmail.com"),
                account(
                    "pbox", platform="gmail", login="p@gmail.com", recovery_email="x@yahoo.com"
                ),
            )
        ),  # fmt: skip
        [
            "recovery.unreachable:box,rec,shop",  # box and shop: end at a misspelt domain
            "recovery.unreachable:box,rec,store",  # ends at the store's own code phone
            "recovery.unreachable:pay,pbox",  # ends at a mailbox not in the inventory
        ],
        # one hop wrong on its own is another check's; a mailbox cycle ends nowhere bad; a
        # different phone, or codes from an app, share nothing
        case(
            inventory(
                account(
                    "a",
                    platform="gmail",
                    login="a@gmail.com",
                    recovery_email="b@gmail.com",
                    mfa="sms",
                    mfa_phone="+1 555 010 0001",
                ),
                account("b", platform="gmail", login="b@gmail.com", recovery_email="a@gmail.com"),
                account("store", login="a@gmail.com", mfa="sms", mfa_phone="+1 555 010 0000"),
                account("typo", recovery_email="x@gmial.com"),
                account("out", recovery_email="x@yahoo.com"),
                account("app", login="b@gmail.com", mfa="totp"),
            )
        ),  # fmt: skip
    ),
}

CASES.update(PEOPLE_CASES)


def test_every_check_has_cases() -> None:
    assert set(CASES) == set(CHECKS)


@pytest.mark.parametrize("check_id", sorted(CASES))
def test_check_fires(check_id: str) -> None:
    fires, expected, _ = CASES[check_id]
    inv, secrets, breaches = fires()
    assert sorted(f.key for f in run(check_id, inv, secrets, breaches=breaches)) == expected


@pytest.mark.parametrize("check_id", sorted(CASES))
def test_check_stays_quiet_on_near_miss(check_id: str) -> None:
    _, _, quiet = CASES[check_id]
    inv, secrets, breaches = quiet()
    assert run(check_id, inv, secrets, breaches=breaches) == []


@pytest.mark.parametrize("check_id", sorted(CASES))
def test_keys_are_unique_and_name_sorted_accounts(check_id: str) -> None:
    inv, secrets, breaches = CASES[check_id][0]()
    findings = run(check_id, inv, secrets, breaches=breaches)
    assert len({f.key for f in findings}) == len(findings)
    assert all(list(f.accounts) == sorted(f.accounts) for f in findings)


def test_shared_login_explains_why_two_addresses_are_one_mailbox() -> None:
    inv, _, _ = CASES["email.shared-login"][0]()
    (found,) = run("email.shared-login", inv)
    assert "Gmail ignores dots" in found.message
    assert "googlemail.com is gmail.com" in found.message
    assert "Gmail ignores +tags" in found.message


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [
        ("ops+amazon@outlook.com", "ops@outlook.com", True),
        ("ops+amazon@icloud.com", "OPS@me.com", True),
        ("ops+x@proton.me", "ops@protonmail.com", True),
        ("ops-amazon@yahoo.com", "ops@yahoo.com", True),
        ("o.p.s@outlook.com", "ops@outlook.com", False),  # only Gmail ignores dots
        ("ops+amazon@acmehome.com", "ops@acmehome.com", False),  # unknown provider: tags kept
        ("ops@hotmail.com", "ops@outlook.com", False),  # different Microsoft mailboxes
    ],
)
def test_shared_login_provider_rules(first: str, second: str, shared: bool) -> None:
    inv = inventory(
        account("one", platform="ebay", login=first), account("two", platform="ebay", login=second)
    )
    assert bool(run("email.shared-login", inv)) is shared


def test_typo_domain_compares_with_seller_domains_and_counts_transpositions() -> None:
    seller = Seller("Acme", ("acmehome.com",))
    inv = inventory(
        account("a", login="ops@acmehoem.com"),
        account("b", login="me@hotmial.com"),
        account("c", login="ops@acme-home.com"),
        seller=seller,
    )
    found = {f.key: f.message for f in run("email.typo-domain", inv)}
    assert set(found) == {"email.typo-domain:a", "email.typo-domain:b", "email.typo-domain:c"}
    assert "near miss of acmehome.com" in found["email.typo-domain:a"]
    assert "near miss of hotmail.com" in found["email.typo-domain:b"]


def test_lookalike_names_the_character() -> None:
    inv, _, _ = CASES["email.lookalike"][0]()
    messages = {f.accounts[0]: f.message for f in run("email.lookalike", inv)}
    assert "Cyrillic 'а' (U+0430), which looks like Latin 'a'" in messages["amazon"]
    assert "U+200B" in messages["zw"]


def test_reuse_is_critical_when_a_mailbox_or_payment_account_shares_it() -> None:
    inv = inventory(
        account("shop"),
        account("box", platform="gmail", login="x@gmail.com"),
        account("s2"),
        account("s3"),
    )
    found = run(
        "password.reused",
        inv,
        view(
            {
                "shop": "same-one-Pw!9",
                "box": "same-one-Pw!9",
                "s2": "other-Pw!9x",
                "s3": "other-Pw!9x",
            }
        ),
    )
    severities = {f.key: f.severity for f in found}
    assert severities == {
        "password.reused:box,shop": Severity.CRITICAL,
        "password.reused:s2,s3": Severity.HIGH,
    }


@pytest.mark.parametrize(
    ("one", "two"),
    [
        ("Acme-Amazon-2024!", "acme-ebay-2025?"),  # case, platform, digits and symbols swapped
        ("Summer2024!Birch", "Summer2025!Birch"),
        ("Tr0ub4dor&3xyz", "Tr0ub4dor&4xyz"),
        ("correcthorsebattery", "correcthorsebatery"),  # one letter dropped
    ],
)
def test_similar_catches_the_variant_habit(one: str, two: str) -> None:
    inv = inventory(account("amazon", platform="amazon"), account("ebay", platform="ebay"))
    assert [f.key for f in run("password.similar", inv, view({"amazon": one, "ebay": two}))] == [
        "password.similar:amazon,ebay"
    ]


def test_similar_ignores_identical_passwords() -> None:
    inv = inventory(account("a"), account("b"))
    assert run("password.similar", inv, view({"a": "Acme-2024!", "b": "Acme-2024!"})) == []


def test_weak_carries_zxcvbn_feedback_not_the_password() -> None:
    inv = inventory(account("a"))
    (found,) = run("password.weak", inv, view({"a": "password1"}))
    assert "zxcvbn scores it 0 of 4" in found.message
    assert "common password" in found.message
    assert "password1" not in found.message + found.remediation


def test_weak_uses_the_policy() -> None:
    lenient = Policy(min_password_score=0, min_password_length=4)
    inv = inventory(account("a"), policy=lenient)
    assert run("password.weak", inv, view({"a": "password1"})) == []


@pytest.mark.parametrize(
    "password, score",
    [("a" * 1000, 0), ("Xk9#" * 250, 1), ("q7#Vx2!mPz9Lw4Rt" * 63, None)],
)
def test_a_1000_character_password_gets_a_verdict_not_a_crash(
    password: str, score: int | None
) -> None:
    # zxcvbn refuses passwords over 72 characters; the first 72 are scored instead, so a long
    # repetition is still called weak and a long random one still passes.
    inv = inventory(account("a"))
    found = run("password.weak", inv, view({"a": password}))
    if score is None:
        assert found == []
    else:
        (weak,) = found
        assert f"zxcvbn scores it {score} of 4" in weak.message
        assert "only its first 72 characters were scored" in weak.message


def test_mfa_missing_is_critical_for_a_mailbox_others_depend_on() -> None:
    inv = inventory(
        account("box", platform="gmail", login="o@gmail.com", mfa="none"),
        account("store", login="o@gmail.com", mfa="none"),
        account("pay", platform="paypal", login="p@x.com", mfa="none"),
    )
    severities = {f.key: f.severity for f in run("mfa.missing", inv)}
    assert severities == {
        "mfa.missing:box": Severity.CRITICAL,
        "mfa.missing:store": Severity.HIGH,
        "mfa.missing:pay": Severity.CRITICAL,
    }


def test_weak_link_follows_chains_of_mailboxes() -> None:
    inv = inventory(
        account("outer", platform="outlook", login="o@outlook.com", mfa="none"),
        account("inner", platform="gmail", login="i@gmail.com", recovery_email="o@outlook.com"),
        account("store", login="i@gmail.com"),
    )
    keys = [f.key for f in run("recovery.weak-link", inv, view({"inner": STRONG["a"]}))]
    assert keys == ["recovery.weak-link:inner,outer,store"]


def test_weak_link_mutual_recovery_gives_one_finding() -> None:
    inv = inventory(
        account(
            "g", platform="gmail", login="g@gmail.com", recovery_email="o@outlook.com", mfa="none"
        ),
        account(
            "o", platform="outlook", login="o@outlook.com", recovery_email="g@gmail.com", mfa="none"
        ),
    )
    (found,) = run("recovery.weak-link", inv)
    assert found.key == "recovery.weak-link:g,o"


def test_stale_counts_from_today() -> None:
    inv = inventory(account("a", password_changed=dt.date(2020, 1, 1)))
    (found,) = run("password.stale", inv, today=dt.date(2026, 11, 27))
    assert "2,522 days ago" in found.message


def test_typo_domain_is_critical_where_password_resets_go() -> None:
    # whoever registers gmial.com receives the resets of a store, mailbox or payment account
    inv = inventory(
        account("etsy", platform="etsy", login="me@gmial.com"),
        account("ebay", platform="ebay", recovery_email="me@gmial.com"),
        account("pay", platform="paypal", recovery_email="me@gmial.com"),
        account("forum", platform="forum", kind="other", login="me@gmial.com"),
    )
    severities = {f.key: f.severity for f in run("email.typo-domain", inv)}
    assert severities == {
        "email.typo-domain:etsy": Severity.CRITICAL,
        "email.typo-domain:ebay": Severity.CRITICAL,
        "email.typo-domain:pay": Severity.CRITICAL,
        "email.typo-domain:forum": Severity.HIGH,
    }


def test_one_merged_account_is_not_reuse_a_shared_login_or_a_shared_phone() -> None:
    # amazon-us, amazon-jp and amazon-de: one merged global account (identical login and
    # password), recorded once per marketplace; ebay on the same phone is another account
    phone = {"mfa": "sms", "mfa_phone": "+1 555 0100 000"}
    inv = inventory(
        account("amazon-us", platform="amazon", region="US", login="o@acme.test", **phone),
        account("amazon-jp", platform="amazon", region="JP", login="O@acme.test", **phone),
        account("amazon-de", platform="amazon", region="DE", login="o@acme.test", **phone),
        account("ebay", platform="ebay", login="o@acme.test", **phone),
    )
    one = {"amazon-us": STRONG["a"], "amazon-jp": STRONG["a"], "amazon-de": STRONG["a"]}
    secrets = view({**one, "ebay": STRONG["b"]})
    assert run("password.reused", inv, secrets) == []
    (shared,) = run("mfa.shared-phone", inv, secrets)
    assert shared.accounts == ("amazon-de", "amazon-jp", "amazon-us", "ebay")
    merged = inventory(*inv.accounts[:3])
    for check in ("mfa.shared-phone", "email.shared-login", "password.reused"):
        assert run(check, merged, view(one)) == [], check
    everything = [f for check in CHECKS for f in run(check, merged, view(one))]
    assert not any("recorded twice" in f.message + f.remediation for f in everything)


def test_one_login_with_different_passwords_is_two_accounts_and_both_are_kept() -> None:
    inv = inventory(
        account("amazon-us", platform="amazon", region="US", login="o@acme.test"),
        account("amazon-ca", platform="amazon", region="CA", login="o@acme.test"),
    )
    secrets = view({"amazon-us": STRONG["a"], "amazon-ca": STRONG["b"]})
    (login,) = run("email.shared-login", inv, secrets)
    assert login.severity == Severity.HIGH
    assert "2 separate Amazon seller accounts on one mailbox" in login.message
    everything = [f for check in CHECKS for f in run(check, inv, secrets)]
    assert not any("remove" in (f.message + f.remediation).lower() for f in everything)


def test_phones_are_one_however_written_in_the_sellers_country() -> None:
    forms = ("+86 138 0013 8000", "8613800138000", "138-0013-8000", "0086 13800138000")
    inv = inventory(
        *(account(f"s{i}", mfa="sms", mfa_phone=p) for i, p in enumerate(forms)),
        account("amz", platform="amazon", mfa="totp", mfa_backup="sms",
                mfa_backup_phone="(138) 0013 8000"),
        seller=Seller(country="CN"),
    )  # fmt: skip
    (shared,) = run("mfa.shared-phone", inv)
    assert shared.accounts == ("amz", "s0", "s1", "s2", "s3")
    assert "backup (or primary) number of its own" in shared.remediation  # Amazon's 2SV
    elsewhere = inventory(*inv.accounts, seller=Seller(country="US"))
    # for a seller in the US, 8613800138000 and 138-0013-8000 are read as US numbers
    assert {f.accounts for f in run("mfa.shared-phone", elsewhere)} == {("amz", "s2"), ("s0", "s3")}


def test_no_backup_codes_names_the_one_device_and_who_recovers_through_it() -> None:
    inv = inventory(
        account("box", platform="gmail", login="o@gmail.com", mfa="sms", mfa_phone="+1 555 0100"),
        account("store", login="o@gmail.com"),
        account("pay", platform="paypal", mfa="totp"),
        account("lone", platform="gmail", login="lone@gmail.com", mfa="totp"),
    )
    found = {
        f.accounts[0]: f for f in run("mfa.no-backup-codes", inv, view(backup_codes={"store": 5}))
    }
    assert set(found) == {"box", "pay", "lone"}
    assert found["box"].severity == Severity.HIGH  # a mailbox others sign in through
    assert found["pay"].severity == Severity.HIGH  # a payment account
    assert found["lone"].severity == Severity.MEDIUM  # a mailbox nobody depends on
    assert "text message to +1 555 0100" in found["box"].message
    assert "out of store, which signs in or recovers through it" in found["box"].message
    for item in found.values():
        assert "second phone" not in item.remediation
        assert "--backup-codes" in item.remediation and "passkey" in item.remediation


def test_few_backup_codes_says_how_many_are_left() -> None:
    (found,) = run("mfa.few-backup-codes", inventory(account("a")), view(backup_codes={"a": 1}))
    assert "a has 1 backup code left" in found.message


def test_few_backup_codes_never_sends_a_seller_to_generate_codes_the_platform_never_issues() -> (
    None
):
    # Seller Central issues no backup codes: two stored under an Amazon account are a wrong
    # record (mfa.impossible-record), not two codes left; Gmail's catalog entry says nothing
    # either way, so codes stored there are taken as its own
    inv = inventory(account("amz", platform="amazon", mfa="sms"), account("g", platform="gmail"))
    codes = view(backup_codes={"amz": 2, "g": 2})
    assert [f.key for f in run("mfa.few-backup-codes", inv, codes)] == ["mfa.few-backup-codes:g"]
    assert [f.key for f in run("mfa.impossible-record", inv, codes)] == [
        "mfa.impossible-record:amz"
    ]


def test_a_payout_typo_is_named_as_one_not_as_a_second_account_to_add() -> None:
    inv = inventory(
        account("amazon-na", payout="pingpang"),
        account("pingpong", platform="pingpong", login="money@acme.test", mfa="totp"),
    )
    (found,) = run("payout.exposed", inv, view())
    assert found.message.endswith("store's money: did you mean pingpong?")
    assert "`store-audit set amazon-na payout=pingpong`" in found.remediation
    (action,) = build_checklist([found], inv, lambda _: frozenset())
    assert action.action == "Correct the payout of amazon-na: pingpang or pingpong?"
    far = inventory(account("amazon-na", payout="worldfirst"), account("pingpong"))
    (found,) = run("payout.exposed", far, view())
    assert "did you mean" not in found.message and "store-audit add worldfirst" in found.remediation


def test_impossible_record_names_every_mistake_of_one_account() -> None:
    one_phone = account(
        "amz",
        platform="amazon",
        mfa="sms",
        mfa_phone="+86 139 1234 5678",
        mfa_backup="sms",
        mfa_backup_phone="+86 139 1234 5678",
    )
    (found,) = run("mfa.impossible-record", inventory(one_phone), view(backup_codes={"amz": 2}))
    assert "does not let one number be both primary and backup" in found.message
    assert "issues no backup codes, so the 2 stored" in found.message
    assert found.message.endswith("; the inventory is wrong, not the account")


def test_unreachable_names_the_whole_chain_and_the_lost_phone() -> None:
    inv, secrets, _ = CASES["recovery.unreachable"][0]()
    found = {f.key: f for f in run("recovery.unreachable", inv, secrets)}
    phone = found["recovery.unreachable:box,rec,store"]
    assert phone.severity == Severity.HIGH
    assert phone.message.startswith(
        "store → o@gmail.com → r@outlook.com → +1 555 010 0000: +1 555 010 0000 is the phone "
        "that receives the codes of store and of rec, on the way back into store: one lost "
        "phone locks store"
    )
    # Shopify's catalog entry does not say whether it issues backup codes: check, not assume
    assert "check Shopify's security settings for backup codes" in phone.remediation
    assert "(an authenticator app)" in phone.remediation  # what Outlook's entry lists
    typo = found["recovery.unreachable:box,rec,shop"]
    assert typo.message == (
        "box → r@outlook.com → o@gmial.com; shop → o@gmail.com → r@outlook.com → o@gmial.com: "
        "the way back into box and shop ends at o@gmial.com, a near miss of gmail.com: mail "
        "sent there reaches a stranger or nobody"
    )
    assert typo.severity == Severity.HIGH
    outside = found["recovery.unreachable:pay,pbox"]
    assert outside.severity == Severity.MEDIUM and "x@yahoo.com" in outside.remediation


def test_unreachable_stops_on_long_chains() -> None:
    from auditor.inventory.recovery_chain import MAX_DEPTH

    def chain(length: int) -> Inventory:
        boxes = [
            account(f"m{i}", platform="gmail", login=f"m{i}@gmail.com",
                    recovery_email=f"m{i + 1}@gmail.com" if i + 1 < length else "x@yahoo.com")
            for i in range(length)
        ]  # fmt: skip
        return inventory(*boxes, account("store", login="m0@gmail.com"))

    def keys(length: int) -> set[str]:
        return {f.key for f in run("recovery.unreachable", chain(length)) if "store" in f.key}

    assert len(keys(MAX_DEPTH)) == 1  # followed to the outside mailbox at its end
    assert keys(MAX_DEPTH + 1) == set()  # too deep to follow: no claim made


def test_no_advice_for_an_amazon_account_names_what_seller_central_lacks() -> None:
    # Seller Central's 2SV: an app, SMS or voice, a primary and a backup; no backup codes, no
    # passkeys, no FIDO keys (its "USB security key" holds an authenticator seed)
    records = [
        {"mfa": m, "mfa_phone": "+1 555 010 0000"} for m in ("none", "sms", "voice", "totp")
    ] + [{"mfa": "totp", "mfa_backup": "sms"}, {"mfa": "email"}, {"mfa": "security-key"}]
    inv = inventory(
        *(account(f"amazon-{i}", platform="amazon", **r) for i, r in enumerate(records)),
        account("box", platform="gmail", login="amazon-0@example.org", mfa="none"),
    )
    context = AuditContext(inv, view(backup_codes={"amazon-6": 3}), dt.date(2026, 11, 27))
    findings = [f for check in CHECKS.values() for f in check.run(context)]
    actions = build_checklist(findings, inv, context.dependents)
    by_key = {key: a.action for a in actions for key in a.resolves}
    amazon_only = [f for f in findings if all(a.startswith("amazon-") for a in f.accounts)]
    assert {f.check for f in amazon_only} >= {"mfa.impossible-record", "mfa.no-backup-method"}
    for item in amazon_only:
        advice = f"{item.remediation} {by_key.get(item.key, '')}".lower()
        for feature in ("backup code", "passkey", "security key"):
            assert feature not in advice, (item.key, advice)
        assert "a password is all it takes" not in item.message


def test_seller_central_s_backup_phone_is_held_to_the_same_standard() -> None:
    # the 2SV backup rings a prepaid number: "Didn't receive the code?" would send the code to a
    # line that is reissued to a stranger once it lapses
    from auditor.inventory.people import Phone
    from tests.checks.people_cases import people

    inv = people(
        account("amazon-na", platform="amazon", mfa="totp", mfa_backup="sms",
                mfa_backup_phone="170-0000-0002"),
        phones=(Phone("+86 170 0000 0002", "prepaid", "owner"),),
    )  # fmt: skip
    inv = Inventory(
        inv.path, inv.accounts, Seller(country="CN"), inv.policy, inv.people, inv.phones
    )
    (found,) = run("mfa.phone-at-risk", inv)
    assert "prepaid number" in found.message
    assert "store-audit set amazon-na mfa_backup_phone=" in found.remediation
