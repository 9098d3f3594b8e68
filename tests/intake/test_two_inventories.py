"""Two inventories on one keyring stay apart (issue 23, item 9): an import into one never takes
over the keyring entries of an account another inventory names; `add` and `rename` stop with a
message that says why."""

from __future__ import annotations

from pathlib import Path

from auditor.errors import ExitCode
from auditor.inventory import load_inventory
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring

EXPORT = "name,url,username,password,note\nShop,https://admin.shopify.com,{login},{password},\n"


def _import(folder: Path, password: str, *extra: str) -> tuple[Path, str, int]:
    folder.mkdir()
    export = folder / "export.csv"
    export.write_text(EXPORT.format(login="owner@acme.test", password=password))
    inventory = folder / "store-audit.toml"
    result = invoke("import", export, "--from", "chrome", "--inventory", inventory, *extra)
    return inventory, result.stdout + result.stderr, result.exit_code


def test_an_import_into_a_second_inventory_never_takes_over_the_first_ones_entries(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    first, _, code = _import(tmp_path / "client-a", "Aa-pw-5#kQz!vL2r")
    assert code == ExitCode.OK
    (shop,) = load_inventory(first).accounts
    assert memory_keyring.entries[shop.service, shop.login] == "Aa-pw-5#kQz!vL2r"

    plan_only, out, code = _import(tmp_path / "client-b", "Bb-pw-9@wTq!mX4s", "--dry-run")
    assert code == ExitCode.OK, out
    assert "replaces the password" not in out
    said = " ".join(out.split())  # the plan table wraps its last column
    assert f"the keyring already holds other secrets under '{shop.service}'" in said
    assert not plan_only.exists()

    second = tmp_path / "client-b" / "store-audit.toml"
    result = invoke(
        "import", tmp_path / "client-b" / "export.csv", "--from", "chrome", "--inventory", second
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    (other,) = load_inventory(second).accounts
    assert other.id != shop.id and other.service != shop.service
    assert memory_keyring.entries[shop.service, shop.login] == "Aa-pw-5#kQz!vL2r"
    assert memory_keyring.entries[other.service, other.login] == "Bb-pw-9@wTq!mX4s"


def test_the_same_secret_under_a_left_over_entry_is_adopted_not_duplicated(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.entries["store-audit/shopify", "owner@acme.test"] = "Aa-pw-5#kQz!vL2r"
    inventory, out, code = _import(tmp_path / "again", "Aa-pw-5#kQz!vL2r")
    assert code == ExitCode.OK, out
    assert [a.id for a in load_inventory(inventory).accounts] == ["shopify"]


def test_add_onto_another_inventorys_entry_stops_and_says_why(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.entries["store-audit/shop", "owner@acme.test"] = "Aa-pw-5#kQz!vL2r"
    inventory = tmp_path / "store-audit.toml"
    result = invoke(
        *"add shop --platform shopify --login owner@acme.test --mfa totp".split(),
        "--inventory",
        inventory,
        "--password-stdin",
        input="Bb-pw-9@wTq!mX4s\n",
    )
    assert result.exit_code == ExitCode.USAGE
    assert "no account of" in result.stderr and "another inventory" in result.stderr
    assert memory_keyring.entries["store-audit/shop", "owner@acme.test"] == "Aa-pw-5#kQz!vL2r"
    assert not inventory.exists()
