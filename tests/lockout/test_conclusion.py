"""`why`'s closing line: what the seller just typed (a password, a code) outranks what the
inventory suggests, and the other causes found are still named after it."""

from __future__ import annotations

from auditor.lockout.why import Step, conclusion

ADDRESS = Step(2, "Right email?", ("…",), "the address on file for etsy is not what it seems")
PASSWORD = Step(3, "Right password?", ("…",), "the password of amazon-us", typed=True)
PHONE = Step(5, "Locked out of the mailbox too?", ("…",), "one lost phone locks etsy")


def test_a_typed_password_of_another_account_comes_first() -> None:
    assert conclusion([ADDRESS, PASSWORD, PHONE]) == (
        "most likely cause: the password of amazon-us; also: the address on file for etsy is "
        "not what it seems; one lost phone locks etsy"
    )


def test_without_a_typed_cause_the_first_step_s_cause_leads() -> None:
    assert conclusion([ADDRESS, PHONE]) == (
        "most likely cause: the address on file for etsy is not what it seems; also: one lost "
        "phone locks etsy"
    )


def test_no_cause_says_what_is_left_to_check() -> None:
    assert conclusion([Step(1, "Right door?", ("…",))]).startswith("nothing here explains it")


def test_no_cause_points_back_to_pages_only_when_some_were_listed() -> None:
    # `why pingpong`: store-audit has no sourced page for it, so "see the pages above" would
    # send the seller looking for a list that is not there
    none_listed = Step(6, "Something store-audit cannot see?", ("…",))
    listed = Step(6, "Something store-audit cannot see?", ("…",), pages=True)
    assert "pages above" not in conclusion([none_listed])
    assert "help centre" in conclusion([none_listed])
    assert conclusion([listed]).endswith("see the platform's pages above")


def test_why_for_a_platform_without_sourced_pages_lists_none_and_points_to_none() -> None:
    from auditor.lockout.why import _unseen
    from tests.helpers import account

    assert not _unseen(account("pp", platform="pingpong")).pages
    assert _unseen(account("amazon-us", platform="amazon", region="US")).pages
