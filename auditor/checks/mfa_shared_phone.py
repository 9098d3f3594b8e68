"""mfa.shared-phone: one phone number receives the codes for several accounts (as primary or
as backup method), so losing or porting that number locks the seller out of all of them at
once. Numbers compare however they are written (`+86 138 0013 8000`, `8613800138000`, and
`138-0013-8000` for a seller whose `country` is CN), and one seller account recorded once per
marketplace (identical login and password) is one account, not several sharing a phone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext, one_seller_account
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _, pgettext
from auditor.inventory import Account, platforms
from auditor.inventory.phone_numbers import phone_key
from auditor.inventory.second_factors import backup_codes_step, other_strong_methods
from auditor.vocabulary import Severity


def find_shared_phones(context: AuditContext) -> Iterator[Finding]:
    """Group accounts by the numbers in `mfa_phone` and `mfa_backup_phone`."""
    country = context.inventory.seller.country
    groups: dict[str, list[Account]] = defaultdict(list)
    for account in context.accounts:
        for key in dict.fromkeys(phone_key(p, country) for p in account.phones):
            groups[key].append(account)
    for key, accounts in groups.items():
        if len(accounts) < 2 or one_seller_account(accounts, context.secrets):
            continue
        ids = sorted(a.id for a in accounts)
        shown = next(p for p in accounts[0].phones if phone_key(p, country) == key)
        message = (
            _(
                "{phone} receives the codes for {accounts}: losing, replacing or having that one "
                "number ported away locks you out of both at once"
            )
            if len(ids) == 2
            else _(
                "{phone} receives the codes for {accounts}: losing, replacing or having that one "
                "number ported away locks you out of all of them at once"
            )
        )
        yield CHECK.finding(
            ids,
            message.format(phone=shown, accounts=join_names(ids)),
            _("Keep the phone, but do not let it be the only way in: {steps}.").format(
                steps=_second_ways(context, accounts)
            ),
            subject=shown,
        )


def _second_ways(context: AuditContext, accounts: list[Account]) -> str:
    """For each account, what its platform's catalog entry offers besides this phone: another
    backup number where the platform keeps a backup method, backup codes where it issues them
    (or where to check), an authenticator app where it offers one."""
    steps: list[str] = []
    by_rule: dict[str, list[str]] = defaultdict(list)
    for account in accounts:
        known = platforms.lookup(account.platform)
        if known is not None and known.twofa.backup_method:
            by_rule["backup"].append(account.id)
        elif not context.secrets.backup_codes(account.id) and backup_codes_step(account):
            steps.append(backup_codes_step(account) or "")
        if "an authenticator app" in other_strong_methods(account):
            by_rule["app"].append(account.id)
    if by_rule["backup"]:
        names = join_names(sorted(by_rule["backup"]))
        steps.insert(
            0,
            _("give the 2SV of {accounts} a backup (or primary) number of its own").format(
                accounts=names
            ),
        )
    if by_rule["app"]:
        apps = join_names(sorted(by_rule["app"]))
        steps.append(_("add an authenticator app as a method on {accounts}").format(accounts=apps))
    return pgettext("between problems", "; ").join(dict.fromkeys(steps)) or (
        _("check each account's security settings for a second method")
    )


def _action(facts: ActionFacts) -> str:
    return _("Give {accounts} a second way in besides {phone}").format(
        accounts=join_names(facts.ids), phone=facts.subject
    )


CHECK = Check(
    id="mfa.shared-phone",
    severity=Severity.MEDIUM,
    fires_when=N_("one phone number receives codes for several accounts"),
    advice=N_(
        "Give each account a second way in that is not that number, from what its platform "
        "offers: a backup number of its own, backup codes, an authenticator app."
    ),
    across_accounts=True,
    run=find_shared_phones,
    fix=Fix.OWN,
    action=_action,
)
