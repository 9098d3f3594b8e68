"""The `store-audit` command line: parse options, call the module that does the work, render,
exit (SPEC §5).

Thin on purpose: `audit` holds audit, onboard and demo; `accounts` the commands that put accounts
and secrets in; `info` checks and doctor; `lockout` the commands for the day a seller cannot get
in. `StoreAuditError`s become one line on stderr and their exit code (`common.fail`); nothing here
catches anything broader.
"""

from __future__ import annotations

import gc
import io
import signal
import sys
from types import FrameType

import click

from auditor import __version__
from auditor.cli.accounts import add, import_, set_secret
from auditor.cli.audit import FORMAT_NAMES, audit, demo, onboard
from auditor.cli.fields import set_
from auditor.cli.info import checks, doctor
from auditor.cli.lockout import map_, use_backup_code, verify_password, verify_totp, why


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="store-audit")
def cli() -> None:
    """Audit the logins of your online stores, mailboxes and payment accounts.

    Reads an inventory of accounts (no secrets) and the passwords and 2FA seeds in your OS
    keyring, and prints a prioritized hardening checklist. Secrets are never shown.
    """


for command in (
    audit,
    onboard,
    add,
    set_,
    set_secret,
    import_,
    verify_totp,
    use_backup_code,
    verify_password,
    why,
    map_,
    checks,
    demo,
    doctor,
):
    cli.add_command(command)


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
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stopped)
    cli(prog_name="store-audit")


def _stopped(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C, SIGTERM or SIGHUP outside a keyring write (a writing command installs its own
    handler, which rolls back): stop now, with 128 + the signal's number as a shell would report,
    never 1, which means findings."""
    click.echo(f"store-audit: interrupted by {signal.Signals(signum).name}", err=True)
    sys.exit(128 + signum)


__all__ = ["FORMAT_NAMES", "cli", "main"]
