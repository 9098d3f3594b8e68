"""Exports as a Windows machine saves them: a Chrome export opened in Excel or Notepad and saved
again as GBK (a Chinese PC's code page), GB18030, UTF-8 with a byte-order mark, UTF-16 LE or BE,
with CRLF line ends. Each imports exactly as the UTF-8 original does (the same plan, inventory and
keyring entries); a file that is none of them is one line naming it, never a misread name."""

from __future__ import annotations

import io
from pathlib import Path

import keyring as keyring_module
import pytest

from auditor.errors import ExitCode
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring

ORIGINAL = """\
name,url,username,password,note
亚马逊美国站,https://sellercentral.amazon.com/ap/signin,ops+us@acme.test,Zh-Amazon-Us-21!,
亚马逊德国站,https://sellercentral.amazon.de/ap/signin,ops+de@acme.test,Zh-Amazon-De-22!,店铺二
易贝英国,https://signin.ebay.co.uk/,ebay@acme.test,Zh-Ebay-Uk-23!,
"""

LATIN = """\
name,url,username,password,note
Boutique Café Nîmes,https://sellercentral.amazon.fr/ap/signin,ops+fr@acme.test,Fr-Amazon-31!,
"""

SAVED_AS = {
    "gbk": lambda text: text.encode("gbk"),
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-8 with BOM": lambda text: text.encode("utf-8-sig"),
    "utf-16 LE with BOM": lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    "utf-8": lambda text: text.encode("utf-8"),
}


def imported(tmp_path: Path, export: Path, *options: str) -> tuple[str, str, str, dict[str, str]]:
    """A dry run's plan, then the import's stderr, inventory and keyring, in a folder of their
    own (so that every variant's inventory path, and thus its messages, are the same)."""
    keyring = MemoryKeyring()
    previous = keyring_module.get_keyring()
    keyring_module.set_keyring(keyring)
    try:
        inventory = tmp_path / "store-audit.toml"
        args: tuple[str | Path, ...] = (
            *("import", export, "--from", "chrome", "--inventory", inventory),
            *options,
        )
        plan = invoke(*args, "--dry-run")
        assert plan.exit_code == ExitCode.OK, plan.stderr
        result = invoke(*args)
        assert result.exit_code == ExitCode.OK, result.stderr
    finally:
        keyring_module.set_keyring(previous)
    entries = {f"{service} {user}": value for (service, user), value in keyring.entries.items()}
    return plan.stdout, result.stderr, inventory.read_text(encoding="utf-8"), entries


def write(folder: Path, data: bytes) -> Path:
    folder.mkdir()
    path = folder / "export.csv"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("line_end", ["\n", "\r\n"], ids=["LF", "CRLF"])
@pytest.mark.parametrize("encoding", list(SAVED_AS))
def test_an_export_saved_on_windows_imports_as_the_utf8_original(
    tmp_path: Path, encoding: str, line_end: str
) -> None:
    original = write(tmp_path / "original", ORIGINAL.encode("utf-8"))
    plan, _, inventory, entries = imported(tmp_path / "original", original)
    assert 'store = "亚马逊德国站"' in inventory
    saved = write(tmp_path / "saved", SAVED_AS[encoding](ORIGINAL.replace("\n", line_end)))
    same = imported(tmp_path / "saved", saved)
    assert (same[0], same[2]) == (plan, inventory)
    assert same[3] == entries  # the same passwords under the same names (compared, never shown)
    guessed = encoding in ("gbk", "gb18030")
    assert ("read as GB18030" in same[1]) == guessed, same[1]


def test_a_character_gbk_lacks_comes_through_gb18030(tmp_path: Path) -> None:
    text = ORIGINAL.replace("易贝英国", "𠮷野家 UK")  # U+20BB7: in GB18030, not in GBK
    _, _, inventory, _ = imported(tmp_path, write(tmp_path / "x", text.encode("gb18030")))
    assert 'store = "𠮷野家 UK"' in inventory


def test_a_latin_1_file_that_is_not_gb18030_is_one_line(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    export = write(tmp_path / "x", LATIN.encode("latin-1"))
    inventory = tmp_path / "store-audit.toml"
    result = invoke("import", export, "--from", "chrome", "--inventory", inventory)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines() == [
        f"store-audit: error: {export}: neither UTF-8 nor GB18030 text (byte 44); pass the "
        "encoding it was saved in",
        "hint: --encoding cp1252 (Western Windows), shift_jis, big5, utf-16 ...",
    ]
    assert not inventory.exists() and not memory_keyring.entries
    # and named, it is read
    _, _, inventory_text, _ = imported(tmp_path / "x", export, "--encoding", "cp1252")
    assert 'store = "Boutique Café Nîmes"' in inventory_text


def test_a_latin_1_file_that_happens_to_be_gb18030_is_never_read_silently(
    tmp_path: Path,
) -> None:
    text = LATIN.replace("Boutique Café Nîmes", "Müller Shop")  # "ül" is a valid GBK pair
    _, said, _, _ = imported(tmp_path, write(tmp_path / "x", text.encode("latin-1")))
    assert said.splitlines()[0] == (
        f"store-audit: {tmp_path / 'x' / 'export.csv'} is not UTF-8: read as GB18030 (Chinese "
        "Windows); if names look wrong, pass --encoding with the one it was saved in"
    )


def test_utf16_without_a_byte_order_mark_is_one_line(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    export = write(tmp_path / "x", ORIGINAL.encode("utf-16-le"))
    result = invoke("import", export, "--from", "chrome", "--inventory", tmp_path / "i.toml")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines() == [
        f"store-audit: error: {export}: holds NUL bytes, as UTF-16 text without a byte-order "
        "mark does",
        "hint: pass --encoding utf-16-le (or utf-16-be)",
    ]
    _, _, inventory, _ = imported(tmp_path / "x", export, "--encoding", "utf-16-le")
    assert 'store = "易贝英国"' in inventory


def test_a_wrong_or_unknown_encoding_is_one_line(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    export = write(tmp_path / "x", ORIGINAL.encode("gbk"))
    inventory = tmp_path / "store-audit.toml"
    wrong = invoke(
        "import", export, "--from", "chrome", "--inventory", inventory, "--encoding", "utf-8"
    )
    assert wrong.exit_code == ExitCode.USAGE
    assert wrong.stderr.splitlines() == [
        f"store-audit: error: {export}: not utf-8 (byte 32)",
        "hint: check --encoding",
    ]
    unknown = invoke("import", export, "--from", "chrome", "--encoding", "klingon")
    assert unknown.exit_code == ExitCode.USAGE
    assert unknown.stderr.splitlines()[0] == (
        "store-audit: error: --encoding 'klingon': not an encoding Python knows"
    )
    assert not inventory.exists() and not memory_keyring.entries


def test_a_gbk_export_piped_in_is_read_and_named_as_standard_input(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    result = invoke(
        "import",
        "-",
        "--from",
        "chrome",
        "--inventory",
        inventory,
        input=io.BytesIO(ORIGINAL.encode("gbk")),  # type: ignore[arg-type]
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "(standard input) is not UTF-8: read as GB18030" in result.stderr
    assert 'store = "亚马逊美国站"' in inventory.read_text(encoding="utf-8")
