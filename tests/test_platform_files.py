"""Files and consoles as a seller's Windows PC has them: an inventory saved by Notepad (a
byte-order mark, CRLF line ends) is read and written back with its line ends; one saved as
UTF-16 or in the code page is one line saying to save it as UTF-8; paths with Chinese characters
and spaces work; a console whose code page lacks a character gets an escape for it, not a crash.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.errors import ExitCode
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring

NOTEPAD = (
    '\ufeffversion = 1\r\n\r\n[[accounts]]\r\nid = "shop"  # the first store\r\n'
    'platform = "shopify"\r\nlogin = "o@acme.test"\r\nmfa = "none"\r\nstore = "家居店"\r\n'
)


def test_a_notepad_inventory_keeps_its_crlf_when_set_writes_it(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_bytes(NOTEPAD.encode("utf-8"))
    result = invoke("set", "shop", "mfa=sms", "store=新店 2", "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    written = inventory.read_bytes().decode("utf-8")
    assert written.count("\r\n") == written.count("\n") == NOTEPAD.count("\n")
    assert '\r\nstore = "新店 2"\r\n' in written and '"shop"  # the first store\r\n' in written


@pytest.mark.parametrize(
    "data, said",
    [
        (NOTEPAD.encode("utf-16"), "UTF-16 text"),
        (NOTEPAD.removeprefix("\ufeff").encode("gbk"), "not UTF-8 text (byte 129)"),
    ],
    ids=["utf-16", "gbk"],
)
def test_an_inventory_not_in_utf8_is_one_line_saying_to_save_it_so(
    tmp_path: Path, memory_keyring: MemoryKeyring, data: bytes, said: str
) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_bytes(data)
    result = invoke("audit", "--inventory", inventory)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines() == [
        f"store-audit: error: {inventory}: {said}",
        "hint: an inventory is UTF-8 (TOML): save it as UTF-8 (Notepad: Save as, Encoding)",
    ]


def test_an_inventory_under_chinese_names_and_spaces_works(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = tmp_path / "店铺 资料" / "Acme Home"
    folder.mkdir(parents=True)
    inventory = folder / "store audit 清单.toml"
    added = invoke(
        *("add", "amazon-us", "--platform", "amazon", "--login", "ops@acme.test"),
        *("--mfa", "sms", "--store", "亚马逊美国站", "--password-stdin"),
        *("--inventory", inventory),
        input="Zh-Amazon-Us-21!xQ\n\n",
    )
    assert added.exit_code == ExitCode.OK, added.stderr
    assert invoke("set", "amazon-us", "region=US", "--inventory", inventory).exit_code == 0
    report = folder / "报告 1.html"
    audit = invoke(
        "audit", "--inventory", inventory, "--format", "html", "--output", report,
        "--fail-on", "never",
    )  # fmt: skip
    assert audit.exit_code == ExitCode.OK, audit.stderr
    html = report.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in html and "亚马逊美国站" in html
    assert str(inventory) in invoke("doctor", "--inventory", inventory).stdout
    # the lock file beside it and no journal left
    assert sorted(p.name for p in folder.iterdir()) == [
        ".store audit 清单.toml.lock",
        "store audit 清单.toml",
        "报告 1.html",
    ]


def test_a_gbk_console_shows_chinese_and_escapes_what_it_cannot_show(tmp_path: Path) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(NOTEPAD.removeprefix("\ufeff"), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "auditor",
            "set",
            "shop",
            "store=家居店 🛒",
            "--inventory",
            inventory,
        ],
        env={**os.environ, "PYTHONIOENCODING": "gbk"},  # what a console on code page 936 takes
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == ExitCode.OK, result.stderr
    shown = result.stdout.decode("gbk")  # every byte is GBK: nothing a console would garble
    assert 'shop: store = "家居店 \\U0001f6d2" (was "家居店")' in shown.splitlines()
    assert 'store = "家居店 🛒"' in inventory.read_text(encoding="utf-8")
