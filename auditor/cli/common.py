"""What the command modules share: the one way a StoreAuditError ends a command, path options,
and reading a secret from a hidden prompt or stdin."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from auditor.errors import Interrupted, StoreAuditError, UsageError
from auditor.i18n import _, pgettext

if TYPE_CHECKING:
    from auditor.intake.relocate import Relocated
    from auditor.secrets import KeyringStore, Secret

FILE = click.Path(dir_okay=False, path_type=Path)
"""A file path option or argument."""

ENCODING_OPTION = click.option(
    "--encoding", metavar="NAME", help="FILE's encoding [default: its mark, UTF-8, else GB18030]."
)
"""import's choice of the export's text encoding (auditor.intake.importers.encodings)."""

INVENTORY_OPTION = click.option(
    "--inventory", type=FILE, help="Inventory file [default: as for audit]."
)

PLATFORM_UNKNOWN_OPTION = click.option(
    "--platform-unknown", is_flag=True, help="Accept a platform the catalog does not know."
)
"""`add` and `set`: record a platform the catalog lacks (a typo is refused without it)."""


def _fail(error: StoreAuditError) -> NoReturn:
    """One line (and a hint) on stderr, then the error's exit code; never a traceback."""
    click.echo(_("store-audit: error: {message}").format(message=error.message), err=True)
    if error.hint:
        click.echo(_("hint: {hint}").format(hint=error.hint), err=True)
    sys.exit(error.exit_code)


def refuse_overwriting(inventory: Path, target: Path | None, option: str) -> None:
    """A report or baseline must never replace the inventory it was made from."""
    if target is None:
        return
    same = target.resolve() == inventory.resolve()
    if not same and target.exists() and inventory.exists():
        same = os.path.samefile(target, inventory)
    if same:
        raise UsageError(
            _("{option} {path} is the inventory itself; choose another file").format(
                option=option, path=target
            )
        )


def note(line: str) -> None:
    """A one-line note on stderr (waiting for a lock, an interrupted write finished)."""
    click.echo(_("store-audit: {note}").format(note=line), err=True)


@contextmanager
def reported() -> Iterator[None]:
    """Around a command's work, the one place errors end a command: a StoreAuditError becomes
    its one line and exit code (`_fail`), an interrupted write its note and 128 + the signal
    (`_interrupted`)."""
    try:
        yield
    except StoreAuditError as error:
        _fail(error)
    except Interrupted as stop:
        _interrupted(stop)


def signal_words(signum: int) -> str:
    """The signal that stopped a command, as its reader knows it: its name in English, the key
    that sent it (Ctrl-C) in Chinese, where "SIGINT" is jargon."""
    name = signal.Signals(signum).name
    words = {
        "SIGINT": pgettext("signal", "SIGINT"),
        "SIGTERM": pgettext("signal", "SIGTERM"),
        "SIGHUP": pgettext("signal", "SIGHUP"),
        "SIGBREAK": pgettext("signal", "SIGBREAK"),
    }
    return words.get(name, name)


def _interrupted(stop: Interrupted) -> NoReturn:
    """Ctrl-C, SIGTERM or SIGHUP during a writing command: what it wrote was undone; exit
    128 + the signal's number, as a shell reports a process the signal stopped."""
    signum = stop.signum
    message = _(
        "store-audit: interrupted by {signal}: what this run had written to the keyring was "
        "undone and the inventory was not changed"
    )
    if sys.stderr.isatty():  # Ctrl-C at a prompt leaves the cursor on the prompt's line
        click.echo("", err=True)
    click.echo(message.format(signal=signal_words(signum)), err=True)
    sys.exit(128 + signum)


MAX_SECRET_CHARS = 4096
"""The longest line a secret is read from: no password, seed, URI or code comes near it."""

MAX_SECRET_LINES = 1000
"""The most lines `--backup-codes --stdin` reads (a site gives 8 to 16 codes)."""


def suffix() -> str:
    """What ends a question on a terminal: `: `, in Chinese a full-width `：`."""
    return pgettext("after a question", ": ")


def stdin_line() -> str | None:
    """The next line of standard input without its line end, None at its end; a UsageError,
    reading no further, when it runs over MAX_SECRET_CHARS (a pipe from /dev/zero, a file
    given by mistake)."""
    line = sys.stdin.readline(MAX_SECRET_CHARS + 2)
    if not line:
        return None
    text = line.rstrip("\r\n")
    if len(text) > MAX_SECRET_CHARS:
        raise UsageError(
            _(
                "standard input: a line longer than {count} characters, which no password, "
                "seed or code is; nothing was written"
            ).format(count=MAX_SECRET_CHARS)
        )
    return text


def ask(question: str, *, hidden: bool = True) -> str | None:
    """An answer typed at a prompt on a terminal (hidden unless told), or the next line of
    piped standard input (bounded, `stdin_line`); None when there is nothing to read."""
    if sys.stdin.isatty():
        try:
            answer: str = click.prompt(
                question, hide_input=hidden, default="", show_default=False, prompt_suffix=suffix()
            )
        except click.Abort:
            return None
        return answer
    click.echo(question + suffix(), nl=False)
    answer_line = stdin_line()
    click.echo()
    return answer_line


def read_secret(prompt: str, stdin: bool, confirm: bool = True) -> Secret:
    """A secret from stdin's first line (`stdin`), typed at a hidden (and confirmed) prompt on a
    terminal, or, when input is piped, the next line (and the confirming line after it) read
    from the pipe, without a prompt: never through getpass, which would read the terminal
    instead of the pipe. A piped line is bounded (`stdin_line`)."""
    from auditor.secrets import Secret

    if stdin:
        return Secret(stdin_line() or "")
    if sys.stdin.isatty():
        value = click.prompt(
            prompt,
            hide_input=True,
            confirmation_prompt=confirm,
            default="",
            show_default=False,
            prompt_suffix=suffix(),
        )
        return Secret(value)
    value = stdin_line() or ""
    if confirm and value and (stdin_line() or "") != value:
        raise UsageError(_("the two values given do not match; nothing was written"))
    return Secret(value)


def read_seed(account_id: str, from_stdin: bool) -> Secret:
    """The optional TOTP seed. On a terminal a seed that cannot make codes is asked for again
    (the password is not: it was typed twice already); from a pipe, `add_account` refuses it."""
    from auditor.intake.enrol import check_seed

    question = _("TOTP seed or otpauth:// URI (Enter for none)")
    seed = read_secret(question, stdin=from_stdin, confirm=False)
    for _attempt in range(3 if sys.stdin.isatty() and not from_stdin else 0):
        if not seed.reveal():
            break
        try:
            check_seed(seed, account_id)
            break
        except UsageError as error:
            again = _("store-audit: {message}; type it again, or Enter for none")
            click.echo(again.format(message=error.message), err=True)
        seed = read_secret(question, stdin=False, confirm=False)
    return seed


def read_secret_lines(prompt: str, stdin: bool) -> list[Secret]:
    """Several secrets, one a line: every line of stdin (at most MAX_SECRET_LINES, each
    bounded), or hidden prompts until an empty one."""
    from auditor.secrets import Secret

    if stdin:
        lines: list[Secret] = []
        while (line := stdin_line()) is not None:
            if len(lines) == MAX_SECRET_LINES:
                raise UsageError(
                    _("standard input: more than {count} lines; nothing was written").format(
                        count=MAX_SECRET_LINES
                    )
                )
            lines.append(Secret(line))
        return lines
    typed: list[Secret] = []
    while True:
        value = click.prompt(
            _("{prompt} {number} (Enter when done)").format(prompt=prompt, number=len(typed) + 1),
            hide_input=True,
            default="",
            show_default=False,
            prompt_suffix=suffix(),
        )
        if not value.strip():
            return typed
        typed.append(Secret(value))


def warn_about_inventory(path: Path) -> None:
    """Say so on stderr when others may change the inventory that decides where secrets go, or
    when a write to it was interrupted and its cleanup is still to be done."""
    from auditor.inventory import permission_warning
    from auditor.secrets.journal import journal_path, pending

    warning = permission_warning(path)
    if warning:
        click.echo(_("store-audit: warning: {warning}").format(warning=warning), err=True)
    journal = journal_path(path)
    if not journal.exists() and not journal.is_symlink():
        return
    try:
        pending(journal)
    except StoreAuditError as error:  # a journal someone else put there: say so, read on
        click.echo(_("store-audit: warning: {warning}").format(warning=error.message), err=True)
        return
    interrupted = _(
        "store-audit: note: a write to {path} was interrupted; the next add, import, set or "
        "set-secret finishes it"
    )
    click.echo(interrupted.format(path=path), err=True)


def warn_about_keyring(store: KeyringStore) -> None:
    """Say so on stderr when the secrets are read from the plaintext file keyring falls back to
    where no OS keyring answers: every password then looks missing, for a reason only this says."""
    path = store.fallback_file()
    if path:
        fallback = _(
            "store-audit: warning: no OS keyring answered, so secrets are read from {path}, "
            "a plaintext file keyring; entries in your desktop keyring are not seen "
            "(`store-audit doctor` says more)"
        )
        click.echo(fallback.format(path=path), err=True)


def describe_relocated(account_id: str, done: Relocated) -> None:
    """What `remove`, `rename` or `set login=` did to the account's keyring entries."""
    if done.moved:
        moved = _("{account}: moved its {entries} in the keyring to the new name")
        click.echo(moved.format(account=account_id, entries=_listed(done.moved)))
    if done.removed:
        removed = _("{account}: deleted its {entries} from the keyring")
        click.echo(removed.format(account=account_id, entries=_listed(done.removed)))
    for kept in done.kept:
        click.echo(
            _("{account}: left in the keyring: {entry}").format(account=account_id, entry=kept)
        )
    for service, user in done.failed:
        failed = _(
            "store-audit: warning: could not delete the old keyring entry {service!r} for "
            "{user!r}; `store-audit doctor --prune` removes it"
        )
        click.echo(failed.format(service=service, user=user), err=True)


def _listed(items: tuple[str, ...]) -> str:
    """What an account keeps in the keyring (relocate's English names), as a list in the run's
    language."""
    names = [_(item) for item in items]
    if len(names) == 1:
        return names[0]
    between = pgettext("between the items of a list", ", ")
    joined = pgettext("a list of things", "{items} and {last}")  # Chinese: 密码和备用验证码
    return joined.format(items=between.join(names[:-1]), last=names[-1])
