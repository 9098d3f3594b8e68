"""mfa.sms-only: codes by text or call where the platform offers an authenticator app or a key.
SMS codes are lost with the phone, delayed abroad, and stolen by SIM swaps."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.inventory import Account, platforms
from auditor.inventory.second_factors import either, offered_methods, strong_methods
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
        channel = "text message" if account.mfa == "sms" else "phone call"
        yield CHECK.finding(
            [account.id],
            f"{account.id} gets its codes by {channel}; {platform.name} offers "
            f"{join_names(offered)}: switch, since a lost phone, a SIM swap or no signal abroad "
            f"stops a {'text' if account.mfa == 'sms' else 'phone'} code",
            _switch_advice(account, strong_methods(account.platform)),
        )


def _switch_advice(account: Account, methods: list[str]) -> str:
    where = platforms.security_settings(account.platform)
    advice = f"Switch {account.id} to {either(methods)} {where}"
    if "an authenticator app" in methods:
        advice += f", then store the seed with `store-audit set-secret {account.id} --totp`"
    return advice + "."


def _action(facts: ActionFacts) -> str:
    account = facts.accounts.get(facts.first)
    if account is None:
        return f"Switch {facts.who} to a stronger second factor"
    channel = "text-message" if account.mfa == "sms" else "phone-call"
    methods = strong_methods(account.platform)
    target = "an authenticator app" if "an authenticator app" in methods else either(methods)
    return f"Switch {facts.who} from {channel} codes to {target}"


CHECK = Check(
    id="mfa.sms-only",
    severity=Severity.MEDIUM,
    fires_when="sms or voice only, where the platform offers an app or key",
    advice=(
        "Switch to an authenticator app or a security key; text codes are lost with the phone "
        "and stolen by SIM swaps."
    ),
    run=find_sms_only,
    fix=Fix.MFA,
    action=_action,
)
