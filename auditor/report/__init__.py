"""Report formats: each turns a finished `Report` into text and computes nothing itself.

`FORMATS` is the registry `--format` offers; `tests/report/test_formats.py` fails when a format
has no test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from auditor.report.csv_format import render_csv
from auditor.report.html_format import render_html
from auditor.report.json_format import json_chunks, render_json
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

CHUNKED: dict[str, Callable[[Report], Iterable[str]]] = {"json": json_chunks}
"""Formats that can be written piece by piece, never holding the whole text (a 10,000-account
JSON report is 25 MB); the others are written as FORMATS renders them."""


def render_chunks(report: Report, format_name: str) -> Iterable[str]:
    """The report in this format, as pieces to write one after another."""
    chunked = CHUNKED.get(format_name)
    return chunked(report) if chunked else (FORMATS[format_name](report),)


__all__ = ["CHUNKED", "FORMATS", "Formatter", "render_chunks"]
