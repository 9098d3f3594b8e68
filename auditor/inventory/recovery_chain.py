"""Following an account's way back in to its end: its login and recovery mailboxes, their own
recovery mailboxes, and so on, through the mailboxes the inventory holds. The chain can end where
the seller cannot follow it: a misspelt domain, a mailbox nobody audits, or the very phone that
already receives the account's codes. `recovery.unreachable` reports those ends; `why` and `map`
show the chains.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from auditor.i18n import _
from auditor.inventory.emails import address_problem, is_address
from auditor.inventory.model import Account, Inventory
from auditor.inventory.phone_numbers import phone_key
from auditor.inventory.spelling import address_lookalikes, typo_of

MAX_DEPTH = 8
"""Mailboxes followed at most; real chains are two or three long."""
PHONE_CODES = ("sms", "voice")
"""Second factors that go to a phone number."""


@dataclass(frozen=True)
class ChainEnd:
    """Where an account's recovery chain ends badly."""

    problem: str
    """"phone" (the account's own code phone), "typo" (a misspelt domain) or "outside" (a
    mailbox not in the inventory)."""
    steps: tuple[str, ...]
    """The chain as written: the account id, each address followed, the end."""
    mailboxes: tuple[str, ...]
    """The inventory mailboxes on the way, in order."""
    detail: str
    """What is wrong with the end, in words."""

    @property
    def text(self) -> str:
        """`amazon-ca → a@gmail.com → b@outlook.com → +1 555 …`."""
        return " → ".join(self.steps)


_RANK = {"phone": 0, "typo": 1, "outside": 2}


MailboxFor = Callable[[str | None], Account | None]
"""The inventory's mailbox account an address delivers to, if any."""


def chain_ends(inventory: Inventory, mailbox_for: MailboxFor, account: Account) -> list[ChainEnd]:
    """The bad ends of the account's chain through at least one inventory mailbox, most serious
    and shortest first. Cycles stop where they close; chains stop after MAX_DEPTH mailboxes."""
    seller = frozenset(inventory.seller.domains)
    found: list[ChainEnd] = []
    seen = {account.id}
    queue: deque[tuple[str, tuple[str, ...], tuple[Account, ...]]] = deque(
        (address, (account.id,), ()) for _field, address in account.addresses
    )
    while queue:
        address, steps, boxes = queue.popleft()
        ids = tuple(box.id for box in boxes)
        if boxes and (target := typo_of(address, seller)):
            detail = _(
                "a near miss of {target}: mail sent there reaches a stranger or nobody"
            ).format(target=target)
            found.append(ChainEnd("typo", (*steps, address), ids, detail))
            continue
        mailbox = mailbox_for(address)
        if mailbox is None:
            if boxes and _outside_mailbox(address, seller):
                detail = _(
                    "a mailbox not in the inventory: whether you can still get in is unknown"
                )
                found.append(ChainEnd("outside", (*steps, address), ids, detail))
            continue
        if mailbox.id in seen or len(boxes) >= MAX_DEPTH:
            continue
        seen.add(mailbox.id)
        chain = (*steps, mailbox.login)
        if _same_phone(account, mailbox):
            detail = _("the phone that receives the codes of {id} and of {mailbox}").format(
                id=account.id, mailbox=mailbox.id
            )
            found.append(
                ChainEnd("phone", (*chain, str(mailbox.mfa_phone)), (*ids, mailbox.id), detail)
            )
        if mailbox.recovery_email:
            queue.append((mailbox.recovery_email, chain, (*boxes, mailbox)))
    return sorted(found, key=lambda end: (_RANK[end.problem], len(end.steps)))


def _same_phone(account: Account, mailbox: Account) -> bool:
    if account.mfa not in PHONE_CODES or mailbox.mfa not in PHONE_CODES:
        return False
    if not account.mfa_phone or not mailbox.mfa_phone:
        return False
    return phone_key(account.mfa_phone) == phone_key(mailbox.mfa_phone)


def _outside_mailbox(address: str, seller: frozenset[str]) -> bool:
    # a malformed or look-alike address is email.invalid's or email.lookalike's to report
    return (
        is_address(address)
        and not address_problem(address)
        and not address_lookalikes(address)
        and not typo_of(address, seller)
    )
