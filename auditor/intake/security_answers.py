"""Putting an account's security-question answers in the keyring: `set-secret ID
--security-answers` stores them one a line (validated, never replacing stored answers without
--force) and records `security_questions = true` in the inventory, so the audit reads them. No
answer ever appears in a message: errors name the answer's number only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import UsageError
from auditor.i18n import _
from auditor.intake.fields import FieldChange, set_fields
from auditor.intake.session import writing_to_account
from auditor.inventory.editing import InventoryDocument
from auditor.secrets import Secret
from auditor.secrets.answers import AnswersError, check_answers
from auditor.secrets.journal import Journal
from auditor.secrets.writes import KeyringWriter, secret_transaction


@dataclass(frozen=True)
class AnswersStored:
    """What `set-secret --security-answers` did."""

    count: int
    """How many answers were stored."""
    changes: tuple[FieldChange, ...]
    """The inventory fields it changed (security_questions)."""
    path: Path
    """The inventory."""


def store_answers(
    document: InventoryDocument,
    account_id: str,
    pasted: list[Secret],
    writer: KeyringWriter,
    *,
    force: bool,
    journal: Journal | None = None,
) -> AnswersStored:
    """Store the answers (one a line) as the account's security answers, all or nothing."""
    _text, inventory = document.render()
    account = inventory.account(account_id)
    if account is None:
        raise UsageError(
            _("{path}: no account with id {account!r}").format(
                path=inventory.path, account=account_id
            )
        )
    try:
        answers = check_answers([line.reveal() for line in pasted])
    except AnswersError as error:
        raise UsageError(
            _("{account}: the answers were not stored: {error}").format(
                account=account_id, error=error
            )
        ) from None
    if not force and writer.get(account.answers_service, account.login):
        raise UsageError(
            _(
                "the keyring already holds security answers for {account} (service {service!r}, "
                "user {login!r}); nothing was written"
            ).format(account=account_id, service=account.answers_service, login=account.login),
            hint=_("rerun with --force to replace them"),
        )
    fields = {} if account.security_questions else {"security_questions": True}
    text, _account, changes = (
        set_fields(document, account_id, fields) if fields else ("", account, [])
    )
    with secret_transaction(writer, journal) as transaction:
        transaction.set(
            account.answers_service,
            account.login,
            "\n".join(answers),
            _("{account} security answers").format(account=account_id),
        )
        if fields:
            transaction.commit(text, document.save)
    return AnswersStored(len(answers), tuple(changes), document.path)


def store_typed_answers(
    inventory: Path | None,
    account_id: str,
    ask: Callable[[], list[Secret]],
    say: Callable[[str], None],
    opened: Callable[[Path], None],
    *,
    force: bool,
) -> AnswersStored:
    """`set-secret --security-answers`: the answers `ask` returns, stored in the account's
    frame (`writing_to_account`)."""
    with writing_to_account(inventory, account_id, ask, say, opened) as (session, document, lines):
        return store_answers(
            document, account_id, lines, session.writer, force=force, journal=session.journal
        )
