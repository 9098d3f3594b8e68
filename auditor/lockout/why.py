"""`store-audit why ID`: "I can't log in to ID". A read-only walk through the causes the seed
article lists, in order (right door, right email, right password, right code, the mailbox behind
it, what store-audit cannot see), using everything the inventory and keyring know, ending in the
most likely cause found. Questions go through `ask`, and every answer is optional.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from auditor.checks import CHECKS, AuditContext, Finding, WhyStep
from auditor.i18n import _, and_list, listed
from auditor.inventory import Account, pages
from auditor.inventory.emails import canonical_mailbox
from auditor.inventory.recovery_chain import chain_ends
from auditor.lockout.routes import backup_codes_line, backup_routes
from auditor.lockout.typed import judge_code, password_owners
from auditor.lockout.why_facts import MAILBOX_LINES, where_codes_go_in_words
from auditor.lockout.why_facts import unified_group as unified_group  # tests import it from here
from auditor.lockout.why_steps import Step as Step  # the CLI and tests import them from here
from auditor.lockout.why_steps import conclusion as conclusion
from auditor.lockout.why_steps import why_json as why_json
from auditor.report.signin_map import where_codes_go
from auditor.secrets import Secret

Ask = Callable[[str], str]
"""Ask the seller something (hidden); "" when they skip it or nobody is there to answer."""


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


def _where(account: Account) -> str:
    """The platform and region, as a sentence names them ("Amazon CA")."""
    return account.place


def _door(context: AuditContext, account: Account) -> Step:
    where = _where(account)
    page = pages.sign_in_page(account.platform, account.region)
    if page:
        lines = [
            _("sign in to {where} at {url} (source: {source})").format(
                where=where, url=page.url, source=page.source
            )
        ]
    else:
        store = account.kind == "store"
        lines = [
            _(
                "store-audit has no sourced sign-in page for {where}: type the address you "
                "always use by hand, and check it is the region this store sells in"
            ).format(where=where)
            if store
            else _(
                "store-audit has no sourced sign-in page for {where}: type the address you "
                "always use by hand"
            ).format(where=where)
        ]
    group = unified_group(account, context)
    if group:
        lines.append(
            (
                _(
                    "{id} and {others} sign in with the same login to one unified {platform} "
                    "account ({group}): one sign-in serves them"
                )
                if all(context.by_id[i].unified_group == account.unified_group for i in group)
                and account.unified_group
                else _(
                    "{id} and {others} sign in with the same login to one merged {platform} "
                    "account (the same stored password): one sign-in serves them"
                )
            ).format(
                id=account.id,
                others=listed(group),
                platform=account.platform_name,
                group=account.unified_group,
            )
        )
    return Step(1, _("Right door?"), tuple(lines))


def _email(context: AuditContext, account: Account, wrong: list[Finding]) -> Step:
    lines = [_("type exactly: {login}").format(login=account.login)]
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
                _(
                    "{other} signs in with the same address: check you are on {where}'s page, "
                    "not {other}'s"
                ).format(other=other.id, where=_where(account))
            )
        else:
            lines.append(
                _(
                    "{other} signs in with {login}: don't type that one here, it opens {other}"
                ).format(other=other.id, login=other.login)
            )
    if elsewhere:
        lines.append(
            _("the same mailbox also signs in to {accounts}").format(accounts=and_list(elsewhere))
        )
    lines += [f.message for f in wrong]
    cause = None
    if wrong:
        cause = _("the address on file for {id} is not what it seems ({check})").format(
            id=account.id, check=wrong[0].check
        )
    return Step(2, _("Right email?"), tuple(lines), cause)


def _password(context: AuditContext, account: Account, ask: Ask) -> Step:
    title = _("Right password?")
    if context.secrets.password(account.id) is None:
        lines = (
            _("no password is stored for {id}: store-audit cannot check it").format(id=account.id),
        )
        return Step(3, title, lines)
    typed = ask(_("Password you are typing for {id} (Enter to skip)").format(id=account.id))
    if not typed:
        return Step(3, title, (_("skipped: `store-audit verify-password` checks it"),))
    owners = password_owners(Secret(typed), context.accounts, context.secrets)
    if account.id in owners:
        return Step(3, title, (_("that is the password stored for {id}").format(id=account.id),))
    if owners:
        line = _(
            "that is not the password stored for {id}: it is the password of {owners}: wrong "
            "store or wrong login?"
        ).format(id=account.id, owners=and_list(owners))
        cause = _("the password of {owner}").format(owner=owners[0])
        return Step(3, title, (line,), cause, typed=True)
    line = _("that is not the password stored for {id}, nor any other account's").format(
        id=account.id
    )
    return Step(3, title, (line,), _("a password that is not the stored one"), typed=True)


def _code(
    context: AuditContext,
    account: Account,
    findings: list[Finding],
    ask: Ask,
    now: float,
) -> Step:
    lines = [where_codes_go_in_words(account), *backup_routes(account)]
    codes = backup_codes_line(account, context.secrets.backup_codes(account.id))
    lines += [codes] if codes else []
    lines += [f.message for f in findings]
    cause = None
    if context.secrets.totp(account.id) is not None:
        code = ask(
            _("Code your authenticator shows for {id} (Enter to skip)").format(id=account.id)
        )
        if code:
            verdict = judge_code(account, context.accounts, context.secrets, code, now)
            lines.append(verdict.line)
            cause = verdict.cause
    return Step(4, _("Right code?"), tuple(lines), cause, typed=cause is not None)


def _mailbox(context: AuditContext, account: Account, findings: list[Finding]) -> Step:
    lines = []
    for field, address in account.addresses:
        mailbox = context.mailbox_account_for(address)
        outside, inside = MAILBOX_LINES[field == "login"]
        if mailbox is None:
            lines.append(_(outside).format(address=address))
        elif mailbox.id != account.id:
            codes = where_codes_go(mailbox)
            lines.append(_(inside).format(address=address, id=mailbox.id, codes=codes))
    ends = chain_ends(context.inventory, context.mailbox_account_for, account)
    lines += [
        _("{chain}: that is {detail}").format(chain=end.text, detail=end.detail) for end in ends
    ]
    lines += [f.message for f in findings]
    cause = None
    if ends and ends[0].problem == "phone":
        cause = _("one lost phone locks {id} and its way back in ({chain})").format(
            id=account.id, chain=ends[0].text
        )
    return Step(
        5, _("Locked out of the mailbox too?"), tuple(lines) or (_("no mailbox to follow"),), cause
    )


def _unseen(account: Account) -> Step:
    lines = []
    listed = False
    for topic, words in pages.TOPICS.items():
        if topic in ("passkeys", "mfa_recovery"):
            continue
        page = pages.topic_page(account.platform, topic, account.region)
        if page:
            listed = True
            lines.append(
                _("{topic}: {url} (source: {source})").format(
                    topic=_(words), url=page.url, source=page.source
                )
            )
        elif pages.regional_topic(account.platform, topic):
            lines.append(
                _(
                    "{topic}: store-audit has no sourced page for {where}: open it from "
                    "{platform}'s own site for that region"
                ).format(topic=_(words), where=_where(account), platform=account.platform_name)
            )
    if not lines:
        lines.append(
            _(
                "store-audit has no sourced pages for {platform}: check the platform's notices "
                "by email and its help centre for a restriction, an outage or a blocked device "
                "or network"
            ).format(platform=account.platform_name)
        )
    lines.insert(
        0,
        _(
            "an account frozen or restricted, a site outage or maintenance, or an IP or device "
            "block are invisible from here:"
        ),
    )
    return Step(6, _("Something store-audit cannot see?"), tuple(lines), pages=listed)
