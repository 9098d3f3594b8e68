"""Golden reports in Simplified Chinese: the bundled example as a seller reading Chinese gets it,
in the three formats a person reads (table, Markdown, HTML), byte for byte. Regenerate with
STORE_AUDIT_WRITE_GOLDEN=1 only when a change to the Chinese output is meant, and read the diff.
The table is also held to 80 display columns (a Chinese character takes two)."""

from __future__ import annotations

import os

import pytest

from auditor import i18n
from auditor.i18n.width import display_width
from auditor.report import FORMATS
from tests.test_golden import GOLDEN, example

FORMATS_READ = ("table", "markdown", "html")


@pytest.fixture
def chinese() -> None:
    i18n.use(i18n.CHINESE)


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("format_name", FORMATS_READ)
def test_the_chinese_report_matches_its_golden_file(format_name: str) -> None:
    text = FORMATS[format_name](example(baseline=False)).encode("utf-8")
    path = GOLDEN / f"example.zh-CN.{format_name}"
    if os.environ.get("STORE_AUDIT_WRITE_GOLDEN"):
        path.write_bytes(text)
    assert text == path.read_bytes(), f"{path.name} differs from its golden file"


@pytest.mark.usefixtures("chinese")
def test_the_chinese_table_fits_80_columns() -> None:
    lines = FORMATS["table"](example(baseline=False)).splitlines()
    # the first line holds the inventory path, which can be any length (as in English)
    wide = [line for line in lines[1:] if display_width(line) > 80]
    assert not wide
