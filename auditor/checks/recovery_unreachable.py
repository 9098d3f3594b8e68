"""recovery.unreachable: an account's way back in, followed through the inventory's mailboxes to
its end, ends where the seller cannot follow it: a misspelt domain, a mailbox not in the
inventory, or the phone that already receives the account's own codes ("amazon-ca →
a@gmail.com → b@outlook.com → +1 555 …": one lost phone locks the store and its way back). One
finding per account, naming the whole chain; a first hop that is wrong on its own is
email.typo-domain's or email.unaudited-mailbox's to report."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _, pgettext
from auditor.inventory import Account
from auditor.inventory.recovery_chain import ChainEnd, chain_ends
from auditor.inventory.second_factors import backup_codes_step, either, other_strong_methods
from auditor.vocabulary import Severity


def find_unreachable_recovery(context: AuditContext) -> Iterator[Finding]:
    """The most serious bad end of each account's recovery chain: a finding per account for its
    own code phone, one per broken end (the last mailbox and where it leads) for the others,
    naming every chain that reaches it."""
    broken: dict[tuple[str, ...], list[tuple[Account, ChainEnd]]] = {}
    for account in context.accounts:
        ends = chain_ends(context.inventory, context.mailbox_account_for, account)
        if not ends:
            continue
        end = ends[0]
        if end.problem == "phone":
            yield CHECK.finding(
                [account.id, *end.mailboxes],
                _(
                    "{chain}: {phone} is {detail}, on the way back into {id}: one lost phone "
                    "locks {id} and the mailbox that would recover it"
                ).format(chain=end.text, phone=end.steps[-1], detail=end.detail, id=account.id),
                _remedy(context, account, end),
                subject=end.text,
                severity=Severity.HIGH,
            )
        else:
            broken.setdefault((end.problem, end.mailboxes[-1], end.steps[-1]), []).append(
                (account, end)
            )
    for (problem, _mailbox, address), chains in broken.items():
        starts = [account.id for account, _end in chains]
        account, end = chains[0]
        yield CHECK.finding(
            [i for _a, chain in chains for i in (chain.steps[0], *chain.mailboxes)],
            _("{chains}: the way back into {accounts} ends at {address}, {detail}").format(
                chains=pgettext("between problems", "; ").join(chain.text for _a, chain in chains),
                accounts=join_names(starts),
                address=address,
                detail=end.detail,
            ),
            _remedy(context, account, end),
            subject=address,
            severity=Severity.HIGH if problem == "typo" else CHECK.severity,
        )


def _remedy(context: AuditContext, account: Account, end: ChainEnd) -> str:
    last = context.by_id[end.mailboxes[-1]]
    if end.problem == "phone":
        steps = [s for s in (None if context.secrets.backup_codes(account.id) else
                             backup_codes_step(account),) if s]  # fmt: skip
        others = other_strong_methods(last)
        second = (
            _("Give {id} a second factor that is not that phone ({methods})").format(
                id=last.id, methods=either(others[:2])
            )
            if others
            else _("Give {id} a way in that is not that phone, from its security settings").format(
                id=last.id
            )
        )
        remedy = (
            _("{second}, and {step}, so one lost phone is not the door and the way back at once.")
            if steps
            else _("{second}, so one lost phone is not the door and the way back at once.")
        )
        return remedy.format(second=second, step=steps[0] if steps else "")
    if end.problem == "typo":
        return _(
            "Correct the recovery email of {id} on {platform} and in the inventory, before anyone "
            "registers that domain."
        ).format(id=last.id, platform=last.platform_name)
    return _(
        'Add {address} to the inventory (kind = "mailbox") so its 2FA and password are audited, '
        "or point {id}'s recovery at a mailbox you audit."
    ).format(address=end.steps[-1], id=last.id)


def _action(facts: ActionFacts) -> str:
    if " → " in facts.subject:  # a whole chain: it ends at the account's own code phone
        return _("Make the recovery chain {chain} end where you can get in").format(
            chain=facts.subject
        )
    return _("Make the recovery chains that end at {address} end where you can get in").format(
        address=facts.subject
    )


CHECK = Check(
    id="recovery.unreachable",
    severity=Severity.MEDIUM,
    fires_when=N_(
        "an account's recovery chain, followed through the inventory's mailboxes, ends in a "
        "misspelt domain, a mailbox not in the inventory, or the phone that receives the "
        "account's own codes"
    ),
    advice=N_(
        "Make every mailbox on the way back in reachable without the phone that holds the "
        "account's codes, with correct addresses, and in the inventory."
    ),
    severity_note=N_("high when it ends in a misspelt domain or on the account's own code phone"),
    across_accounts=True,
    run=find_unreachable_recovery,
    fix=Fix.OWN,
    action=_action,
)
