"""The `store-audit` command line: parse options, call the module that does the work, render,
exit (SPEC §5).

Thin on purpose: `audit` holds audit, onboard and demo; `accounts` the commands that put accounts
and secrets in; `info` checks and doctor; `lockout` the commands for the day a seller cannot get
in. `StoreAuditError`s become one line on stderr and their exit code in one place
(`common.reported`); nothing here catches anything broader.
"""

from __future__ import annotations

import gc
import importlib
import io
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import click

from auditor import __version__
from auditor.cli import language
from auditor.errors import Stopped
from auditor.i18n import _
from auditor.interrupts import STOPPING

COMMANDS: dict[str, tuple[str, str, str]] = {
    "audit": ("audit", "audit", "Audit every account in the inventory against the keyring."),
    "onboard": (
        "audit",
        "onboard",
        "Gate one new account: fail on its findings and on findings that involve it.",
    ),
    "add": (
        "accounts",
        "add",
        "Add an account: prompts for its password (hidden) and an optional TOTP seed.",
    ),
    "set": (
        "fields",
        "set_",
        "Set fields of an account: login, mfa, mfa_phone, store, region, recovery_email, kind, "
        "platform, password_changed (a date or `today`).",
    ),
    "list": (
        "manage",
        "list_",
        "List the accounts: platform, login, 2FA and what the keyring holds (never a secret).",
    ),
    "remove": (
        "manage",
        "remove",
        "Remove an account from the inventory and delete its keyring entries (asks first).",
    ),
    "rename": (
        "manage",
        "rename",
        "Rename an account: its id in the inventory and its keyring entries, all or nothing.",
    ),
    "set-secret": (
        "accounts",
        "set_secret",
        "Store or replace one account's password (or, with --totp, its TOTP seed; with "
        "--backup-codes, its backup codes).",
    ),
    "import": (
        "accounts",
        "import_",
        "Import logins from a password manager's export (FILE, or - for standard input) into "
        "the inventory and the keyring.",
    ),
    "verify-totp": (
        "lockout",
        "verify_totp",
        "Check a code from your authenticator app against the stored seed (and the clock).",
    ),
    "use-backup-code": (
        "lockout",
        "use_backup_code",
        "Cross off a backup code you have just used (typed hidden), so the count stays true.",
    ),
    "verify-password": (
        "lockout",
        "verify_password",
        "Check a password you are trying (typed hidden) against the stored one, and the others.",
    ),
    "why": (
        "lockout",
        "why",
        "I can't log in to ID: walk through the likely causes (read-only; Enter skips a question).",
    ),
    "map": (
        "lockout",
        "map_",
        "Who signs in where: mailboxes, phones, and each account's door, login and codes.",
    ),
    "offboard": (
        "offboard",
        "offboard",
        "Someone leaves: every account they can get into, mailboxes and payout accounts first, "
        "what to change on each and the commands that record it (read-only).",
    ),
    "checks": (
        "info",
        "checks",
        "List the check catalog: ids, default severities, when each fires.",
    ),
    "demo": (
        "audit",
        "demo",
        "Audit the bundled example inventory on a built-in demo keyring: no setup needed.",
    ),
    "doctor": (
        "info",
        "doctor",
        "Show which keyring backend is used, whether it answers, and which inventory is found.",
    ),
}
"""Command name → (module under auditor.cli, function, the first paragraph of its help).

A command's module is imported only when that command runs, so `store-audit --help` costs little
more than importing click; the list shows each paragraph as click would (tests/cli/test_cli.py
compares it with the commands' own help, so the two cannot drift)."""


class _Commands(click.Group):
    """The commands of COMMANDS, each loaded when it is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def main(self, args: Any = None, *rest: Any, **options: Any) -> Any:
        """Choose the run's language first: click's messages about these very arguments are
        written in it."""
        language.start(args)
        language.translate_help(self)
        return super().main(args, *rest, **options)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name, _help = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(f"auditor.cli.{module}"), name)
        return language.translate_help(command)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """click's own, with the closest command suggested for a typo (`audti`: did you mean
        audit?): click suggests from commands it has loaded, and ours load when asked for."""
        name = args[0] if args else ""
        if name in COMMANDS or name.startswith("-") or ctx.resilient_parsing:
            return super().resolve_command(ctx, args)
        from auditor.suggest import did_you_mean

        ctx.fail(_("No such command {name!r}").format(name=name) + did_you_mean(name, COMMANDS))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list click would show, cut to the terminal's width the same way."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names))
        rows = [(n, language.short_help(_(COMMANDS[n][2]), limit)) for n in names]
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="store-audit")
@click.option("--lang", **language.LANG_OPTION)
def cli() -> None:
    """Audit the logins of your online stores, mailboxes and payment accounts.

    Reads an inventory of accounts (no secrets) and the passwords and 2FA seeds in your OS
    keyring, and prints a prioritized hardening checklist. Secrets are never shown.
    """


def main() -> None:
    """Console-script entry point."""
    # One command, then the process exits: the cyclic garbage collector would only walk the
    # inventory's objects again and again (a quarter of a 10,000-account audit's own time).
    # Reference counting still frees everything the audit lets go of.
    gc.disable()
    # A terminal or pipe that cannot encode a character (PYTHONIOENCODING=latin-1, a C locale)
    # gets an escape for it, never a UnicodeEncodeError halfway through a report.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout = _ClosedPipeQuiet(sys.stdout)
    with _stopping():
        cli(prog_name="store-audit")


@contextmanager
def _stopping() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP stop the command (`_stopped`) while it runs. Once it is over
    and what it wrote is final, a signal ends the process as the signal does: raised into the
    interpreter's own shutdown, Stopped would end it with 120 and a traceback (a SIGINT just as
    an import had saved)."""
    for signum in STOPPING:
        signal.signal(signum, _stopped)
    try:
        yield
    finally:
        for signum in STOPPING:
            signal.signal(signum, signal.SIG_DFL)


class _ClosedPipeQuiet(io.TextIOWrapper):
    """Standard output that a reader may close early (`store-audit import --dry-run | head -1`):
    the rest of the output goes nowhere and the command finishes as it would have, with its own
    exit code, instead of a BrokenPipeError at some later write (or at exit)."""

    def __init__(self, stream: io.TextIOWrapper) -> None:
        line_buffering = stream.line_buffering
        super().__init__(
            stream.detach(),
            encoding=stream.encoding,
            errors="backslashreplace",
            line_buffering=line_buffering,
        )

    def write(self, text: str) -> int:
        try:
            return super().write(text)
        except BrokenPipeError:
            self._discard()
            return len(text)

    def flush(self) -> None:
        try:
            super().flush()
        except BrokenPipeError:
            self._discard()
            super().flush()

    def _discard(self) -> None:
        """Point the file descriptor at the null device: what is still buffered goes there."""
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, self.fileno())
        os.close(null)


def _stopped(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C, SIGTERM or SIGHUP outside a keyring write (a writing command installs its own
    handler, which rolls back): stop now, with 128 + the signal's number as a shell would report,
    never 1, which means findings."""
    from auditor.cli.common import signal_words

    stopped = _("store-audit: interrupted by {signal}")
    if sys.stderr.isatty():  # Ctrl-C at a prompt leaves the cursor on the prompt's line
        click.echo("", err=True)
    click.echo(stopped.format(signal=signal_words(signum)), err=True)
    raise Stopped(128 + signum)


__all__ = ["cli", "main"]
