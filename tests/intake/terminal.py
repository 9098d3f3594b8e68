"""A command run on a pseudo-terminal, answering its questions as a person would."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

Answer = Callable[[bytes], str | None]
"""Everything printed so far → the line to type now, or None to wait for more."""


def run_on_a_terminal(
    command: list[str], env: dict[str, str], answer: Answer, cwd: Path | None = None
) -> str:
    """Run `command` with a pseudo-terminal as stdin, stdout and stderr, typing what `answer`
    says whenever output arrives; everything it printed, with Unix line ends."""
    import pty  # POSIX only: imported here so that Windows can still collect the tests

    main, child = pty.openpty()
    process = subprocess.Popen(
        command, stdin=child, stdout=child, stderr=child, env=env, cwd=cwd, close_fds=True
    )
    os.close(child)
    output = b""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
        line = answer(output)
        if line is not None:
            os.write(main, line.encode() + b"\n")
    process.wait(timeout=30)
    os.close(main)
    return output.decode("utf-8", "replace").replace("\r\n", "\n")


def in_turn(answers: list[str]) -> Answer:
    """Type each answer in turn, at each prompt ending in `]:`."""
    pending = list(answers)

    def answer(output: bytes) -> str | None:
        if pending and output.rstrip().endswith(b"]:"):
            return pending.pop(0)
        return None

    return answer
