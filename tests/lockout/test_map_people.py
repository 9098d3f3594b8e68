"""`map` and the HTML report show people: who can get into which account, how, and whose the
code phones are."""

from __future__ import annotations

import datetime as dt
import json

from auditor.checks import AuditContext
from auditor.demo import demo_inventory_path
from auditor.inventory import load_inventory
from auditor.lockout import MAP_FORMATS
from auditor.report.signin_map import build_map
from auditor.secrets import SecretView
from tests.test_golden import example

TODAY = dt.date(2026, 11, 27)


def example_map() -> dict[str, object]:
    inventory = load_inventory(demo_inventory_path())
    signin = build_map(AuditContext(inventory, SecretView({}), TODAY))
    loaded: dict[str, object] = json.loads(MAP_FORMATS["json"](signin))
    return loaded


def test_map_json_lists_each_person_with_how_they_get_in() -> None:
    people = {p["id"]: p for p in example_map()["people"]}  # type: ignore[attr-defined]
    agency = people["shenzhen-agency"]
    assert agency["left"] == "left 2026-10-20"
    assert agency["reaches"] == [
        {"account": "outlook-ops", "how": ["primary login"]},
        {"account": "ebay", "how": ["primary login", "holds the codes"]},
        {"account": "payoneer", "how": ["own sub-user"]},
    ]
    assert people["li-wei"]["reaches"] == [
        {"account": "amazon-na", "how": ["own sub-user"]},
        {"account": "walmart", "how": ["own sub-user", "code phone"]},
    ]
    assert people["li-wei"]["phones"] == ["+1 555 010 0199"]
    phones = {p["phone"]: p for p in example_map()["phones"]}  # type: ignore[attr-defined]
    assert phones["+1 555 010 0199"]["held_by"] == "li-wei, prepaid"


def test_map_table_and_html_show_the_people() -> None:
    inventory = load_inventory(demo_inventory_path())
    table = MAP_FORMATS["table"](build_map(AuditContext(inventory, SecretView({}), TODAY)))
    assert "People:" in table and "maria            virtual-assistant" in table
    html = example(baseline=False)
    from auditor.report import FORMATS

    page = FORMATS["html"](html)
    assert "<h3>People</h3>" in page
    assert "<strong>maria</strong> (virtual-assistant)<br>gets into: amazon-na (primary login)" in (
        page
    )
    assert "(held by li-wei, prepaid)" in page
