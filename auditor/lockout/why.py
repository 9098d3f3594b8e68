"""`store-audit why ID`: "I can't log in to ID". A read-only walk through the causes the seed
article lists, in order (right door, right email, right password, right code, the mailbox behind
it, what store-audit cannot see), using everything the inventory and keyring know, ending in the
most likely cause found. Questions go through `ask`, and every answer is optional.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from auditor.checks import CHECKS, AuditContext, Finding, WhyStep
from auditor.checks.context import one_seller_account
from auditor.inventory import Account, pages
from auditor.inventory.emails import canonical_mailbox
from auditor.inventory.recovery_chain import chain_ends
from auditor.lockout.routes import backup_codes_line, backup_routes
from auditor.lockout.typed import judge_code, password_owners
from auditor.report.signin_map import where_codes_go
from auditor.secrets import Secret

Ask = Callable[[str], str]
"""Ask the seller something (hidden); "" when they skip it or nobody is there to answer."""


@dataclass(frozen=True)
class Step:
    """One question of the walk and what store-audit found."""

    number: int
    """1 to 6, in the order the causes are checked."""
    title: str
    """The question ("Right email?")."""
    lines: tuple[str, ...]
    """What store-audit knows, a sentence a line."""
    cause: str | None = None
    """The lock-out cause this step found, if any."""
    typed: bool = False
    """Whether the cause rests on what the seller typed just now (a password, a code): that
    outranks what the inventory suggests."""


def unified_group(account: Account, context: AuditContext) -> tuple[str, ...]:
    """The other accounts that sign in with this account's identical login to the same unified
    account (Amazon North America or Europe, `platforms.unified_group`), or to one merged global
    account (identical login and stored password, in any region): one sign-in serves them all,
    so they are most likely one seller account recorded once per marketplace."""
    group = account.unified_group
    return tuple(
        a.id
        for a in context.accounts
        if a.id != account.id
        and a.platform == account.platform
        and a.login.casefold() == account.login.casefold()
        and (
            (group is not None and a.unified_group == group)
            or one_seller_account([account, a], context.secrets)
        )
    )


def diagnose(context: AuditContext, account: Account, ask: Ask, now: float) -> Iterator[Step]:
    """The six steps, one at a time (so a question comes after the steps before it show)."""
    findings = _explaining(context, account)
    yield _door(context, account)
    yield _email(context, account, findings[WhyStep.EMAIL])
    yield _password(context, account, ask)
    yield _code(context, account, findings[WhyStep.CODE], ask, now)
    yield _mailbox(context, account, findings[WhyStep.MAILBOX])
    yield _unseen(account)


def _explaining(context: AuditContext, account: Account) -> dict[WhyStep, list[Finding]]:
    """The findings on the account of the checks that inform a step, by step, in catalog order."""
    findings: dict[WhyStep, list[Finding]] = {step: [] for step in WhyStep}
    for check in CHECKS.values():
        if check.informs is not None:
            findings[check.informs] += [f for f in check.run(context) if account.id in f.accounts]
    return findings


def conclusion(steps: list[Step]) -> str:
    """The closing line: the first cause found in what the seller typed, else the first one
    the inventory and keyring show, with any other causes after it; or what is left to check."""
    causes = [s for s in steps if s.cause and s.typed] + [
        s for s in steps if s.cause and not s.typed
    ]
    if causes:
        others = "; ".join(str(s.cause) for s in causes[1:])
        return f"most likely cause: {causes[0].cause}" + (f"; also: {others}" if others else "")
    return (
        "nothing here explains it: the account may be restricted or the site down; see the "
        "platform's pages above"
    )


def _where(account: Account) -> str:
    """The platform and region, as a sentence names them ("Amazon CA")."""
    return f"{account.platform_name} {account.region}" if account.region else account.platform_name


def _door(context: AuditContext, account: Account) -> Step:
    where = _where(account)
    page = pages.sign_in_page(account.platform, account.region)
    if page:
        lines = [f"sign in to {where} at {page.url} (source: {page.source})"]
    else:
        lines = [
            f"store-audit has no sourced sign-in page for {where}: type the address you always "
            "use by hand, and check it is the region this store sells in"
        ]
    group = unified_group(account, context)
    if group:
        lines.append(
            f"{account.id} and {', '.join(group)} sign in with the same login to one "
            + (
                f"unified {account.platform_name} account ({account.unified_group})"
                if all(context.by_id[i].unified_group == account.unified_group for i in group)
                and account.unified_group
                else f"merged {account.platform_name} account (the same stored password)"
            )
            + ": one sign-in serves them"
        )
    return Step(1, "Right door?", tuple(lines))


def _email(context: AuditContext, account: Account, wrong: list[Finding]) -> Step:
    lines = [f"type exactly: {account.login}"]
    mine = canonical_mailbox(account.login).canonical
    elsewhere = []
    for other in context.accounts:
        if other.id == account.id or canonical_mailbox(other.login).canonical != mine:
            continue
        if other.platform != account.platform:
            if other.kind != "mailbox":
                elsewhere.append(other.id)
        elif other.login == account.login:
            lines.append(
                f"{other.id} signs in with the same address: check you are on {_where(account)}'s "
                f"page, not {other.id}'s"
            )
        else:
            lines.append(
                f"{other.id} signs in with {other.login}: don't type that one here, it opens "
                f"{other.id}"
            )
    if elsewhere:
        lines.append(f"the same mailbox also signs in to {', '.join(elsewhere)}")
    lines += [f.message for f in wrong]
    cause = None
    if wrong:
        cause = f"the address on file for {account.id} is not what it seems ({wrong[0].check})"
    return Step(2, "Right email?", tuple(lines), cause)


def _password(context: AuditContext, account: Account, ask: Ask) -> Step:
    if context.secrets.password(account.id) is None:
        lines = (f"no password is stored for {account.id}: store-audit cannot check it",)
        return Step(3, "Right password?", lines)
    typed = ask(f"Password you are typing for {account.id} (Enter to skip)")
    if not typed:
        return Step(3, "Right password?", ("skipped: `store-audit verify-password` checks it",))
    owners = password_owners(Secret(typed), context.accounts, context.secrets)
    if account.id in owners:
        return Step(3, "Right password?", (f"that is the password stored for {account.id}",))
    if owners:
        line = (
            f"that is not the password stored for {account.id}: it is the password of "
            f"{', '.join(owners)}: wrong store or wrong login?"
        )
        return Step(3, "Right password?", (line,), f"the password of {owners[0]}", typed=True)
    line = f"that is not the password stored for {account.id}, nor any other account's"
    return Step(3, "Right password?", (line,), "a password that is not the stored one", typed=True)


def _code(
    context: AuditContext,
    account: Account,
    findings: list[Finding],
    ask: Ask,
    now: float,
) -> Step:
    lines = [_where_codes_go(account), *backup_routes(account)]
    codes = backup_codes_line(account, context.secrets.backup_codes(account.id))
    lines += [codes] if codes else []
    lines += [f.message for f in findings]
    cause = None
    if context.secrets.totp(account.id) is not None:
        code = ask(f"Code your authenticator shows for {account.id} (Enter to skip)")
        if code:
            verdict = judge_code(account, context.accounts, context.secrets, code, now)
            lines.append(verdict.line)
            cause = verdict.cause
    return Step(4, "Right code?", tuple(lines), cause, typed=cause is not None)


def _where_codes_go(account: Account) -> str:
    phone = "".join(ch for ch in account.mfa_phone or "" if ch.isdigit())
    ending = f"the phone ending in {phone[-4:]}" if phone else "a phone (no number recorded)"
    where = {
        "none": "no second step: the password alone signs in",
        "sms": f"codes come by text message to {ending}",
        "voice": f"codes come by phone call to {ending}",
        "email": f"codes come by email to {account.login}",
        "totp": f"codes come from the authenticator app entry for {account.login}",
        "push": "sign-ins are confirmed with a prompt on your phone",
        "security-key": "sign-ins need the security key",
        "passkey": "sign-ins use the passkey on your device",
        "unknown": 'the inventory does not say where its codes go (mfa = "unknown")',
    }
    return where.get(account.mfa, f"second factor: {account.mfa}")


def _mailbox(context: AuditContext, account: Account, findings: list[Finding]) -> Step:
    lines = []
    for field, address in account.addresses:
        mailbox = context.mailbox_account_for(address)
        if mailbox is None:
            lines.append(f"{field} mailbox {address} is not in the inventory")
        elif mailbox.id != account.id:
            codes = where_codes_go(mailbox)
            lines.append(f"{field} mailbox {address} is {mailbox.id} (its second step: {codes})")
    ends = chain_ends(context.inventory, context.mailbox_account_for, account)
    lines += [f"{end.text}: that is {end.detail}" for end in ends]
    lines += [f.message for f in findings]
    cause = None
    if ends and ends[0].problem == "phone":
        cause = f"one lost phone locks {account.id} and its way back in ({ends[0].text})"
    return Step(
        5, "Locked out of the mailbox too?", tuple(lines) or ("no mailbox to follow",), cause
    )


def _unseen(account: Account) -> Step:
    lines = []
    for topic, words in pages.TOPICS.items():
        if topic in ("passkeys", "mfa_recovery"):
            continue
        page = pages.topic_page(account.platform, topic)
        if page:
            lines.append(f"{words}: {page.url} (source: {page.source})")
    if not lines:
        lines.append(
            f"store-audit has no sourced pages for {account.platform_name}: check the "
            "platform's notices by email and its help centre for a restriction, an outage or a "
            "blocked device or network"
        )
    lines.insert(
        0,
        "an account frozen or restricted, a site outage or maintenance, or an IP or "
        "device block are invisible from here:",
    )
    return Step(6, "Something store-audit cannot see?", tuple(lines))


def why_json(account_id: str, steps: list[Step], closing: str) -> str:
    """The walk as JSON (`store-audit/why/1`), for scripts."""
    import json

    from auditor.i18n import current

    return json.dumps(
        {
            "schema": "store-audit/why/1",
            "account": account_id,
            "steps": [
                {"number": s.number, "title": s.title, "lines": list(s.lines), "cause": s.cause}
                for s in steps
            ],
            "conclusion": closing,
            "lang": current(),
        },
        ensure_ascii=False,
        indent=2,
    )
