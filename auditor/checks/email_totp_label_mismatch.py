"""email.totp-label-mismatch: the stored otpauth URI was issued for another account or address,
the seed behind "the verification code does not match"."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _, and_list, pgettext
from auditor.inventory import Account, platforms
from auditor.inventory.emails import canonical_mailbox, is_address
from auditor.secrets.totp import TotpSeed
from auditor.vocabulary import Severity


def _platforms_named(issuer: str) -> set[str]:
    words = issuer.casefold()
    return {
        platform.id
        for platform in platforms.PLATFORMS.values()
        if any(name in words for name in platforms.names_of(platform.id))
    }


def label_mismatches(account: Account, seed: TotpSeed) -> list[str]:
    """How the seed's label disagrees with the account; empty when it fits or says nothing."""
    problems = []
    named = seed.label_account
    if named:
        if is_address(named):
            if canonical_mailbox(named).canonical != canonical_mailbox(account.login).canonical:
                problems.append(
                    _("it is labelled for {named}, not the login {login}").format(
                        named=named, login=account.login
                    )
                )
        elif not is_address(account.login) and named.casefold() != account.login.casefold():
            problems.append(
                _("it is labelled for user {named}, not the login {login}").format(
                    named=named, login=account.login
                )
            )
    if seed.issuer:
        issuers = _platforms_named(seed.issuer)
        if issuers and account.platform not in issuers:
            names = and_list(sorted(platforms.display_name(p) for p in issuers))
            problems.append(
                _("it was issued by {issuers}, not {platform}").format(
                    issuers=names, platform=account.platform_name
                )
            )
    return problems


def find_label_mismatches(context: AuditContext) -> Iterator[Finding]:
    """Compare each readable otpauth URI's label and issuer with the account."""
    for account in context.reported_accounts:
        seed = context.seeds.get(account.id)
        if not isinstance(seed, TotpSeed):
            continue
        problems = label_mismatches(account, seed)
        if problems:
            yield CHECK.finding(
                [account.id],
                _(
                    "The authenticator seed stored for {id} looks like another account's: "
                    "{problems}; its codes will not match at sign-in"
                ).format(id=account.id, problems=pgettext("between problems", "; ").join(problems)),
                _(
                    "Find the authenticator entry for {login} on {platform} and store its seed "
                    "with `store-audit set-secret {id} --totp`."
                ).format(login=account.login, platform=account.platform_name, id=account.id),
            )


def _action(facts: ActionFacts) -> str:
    return _("Replace the authenticator seed stored for {who} with its own").format(who=facts.who)


CHECK = Check(
    id="email.totp-label-mismatch",
    severity=Severity.MEDIUM,
    fires_when=N_(
        "the stored otpauth URI names another account or address than this account's login"
    ),
    advice=N_(
        "Store the authenticator seed that belongs to this account; another account's seed gives "
        "codes that never match."
    ),
    run=find_label_mismatches,
    fix=Fix.SEED,
    action=_action,
    informs=WhyStep.CODE,
)
