"""The README's excerpt of `store-audit demo` is what the demo prints (issue 23, polish): the demo
audits the example as of the day its dates are written for, so the excerpt cannot age."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import invoke

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_demo_excerpt_is_the_demos_output() -> None:
    block = re.search(r"It starts like this[^\n]*\n\n```\n(.*?)\n```", README.read_text(), re.S)
    assert block is not None
    excerpt = block.group(1).splitlines()
    assert excerpt[-1] == "..."
    shown = invoke("demo").stdout.splitlines()
    assert excerpt[:-1] == shown[: len(excerpt) - 1]


def test_the_demo_shows_the_same_on_any_day() -> None:
    first = invoke("demo", "--format", "json").stdout
    assert '"generated_at": "2026-11-27T10:00:00Z"' in first
