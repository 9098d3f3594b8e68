"""mfa.impossible-record: the inventory records a 2FA setting the platform does not allow, as
its catalog entry sources it: Seller Central with `mfa = "none"` (2SV is compulsory) or
`"email"` (it sends no email codes), one number as both primary and backup, backup codes stored
for a platform that issues none. The record is wrong, not the account, so the finding asks for
the right record instead of warning that "a password is all it takes". An account with several
such mistakes gets one finding that names them all."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_some_names
from auditor.i18n import N_, _, pgettext
from auditor.inventory import Account, platforms
from auditor.inventory.phone_numbers import same_phone
from auditor.inventory.second_factors import METHOD_NAMES, either
from auditor.vocabulary import Severity

PHONE_METHODS = frozenset({"sms", "voice"})


def find_impossible_records(context: AuditContext) -> Iterator[Finding]:
    """One finding per account whose 2FA record contradicts its platform's catalog entry."""
    for account in context.reported_accounts:
        platform = platforms.lookup(account.platform)
        if platform is None:
            continue
        problems = [
            _("{problem} ({source})").format(problem=problem, source=source)
            for problem, source in _problems(context, account, platform)
        ]
        if problems:
            yield CHECK.finding(
                [account.id],
                _("{id}: {problems}; the inventory is wrong, not the account").format(
                    id=account.id, problems=pgettext("between problems", "; ").join(problems)
                ),
                _("Open {place}, and record what it shows: {command}.").format(
                    place=platforms.settings_place(account.platform),
                    command=_record_command(account, platform),
                ),
            )


def _problems(
    context: AuditContext, account: Account, platform: platforms.Platform
) -> Iterator[tuple[str, str]]:
    """What is impossible about the record, each with the page that says so."""
    rules = platform.twofa
    name = platform.name
    if account.mfa == "none" and rules.required:
        yield (
            _('mfa = "none", but every {platform} account has two-step verification').format(
                platform=name
            ),
            rules.required,
        )
    for key, method in (("mfa", account.mfa), ("mfa_backup", account.mfa_backup)):
        if method and method not in ("none", "unknown") and platform.offers(method) is False:
            offered = either([n for m, n in METHOD_NAMES.items() if m in platform.mfa_offered])
            yield (
                _('{key} = "{method}", but {platform} offers only {methods}').format(
                    key=key, method=method, platform=name, methods=offered
                ),
                rules.methods_complete or "",
            )
    if rules.backup_method and account.mfa_backup:
        both = {account.mfa, account.mfa_backup}
        if both == {"totp"}:
            yield (
                _("{platform} does not let an authenticator app be both primary and backup").format(
                    platform=name
                ),
                rules.backup_method,
            )
        country = context.inventory.seller.country
        if (
            both <= PHONE_METHODS
            and account.mfa_phone
            and account.mfa_backup_phone
            and same_phone(account.mfa_phone, account.mfa_backup_phone, country)
        ):
            yield (
                _("{platform} does not let one number be both primary and backup").format(
                    platform=name
                ),
                rules.backup_method,
            )
    stored = context.secrets.backup_codes(account.id)
    if stored and platform.offers(platforms.BACKUP_CODES) is False:
        yield (
            _(
                "{platform} issues no backup codes, so the {count} stored under {service} are not "
                "its codes"
            ).format(platform=name, count=stored, service=account.backup_service),
            rules.methods_complete or "",
        )


def _record_command(account: Account, platform: platforms.Platform) -> str:
    """The `store-audit set` line that records the platform's real setting."""
    if platform.twofa.backup_method:
        return _(
            "`store-audit set {id} mfa=totp mfa_backup=sms mfa_backup_phone=+NUMBER` (its primary "
            "and backup methods, and the phone of each)"
        ).format(id=account.id)
    return _("`store-audit set {id} mfa=METHOD`").format(id=account.id)


def _action(facts: ActionFacts) -> str:
    if len(facts.ids) == 1:
        return _("Record the 2FA {who} really has, as its security settings show it").format(
            who=facts.who
        )
    return _("Record the 2FA {accounts} really have, as their security settings show it").format(
        accounts=join_some_names(facts.ids)
    )


CHECK = Check(
    id="mfa.impossible-record",
    severity=Severity.MEDIUM,
    fires_when=N_(
        "the inventory records a 2FA setting the platform does not allow (Seller Central with "
        "mfa none or email, one number as primary and backup, backup codes it never issues)"
    ),
    advice=N_(
        "Record the 2FA the platform's security settings show: for Seller Central its primary "
        "and backup methods and the phone of each."
    ),
    run=find_impossible_records,
    fix=Fix.RECORD,
    action=_action,
)
