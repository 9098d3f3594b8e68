"""A command run on a pseudo-terminal, answering its questions as a person would."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

Answer = Callable[[bytes], str | None]
"""Everything printed so far → the line to type now, or None to wait for more."""
CTRL_C = "\x03"
"""An answer that presses Ctrl-C: the command gets SIGINT (the pseudo-terminal is not its
controlling terminal, so the key itself would be read as a character)."""


def run_on_a_terminal(
    command: list[str], env: dict[str, str], answer: Answer, cwd: Path | None = None
) -> str:
    """Run `command` with a pseudo-terminal as stdin, stdout and stderr, typing what `answer`
    says whenever output arrives; everything it printed, with Unix line ends."""
    import pty  # POSIX only: imported here so that Windows can still collect the tests
    import select  # waiting on a pty is POSIX too

    main, child = pty.openpty()
    process = subprocess.Popen(
        command, stdin=child, stdout=child, stderr=child, env=env, cwd=cwd, close_fds=True
    )
    os.close(child)
    output = b""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        # a command waiting for an answer that never comes must not hang the suite
        if not select.select([main], [], [], max(0.0, deadline - time.monotonic()))[0]:
            process.kill()
            break
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
        line = answer(output)
        if line == CTRL_C:
            process.send_signal(signal.SIGINT)
        elif line is not None:
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


class Scripted:
    """Type each answer once its prompt has appeared as often as the script has asked it so far
    (prompts, not chunks, are counted: output arrives in pieces of any size). An Answer."""

    def __init__(self, script: Sequence[tuple[bytes | str, str]]) -> None:
        self.script = [(p.encode() if isinstance(p, str) else p, line) for p, line in script]
        self.typed = 0

    def __call__(self, output: bytes) -> str | None:
        if self.done:
            return None
        prompt, line = self.script[self.typed]
        asked = sum(1 for p, _ in self.script[: self.typed + 1] if p == prompt)
        if output.count(prompt) >= asked:
            self.typed += 1
            return line
        return None

    @property
    def done(self) -> bool:
        """Whether every answer was typed."""
        return self.typed == len(self.script)
