"""Advice true of what is stored (issue 23, item 4): no action or remediation asks to save the
backup codes of an account that has them stored (the demo's amazon-eu has 5)."""

from __future__ import annotations

import re

from auditor.demo import demo_inventory_path, demo_store
from auditor.inventory import load_inventory
from auditor.secrets import read_secrets
from tests.test_examples import example_report

_SAVE = re.compile(r"[Ss]ave (?:the )?backup codes (?:of|for) ([^,;.]+(?:, [^,;.]+)*)")


def test_no_advice_to_save_backup_codes_that_are_stored() -> None:
    inventory = load_inventory(demo_inventory_path())
    counts = {
        a.id: read_secrets([a], demo_store(inventory)).backup_codes(a.id)
        for a in inventory.accounts
    }
    assert counts["amazon-eu"] == 5
    report = example_report()
    texts = [a.action for a in report.checklist] + [f.remediation for f in report.findings]
    for text in texts:
        for named in _SAVE.findall(text):
            ids = re.findall(r"[a-z0-9][a-z0-9._-]*", named)
            stored = [i for i in ids if counts.get(i)]
            assert not stored, (text, stored)
    shared = [f for f in report.findings if f.check == "mfa.shared-phone"]
    assert any("amazon-eu" in f.accounts for f in shared)
    assert all("backup codes of amazon-eu" not in f.remediation for f in shared)
