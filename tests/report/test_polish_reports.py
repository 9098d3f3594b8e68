"""Reports say what was used (issue 23, polish): the demo's breach findings name its stand-in,
every human format says which breach list was searched, HTML sign-in pages are links, and a
unified Amazon account is named by all its marketplaces, not the first one's."""

from __future__ import annotations

from auditor.report import FORMATS
from tests.helpers import account
from tests.test_examples import example_report


def test_the_demo_names_its_breach_list_and_every_format_says_which_was_used() -> None:
    report = example_report()
    breached = [f for f in report.findings if f.check == "password.breached"]
    assert breached
    for item in breached:
        assert "the demo's built-in breach list" in item.message
        assert "in the Pwned Passwords corpus of" not in item.message
    for name in ("table", "markdown", "html"):
        text = " ".join(FORMATS[name](report).split())
        assert "Breached passwords: looked up in built-in demo breach list" in text, name


def test_html_sign_in_pages_are_links() -> None:
    page = FORMATS["html"](example_report())
    assert (
        '<a href="https://sellercentral.amazon.com" rel="noopener noreferrer">'
        "<code>https://sellercentral.amazon.com</code></a>"
    ) in page


def test_a_unified_account_is_named_by_all_its_marketplaces() -> None:
    na = account("amazon-na", platform="amazon", region="US", marketplaces=("US", "CA"))
    assert na.place == "Amazon US, CA"
    assert account("amazon-ca", platform="amazon", region="CA").place == "Amazon CA"
    assert account("box", platform="gmail").place == "Gmail"
