"""What a check is: one `Check` record per check module, holding what users read about it (the
catalog: `store-audit checks`, SARIF rules), the function that runs it, and the fix its findings
belong to, which is how the checklist folds findings into actions.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditor.findings import Finding, join_names
from auditor.i18n import _, tidy
from auditor.inventory import Account
from auditor.vocabulary import Severity

if TYPE_CHECKING:
    from auditor.checks.context import AuditContext

CheckFunction = Callable[["AuditContext"], Iterator[Finding]]
"""A check: reads the context, yields findings with unique keys."""


class Fix(enum.Enum):
    """What a person does about a finding. The checklist makes one action of the findings that
    share a fix on the same accounts."""

    PASSWORD = "password"  # noqa: S105 (the name of a fix, not a secret)
    """Change passwords; accounts linked by reuse or similarity are changed together, since
    changing one of them alone leaves the habit in place."""
    MFA = "mfa"
    """Change an account's 2FA setting: one action per account."""
    SEED = "seed"
    """Re-enrol an account's authenticator: one action per account."""
    OWN = "own"
    """An action of its own for each finding."""
    RECORD = "record"
    """Record in the inventory what it does not say yet: one action for every finding of the
    check, whichever accounts they are on (one sitting, one command per account)."""
    MAILBOX = "mailbox"
    """Secure a mailbox that others depend on: the finding joins the actions that fix what
    weakens the mailbox (see `Check.weakens_mailbox`), or gets its own when those are
    suppressed."""


@dataclass(frozen=True)
class ActionFacts:
    """What an action's wording may use: the accounts acted on and the findings it resolves."""

    ids: tuple[str, ...]
    """The accounts the person acts on, sorted."""
    accounts: Mapping[str, Account]
    """Every inventory account, by id."""
    findings: tuple[Finding, ...]
    """The findings of this fix folded into the action."""
    focus: str | None = None
    """The account the advice is aimed at (`onboard`'s account): where an action could move
    any of several accounts, it moves this one."""
    same_password: bool = False
    """Whether a finding folded in means these accounts share the very same password
    (`Check.same_password`), not variants of one."""

    @property
    def focused(self) -> str | None:
        """The focus, when it is one of the accounts acted on."""
        return self.focus if self.focus in self.ids else None

    @property
    def first(self) -> str:
        """The first account acted on."""
        return self.ids[0] if self.ids else ""

    @property
    def subject(self) -> str:
        """The mailbox or phone the findings are about, if any."""
        return next((f.subject for f in self.findings if f.subject), "")

    def describe(self, account_id: str) -> str:
        """An account as an action names it: a mailbox by its address, others by id."""
        account = self.accounts.get(account_id)
        if account is None:
            return account_id
        if account.kind == "mailbox":
            return _("the {platform} mailbox {login}").format(
                platform=account.platform_name, login=account.login
            )
        return _("{id} ({platform})").format(id=account.id, platform=account.platform_name)

    @property
    def who(self) -> str:
        """The first account acted on, described."""
        return self.describe(self.first)


class WhyStep(enum.Enum):
    """The steps of `store-audit why` that show the findings of checks on the account asked
    about; a check names the one it informs (`Check.informs`)."""

    EMAIL = "email"
    """Right email? The address on file is not what it seems."""
    CODE = "code"
    """Right code? The stored seed cannot make the codes the platform expects."""
    MAILBOX = "mailbox"
    """Locked out of the mailbox too? The mailbox behind the account is weak."""


ActionText = Callable[[ActionFacts], str]
"""The action as a person would write it on a to-do list."""


def change_passwords(facts: ActionFacts) -> str:
    """The one action every password habit (reuse, similarity, weakness...) folds into."""
    if len(facts.ids) == 1:
        return _("Change the password of {who} to a unique generated one").format(who=facts.who)
    if facts.focused:
        others = join_names(i for i in facts.ids if i != facts.focused)
        reused = facts.same_password
        text = (
            _("Give {account} its own generated password (it has the same password as {others})")
            if reused
            else _(
                "Give {account} its own generated password (it has a variant of {others}'s "
                "password)"
            )
        )
        return text.format(account=facts.focused, others=others)
    mailboxes = [
        i for i in facts.ids if i in facts.accounts and facts.accounts[i].kind == "mailbox"
    ]
    if mailboxes:
        return _(
            "Give {accounts} each their own generated password, starting with {mailboxes}"
        ).format(accounts=join_names(facts.ids), mailboxes=join_names(mailboxes))
    return _("Give {accounts} each their own generated password").format(
        accounts=join_names(facts.ids)
    )


@dataclass(frozen=True)
class Check:
    """One check: its catalog entry, the code that runs it, and how its findings are fixed."""

    id: str
    """Stable id, such as `password.reused`; users write it in `ignore` entries."""
    severity: Severity
    """Default severity; context can raise it (see `severity_note`)."""
    fires_when: str
    """One sentence: what makes it fire."""
    advice: str
    """What to do about it, for help texts (SARIF rules, HTML)."""
    run: CheckFunction
    """The function that finds it."""
    fix: Fix
    """The kind of action its findings fold into."""
    action: ActionText
    """The action's wording when this check's finding is the most severe one in it."""
    severity_note: str = ""
    """When the severity is raised above the default."""
    across_accounts: bool = False
    """Whether it compares accounts with each other (reuse, shared mailboxes) rather than
    judging one account alone; JUnit reports these as inventory-wide test cases."""
    needs: str = ""
    """What it needs beyond the inventory and keyring, when it cannot always run."""
    weakens_mailbox: bool = False
    """Whether its finding on a mailbox is what recovery.weak-link reports (the mailbox is easy
    to take over), so the action that fixes it also resolves the weak link."""
    same_password: bool = False
    """Whether its findings mean accounts share the very same password: a password action
    that folds one in says "the same password as", not "a variant of"."""
    needs_strength: bool = False
    """Whether it waits for password scores; the engine runs these last, so the other checks
    run while worker processes score."""

    informs: WhyStep | None = None
    """The step of `store-audit why` its findings on the account asked about explain, if any."""

    def finding(
        self,
        accounts: Iterable[str],
        message: str,
        remediation: str,
        subject: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this check, its accounts sorted and deduplicated as keys require, at
        the check's default severity unless `severity` says what the context makes it."""
        return Finding(
            self.id,
            self.severity if severity is None else severity,
            tuple(sorted(set(accounts))),
            tidy(message),
            tidy(remediation),
            subject,
        )
