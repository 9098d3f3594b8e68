"""Every command store-audit has, as a Chinese-reading seller runs it on the example inventory:
each format, each person and account of the example, right and wrong answers at the prompts, a
dry run and the writes, and the usage errors and one-line errors. `test_no_english_left` runs them
all in zh-CN; a test fails when a command is added here without a case (see `COMMAND_NAMES`)."""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field

import pyotp

from auditor.cli import COMMANDS
from auditor.demo import DEMO_PASSWORDS, DEMO_SEEDS, demo_inventory_path
from auditor.report import FORMATS

PEOPLE = [p["id"] for p in tomllib.loads(demo_inventory_path().read_text("utf-8"))["people"]]
ACCOUNTS = [a["id"] for a in tomllib.loads(demo_inventory_path().read_text("utf-8"))["accounts"]]


@dataclass(frozen=True)
class Case:
    """One command line; `{inv}` in it is the example inventory, `{dir}` a scratch folder."""

    args: tuple[str, ...]
    input: str | None = None
    """What is typed at its prompts; `{code:ID}` is the code ID's authenticator shows now."""
    files: tuple[str, ...] = ()
    """Files the command writes (in `{dir}`), read like its output."""
    exits: frozenset[int] = field(default_factory=lambda: frozenset({0, 1}))
    typing: str = ""
    """What the input is, for the case's name (`right`, `wrong`...)."""

    @property
    def name(self) -> str:
        line = " ".join(a for a in self.args if a not in ("--inventory", "{inv}"))
        return f"{line} <{self.typing}>" if self.typing else line


def case(
    line: str,
    input: str | None = None,
    files: tuple[str, ...] = (),
    exits: int = 0,
    typing: str = "",
) -> Case:
    """A case from a command line (split on spaces, the inventory added); `exits` names the
    exit code it must end with besides 0 and 1 (2 for a usage error, 3 for the keyring...)."""
    allowed = frozenset({0, 1, exits})
    return Case((*line.split(), "--inventory", "{inv}"), input, files, allowed, typing)


def typed(text: str) -> str:
    """A case's input with each `{code:ID}` replaced by the code ID's seed gives now."""

    def code(match: re.Match[str]) -> str:
        seed = DEMO_SEEDS[match[1]]
        return pyotp.TOTP(seed.split("secret=")[1].split("&")[0]).now()

    return re.sub(r"\{code:([\w-]+)\}", code, text)


def _reports() -> list[Case]:
    reports = [case(f"audit --format {f}") for f in sorted(FORMATS)]
    reports += [
        case(f"audit --format {f} --output {{dir}}/report.{f}", files=(f"report.{f}",))
        for f in ("html", "markdown")
    ]
    reports += [
        case("audit --hibp-file {dir}/pwned.txt --format table"),
        case("audit --no-ignores --account amazon-eu --format markdown"),
        case("audit --write-baseline {dir}/baseline.json", files=("baseline.json",)),
        case("audit --baseline {dir}/old-baseline.json --format table"),
        case("audit --baseline {dir}/old-baseline.json --format markdown"),
        *(case(f"onboard amazon-na --format {f}") for f in ("table", "markdown", "json")),
        *(Case(("demo", "--format", f)) for f in sorted(FORMATS)),
        Case(("checks",)),
    ]
    return reports


def _lockout() -> list[Case]:
    cases = [case(f"why {a} --no-prompt") for a in ACCOUNTS]
    cases += [case(f"why {a} --no-prompt --format json") for a in ("amazon-na", "payoneer")]
    cases += [
        case(
            "why amazon-na",
            input=f"{DEMO_PASSWORDS['amazon-na']}\n{{code:amazon-na}}\n",
            typing="right",
        ),
        case("why amazon-na", input="wrong-password\n000000\n", typing="wrong"),
        case(
            "why shopify", input=f"{DEMO_PASSWORDS['shopify']}\n{{code:shopify}}\n", typing="right"
        ),
        case("why payoneer", input="anything\n123456\n", typing="wrong"),
        *(case(f"map --format {f}") for f in ("table", "markdown", "json")),
        case("map --output {dir}/map.txt", files=("map.txt",)),
        case("verify-totp amazon-na", input="{code:amazon-na}\n", typing="right"),
        case("verify-totp amazon-na", input="000000\n", exits=4, typing="wrong"),
        case("verify-totp amazon-na", input="12a456\n", exits=2, typing="not a code"),
        case(
            "verify-totp shopify",
            input="{code:shopify}\n",
            exits=4,
            typing="another account's code",
        ),
        case("verify-totp payoneer", input="123456\n", exits=2, typing="wrong"),
        case("verify-totp etsy", input="123456\n", exits=2, typing="wrong"),
        case("verify-password amazon-na", input=f"{DEMO_PASSWORDS['amazon-na']}\n", typing="right"),
        case("verify-password amazon-na", input="wrong-password\n", exits=4, typing="wrong"),
        case("verify-password payoneer", input="anything\n", exits=2, typing="wrong"),
        case("use-backup-code ebay", input="4821 9037\n", typing="right"),
        case("use-backup-code ebay", input="0000 0000\n", exits=4, typing="wrong"),
        case("use-backup-code etsy", input="0000 0000\n", exits=2, typing="wrong"),
        case("doctor"),
        case("doctor --prune", input="n\n", exits=2),
    ]
    return cases


NEW = "Long-Enough-xxxxxxxxxxxx!"


def _accounts() -> list[Case]:
    add = "add shop2 --platform shopify --login o2@acmehome.com --mfa totp"
    return [
        *(case(f"list --format {f}") for f in ("table", "json")),
        case(add, input=f"{NEW}\n{NEW}\nJBSWY3DPEHPK3PXPJBSWY3DP\n", typing="right"),
        case(add, input="short\nother\n", exits=2, typing="two passwords"),
        case(
            "add shopify --platform shopify --login o@acmehome.com --mfa none --password-stdin",
            input="Another-Long-Password-1\n",
            exits=2,
        ),
        case(
            "add shop3 --platform shopfy --login s3@acmehome.com --mfa none --password-stdin",
            input="Another-Long-Password-1\n",
            exits=2,
        ),
        case("set shopify mfa=sms mfa_phone=+8613800000000 password_changed=today"),
        case("set shopify mfa=bad", exits=2),
        case("set shopfy mfa=sms", exits=2),
        case("set shopify platfrom=shopify", exits=2),
        case("set shopify login=new@acmehome.com"),
        case("rename shopify shop-main"),
        case("rename shopify walmart", exits=2),
        case("remove temu", exits=2),
        case("remove temu --yes"),
        case("set-secret temu --stdin --force", input="Brand-New-Password-42\n"),
        case("set-secret temu --stdin", input="Brand-New-Password-42\n", exits=2),
        case("set-secret shopify --totp --stdin --force", input="not a seed!\n", exits=2),
        case("set-secret ebay --backup-codes --stdin --force", input="1111 2222\n3333 4444\n"),
        case("set-secret walmart --security-answers --stdin", input="Rex\nHarbour\n"),
        case("import {dir}/bitwarden.csv --from bitwarden --dry-run", exits=2),  # it would replace
        case("import {dir}/bitwarden.csv --from bitwarden --dry-run --force"),
        case("import {dir}/bitwarden.csv --from bitwarden --force"),
        case("import {dir}/bitwarden.csv --from lastpass", exits=2),
        case("import {dir}/missing.csv --from chrome", exits=2),
    ]


def _people() -> list[Case]:
    return [case(f"offboard {p} --format {f}") for p in PEOPLE for f in ("text", "markdown")] + [
        case("offboard shenzhen-agency --format json"),
        case("offboard nobody", exits=2),
    ]


def _errors() -> list[Case]:
    return [
        Case(("audit", "--bogus"), exits=frozenset({2})),
        Case(("audit", "--format", "pdf"), exits=frozenset({2})),
        Case(("wyh",), exits=frozenset({2})),
        Case(("why",), exits=frozenset({2})),
        Case(("--help",), exits=frozenset({0})),
        *(Case((name, "--help"), exits=frozenset({0})) for name in COMMANDS),
        case("why nobody", exits=2),
        case("audit --account nobody", exits=2),
        case("audit --output /nonexistent-dir/report.json", exits=2),
        Case(("audit", "--inventory", "{dir}/missing.toml"), exits=frozenset({2})),
        Case(("audit", "--inventory", "{dir}/bad.toml"), exits=frozenset({2})),
        Case(("audit", "--inventory", "{dir}/unknown-key.toml"), exits=frozenset({2})),
        Case(("audit", "--inventory", "{dir}/not-toml.toml"), exits=frozenset({2})),
        *(
            Case(("audit", "--inventory", f"{{dir}}/{name}.toml"), exits=frozenset({2}))
            for name in ("full-width-quotes", "full-width-comma", "top-level")
        ),
        Case(("audit", "--inventory", "{dir}/full-width-login.toml", "--format", "json")),
        Case(("audit", "--inventory", "{dir}/full-width-login.toml", "--format", "table")),
    ]


TYPED = (
    *("shop-main", "shop2", "shop3", "shopfy", "platfrom", "wyh", "nobody", "new", "o2"),
    *("amazon-us", "ebay-uk", "acme-uk", "Forum", "comma"),
)
"""Values the cases type that the example inventory does not hold: new ids, typos, and the
ids, user names and titles of the password-manager export they import (tests/exports.py)."""

CASES: list[Case] = [*_reports(), *_lockout(), *_accounts(), *_people(), *_errors()]

COMMAND_NAMES = {c.args[0] for c in CASES if not c.args[0].startswith("-")} - {"wyh"}


def pwned_file(password: str) -> str:
    """A Pwned Passwords corpus of one line: the example's reused password, seen 1,204 times."""
    return f"{hashlib.sha1(password.encode()).hexdigest().upper()}:1204\n"  # noqa: S324
