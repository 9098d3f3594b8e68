"""Report formats: each turns a finished `Report` into text and computes nothing itself.

`FORMATS` is the registry `--format` offers, one `Format` record per format; a renderer's
module is imported only when it renders, so the command line reads the names for nothing.
`tests/report/test_formats.py` fails when a format has no test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.formats import Format, Lazy, registry

if TYPE_CHECKING:
    from auditor.report.results import Report

FORMATS: dict[str, Format[Report]] = registry(
    Format("table", Lazy("auditor.report.table", "render_table")),
    # JSON is written piece by piece, never held whole (a 10,000-account report is 25 MB).
    Format(
        "json",
        Lazy("auditor.report.json_format", "render_json"),
        chunks=Lazy("auditor.report.json_format", "json_chunks"),
    ),
    Format("markdown", Lazy("auditor.report.markdown", "render_markdown")),
    # A byte-order mark in a CSV file: Excel reads a file without one in the system's code page
    # (GBK on a Chinese Windows), which garbles every Chinese cell; scripts read stdout's CSV.
    Format("csv", Lazy("auditor.report.csv_format", "render_csv"), file_start="\ufeff"),
    Format("html", Lazy("auditor.report.html_format", "render_html")),
    Format("sarif", Lazy("auditor.report.sarif", "render_sarif"), options=("sarif_root",)),
    Format("junit", Lazy("auditor.report.junit", "render_junit")),
)

__all__ = ["FORMATS"]
