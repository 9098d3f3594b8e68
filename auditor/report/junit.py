"""`--format junit`: JUnit XML, so CI dashboards show which store failed.

One test case per account (failures: its own findings at or above the gate) and one per
inventory-wide check (reuse, shared mailboxes, shared phones...: findings that compare accounts).
Every finding that fails the gate is exactly one <failure>; the others are listed in system-out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from auditor.checks import CHECKS
from auditor.findings import Finding
from auditor.i18n import _, current, sentence
from auditor.report.common import fails_gate, shown_status, status
from auditor.report.results import Report

# XML 1.0 cannot hold most control characters, even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    """Text XML can carry."""
    return _NOT_XML.sub("\ufffd", text)


def _case(
    suite: ET.Element, classname: str, name: str, findings: list[Finding], report: Report
) -> tuple[int, int]:
    case = ET.SubElement(
        suite, "testcase", classname=_xml_text(classname), name=_xml_text(name), time="0"
    )
    failed = [f for f in findings if fails_gate(f, report)]
    for item in failed:
        failure = ET.SubElement(
            case,
            "failure",
            type=item.check,
            message=_xml_text(
                _("{severity}: {message}").format(
                    severity=item.severity.shown, message=item.message
                )
            ),
        )
        failure.text = _xml_text(f"{item.key}\n{sentence(item.message)}\n{item.remediation}")
    others = [f for f in findings if not fails_gate(f, report)]
    if others:
        out = ET.SubElement(case, "system-out")
        line = _("{severity} ({status}): {key}: {message}")
        out.text = _xml_text(
            "\n".join(
                line.format(
                    severity=f.severity.shown,
                    status=shown_status(status(f, report)),
                    key=f.key,
                    message=sentence(f.message),
                )
                for f in others
            )
        )
    return 1, len(failed)


def render_junit(report: Report) -> str:
    """The XML document with a declaration."""
    root = ET.Element("testsuites", name="store-audit")
    accounts_suite = ET.SubElement(root, "testsuite", name="store-audit accounts")
    wide_suite = ET.SubElement(root, "testsuite", name="store-audit inventory-wide checks")
    for suite in (accounts_suite, wide_suite):
        # the language of the failure messages, `en` or `zh-CN`
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="lang", value=current())
    totals = {"accounts": [0, 0], "wide": [0, 0]}
    scoped = [a for a in report.accounts if not report.scope or a.id in report.scope]
    own_findings: dict[str, list[Finding]] = defaultdict(list)
    for item in report.findings:  # once, not once per account: 10,000 accounts stay fast
        if not CHECKS[item.check].across_accounts:
            for account_id in item.accounts:
                own_findings[account_id].append(item)
    for account in scoped:
        own = own_findings.get(account.id, [])
        store = f" ({account.store})" if account.store else ""
        tests, failures = _case(
            accounts_suite, f"store-audit.{account.kind}", f"{account.id}{store}", own, report
        )
        totals["accounts"][0] += tests
        totals["accounts"][1] += failures
    for entry in CHECKS.values():
        if entry.across_accounts:
            found = [f for f in report.findings if f.check == entry.id]
            tests, failures = _case(wide_suite, "store-audit.inventory", entry.id, found, report)
            totals["wide"][0] += tests
            totals["wide"][1] += failures
    for suite, (tests, failures) in (
        (accounts_suite, totals["accounts"]),
        (wide_suite, totals["wide"]),
    ):
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("time", "0")
        suite.set("timestamp", report.generated_at.strftime("%Y-%m-%dT%H:%M:%S"))
    root.set("tests", str(totals["accounts"][0] + totals["wide"][0]))
    root.set("failures", str(totals["accounts"][1] + totals["wide"][1]))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
