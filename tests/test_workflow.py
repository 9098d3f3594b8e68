"""The GitHub workflow that runs the tests on Windows and macOS (.github/workflows/tests.yml)
runs the README's own commands, so what a contributor reads is what CI proves on those
platforms. (.ci/run validates the file against GitHub's workflow schema.)"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "tests.yml"


def readme_development_lines() -> set[str]:
    """The command lines of the README's Development block, comments cut."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Development", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None
    return {line.split("  #")[0].strip() for line in block.group(1).splitlines() if line.strip()}


def job(name: str) -> str:
    """One job's text: from its key to the next job's."""
    text = WORKFLOW.read_text(encoding="utf-8")
    start = text.index(f"\n  {name}:\n")
    following = re.search(r"\n  [a-z][a-z-]*:\n", text[start + 1 :])
    return text[start : start + 1 + following.start()] if following else text[start:]


def test_windows_and_macos_run_the_readme_s_test_commands() -> None:
    text = job("windows-macos")
    assert re.search(r"os: \[windows-latest, macos-latest\]", text)
    steps = re.findall(r"^\s+- run: (.+)$", text, re.MULTILINE)
    assert steps, "no run steps"
    assert [s for s in steps if s not in readme_development_lines()] == []
    assert "python -m pytest" in steps and "pip install -e '.[test]'" in steps
    assert "mypy --platform win32 auditor && mypy --platform darwin auditor" in steps


def test_linux_runs_the_ci_script() -> None:
    assert re.findall(r"^\s+- run: (.+)$", job("linux"), re.MULTILINE) == ["sudo bash .ci/run"]
