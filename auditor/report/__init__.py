"""Report formats: each turns a finished `Report` into text and computes nothing itself.

`FORMATS` is the registry `--format` offers; `tests/test_report_formats.py` fails when a format
has no test.
"""

from __future__ import annotations

from collections.abc import Callable

from auditor.engine import Report
from auditor.report.json_format import render_json
from auditor.report.table import render_table

Formatter = Callable[[Report], str]

FORMATS: dict[str, Formatter] = {
    "table": render_table,
    "json": render_json,
}

__all__ = ["FORMATS", "Formatter"]
