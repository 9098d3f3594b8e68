"""Issue 11's acceptance, as a new seller meets it: from a fresh home, a Chrome export of ten
accounts becomes a complete inventory with `import` and the answers to its questions (no editor
opened, no other command), on a real gnome-keyring of its own; the next audit finds every
password and no account whose 2FA is unknown."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.inventory import load_inventory
from tests.canaries import random_core
from tests.intake.terminal import Answer, run_on_a_terminal
from tests.secret_service import private_secret_service

pytestmark = pytest.mark.secret_service

# (Chrome's name column: the host, as Chrome writes it; url; login; the 2FA the seller answers)
SELLER = (
    ("sellercentral.amazon.com", "https://sellercentral.amazon.com/ap/signin", "ops@acmehome.com"),
    ("sellercentral.amazon.ca", "https://sellercentral.amazon.ca/ap/signin", "ops@acmehome.com"),
    ("sellercentral-europe.amazon.com", "https://sellercentral-europe.amazon.com/", "eu@acme.eu"),
    ("signin.ebay.com", "https://signin.ebay.com/ws/eBayISAPI.dll", "acme-home"),
    ("accounts.shopify.com", "https://accounts.shopify.com/lookup", "ops@acmehome.com"),
    ("etsy.com", "https://www.etsy.com/signin", "shop@acmehome.com"),
    ("seller.walmart.com", "https://seller.walmart.com/signin", "ops@acmehome.com"),
    ("accounts.google.com", "https://accounts.google.com/signin", "acmehome.ops@gmail.com"),
    ("login.live.com", "https://login.live.com/login.srf", "acmehome@outlook.com"),
    ("paypal.com", "https://www.paypal.com/signin", "ops@acmehome.com"),
)
ANSWERS = {  # what the seller knows of each store's 2FA, by the platform the question names
    "amazon": "totp",
    "ebay": "sms",
    "shopify": "totp",
    "etsy": "email",
    "walmart": "sms",
    "gmail": "passkey",
    "outlook": "push",
    "paypal": "security-key",
}


def chrome_export(path: Path) -> None:
    """The seller's export; Amazon US and CA share one login (the unified North America
    account), so Chrome holds the same password for both."""
    passwords = {login: f"Pw-{random_core()}!{index}" for index, (_, _, login) in enumerate(SELLER)}
    rows = ["name,url,username,password,note"]
    for name, url, login in SELLER:
        password = passwords[login] if "amazon" in name else f"Pw-{random_core()}!x"
        rows.append(f"{name},{url},{login},{password},")
    path.write_text("\n".join(rows) + "\n")


def answer_from_the_table() -> Answer:
    """Answer each 2FA question from ANSWERS, by the platform the account id starts with (Enter
    when none fits: the test then fails on the inventory)."""
    answered = 0

    def answer(output: bytes) -> str | None:
        nonlocal answered
        asked = re.findall(rb"\n  ([a-z0-9-]+) \[[a-z/-]+\]:", output)
        if len(asked) == answered:
            return None
        answered = len(asked)
        platform = next((p for p in ANSWERS if asked[-1].decode().startswith(p)), None)
        return ANSWERS[platform] if platform else ""

    return answer


def test_a_chrome_export_of_ten_accounts_becomes_a_complete_inventory(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    export = home / "Downloads" / "Chrome Passwords.csv"
    chrome_export(export)
    with private_secret_service() as bus:
        env = {  # a new user's environment: no XDG_CONFIG_HOME, nothing from an earlier run
            "PATH": os.environ["PATH"],
            "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "DBUS_SESSION_BUS_ADDRESS": bus["DBUS_SESSION_BUS_ADDRESS"],
            "XDG_RUNTIME_DIR": bus["XDG_RUNTIME_DIR"],
        }
        store_audit = [sys.executable, "-m", "auditor"]
        shown = run_on_a_terminal(
            [*store_audit, "import", str(export), "--from", "chrome"],
            env,
            answer_from_the_table(),
            cwd=home,
        )
        assert "Traceback" not in shown, shown
        assert "Which 2FA does each account use? (Enter skips)" in shown, shown

        inventory = load_inventory(home / ".config" / "store-audit" / "inventory.toml")
        recorded = {account.platform: account.mfa for account in inventory.accounts}
        assert recorded == ANSWERS, shown  # every account's 2FA, as answered
        assert len(inventory.accounts) == 9  # Amazon US and CA: one North America account

        audit = subprocess.run(
            [*store_audit, "audit", "--format", "json", "--fail-on", "never"],
            env=env,
            cwd=home,
            capture_output=True,
            text=True,
            timeout=180,
        )
    assert audit.returncode == 0, audit.stderr
    found = {finding["check"] for finding in json.loads(audit.stdout)["findings"]}
    assert "mfa.unknown" not in found and "password.missing" not in found, sorted(found)
