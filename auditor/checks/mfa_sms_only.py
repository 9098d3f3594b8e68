"""mfa.sms-only: codes by text or call where the platform offers an authenticator app or a key.
SMS codes are lost with the phone, delayed abroad, and stolen by SIM swaps."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _
from auditor.inventory import Account, platforms
from auditor.inventory.second_factors import both, either, offered_methods, strong_methods
from auditor.vocabulary import STRONG_MFA, Severity


def find_sms_only(context: AuditContext) -> Iterator[Finding]:
    """Accounts on sms or voice whose platform (per the catalog) offers something stronger."""
    for account in context.reported_accounts:
        if account.mfa not in ("sms", "voice") or account.mfa_backup in STRONG_MFA:
            continue  # with an app or key as backup method, codes do not come by phone only
        platform = platforms.lookup(account.platform)
        if platform is None or not platform.offers_strong_mfa:
            continue
        offered = offered_methods(account.platform)
        message = (
            _(
                "{id} gets its codes by text message; {platform} offers {methods}: switch, since "
                "a lost phone, a SIM swap or no signal abroad stops a text code"
            )
            if account.mfa == "sms"
            else _(
                "{id} gets its codes by phone call; {platform} offers {methods}: switch, since a "
                "lost phone, a SIM swap or no signal abroad stops a phone code"
            )
        )
        yield CHECK.finding(
            [account.id],
            message.format(id=account.id, platform=platform.name, methods=both(offered)),
            _switch_advice(account, strong_methods(account.platform)),
        )


def _switch_advice(account: Account, methods: list[str]) -> str:
    advice = (
        _(
            "Switch {id} to {methods} {where}, then store the seed with `store-audit set-secret "
            "{id} --totp`."
        )
        if "an authenticator app" in methods
        else _("Switch {id} to {methods} {where}.")
    )
    return advice.format(
        id=account.id, methods=either(methods), where=platforms.security_settings(account.platform)
    )


def _action(facts: ActionFacts) -> str:
    account = facts.accounts.get(facts.first)
    if account is None:
        return _("Switch {who} to a stronger second factor").format(who=facts.who)
    methods = strong_methods(account.platform)
    target = _("an authenticator app") if "an authenticator app" in methods else either(methods)
    action = (
        _("Switch {who} from text-message codes to {target}")
        if account.mfa == "sms"
        else _("Switch {who} from phone-call codes to {target}")
    )
    return action.format(who=facts.who, target=target)


CHECK = Check(
    id="mfa.sms-only",
    severity=Severity.MEDIUM,
    fires_when=N_("sms or voice only, where the platform offers an app or key"),
    advice=N_(
        "Switch to an authenticator app or a security key; text codes are lost with the phone "
        "and stolen by SIM swaps."
    ),
    run=find_sms_only,
    fix=Fix.MFA,
    action=_action,
)
