"""mfa.sms-only: codes by text or call where the platform offers an authenticator app or a key.
SMS codes are lost with the phone, delayed abroad, and stolen by SIM swaps."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.checks.findings import Finding, finding, join_names
from auditor.inventory import platforms
from auditor.vocabulary import Severity

_METHOD_NAMES = {
    "totp": "authenticator apps",
    "security-key": "security keys",
    "push": "sign-in prompts on your phone",
}


def find_sms_only(context: AuditContext) -> Iterator[Finding]:
    """Accounts on sms or voice whose platform (per the catalog) offers something stronger."""
    for account in context.accounts:
        if account.mfa not in ("sms", "voice"):
            continue
        platform = platforms.lookup(account.platform)
        if platform is None or not platform.offers_strong_mfa:
            continue
        offered = [name for method, name in _METHOD_NAMES.items() if method in platform.mfa_offered]
        channel = "text message" if account.mfa == "sms" else "phone call"
        yield finding(
            CHECK.id,
            CHECK.severity,
            [account.id],
            f"{account.id} gets its codes by {channel}; {platform.name} offers "
            f"{join_names(offered)}: switch, since a lost phone, a SIM swap or no signal abroad "
            "stops a text code",
            f"Switch {account.id} to an authenticator app (or a security key) in "
            f"{platform.name}'s security settings, then store the seed with "
            f"`store-audit set-secret {account.id} --totp`.",
        )


def _action(facts: ActionFacts) -> str:
    return f"Switch {facts.who} from text-message codes to an authenticator app"


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
