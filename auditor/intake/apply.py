"""Carrying out an import plan: all of it or nothing.

The new inventory text is built and validated first; then the keyring entries are written in one
transaction, and the inventory is saved inside it. If any write fails, the keyring entries this
run wrote are removed (or restored) and the inventory file is untouched.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.errors import UsageError
from auditor.i18n import _, listed
from auditor.intake.plan import ImportPlan, Proposal
from auditor.inventory.editing import InventoryDocument
from auditor.inventory.platforms import default_kind
from auditor.secrets.journal import Journal
from auditor.secrets.writes import KeyringWriter, secret_transaction


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    added: int
    """Accounts added to the inventory."""
    updated: int
    """Existing accounts whose keyring entries were written."""
    secrets_written: int
    """Keyring entries written."""


def _fields(proposal: Proposal) -> dict[str, str | list[str] | None]:
    """The inventory fields of a new account."""
    return {
        "id": proposal.account_id,
        "platform": proposal.platform,
        # the platform's default kind is left implicit, as a person would write it
        "kind": None if proposal.kind == default_kind(proposal.platform) else proposal.kind,
        "store": proposal.store,
        "region": proposal.region,
        "marketplaces": list(proposal.marketplaces) or None,
        "login": proposal.login,
        "mfa": proposal.mfa,
    }


def refuse_blocked(plan: ImportPlan, *, force: bool) -> None:
    """The refusal a run without --force meets (the dry run meets it too): UsageError naming
    the accounts whose keyring entries the import would replace."""
    blocked = plan.blocked(force)
    if blocked:
        names = listed(p.account_id for p in blocked[:5])
        if len(blocked) > 5:
            names = _("{names} and {n} more").format(names=names, n=len(blocked) - 5)
        raise UsageError(
            _(
                "{n} account(s) would replace what the keyring already holds ({names}); nothing "
                "was written"
            ).format(n=len(blocked), names=names),
            hint=_(
                "the plan above says what each would replace; rerun with --force to replace them"
            ),
        )


def apply_import(
    plan: ImportPlan,
    document: InventoryDocument,
    writer: KeyringWriter,
    *,
    force: bool,
    journal: Journal | None = None,
) -> ImportResult:
    """Write the plan's accounts and secrets, or nothing at all."""
    refuse_blocked(plan, force=force)
    changes = plan.changes
    for proposal in changes:
        if not proposal.exists:
            document.add_account(_fields(proposal))
        elif proposal.set_mfa:  # the export holds its seed: the account uses an authenticator
            document.set_field(proposal.account_id, "mfa", "totp")
    text, _inventory = document.render()  # validated before the keyring is touched
    written = 0
    with secret_transaction(writer, journal) as transaction:
        for proposal in changes:
            if proposal.write_password and proposal.password is not None:
                transaction.set(
                    proposal.service,
                    proposal.login,
                    proposal.password.reveal(),
                    _("{account} (entry {entry}) password").format(
                        account=proposal.account_id, entry=proposal.entries[0]
                    ),
                )
            if proposal.write_totp and proposal.totp is not None:
                transaction.set(
                    f"{proposal.service}/totp",
                    proposal.login,
                    proposal.totp.reveal(),
                    _("{account} (entry {entry}) TOTP seed").format(
                        account=proposal.account_id, entry=proposal.entries[0]
                    ),
                )
        written = transaction.written
        if any(not p.exists or p.set_mfa for p in changes):
            transaction.commit(text, document.save)
    return ImportResult(
        added=sum(1 for p in changes if not p.exists),
        updated=sum(1 for p in changes if p.exists),
        secrets_written=written,
    )
