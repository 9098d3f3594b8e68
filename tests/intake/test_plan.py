"""One login saved several times in a password manager: merged when the copies agree; when they
hold different secrets, the account is proposed without the disputed one (never guessed) and the
plan names the entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.intake.importers.entries import entry
from auditor.intake.plan import ImportPlan, plan_import
from auditor.intake.plan_table import describe_plan
from auditor.inventory import Inventory, parse_inventory
from auditor.secrets import MemoryStore

AMAZON = "https://sellercentral.amazon.com/ap/signin"
PASSWORD = "Amz-canary-Pw-7c41!x"
OTHER_PASSWORD = "Amz-canary-Pw-9d02!y"
SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
OTHER_SEED = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"


def plan(*copies: tuple[str, str]) -> ImportPlan:
    entries = [
        entry(line, "Amazon Seller Central", AMAZON, "ops@acme.test", password, seed)
        for line, (password, seed) in enumerate(copies, start=2)
    ]
    return plan_import(entries, Inventory(Path("inv.toml"), ()), MemoryStore(), keep_unknown=False)


def test_copies_that_agree_become_one_account_with_the_seed_either_holds() -> None:
    result = plan((PASSWORD, ""), (PASSWORD, SEED))
    assert result.skipped == ()
    (proposal,) = result.proposals
    assert (proposal.account_id, proposal.entries, proposal.mfa) == ("amazon-us", (2, 3), "totp")
    assert proposal.totp is not None and proposal.totp.reveal() == SEED


@pytest.mark.parametrize(
    ("copies", "what"),
    [
        (((PASSWORD, SEED), (OTHER_PASSWORD, SEED)), "passwords"),
        (((PASSWORD, SEED), (PASSWORD, ""), (PASSWORD, OTHER_SEED)), "TOTP seeds"),
    ],
)
def test_copies_that_disagree_become_the_account_without_that_secret(
    copies: tuple[tuple[str, str], ...], what: str
) -> None:
    result = plan(*copies)
    assert result.skipped == ()
    (proposal,) = result.proposals
    assert proposal.entries == tuple(range(2, 2 + len(copies)))
    numbers = " and ".join(map(str, proposal.entries))
    assert f"entries {numbers} hold different {what}" in proposal.detail
    if what == "passwords":
        assert proposal.password is None and not proposal.write_password
        assert proposal.totp is not None and proposal.mfa == "totp"  # the copies agree on it
    else:
        assert proposal.totp is None and proposal.mfa == "unknown" and proposal.write_password
    shown = describe_plan(result)
    # any(): a failure message must not print the secret it found
    assert not any(s in shown for s in (PASSWORD, OTHER_PASSWORD, SEED, OTHER_SEED))


@pytest.mark.parametrize(
    ("urls", "account_id", "marketplaces"),
    [
        # one Seller Central login saved for two North American marketplaces: one account
        (("sellercentral.amazon.com", "sellercentral.amazon.ca"), "amazon-na", ("US", "CA")),
        (("sellercentral.amazon.de", "sellercentral.amazon.fr"), "amazon-eu", ("DE", "FR")),
        # one marketplace: named by it; two unified accounts: no unified name is true
        (("sellercentral.amazon.de",), "amazon-de", ()),
        (("sellercentral.amazon.com", "sellercentral.amazon.de"), "amazon-us", ()),
    ],
)
def test_one_login_over_several_marketplaces_of_a_unified_account(
    urls: tuple[str, ...], account_id: str, marketplaces: tuple[str, ...]
) -> None:
    entries = [
        entry(
            line, "Amazon Seller Central", f"https://{url}/ap/signin", "ops@acme.test", PASSWORD, ""
        )
        for line, url in enumerate(urls, start=2)
    ]
    result = plan_import(
        entries, Inventory(Path("inv.toml"), ()), MemoryStore(), keep_unknown=False
    )
    (proposal,) = result.proposals
    assert (proposal.account_id, proposal.marketplaces) == (account_id, marketplaces)


def test_items_that_are_no_login_are_counted_in_words_that_read() -> None:
    # a manager's own type name gets no made-up plural ("Emailss"): it is quoted as written
    counted = (("credit card", 2), ("Emails", 2), ("identity", 1), ("Wallet", 1))
    shown = describe_plan(ImportPlan((), (), counted))
    assert (
        'Not logins, left out: 2 credit cards, 2 items of type "Emails", 1 identity, '
        '1 item of type "Wallet"'
    ) in shown


@pytest.mark.parametrize(
    ("seed", "reason"),
    [
        ("steam://JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "it is a Steam Guard secret (steam://)"),
        (f"otpauth://totp/x?secret={SEED}&digits=9", "the URI's digits= is not 6, 7 or 8"),
        ("1019", "the seed is not valid base32"),
    ],
)
def test_a_seed_add_would_refuse_leaves_an_existing_account_s_2fa_as_recorded(
    seed: str, reason: str
) -> None:
    inventory = parse_inventory(
        b'version = 1\n[[accounts]]\nid = "amazon-us"\nplatform = "amazon"\nregion = "US"\n'
        b'login = "ops@acme.test"\nmfa = "sms"\n',
        Path("inv.toml"),
    )
    store = MemoryStore({("store-audit/amazon-us", "ops@acme.test"): PASSWORD})
    exported = [entry(2, "Amazon", AMAZON, "ops@acme.test", PASSWORD, seed)]
    (proposal,) = plan_import(exported, inventory, store, keep_unknown=False).proposals
    assert (proposal.status, proposal.mfa, proposal.set_mfa) == ("unchanged", "sms", False)
    assert proposal.totp is None and not proposal.write_totp
    assert f"; TOTP seed not imported: {reason}" in proposal.detail
    quoted = seed.removeprefix("steam://") in proposal.detail
    assert not quoted, "the plan quotes the seed"
