"""The people checks' cases for tests/checks/test_checks.py's CASES: one inventory that fires
and its nearest miss, per check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from auditor.inventory import Inventory
from auditor.inventory.people import Access, Person, Phone
from auditor.secrets import SecretView
from tests.helpers import TODAY, account, inventory, view

Case = Callable[[], tuple[Inventory, SecretView, dict[str, int]]]

OWNER = Person("owner", "owner")
LI = Person("li-wei", "staff")
MARIA = Person("maria", "virtual-assistant")
AGENCY = Person("agency", "agency", left=TODAY - dt.timedelta(days=30))
ERP = Person("erp", "tool")
EVERYONE = (OWNER, LI, MARIA, AGENCY, ERP)


def case(inv: Inventory, secrets: SecretView | None = None) -> Case:
    return lambda: (inv, secrets or view(), {})


def people(
    *accounts: object, phones: tuple[Phone, ...] = (), who: tuple[Person, ...] = EVERYONE
) -> Inventory:
    return inventory(*accounts, people=who, phones=phones)  # type: ignore[arg-type]


CASES: dict[str, tuple[Case, list[str], Case]] = {
    "access.primary-login-shared": (
        case(
            people(
                account("amazon-us", platform="amazon", access=Access(("owner", "maria"))),
                account("gmail", platform="gmail", access=Access(("owner", "erp"))),
            )
        ),
        ["access.primary-login-shared:amazon-us", "access.primary-login-shared:gmail"],
        # the owner alone on the primary login; staff on a sub-user; a departed agency (that
        # one is access.departed's)
        case(
            people(
                account("amazon-us", platform="amazon", access=Access(("owner",), ("li-wei",))),
                account("ebay", platform="ebay", access=Access(("owner", "agency"))),
            )
        ),
    ),
    "access.departed": (
        case(
            people(
                account("amazon-us", platform="amazon", access=Access(("owner", "agency"))),
                account("walmart", platform="walmart", mfa="sms", mfa_phone="+86 138-0013-8000"),
                phones=(Phone("+8613800138000", "personal", "agency"),),
            )
        ),
        ["access.departed:amazon-us", "access.departed:walmart"],
        # the agency leaves tomorrow; its phone is no account's code phone any more
        case(
            people(
                account("amazon-us", platform="amazon", access=Access(("owner", "agency"))),
                account("walmart", platform="walmart", mfa="sms", mfa_phone="+1 555 010 0000"),
                phones=(Phone("+86 138 0013 8000", "personal", "agency"),),
                who=(OWNER, Person("agency", "agency", left=TODAY + dt.timedelta(days=1))),
            )
        ),
    ),
    "password.known-to-departed": (
        case(
            people(
                account(
                    "amazon-us",
                    platform="amazon",
                    access=Access(("owner", "agency")),
                    password_changed=TODAY - dt.timedelta(days=60),
                ),
                account("ebay", platform="ebay", access=Access(("owner", "agency"))),
            )
        ),
        ["password.known-to-departed:amazon-us", "password.known-to-departed:ebay"],
        # changed after the agency left; an agency with a sub-user never knew the password
        case(
            people(
                account(
                    "amazon-us",
                    platform="amazon",
                    access=Access(("owner", "agency")),
                    password_changed=TODAY - dt.timedelta(days=29),
                ),
                account("ebay", platform="ebay", access=Access(("owner",), ("agency",))),
            )
        ),
    ),
    "mfa.phone-at-risk": (
        case(
            people(
                account("amazon-us", platform="amazon", mfa="sms", mfa_phone="+1 555 010 0001"),
                account("walmart", platform="walmart", mfa="sms", mfa_phone="+86 170 0000 0002"),
                phones=(
                    Phone("+1 555 010 0001", "company", "li-wei"),
                    Phone("+86 170 0000 0002", "prepaid", "owner"),
                ),
            )
        ),
        ["mfa.phone-at-risk:amazon-us", "mfa.phone-at-risk:walmart"],
        # the owner's company line; an authenticator app, whoever holds the recorded phone
        case(
            people(
                account("amazon-us", platform="amazon", mfa="sms", mfa_phone="+1 555 010 0003"),
                account("walmart", platform="walmart", mfa="totp", mfa_phone="+1 555 010 0001"),
                phones=(
                    Phone("+1 555 010 0003", "company", "owner"),
                    Phone("+1 555 010 0001", "virtual", "li-wei"),
                ),
            )
        ),
    ),
    "access.tool-trusted-device": (
        case(
            people(
                account(
                    "amazon-us",
                    platform="amazon",
                    access=Access(("owner", "erp"), trusted_devices=("erp",)),
                )
            )
        ),
        ["access.tool-trusted-device:amazon-us"],
        # the tool signs in through a sub-user of its own; a person's trusted browser
        case(
            people(
                account(
                    "amazon-us",
                    platform="amazon",
                    access=Access(("owner",), ("erp",), trusted_devices=("erp", "owner")),
                )
            )
        ),
    ),
    "recovery.answers-reused": (
        case(
            people(
                account("amazon-us", platform="amazon", security_questions=True),
                account("paypal", platform="paypal", security_questions=True),
                account("walmart", platform="walmart", security_questions=True),
            ),
            view(
                answers={
                    "amazon-us": ["Shenzhen", "Blue  Dog"],
                    "paypal": ["blue dog", "Lucky"],
                    "walmart": ["Mango"],
                }
            ),
        ),
        ["recovery.answers-reused:amazon-us,paypal"],
        # answers that only look alike; one account's two questions with one answer
        case(
            people(
                account("amazon-us", platform="amazon", security_questions=True),
                account("paypal", platform="paypal", security_questions=True),
            ),
            view(answers={"amazon-us": ["Blue Dog", "Blue Dog"], "paypal": ["Blue Dogs"]}),
        ),
    ),
    "recovery.answers-missing": (
        case(
            people(
                account("walmart", platform="walmart", security_questions=True),
                account("amazon-us", platform="amazon", security_questions=True),
            ),
            view(answers={"amazon-us": ["Shenzhen"]}),
        ),
        ["recovery.answers-missing:walmart"],
        # answers stored; an account without security questions
        case(
            people(
                account("walmart", platform="walmart", security_questions=True),
                account("ebay", platform="ebay"),
            ),
            view(answers={"walmart": ["Mango"]}),
        ),
    ),
}


MESSAGES: dict[str, tuple[str, Inventory, tuple[str, ...], tuple[str, ...]]] = {
    # name: (check, inventory, must, must_not)
    "a virtual assistant on Amazon's primary login": (
        "access.primary-login-shared",
        people(account("amazon-us", platform="amazon", access=Access(("owner", "maria")))),
        (
            "maria (virtual assistant)",
            "Amazon's User Permissions (https://sellercentral.amazon.ca/gp/help/external/901",
            "`store-audit set amazon-us login_users=owner sub_users=maria`",
            "Give maria a login of their own on amazon-us (Amazon)",
        ),
        ("li-wei", "agency"),
    ),
    "a tool on a mailbox with no sourced sub-user page": (
        "access.primary-login-shared",
        people(account("gmail", platform="gmail", access=Access(("owner", "erp")))),
        ("erp (tool)", "if Gmail offers one (store-audit has no sourced page for it)"),
        ("User Permissions", "Team access", "http"),
    ),
    "an agency gone with the password and the authenticator": (
        "access.departed",
        people(
            account("ebay", platform="ebay", access=Access(("owner", "agency"), (), ("agency",)))
        ),
        (
            "agency (agency), who left 2026-10-28",
            "signs in with its primary login and holds its authenticator",
            "`store-audit set-secret ebay --totp --force`",
            "`store-audit set ebay login_users=owner codes_to=`",
        ),
        ("sub-user", "mfa_phone"),
    ),
    "a staff member gone with the code phone": (
        "access.departed",
        people(
            account("walmart", platform="walmart", mfa="sms", mfa_phone="+1 555 010 0001"),
            phones=(Phone("+1 (555) 010-0001", "company", "li-wei"),),
            who=(OWNER, Person("li-wei", "staff", left=TODAY)),
        ),
        ("holds the phone its codes go to", "`store-audit set walmart mfa_phone=NEW-NUMBER`"),
        ("change the password",),
    ),
    "a payout account's password known to the agency that left": (
        "password.known-to-departed",
        people(account("paypal", platform="paypal", access=Access(("owner", "agency")))),
        ("has no change recorded", "agency (agency) left on 2026-10-28", "set-secret paypal"),
        ("the store", "store-audit set paypal"),
    ),
    "codes to a prepaid number": (
        "mfa.phone-at-risk",
        people(
            account("walmart", platform="walmart", mfa="sms", mfa_phone="+86 170 0000 0002"),
            phones=(Phone("+86 170 0000 0002", "prepaid", "owner"),),
        ),
        ("prepaid number", "reissued", "in China after 90 days"),
        ("held by",),
    ),
    "a tool with a trusted browser": (
        "access.tool-trusted-device",
        people(
            account(
                "amazon-us", platform="amazon", access=Access(("owner", "erp"), (), (), ("erp",))
            )
        ),
        ("erp holds amazon-us's password", "Amazon trusts without a code", "User Permissions"),
        ("Team access",),
    ),
}

MESSAGES["answers shared by a store and a payout account"] = (
    "recovery.answers-reused",
    people(
        account("amazon-us", platform="amazon", security_questions=True),
        account("paypal", platform="paypal", security_questions=True),
    ),
    ("amazon-us and paypal share a security-question answer", "--security-answers"),
    ("Blue", "blue", "dog"),
)
ANSWERS = {
    "answers shared by a store and a payout account": {
        "amazon-us": ["Blue Dog"],
        "paypal": ["blue dog"],
    }
}
"""The security-question answers a message case stores, by case name."""
