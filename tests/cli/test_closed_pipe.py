"""A reader that closes the pipe early (`store-audit import --dry-run | head -1`) is not an
error (issue 23, polish): the command finishes with its own exit code and says nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_closed_pipe_ends_the_output_not_the_command(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    rows = [
        f"S{i},https://admin.shopify.com/store/s{i},u{i}@acme.test,Pw-{i}-xQ9!zzL,"
        for i in range(400)
    ]
    export.write_text("name,url,username,password,note\n" + "\n".join(rows) + "\n")
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "tests.keyrings.MemoryKeyring",
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
    }
    command = [sys.executable, "-m", "auditor", "import", str(export), "--from", "chrome"]
    command += ["--dry-run", "--inventory", str(tmp_path / "store-audit.toml")]
    for _ in range(2):  # a plan larger than the pipe's buffer: the reader always cuts it
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline().startswith("ID")
        process.stdout.close()  # `head -1` has what it wanted
        err = process.stderr.read()
        assert process.wait(timeout=60) == 0, err
        assert err == ""
