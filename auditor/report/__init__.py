"""Report formats: each turns a finished `Report` into text and computes nothing itself.

`FORMATS` is the registry `--format` offers; `tests/report/test_formats.py` fails when a format
has no test.
"""

from __future__ import annotations

from collections.abc import Callable

from auditor.report.csv_format import render_csv
from auditor.report.html_format import render_html
from auditor.report.json_format import render_json
from auditor.report.junit import render_junit
from auditor.report.markdown import render_markdown
from auditor.report.results import Report
from auditor.report.sarif import render_sarif
from auditor.report.table import render_table

Formatter = Callable[[Report], str]

FORMATS: dict[str, Formatter] = {
    "table": render_table,
    "json": render_json,
    "markdown": render_markdown,
    "csv": render_csv,
    "html": render_html,
    "sarif": render_sarif,
    "junit": render_junit,
}

__all__ = ["FORMATS", "Formatter"]
