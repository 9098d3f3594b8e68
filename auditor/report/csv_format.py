"""`--format csv`: one row per finding, safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-`, `@`, tab or CR would be run as a formula by Excel,
LibreOffice or Google Sheets (CSV injection); such cells get a leading apostrophe, which the
spreadsheet shows as text.
"""

from __future__ import annotations

import csv
import io

from auditor.report.common import status
from auditor.report.results import Report

COLUMNS = (
    "key",
    "check",
    "severity",
    "accounts",
    "message",
    "remediation",
    "suppressed",
    "status",
    "suppression_reason",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """The cell as text a spreadsheet will not evaluate."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def render_csv(report: Report) -> str:
    """RFC 4180 CSV with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for item in report.findings:
        row = [
            item.key,
            item.check,
            item.severity.label,
            ",".join(item.accounts),
            item.message,
            item.remediation,
            "true" if item.suppressed else "false",
            status(item, report),
            item.suppression_reason or "",
        ]
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()
